package io.jiraspoke.camel.metrics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.paging.PagedIterator;

/**
 * The counters of one connection, by action: requests, failures by kind, retries, 429 answers by
 * {@code RateLimit-Reason}, time spent waiting (between attempts and for the connection's own limits), token
 * refreshes, and for consumers the items delivered and the watermark lag. The transport counts each request against
 * the action being served on the calling thread (producers and consumers say which with {@link #enter}); requests
 * outside any action count against {@link #NO_ACTION}. Connection totals are sums over the actions, read on demand.
 * Micrometer ({@code MicrometerBinding}) and JMX ({@code JmxBinding}) read these counters; nothing is pushed on the
 * hot path.
 */
public final class JiraSpokeMetrics {

    /** The bucket of requests made outside any action. */
    public static final String NO_ACTION = "none";

    /** Which action the current thread serves, if any; set around each exchange and each poll. */
    private static final ThreadLocal<ActionCounters> CURRENT = new ThreadLocal<>();

    /** Told when a bucket or a rate-limit reason appears, to publish its meters. */
    public interface Listener {
        void actionAdded(ActionCounters counters);

        void reasonAdded(ActionCounters counters, String reason);
    }

    private final String connection;
    private final LongSupplier jiraNow;
    private final ActionCounters none;
    private final Map<String, ActionCounters> actions = new ConcurrentHashMap<>();
    private final LongAdder tokenRefreshes = new LongAdder();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param jiraNow Jira's clock now, in epoch milliseconds, as far as the connection can tell (for the lag)
     */
    public JiraSpokeMetrics(String connection, LongSupplier jiraNow) {
        this.connection = connection;
        this.jiraNow = jiraNow;
        this.none = new ActionCounters(this, NO_ACTION, null);
        actions.put(NO_ACTION, none);
    }

    public String connection() {
        return connection;
    }

    long jiraNowMillis() {
        return jiraNow.getAsLong();
    }

    /** The counters of an action, created at the first endpoint that serves it (at its start, not per exchange). */
    public ActionCounters forAction(JiraSpokeAction action) {
        ActionCounters c = actions.get(action.id());
        if (c == null) {
            ActionCounters fresh = new ActionCounters(this, action.id(), action);
            c = actions.putIfAbsent(action.id(), fresh);
            if (c == null) {
                c = fresh;
                listeners.forEach(l -> l.actionAdded(fresh));
            }
        }
        return c;
    }

    /** Every bucket, {@link #NO_ACTION} first. */
    public List<ActionCounters> all() {
        List<ActionCounters> list = new ArrayList<>();
        list.add(none);
        new TreeMap<>(actions).forEach((id, c) -> {
            if (c != none) {
                list.add(c);
            }
        });
        return list;
    }

    /** Tells the listener of every bucket and reason there is, and of those that come later. */
    public void listen(Listener listener) {
        listeners.add(listener);
        for (ActionCounters c : all()) {
            listener.actionAdded(c);
            c.rateLimitedByReason().keySet().forEach(reason -> listener.reasonAdded(c, reason));
        }
    }

    public void unlisten(Listener listener) {
        listeners.remove(listener);
    }

    void reasonAdded(ActionCounters counters, String reason) {
        listeners.forEach(l -> l.reasonAdded(counters, reason));
    }

    /**
     * Marks the current thread as serving an action until {@link #exit}; answers what it served before (a route
     * may call one action from within another's exchange).
     */
    public static ActionCounters enter(ActionCounters counters) {
        ActionCounters previous = CURRENT.get();
        CURRENT.set(counters);
        return previous;
    }

    public static void exit(ActionCounters previous) {
        CURRENT.set(previous);
    }

    /**
     * An iterator whose reads (the pages they fetch) count against the action. Reads a {@link PagedIterator}
     * answers from the page in hand are not wrapped: setting the thread's action twice per item cost a stream of
     * 100,000 issues four thread-local writes per issue for a request every hundred.
     */
    public static <T> Iterator<T> scoped(Iterator<T> iterator, ActionCounters counters) {
        PagedIterator<T> paged = iterator instanceof PagedIterator<T> p ? p : null;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (paged != null && paged.buffered()) {
                    return paged.hasNext();
                }
                ActionCounters previous = enter(counters);
                try {
                    return iterator.hasNext();
                } finally {
                    exit(previous);
                }
            }

            @Override
            public T next() {
                if (paged != null && paged.buffered()) {
                    return paged.next();
                }
                ActionCounters previous = enter(counters);
                try {
                    return iterator.next();
                } finally {
                    exit(previous);
                }
            }
        };
    }

    /** The bucket of requests made outside any action. */
    public ActionCounters outsideActions() {
        return none;
    }

    /** The bucket a request of this connection counts against on the current thread. */
    public ActionCounters current() {
        ActionCounters c = CURRENT.get();
        return c != null && c.owner() == this ? c : none;
    }

    /** A new OAuth access token was obtained (refresh, client credentials or code grant). */
    public void tokenRefreshed() {
        tokenRefreshes.increment();
    }

    public long tokenRefreshes() {
        return tokenRefreshes.sum();
    }

    public long requests() {
        return sum(ActionCounters::requests);
    }

    public long retries() {
        return sum(ActionCounters::retries);
    }

    public long rateLimited() {
        return sum(ActionCounters::rateLimited);
    }

    public long retryWaitMillis() {
        return sum(ActionCounters::retryWaitMillis);
    }

    public long throttleWaitMillis() {
        return sum(ActionCounters::throttleWaitMillis);
    }

    public long failures(FailureKind kind) {
        return sum(c -> c.failures(kind));
    }

    public Map<String, Long> failuresByKind() {
        return FailureKind.tally(this::failures);
    }

    public Map<String, Long> rateLimitedByReason() {
        Map<String, Long> m = new TreeMap<>();
        for (ActionCounters c : actions.values()) {
            c.rateLimitedByReason().forEach((reason, n) -> m.merge(reason, n, Long::sum));
        }
        return m;
    }

    private long sum(ToLongFunction<ActionCounters> f) {
        long total = 0;
        for (ActionCounters c : actions.values()) {
            total += f.applyAsLong(c);
        }
        return total;
    }
}
