package dev.qapi.generator.output;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs numbered jobs on all cores, each thread taking the next job as soon as it is free: the calling
 * thread and the common pool's workers. A parallel stream would split the jobs into a few long runs up
 * front (on two cores, four runs of ~240 classes each), so that one core could end alone on its last
 * run; taken one at a time, the cores finish within one job of each other.
 */
public final class ParallelJobs {
    private ParallelJobs() {
    }

    /**
     * The results of {@code job.apply(i)} for every {@code i} in {@code order} (a permutation of
     * {@code 0..n-1}), begun in that order and returned by {@code i}. When a job throws, no further job is
     * begun, and the first failure is thrown once no job is running any more.
     */
    public static <T> List<T> run(int[] order, IntFunction<T> job) {
        int n = order.length;
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(n);
        Runnable work = () -> {
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        results[order[k]] = job.apply(order[k]);
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        // Helpers that start late find nothing left and end; nobody waits for a helper, only for jobs.
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), n - 1);
        for (int i = 0; i < helpers; i++) {
            ForkJoinPool.commonPool().execute(work);
        }
        work.run();
        awaitUninterruptibly(done);
        Throwable first = failure.get();
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first != null) {
            throw (Error) first;
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    /** {@code 0..n-1}: the jobs begun in their own order. */
    public static int[] inOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void awaitUninterruptibly(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
