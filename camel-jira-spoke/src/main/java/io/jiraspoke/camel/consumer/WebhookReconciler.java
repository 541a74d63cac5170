package io.jiraspoke.camel.consumer;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciling poll of webhook/events: at a long interval it lists what changed since its watermark (minus the
 * endpoint's overlap, for changes Jira indexed late) up to {@link Reconciliation#delay()} ago, and delivers an event
 * for each change no delivery carried. It shares the consumer's idempotent repository and in-flight set: a version
 * that a delivery claimed is skipped, one being delivered right now stops the poll there (its outcome is not known
 * yet), and a version the poll claims makes Jira's late delivery of it a duplicate.
 * <p>
 * The watermark (in the endpoint's state repository, as an ISO instant) moves only past changes that were
 * delivered or found delivered; a failed exchange, a Jira error or a stop leaves it before the change in hand, so
 * the next poll tries again from there. A consumer without saved state starts from now, in Jira's clock, and its
 * polls do not look behind that start; one with saved state resumes where it stopped, so the gaps of a downtime are
 * filled.
 */
final class WebhookReconciler<T> {

    /** Delivers one event the poll made; answers whether the exchange succeeded (or the route handled it). */
    interface Sink<T> {
        boolean deliver(T event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReconciler.class);

    private final JiraSpokeEndpoint endpoint;
    private final Reconciliation<T> reconciliation;
    private final IdempotentRepository repository;
    private final Map<String, Boolean> inFlight;
    private final String prefix;
    private final Sink<T> sink;
    private final ExceptionHandler errors;
    private final ReentrantLock polling = new ReentrantLock();
    private StateRepository<String, String> state;
    private String stateKey;
    private volatile long watermark;
    /** The host's time of a start without saved state, until the first poll has read Jira's clock; else null. */
    private volatile Instant startedAt;
    /**
     * The start of a consumer that had no state: changes before it were not this consumer's to deliver (as with
     * startFrom=now), so the overlap does not reach behind it. Absent when the state came from an earlier run.
     */
    private long floor = Long.MIN_VALUE;
    private volatile boolean running;

    WebhookReconciler(JiraSpokeEndpoint endpoint, Reconciliation<T> reconciliation, IdempotentRepository repository,
                      Map<String, Boolean> inFlight, String prefix, Sink<T> sink, ExceptionHandler errors) {
        this.endpoint = endpoint;
        this.reconciliation = reconciliation;
        this.repository = repository;
        this.inFlight = inFlight;
        this.prefix = prefix;
        this.sink = sink;
        this.errors = errors;
    }

    /** Reads the watermark; a consumer without one starts from now, in Jira's clock. */
    void start() {
        state = endpoint.getStateRepository();
        ServiceHelper.startService(state);
        stateKey = endpoint.getStateKey() != null ? endpoint.getStateKey()
                : ConsumerStart.defaultStateKey(endpoint, prefix + "\n" + reconciliation.stateKeyBasis());
        String saved = state.getState(stateKey);
        if (saved != null && !saved.isBlank()) {
            try {
                watermark = Instant.parse(saved.strip()).toEpochMilli();
            } catch (DateTimeException e) {
                throw new JiraSpokeConfigurationException(
                        "Consumer jiraspoke:webhook/events: the reconciling poll's state '" + stateKey + "' in the"
                                                          + " state repository is not an instant (" + e.getMessage()
                                                          + "); remove it to start from now");
            }
        } else {
            // Jira's clock is read at the first poll, as the other consumers do: no call to Jira at route start
            startedAt = Instant.now();
        }
        running = true;
        LOG.info("{} reconciles every {} from {} (changes younger than {} are left to the deliveries)", endpoint,
                reconciliation.interval(), startedAt == null ? Instant.ofEpochMilli(watermark) : "its start",
                reconciliation.delay());
    }

    /** A consumer without state starts from its start in Jira's clock, saved at its first poll. */
    private void startFromNow() {
        watermark = ConsumerStart.inJiraClock(endpoint, startedAt, LOG).toEpochMilli();
        floor = watermark;
        startedAt = null;
        state.setState(stateKey, Instant.ofEpochMilli(watermark).toString());
    }

    /** Makes a running poll end after the change in hand. */
    void stop() {
        running = false;
    }

    /** One poll; answers how many events it delivered. Errors are reported, never thrown: the next poll retries. */
    int poll() {
        if (!polling.tryLock()) {
            return 0;
        }
        int delivered = 0;
        List<String> filled = new ArrayList<>();
        try {
            if (startedAt != null) {
                startFromNow();
            }
        } catch (RuntimeException e) {
            polling.unlock();
            errors.handleException("The reconciling poll of " + endpoint + " could not save where it starts; the"
                                   + " next poll tries again", e);
            return 0;
        }
        long lower = Math.max(watermark - endpoint.getOverlap().toMillis(), floor);
        long settled = watermark;
        try {
            JiraClient client = endpoint.getClient();
            Iterator<Reconciliation.Change<T>> changes = reconciliation.since(Instant.ofEpochMilli(lower)).iterator();
            long cutoff = client.jiraNow().minus(reconciliation.delay()).toEpochMilli();
            Instant since = Instant.ofEpochMilli(lower);
            int max = endpoint.getMaxMessagesPerPoll();
            boolean stopped = false;
            while (changes.hasNext()) {
                Reconciliation.Change<T> change = changes.next();
                Instant time = change.time();
                if (time == null) {
                    LOG.warn("{} came from Jira without the time it changed; the reconciling poll of {} skips it",
                            change.describe(), endpoint);
                    continue;
                }
                long at = time.toEpochMilli();
                if (at < lower) {
                    continue;
                }
                if (at > cutoff) {
                    // oldest first: what follows is younger still, and left to the deliveries for now
                    break;
                }
                if (!running || max > 0 && delivered >= max || change.versions().stream()
                        .anyMatch(v -> inFlight.containsKey(prefix + v))) {
                    // a delivery of this change is being processed: its outcome decides, so the poll waits
                    settled = Math.max(settled, at);
                    stopped = true;
                    break;
                }
                Reconciliation.Missed<T> missed = change.missed(v -> repository.contains(prefix + v), since);
                if (missed != null) {
                    Boolean ok = claimAndDeliver(missed);
                    if (ok == null || !ok) {
                        settled = Math.max(settled, at);
                        stopped = true;
                        break;
                    }
                    delivered++;
                    filled.add(change.describe());
                }
                settled = Math.max(settled, at);
            }
            if (!stopped) {
                settled = Math.max(settled, cutoff);
            }
        } catch (RuntimeException e) {
            // on a scheduled executor an exception would cancel every later poll
            errors.handleException("The reconciling poll of " + endpoint + " failed; the next one starts where it"
                                   + " stopped", e);
        } finally {
            advance(settled);
            polling.unlock();
        }
        if (delivered > 0) {
            LOG.info("{}: the reconciling poll delivered {} event(s) no webhook delivery had brought: {}", endpoint,
                    delivered, filled.size() <= 20 ? filled : filled.subList(0, 20) + " ...");
        }
        return delivered;
    }

    /** True when delivered, false when the route failed, null when a delivery claimed a version meanwhile. */
    private Boolean claimAndDeliver(Reconciliation.Missed<T> missed) {
        List<String> claimed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        try {
            for (String v : missed.versions()) {
                if (inFlight.putIfAbsent(prefix + v, Boolean.TRUE) != null) {
                    return null;
                }
                claimed.add(prefix + v);
            }
            for (String key : claimed) {
                if (repository.add(key)) {
                    added.add(key);
                }
            }
            if (added.isEmpty()) {
                // a delivery brought it between the look-up and the claim
                return Boolean.TRUE;
            }
            boolean ok = sink.deliver(missed.event());
            for (String key : added) {
                if (ok) {
                    repository.confirm(key);
                } else {
                    repository.remove(key);
                }
            }
            return ok;
        } finally {
            claimed.forEach(inFlight::remove);
        }
    }

    private void advance(long settled) {
        if (settled > watermark) {
            watermark = settled;
            try {
                state.setState(stateKey, Instant.ofEpochMilli(settled).toString());
            } catch (RuntimeException e) {
                errors.handleException("The reconciling poll of " + endpoint + " could not save its watermark", e);
            }
        }
    }
}
