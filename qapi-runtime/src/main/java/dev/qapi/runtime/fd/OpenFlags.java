package dev.qapi.runtime.fd;

import com.sun.jna.Platform;

/**
 * Linux's {@code open(2)} flags, for {@link FileOpener#open} and {@link FdSets#dup}: an access mode
 * ({@link #O_RDONLY}, {@link #O_WRONLY}, {@link #O_RDWR}) or'ed with the others. The values are Linux's
 * generic ones (x86-64, aarch64, riscv64), {@link #O_DIRECT} excepted, which differs between them.
 */
public final class OpenFlags {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    /** The access mode bits. */
    public static final int O_ACCMODE = 03;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DSYNC = 010000;
    public static final int O_SYNC = 04010000;
    public static final int O_CLOEXEC = 02000000;
    /** Bypass the page cache: 040000 on x86-64 and riscv64, 0200000 on aarch64. */
    public static final int O_DIRECT = Platform.isARM() ? 0200000 : 040000;

    private OpenFlags() {
    }
}
