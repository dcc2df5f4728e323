package com.example.app;

import com.example.qga.GuestInfo;
import com.example.qmp.Target;

/** Uses the bindings of both schemas. */
public final class App {
    private App() {
    }

    public static String describe(Target target, GuestInfo info) {
        return target.name() + " " + info.version();
    }
}
