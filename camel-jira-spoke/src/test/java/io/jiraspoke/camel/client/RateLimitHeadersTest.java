package io.jiraspoke.camel.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate-limit headers Jira Cloud sends in 2026: Retry-After and its Beta- variant, X-RateLimit-Reset in Jira's
 * minute format and its X-Beta- variant, RateLimit-Reason (counted per reason and carried by the exception), and
 * X-RateLimit-NearLimit, after which the connection holds its next request back briefly.
 */
class RateLimitHeadersTest extends TransportTestSupport {

    private static final DateTimeFormatter JIRA_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private static ResponseDefinitionBuilder tooMany() {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}");
    }

    private JiraHttp http() {
        return context.getEndpoint(INFO_URI, JiraSpokeEndpoint.class).getClient().http();
    }

    private long gapMillis(List<LoggedRequest> sent, int i) {
        return sent.get(i).getLoggedDate().getTime() - sent.get(i - 1).getLoggedDate().getTime();
    }

    @Test
    void betaRetryAfterIsWaitedFor() throws Exception {
        firstThen(get(INFO).willReturn(tooMany().withHeader("Beta-Retry-After", "1")),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isNull();
        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlEqualTo(INFO)));
        assertThat(sent).hasSize(2);
        assertThat(gapMillis(sent, 1)).isGreaterThanOrEqualTo(950);
    }

    @Test
    void xBetaRateLimitResetIsWaitedFor() throws Exception {
        Instant reset = Instant.now().plusMillis(1200).truncatedTo(ChronoUnit.MILLIS);
        firstThen(get(INFO).willReturn(tooMany().withHeader("X-Beta-RateLimit-Reset", reset.toString())),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isNull();
        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlEqualTo(INFO)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(reset.minusMillis(20));
    }

    @Test
    void aResetInJirasMinuteFormatIsUnderstood() throws Exception {
        Instant reset = Instant.now().plus(Duration.ofMinutes(10));
        jira.stubFor(get(INFO).willReturn(tooMany().withHeader("X-RateLimit-Reset", JIRA_MINUTES.format(reset))));
        JiraSpokeConnection c = cloud();
        c.setCallTimeout(Duration.ofSeconds(2));
        start(Map.of("jira", c));

        long t0 = System.nanoTime();
        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        Duration asked = ((JiraSpokeRateLimitedException) ex.getException()).getRetryAfter();
        assertThat(asked).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(11));
        assertThat((System.nanoTime() - t0) / 1_000_000).as("no wait beyond the budget").isLessThan(1500);
        jira.verify(1, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void theReasonIsCarriedAndCounted() throws Exception {
        jira.stubFor(get(INFO).willReturn(tooMany().withHeader("Retry-After", "0")
                .withHeader("RateLimit-Reason", "jira-per-issue-on-write")));
        JiraSpokeConnection c = cloud();
        c.setMaxAttempts(2);
        start(Map.of("jira", c));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeRateLimitedException.class);
        JiraSpokeRateLimitedException e = (JiraSpokeRateLimitedException) ex.getException();
        assertThat(e.getReason()).isEqualTo("jira-per-issue-on-write");
        assertThat(e.getMessage()).contains("jira-per-issue-on-write");
        assertThat(http().rateLimitedByReason()).containsExactly(Map.entry("jira-per-issue-on-write", 2L));
        assertThat(http().rateLimitedCount()).isEqualTo(2);
    }

    @Test
    void theBetaReasonAndAMissingReasonAreCountedApart() throws Exception {
        firstThen(get(INFO).willReturn(tooMany().withHeader("Retry-After", "0")
                        .withHeader("X-Beta-RateLimit-Reason", "jira-quota-tenant-based")),
                get(INFO).willReturn(tooMany().withHeader("Retry-After", "0")));
        JiraSpokeConnection c = cloud();
        c.setMaxAttempts(2);
        start(Map.of("jira", c));

        Exchange ex = send(INFO_URI, null, Map.of());

        assertThat(((JiraSpokeRateLimitedException) ex.getException()).getReason()).isNull();
        assertThat(http().rateLimitedByReason())
                .containsOnly(Map.entry("jira-quota-tenant-based", 1L), Map.entry("unspecified", 1L));
    }

    @Test
    void aNearLimitAnswerHoldsTheNextRequestBack() throws Exception {
        firstThen(get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))
                        .withHeader("X-RateLimit-NearLimit", "true")),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        assertThat(send(INFO_URI, null, Map.of()).getException()).isNull();
        assertThat(send(INFO_URI, null, Map.of()).getException()).isNull();
        assertThat(send(INFO_URI, null, Map.of()).getException()).isNull();

        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlEqualTo(INFO)));
        assertThat(sent).hasSize(3);
        assertThat(gapMillis(sent, 1)).as("held back after the near-limit answer").isGreaterThanOrEqualTo(900);
        assertThat(gapMillis(sent, 2)).as("not held back without it").isLessThan(900);
        assertThat(http().throttledMillis()).isBetween(900L, 1500L);
    }

    @Test
    void theBetaNearLimitHeaderCountsToo() throws Exception {
        firstThen(get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))
                        .withHeader("X-Beta-RateLimit-NearLimit", "true")),
                get(INFO).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        send(INFO_URI, null, Map.of());
        send(INFO_URI, null, Map.of());

        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlEqualTo(INFO)));
        assertThat(gapMillis(sent, 1)).isGreaterThanOrEqualTo(900);
    }
}
