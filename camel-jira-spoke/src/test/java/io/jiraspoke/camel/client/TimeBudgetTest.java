package io.jiraspoke.camel.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One call, retries and waits included, is bounded by {@code callTimeout}; any Retry-After is handled, none makes a
 * tight loop; 502 and 504 are retried when the request may be repeated.
 */
class TimeBudgetTest extends TransportTestSupport {

    @Test
    void aHungJiraIsGivenUpWithinTheCallTimeout() throws Exception {
        jira.stubFor(get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(10_000)));
        JiraSpokeConnection c = cloud();
        c.setResponseTimeout(Duration.ofMillis(800));
        c.setCallTimeout(Duration.ofMillis(1500));
        start(Map.of("jira", c));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());
        long elapsed = millisSince(t0);

        assertThat(ex.getException()).isInstanceOf(JiraSpokeTransportException.class)
                .hasMessageContaining("callTimeout");
        // five attempts of 800 ms plus backoff took over 4 s before; the budget is 1.5 s
        assertThat(elapsed).isLessThan(3000);
        assertThat(jira.findAll(getRequestedFor(urlEqualTo(INFO)))).hasSizeBetween(1, 3);
    }

    @Test
    void theLastAttemptGetsOnlyWhatRemains() throws Exception {
        // the first answer is too slow for the response timeout; the second would come in time for it, but not
        // in time for what is left of the call's budget
        firstThen(get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(5_000)),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(1_400)));
        JiraSpokeConnection c = cloud();
        c.setResponseTimeout(Duration.ofMillis(1500));
        c.setCallTimeout(Duration.ofSeconds(3));
        start(Map.of("jira", c));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());
        long elapsed = millisSince(t0);

        assertThat(ex.getException()).isInstanceOf(JiraSpokeTransportException.class);
        assertThat(elapsed).isLessThan(4000);
        jira.verify(2, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void theResponseTimeoutHoldsOnEveryCallFarFromTheCallTimeout() throws Exception {
        // far from the deadline an attempt reuses one config of the connection: its response timeout must still
        // be the connection's, call after call
        jira.stubFor(get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(3_000)));
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json")).withFixedDelay(300)));
        JiraSpokeConnection c = cloud();
        c.setConnectTimeout(Duration.ofMillis(500));
        c.setResponseTimeout(Duration.ofMillis(800));
        c.setCallTimeout(Duration.ofSeconds(30));
        c.setMaxAttempts(1);
        start(Map.of("jira", c));

        for (int call = 0; call < 2; call++) {
            long t0 = System.nanoTime();
            Exchange slow = send(INFO_URI, null, Map.of());
            long elapsed = millisSince(t0);
            assertThat(slow.getException()).as("call %d", call).isInstanceOf(JiraSpokeTransportException.class);
            assertThat(elapsed).as("call %d", call).isBetween(700L, 2500L);

            Exchange inTime = send("jiraspoke:user/myself?connection=jira", null, Map.of());
            assertThat(inTime.getException()).as("an answer within the response timeout, call %d", call).isNull();
        }
    }

    @Test
    void anAttemptNearTheDeadlineGetsOnlyWhatRemainsAlsoWhenTheFirstReusedTheConnectionsConfig() throws Exception {
        // the first attempt is far from the deadline (the connection's config), the second is not: 1.4 s would
        // fit the response timeout but not what is left of the 3 s
        firstThen(get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(5_000)),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(1_400)));
        JiraSpokeConnection c = cloud();
        c.setConnectTimeout(Duration.ofMillis(500));
        c.setResponseTimeout(Duration.ofMillis(1500));
        c.setCallTimeout(Duration.ofSeconds(3));
        start(Map.of("jira", c));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());
        long elapsed = millisSince(t0);

        assertThat(ex.getException()).isInstanceOf(JiraSpokeTransportException.class);
        assertThat(elapsed).isBetween(2500L, 3900L);
        jira.verify(2, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void aRetryAfterLongerThanTheCallTimeoutFailsAtOnce() throws Exception {
        jira.stubFor(get(INFO).willReturn(status(429).withHeader("Retry-After", "5")));
        JiraSpokeConnection c = cloud();
        c.setCallTimeout(Duration.ofSeconds(1));
        start(Map.of("jira", c));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        assertThat(((JiraSpokeRateLimitedException) ex.getException()).getRetryAfter())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(millisSince(t0)).isLessThan(2000);
        jira.verify(1, getRequestedFor(urlEqualTo(INFO)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999", "9223372036854775807", "99999999999999999999999999999"})
    void anyRetryAfterIsLongerThanTheBudgetNotACrash(String retryAfter) throws Exception {
        jira.stubFor(get(INFO).willReturn(status(429).withHeader("Retry-After", retryAfter)));
        start(Map.of("jira", cloud()));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        JiraSpokeRateLimitedException e = (JiraSpokeRateLimitedException) ex.getException();
        assertThat(e.getRetryAfter()).isGreaterThan(Duration.ofDays(365));
        assertThat(e.getMessage()).contains("after 1 attempt(s)");
        assertThat(millisSince(t0)).isLessThan(2000);
        jira.verify(1, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void retryAfterZeroIsNotATightLoop() throws Exception {
        jira.stubFor(get(INFO).willReturn(status(429).withHeader("Retry-After", "0")));
        JiraSpokeConnection c = cloud();
        c.setMaxAttempts(4);
        start(Map.of("jira", c));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlEqualTo(INFO)));
        assertThat(sent).hasSize(4);
        for (int i = 1; i < sent.size(); i++) {
            long gap = sent.get(i).getLoggedDate().getTime() - sent.get(i - 1).getLoggedDate().getTime();
            assertThat(gap).as("gap before attempt %d", i + 1).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void a503WithoutRetryAfterBacksOffAtLeastTheFloor() throws Exception {
        jira.stubFor(get(INFO).willReturn(status(503)));
        JiraSpokeConnection c = cloud();
        c.setMaxAttempts(3);
        start(Map.of("jira", c));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeServerErrorException.class);
        assertThat(millisSince(t0)).isGreaterThanOrEqualTo(400);
        jira.verify(3, getRequestedFor(urlEqualTo(INFO)));
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void aGetIsRetriedAfterABadGateway(int status) throws Exception {
        firstThen(get(INFO).willReturn(status(status)), get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(2, getRequestedFor(urlEqualTo(INFO)));
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void aPostIsNotRetriedAfterABadGatewayBecauseJiraMayHaveProcessedIt(int status) throws Exception {
        jira.stubFor(post(CREATE).willReturn(status(status)));
        start(Map.of("jira", cloud()));

        Exchange ex = send(CREATE_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeServerErrorException.class);
        jira.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }
}
