package dev.qapi.runtime.fd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads and writes a stream socket with {@code recvmsg}/{@code sendmsg}, carrying descriptors
 * ({@code SCM_RIGHTS}) beside the bytes: what Java 17's {@code SocketChannel} cannot do. It works on a
 * non-blocking descriptor the caller owns (a JDK channel's, see {@link ChannelDescriptor}), so the
 * channel stays registered with the JDK selector and nothing else about its I/O changes.
 *
 * <p>One instance holds the native message header and control buffer and is used by one thread at a
 * time (an event loop's). Byte buffers must be direct.
 */
public final class ScmRights {
    /** As QEMU's socket channel: at most this many descriptors are taken from one message. */
    public static final int MAX_FDS = 16;

    // Linux LP64 layouts: struct msghdr (56 bytes), struct iovec (16), struct cmsghdr (16 + data).
    private static final int MSG_IOV = 16;
    private static final int MSG_IOVLEN = 24;
    private static final int MSG_CONTROL = 32;
    private static final int MSG_CONTROLLEN = 40;
    private static final int MSG_FLAGS = 48;
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_SIZE = 16;
    private static final int CMSG_HDR = 16;
    private static final int CONTROL_SIZE = CMSG_HDR + align(4 * MAX_FDS);

    private static final int CONTROL = MSGHDR_SIZE + IOVEC_SIZE;

    /**
     * The message header, its one iovec and the control buffer, in a direct buffer: filled in with plain
     * Java stores (a JNA {@code Memory} write is a native call each), so a read costs one native call,
     * {@code recvmsg} itself.
     */
    private final ByteBuffer header = ByteBuffer.allocateDirect(CONTROL + CONTROL_SIZE).order(ByteOrder.nativeOrder());
    private final Pointer headerPointer = Native.getDirectBufferPointer(header);
    private final long headerAddress = Pointer.nativeValue(headerPointer);
    /** The last data buffer used and its address (an event loop uses one buffer throughout). */
    private ByteBuffer lastBuffer;
    private long lastAddress;

    public ScmRights() {
        header.putLong(MSG_IOV, headerAddress + MSGHDR_SIZE);
        header.putLong(MSG_IOVLEN, 1);
    }

    /** Whether this platform can pass descriptors (Linux, 64-bit, JNA's native part loaded). */
    public static boolean supported() {
        return Libc.AVAILABLE;
    }

    /**
     * Reads into {@code into} (from its position up to its limit) like a non-blocking
     * {@code SocketChannel.read}, adding the descriptors that came with the bytes to {@code fds}.
     * Received descriptors are close-on-exec and blocking, as QEMU leaves them; beyond
     * {@value #MAX_FDS} on one message the kernel closes the rest.
     *
     * @return the bytes read, 0 when none are waiting, -1 at end of stream
     * @throws IOException when the socket fails
     */
    public int receive(int socket, ByteBuffer into, List<Fd> fds) throws IOException {
        int position = into.position();
        int length = into.remaining();
        prepare(into, position, length, CONTROL_SIZE);
        long n;
        while (true) {
            try {
                n = Libc.recvmsg(socket, headerPointer, Libc.MSG_DONTWAIT | Libc.MSG_CMSG_CLOEXEC);
                break;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Libc.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == Libc.EAGAIN) {
                    return 0;
                }
                throw new IOException("recvmsg: " + e.getMessage());
            }
        }
        long controlLength = header.getLong(MSG_CONTROLLEN);
        if (controlLength > 0) {
            collect(controlLength, fds);
        }
        if (n == 0) {
            return length == 0 ? 0 : -1;
        }
        into.position(position + (int) n);
        return (int) n;
    }

    /** Takes every SCM_RIGHTS descriptor out of the control data the kernel filled in. */
    private void collect(long controlLength, List<Fd> fds) {
        int offset = 0;
        while (offset + CMSG_HDR <= controlLength) {
            long cmsgLength = header.getLong(CONTROL + offset);
            if (cmsgLength < CMSG_HDR || offset + cmsgLength > controlLength) {
                break;
            }
            int level = header.getInt(CONTROL + offset + 8);
            int type = header.getInt(CONTROL + offset + 12);
            if (level == Libc.SOL_SOCKET && type == Libc.SCM_RIGHTS) {
                int count = (int) ((cmsgLength - CMSG_HDR) / 4);
                for (int i = 0; i < count; i++) {
                    int fd = header.getInt(CONTROL + offset + CMSG_HDR + 4 * i);
                    if (fd >= 0) {
                        makeBlocking(fd);
                        fds.add(Fd.adopt(fd));
                    }
                }
            }
            offset += align(cmsgLength);
        }
    }

    private static void makeBlocking(int fd) {
        try {
            int flags = Libc.fcntl(fd, Libc.F_GETFL, 0);
            if ((flags & OpenFlags.O_NONBLOCK) != 0) {
                Libc.fcntl(fd, Libc.F_SETFL, flags & ~OpenFlags.O_NONBLOCK);
            }
        } catch (LastErrorException e) {
            // Not every descriptor has status flags to change; it is passed on as it came.
        }
    }

    /**
     * Writes the bytes of {@code from} (position to limit) like a non-blocking
     * {@code SocketChannel.write}, with {@code fds} attached to the first byte sent. The descriptors stay
     * the caller's; the receiver gets copies.
     *
     * @return the bytes written; 0 when the socket takes none now (nothing, not even the descriptors,
     *     was sent: send them again with the next attempt)
     * @throws IOException when the socket fails
     * @throws IllegalArgumentException for more than 253 descriptors (the kernel's limit) or no bytes
     *     to carry them
     */
    public int send(int socket, ByteBuffer from, int[] fds) throws IOException {
        if (fds.length > 253) {
            throw new IllegalArgumentException("at most 253 descriptors fit in one message");
        }
        if (fds.length > 0 && !from.hasRemaining()) {
            throw new IllegalArgumentException("descriptors need at least one byte to travel with");
        }
        int position = from.position();
        int controlLength = fds.length == 0 ? 0 : CMSG_HDR + 4 * fds.length;
        // More descriptors than the header's control buffer holds (a rare call): a buffer of their own.
        ByteBuffer cmsg = controlLength > CONTROL_SIZE
                ? ByteBuffer.allocateDirect(align(controlLength)).order(ByteOrder.nativeOrder())
                : header;
        int base = cmsg == header ? CONTROL : 0;
        prepare(from, position, from.remaining(), fds.length == 0 ? 0 : align(controlLength));
        if (fds.length > 0) {
            header.putLong(MSG_CONTROL, cmsg == header ? headerAddress + CONTROL
                    : Pointer.nativeValue(Native.getDirectBufferPointer(cmsg)));
            for (int i = 0; i < align(controlLength); i += 4) {
                cmsg.putInt(base + i, 0);
            }
            cmsg.putLong(base, controlLength);
            cmsg.putInt(base + 8, Libc.SOL_SOCKET);
            cmsg.putInt(base + 12, Libc.SCM_RIGHTS);
            for (int i = 0; i < fds.length; i++) {
                cmsg.putInt(base + CMSG_HDR + 4 * i, fds[i]);
            }
        }
        while (true) {
            try {
                long n = Libc.sendmsg(socket, headerPointer, Libc.MSG_DONTWAIT | Libc.MSG_NOSIGNAL);
                from.position(position + (int) n);
                return (int) n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Libc.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == Libc.EAGAIN) {
                    return 0;
                }
                throw new IOException("sendmsg: " + e.getMessage());
            } finally {
                java.lang.ref.Reference.reachabilityFence(cmsg);
            }
        }
    }

    /** Fills in the header: one iovec over the buffer's bytes, a control buffer of {@code controlSize}. */
    private void prepare(ByteBuffer buffer, int position, int length, int controlSize) {
        if (buffer != lastBuffer) {
            if (!buffer.isDirect()) {
                throw new IllegalArgumentException("a direct buffer is needed");
            }
            lastAddress = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
            lastBuffer = buffer;
        }
        header.putLong(MSGHDR_SIZE, lastAddress + position);
        header.putLong(MSGHDR_SIZE + 8, length);
        header.putLong(MSG_CONTROL, controlSize > 0 ? headerAddress + CONTROL : 0);
        header.putLong(MSG_CONTROLLEN, controlSize);
        header.putInt(MSG_FLAGS, 0);
    }

    /** Whether the last {@link #receive} lost descriptors for lack of room (the kernel closed them). */
    public boolean truncated() {
        return (header.getInt(MSG_FLAGS) & Libc.MSG_CTRUNC) != 0;
    }

    private static int align(long n) {
        return (int) ((n + 7) & ~7L);
    }
}
