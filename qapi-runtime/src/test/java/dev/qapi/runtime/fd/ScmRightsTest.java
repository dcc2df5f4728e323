package dev.qapi.runtime.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScmRightsTest {
    private final ScmRights scm = new ScmRights();
    private final List<Integer> opened = new ArrayList<>();
    private long baseline;

    @BeforeEach
    void requireSupport() throws IOException {
        assumeTrue(ScmRights.supported(), "descriptor passing needs Linux on 64-bit");
        baseline = openDescriptors();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Libc::close);
    }

    static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    static boolean isOpen(int fd) {
        try {
            Libc.fcntl(fd, Libc.F_GETFL, 0);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    private int[] socketPair() {
        int[] sv = new int[2];
        Libc.socketpair(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0, sv);
        opened.add(sv[0]);
        opened.add(sv[1]);
        Libc.fcntl(sv[1], Libc.F_SETFL, OpenFlags.O_NONBLOCK);
        return sv;
    }

    private int[] pipe() {
        int[] p = new int[2];
        Libc.pipe2(p, 0x80000);
        opened.add(p[0]);
        opened.add(p[1]);
        return p;
    }

    private static ByteBuffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    private static String text(ByteBuffer into) {
        into.flip();
        byte[] b = new byte[into.remaining()];
        into.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void descriptorSentWithBytesArrivesWithThemAndWorks() throws IOException {
        int[] sv = socketPair();
        int[] pipe = pipe();
        assertEquals(5, scm.send(sv[0], direct("hello"), new int[] {pipe[1]}));
        ByteBuffer into = ByteBuffer.allocateDirect(64);
        List<Fd> fds = new ArrayList<>();
        assertEquals(5, scm.receive(sv[1], into, fds));
        assertEquals("hello", text(into));
        assertEquals(1, fds.size());
        try (Fd received = fds.get(0)) {
            assertTrue(received.number() != pipe[1], "the receiver gets a new descriptor");
            // Writing through the received descriptor reaches the pipe the sender had.
            assertEquals(2, scm.send(sv[0], direct("ok"), new int[0]));
            ByteBuffer word = direct("via");
            com.sun.jna.Pointer p = com.sun.jna.Native.getDirectBufferPointer(word);
            assertEquals(3, Write.write(received.number(), p, 3));
        }
        ByteBuffer fromPipe = ByteBuffer.allocateDirect(8);
        assertEquals(3, Write.read(pipe[0], com.sun.jna.Native.getDirectBufferPointer(fromPipe), 8));
        assertEquals(baseline + 4, openDescriptors(), "the received descriptor is closed");
    }

    @Test
    void bytesWithoutDescriptorsComeAloneAndNothingWaitingReadsZero() throws IOException {
        int[] sv = socketPair();
        ByteBuffer into = ByteBuffer.allocateDirect(64);
        List<Fd> fds = new ArrayList<>();
        assertEquals(0, scm.receive(sv[1], into, fds), "nothing sent yet");
        scm.send(sv[0], direct("{}"), new int[0]);
        assertEquals(2, scm.receive(sv[1], into, fds));
        assertTrue(fds.isEmpty());
        Libc.close(sv[0]);
        opened.remove(Integer.valueOf(sv[0]));
        assertEquals(-1, scm.receive(sv[1], into, fds), "end of stream");
    }

    @Test
    void moreDescriptorsThanTheLimitAreClosedByTheKernel() throws IOException {
        int[] sv = socketPair();
        int[] pipe = pipe();
        int[] many = new int[200];
        Arrays.fill(many, pipe[0]);
        scm.send(sv[0], direct("x"), many);
        ByteBuffer into = ByteBuffer.allocateDirect(8);
        List<Fd> fds = new ArrayList<>();
        assertEquals(1, scm.receive(sv[1], into, fds));
        assertEquals(ScmRights.MAX_FDS, fds.size());
        assertTrue(scm.truncated());
        fds.forEach(Fd::close);
        assertEquals(baseline + 4, openDescriptors(), "nothing beyond the socket pair and the pipe stays open");
    }

    @Test
    void receivedDescriptorsAreBlockingEvenWhenSentNonBlocking() throws IOException {
        int[] sv = socketPair();
        int[] pipe = pipe();
        Libc.fcntl(pipe[0], Libc.F_SETFL, OpenFlags.O_NONBLOCK);
        scm.send(sv[0], direct("x"), new int[] {pipe[0]});
        List<Fd> fds = new ArrayList<>();
        scm.receive(sv[1], ByteBuffer.allocateDirect(8), fds);
        try (Fd fd = fds.get(0)) {
            assertEquals(0, Libc.fcntl(fd.number(), Libc.F_GETFL, 0) & OpenFlags.O_NONBLOCK);
        }
    }

    @Test
    void jdkUnixChannelsCarryDescriptorsThroughTheirOwnDescriptors() throws IOException {
        assumeTrue(ChannelDescriptor.available(), "needs --add-exports java.base/sun.nio.ch=ALL-UNNAMED");
        Path dir = Files.createTempDirectory("fds-scm");
        Path path = dir.resolve("s");
        int[] pipe = pipe();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
                    SocketChannel accepted = server.accept()) {
                accepted.configureBlocking(false);
                int clientFd = ChannelDescriptor.of(client).orElseThrow();
                int acceptedFd = ChannelDescriptor.of(accepted).orElseThrow();
                scm.send(clientFd, direct("abc"), new int[] {pipe[1]});
                List<Fd> fds = new ArrayList<>();
                ByteBuffer into = ByteBuffer.allocateDirect(16);
                assertEquals(3, scm.receive(acceptedFd, into, fds));
                assertEquals(1, fds.size());
                fds.forEach(Fd::close);
                // The JDK channel itself still works afterwards.
                client.write(ByteBuffer.wrap(new byte[] {'d'}));
                ByteBuffer rest = ByteBuffer.allocate(4);
                while (rest.position() == 0) {
                    accepted.read(rest);
                }
                assertEquals('d', rest.get(0));
            }
        } finally {
            Files.deleteIfExists(path);
            Files.delete(dir);
        }
    }

    /** read/write for the test's own checks. */
    static final class Write {
        static {
            com.sun.jna.Native.register(Write.class, com.sun.jna.Platform.C_LIBRARY_NAME);
        }

        static native long write(int fd, com.sun.jna.Pointer buf, long n);

        static native long read(int fd, com.sun.jna.Pointer buf, long n);
    }
}
