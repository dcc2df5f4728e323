package dev.qapi.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.golden.BaseChangedEvent;
import dev.qapi.golden.Circle;
import dev.qapi.golden.Color;
import dev.qapi.golden.Figure;
import dev.qapi.golden.FigureDrawnEvent;
import dev.qapi.golden.Point;
import dev.qapi.golden.QueryBaseArguments;
import dev.qapi.golden.SchemaClient;
import dev.qapi.golden.SetOptionArguments;
import dev.qapi.golden.Shape;
import dev.qapi.golden.Setting;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.client.CallOptions;
import dev.qapi.runtime.client.EventSubscription;
import dev.qapi.runtime.client.QmpCaller;
import dev.qapi.runtime.client.QmpDecodeException;
import dev.qapi.runtime.client.QmpEvent;
import dev.qapi.runtime.client.SkewListener;
import dev.qapi.runtime.marshal.InputVisitor;
import dev.qapi.runtime.marshal.Skew;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The generated client of the golden schema over a fake connection: what goes out, what comes back. */
class GeneratedClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Answers each call with the next queued reply and keeps what was sent. */
    private static final class FakeCaller implements QmpCaller {
        final List<String> sent = new ArrayList<>();
        final List<String> replies = new ArrayList<>();
        final List<Consumer<QmpEvent>> listeners = new ArrayList<>();

        FakeCaller reply(String json) {
            replies.add(json);
            return this;
        }

        @Override
        public CompletableFuture<JsonNode> call(String command, ObjectNode arguments, CallOptions options) {
            sent.add(command + (arguments == null ? "" : " " + arguments) + (options.oob() ? " oob" : ""));
            return CompletableFuture.completedFuture(json(replies.remove(0)));
        }

        @Override
        public EventSubscription subscribe(Collection<String> names, Consumer<QmpEvent> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void emit(String name, String data) {
            QmpEvent event = new QmpEvent(name, (ObjectNode) json(data), 1, 0);
            List.copyOf(listeners).forEach(l -> l.accept(event));
        }
    }

    private static final class Skews implements SkewListener {
        final List<Skew> skews = new ArrayList<>();
        final List<String> undecodable = new ArrayList<>();

        @Override
        public void skewed(String source, List<Skew> list) {
            skews.addAll(list);
        }

        @Override
        public void undecodableEvent(QmpEvent event, QmpDecodeException error) {
            undecodable.add(error.getMessage());
        }
    }

    private static final String POINT = "{'id': 1, 'x': -2, 'y': 3, 'tags': ['a'], 'small': 255}";

    @Test
    void optionalArgumentsGoThroughTheArgumentRecordsBuilder() {
        FakeCaller fake = new FakeCaller().reply("{}").reply("{'id': 7}");
        SchemaClient client = SchemaClient.of(fake);
        client.setOption(SetOptionArguments.builder().name("speed").value(new Setting.Level((byte) 3)).build());
        assertEquals(7, client.queryBase(QueryBaseArguments.builder().build()).id());
        assertEquals(List.of("set-option {\"name\":\"speed\",\"value\":3}", "query-base {}"), fake.sent);
    }

    @Test
    void boxedCommandsTakeTheirTypeAndReturnTyped() {
        FakeCaller fake = new FakeCaller().reply(POINT);
        Point center = Point.read(new InputVisitor(json(POINT)), null);
        Point back = SchemaClient.of(fake).draw(new Figure.Circle(Optional.empty(), new Circle(center, 2.5)));
        assertEquals(center, back);
        assertEquals("draw {\"shape\":\"circle\",\"center\":" + json(POINT) + ",\"radius\":2.5}", fake.sent.get(0));
    }

    @Test
    void aNewerServersMembersAndEnumValuesArePassedOverAndReported() throws Exception {
        Skews skews = new Skews();
        FakeCaller fake = new FakeCaller().reply("[{'id': 1, 'x': 0, 'y': 0, 'tags': [], 'small': 1, 'color': 'green', 'since-2': true}]");
        List<Point> points = SchemaClient.of(fake).withSkewListener(skews).listPointsAsync().get();
        assertEquals(Optional.of(Color.UNRECOGNIZED), points.get(0).color());
        assertEquals(List.of(new Skew(Skew.Kind.UNKNOWN_ENUM_VALUE, "[0].color", json("'green'")),
                new Skew(Skew.Kind.UNKNOWN_MEMBER, "[0].since-2", json("true"))), skews.skews);
    }

    @Test
    void aUnionBranchOfAnotherVersionDecodesAsUnrecognizedWithTheObjectAsReceived() {
        FakeCaller events = new FakeCaller();
        Skews skews = new Skews();
        List<FigureDrawnEvent> got = new ArrayList<>();
        SchemaClient.of(events).withSkewListener(skews).onFigureDrawn(got::add);
        events.emit("FIGURE_DRAWN", "{'figure': {'shape': 'star', 'name': 's', 'points': 5}}");
        events.emit("FIGURE_DRAWN", "{'figure': {'shape': 'triangle'}, 'when': 5}");
        assertEquals(2, got.size());
        Figure.Unrecognized star = assertInstanceOf(Figure.Unrecognized.class, got.get(0).figure());
        assertEquals(Shape.UNRECOGNIZED, star.shape());
        assertEquals(Optional.of("s"), star.name());
        assertEquals(json("{'shape': 'star', 'name': 's', 'points': 5}"), star.received());
        assertEquals(List.of(new Skew(Skew.Kind.UNKNOWN_ENUM_VALUE, "figure.shape", json("'star'")),
                new Skew(Skew.Kind.UNKNOWN_MEMBER, "figure.points", json("5"))), skews.skews);
        assertInstanceOf(Figure.Triangle.class, got.get(1).figure());
        assertEquals(Optional.of(5L), got.get(1).when());
        assertThrows(IllegalArgumentException.class, () -> SchemaClient.of(new FakeCaller()).draw(star));
        assertEquals(List.of(), skews.undecodable);
    }

    @Test
    void anUndecodableEventGoesToTheSkewListenerNotTheTypedOne() {
        FakeCaller events = new FakeCaller();
        Skews skews = new Skews();
        List<FigureDrawnEvent> got = new ArrayList<>();
        SchemaClient.of(events).withSkewListener(skews).onFigureDrawn(got::add);
        events.emit("FIGURE_DRAWN", "{'figure': {'name': 'no shape'}}");
        assertEquals(List.of("event FIGURE_DRAWN: Parameter 'figure.shape' is missing"), skews.undecodable);
        assertEquals(List.of(), got);
    }

    @Test
    void eventsWithoutDataDecodeToo() {
        FakeCaller fake = new FakeCaller();
        List<BaseChangedEvent> got = new ArrayList<>();
        EventSubscription subscription = SchemaClient.of(fake).onBaseChanged(got::add);
        fake.emit("BASE_CHANGED", "{}");
        subscription.close();
        fake.emit("BASE_CHANGED", "{}");
        assertEquals(List.of(new BaseChangedEvent()), got);
    }

    @Test
    void argumentsGivenAsJsonAreCheckedWithQemusMemberPathsBeforeAnythingIsSent() {
        assertEquals("Parameter 'name' is missing", assertThrows(QmpException.class,
                () -> SchemaClient.Commands.ALL.get("set-option").checkArguments((ObjectNode) json("{'value': 1}"))).desc());
        assertEquals("Parameter 'center.tags' is missing", assertThrows(QmpException.class,
                () -> SchemaClient.Commands.DRAW.checkArguments((ObjectNode) json(
                        "{'shape': 'circle', 'radius': 1, 'center': {'id': 1, 'x': 0, 'y': 0, 'small': 1}}"))).desc());
        assertEquals("Parameter 'shape' does not accept value 'star'", assertThrows(QmpException.class,
                () -> SchemaClient.Commands.DRAW.checkArguments((ObjectNode) json("{'shape': 'star'}"))).desc());
    }

    @Test
    void anUnrecognizedEnumValueIsNeverSent() {
        FakeCaller fake = new FakeCaller();
        Point p = new Point(1, Optional.empty(), 0, 0, Optional.empty(), Optional.of(Color.UNRECOGNIZED), List.of(),
                Optional.empty(), (short) 1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        SchemaClient client = SchemaClient.of(fake);
        assertThrows(IllegalArgumentException.class,
                () -> client.draw(new Figure.Circle(Optional.empty(), new Circle(p, 1))));
        assertEquals(List.of(), fake.sent);
    }

    @Test
    void outOfBandIsAnOptionOfTheClientAndRefusedWhereTheSchemaDoesNotAllowIt() {
        FakeCaller fake = new FakeCaller().reply(POINT);
        SchemaClient oob = SchemaClient.of(fake).withOptions(CallOptions.DEFAULT.withOob());
        oob.draw(new Figure.Triangle(Optional.empty()));
        assertThrows(IllegalArgumentException.class, oob::listPoints);
        assertEquals(List.of("draw {\"shape\":\"triangle\"} oob"), fake.sent);
    }

    @Test
    void strictDecodingOnTheServerSideIsUnchanged() {
        InputVisitor in = new InputVisitor(json("{'color': 'green'}"));
        in.startStruct(null);
        assertEquals("Parameter 'color' does not accept value 'green'",
                assertThrows(QmpException.class, () -> Color.read(in, "color")).desc());
    }
}
