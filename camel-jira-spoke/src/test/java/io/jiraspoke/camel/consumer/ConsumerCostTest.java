package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
    static final class CountingState implements StateRepository<String, String> {
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
}
