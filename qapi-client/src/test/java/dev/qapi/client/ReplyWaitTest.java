package dev.qapi.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A connection polls for replies only while it measured polling to be clearly faster than sleeping. */
class ReplyWaitTest {

    @Test
    void pollingIsKeptWhenItIsClearlyFasterAndMeasuredAgainLater() {
        ReplyWait w = new ReplyWait();
        assertFalse(w.poll(), "sleeps first");
        calls(w, ReplyWait.TRIAL, 60_000);
        assertTrue(w.poll(), "then tries polling");
        calls(w, ReplyWait.TRIAL, 20_000);
        assertTrue(w.poll(), "polling was faster: kept");
        calls(w, ReplyWait.TRIAL * ReplyWait.KEEP - 1, 20_000);
        assertTrue(w.poll());
        calls(w, 1, 20_000);
        assertFalse(w.poll(), "measured again: sleeping first");
    }

    @Test
    void pollingIsDroppedWhenItIsNotClearlyFaster() {
        ReplyWait w = new ReplyWait();
        calls(w, ReplyWait.TRIAL, 5_000);
        calls(w, ReplyWait.TRIAL, 4_500);
        assertFalse(w.poll(), "a tenth faster is not worth a CPU");
    }

    @Test
    void slowRepliesNeverKeepPolling() {
        ReplyWait w = new ReplyWait();
        calls(w, ReplyWait.TRIAL, 10_000_000);
        calls(w, ReplyWait.TRIAL, 2 * ReplyWait.POLL_BOUND_NANOS);
        assertFalse(w.poll(), "replies slower than the bound: polling only burns CPU");
        for (int round = 0; round < 3; round++) {
            calls(w, ReplyWait.TRIAL * ReplyWait.KEEP, 10_000_000);
            assertFalse(w.poll());
            calls(w, ReplyWait.TRIAL, 10_000_000);
            assertTrue(w.poll(), "the trial polls");
            calls(w, ReplyWait.TRIAL, 10_000_000);
            assertFalse(w.poll());
        }
    }

    private static void calls(ReplyWait w, int n, long nanos) {
        for (int i = 0; i < n; i++) {
            w.waited(nanos);
        }
    }
}
