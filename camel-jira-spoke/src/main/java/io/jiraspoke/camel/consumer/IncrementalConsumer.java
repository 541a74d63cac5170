package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.util.Iterator;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of every incremental stream (issues, stories, sprint issues, audit records, ...): each poll asks the
 * source for the items stamped since the watermark minus the overlap window, skips the versions it delivered
 * already, and emits one exchange per new item version, oldest first. The watermark lives in the endpoint's
 * {@code StateRepository}; it advances only past items whose exchange succeeded.
 * <p>
 * Time is Jira's: item timestamps come from Jira's clock, the client measures Jira's clock against the host's, and
 * the watermark never moves beyond Jira's now, so a skewed host clock or an item stamped in the future cannot make
 * the consumer skip later items.
 * <p>
 * Items stamped with the time of what holds them (comments with their issue's {@code updated}) are told apart by
 * version ({@link IncrementalSource#versionedIds()}) and dropped by their own time only from the lower bound of the
 * oldest poll that did not run to its end on, which the state keeps until a poll does.
 */
final class IncrementalConsumer<T> extends StreamConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(IncrementalConsumer.class);

    private final IncrementalSource<T> source;
    private Instant startedAt;

    IncrementalConsumer(JiraSpokeEndpoint endpoint, Processor processor, IncrementalSource<T> source) {
        super(endpoint, processor, source.stateKeyBasis());
        this.source = source;
    }

    @Override
    protected void doStart() throws Exception {
        source.verify();
        startedAt = Instant.now();
        super.doStart();
    }

    @Override
    int pollItems() throws Exception {
        JiraClient client = endpoint.getClient();
        long overlap = endpoint.getOverlap().toMillis();
        Watermark wm = Watermark.parse(loadState());
        if (wm.isEmpty() && wm.floor() == Watermark.NONE && startFrom.kind() != StartFrom.Kind.BEGINNING) {
            wm.startAt(start(client).toEpochMilli());
            saveState(() -> wm.serialize(overlap));
        }
        long lower = wm.lowerBound(overlap);
        long unfinished = wm.unfinishedSince(lower);
        // whether the saved state says a poll is unfinished, which a poll that runs to its end must clear
        boolean savedUnfinished = wm.isUnfinished();
        wm.begin(unfinished);
        boolean versioned = source.versionedIds();
        if (versioned) {
            wm.keepFrom(lower);
        }
        int max = endpoint.getMaxMessagesPerPoll();
        int delivered = 0;
        boolean dirty = false;
        boolean stopped = false;
        Iterator<T> items = source.since(instant(lower), instant(unfinished)).iterator();
        // read once the first page has come, whose Date header told the client Jira's clock
        long now = items.hasNext() ? client.jiraNow().toEpochMilli() : 0;
        try {
            while (items.hasNext()) {
                T item = items.next();
                if (!isRunAllowed()) {
                    stopped = true;
                    break;
                }
                String id = source.id(item);
                if (id == null) {
                    LOG.warn("{} skips an item Jira sent without an id or key: {}", endpoint, item);
                    continue;
                }
                long millis = millis(item, wm, lower, now);
                if (millis < lower || (versioned ? wm.deliveredAt(id) != Watermark.NONE : wm.delivered(id, millis))) {
                    continue;
                }
                if (max > 0 && delivered >= max) {
                    stopped = true;
                    break;
                }
                Outcome outcome = deliver(item, e -> source.headers(item, e.getMessage()), () -> source.describe(item),
                        () -> wm.failed(id, millis));
                dirty = true;
                if (outcome == Outcome.FAILED) {
                    stopped = true;
                    break;
                }
                wm.record(id, millis, now, overlap);
                delivered++;
                if (checkpointDue()) {
                    saveState(() -> wm.serialize(overlap));
                    dirty = false;
                    savedUnfinished = true;
                }
            }
            if (!stopped) {
                wm.finished();
            }
        } finally {
            if (dirty || savedUnfinished && !wm.isUnfinished()) {
                saveState(() -> wm.serialize(overlap));
            }
            if (!wm.isEmpty()) {
                counters().watermark(wm.millis());
            }
        }
        return delivered;
    }

    private static Instant instant(long millis) {
        return millis == Watermark.NONE ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * The item's timestamp. An item Jira sent without one (it matched the query, so Jira has one) is delivered
     * once: it is booked at the watermark, and while the window remembers it, at that same booking.
     */
    private long millis(T item, Watermark wm, long lower, long now) {
        Instant ts = source.timestamp(item);
        if (ts != null) {
            return ts.toEpochMilli();
        }
        long booked = wm.deliveredAt(source.id(item));
        if (booked != Watermark.NONE) {
            return booked;
        }
        LOG.warn("{} came from Jira without a timestamp; {} books it at the watermark", source.describe(item),
                endpoint);
        return wm.isEmpty() ? Math.max(lower, now) : Math.max(lower, wm.millis());
    }

    /** Where a consumer without state starts, in Jira's clock. */
    private Instant start(JiraClient client) {
        if (startFrom.kind() == StartFrom.Kind.INSTANT) {
            return startFrom.instant();
        }
        Instant start = ConsumerStart.inJiraClock(endpoint, startedAt, LOG);
        LOG.info("{} starts from now ({} in Jira's clock): items changed before are not emitted; startFrom=beginning"
                 + " emits everything the stream holds", endpoint, start);
        return start;
    }
}
