package dev.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.CommandContext;
import dev.qapi.runtime.dispatch.CommandInfo;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.marshal.InputVisitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Ready implementations of the protocol-level commands, with QEMU's behaviour: {@code qmp_capabilities},
 * {@code query-version}, {@code query-commands} and {@code query-qmp-schema}.
 */
public final class ProtocolCommands {
    private ProtocolCommands() {
    }

    /** Registers {@code qmp_capabilities}, {@code query-version} and {@code query-commands}. */
    public static void registerBasics(CommandRegistry registry) {
        registry.register(new CommandInfo("qmp_capabilities", false, true, true, 0, List.of()), ProtocolCommands::capabilities);
        registry.register(new CommandInfo("query-version", false, true, true, 0, List.of()), (args, ctx) -> {
            noArguments(args, ctx);
            return server(ctx).versionShared();
        });
        registry.register(new CommandInfo("query-commands", false, true, true, 0, List.of()), (args, ctx) -> {
            noArguments(args, ctx);
            ArrayNode list = QmpDispatcher.NODES.arrayNode();
            List<CommandRegistry.Registered> all = new ArrayList<>(registry.commands());
            // QEMU builds the list by prepending, so it comes out in reverse registration order.
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).enabled()) {
                    list.addObject().put("name", all.get(i).info().name());
                }
            }
            return list;
        });
    }

    /**
     * Registers {@code query-qmp-schema}, answering with {@code introspectionJson} (the generated
     * {@code SchemaIntrospection.json()}); with {@code deprecated-output=hide}, deprecated entries and
     * members are left out as QEMU does.
     */
    public static void registerQuerySchema(CommandRegistry registry, String introspectionJson) {
        ArrayNode schema;
        try {
            schema = (ArrayNode) new ObjectMapper().readTree(introspectionJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.register(new CommandInfo("query-qmp-schema", false, true, true, 0, List.of()), (args, ctx) -> {
            noArguments(args, ctx);
            if (ctx.policy().deprecatedOutput() == CompatPolicy.Output.HIDE) {
                return hideDeprecated(schema);
            }
            return schema.deepCopy();
        });
    }

    private static QmpServer server(CommandContext ctx) {
        return ((MonitorContext) ctx).server();
    }

    private static void noArguments(ObjectNode args, CommandContext ctx) {
        InputVisitor in = new InputVisitor(args, ctx.policy());
        in.startStruct(null);
        in.checkStruct();
        in.endStruct();
    }

    private static JsonNode capabilities(ObjectNode args, CommandContext ctx) {
        InputVisitor in = new InputVisitor(args, ctx.policy());
        in.startStruct(null);
        List<String> enable = List.of();
        if (in.optional("enable")) {
            enable = in.readList("enable", (v, name) -> {
                String value = v.readStr(name);
                if (!value.equals("oob")) {
                    throw v.enumValueError(name, value);
                }
                return value;
            });
        }
        in.checkStruct();
        in.endStruct();
        QmpMonitor monitor = ((MonitorContext) ctx).monitor();
        if (!monitor.negotiating()) {
            throw new QmpException(QmpException.COMMAND_NOT_FOUND, "Capabilities negotiation is already complete, command ignored");
        }
        List<String> missing = enable.stream().filter(c -> !monitor.offeredCapabilities().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw QmpException.generic("Capability " + String.join(", ", missing) + " not available");
        }
        monitor.enterCommandMode(enable.contains("oob"));
        return QmpDispatcher.NODES.objectNode();
    }

    /**
     * QEMU's {@code zap_deprecated}: deprecated entities and deprecated object members go; and since
     * {@code SchemaInfoEnum}'s own {@code values} member is deprecated, the output visitor hides it too.
     */
    private static ArrayNode hideDeprecated(ArrayNode schema) {
        ArrayNode out = QmpDispatcher.NODES.arrayNode();
        for (JsonNode entry : schema) {
            if (deprecated(entry)) {
                continue;
            }
            ObjectNode copy = (ObjectNode) entry.deepCopy();
            String meta = copy.path("meta-type").asText();
            if (meta.equals("object") && copy.get("members") instanceof ArrayNode members) {
                for (Iterator<JsonNode> it = members.elements(); it.hasNext();) {
                    if (deprecated(it.next())) {
                        it.remove();
                    }
                }
            } else if (meta.equals("enum")) {
                copy.remove("values");
            }
            out.add(copy);
        }
        return out;
    }

    private static boolean deprecated(JsonNode node) {
        JsonNode features = node.get("features");
        if (features == null) {
            return false;
        }
        for (JsonNode f : features) {
            if (f.asText().equals("deprecated")) {
                return true;
            }
        }
        return false;
    }
}
