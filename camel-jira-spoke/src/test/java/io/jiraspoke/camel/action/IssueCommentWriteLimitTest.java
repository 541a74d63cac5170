package io.jiraspoke.camel.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.model.JiraComment;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jira Cloud limits writes to one issue (about 20 per 2 seconds, {@code RateLimit-Reason: jira-per-issue-on-write})
 * and answers 429 with Retry-After beyond that. 200 comments on one issue all succeed, each refused write waiting
 * as Jira says. The stand-in enforces 20 writes per 1-second window (Jira's 2 s halved to keep the test near 10
 * seconds) and, as Jira does, says Retry-After in whole seconds, rounded up.
 */
class IssueCommentWriteLimitTest extends ActionTestSupport {

    private static final int LIMIT = 20;
    private static final long WINDOW_MS = 1_000;
    private static final int COMMENTS = 200;

    private final PerIssueWriteLimit limit = new PerIssueWriteLimit();

    @BeforeEach
    void jiraThatLimitsWritesPerIssue() {
        jira.stop();
        jira = new WireMockServer(WireMockConfiguration.options().dynamicPort().notifier(new Slf4jNotifier(false))
                .extensions(limit));
        jira.start();
        jira.stubFor(post(urlEqualTo("/rest/api/3/issue/PROJ-123/comment"))
                .willReturn(WireMock.aResponse().withTransformers(PerIssueWriteLimit.NAME)));
    }

    @Test
    void twoHundredCommentsOnOneIssueAllSucceedWaitingAsJiraSays() throws Exception {
        start(Flavor.CLOUD);
        long started = System.nanoTime();

        List<Exchange> failed = new ArrayList<>();
        for (int i = 1; i <= COMMENTS; i++) {
            Exchange ex = send(uri(Flavor.CLOUD, "issue/addComment", "issueKey=PROJ-123"), "Build " + i + " passed",
                    Map.of());
            if (ex.getException() != null || !("Build " + i + " passed").equals(
                    ex.getMessage().getBody(JiraComment.class).getBody())) {
                failed.add(ex);
            }
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(failed).as("failed exchanges").isEmpty();
        assertThat(limit.accepted()).as("comments Jira stored, in order").hasSize(COMMENTS)
                .startsWith("Build 1 passed", "Build 2 passed").endsWith("Build 200 passed").doesNotHaveDuplicates();
        // 200 writes at 20 per window need 10 windows: Jira refused some (9 unless the writes were slower than
        // the limit), and each refusal cost the full second it asked for
        assertThat(limit.refused()).isPositive();
        assertThat(tookMs).isGreaterThanOrEqualTo(limit.refused() * WINDOW_MS);
        assertThat(limit.refusedWithinRetryAfter()).as("writes sent again before Retry-After was over").isZero();
        var http = context.getEndpoint(uri(Flavor.CLOUD, "issue/addComment", "issueKey=PROJ-123"),
                JiraSpokeEndpoint.class).getClient().http();
        assertThat(http.rateLimitedByReason()).containsExactly(Map.entry("jira-per-issue-on-write",
                (long) limit.refused()));
    }

    /**
     * Jira's per-issue write limit for one issue: a fixed window of {@link #WINDOW_MS} that admits {@link #LIMIT}
     * writes; beyond them 429 with {@code Retry-After} (whole seconds until the window ends, rounded up) and
     * {@code RateLimit-Reason: jira-per-issue-on-write}. It also notes a write that came back before the
     * Retry-After it was given had passed.
     */
    static final class PerIssueWriteLimit implements ResponseDefinitionTransformerV2 {
        static final String NAME = "per-issue-write-limit";

        private long windowStart = Long.MIN_VALUE;
        private int inWindow;
        private int refused;
        private int tooEarly;
        private long retryNotBefore;
        private final List<String> accepted = new ArrayList<>();

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            long now = System.nanoTime() / 1_000_000;
            if (now < retryNotBefore) {
                tooEarly++;
            }
            if (windowStart == Long.MIN_VALUE || now - windowStart >= WINDOW_MS) {
                windowStart = now;
                inWindow = 0;
            }
            if (inWindow >= LIMIT) {
                refused++;
                long retryAfter = (windowStart + WINDOW_MS - now + 999) / 1000;
                retryNotBefore = now + retryAfter * 1000;
                return WireMock.aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withHeader("Retry-After", String.valueOf(retryAfter))
                        .withHeader("RateLimit-Reason", "jira-per-issue-on-write")
                        .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}").build();
            }
            inWindow++;
            JsonNode request = read(event.getRequest().getBodyAsString());
            ObjectNode comment = JiraJson.MAPPER.createObjectNode();
            String id = String.valueOf(10_000 + accepted.size() + 1);
            comment.put("self", "https://example.atlassian.net/rest/api/3/issue/10123/comment/" + id);
            comment.put("id", id);
            comment.set("body", request.get("body"));
            comment.put("created", "2026-11-28T10:20:00.000+0000").put("updated", "2026-11-28T10:20:00.000+0000");
            accepted.add(request.path("body").path("content").path(0).path("content").path(0).path("text").asText());
            return WireMock.aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(comment.toString())
                    .build();
        }

        synchronized List<String> accepted() {
            return List.copyOf(accepted);
        }

        synchronized int refused() {
            return refused;
        }

        synchronized int refusedWithinRetryAfter() {
            return tooEarly;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }

        private static JsonNode read(String json) {
            try {
                return JiraJson.MAPPER.readTree(json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
