package dev.qapi.runtime.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * A command whose result comes later: it starts the work and returns at once. A QMP server answers when
 * the stage completes; until then the monitor's later in-band requests (and every other monitor's) wait,
 * as in QEMU where in-band commands run one at a time, while out-of-band requests are still run the
 * moment they arrive. Register it like any {@link CommandHandler}.
 */
@FunctionalInterface
public interface AsyncCommandHandler extends CommandHandler {

    /**
     * Starts the command.
     *
     * @param arguments the request's {@code arguments} ({@code {}} when the request had none)
     * @param context where it runs
     * @return the {@code return} value to come; completing exceptionally with a {@link QmpException}
     *     answers with that error
     * @throws QmpException an error known at once
     */
    CompletionStage<JsonNode> start(ObjectNode arguments, CommandContext context);

    /** Runs the command and waits for it: for callers outside a server (tests, in-process calls). */
    @Override
    default JsonNode invoke(ObjectNode arguments, CommandContext context) {
        try {
            return start(arguments, context).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QmpException.generic("interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** The exception a failed stage stands for, as a runtime exception to rethrow. */
    static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(cause);
    }
}
