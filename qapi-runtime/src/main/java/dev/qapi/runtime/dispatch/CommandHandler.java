package dev.qapi.runtime.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A command at the JSON level: decodes the arguments, runs, encodes the result. Generated registration
 * code wraps typed implementations in one; a {@code gen: false} command is registered with a hand-written
 * one.
 */
@FunctionalInterface
public interface CommandHandler {

    /**
     * Runs the command.
     *
     * @param arguments the request's {@code arguments} ({@code {}} when the request had none)
     * @param context where it runs
     * @return the {@code return} value ({@code {}} for commands without {@code returns})
     * @throws dev.qapi.runtime.QmpException the error to answer with
     */
    JsonNode invoke(ObjectNode arguments, CommandContext context);
}
