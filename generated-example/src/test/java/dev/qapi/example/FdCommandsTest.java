package dev.qapi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.qapi.example.qmp.AddFdArguments;
import dev.qapi.example.qmp.AddfdInfo;
import dev.qapi.example.qmp.FdsetFdInfo;
import dev.qapi.example.qmp.FdsetInfo;
import dev.qapi.example.qmp.RemoveFdArguments;
import dev.qapi.runtime.QmpException;
import dev.qapi.runtime.fd.AttachedFds;
import dev.qapi.runtime.fd.Fd;
import dev.qapi.runtime.fd.FdSets;
import dev.qapi.runtime.fd.NamedFds;
import dev.qapi.runtime.fd.ScmRights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fd commands' semantics, with descriptors handed in as the read path will hand them in. */
class FdCommandsTest {
    private final FdSets sets = new FdSets();
    private final NamedFds named = new NamedFds();
    private AttachedFds attached = AttachedFds.none();
    private final FdCommands commands = new FdCommands(sets, () -> named, () -> attached);

    @BeforeEach
    void requireSupport() {
        assumeTrue(ScmRights.supported(), "descriptors need Linux on 64-bit");
    }

    /** Pipes made through the C library, so the test holds real descriptors. */
    static final class Pipes {
        static {
            Native.register(Pipes.class, Platform.C_LIBRARY_NAME);
        }

        static native int pipe(int[] fds);

        static native int close(int fd);

        /** A pipe's read end, owned; the write end is closed. */
        static Fd readEnd() {
            int[] p = new int[2];
            if (pipe(p) != 0) {
                throw new IllegalStateException("pipe failed");
            }
            close(p[1]);
            return Fd.adopt(p[0]);
        }
    }

    static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Runs {@code command} as if {@code fds} had come with its request; what it left is closed after. */
    private <T> T with(List<Fd> fds, java.util.function.Supplier<T> command) {
        attached = AttachedFds.of(fds);
        try {
            return command.get();
        } finally {
            attached.close();
            attached = AttachedFds.none();
        }
    }

    private void run(List<Fd> fds, Runnable command) {
        with(fds, () -> {
            command.run();
            return null;
        });
    }

    private static String error(Runnable r) {
        return assertThrows(QmpException.class, r::run).desc();
    }

    @Test
    void getfdWithoutDescriptorFailsAsQemu() {
        assertEquals("No file descriptor supplied via SCM_RIGHTS", error(() -> commands.getfd("a")));
        assertEquals("No file descriptor supplied via SCM_RIGHTS",
                error(() -> commands.addFd(new AddFdArguments(Optional.empty(), Optional.empty()))));
    }

    @Test
    void getfdKeepsTheFirstClosesTheRestAndRepeatedNamesReplace() {
        Fd first = Pipes.readEnd();
        Fd extra = Pipes.readEnd();
        run(List.of(first, extra), () -> commands.getfd("disk"));
        assertTrue(first.isOpen());
        assertFalse(extra.isOpen(), "only the first descriptor is taken, as QEMU's get_msgfd");
        Fd second = Pipes.readEnd();
        run(List.of(second), () -> commands.getfd("disk"));
        assertFalse(first.isOpen(), "the old descriptor of a repeated name is closed");
        commands.closefd("disk");
        assertFalse(second.isOpen());
        assertEquals("File descriptor named 'disk' not found", error(() -> commands.closefd("disk")));
    }

    @Test
    void getfdRefusesNamesStartingWithADigitAndClosesTheDescriptor() {
        Fd fd = Pipes.readEnd();
        assertEquals("Parameter 'fdname' expects a name not starting with a digit",
                error(() -> run(List.of(fd), () -> commands.getfd("0x"))));
        assertFalse(fd.isOpen());
    }

    @Test
    void descriptorsOfACommandThatTakesNoneAreClosedAfterIt() {
        Fd fd = Pipes.readEnd();
        run(List.of(fd), commands::queryFdsets);
        assertFalse(fd.isOpen());
        assertEquals("No file descriptor supplied via SCM_RIGHTS", error(() -> commands.getfd("late")),
                "never handed to a later command");
    }

    @Test
    void addFdRemoveFdAndQueryFdsetsAsQemu() {
        Fd a = Pipes.readEnd();
        Fd b = Pipes.readEnd();
        Fd c = Pipes.readEnd();
        int an = a.number();
        int bn = b.number();
        int cn = c.number();
        assertEquals(new AddfdInfo(0, an), with(List.of(a), () -> commands.addFd(new AddFdArguments(Optional.empty(), Optional.empty()))));
        assertEquals(new AddfdInfo(5, bn), with(List.of(b), () -> commands.addFd(new AddFdArguments(Optional.of(5L), Optional.of("rw")))));
        assertEquals(new AddfdInfo(5, cn), with(List.of(c), () -> commands.addFd(new AddFdArguments(Optional.of(5L), Optional.empty()))));
        assertEquals(List.of(
                new FdsetInfo(5, List.of(new FdsetFdInfo(bn, Optional.of("rw")), new FdsetFdInfo(cn, Optional.empty()))),
                new FdsetInfo(0, List.of(new FdsetFdInfo(an, Optional.empty())))), commands.queryFdsets());
        Fd d = Pipes.readEnd();
        assertEquals("Parameter 'fdset-id' expects a non-negative value",
                error(() -> with(List.of(d), () -> commands.addFd(new AddFdArguments(Optional.of(-1L), Optional.empty())))));
        assertFalse(d.isOpen());
        assertEquals("File descriptor named 'fdset-id:5, fd:" + an + "' not found",
                error(() -> commands.removeFd(new RemoveFdArguments(5, Optional.of((long) an)))));
        commands.removeFd(new RemoveFdArguments(5, Optional.of((long) bn)));
        assertFalse(b.isOpen());
        commands.removeFd(new RemoveFdArguments(5, Optional.empty()));
        assertFalse(c.isOpen());
        assertEquals("File descriptor named 'fdset-id:5' not found", error(() -> commands.removeFd(new RemoveFdArguments(5, Optional.empty()))));
        assertEquals(1, commands.queryFdsets().size());
    }

    @Test
    void tenThousandCyclesLeaveNoDescriptorOpen() throws IOException, InterruptedException {
        // One cycle first, so that what the first use loads once and keeps (a jar, a native library) is
        // in the baseline; this once counted one descriptor too many (37 against 36).
        run(List.of(Pipes.readEnd()), () -> commands.getfd("warm-up"));
        commands.closefd("warm-up");
        long baseline = openDescriptors();
        for (int i = 0; i < 10_000; i++) {
            run(List.of(Pipes.readEnd(), Pipes.readEnd()), () -> commands.getfd("n"));
            commands.closefd("n");
            AddfdInfo info = with(List.of(Pipes.readEnd()), () -> commands.addFd(new AddFdArguments(Optional.empty(), Optional.empty())));
            commands.removeFd(new RemoveFdArguments(info.fdsetId(), Optional.of(info.fd())));
        }
        List<Fd> held = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Fd fd = Pipes.readEnd();
            held.add(fd);
            run(List.of(fd), () -> commands.getfd("h" + held.size()));
        }
        named.close();
        assertTrue(held.stream().noneMatch(Fd::isOpen), "a removed monitor's descriptors are closed");
        // Other tests' servers in this JVM may still be closing a socket of theirs: give them a moment.
        for (int i = 0; i < 40 && openDescriptors() != baseline; i++) {
            Thread.sleep(50);
        }
        assertEquals(baseline, openDescriptors(), () -> "open now: " + openDescriptorTargets());
    }

    private static String openDescriptorTargets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return fd.getFileName() + " -> " + Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    return fd.getFileName() + " (gone)";
                }
            }).sorted().toList().toString();
        } catch (IOException e) {
            return "(cannot list /proc/self/fd: " + e.getMessage() + ")";
        }
    }
}
