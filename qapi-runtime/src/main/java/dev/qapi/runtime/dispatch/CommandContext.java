package dev.qapi.runtime.dispatch;

import dev.qapi.runtime.marshal.CompatPolicy;

/** What a command invocation knows about where it runs; the server supplies it. */
public interface CommandContext {

    /** The compat policy for decoding the arguments and encoding the result. */
    CompatPolicy policy();

    /** A context with nothing but a policy, e.g. for tests or in-process calls. */
    static CommandContext of(CompatPolicy policy) {
        return () -> policy;
    }
}
