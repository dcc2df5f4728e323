package dev.qapi.runtime.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qapi.runtime.QmpException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FdTest {
    @BeforeEach
    void requireSupport() {
        assumeTrue(ScmRights.supported(), "descriptors need Linux on 64-bit");
    }

    static Fd pipeEnd() {
        int[] p = new int[2];
        Libc.pipe2(p, 0x80000);
        Libc.close(p[1]);
        return Fd.adopt(p[0]);
    }

    @Test
    void aDuplicateIsAnotherCloseOnExecDescriptorForTheSameFileThatOutlivesTheOriginal() throws Exception {
        Fd fd = pipeEnd();
        String pipe = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd.number())).toString();
        try (Fd copy = fd.duplicate()) {
            assertTrue(copy.number() != fd.number());
            fd.close();
            assertEquals(pipe, java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + copy.number())).toString());
            assertEquals(1, Libc.fcntl(copy.number(), 1, 0), "FD_CLOEXEC");
        }
        assertThrows(IllegalStateException.class, fd::duplicate);
    }

    @Test
    void closingTwiceClosesOnceAndReleasedDescriptorsStayOpen() {
        Fd fd = pipeEnd();
        int n = fd.number();
        fd.close();
        fd.close();
        assertFalse(ScmRightsTest.isOpen(n));
        Fd other = pipeEnd();
        int m = other.release();
        other.close();
        assertTrue(ScmRightsTest.isOpen(m));
        Libc.close(m);
        assertThrows(IllegalStateException.class, other::number);
    }

    @Test
    void takingTheAttachedDescriptorClosesTheOthersAndCloseClosesWhatWasNotTaken() {
        Fd a = pipeEnd();
        Fd b = pipeEnd();
        Fd c = pipeEnd();
        AttachedFds attached = AttachedFds.of(List.of(a, b));
        Optional<Fd> first = attached.take();
        assertEquals(a, first.orElseThrow());
        assertFalse(b.isOpen(), "the others are closed, as QEMU's get_msgfd does");
        assertTrue(attached.take().isEmpty(), "nothing is handed out twice");
        a.close();
        AttachedFds untaken = AttachedFds.of(List.of(c));
        untaken.close();
        assertFalse(c.isOpen());
    }

    @Test
    void namedDescriptorsFollowQemusRules() {
        NamedFds named = new NamedFds();
        Fd first = pipeEnd();
        Fd second = pipeEnd();
        named.put("disk", first);
        named.put("disk", second);
        assertFalse(first.isOpen(), "a repeated name closes the old descriptor");
        Fd digit = pipeEnd();
        QmpException e = assertThrows(QmpException.class, () -> named.put("1disk", digit));
        assertEquals("Parameter 'fdname' expects a name not starting with a digit", e.desc());
        assertFalse(digit.isOpen());
        assertEquals("File descriptor named 'nic' not found",
                assertThrows(QmpException.class, () -> named.close("nic")).desc());
        assertEquals("File descriptor named 'nic' has not been found",
                assertThrows(QmpException.class, () -> named.take("nic")).desc());
        named.close();
        assertFalse(second.isOpen(), "the monitor's end closes its descriptors");
    }

    @Test
    void fdSetsNumberOrderAndRemoveAsQemu() {
        try (FdSets sets = new FdSets()) {
            Fd a = pipeEnd();
            Fd b = pipeEnd();
            Fd c = pipeEnd();
            Fd d = pipeEnd();
            assertEquals(new FdSets.Added(0, a.number()), sets.add(a, OptionalLong.empty(), Optional.empty()));
            assertEquals(2, sets.add(b, OptionalLong.of(2), Optional.of("two")).fdsetId());
            assertEquals(1, sets.add(c, OptionalLong.empty(), Optional.empty()).fdsetId(), "the lowest free id");
            assertEquals(2, sets.add(d, OptionalLong.of(2), Optional.empty()).fdsetId());
            assertEquals(List.of(
                    new FdSets.SetInfo(2, List.of(new FdSets.Entry(b.number(), Optional.of("two")),
                            new FdSets.Entry(d.number(), Optional.empty()))),
                    new FdSets.SetInfo(1, List.of(new FdSets.Entry(c.number(), Optional.empty()))),
                    new FdSets.SetInfo(0, List.of(new FdSets.Entry(a.number(), Optional.empty())))), sets.query());
            Fd e = pipeEnd();
            assertEquals("Parameter 'fdset-id' expects a non-negative value", assertThrows(QmpException.class,
                    () -> sets.add(e, OptionalLong.of(-1), Optional.empty())).desc());
            assertFalse(e.isOpen());
            assertEquals("File descriptor named 'fdset-id:2, fd:999' not found",
                    assertThrows(QmpException.class, () -> sets.remove(2, OptionalLong.of(999))).desc());
            assertEquals("File descriptor named 'fdset-id:7' not found",
                    assertThrows(QmpException.class, () -> sets.remove(7, OptionalLong.empty())).desc());
            int bn = b.number();
            sets.remove(2, OptionalLong.of(bn));
            assertFalse(b.isOpen());
            sets.remove(2, OptionalLong.empty());
            assertFalse(d.isOpen());
            assertEquals(2, sets.query().size(), "an emptied set is freed");
            assertEquals(0, sets.add(pipeEnd(), OptionalLong.of(0), Optional.empty()).fdsetId());
            assertEquals(2, sets.query().get(1).fds().size());
        }
    }
}
