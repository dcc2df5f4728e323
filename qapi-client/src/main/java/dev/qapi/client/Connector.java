package dev.qapi.client;

import dev.qapi.runtime.client.QmpConnectionException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes the socket connection of a {@link QmpClient} on its loop, without blocking: one attempt, or
 * attempts every {@link #RETRY_MS} ms while the socket does not exist yet or refuses connections and
 * {@link QmpClient.Builder#waitForSocket} allows.
 */
final class Connector implements QmpEventLoop.Handler {
    static final long RETRY_MS = 10;

    private final QmpClient.Config config;
    private final SocketAddress address;
    private final CompletableFuture<QmpClient> result = new CompletableFuture<>();
    private final long giveUpAt;
    private final long connectDeadline;
    private SocketChannel channel;

    private Connector(QmpClient.Config config, SocketAddress address) {
        this.config = config;
        this.address = address;
        long now = System.nanoTime();
        this.giveUpAt = now + config.waitForSocket().map(d -> d.toNanos()).orElse(0L);
        this.connectDeadline = now + config.waitForSocket().map(d -> d.toNanos()).orElse(0L)
                + config.connectTimeout().toNanos();
    }

    static CompletableFuture<QmpClient> connect(QmpClient.Config config, SocketAddress address) {
        Connector c = new Connector(config, address);
        config.loop().execute(c::attempt);
        return c.result;
    }

    static String describe(SocketAddress address) {
        return address instanceof UnixDomainSocketAddress u ? u.getPath().toString() : String.valueOf(address);
    }

    private void attempt() {
        try {
            channel = address instanceof UnixDomainSocketAddress
                    ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
            channel.configureBlocking(false);
            if (channel.connect(address)) {
                connected();
            } else {
                SocketChannel pendingChannel = channel;
                channel.register(config.loop().selector(), SelectionKey.OP_CONNECT, this);
                config.loop().schedule(connectDeadline - System.nanoTime(), () -> {
                    if (channel == pendingChannel) {
                        failed(new IOException("connection not established within the connect timeout"));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
        if (key.isConnectable() && channel.finishConnect()) {
            key.interestOps(0);
            connected();
        }
    }

    @Override
    public void failed(Throwable cause) {
        closeQuietly(channel);
        channel = null;
        if (result.isDone()) {
            return;
        }
        if (System.nanoTime() - giveUpAt < 0 && cause instanceof IOException) {
            config.loop().schedule(TimeUnit.MILLISECONDS.toNanos(RETRY_MS), this::attempt);
            return;
        }
        String waited = config.waitForSocket().map(d -> " (waited " + d.toMillis() + " ms for it)").orElse("");
        result.completeExceptionally(new QmpConnectionException("cannot connect to " + describe(address)
                + waited + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause));
    }

    private void connected() {
        SocketChannel ch = channel;
        channel = null;
        QmpClient.start(config, ch, describe(address)).whenComplete((c, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(c);
            }
        });
    }

    static void closeQuietly(Channel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do with it
            }
        }
    }
}
