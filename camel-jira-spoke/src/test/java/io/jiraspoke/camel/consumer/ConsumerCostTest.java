package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.jiraspoke.camel.consumer.Issues.Issue;
import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many issues that share one overlap window (a bulk edit) cost the consumer linear work: its state is written at
 * checkpoints (the end of a poll, a failure, at most once a second in between), not rewritten whole per exchange.
 */
class ConsumerCostTest extends ConsumerTestSupport {

    /** A repository that counts writes and remembers the largest state written. */
    static class CountingState implements StateRepository<String, String> {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void setState(String key, String value) {
            writes.incrementAndGet();
            values.put(key, value);
        }

        @Override
        public String getState(String key) {
            return values.get(key);
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void aBulkEditOfThreeThousandIssuesIsDeliveredWithAHandfulOfStateWrites() throws Exception {
        Instant bulk = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.MINUTES);
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            issues.add(new Issue(String.valueOf(10001 + i), "ABC-" + (i + 1), bulk));
        }
        serve(issues);
        CountingState state = new CountingState();
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false&stateRepository=#s&stateKey=k",
                Map.of("s", state));

        long started = System.nanoTime();
        consumer().run();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(received()).hasSize(3000);
        // one checkpoint per second at most while the poll runs, and one at its end
        assertThat(state.writes.get()).isBetween(1, (int) seconds + 2);
        Watermark wm = Watermark.parse(state.getState("k"));
        assertThat(wm.size()).as("every issue of the window is remembered").isEqualTo(3000);
        assertThat(wm.delivered("13000", bulk.toEpochMilli())).isTrue();

        consumer().run();
        assertThat(received()).as("the next poll re-reads the window and delivers nothing twice").hasSize(3000);
    }

    /** A repository that takes {@code writeMillis} per write and journals each write with what was delivered. */
    final class SlowJournaledState extends CountingState {
        final long writeMillis;
        final List<long[]> times = new ArrayList<>();
        final List<String> written = new ArrayList<>();
        final List<Integer> deliveredAtWrite = new ArrayList<>();

        SlowJournaledState(long writeMillis) {
            this.writeMillis = writeMillis;
        }

        @Override
        public synchronized void setState(String key, String value) {
            long started = System.nanoTime();
            LockSupport.parkNanos(writeMillis * 1_000_000);
            super.setState(key, value);
            written.add(value);
            deliveredAtWrite.add(mock().getReceivedCounter());
            times.add(new long[] {started, System.nanoTime()});
        }
    }

    @Test
    void aSlowRepositoryIsCheckpointedLessOftenAndEachCheckpointHoldsExactlyWhatWasDelivered() throws Exception {
        Instant bulk = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.MINUTES);
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            issues.add(new Issue(String.valueOf(10001 + i), "ABC-" + (i + 1), bulk));
        }
        serve(issues);
        SlowJournaledState state = new SlowJournaledState(60);
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false&stateRepository=#s&stateKey=k",
                Map.of("s", state));
        // about 2 ms per issue: a poll of three seconds or more, long enough for mid-poll checkpoints 1.2 s apart
        mock().whenAnyExchangeReceived(e -> LockSupport.parkNanos(2_000_000));

        consumer().run();

        assertThat(received()).hasSize(1500);
        int writes = state.written.size();
        assertThat(writes).as("mid-poll checkpoints still come during a long poll").isGreaterThanOrEqualTo(2);
        // the last write is the end of the poll, which waits for nothing
        for (int i = 0; i + 2 < writes; i++) {
            long took = state.times.get(i)[1] - state.times.get(i)[0];
            long gap = state.times.get(i + 1)[0] - state.times.get(i)[1];
            assertThat(gap).as("the pause after checkpoint %d, which took %d ms", i, took / 1_000_000)
                    .isGreaterThanOrEqualTo(StreamConsumer.CHECKPOINT_COST_FACTOR * took);
        }
        // every checkpoint holds the issues delivered before it and none after: nothing processed is lost and
        // nothing unprocessed is skipped
        for (int i = 0; i < writes; i++) {
            Watermark wm = Watermark.parse(state.written.get(i));
            int delivered = state.deliveredAtWrite.get(i);
            for (int k = 0; k < issues.size(); k++) {
                assertThat(wm.delivered(issues.get(k).id(), bulk.toEpochMilli()))
                        .as("checkpoint %d after %d deliveries, issue %d", i, delivered, k).isEqualTo(k < delivered);
            }
        }
        assertThat(state.deliveredAtWrite.get(writes - 1)).isEqualTo(1500);

        // a crash after the first mid-poll checkpoint: a new consumer from it delivers exactly the issues after it
        int atCrash = state.deliveredAtWrite.get(0);
        assertThat(atCrash).isBetween(1, 1499);
        context.stop();
        CountingState survivor = new CountingState();
        survivor.setState("k", state.written.get(0));
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false&stateRepository=#s&stateKey=k",
                Map.of("s", survivor));
        consumer().run();
        assertThat(received()).isEqualTo(keys(issues.subList(atCrash, issues.size())));
    }
}
