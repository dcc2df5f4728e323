package dev.qapi.client;

import dev.qapi.runtime.client.QmpConnectionException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Listening mode: we bind the socket and QEMU connects to us ({@code -qmp unix:PATH,server=off}), as
 * {@code qemu.qmp}'s and libvirt's clients do, which avoids the start-up race altogether. Each
 * {@link #accept} takes the next connection and makes it a negotiated {@link QmpClient}. Closing the
 * acceptor stops listening (and deletes its Unix socket file); accepted clients stay open.
 */
public final class QmpAcceptor implements AutoCloseable {
    private final QmpClient.Config config;
    private final ServerSocketChannel server;
    private final SocketAddress address;
    private final ArrayDeque<CompletableFuture<SocketChannel>> waiting = new ArrayDeque<>();
    private SelectionKey key;
    private boolean closed;

    private QmpAcceptor(QmpClient.Config config, ServerSocketChannel server, SocketAddress address) {
        this.config = config;
        this.server = server;
        this.address = address;
    }

    static QmpAcceptor bind(QmpClient.Config config, SocketAddress address) {
        ServerSocketChannel server = null;
        try {
            server = address instanceof UnixDomainSocketAddress
                    ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
            server.bind(address, 1);
            server.configureBlocking(false);
            return new QmpAcceptor(config, server, server.getLocalAddress());
        } catch (IOException e) {
            Connector.closeQuietly(server);
            throw new QmpConnectionException("cannot listen on " + Connector.describe(address) + ": "
                    + e.getMessage(), e);
        }
    }

    /** The bound address (with the port chosen when TCP port 0 was asked for). */
    public SocketAddress address() {
        return address;
    }

    /** Waits up to {@code timeout} for the next server to connect, then negotiates with it. */
    public CompletableFuture<QmpClient> acceptAsync(Duration timeout) {
        CompletableFuture<SocketChannel> accepted = new CompletableFuture<>();
        config.loop().execute(() -> {
            if (closed) {
                accepted.completeExceptionally(new QmpConnectionException("acceptor closed"));
                return;
            }
            waiting.add(accepted);
            config.loop().schedule(timeout.toNanos(), () -> {
                if (waiting.remove(accepted)) {
                    accepted.completeExceptionally(new QmpConnectionException("nobody connected to "
                            + Connector.describe(address) + " within " + timeout.toMillis() + " ms"));
                }
            });
            try {
                if (key == null) {
                    key = server.register(config.loop().selector(), SelectionKey.OP_ACCEPT, new Handler());
                }
                key.interestOps(SelectionKey.OP_ACCEPT);
            } catch (IOException e) {
                waiting.remove(accepted);
                accepted.completeExceptionally(new QmpConnectionException("cannot accept on "
                        + Connector.describe(address) + ": " + e.getMessage(), e));
            }
        });
        return accepted.thenCompose(ch -> QmpClient.start(config, ch, "client of " + Connector.describe(address)));
    }

    /** {@link #acceptAsync} and wait. */
    public QmpClient accept(Duration timeout) {
        return QmpClient.await(acceptAsync(timeout));
    }

    private final class Handler implements QmpEventLoop.Handler {
        @Override
        public void ready(SelectionKey k) throws IOException {
            while (!waiting.isEmpty()) {
                SocketChannel ch = server.accept();
                if (ch == null) {
                    return;
                }
                waiting.poll().complete(ch);
            }
            k.interestOps(0);
        }

        @Override
        public void failed(Throwable cause) {
            closeNow(new QmpConnectionException("cannot accept on " + Connector.describe(address) + ": "
                    + cause.getMessage(), cause));
        }
    }

    /** Stops listening; waiting accepts fail. Idempotent. */
    @Override
    public void close() {
        config.loop().execute(() -> closeNow(new QmpConnectionException("acceptor closed")));
    }

    private void closeNow(QmpConnectionException cause) {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        Connector.closeQuietly(server);
        if (address instanceof UnixDomainSocketAddress u) {
            try {
                Files.deleteIfExists(u.getPath());
            } catch (IOException ignored) {
                // someone else's now
            }
        }
        CompletableFuture<SocketChannel> w;
        while ((w = waiting.poll()) != null) {
            w.completeExceptionally(cause);
        }
    }
}
