package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.golden.Color;
import dev.qapi.golden.Figure;
import dev.qapi.golden.FigureBase;
import dev.qapi.golden.GoldenCommands;
import dev.qapi.golden.GoldenCommandsMarshal;
import dev.qapi.golden.GoldenEvents;
import dev.qapi.golden.Point;
import dev.qapi.golden.SchemaIntrospection;
import dev.qapi.golden.SetOptionArguments;
import dev.qapi.golden.Setting;
import dev.qapi.golden.Shape;
import dev.qapi.runtime.QNull;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.dispatch.CommandContext;
import dev.qapi.runtime.dispatch.CommandRegistry;
import dev.qapi.runtime.marshal.CompatPolicy;
import dev.qapi.runtime.marshal.InputVisitor;
import dev.qapi.runtime.marshal.OutputVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The golden bindings (src/test/golden, generated from golden.json) behave as QEMU's generated C does on
 * the wire: same decoding, same error texts, same compat policy handling.
 */
class GeneratedCodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CompatPolicy REJECT_DEPRECATED = new CompatPolicy(
            CompatPolicy.Input.REJECT, CompatPolicy.Output.HIDE, CompatPolicy.Input.ACCEPT, CompatPolicy.Output.ACCEPT);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String error(Runnable r) {
        return assertThrows(QmpException.class, r::run).desc();
    }

    private static final String POINT = "{'id': 1, 'x': -2, 'y': 18446744073709551615, 'tags': ['a'], 'small': 255}";

    @Test
    void structRoundTripsIncludingBaseMembersAndUnsigned64() {
        Point p = Point.read(new InputVisitor(json(POINT)), null);
        assertEquals(1, p.id());
        assertEquals(-1L, p.y(), "uint64 max is held as the long -1");
        assertEquals(Optional.empty(), p.z());
        assertEquals(json(POINT).toString(), p.write(new OutputVisitor()).toString());
    }

    @Test
    void missingUnexpectedAndMistypedMembersGiveQemusTexts() {
        assertEquals("Parameter 'x' is missing", error(() -> Point.read(new InputVisitor(json("{'id': 1}")), null)));
        assertEquals("Invalid parameter type for 'tags', expected: array",
                error(() -> Point.read(new InputVisitor(json("{'id': 1, 'x': 1, 'y': 1, 'tags': 'a', 'small': 1}")), null)));
        assertEquals("Parameter 'bogus' is unexpected", error(() -> Point.read(new InputVisitor(json(
                "{'id': 1, 'x': 1, 'y': 1, 'tags': [], 'small': 1, 'bogus': 1}")), null)));
        assertEquals("Invalid parameter type for 'tags[1]', expected: string", error(() -> Point.read(new InputVisitor(json(
                "{'id': 1, 'x': 1, 'y': 1, 'tags': ['a', 2], 'small': 1}")), null)));
        assertEquals("Invalid parameter type for 'x', expected: integer", error(() -> Point.read(new InputVisitor(json(
                "{'id': 1, 'x': 1.5, 'y': 1, 'tags': [], 'small': 1}")), null)));
        assertEquals("Invalid parameter type for '<anonymous>', expected: object",
                error(() -> Point.read(new InputVisitor(json("[]")), null)));
    }

    @Test
    void rangeErrorsUseTheLocalNameAndTheCType() {
        assertEquals("Parameter 'small' expects uint8_t", error(() -> Point.read(new InputVisitor(json(
                "{'id': 1, 'x': 1, 'y': 1, 'tags': [], 'small': 256}")), null)));
        assertEquals("Parameter 'small' expects uint8_t", error(() -> Point.read(new InputVisitor(json(
                "{'id': 1, 'x': 1, 'y': 1, 'tags': [], 'small': -1}")), null)));
        assertEquals("Parameter 'x' expects int32_t", error(() -> Point.read(new InputVisitor(json(
                "{'id': 1, 'x': 2147483648, 'y': 1, 'tags': [], 'small': 1}")), null)));
        assertEquals("Parameter 'y' expects uint64", error(() -> Point.read(new InputVisitor(json(
                "{'id': 1, 'x': 1, 'y': 1.0, 'tags': [], 'small': 1}")), null)));
        Point wrapped = Point.read(new InputVisitor(json("{'id': 1, 'x': 1, 'y': -1, 'tags': [], 'small': 1}")), null);
        assertEquals("18446744073709551615", wrapped.write(new OutputVisitor()).get("y").asText(),
                "negative uint64 input wraps, as QEMU accepts it");
    }

    @Test
    void nestedPathsInUnionBranches() {
        assertEquals("Parameter 'center.x' is missing", error(() -> Figure.read(new InputVisitor(json(
                "{'shape': 'circle', 'center': {'id': 1}, 'radius': 1}")), null)));
        assertEquals("Parameter 'corners[0].id' is missing", error(() -> Figure.read(new InputVisitor(json(
                "{'shape': 'square', 'corners': [{}]}")), null)));
    }

    @Test
    void unionChoosesItsBranchByTheDiscriminatorAndRoundTrips() {
        String text = "{'shape': 'circle', 'name': 'c', 'center': " + POINT + ", 'radius': 2.5}";
        Figure f = Figure.read(new InputVisitor(json(text)), null);
        Figure.Circle circle = assertInstanceOf(Figure.Circle.class, f);
        assertEquals(Shape.CIRCLE, circle.shape());
        assertEquals(2.5, circle.data().radius());
        assertEquals(json(text).toString(), f.write(new OutputVisitor()).toString());
        Figure triangle = Figure.read(new InputVisitor(json("{'shape': 'triangle'}")), null);
        assertEquals(json("{'shape': 'triangle'}"), triangle.write(new OutputVisitor()));
        assertEquals("Parameter 'shape' is missing", error(() -> Figure.read(new InputVisitor(json("{}")), null)));
        assertEquals("Parameter 'shape' does not accept value 'blob'",
                error(() -> Figure.read(new InputVisitor(json("{'shape': 'blob'}")), null)));
        assertEquals("Parameter 'radius' is unexpected",
                error(() -> Figure.read(new InputVisitor(json("{'shape': 'triangle', 'radius': 1}")), null)));
    }

    @Test
    void alternateChoosesByJsonType() {
        assertEquals(new Setting.Flag(true), Setting.read(new InputVisitor(json("true")), null));
        assertEquals(new Setting.Level((byte) -3), Setting.read(new InputVisitor(json("-3")), null));
        assertEquals(new Setting.Shape(Shape.SQUARE), Setting.read(new InputVisitor(json("'square'")), null));
        assertEquals(new Setting.Levels(List.of((short) 1, (short) 2)), Setting.read(new InputVisitor(json("[1, 2]")), null));
        assertEquals(new Setting.Nothing(QNull.INSTANCE), Setting.read(new InputVisitor(json("null")), null));
        assertInstanceOf(Setting.Point.class, Setting.read(new InputVisitor(json(POINT)), null));
        assertEquals("Parameter 'level' expects int8_t", error(() -> Setting.read(new InputVisitor(json("300")), "level")));
        assertEquals("Parameter 'null' expects uint8_t", error(() -> Setting.read(new InputVisitor(json("[300]")), null)));
        assertEquals("Parameter 'null' does not accept value 'blob'",
                error(() -> Setting.read(new InputVisitor(json("'blob'")), null)));
    }

    @Test
    void aFloatForAnAlternateWithAnIntegerBranchFailsInThatBranch() {
        CommandRegistry registry = registry(new Recorder());
        assertEquals("Invalid parameter type for 'value', expected: integer",
                error(() -> invoke(registry, "set-option", "{'name': 'n', 'value': 1.5}", CompatPolicy.DEFAULT)));
    }

    @Test
    void enumsKeepTheirWireNamesAndPrefix() {
        assertEquals("ultra-violet", Color.ULTRA_VIOLET.wireName());
        assertEquals("1st-choice", Color._1ST_CHOICE.wireName());
        assertEquals(Optional.of(Color.BLUE), Color.fromWire("blue"));
        assertEquals("COL", Color.QAPI_PREFIX);
    }

    @Test
    void commandsDecodeArgumentsAndEncodeResults() {
        Recorder impl = new Recorder();
        CommandRegistry registry = registry(impl);
        assertEquals(json("{}"), invoke(registry, "set-option", "{'name': 'speed', 'value': 3, 'in': 7}", CompatPolicy.DEFAULT));
        assertEquals(List.of("setOption speed Level[value=3] Optional.empty Optional[7]"), impl.calls);
        assertEquals(json("[" + POINT + "]").toString(), invoke(registry, "list-points", "{}", CompatPolicy.DEFAULT).toString());
        assertEquals("Parameter 'name' is missing", error(() -> invoke(registry, "set-option", "{}", CompatPolicy.DEFAULT)));
        assertEquals("Parameter 'x' is unexpected", error(() -> invoke(registry, "list-points", "{'x': 1}", CompatPolicy.DEFAULT)));
        assertTrue(registry.lookup("draw").orElseThrow().info().allowOob());
        assertTrue(registry.lookup("ping").isEmpty(), "gen: false commands are registered by hand");
        assertEquals("ping", GoldenCommandsMarshal.PING.name());
    }

    @Test
    void compatPolicyRejectsDeprecatedInputAndHidesDeprecatedOutput() {
        CommandRegistry registry = registry(new Recorder());
        String figure = "{'shape': 'circle', 'center': {'id': 1, 'x': 0, 'y': 0, 'tags': [], 'small': 1, 'old': 5,"
                + " 'color': 'blue'}, 'radius': 1}";
        assertEquals("Deprecated value blue disabled by policy", error(() -> invoke(registry, "draw", figure, REJECT_DEPRECATED)),
                "members are checked in schema order: color comes before old");
        assertEquals("Deprecated parameter old disabled by policy",
                error(() -> invoke(registry, "draw", figure.replace(" 'color': 'blue'", " 'color': 'red'"), REJECT_DEPRECATED)));
        JsonNode shown = invoke(registry, "draw", figure, CompatPolicy.DEFAULT);
        assertEquals(5, shown.get("old").asInt());
        JsonNode hidden = Point.read(new InputVisitor(json(POINT.replace("}", ", 'old': 5}"))), null)
                .write(new OutputVisitor(REJECT_DEPRECATED));
        assertEquals(null, hidden.get("old"), "deprecated members are hidden on output");
    }

    @Test
    void eventsGoToTheSinkWithDataLeftOutWhenThereIsNone() {
        List<String> sent = new ArrayList<>();
        GoldenEvents events = GoldenEvents.to((name, data) -> sent.add(name + " " + data), CompatPolicy.DEFAULT);
        events.figureDrawn(new Figure.Triangle(Optional.empty()), Optional.of(12L));
        events.canvasCleared(new FigureBase(Shape.CIRCLE, Optional.of("c")));
        assertEquals(List.of("FIGURE_DRAWN {\"figure\":{\"shape\":\"triangle\"},\"when\":12}",
                "CANVAS_CLEARED {\"shape\":\"circle\",\"name\":\"c\"}"), sent);
        dev.qapi.golden.GoldenSubEvents.to((name, data) -> sent.add(name + " " + data), CompatPolicy.DEFAULT).baseChanged();
        assertEquals("BASE_CHANGED null", sent.get(2));
        List<String> hidden = new ArrayList<>();
        CompatPolicy hideUnstable = new CompatPolicy(CompatPolicy.Input.ACCEPT, CompatPolicy.Output.ACCEPT,
                CompatPolicy.Input.ACCEPT, CompatPolicy.Output.HIDE);
        GoldenEvents.to((name, data) -> hidden.add(name), hideUnstable).figureDrawn(new Figure.Triangle(Optional.empty()), Optional.empty());
        assertEquals(List.of(), hidden, "unstable events are hidden by unstable-output=hide");
    }

    @Test
    void recordsValidateTheirComponents() {
        assertThrows(NullPointerException.class, () -> new FigureBase(null, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Point.builder().id(1).x(0).y(0).tags(List.of()).small((short) 256).build());
        Point built = Point.builder().id(1).x(-2).y(-1).tags(List.of("a")).small((short) 255).build();
        assertEquals(Point.read(new InputVisitor(json(POINT)), null), built);
    }

    @Test
    void introspectionResourceIsServedFromTheClassPath() {
        assertTrue(SchemaIntrospection.json().startsWith("["));
    }

    private static CommandRegistry registry(Recorder impl) {
        CommandRegistry registry = new CommandRegistry();
        GoldenCommandsMarshal.register(registry, impl);
        return registry;
    }

    private static JsonNode invoke(CommandRegistry registry, String command, String args, CompatPolicy policy) {
        return registry.lookup(command).orElseThrow().handler().invoke((ObjectNode) json(args), CommandContext.of(policy));
    }

    /** Records calls; answers with fixed values. */
    private static final class Recorder implements GoldenCommands {
        final List<String> calls = new ArrayList<>();

        @Override
        public Point draw(Figure arg) {
            return ((Figure.Circle) arg).data().center();
        }

        @Override
        public void setOption(SetOptionArguments arg) {
            calls.add("setOption " + arg.name() + " " + arg.value() + " " + arg.force() + " " + arg.in());
        }

        @Override
        public List<Point> listPoints() {
            return List.of(Point.read(new InputVisitor(json(POINT)), null));
        }
    }
}
