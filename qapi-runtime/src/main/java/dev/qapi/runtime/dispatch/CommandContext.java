package dev.qapi.runtime.dispatch;

import dev.qapi.runtime.fd.AttachedFds;
import dev.qapi.runtime.marshal.CompatPolicy;

/** What a command invocation knows about where it runs; the server supplies it. */
public interface CommandContext {

    /** The compat policy for decoding the arguments and encoding the result. */
    CompatPolicy policy();

    /**
     * The descriptors that came with this command's request (SCM_RIGHTS on a Unix socket): a command
     * that uses one takes it; the rest are closed after the command. None by default.
     */
    default AttachedFds descriptors() {
        return AttachedFds.none();
    }

    /** A context with nothing but a policy, e.g. for tests or in-process calls. */
    static CommandContext of(CompatPolicy policy) {
        return () -> policy;
    }
}
