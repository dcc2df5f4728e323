package com.example.app;

import com.example.qmp.PongEvent;
import com.example.qmp.SchemaClient;
import com.example.qmp.Target;
import dev.qapi.runtime.client.QmpCaller;

/** Uses the generated client, so that the build fails if it does not compile or is not on the path. */
public final class App {
    private App() {
    }

    public static Target ping(QmpCaller caller, String name) {
        SchemaClient client = SchemaClient.of(caller);
        client.onPong((PongEvent pong) -> System.out.println(pong.color()));
        return client.ping(new Target(name));
    }
}
