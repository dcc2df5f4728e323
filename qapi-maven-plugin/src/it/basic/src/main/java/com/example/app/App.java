package com.example.app;

import com.example.qmp.Color;
import com.example.qmp.QapiSchemaCommands;
import com.example.qmp.Target;

/** Uses the generated bindings, so that the build fails if they do not compile or are not on the path. */
public final class App {
    private App() {
    }

    public static Target target(String name) {
        return new Target(name);
    }

    public static Color[] colors() {
        return Color.values();
    }

    public static Class<?> commands() {
        return QapiSchemaCommands.class;
    }
}
