package dev.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.marshal.InputVisitor;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a generated typed client runs on: encodes the arguments, calls through a {@link QmpCaller},
 * decodes the reply tolerantly ({@link InputVisitor#tolerant}), and decodes events for typed listeners.
 * Immutable and thread-safe; {@link #withOptions} and {@link #withSkewListener} give variants sharing
 * the connection.
 *
 * <p>Arguments are checked before anything is sent: an argument record cannot be built invalid, and an
 * enum's {@code UNRECOGNIZED} constant, or {@code exec-oob} of a command that does not allow it, is
 * refused with an {@link IllegalArgumentException} on the calling thread.
 */
public final class TypedCaller {
    private final QmpCaller caller;
    private final CallOptions options;
    private final SkewListener skews;

    private TypedCaller(QmpCaller caller, CallOptions options, SkewListener skews) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.options = Objects.requireNonNull(options, "options");
        this.skews = Objects.requireNonNull(skews, "skews");
    }

    /** Calls through {@code caller} with {@link CallOptions#DEFAULT}, skews logged ({@link SkewListener#LOG}). */
    public static TypedCaller of(QmpCaller caller) {
        return new TypedCaller(caller, CallOptions.DEFAULT, SkewListener.LOG);
    }

    /** The connection calls go through. */
    public QmpCaller caller() {
        return caller;
    }

    /** The options every call is made with. */
    public CallOptions options() {
        return options;
    }

    /** The same connection, calls made with {@code options}. */
    public TypedCaller withOptions(CallOptions options) {
        return new TypedCaller(caller, options, skews);
    }

    /** The same connection, skews reported to {@code listener}. */
    public TypedCaller withSkewListener(SkewListener listener) {
        return new TypedCaller(caller, options, listener);
    }

    /**
     * Calls {@code command}: completes with the decoded return value, or exceptionally as
     * {@link QmpCaller#call} says, or with a {@link QmpDecodeException} when the reply does not decode.
     *
     * @param args the arguments (ignored when the command takes none)
     * @throws IllegalArgumentException when the arguments cannot be sent; nothing is sent then
     */
    public <A, R> CompletableFuture<R> async(ClientCommand<A, R> command, A args) {
        ObjectNode json = encode(command, args);
        return caller.call(command.name(), json, options).thenApply(reply -> decodeReturn(command, reply));
    }

    /**
     * Calls {@code command} and waits for its reply, through {@link QmpCaller#execute}: a connection
     * that reads replies on a thread of its own refuses to wait on that thread (a listener or a
     * future's callback running there) rather than wait for ever.
     *
     * @throws QmpException the server's error reply
     * @throws QmpConnectionException the connection broke or could not be used
     * @throws QmpTimeoutException the call's timeout passed
     * @throws QmpDecodeException the reply does not fit the bindings
     * @throws CancellationException the calling thread was interrupted (its interrupt flag is set again;
     *     a connection's own {@code execute} may report it as a {@link QmpConnectionException} instead)
     * @throws IllegalStateException this thread is the one that would read the reply (nothing is sent)
     * @throws IllegalArgumentException when the arguments cannot be sent; nothing is sent then
     */
    public <A, R> R sync(ClientCommand<A, R> command, A args) {
        ObjectNode json = encode(command, args);
        JsonNode reply;
        try {
            reply = caller.execute(command.name(), json, options);
        } catch (IllegalStateException e) {
            // The connection's advice names its own methods; a typed client's user needs the typed one.
            throw new IllegalStateException(command.name() + ": " + e.getMessage()
                    + " (in a generated client: the command's ...Async() method)", e);
        }
        return decodeReturn(command, reply);
    }

    private <A> ObjectNode encode(ClientCommand<A, ?> command, A args) {
        if (options.oob() && !command.allowOob()) {
            throw new IllegalArgumentException("command '" + command.name() + "' does not allow exec-oob");
        }
        return command.encodeArguments(args);
    }

    private <R> R decodeReturn(ClientCommand<?, R> command, JsonNode reply) {
        InputVisitor in = InputVisitor.tolerant(reply);
        R value;
        try {
            value = command.returns().read(in, null);
        } catch (QmpException e) {
            throw new QmpDecodeException("reply to " + command.name(), e.desc(), reply);
        }
        if (!in.skews().isEmpty()) {
            skews.skewed("reply to " + command.name(), in.skews());
        }
        return value;
    }

    /**
     * Delivers {@code event}, decoded, to {@code listener} until the subscription is closed; an event
     * that does not decode goes to the skew listener instead.
     */
    public <E> EventSubscription subscribe(ClientEvent<E> event, Consumer<? super E> listener) {
        Objects.requireNonNull(listener, "listener");
        return caller.subscribe(List.of(event.name()), raw -> {
            E value = decodeEvent(event, raw);
            if (value != null) {
                listener.accept(value);
            }
        });
    }

    /** {@code raw} decoded as {@code event}; null (after telling the skew listener) when it does not decode. */
    public <E> E decodeEvent(ClientEvent<E> event, QmpEvent raw) {
        InputVisitor in = InputVisitor.tolerant(raw.data());
        E value;
        try {
            value = event.data().read(in, null);
        } catch (QmpException e) {
            skews.undecodableEvent(raw, new QmpDecodeException("event " + raw.name(), e.desc(), raw.data()));
            return null;
        }
        if (!in.skews().isEmpty()) {
            skews.skewed("event " + raw.name(), in.skews());
        }
        return value;
    }
}
