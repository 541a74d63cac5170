package io.jiraspoke.camel.consumer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.metrics.ActionCounters;
import io.jiraspoke.camel.metrics.JiraSpokeMetrics;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.AsyncProcessorAwaitManager;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two generic consumers share: the state repository and its key, processing one exchange per item, and
 * checkpoints of the state (after each poll, after a failure, and while a long poll runs at most every second, or
 * every twenty times as long as the last checkpoint took when that is longer, so a poll of 100,000 items does not
 * rewrite its state 100,000 times, nor a state of 100,000 items every second).
 * <p>
 * An exchange that the route's error handling handled (onException with handled(true), a dead letter channel)
 * counts as delivered. An exchange that still fails stops the poll: it and everything after it come again on the
 * next poll, up to {@code maxDeliveryAttempts} polls, after which the consumer logs a WARN naming the item and
 * moves past it.
 * <p>
 * Stopping (a route stop, a shutdown, or camel-master stopping the consumer when its instance loses the leadership)
 * waits for a running poll: it ends after the exchange in hand and saves the state before the stop returns, so that
 * whichever instance polls next starts from there and a JVM that shuts down does not exit in between.
 */
abstract class StreamConsumer extends ScheduledPollConsumer {

    static final long CHECKPOINT_NANOS = 1_000_000_000L;
    /** A mid-poll checkpoint waits at least this many times as long as the last checkpoint took. */
    static final int CHECKPOINT_COST_FACTOR = 20;
    /** How long a stop waits for the running poll; a poll stuck longer in a Jira call keeps its last checkpoint. */
    static final long STOP_WAIT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);

    protected final JiraSpokeEndpoint endpoint;
    protected final StartFrom startFrom;
    private final String stateKeyBasis;
    private StateRepository<String, String> state;
    private String key;
    private long lastCheckpoint;
    private long checkpointEvery = CHECKPOINT_NANOS;
    private ActionCounters counters;
    /** Looked up once: {@code Processor.process} on the route looks it up in the context per exchange. */
    private AsyncProcessorAwaitManager awaitManager;
    private AsyncProcessor route;
    /** Held while a poll runs. */
    private final ReentrantLock polling = new ReentrantLock();

    /**
     * @param stateKeyBasis what selects the items (the JQL, the list's filters), so that two consumers of different
     *                      queries do not share state by default
     */
    StreamConsumer(JiraSpokeEndpoint endpoint, Processor processor, String stateKeyBasis) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.startFrom = StartFrom.parse(endpoint.getStartFrom());
        this.stateKeyBasis = stateKeyBasis;
    }

    @Override
    protected void doStart() throws Exception {
        state = endpoint.getStateRepository();
        // A repository bound in the registry is not started by Camel, and a FileStateRepository reads its file only
        // when started: without this a restart would deliver everything again. It is not stopped here, because a
        // MemoryStateRepository forgets everything when stopped.
        ServiceHelper.startService(state);
        key = endpoint.getStateKey() != null ? endpoint.getStateKey()
                : ConsumerStart.defaultStateKey(endpoint, stateKeyBasis);
        counters = endpoint.getClient().http().metrics().forAction(endpoint.getCatalogAction());
        awaitManager = PluginHelper.getAsyncProcessorAwaitManager(endpoint.getCamelContext());
        route = getAsyncProcessor();
        super.doStart();
    }

    /** One poll, its requests counted against the consumer's action. */
    @Override
    protected final int poll() throws Exception {
        polling.lock();
        ActionCounters previous = JiraSpokeMetrics.enter(counters);
        try {
            return pollItems();
        } finally {
            JiraSpokeMetrics.exit(previous);
            polling.unlock();
        }
    }

    @Override
    protected void doStop() throws Exception {
        // stops the schedule and interrupts the poll thread; the poll loop sees that the run is no longer allowed
        super.doStop();
        try {
            if (polling.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                polling.unlock();
            } else {
                LOG.warn("{} is still polling {} s after it was told to stop; the items after its last checkpoint"
                         + " come again on the next poll, on whichever instance runs it", endpoint, STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Emits what is new; answers how many items were delivered. */
    abstract int pollItems() throws Exception;

    ActionCounters counters() {
        return counters;
    }

    String loadState() {
        return state.getState(key);
    }

    /**
     * Writes the state. Its cost (serialising it and the repository's write) sets how long the next mid-poll
     * checkpoint waits, so that a large overlap window or a slow repository spend a bounded share of the poll on
     * checkpoints rather than one rewrite of everything per second.
     */
    void saveState(Supplier<String> value) {
        long started = System.nanoTime();
        state.setState(key, value.get());
        lastCheckpoint = System.nanoTime();
        checkpointEvery = Math.max(CHECKPOINT_NANOS, CHECKPOINT_COST_FACTOR * (lastCheckpoint - started));
    }

    /**
     * Whether a mid-poll checkpoint is due: a second after the last one, or longer when that one took more than
     * 1/{@value #CHECKPOINT_COST_FACTOR} of a second. A crash between checkpoints delivers the items since the last
     * one again; it loses none, as every checkpoint holds only items whose exchange completed.
     */
    boolean checkpointDue() {
        return System.nanoTime() - lastCheckpoint >= checkpointEvery;
    }

    enum Outcome {
        /** The exchange succeeded, or the route handled its failure. */
        DELIVERED,
        /** It failed once more than maxDeliveryAttempts allows: the consumer moves past it. */
        GIVEN_UP,
        /** It failed: the poll stops, and the item comes again on the next poll. */
        FAILED
    }

    /**
     * Processes one item as one exchange. On failure {@code countFailure} records one more failed poll of the item
     * and answers how many there were in a row; {@code item} describes it for a message, only when one is written
     * (a text per delivered item cost the consumer of 100,000 issues a string each).
     */
    Outcome deliver(Object body, Consumer<Exchange> headers, Supplier<String> item, IntSupplier countFailure) {
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setBody(body);
            headers.accept(exchange);
            try {
                // synchronously, as Processor.process does: the poll goes on when the exchange is done
                awaitManager.process(route, exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure == null) {
                counters.delivered();
                return Outcome.DELIVERED;
            }
            int attempts = countFailure.getAsInt();
            int max = endpoint.getMaxDeliveryAttempts();
            if (max > 0 && attempts >= max) {
                LOG.warn("Giving up on {} of {} after {} failed poll(s) (maxDeliveryAttempts={}); moving past it."
                         + " Last failure: {}", item.get(), endpoint, attempts, max, failure.toString());
                return Outcome.GIVEN_UP;
            }
            getExceptionHandler().handleException("Processing " + item.get() + " failed (poll " + attempts
                                                  + (max > 0 ? " of " + max : "") + "); it and the items after it"
                                                  + " are polled again", exchange, failure);
            return Outcome.FAILED;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
