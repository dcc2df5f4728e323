package dev.qapi.client;

/**
 * How a synchronous caller waits for its reply: sleeping in a selector until input comes, or polling
 * the socket (non-blocking reads in a loop, for at most {@link #POLL_BOUND_NANOS}) first. One
 * connection's choice, used by whoever reads it (never two threads at once).
 *
 * <p>Why both: on a virtual machine whose CPUs go idle between messages, waking a sleeping thread
 * takes tens of microseconds (the idle virtual CPU must be woken through the host), and a round trip
 * pays that twice; a caller that polls keeps its CPU awake and takes the reply the moment it is there,
 * so only the server's wake-up is left (measured: about twice the round trips). But where the CPUs
 * are busy anyway, wake-ups are cheap and the polling thread only takes CPU time the server needs
 * (measured: a fifth fewer round trips). Neither wins everywhere, so the connection measures: it waits
 * {@link #TRIAL} calls each way, then keeps the faster for {@link #KEEP} times as many and measures
 * again. Polling is kept only when it is clearly faster (by a fifth) and its calls were answered
 * within the bound on average.
 *
 * <p>What it costs: while polling, the caller keeps one CPU busy instead of sleeping, at most
 * {@code POLL_BOUND_NANOS} per call. Against slow commands (a QEMU busy with I/O, a migration) polling
 * ends at the bound, is not faster, and is not kept: then only the trials poll, one call in
 * {@code KEEP + 2} trials' worth, at most one bound each.
 */
final class ReplyWait {
    /** The longest a caller polls for one reply. */
    static final long POLL_BOUND_NANOS = 100_000;
    /** Calls per trial of each way. */
    static final int TRIAL = 64;
    /** The winner is kept for this many trials' worth of calls. */
    static final int KEEP = 16;

    private enum Phase { TRY_SLEEP, TRY_POLL, KEEP_WINNER }

    private Phase phase = Phase.TRY_SLEEP;
    private boolean poll;
    private int calls;
    private long waited;
    private long sleepMean;

    /** Whether this call polls before it sleeps. */
    boolean poll() {
        return poll;
    }

    /** A call of this connection got its reply {@code nanos} after its caller started waiting. */
    void waited(long nanos) {
        waited += nanos;
        calls++;
        int quota = phase == Phase.KEEP_WINNER ? TRIAL * KEEP : TRIAL;
        if (calls < quota) {
            return;
        }
        long mean = waited / calls;
        calls = 0;
        waited = 0;
        switch (phase) {
            case TRY_SLEEP -> {
                sleepMean = mean;
                phase = Phase.TRY_POLL;
                poll = true;
            }
            case TRY_POLL -> {
                phase = Phase.KEEP_WINNER;
                poll = mean < POLL_BOUND_NANOS && mean < sleepMean - sleepMean / 5;
            }
            case KEEP_WINNER -> {
                phase = Phase.TRY_SLEEP;
                poll = false;
            }
        }
    }
}
