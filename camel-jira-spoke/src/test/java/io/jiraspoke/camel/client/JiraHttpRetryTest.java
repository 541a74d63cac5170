package io.jiraspoke.camel.client;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraServerInfo;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 429/503 handling (Retry-After, X-RateLimit-Reset, backoff), the retry budget, which requests may be sent again,
 * and failures to connect. Only the cases about a 1 s Retry-After actually wait.
 */
class JiraHttpRetryTest extends TransportTestSupport {

    private JiraSpokeConnection connection(int maxAttempts) {
        JiraSpokeConnection c = cloud();
        c.setMaxAttempts(maxAttempts);
        return c;
    }

    private JiraHttp http(String uri) {
        return context.getEndpoint(uri, JiraSpokeEndpoint.class).getClient().http();
    }

    @Test
    void retryAfterIsWaitedForThenTheCallSucceeds() throws Exception {
        firstThen(get(INFO).willReturn(status(429).withHeader("Retry-After", "1")),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());
        long elapsed = millisSince(t0);

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraServerInfo.class).getDeploymentType())
                .isEqualTo("Cloud");
        assertThat(elapsed).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(1000);
        jira.verify(2, getRequestedFor(urlEqualTo(INFO)));
        JiraHttp http = http(INFO_URI);
        assertThat(http.rateLimitedCount()).isEqualTo(1);
        assertThat(http.retryCount()).isEqualTo(1);
        assertThat(http.waitedMillis()).isEqualTo(1000);
        assertThat(http.requestCount()).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesGiveRateLimitedWithTheLastRetryAfter() throws Exception {
        jira.stubFor(get(INFO).willReturn(status(429).withHeader("Retry-After", "1")
                .withHeader("RateLimit-Reason", "jira-burst-based")));
        start(Map.of("jira", connection(2)));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());
        long elapsed = millisSince(t0);

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        JiraSpokeRateLimitedException e = (JiraSpokeRateLimitedException) ex.getException();
        assertThat(e.getStatus()).isEqualTo(429);
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.getMethod()).isEqualTo("GET");
        assertThat(e.getPath()).isEqualTo(INFO);
        assertThat(e.getErrorMessages()).containsExactly("status 429");
        assertThat(e.getMessage()).contains("after 2 attempt(s)").contains("Retry-After 1 s").contains("'jira'");
        assertThat(elapsed).as("one wait between the two attempts").isGreaterThanOrEqualTo(1000);
        jira.verify(2, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void xRateLimitResetInstantIsWaitedFor() throws Exception {
        start(Map.of("jira", cloud()));
        Instant reset = Instant.now().plusMillis(1200).truncatedTo(ChronoUnit.MILLIS);
        firstThen(get(INFO).willReturn(status(429).withHeader("X-RateLimit-Reset", reset.toString())),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());
        long elapsed = millisSince(t0);

        assertThat(ex.getException()).isNull();
        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlEqualTo(INFO)));
        assertThat(sent).hasSize(2);
        Instant retried = sent.stream().map(LoggedRequest::getLoggedDate).max(Comparator.naturalOrder()).orElseThrow()
                .toInstant();
        assertThat(retried).as("the retry is not sent before the reset instant")
                .isAfterOrEqualTo(reset.minusMillis(20));
        assertThat(elapsed).isGreaterThanOrEqualTo(900);
    }

    @Test
    void retryAfterLongerThanMaxRetryWaitFailsAtOnce() throws Exception {
        jira.stubFor(get(INFO).willReturn(status(429).withHeader("Retry-After", "30")));
        JiraSpokeConnection c = cloud();
        c.setMaxRetryWait(java.time.Duration.ofMillis(500));
        start(Map.of("jira", c));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());
        long elapsed = millisSince(t0);

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        JiraSpokeRateLimitedException e = (JiraSpokeRateLimitedException) ex.getException();
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.getMessage()).contains("after 1 attempt(s)");
        assertThat(elapsed).as("did not wait").isLessThan(5_000);
        jira.verify(1, getRequestedFor(urlEqualTo(INFO)));
        assertThat(http(INFO_URI).waitedMillis()).isZero();
    }

    @Test
    void getIsRetriedAfter503WithoutRetryAfter() throws Exception {
        firstThen(get(INFO).willReturn(status(503)), get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(2, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void postIsNotRetriedAfter503WithoutRetryAfter() throws Exception {
        firstThen(post(CREATE).willReturn(status(503)), post(CREATE).willReturn(okJson(CREATED).withStatus(201)));
        start(Map.of("jira", cloud()));

        Exchange ex = send(CREATE_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeServerErrorException.class);
        assertThat(((JiraSpokeServerErrorException) ex.getException()).getStatus()).isEqualTo(503);
        jira.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void postIsRetriedAfter503WithRetryAfterWithTheSameBody() throws Exception {
        firstThen(post(CREATE).willReturn(status(503).withHeader("Retry-After", "0")),
                post(CREATE).willReturn(okJson(CREATED).withStatus(201)));
        start(Map.of("jira", cloud()));

        Exchange ex = send(CREATE_URI, null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraIssue.class).getKey()).isEqualTo("PROJ-1");
        List<LoggedRequest> sent = jira.findAll(postRequestedFor(urlEqualTo(CREATE)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString()).contains("PROJ");
    }

    @Test
    void postIsRetriedAfter429() throws Exception {
        firstThen(post(CREATE).willReturn(status(429).withHeader("Retry-After", "0")),
                post(CREATE).willReturn(okJson(CREATED).withStatus(201)));
        start(Map.of("jira", cloud()));

        Exchange ex = send(CREATE_URI, null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void exhausted503WithRetryAfterIsRateLimited() throws Exception {
        jira.stubFor(get(INFO).willReturn(status(503).withHeader("Retry-After", "0")));
        start(Map.of("jira", connection(3)));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        JiraSpokeRateLimitedException e = (JiraSpokeRateLimitedException) ex.getException();
        assertThat(e.getStatus()).isEqualTo(503);
        assertThat(e.getRetryAfter()).isEqualTo(Duration.ZERO);
        jira.verify(3, getRequestedFor(urlEqualTo(INFO)));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void connectionRefusedGivesTransportExceptionAfterMaxAttempts() throws Exception {
        JiraSpokeConnection c = JiraSpokeConnection.basicApiToken("http://localhost:" + closedPort(), CLOUD_EMAIL,
                CLOUD_API_TOKEN);
        c.setMaxAttempts(3);
        start(Map.of("jira", c));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeTransportException.class);
        JiraSpokeTransportException e = (JiraSpokeTransportException) ex.getException();
        assertThat(e.getStatus()).isZero();
        assertThat(e.getMethod()).isEqualTo("GET");
        assertThat(e.getPath()).isEqualTo(INFO);
        assertThat(e.getMessage()).contains("after 3 attempt(s)").contains("'jira'")
                .doesNotContain(CLOUD_API_TOKEN);
        assertThat(http(INFO_URI).requestCount()).isEqualTo(3);
    }

    @Test
    void connectionRefusedPostIsRetriedBecauseNothingWasSent() throws Exception {
        JiraSpokeConnection c = JiraSpokeConnection.basicApiToken("http://localhost:" + closedPort(), CLOUD_EMAIL,
                CLOUD_API_TOKEN);
        c.setMaxAttempts(2);
        start(Map.of("jira", c));

        Exchange ex = send(CREATE_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeTransportException.class)
                .hasMessageContaining("after 2 attempt(s)");
        assertThat(http(CREATE_URI).requestCount()).isEqualTo(2);
    }

    @Test
    void postWithoutAnswerIsNotRetriedBecauseJiraMayHaveProcessedIt() throws Exception {
        jira.stubFor(post(CREATE).willReturn(okJson(CREATED).withStatus(201).withFixedDelay(1500)));
        JiraSpokeConnection c = cloud();
        c.setResponseTimeout(java.time.Duration.ofMillis(300));
        start(Map.of("jira", c));

        Exchange ex = send(CREATE_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeTransportException.class)
                .hasMessageContaining("after 1 attempt(s)");
        jira.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void getWithoutAnswerIsRetried() throws Exception {
        firstThen(get(INFO).willReturn(okJson(json("cloud-serverInfo.json")).withFixedDelay(1500)),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        JiraSpokeConnection c = cloud();
        c.setResponseTimeout(java.time.Duration.ofMillis(300));
        start(Map.of("jira", c));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(2, getRequestedFor(urlEqualTo(INFO)));
    }
}
