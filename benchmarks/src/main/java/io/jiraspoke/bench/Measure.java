package io.jiraspoke.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one variant of one scenario on caller threads for a while and measures it: calls, wall time, the client JVM's
 * process CPU (GC and JIT included, as they are caused by the variant that runs alone in that window) and the bytes
 * allocated by the caller threads (every variant is synchronous, so a call's work is on its caller thread).
 */
final class Measure {

    /** One call of a variant; answers the units it did (1 per request, or the issues a stream delivered). */
    interface Call {
        long call() throws Exception;
    }

    /** A call with a set-up that runs before the measured window, once per measurement. */
    interface Prepared extends Call {
        void prepare() throws Exception;
    }

    record Sample(long units, long wallNanos, long cpuNanos, long allocBytes, long failures, Throwable firstFailure) {
        double perSecond() {
            return units * 1e9 / wallNanos;
        }

        double cpuMicrosPerUnit() {
            return cpuNanos / 1e3 / units;
        }

        double allocBytesPerUnit() {
            return (double) allocBytes / units;
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Bytes a call allocated on threads other than its caller (a consumer's scheduler thread), added by the call
     * itself; read and reset by each run.
     */
    static final java.util.concurrent.atomic.AtomicLong OFF_THREAD_ALLOC = new java.util.concurrent.atomic.AtomicLong();

    private Measure() {
    }

    /** What the current thread has allocated so far. */
    static long allocatedByCurrentThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** {@code threads} callers, each calling until {@code nanos} have passed (at least once each). */
    static Sample forTime(Call call, int threads, long nanos) throws InterruptedException {
        return run(call, threads, nanos, Long.MAX_VALUE);
    }

    /** One caller calling {@code times} times (a stream: once). */
    static Sample times(Call call, int times) throws InterruptedException {
        return run(call, 1, Long.MAX_VALUE, times);
    }

    private static Sample run(Call call, int threads, long nanos, long maxCalls) throws InterruptedException {
        if (call instanceof Prepared prepared) {
            try {
                prepared.prepare();
            } catch (Exception e) {
                throw new IllegalStateException("the set-up of a variant failed", e);
            }
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] units = new long[threads];
        long[] alloc = new long[threads];
        long[] failures = new long[threads];
        AtomicReference<Throwable> first = new AtomicReference<>();
        long[] startAt = new long[1];
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread th = new Thread(() -> {
                long id = Thread.currentThread().getId();
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long a0 = THREADS.getThreadAllocatedBytes(id);
                long deadline = startAt[0] + nanos;
                long n = 0;
                long done = 0;
                do {
                    try {
                        done += call.call();
                    } catch (Throwable e) {
                        failures[me]++;
                        first.compareAndSet(null, e);
                    }
                    n++;
                } while (n < maxCalls && System.nanoTime() - deadline < 0);
                alloc[me] = THREADS.getThreadAllocatedBytes(id) - a0;
                units[me] = done;
            }, "bench-caller-" + t);
            callers.add(th);
            th.start();
        }
        ready.await();
        OFF_THREAD_ALLOC.set(0);
        long cpu0 = OS.getProcessCpuTime();
        startAt[0] = System.nanoTime();
        go.countDown();
        for (Thread th : callers) {
            th.join();
        }
        long wall = System.nanoTime() - startAt[0];
        long cpu = OS.getProcessCpuTime() - cpu0;
        long u = 0, a = 0, f = 0;
        for (int t = 0; t < threads; t++) {
            u += units[t];
            a += alloc[t];
            f += failures[t];
        }
        return new Sample(Math.max(u, 1), wall, cpu, a + OFF_THREAD_ALLOC.getAndSet(0), f, first.get());
    }
}
