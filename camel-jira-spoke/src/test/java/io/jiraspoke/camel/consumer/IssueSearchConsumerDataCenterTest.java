package io.jiraspoke.camel.consumer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.consumer.Issues.Issue;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The issue/search consumer on Data Center: {@code POST /rest/api/2/search} paged by startAt. */
class IssueSearchConsumerDataCenterTest extends JiraSpokeTestSupport {

    static final String SEARCH = "/rest/api/2/search";

    void serve(List<Issue> issues) {
        jira.resetMappings();
        for (int start = 0; start < Math.max(1, issues.size()); start += 100) {
            List<Issue> page = issues.subList(start, Math.min(issues.size(), start + 100));
            jira.stubFor(post(urlEqualTo(SEARCH))
                    .withRequestBody(matchingJsonPath("$.startAt", equalTo(String.valueOf(start))))
                    .willReturn(okJson(Issues.serverPage(page, start, 100, issues.size()))));
        }
    }

    @Test
    void pagesByStartAtAndDeliversEachIssueOnceOldestFirst() throws Exception {
        List<Issue> issues = Issues.project(250, 30);
        serve(issues);
        start(Map.of("dc", server()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/search?connection=dc&jql=project = ABC ORDER BY key&startFrom=beginning&startScheduler=false")
                        .routeId("poller").to("mock:issues");
            }
        });
        IncrementalConsumer<?> consumer = (IncrementalConsumer<?>) context.getRoute("poller")
                .getConsumer();
        MockEndpoint mock = context.getEndpoint("mock:issues", MockEndpoint.class);

        consumer.run();
        consumer.run();

        List<String> keys = mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(JiraIssue.class).getKey()).toList();
        assertThat(keys).containsExactlyElementsOf(issues.stream().map(Issue::key).toList());
        JiraIssue first = mock.getReceivedExchanges().get(0).getMessage().getBody(JiraIssue.class);
        assertThat(first.getUpdated().toInstant()).isEqualTo(issues.get(0).updated());

        List<LoggedRequest> sent = jira.findAll(postRequestedFor(urlEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
        assertThat(sent).hasSize(6);
        List<JsonNode> bodies = sent.stream().map(IssueSearchConsumerTest::read).toList();
        assertThat(bodies).extracting(b -> b.get("startAt").asInt()).containsExactly(0, 100, 200, 0, 100, 200);
        assertThat(bodies).extracting(b -> b.get("maxResults").asInt()).containsOnly(100);
        assertThat(bodies.get(0).get("jql").asText()).isEqualTo("project = ABC ORDER BY updated ASC, key ASC");
        assertThat(bodies.get(3).get("jql").asText())
                .matches("\\(project = ABC\\) AND updated >= \"-\\d+m\" ORDER BY updated ASC, key ASC");
        assertThat(jira.findAll(postRequestedFor(urlEqualTo("/rest/api/3/search/jql")))).isEmpty();
    }
}
