package dev.qapi.generator.java;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.parser.schema.Command;
import dev.qapi.parser.schema.Definition;
import dev.qapi.parser.schema.Event;
import dev.qapi.parser.schema.Member;
import dev.qapi.parser.schema.Schema;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.CommandContext;
import dev.qapi.runtime.dispatch.CommandHandler;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.marshal.InputVisitor;
import dev.qapi.runtime.marshal.OutputVisitor;
import dev.qapi.runtime.marshal.QapiValue;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Feeds the messages of {@code qmp-example} blocks through the generated bindings and compares what comes
 * back with what went in.
 *
 * <ul>
 * <li>A request's {@code arguments} go to the command's registered handler, which decodes them with the
 *     generated code and calls the module interface; a proxy implementation captures the decoded
 *     parameters, which are then encoded again (a boxed argument with its own {@code write}, exploded
 *     ones member by member).
 * <li>The reply's {@code return} value is decoded with the return type's generated {@code read} and
 *     handed back by the proxy, so the handler's own encoding of the result is what is compared.
 * <li>An event's {@code data} is decoded member by member and sent through the generated emitter, whose
 *     record builds the data again.
 * </ul>
 *
 * JSON trees are compared with numbers by value and object keys in any order.
 */
final class QmpExampleChecker {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final CommandContext CONTEXT = CommandContext.of(CompatPolicy.DEFAULT);

    private final Schema schema;
    private final GeneratedBindings bindings;
    private final RoundTripTally tally;
    private final CommandRegistry registry;

    /** What the proxy saw and is to answer; set around each handler call. */
    private Object[] captured;
    private Optional<Object> result = Optional.empty();

    /** The proxy found no result to return: the example shows none, or it did not decode. */
    private static final class NoResult extends RuntimeException {
        NoResult() {
            super(null, null, false, false);
        }
    }

    QmpExampleChecker(Schema schema, GeneratedBindings bindings, RoundTripTally tally) {
        this.schema = schema;
        this.bindings = bindings;
        this.tally = tally;
        this.registry = bindings.registerAll(this::answer);
    }

    private Object answer(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "proxy of " + method.getDeclaringClass().getName();
            };
        }
        captured = args == null ? new Object[0] : args;
        if (method.getReturnType() == void.class) {
            return null;
        }
        return result.orElseThrow(NoResult::new);
    }

    /** A message with its JSON parsed, or the reason it could not be. */
    private record Parsed(QmpExample.Message message, String key, JsonNode json, String problem) {
        boolean has(String member) {
            return json != null && json.has(member);
        }

        boolean isReply() {
            return json != null ? has("return") || has("error") : REPLY_START.matcher(message.json()).lookingAt();
        }
    }

    /** The start of a reply, for telling one apart when its JSON is broken. */
    private static final Pattern REPLY_START = Pattern.compile("\\{\\s*\"(return|error)\"");

    /** A request and the reply that answers it (null when the example shows none). */
    private record Exchange(Parsed request, Parsed reply) {
    }

    /** Checks every message of {@code example}. */
    void check(QmpExample example) {
        tally.example();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < example.messages().size(); i++) {
            tally.message();
            parsed.add(parse(example.messages().get(i), example.key(i + 1)));
        }
        // Replies answer the requests in order. Pair them first, since checking a request needs its reply's
        // value; requests that cannot be read are paired too, so that later replies stay with theirs.
        Deque<Parsed> pending = new ArrayDeque<>();
        List<Exchange> exchanges = new ArrayList<>();
        for (Parsed p : parsed) {
            if (p.message().direction() == QmpExample.Direction.CLIENT) {
                if (p.problem() == null && !p.has("execute") && !p.has("exec-oob")) {
                    tally.skipped(p.key(), "client message that is not a command");
                } else {
                    pending.add(p);
                }
            } else if (p.isReply()) {
                Parsed request = pending.poll();
                if (request == null) {
                    tally.skipped(p.key(), p.problem() != null ? p.problem() : "reply to a request the example does not show");
                } else {
                    exchanges.add(new Exchange(request, p));
                }
            } else if (p.problem() != null) {
                tally.skipped(p.key(), p.problem());
            } else if (p.has("event")) {
                checkEvent(p);
            } else if (schema.lookupEntity(example.symbol()).orElse(null) instanceof Command c && c.retTypeName() != null) {
                checkBareResult(c, p);
            } else {
                tally.skipped(p.key(), "server message that is neither reply nor event");
            }
        }
        pending.forEach(request -> exchanges.add(new Exchange(request, null)));
        exchanges.forEach(this::checkExchange);
    }

    private static Parsed parse(QmpExample.Message message, String key) {
        String text = message.json();
        if (!text.startsWith("{")) {
            return new Parsed(message, key, null, "not a JSON object (prose or placeholder)");
        }
        try {
            return new Parsed(message, key, JSON.readTree(text), null);
        } catch (JsonProcessingException e) {
            boolean elided = text.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").contains("...");
            return new Parsed(message, key, null, elided ? "elided with ..." : "invalid JSON");
        }
    }

    // ---- commands ---------------------------------------------------------------------------------

    private void checkExchange(Exchange exchange) {
        Parsed request = exchange.request();
        Parsed reply = exchange.reply();
        if (request.problem() != null) {
            tally.skipped(request.key(), request.problem());
            if (reply != null) {
                tally.skipped(reply.key(), reply.problem() != null ? reply.problem() : "reply to a request that cannot be read");
            }
            return;
        }
        if (reply != null && reply.problem() != null) {
            tally.skipped(reply.key(), reply.problem());
            reply = null;
        }
        String name = (request.has("execute") ? request.json().get("execute") : request.json().get("exec-oob")).asText();
        String unchecked = null;
        Optional<CommandRegistry.Registered> registered = registry.lookup(name);
        Command command = schema.lookupEntity(name).orElse(null) instanceof Command c ? c : null;
        JsonNode arguments = request.has("arguments") ? request.json().get("arguments") : JSON.createObjectNode();
        if (command == null) {
            unchecked = "command not in the schema";
        } else if (!command.gen()) {
            unchecked = "command with gen: false (no generated marshalling)";
        } else if (registered.isEmpty()) {
            unchecked = "command not generated";
        } else if (!arguments.isObject()) {
            unchecked = "arguments not an object";
        }
        if (unchecked != null) {
            tally.skipped(request.key(), unchecked);
            if (reply != null) {
                tally.skipped(reply.key(), unchecked);
            }
            return;
        }
        checkCall(command, registered.get().handler(), (ObjectNode) arguments, request, reply);
    }

    /** Runs the handler of {@code command} on the request, with the reply's value (if any) to return. */
    private void checkCall(Command command, CommandHandler handler, ObjectNode arguments, Parsed request, Parsed reply) {
        boolean returns = reply != null && reply.has("return");
        String resultProblem = returns ? prepareResult(command, reply.json().get("return")) : null;
        Optional<JsonNode> output;
        try {
            output = invoke(handler, arguments);
        } catch (QmpException e) {
            if (reply != null && reply.has("error")) {
                tally.skipped(request.key(), "request rejected, as its error reply shows");
            } else {
                tally.failed(request.key(), "arguments of " + command.name() + " do not decode: " + e.getMessage());
            }
            if (reply != null) {
                tally.skipped(reply.key(), "reply to a request that did not decode");
            }
            return;
        } catch (RuntimeException e) {
            if (captured == null) {
                tally.failed(request.key(), command.name() + " failed decoding its arguments: " + e);
                if (reply != null) {
                    tally.skipped(reply.key(), "reply to a request that did not decode");
                }
            } else {
                checkArguments(command, arguments, request);
                if (reply != null) {
                    tally.failed(reply.key(), command.name() + " failed encoding its result: " + e);
                }
            }
            return;
        }
        checkArguments(command, arguments, request);
        if (reply == null) {
            return;
        }
        if (!returns) {
            tally.skipped(reply.key(), "error reply");
        } else if (resultProblem != null) {
            tally.failed(reply.key(), "return value of " + command.name() + " does not decode: " + resultProblem);
        } else {
            compare(reply.key(), command.name() + " return", reply.json().get("return"), output.orElseThrow());
        }
    }

    /**
     * Checks a value shown on its own in a command's doc (not wrapped in {@code {"return": ...}}, with no
     * request) as a result of the command: decoded and encoded with its return type's generated code.
     */
    private void checkBareResult(Command command, Parsed message) {
        String what = "bare " + command.name() + " result";
        Object value;
        try {
            value = bindings.read(new InputVisitor(message.json()), null, command.retTypeName());
        } catch (QmpException e) {
            tally.failed(message.key(), what + " does not decode: " + e.getMessage());
            return;
        }
        compare(message.key(), what, message.json(), bindings.write(new OutputVisitor(), command.retTypeName(), value));
    }

    /** Decodes the example's return value for the proxy to hand back; returns the problem, if any. */
    private String prepareResult(Command command, JsonNode value) {
        result = Optional.empty();
        if (command.retTypeName() == null) {
            return null;
        }
        try {
            result = Optional.of(bindings.read(new InputVisitor(value), null, command.retTypeName()));
            return null;
        } catch (RuntimeException e) {
            return e instanceof QmpException ? e.getMessage() : e.toString();
        }
    }

    /**
     * Runs the handler, the proxy capturing the parameters; returns its output, or empty when the proxy had
     * no result to return.
     */
    private Optional<JsonNode> invoke(CommandHandler handler, ObjectNode arguments) {
        captured = null;
        try {
            return Optional.of(handler.invoke(arguments.deepCopy(), CONTEXT));
        } catch (NoResult e) {
            return Optional.empty();
        } finally {
            result = Optional.empty();
        }
    }

    private void checkArguments(Command command, ObjectNode arguments, Parsed request) {
        OutputVisitor out = new OutputVisitor(CompatPolicy.DEFAULT);
        JsonNode again;
        if (command.argTypeName() == null) {
            again = out.object();
        } else {
            List<Member> members = schema.objectType(command.argTypeName()).members();
            // Boxed commands and those with optional arguments take one record (CommandShape), the others
            // one parameter per argument.
            if (command.boxed() || members.stream().anyMatch(Member::optional)) {
                again = ((QapiValue) captured[0]).write(out);
            } else {
                again = bindings.writeMembers(out, members, captured);
            }
        }
        compare(request.key(), command.name() + " arguments", arguments, again);
    }

    // ---- events -----------------------------------------------------------------------------------

    private void checkEvent(Parsed message) {
        String name = message.json().get("event").asText();
        Optional<Definition> definition = schema.lookupEntity(name);
        if (definition.isEmpty() || !(definition.get() instanceof Event event)) {
            tally.skipped(message.key(), "event not in the schema");
            return;
        }
        String[] emittedName = new String[1];
        ObjectNode[] emitted = new ObjectNode[1];
        Optional<GeneratedBindings.Emitter> emitter = bindings.emitter(name, (n, data) -> {
            emittedName[0] = n;
            emitted[0] = data;
        });
        if (emitter.isEmpty()) {
            tally.skipped(message.key(), "event not generated");
            return;
        }
        JsonNode data = message.json().has("data") ? message.json().get("data") : JSON.createObjectNode();
        try {
            if (event.argTypeName() == null) {
                emitter.get().emit();
            } else if (event.boxed()) {
                emitter.get().emit(bindings.read(new InputVisitor(data), null, event.argTypeName()));
            } else {
                List<Member> members = schema.objectType(event.argTypeName()).members();
                emitter.get().emit(bindings.readMembers(new InputVisitor(data), members));
            }
        } catch (QmpException e) {
            tally.failed(message.key(), "data of " + name + " does not decode: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            tally.failed(message.key(), name + " failed: " + e);
            return;
        }
        if (!name.equals(emittedName[0])) {
            tally.failed(message.key(), "event " + name + " emitted as " + emittedName[0]);
            return;
        }
        JsonNode again = emitted[0];
        if (again == null && event.argTypeName() == null) {
            again = JSON.createObjectNode(); // an event without data is sent without a data member
        }
        if (again == null) {
            tally.failed(message.key(), "event " + name + " emitted without data");
            return;
        }
        compare(message.key(), name + " data", data, again);
    }

    // ---- comparing --------------------------------------------------------------------------------

    private void compare(String key, String what, JsonNode expected, JsonNode actual) {
        if (sameJson(expected, actual)) {
            tally.roundTripped(key, expected.isObject() && expected.isEmpty());
        } else {
            tally.failed(key, what + " came back different:\n      sent " + expected + "\n      got  " + actual);
        }
    }

    /** Equal as JSON values: numbers by value ({@code 1}, {@code 1.0}), object members in any order. */
    static boolean sameJson(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!sameJson(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
