package io.jiraspoke.camel.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection's own limits, maxConcurrentRequests and maxRequestsPerSecond, hold for every endpoint of the
 * connection together, and waiting for them counts against the call's callTimeout.
 */
class ConnectionLimitTest extends TransportTestSupport {

    private static final String MYSELF = "/rest/api/3/myself";
    private static final String MYSELF_URI = "jiraspoke:user/myself?connection=jira";

    private void stubBoth(int delayMillis) {
        jira.stubFor(get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(delayMillis)));
        jira.stubFor(get(MYSELF).willReturn(okJson(json("cloud-myself.json")).withFixedDelay(delayMillis)));
    }

    /** Sends to the two endpoints from {@code threads} threads at once, alternating. */
    private List<Exchange> concurrently(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Exchange>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String uri = t % 2 == 0 ? INFO_URI : MYSELF_URI;
                futures.add(pool.submit(() -> {
                    go.await();
                    return send(uri, null, Map.of());
                }));
            }
            go.countDown();
            List<Exchange> done = new ArrayList<>();
            for (Future<Exchange> f : futures) {
                done.add(f.get(30, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Long> receivedAt() {
        return jira.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getLoggedDate)
                .map(d -> d.getTime()).sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void noMoreThanMaxConcurrentRequestsAreInFlightAcrossEndpoints() throws Exception {
        stubBoth(300);
        JiraSpokeConnection c = cloud();
        c.setMaxConcurrentRequests(2);
        start(Map.of("jira", c));
        // start both endpoints before the threads race
        send(INFO_URI, null, Map.of());
        send(MYSELF_URI, null, Map.of());
        jira.resetRequests();

        List<Exchange> done = concurrently(6);

        assertThat(done).allSatisfy(ex -> assertThat(ex.getException()).isNull());
        List<Long> at = receivedAt();
        assertThat(at).hasSize(6);
        for (int i = 2; i < at.size(); i++) {
            assertThat(at.get(i) - at.get(i - 2)).as("request %d started before one of two in flight ended", i + 1)
                    .isGreaterThanOrEqualTo(250);
        }
        assertThat(context.getEndpoint(INFO_URI, JiraSpokeEndpoint.class).getClient().http().throttledMillis())
                .isPositive();
    }

    @Test
    void maxRequestsPerSecondSpacesRequestsAcrossEndpoints() throws Exception {
        stubBoth(0);
        JiraSpokeConnection c = cloud();
        c.setMaxRequestsPerSecond(5);
        start(Map.of("jira", c));
        send(INFO_URI, null, Map.of());
        send(MYSELF_URI, null, Map.of());
        jira.resetRequests();

        List<Exchange> done = concurrently(6);

        assertThat(done).allSatisfy(ex -> assertThat(ex.getException()).isNull());
        List<Long> at = receivedAt();
        assertThat(at).hasSize(6);
        // slots are 200 ms apart; how late each thread wakes for its slot varies, so each gap is checked loosely
        assertThat(at.get(5) - at.get(0)).isGreaterThanOrEqualTo(900);
        for (int i = 1; i < at.size(); i++) {
            assertThat(at.get(i) - at.get(i - 1)).as("gap before request %d", i + 1).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void aRateSlotBeyondTheCallTimeoutFailsAtOnce() throws Exception {
        stubBoth(0);
        JiraSpokeConnection c = cloud();
        // one request per 10 s: however slow the first call of a cold JVM, the second comes within the interval
        c.setMaxRequestsPerSecond(0.1);
        c.setCallTimeout(Duration.ofMillis(500));
        start(Map.of("jira", c));
        assertThat(send(INFO_URI, null, Map.of()).getException()).isNull();

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class)
                .hasMessageContaining("maxRequestsPerSecond");
        JiraSpokeRateLimitedException e = (JiraSpokeRateLimitedException) ex.getException();
        assertThat(e.getStatus()).as("nothing was sent").isZero();
        assertThat(e.getReason()).isEqualTo("maxRequestsPerSecond");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(400);
        jira.verify(1, anyRequestedFor(urlPathEqualTo(INFO)));
    }

    @Test
    void waitingForAConcurrencyPermitCountsAgainstTheCallTimeout() throws Exception {
        stubBoth(1500);
        JiraSpokeConnection c = cloud();
        c.setMaxConcurrentRequests(1);
        c.setCallTimeout(Duration.ofSeconds(2));
        start(Map.of("jira", c));
        context.getEndpoint(MYSELF_URI);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Exchange> first = pool.submit(() -> send(INFO_URI, null, Map.of()));
            Thread.sleep(100);

            long t0 = System.nanoTime();
            Exchange second = send(MYSELF_URI, null, Map.of());
            long elapsed = (System.nanoTime() - t0) / 1_000_000;

            assertThat(first.get(10, TimeUnit.SECONDS).getException()).isNull();
            // ~1400 ms waiting for the permit leave ~600 ms for an answer that takes 1500 ms
            assertThat(second.getException()).isInstanceOf(JiraSpokeTransportException.class);
            assertThat(elapsed).isLessThan(2800);
        } finally {
            pool.shutdownNow();
        }
    }
}
