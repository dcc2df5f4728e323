package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.AsyncCommandHandler;
import dev.qapi.runtime.dispatch.CommandContext;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.json.QDictOrder;
import dev.qapi.runtime.marshal.CompatPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One QMP request to one response, in the order QEMU's {@code qmp_dispatch} checks things: the request
 * must be an object; its {@code id} is copied into the response; its members are checked in QDict
 * order; the command must exist, be allowed by the compat policy, be enabled, for {@code exec-oob} allow
 * out-of-band and, during the preconfig phase, allow preconfig; then its handler runs on the arguments
 * ({@code {}} when absent).
 */
final class QmpDispatcher {
    private static final Logger LOG = Logger.getLogger(QmpDispatcher.class.getName());
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String NEGOTIATION_DESC = "Expecting capabilities negotiation with 'qmp_capabilities'";

    private final CommandRegistry registry;
    private final CompatPolicy policy;
    /** The preconfig phase ({@link QmpServer#startPreconfig}): never entered, in it, or over. */
    private final AtomicInteger phase = new AtomicInteger(NO_PRECONFIG);
    private static final int NO_PRECONFIG = 0;
    private static final int PRECONFIG = 1;
    private static final int PRECONFIG_OVER = 2;

    QmpDispatcher(CommandRegistry registry, CompatPolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    void startPreconfig() {
        if (!phase.compareAndSet(NO_PRECONFIG, PRECONFIG) && phase.get() == PRECONFIG_OVER) {
            throw new IllegalStateException("the preconfig phase is over");
        }
    }

    void exitPreconfig() {
        if (!phase.compareAndSet(PRECONFIG, PRECONFIG_OVER)) {
            throw QmpException.generic("The command is permitted only before machine initialization");
        }
    }

    boolean inPreconfig() {
        return phase.get() == PRECONFIG;
    }

    /** Whether {@code request} is out-of-band: it has {@code exec-oob} and no {@code execute}. */
    static boolean isOob(JsonNode request) {
        return request.isObject() && request.has("exec-oob") && !request.has("execute");
    }

    /**
     * Runs {@code request} for {@code session}.
     *
     * @return the response: already complete unless the command is an {@link AsyncCommandHandler} still
     *     at work; a null response for a command without success response that succeeded
     */
    CompletableFuture<Response> dispatch(JsonNode request, Session session) {
        JsonNode id = null;
        try {
            if (!request.isObject()) {
                throw QmpException.generic("QMP input must be a JSON object");
            }
            ObjectNode dict = (ObjectNode) request;
            // Fast path for the common valid request, in one pass over its members: "execute" (a
            // string), optionally "arguments" (an object) and "id", nothing else. Anything else takes
            // QEMU's walk (checkObject), which reports the first problem in QDict order.
            JsonNode execute = null;
            JsonNode arguments = null;
            boolean simple = true;
            for (Map.Entry<String, JsonNode> member : dict.properties()) {
                switch (member.getKey()) {
                    case "execute" -> execute = member.getValue();
                    case "arguments" -> arguments = member.getValue();
                    case "id" -> id = member.getValue();
                    default -> simple = false;
                }
            }
            String command;
            boolean oob;
            if (simple && execute != null && execute.isTextual() && (arguments == null || arguments.isObject())) {
                command = execute.textValue();
                oob = false;
            } else {
                String execKey = checkObject(dict, session.oobEnabled());
                command = dict.get(execKey).textValue();
                oob = execKey.equals("exec-oob");
                arguments = dict.get("arguments");
            }
            CommandRegistry.Registered cmd = lookup(command, session);
            policy.checkInput(cmd.info().specialFeatures(), QmpException.COMMAND_NOT_FOUND, "command", command);
            if (!cmd.enabled()) {
                throw new QmpException(QmpException.COMMAND_NOT_FOUND, "Command " + command + " has been disabled"
                        + cmd.disabledReason().map(r -> ": " + r).orElse(""));
            }
            if (oob && !cmd.info().allowOob()) {
                throw QmpException.generic("The command " + command + " does not support OOB");
            }
            if (!cmd.info().allowPreconfig() && phase.get() == PRECONFIG) {
                throw QmpException.generic("The command '" + command
                        + "' is permitted only after machine initialization has completed");
            }
            ObjectNode args = arguments == null ? NODES.objectNode() : (ObjectNode) arguments;
            if (cmd.handler() instanceof AsyncCommandHandler async) {
                return started(async, args, session, cmd.info().successResponse(), id);
            }
            JsonNode result = cmd.handler().invoke(args, session.context(policy));
            return CompletableFuture.completedFuture(success(cmd.info().successResponse(), result, id));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e, id, session));
        }
    }

    private CompletableFuture<Response> started(AsyncCommandHandler async, ObjectNode args, Session session,
            boolean successResponse, JsonNode id) {
        CompletionStage<JsonNode> stage = async.start(args, session.context(policy));
        if (stage == null) {
            throw new IllegalStateException("command returned no completion stage");
        }
        return stage.toCompletableFuture().handle((result, failure) -> failure == null
                ? success(successResponse, result, id)
                : failure(AsyncCommandHandler.unwrap(failure), id, session));
    }

    private static Response success(boolean successResponse, JsonNode result, JsonNode id) {
        if (!successResponse) {
            return null;
        }
        return Response.success(result == null ? NODES.objectNode() : result, id);
    }

    private static Response failure(RuntimeException e, JsonNode id, Session session) {
        if (e instanceof QmpException q) {
            return Response.message(error(q, id, session));
        }
        LOG.log(Level.WARNING, "command failed unexpectedly", e);
        return Response.message(error(QmpException.generic("internal error: " + e), id, session));
    }

    private CommandRegistry.Registered lookup(String command, Session session) {
        Optional<CommandRegistry.Registered> found = session.negotiating() && !command.equals(Session.QMP_CAPABILITIES)
                ? Optional.empty()
                : registry.lookup(command);
        return found.orElseThrow(() -> new QmpException(QmpException.COMMAND_NOT_FOUND,
                "The command " + command + " has not been found"));
    }

    /** QEMU's {@code qmp_dispatch_check_obj}: returns the key naming the command. */
    private static String checkObject(ObjectNode dict, boolean allowOob) {
        String execKey = null;
        for (Map.Entry<String, JsonNode> member : QDictOrder.entries(dict)) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals("execute") || (name.equals("exec-oob") && allowOob)) {
                if (!value.isTextual()) {
                    throw QmpException.generic("QMP input member '" + name + "' must be a string");
                }
                if (execKey != null) {
                    throw QmpException.generic("QMP input member '" + name + "' clashes with '" + execKey + "'");
                }
                execKey = name;
            } else if (name.equals("arguments")) {
                if (!value.isObject()) {
                    throw QmpException.generic("QMP input member 'arguments' must be an object");
                }
            } else if (!name.equals("id")) {
                throw QmpException.generic("QMP input member '" + name + "' is unexpected");
            }
        }
        if (execKey == null) {
            throw QmpException.generic("QMP input lacks member 'execute'");
        }
        return execKey;
    }

    /** {@code {"error": {"class": C, "desc": D}, "id": I}}, with QEMU's negotiation-mode replacement. */
    static ObjectNode error(QmpException e, JsonNode id, Session session) {
        String desc = e.desc();
        if (session != null && session.negotiating() && e.errorClass().equals(QmpException.COMMAND_NOT_FOUND)) {
            desc = NEGOTIATION_DESC;
        }
        ObjectNode error = NODES.objectNode();
        error.put("class", e.errorClass());
        error.put("desc", desc);
        ObjectNode response = NODES.objectNode();
        response.set("error", error);
        if (id != null) {
            response.set("id", id);
        }
        return response;
    }

    /** What the dispatcher needs to know about the monitor a request came from. */
    interface Session {
        String QMP_CAPABILITIES = "qmp_capabilities";

        /** Whether the monitor is still in capabilities negotiation. */
        boolean negotiating();

        /** Whether the client enabled the {@code oob} capability. */
        boolean oobEnabled();

        /** The context handed to command handlers. */
        CommandContext context(CompatPolicy policy);
    }
}
