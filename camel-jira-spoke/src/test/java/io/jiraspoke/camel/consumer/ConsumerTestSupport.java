package io.jiraspoke.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.consumer.Issues.Issue;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * What the consumer tests share: a Cloud Jira serving a list of issues from {@code POST /rest/api/3/search/jql}
 * (pages of 100 chained by nextPageToken, any JQL), stamped with Jira's clock in the {@code Date} header, and a
 * consumer that polls when {@code consumer().run()} is called.
 */
abstract class ConsumerTestSupport extends JiraSpokeTestSupport {

    static final String SEARCH = "/rest/api/3/search/jql";
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** How far Jira's clock is ahead of this host's (negative: behind), as its Date header tells. */
    Duration jiraClock = Duration.ZERO;

    Instant jiraNow() {
        return Instant.now().plus(jiraClock);
    }

    String jiraDate() {
        return HTTP_DATE.format(jiraNow());
    }

    static final Pattern NARROWED = Pattern.compile(
            "^\\(project = ABC\\) AND updated >= \"-(\\d+)m\" ORDER BY updated ASC, key ASC$");

    /** Serves the issues as Jira would for any JQL, in pages of 100 chained by nextPageToken. */
    void serve(List<Issue> issues) {
        jira.resetMappings();
        int pages = Math.max(1, (issues.size() + 99) / 100);
        for (int p = 0; p < pages; p++) {
            List<Issue> page = issues.subList(p * 100, Math.min(issues.size(), (p + 1) * 100));
            String next = p + 1 < pages ? "page-" + (p + 2) : null;
            var stub = post(urlEqualTo(SEARCH));
            if (p == 0) {
                stub = stub.atPriority(10);
            } else {
                stub = stub.atPriority(1)
                        .withRequestBody(matchingJsonPath("$.nextPageToken", equalTo("page-" + (p + 1))));
            }
            jira.stubFor(stub.willReturn(okJson(Issues.cloudPage(page, next)).withHeader("Date", jiraDate())));
        }
    }

    /** Starts a context with a consumer polling only when {@link #consumer()}.run() is called. */
    CamelContext startPolling(String options, Map<String, Object> beans) throws Exception {
        return startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false" + options, beans);
    }

    CamelContext startConsumer(String query, Map<String, Object> beans) throws Exception {
        return startConsumer("issue/search", query, beans);
    }

    /** Starts a consumer of another stream that {@link #serve} answers (a JQL search on Cloud). */
    CamelContext startConsumer(String action, String query, Map<String, Object> beans) throws Exception {
        context = null;
        return start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                beans.forEach((k, v) -> getContext().getRegistry().bind(k, v));
                from("jiraspoke:" + action + "?connection=cloud&" + query).routeId("poller").to("mock:issues");
            }
        });
    }

    IncrementalConsumer<?> consumer() {
        return (IncrementalConsumer<?>) context.getRoute("poller").getConsumer();
    }

    MockEndpoint mock() {
        return context.getEndpoint("mock:issues", MockEndpoint.class);
    }

    /** The keys the mock received, in order. */
    List<String> received() {
        return mock().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(JiraIssue.class).getKey()).toList();
    }

    /** The JQL of each first-page search request (one per poll), in order. */
    List<String> pollJql() {
        List<String> out = new ArrayList<>();
        for (LoggedRequest r : jira.findAll(postRequestedFor(urlEqualTo(SEARCH)))) {
            JsonNode body = read(r);
            if (!body.has("nextPageToken")) {
                out.add(body.get("jql").asText());
            }
        }
        return out;
    }

    static JsonNode read(LoggedRequest r) {
        try {
            return JiraJson.MAPPER.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> keys(List<Issue> issues) {
        return issues.stream().map(Issue::key).toList();
    }
}
