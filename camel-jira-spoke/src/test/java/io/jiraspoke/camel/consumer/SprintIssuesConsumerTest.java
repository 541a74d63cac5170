package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.consumer.Issues.Issue;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sprint/issues consumer: the incremental issue consumer over the agile API's
 * {@code GET /rest/agile/1.0/sprint/{sprintId}/issue} (startAt paging, the same on Cloud and Data Center), whose JQL
 * carries the time condition and the oldest-first order. Polls are triggered by hand.
 */
class SprintIssuesConsumerTest extends JiraSpokeTestSupport {

    private static final String PATH = "/rest/agile/1.0/sprint/37/issue";
    private static final String ORDER = " ORDER BY updated ASC, key ASC";

    private boolean cloud;

    /** Serves the sprint's issues for any JQL, in pages of 100 by startAt, as the agile API pages them. */
    private void serve(String path, List<Issue> issues) {
        for (int start = 0; start < Math.max(1, issues.size()); start += 100) {
            List<Issue> page = issues.subList(start, Math.min(issues.size(), start + 100));
            ObjectNode body = JiraJson.MAPPER.createObjectNode();
            body.put("expand", "schema,names").put("startAt", start).put("maxResults", 100).put("total", issues.size());
            ArrayNode a = body.putArray("issues");
            page.forEach(i -> a.add(Issues.json(i, cloud)));
            jira.stubFor(get(urlPathEqualTo(path)).withQueryParam("startAt", equalTo(String.valueOf(start)))
                    .willReturn(okJson(body.toString())));
        }
    }

    private void serve(List<Issue> issues) {
        jira.resetMappings();
        serve(PATH, issues);
    }

    private void startPolling(String connection, String options, Map<String, Object> beans) throws Exception {
        context = null;
        cloud = connection.equals("cloud");
        JiraSpokeConnection c = cloud ? cloud() : server();
        start(Map.of(connection, c), new RouteBuilder() {
            @Override
            public void configure() {
                beans.forEach((k, v) -> getContext().getRegistry().bind(k, v));
                from("jiraspoke:sprint/issues?connection=" + connection + "&startFrom=beginning&startScheduler=false"
                     + options).routeId("poller").to("mock:issues");
            }
        });
    }

    private IncrementalConsumer<?> consumer() {
        return (IncrementalConsumer<?>) context.getRoute("poller").getConsumer();
    }

    private List<String> received() {
        return context.getEndpoint("mock:issues", MockEndpoint.class).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(JiraIssue.class).getKey()).toList();
    }

    private List<LoggedRequest> requests(String path) {
        return jira.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    /** The JQL of each poll's first page, in order. */
    private List<String> pollJql(String path) {
        return requests(path).stream().filter(r -> r.queryParameter("startAt").firstValue().equals("0"))
                .map(r -> r.queryParameter("jql").firstValue()).toList();
    }

    private static List<String> keys(List<Issue> issues) {
        return issues.stream().map(Issue::key).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { "cloud", "dc" })
    void pagesByStartAtAndDeliversEachIssueOnceOldestFirst(String connection) throws Exception {
        List<Issue> issues = Issues.project(250, 30);
        startPolling(connection, "&sprintId=37", Map.of());
        serve(issues);

        consumer().run();
        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(issues));
        JiraIssue first = context.getEndpoint("mock:issues", MockEndpoint.class).getReceivedExchanges().get(0)
                .getMessage().getBody(JiraIssue.class);
        assertThat(first.getUpdated().toInstant()).isEqualTo(issues.get(0).updated());
        List<LoggedRequest> sent = requests(PATH);
        assertThat(sent).extracting(r -> r.queryParameter("startAt").firstValue())
                .containsExactly("0", "100", "200", "0", "100", "200");
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.queryParameter("maxResults").firstValue()).isEqualTo("100");
            // Jira's default fields (navigable and Jira Software ones) hold 'updated' already
            assertThat(r.queryParameter("fields").isPresent()).isFalse();
            assertThat(r.getHeader("Authorization")).isEqualTo(connection.equals("cloud")
                    ? "Basic " + java.util.Base64.getEncoder().encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : "Bearer " + DC_PAT);
        });
        List<String> jql = pollJql(PATH);
        assertThat(jql.get(0)).isEqualTo("ORDER BY updated ASC, key ASC");
        assertThat(jql.get(1)).matches("updated >= \"-\\d+m\"" + ORDER);
    }

    @Test
    void theRoutesJqlNarrowsTheSprintAndItsFieldsGetUpdated() throws Exception {
        List<Issue> issues = Issues.project(3, 10);
        startPolling("cloud", "&sprintId=37&jql=RAW(issuetype = Story ORDER BY rank)&fields=summary,status", Map.of());
        serve(issues);

        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3");
        List<String> jql = pollJql(PATH);
        assertThat(jql.get(0)).isEqualTo("issuetype = Story" + ORDER);
        assertThat(jql.get(1)).matches("\\(issuetype = Story\\) AND updated >= \"-\\d+m\"" + ORDER);
        assertThat(requests(PATH)).allSatisfy(r -> assertThat(r.queryParameter("fields").firstValue())
                .isEqualTo("summary,status,updated"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "cloud", "dc" })
    void theWatermarkAdvancesOnlyPastIssuesThatWereProcessed(String connection) throws Exception {
        List<Issue> issues = Issues.project(250, 30);
        MemoryStateRepository state = new MemoryStateRepository();
        AtomicBoolean fail = new AtomicBoolean(true);
        context = null;
        cloud = connection.equals("cloud");
        start(Map.of(connection, cloud ? cloud() : server()), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("jiraState", state);
                from("jiraspoke:sprint/issues?connection=" + connection + "&sprintId=37&startScheduler=false"
                     + "&startFrom=beginning&stateRepository=#jiraState&stateKey=sprint37").routeId("poller")
                        .process(e -> {
                            if ("ABC-121".equals(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)) && fail.get()) {
                                throw new IllegalStateException("the report store is down");
                            }
                        })
                        .to("mock:issues");
            }
        });
        serve(issues);

        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(issues.subList(0, 120)));
        assertThat(Watermark.parse(state.getState("sprint37")).millis()).isEqualTo(issues.get(119).millis());
        assertThat(requests(PATH)).as("the poll stopped at the failure").hasSize(2);

        consumer().run();
        assertThat(received()).hasSize(120);
        assertThat(Watermark.parse(state.getState("sprint37")).millis()).isEqualTo(issues.get(119).millis());

        fail.set(false);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(issues));
        assertThat(Watermark.parse(state.getState("sprint37")).millis()).isEqualTo(issues.get(249).millis());
    }

    @Test
    void issuesInTheOverlapWindowAreNotDeliveredAgainButAnUpdatedOneIsOnce() throws Exception {
        List<Issue> issues = new ArrayList<>(Issues.project(20, 2));
        startPolling("dc", "&sprintId=37&overlap=10m", Map.of());
        serve(issues);
        consumer().run();
        consumer().run();
        consumer().run();
        assertThat(received()).hasSize(20).doesNotHaveDuplicates();

        // ABC-7 is moved on the board: a newer 'updated', sorted last
        Issue moved = issues.remove(6).touched(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        issues.add(moved);
        serve(issues);
        consumer().run();
        consumer().run();

        assertThat(received()).hasSize(21).endsWith("ABC-7");
        assertThat(received().subList(0, 20)).doesNotHaveDuplicates();
    }

    @Test
    void afterARestartWithAFileStateRepositoryNothingProcessedComesAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jiraspoke-state.dat");
        List<Issue> issues = new ArrayList<>(Issues.project(150, 30));
        startPolling("cloud", "&sprintId=37&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())));
        serve(issues);
        consumer().run();
        assertThat(received()).hasSize(150);
        context.stop();
        assertThat(file).exists();

        // an issue added to the sprint is updated by it
        issues.add(new Issue("10151", "ABC-151", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        startPolling("cloud", "&sprintId=37&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())));
        serve(issues);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-151");
        List<String> jql = pollJql(PATH);
        assertThat(jql).hasSize(3);
        assertThat(jql.subList(1, 3)).allMatch(q -> q.matches("updated >= \"-\\d+m\"" + ORDER));
    }

    @Test
    void eachSprintKeepsItsOwnStateByDefault() throws Exception {
        StateRepository<String, String> state = new MemoryStateRepository();
        cloud = true;
        context = null;
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("jiraState", state);
                for (String sprint : List.of("37", "38")) {
                    from("jiraspoke:sprint/issues?connection=cloud&sprintId=" + sprint + "&startFrom=beginning"
                         + "&startScheduler=false&stateRepository=#jiraState").routeId("poller" + sprint)
                            .to("mock:issues");
                }
            }
        });
        // the same issues in both sprints (one was closed and its open issues moved on)
        serve(PATH, Issues.project(5, 10));
        serve("/rest/agile/1.0/sprint/38/issue", Issues.project(5, 10));

        ((IncrementalConsumer<?>) context.getRoute("poller37").getConsumer()).run();
        ((IncrementalConsumer<?>) context.getRoute("poller38").getConsumer()).run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5",
                "ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5");
        assertThat(requests("/rest/agile/1.0/sprint/38/issue")).singleElement()
                .satisfies(r -> assertThat(r.queryParameter("jql").firstValue()).isEqualTo(ORDER.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "&sprintId=Checkout%2012" })
    void withoutANumericSprintIdTheRouteRefusesToStart(String options) {
        String message = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:sprint/issues?connection=cloud" + options).to("mock:issues");
            }
        });

        assertThat(message).contains("sprint/issues", "'sprintId'");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }
}
