package dev.qapi.runtime.fd;

import com.sun.jna.LastErrorException;
import dev.qapi.runtime.QmpException;

/**
 * Opens the file a command names, as QEMU's {@code qemu_open} does: {@code /dev/fdset/N} is a copy of a
 * descriptor of fd set N that a client passed with {@code add-fd} ({@link FdSets#dup}: the one whose
 * access mode matches the flags), any other name is opened with {@code open(2)}, close-on-exec. So a
 * handler taking a file name (like QEMU's block layer, which libvirt hands {@code /dev/fdset/N} instead
 * of a path it cannot open) works both ways with one call. Errors are QEMU's texts, as
 * {@link QmpException#generic generic errors}.
 */
public final class FileOpener {
    private static final String FDSET_PREFIX = "/dev/fdset/";

    private final FdSets fdSets;

    /** An opener that takes {@code /dev/fdset/N} from {@code fdSets} (a server's {@code fdSets()}). */
    public FileOpener(FdSets fdSets) {
        this.fdSets = fdSets;
    }

    /**
     * Opens {@code filename} with {@code flags} ({@link OpenFlags}); a file it creates gets mode
     * {@code 0666} less the umask.
     *
     * @throws QmpException {@code Could not parse fdset /dev/fdset/X}, the texts of {@link FdSets#dup}, or
     *     {@code Could not open 'NAME': REASON} ({@code create} with {@code O_CREAT})
     */
    public Fd open(String filename, int flags) {
        return open(filename, flags, 0666);
    }

    /** {@link #open(String, int)} with the {@code mode} of a file it creates. */
    public Fd open(String filename, int flags, int mode) {
        if (filename.startsWith(FDSET_PREFIX)) {
            long id = parseFdsetId(filename.substring(FDSET_PREFIX.length()));
            if (id < 0) {
                throw QmpException.generic("Could not parse fdset " + filename);
            }
            return fdSets.dup(id, flags);
        }
        String action = (flags & OpenFlags.O_CREAT) != 0 ? "create" : "open";
        if (filename.indexOf('\0') >= 0) {
            throw QmpException.generic("Could not " + action + " '" + filename + "': " + Libc.strerror(Libc.EINVAL));
        }
        try {
            return Fd.adopt(Libc.open(filename, flags | OpenFlags.O_CLOEXEC, mode));
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == Libc.EINVAL && (flags & OpenFlags.O_DIRECT) != 0 && opensWithoutDirect(filename, flags, mode)) {
                throw QmpException.generic("Could not " + action + " '" + filename
                        + "': filesystem does not support O_DIRECT");
            }
            throw QmpException.generic("Could not " + action + " '" + filename + "': " + Libc.strerror(errno));
        }
    }

    /** Whether the open failed only for {@code O_DIRECT} (QEMU's more helpful message then). */
    private static boolean opensWithoutDirect(String filename, int flags, int mode) {
        try {
            Libc.close(Libc.open(filename, (flags & ~OpenFlags.O_DIRECT) | OpenFlags.O_CLOEXEC, mode));
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /**
     * The set id in {@code /dev/fdset/ID}, read as QEMU's {@code qemu_parse_fd} reads it with C's
     * {@code strtol}: leading white space and a sign allowed, nothing after the digits, 0 to
     * {@code INT_MAX}; -1 when it is not one.
     */
    static long parseFdsetId(String text) {
        int i = 0;
        while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digits = i;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            if (value <= Integer.MAX_VALUE) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            i++;
        }
        if (i == digits || i != text.length() || value > Integer.MAX_VALUE || negative && value != 0) {
            return -1;
        }
        return value;
    }
}
