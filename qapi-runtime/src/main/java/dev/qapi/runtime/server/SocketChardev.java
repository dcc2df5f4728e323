package dev.qapi.runtime.server;

import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.fd.ChannelDescriptor;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.json.JsonBuffer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.List;
import java.util.logging.Logger;

/**
 * A socket character device in server mode, as QEMU's {@code -chardev socket,server=on}: it listens on a
 * Unix path or a TCP address, serves one client at a time (the next waits in the listen backlog until
 * the current one leaves) and carries at most one frontend. Owned by the event loop.
 */
final class SocketChardev {
    private static final Logger LOG = Logger.getLogger(SocketChardev.class.getName());
    /** Stop reading a client whose unsent output exceeds this, until it drains. */
    static final int OUTPUT_HIGH_WATER = 1 << 20;
    /**
     * The most one flush sends before the loop turns to other connections (the rest goes when the socket
     * is next found writable), so that a large reply to a fast reader does not hold everyone up.
     */
    static final int WRITE_SLICE = 256 << 10;
    /** How much of a {@link Stream} is produced at a time. */
    static final int STREAM_PIECE = 64 << 10;

    /** Output produced a piece at a time, as the socket takes it: a reply too large to build whole. */
    interface Stream {
        /**
         * Appends about {@code max} further bytes to {@code out}.
         *
         * @return whether the stream is now complete
         */
        boolean writeTo(JsonBuffer out, int max);

        /** About how many bytes are still to come (for flow control). */
        long remaining();
    }

    private final String id;
    private final SocketAddress address;
    private final EventLoop loop;
    private final ServerSocketChannel listener;
    private final SelectionKey acceptKey;
    private Frontend frontend;
    private Connection client;

    private SocketChardev(String id, SocketAddress address, EventLoop loop, ServerSocketChannel listener) throws IOException {
        this.id = id;
        this.address = address;
        this.loop = loop;
        this.listener = listener;
        listener.configureBlocking(false);
        acceptKey = listener.register(loop.selector(), SelectionKey.OP_ACCEPT, (EventLoop.Handler) k -> accept());
    }

    /**
     * Opens a listening chardev.
     *
     * @throws QmpException {@code Failed to add chardev 'ID': ...} when the address cannot be bound
     */
    static SocketChardev open(String id, SocketAddress address, EventLoop loop) {
        ServerSocketChannel channel = null;
        try {
            if (address instanceof UnixDomainSocketAddress unix) {
                channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                channel.bind(unix, 1);
            } else {
                channel = ServerSocketChannel.open();
                channel.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(address, 1);
            }
            return new SocketChardev(id, channel.getLocalAddress(), loop, channel);
        } catch (IOException | UnresolvedAddressException | UnsupportedAddressTypeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reporting the first failure
                }
            }
            throw QmpException.generic("Failed to add chardev '" + id + "': Failed to bind socket to "
                    + describe(address) + ": " + reason(e));
        }
    }

    /** The OS's reason, or for an address that did not resolve, that. */
    private static String reason(Exception e) {
        if (e instanceof UnresolvedAddressException) {
            return "address does not resolve";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String describe(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return unix.getPath().toString();
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        return inet.getHostString() + ":" + inet.getPort();
    }

    String id() {
        return id;
    }

    /** The bound address (for TCP with port 0, the port actually bound). */
    SocketAddress address() {
        return address;
    }

    boolean hasFrontend() {
        return frontend != null;
    }

    boolean connected() {
        return client != null;
    }

    /** QEMU's {@code filename} of a server socket chardev, for {@code query-chardev}. */
    String filename() {
        String base = address instanceof UnixDomainSocketAddress unix ? "unix:" + unix.getPath() + ",server=on"
                : "tcp:" + describe(address) + ",server=on";
        if (client == null) {
            return "disconnected:" + base;
        }
        if (address instanceof InetSocketAddress && client.peer() instanceof InetSocketAddress peer) {
            return base + " <-> " + peer.getHostString() + ":" + peer.getPort();
        }
        return base;
    }

    /**
     * Attaches {@code f}; it is told at once if a client is connected.
     *
     * @throws QmpException {@code chardev 'ID' is already in use} when there is a frontend already
     */
    void attach(Frontend f) {
        if (frontend != null) {
            throw QmpException.generic("chardev '" + id + "' is already in use");
        }
        frontend = f;
        if (client != null) {
            client.resume();
            f.opened(client);
        }
    }

    /** Detaches the frontend; a connected client is dropped (after its pending output, if {@code flush}). */
    void detach(boolean flush) {
        frontend = null;
        if (client != null) {
            if (flush) {
                client.closeAfterFlush();
            } else {
                client.close();
            }
        }
    }

    /** Closes the listener and any client, and removes a Unix socket file. */
    void close() {
        detach(false);
        acceptKey.cancel();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            try {
                Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                LOG.fine(() -> "cannot remove " + unix.getPath() + ": " + e.getMessage());
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = listener.accept();
        if (channel == null) {
            return;
        }
        channel.configureBlocking(false);
        if (!(address instanceof UnixDomainSocketAddress)) {
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        }
        // One client at a time: stop accepting until this one leaves.
        acceptKey.interestOps(0);
        client = new Connection(channel);
        if (frontend != null) {
            frontend.opened(client);
        }
    }

    private void clientGone(Connection c) {
        if (client != c) {
            return;
        }
        client = null;
        if (frontend != null) {
            frontend.closed();
        }
        if (acceptKey.isValid()) {
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private static final ByteBuffer NO_INPUT = ByteBuffer.allocate(0);

    /** One connected client: its socket, unsent output and unconsumed input. */
    final class Connection implements EventLoop.Handler {
        private final SocketChannel channel;
        private final SelectionKey key;
        /**
         * On a Unix socket where descriptors can be read (see {@link ChannelDescriptor}): the socket's
         * descriptor, read with {@code recvmsg} so that descriptors sent with the bytes arrive too;
         * otherwise -1 and the channel reads (TCP carries none).
         */
        private final int fd;
        /**
         * Input read but not yet consumed: while being delivered, the loop's shared read buffer; after
         * that, a private copy of what the frontend left (it was suspended or its client was not reading
         * its answers), or nothing. An idle connection holds no input buffer at all.
         */
        private ByteBuffer input = NO_INPUT;
        /** What goes out next: {@code output[written, length)}. */
        private JsonBuffer output = new JsonBuffer(1024);
        private int written;
        /** What goes out after {@link #output}, in order: {@link Stream}s and the buffers after them. */
        private final ArrayDeque<Object> later = new ArrayDeque<>(2);
        private boolean inputEnded;
        private boolean readPaused;
        private boolean deliverScheduled;
        private boolean closing;
        private boolean closed;

        private Connection(SocketChannel channel) throws IOException {
            this.channel = channel;
            fd = address instanceof UnixDomainSocketAddress ? ChannelDescriptor.of(channel).orElse(-1) : -1;
            key = channel.register(loop.selector(), frontend != null ? SelectionKey.OP_READ : 0, this);
        }

        SocketAddress peer() {
            try {
                return channel.getRemoteAddress();
            } catch (IOException e) {
                return null;
            }
        }

        /** Where frontends append whole messages; {@link #flush()} sends them. */
        JsonBuffer output() {
            if (later.isEmpty()) {
                return output;
            }
            if (later.peekLast() instanceof JsonBuffer tail) {
                return tail;
            }
            JsonBuffer tail = new JsonBuffer(1024);
            later.add(tail);
            return tail;
        }

        /** Queues a message produced a piece at a time; {@link #flush()} sends it. */
        void stream(Stream message) {
            later.add(message);
        }

        boolean isOpen() {
            return !closed && !closing;
        }

        /** Bytes appended but not yet sent (streams counted as what they still have to produce). */
        int pending() {
            long n = output.length() - written;
            if (later.isEmpty()) {
                return (int) n;
            }
            for (Object o : later) {
                n += o instanceof JsonBuffer b ? b.length() : ((Stream) o).remaining();
            }
            return (int) Math.min(n, Integer.MAX_VALUE);
        }

        /** Stops reading until {@link #resume()}; input already read stays for later. */
        void suspend() {
            readPaused = true;
            updateInterest();
        }

        /** Reads again; input left over from before is delivered first (soon, not from within the caller). */
        void resume() {
            readPaused = false;
            updateInterest();
            if (input.hasRemaining() && frontend != null) {
                deliverLater();
            }
        }

        /** Delivers held-back input on a later turn of the loop (once, however often it is asked). */
        private void deliverLater() {
            if (!deliverScheduled) {
                deliverScheduled = true;
                loop.later(() -> {
                    deliverScheduled = false;
                    deliver();
                });
            }
        }

        /**
         * The frontend finished what it was doing: if the client half-closed and everything it sent was
         * handled, close once the answers are sent.
         */
        void idle() {
            if (inputEnded && !closed && !closing && (frontend == null || (!input.hasRemaining() && !frontend.busy()))) {
                closeAfterFlush();
            }
        }

        @Override
        public void ready(SelectionKey k) throws IOException {
            if (k.isValid() && k.isWritable()) {
                flush();
            }
            if (k.isValid() && k.isReadable() && !readPaused) {
                read();
            }
        }

        private void read() throws IOException {
            if (input.hasRemaining()) {
                // Input left from before goes first; read more only once it is consumed.
                deliver();
                if (input.hasRemaining() || readPaused || closed || closing) {
                    return;
                }
            }
            ByteBuffer shared = loop.readBuffer();
            ByteBuffer io = loop.ioBuffer();
            io.clear();
            int n;
            if (fd >= 0) {
                List<Fd> received = loop.receivedFds();
                n = loop.scmRights().receive(fd, io, received);
                if (!received.isEmpty()) {
                    handOver(n, received);
                }
            } else {
                n = channel.read(io);
            }
            shared.clear();
            if (n > 0) {
                io.flip();
                io.get(shared.array(), 0, n);
                shared.limit(n);
            } else {
                shared.limit(0);
            }
            if (n < 0) {
                inputEnded = true;
            }
            input = shared;
            try {
                deliver();
            } finally {
                if (input == shared) {
                    input = shared.hasRemaining() ? ByteBuffer.allocate(shared.remaining()).put(shared).flip() : NO_INPUT;
                }
            }
        }

        /** Gives the descriptors just received to the frontend (they came with bytes) or closes them. */
        private void handOver(int n, List<Fd> received) {
            List<Fd> fds = List.copyOf(received);
            received.clear();
            if (n > 0 && frontend != null && !closing && !closed) {
                frontend.receivedFds(fds);
            } else {
                fds.forEach(Fd::close);
            }
        }

        private void deliver() {
            // Not while the client is not reading its answers: what it sent waits until they drain.
            if (frontend != null && input.hasRemaining() && !closing && !closed && !readPaused
                    && pending() < OUTPUT_HIGH_WATER) {
                frontend.received(input);
            }
            if (!input.hasRemaining()) {
                input = NO_INPUT;
            }
            flush();
            idle();
        }

        /**
         * Sends what it can of the pending output, at most {@link #WRITE_SLICE}; the rest goes when the
         * socket is writable again.
         */
        void flush() {
            if (closed) {
                return;
            }
            // Through the loop's native buffer, a buffer-full at a time while the socket takes it all.
            ByteBuffer io = loop.ioBuffer();
            int budget = WRITE_SLICE;
            while (budget > 0 && (output.length() > written || next())) {
                io.clear();
                output.copyTo(written, io);
                io.flip();
                int n;
                try {
                    n = channel.write(io);
                } catch (IOException e) {
                    close();
                    return;
                }
                written += n;
                budget -= n;
                if (n < io.limit()) {
                    break;
                }
            }
            if (output.length() == written && later.isEmpty()) {
                output.clear(64 << 10);
                written = 0;
            }
            if (closing && pending() == 0) {
                close();
                return;
            }
            updateInterest();
            if (frontend != null) {
                frontend.flushed();
            }
            if (input.hasRemaining() && !readPaused && !closing && frontend != null && pending() < OUTPUT_HIGH_WATER) {
                // Input held back (the client was not reading its answers, or the frontend took a slice
                // of it and gave the others a turn): go on with it.
                deliverLater();
            }
        }

        /**
         * Makes the next queued output current once {@link #output} is all sent: the next buffer, or the
         * next piece of a stream.
         *
         * @return whether there is something to send
         */
        private boolean next() {
            output.clear(64 << 10);
            written = 0;
            while (!later.isEmpty() && output.length() < STREAM_PIECE) {
                Object head = later.peek();
                if (head instanceof JsonBuffer buffer) {
                    if (output.length() > 0) {
                        break;
                    }
                    later.poll();
                    output = buffer;
                } else if (((Stream) head).writeTo(output, STREAM_PIECE - output.length())) {
                    later.poll();
                }
            }
            return output.length() > 0;
        }

        private void updateInterest() {
            if (closed || !key.isValid()) {
                return;
            }
            int ops = 0;
            if (pending() > 0) {
                ops |= SelectionKey.OP_WRITE;
            }
            if (!inputEnded && !closing && !readPaused && frontend != null && pending() < OUTPUT_HIGH_WATER) {
                ops |= SelectionKey.OP_READ;
            }
            key.interestOps(ops);
        }

        /** Stops reading, sends the pending output, then closes. */
        void closeAfterFlush() {
            closing = true;
            flush();
        }

        /** Closes at once; unsent output is dropped. */
        void close() {
            if (closed) {
                return;
            }
            closed = true;
            later.clear(); // a large reply still being streamed lets go of its input now
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            clientGone(this);
        }
    }
}
