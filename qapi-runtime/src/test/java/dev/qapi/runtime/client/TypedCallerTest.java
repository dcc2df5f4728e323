package dev.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.marshal.InputVisitor;
import dev.qapi.runtime.marshal.OutputVisitor;
import dev.qapi.runtime.marshal.Skew;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The typed layer over a fake connection: what is sent, what comes back, what is refused. */
class TypedCallerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records calls and answers each with the next queued outcome. */
    static class FakeCaller implements QmpCaller {
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<JsonNode>> outcomes = new ArrayList<>();
        Consumer<QmpEvent> listener;
        Collection<String> names;

        @Override
        public CompletableFuture<JsonNode> call(String command, ObjectNode arguments, CallOptions options) {
            sent.add(command + " " + arguments + (options.oob() ? " oob" : ""));
            return outcomes.remove(0);
        }

        @Override
        public EventSubscription subscribe(Collection<String> names, Consumer<QmpEvent> listener) {
            this.names = names;
            this.listener = listener;
            return () -> this.listener = null;
        }

        FakeCaller answer(String json) throws Exception {
            outcomes.add(CompletableFuture.completedFuture(JSON.readTree(json)));
            return this;
        }

        FakeCaller fail(Throwable error) {
            outcomes.add(CompletableFuture.failedFuture(error));
            return this;
        }
    }

    /** Arguments {name: str}. */
    record Named(String name) {
        static Named read(InputVisitor in, String n) {
            in.startStruct(n);
            String name = in.readStr("name");
            in.checkStruct();
            in.endStruct();
            return new Named(name);
        }

        ObjectNode write(OutputVisitor out) {
            ObjectNode json = out.object();
            json.put("name", name);
            return json;
        }
    }

    static final ClientCommand<Named, Named> ECHO = new ClientCommand<>("echo", false,
            Named::read, (out, v) -> v.write(out), Named::read, (out, v) -> v.write(out));
    static final ClientCommand<Void, Void> STOP = new ClientCommand<>("stop", true,
            ClientCommand.NO_ARGUMENTS, ClientCommand.EMPTY, ClientCommand.NO_RETURN, ClientCommand.EMPTY);
    static final ClientEvent<Named> NAMED = new ClientEvent<>("NAMED", Named::read, Named::write);

    static final class Recorder implements SkewListener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void skewed(String source, List<Skew> skews) {
            heard.add(source + " " + skews);
        }

        @Override
        public void undecodableEvent(QmpEvent event, QmpDecodeException error) {
            heard.add(error.getMessage());
        }
    }

    @Test
    void aCallEncodesItsArgumentsAndDecodesTheReply() throws Exception {
        FakeCaller fake = new FakeCaller().answer("{\"name\": \"b\"}").answer("{}");
        TypedCaller calls = TypedCaller.of(fake);
        assertEquals(new Named("b"), calls.sync(ECHO, new Named("a")));
        assertNull(calls.async(STOP, null).get());
        assertEquals(List.of("echo {\"name\":\"a\"}", "stop null"), fake.sent);
    }

    @Test
    void aNewerServersExtraMembersAreReportedNotFatal() throws Exception {
        Recorder recorder = new Recorder();
        TypedCaller calls = TypedCaller.of(new FakeCaller().answer("{\"name\": \"b\", \"since-11\": 1}"))
                .withSkewListener(recorder);
        assertEquals(new Named("b"), calls.sync(ECHO, new Named("a")));
        assertEquals(List.of("reply to echo [unknown member 'since-11': 1]"), recorder.heard);
    }

    @Test
    void aReplyMissingAMandatoryMemberFailsOnlyThatCallAndKeepsTheJson() throws Exception {
        TypedCaller calls = TypedCaller.of(new FakeCaller().answer("{\"other\": 1}").answer("{\"name\": \"ok\"}"));
        QmpDecodeException e = assertThrows(QmpDecodeException.class, () -> calls.sync(ECHO, new Named("a")));
        assertEquals("reply to echo: Parameter 'name' is missing", e.getMessage());
        assertEquals(JSON.readTree("{\"other\": 1}"), e.received());
        assertEquals(new Named("ok"), calls.sync(ECHO, new Named("a")));
    }

    @Test
    void errorRepliesAndBrokenConnectionsAreThrownAsTheyCame() {
        QmpException error = QmpException.generic("no");
        QmpConnectionException broken = new QmpConnectionException("gone");
        TypedCaller calls = TypedCaller.of(new FakeCaller().fail(error).fail(broken).fail(new TimeoutException()));
        assertSame(error, assertThrows(QmpException.class, () -> calls.sync(STOP, null)));
        assertSame(broken, assertThrows(QmpConnectionException.class, () -> calls.sync(STOP, null)));
        assertInstanceOf(TimeoutException.class,
                assertThrows(QmpTimeoutException.class, () -> calls.sync(STOP, null)).getCause());
    }

    @Test
    void aSynchronousCallWaitsThroughTheConnectionsExecuteSoItsRefusalToWaitReachesTheCaller() throws Exception {
        FakeCaller fake = new FakeCaller() {
            @Override
            public JsonNode execute(String command, ObjectNode arguments, CallOptions options) {
                throw new IllegalStateException("would wait for itself; use call()");
            }
        }.answer("{\"name\": \"b\"}");
        TypedCaller calls = TypedCaller.of(fake);
        assertEquals("echo: would wait for itself; use call() (in a generated client: the command's ...Async() method)",
                assertThrows(IllegalStateException.class, () -> calls.sync(ECHO, new Named("a"))).getMessage());
        assertTrue(fake.sent.isEmpty(), "nothing sent");
        assertEquals(new Named("b"), calls.async(ECHO, new Named("a")).get(), "the asynchronous shape is unaffected");
    }

    @Test
    void optionsGoWithTheCallAndOobIsRefusedForCommandsThatDoNotAllowIt() throws Exception {
        FakeCaller fake = new FakeCaller().answer("{}");
        TypedCaller oob = TypedCaller.of(fake).withOptions(CallOptions.DEFAULT.withOob().withTimeout(Duration.ofSeconds(1)));
        oob.sync(STOP, null);
        assertEquals(List.of("stop null oob"), fake.sent);
        assertThrows(IllegalArgumentException.class, () -> oob.async(ECHO, new Named("x")));
        assertEquals(1, fake.sent.size(), "nothing sent");
    }

    @Test
    void argumentsFromJsonAreCheckedWithQemusMemberPaths() throws Exception {
        assertEquals("Parameter 'name' is missing", assertThrows(QmpException.class,
                () -> ECHO.checkArguments((ObjectNode) JSON.readTree("{}"))).desc());
        assertEquals("Parameter 'x' is unexpected", assertThrows(QmpException.class,
                () -> STOP.checkArguments((ObjectNode) JSON.readTree("{\"x\": 1}"))).desc());
        assertNull(STOP.checkArguments(null));
        assertEquals(new Named("n"), ECHO.checkArguments((ObjectNode) JSON.readTree("{\"name\": \"n\"}")));
    }

    @Test
    void typedListenersGetDecodedEventsAndUndecodableOnesAreReported() throws Exception {
        FakeCaller fake = new FakeCaller();
        Recorder recorder = new Recorder();
        List<Named> got = new ArrayList<>();
        EventSubscription subscription = TypedCaller.of(fake).withSkewListener(recorder).subscribe(NAMED, got::add);
        assertEquals(List.of("NAMED"), List.copyOf(fake.names));
        fake.listener.accept(new QmpEvent("NAMED", (ObjectNode) JSON.readTree("{\"name\": \"a\"}"), 1, 2));
        fake.listener.accept(new QmpEvent("NAMED", (ObjectNode) JSON.readTree("{}"), 1, 3));
        fake.listener.accept(new QmpEvent("NAMED", (ObjectNode) JSON.readTree("{\"name\": \"b\", \"n\": 0}"), 1, 4));
        assertEquals(List.of(new Named("a"), new Named("b")), got);
        assertEquals(List.of("event NAMED: Parameter 'name' is missing", "event NAMED [unknown member 'n': 0]"),
                recorder.heard);
        subscription.close();
        assertNull(fake.listener);
    }

    @Test
    void anAsyncFailureCarriesTheDecodeException() throws Exception {
        CompletableFuture<Named> reply = TypedCaller.of(new FakeCaller().answer("[]")).async(ECHO, new Named("a"));
        ExecutionException e = assertThrows(ExecutionException.class, reply::get);
        assertTrue(e.getCause() instanceof QmpDecodeException, e.toString());
    }
}
