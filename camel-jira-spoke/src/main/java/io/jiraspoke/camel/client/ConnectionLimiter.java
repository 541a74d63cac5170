package io.jiraspoke.camel.client;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;

/**
 * The pace of one connection, shared by all its endpoints and consumers (there is one {@link JiraHttp} per
 * connection): at most {@code maxConcurrentRequests} requests in flight, successive requests at least
 * {@code 1 / maxRequestsPerSecond} apart, and a hold of {@link #NEAR_LIMIT_HOLD_MS} after Jira answered with
 * {@code X-RateLimit-NearLimit: true}. Waiting sleeps (nothing spins) and never goes past the call's deadline: a
 * wait that would is refused at once with a {@link JiraSpokeRateLimitedException} naming the option. Nothing is
 * allocated per request.
 */
final class ConnectionLimiter {

    /**
     * How long requests that start after a near-limit answer are held back: Jira's burst limits are per second, so
     * one second lets the window that was nearly full pass. A hold that would not fit the call's budget is skipped,
     * as it is advice, not Jira's refusal.
     */
    static final long NEAR_LIMIT_HOLD_MS = 1000;

    private final String connectionName;
    private final Semaphore permits;
    private final int maxConcurrent;
    private final double perSecond;
    private final long intervalNanos;
    private final AtomicLong nextSlot;
    private volatile long holdUntil;

    ConnectionLimiter(String connectionName, double maxRequestsPerSecond, int maxConcurrentRequests) {
        this.connectionName = connectionName;
        this.maxConcurrent = maxConcurrentRequests;
        this.permits = maxConcurrentRequests > 0 ? new Semaphore(maxConcurrentRequests, true) : null;
        this.perSecond = maxRequestsPerSecond;
        this.intervalNanos = maxRequestsPerSecond > 0 ? (long) (TimeUnit.SECONDS.toNanos(1) / maxRequestsPerSecond)
                : 0;
        long now = System.nanoTime();
        this.nextSlot = new AtomicLong(now);
        this.holdUntil = now;
    }

    /**
     * Waits until the request may be sent; answers whether it took a concurrency permit, to be given back with
     * {@link #exit(boolean)} once the answer has been read.
     */
    boolean enter(String method, String path, long deadline) {
        long start = System.nanoTime();
        try {
            long hold = holdUntil - start;
            if (hold > 0 && hold < deadline - start) {
                TimeUnit.NANOSECONDS.sleep(hold);
            }
            boolean permit = false;
            if (permits != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw refused(method, path, "maxConcurrentRequests", String.valueOf(maxConcurrent));
                }
                permit = true;
            }
            if (intervalNanos > 0) {
                try {
                    pace(method, path, deadline);
                } catch (RuntimeException | InterruptedException e) {
                    exit(permit);
                    throw e;
                }
            }
            return permit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraSpokeTransportException("Interrupted while " + method + " " + path + " on connection '"
                                                  + connectionName + "' waited to be sent", method, path, e);
        }
    }

    /** Reserves the next free slot, unless it lies beyond the deadline, and sleeps until it comes. */
    private void pace(String method, String path, long deadline) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long next = nextSlot.get();
            long slot = next - now > 0 ? next : now;
            if (slot - deadline > 0) {
                throw refused(method, path, "maxRequestsPerSecond", String.valueOf(perSecond));
            }
            if (nextSlot.compareAndSet(next, slot + intervalNanos)) {
                if (slot - now > 0) {
                    TimeUnit.NANOSECONDS.sleep(slot - now);
                }
                return;
            }
        }
    }

    void exit(boolean permit) {
        if (permit) {
            permits.release();
        }
    }

    /** Jira said the connection is close to a limit: hold the requests that start in the next moment back. */
    void nearLimit() {
        holdUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NEAR_LIMIT_HOLD_MS);
    }

    private JiraSpokeRateLimitedException refused(String method, String path, String option, String value) {
        return new JiraSpokeRateLimitedException(
                method + " " + path + " on connection '" + connectionName + "' was not sent: the connection's "
                                                 + option + " (" + value + ") lets no request go within the call's"
                                                 + " time budget (callTimeout)",
                0, method, path, null, null, null, option, null);
    }
}
