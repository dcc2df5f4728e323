package dev.qapi.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelJobsTest {

    @Test
    void givesEveryResultByItsNumberWhateverTheOrderTheJobsBegin() {
        int[] order = {3, 0, 4, 1, 2};
        assertEquals(List.of("job 0", "job 1", "job 2", "job 3", "job 4"), ParallelJobs.run(order, i -> "job " + i));
        assertEquals(List.of(), ParallelJobs.run(new int[0], i -> "never"));
        assertEquals(IntStream.range(0, 5000).boxed().toList(), ParallelJobs.run(ParallelJobs.inOrder(5000), i -> i));
    }

    @Test
    void aFailureBeginsNoFurtherJobAndIsThrownOnceNoJobRuns() {
        IllegalStateException failure = new IllegalStateException("job 100 failed");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger begun = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ParallelJobs.run(ParallelJobs.inOrder(10_000), i -> {
                    running.incrementAndGet();
                    begun.incrementAndGet();
                    try {
                        if (i == 100) {
                            throw failure;
                        }
                        return i;
                    } finally {
                        running.decrementAndGet();
                    }
                }));
        assertSame(failure, thrown);
        assertEquals(0, running.get());
        int afterThrow = begun.get();
        // at most one job per other thread was begun after the failure
        assertTrue(afterThrow < 100 + Runtime.getRuntime().availableProcessors() + 2, "begun: " + afterThrow);
    }
}
