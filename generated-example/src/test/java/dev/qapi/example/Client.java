package dev.qapi.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A line-based QMP test client on a Unix socket (compact monitors end every message with CRLF). */
final class Client implements AutoCloseable {
    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    Client(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        out = Channels.newOutputStream(channel);
    }

    /** The next message, or null at end of file. */
    String read() throws IOException {
        return in.readLine();
    }

    String execute(String request) throws IOException {
        out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    /** Reads the greeting and negotiates. */
    Client negotiate() throws IOException {
        String greeting = read();
        if (greeting == null || !greeting.startsWith("{\"QMP\"")) {
            throw new IOException("no greeting: " + greeting);
        }
        String r = execute("{\"execute\": \"qmp_capabilities\"}");
        if (!"{\"return\": {}}".equals(r)) {
            throw new IOException("negotiation failed: " + r);
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
