package dev.qapi.runtime.fd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few C library calls descriptor passing needs, bound through JNA's direct mapping (a JNI-speed
 * call, no per-call reflection). Linux on 64-bit only: the message header layouts in {@link ScmRights}
 * are Linux's LP64 ones.
 */
final class Libc {
    static final boolean AVAILABLE;

    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int MSG_CTRUNC = 0x8;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int MSG_CMSG_CLOEXEC = 0x40000000;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int F_DUPFD_CLOEXEC = 1030;
    static final int EINVAL = 22;
    static final int AF_UNIX = 1;
    static final int SOCK_STREAM = 1;
    static final int SOCK_CLOEXEC = 0x80000;

    static {
        boolean ok = false;
        if (Platform.isLinux() && Platform.is64Bit()) {
            try {
                Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
                ok = true;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                ok = false;
            }
        }
        AVAILABLE = ok;
    }

    private Libc() {
    }

    static native long recvmsg(int fd, Pointer msg, int flags) throws LastErrorException;

    static native long sendmsg(int fd, Pointer msg, int flags) throws LastErrorException;

    static native int close(int fd);

    static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    static native int socketpair(int domain, int type, int protocol, int[] fds) throws LastErrorException;

    static native int pipe2(int[] fds, int flags) throws LastErrorException;

    static native int dup(int fd) throws LastErrorException;

    static native int open(String path, int flags, int mode) throws LastErrorException;

    static native int ftruncate(int fd, long length) throws LastErrorException;

    static native String strerror(int errno);

    static native long write(int fd, byte[] buf, long count) throws LastErrorException;
}
