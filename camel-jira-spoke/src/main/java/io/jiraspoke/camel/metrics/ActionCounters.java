package io.jiraspoke.camel.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.jiraspoke.camel.catalog.JiraSpokeAction;

/**
 * The counters of one action on one connection (or, for {@link JiraSpokeMetrics#NO_ACTION}, of the connection's
 * requests outside any action: token requests, health probes, the serverInfo that picks a dialect). Every counter is
 * a {@link LongAdder}: incrementing allocates nothing and never blocks; readers (Micrometer, JMX) sum on demand.
 */
public final class ActionCounters {

    private static final int MAX_REASONS = 32;
    private static final String OTHER_REASON = "other";

    private final JiraSpokeMetrics owner;
    private final String action;
    private final JiraSpokeAction catalogAction;
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder retryWaitMillis = new LongAdder();
    private final LongAdder throttleWaitNanos = new LongAdder();
    private final LongAdder itemsDelivered = new LongAdder();
    private final LongAdder[] failures = new LongAdder[FailureKind.values().length];
    private final Map<String, LongAdder> rateLimitedByReason = new ConcurrentHashMap<>();
    private volatile long watermarkMillis = Long.MIN_VALUE;

    ActionCounters(JiraSpokeMetrics owner, String action, JiraSpokeAction catalogAction) {
        this.owner = owner;
        this.action = action;
        this.catalogAction = catalogAction;
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
    }

    JiraSpokeMetrics owner() {
        return owner;
    }

    /** The action id ({@code issue/get}), or {@link JiraSpokeMetrics#NO_ACTION}. */
    public String action() {
        return action;
    }

    /** The catalogue entry; null for the connection's requests outside any action. */
    public JiraSpokeAction catalogAction() {
        return catalogAction;
    }

    public void requested() {
        requests.increment();
    }

    public void retried(long waitMillis) {
        retries.increment();
        retryWaitMillis.add(waitMillis);
    }

    public void throttled(long nanos) {
        throttleWaitNanos.add(nanos);
    }

    public void failed(FailureKind kind) {
        failures[kind.ordinal()].increment();
    }

    public void rateLimited(String reason) {
        rateLimited.increment();
        String key = reason != null ? reason : "unspecified";
        LongAdder count = rateLimitedByReason.get(key);
        if (count == null) {
            // a bounded number of keys, whatever values Jira sends
            String kept = rateLimitedByReason.size() < MAX_REASONS ? key : OTHER_REASON;
            LongAdder fresh = new LongAdder();
            count = rateLimitedByReason.putIfAbsent(kept, fresh);
            if (count == null) {
                count = fresh;
                owner.reasonAdded(this, kept);
            }
        }
        count.increment();
    }

    /** One item a consumer of this action delivered (its exchange succeeded or was handled). */
    public void delivered() {
        itemsDelivered.increment();
    }

    /** Where an incremental consumer of this action stands, in Jira's clock. */
    public void watermark(long millis) {
        watermarkMillis = millis;
    }

    public long requests() {
        return requests.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long rateLimited() {
        return rateLimited.sum();
    }

    public long retryWaitMillis() {
        return retryWaitMillis.sum();
    }

    public long throttleWaitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(throttleWaitNanos.sum());
    }

    public long itemsDelivered() {
        return itemsDelivered.sum();
    }

    public long failures(FailureKind kind) {
        return failures[kind.ordinal()].sum();
    }

    /** Failures by kind tag, kinds without failures included (zero). */
    public Map<String, Long> failuresByKind() {
        return FailureKind.tally(this::failures);
    }

    /** 429 answers by {@code RateLimit-Reason} ({@code unspecified} when Jira named none): a snapshot. */
    public Map<String, Long> rateLimitedByReason() {
        Map<String, Long> m = new TreeMap<>();
        rateLimitedByReason.forEach((reason, count) -> m.put(reason, count.sum()));
        return m;
    }

    /** The count of one reason, 0 when it never came. */
    public long rateLimitedFor(String reason) {
        LongAdder count = rateLimitedByReason.get(reason);
        return count == null ? 0 : count.sum();
    }

    /**
     * How far an incremental consumer lags behind Jira: Jira's now minus its watermark, in milliseconds; -1 before
     * its first poll set a watermark.
     */
    public long watermarkLagMillis() {
        long wm = watermarkMillis;
        return wm == Long.MIN_VALUE ? -1 : Math.max(0, owner.jiraNowMillis() - wm);
    }

    @Override
    public String toString() {
        return "ActionCounters[" + owner.connection() + ", " + action + "]";
    }
}
