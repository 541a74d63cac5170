package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.consumer.Issues.Issue;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue/search polling consumer against a Cloud Jira ({@code POST /rest/api/3/search/jql}, nextPageToken).
 * Most tests trigger polls by hand ({@code startScheduler=false}, then {@code consumer.run()}), so each poll is one
 * synchronous step; one test lets the scheduler run.
 */
class IssueSearchConsumerTest extends ConsumerTestSupport {

    @Test
    void deliversEveryIssueOnceOldestFirstEvenWhenLaterPollsReturnTheSamePages() throws Exception {
        List<Issue> issues = Issues.project(250, 30);
        serve(issues);
        startPolling("", Map.of());

        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(issues));
        Exchange first = mock().getReceivedExchanges().get(0);
        JiraIssue issue = first.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getSummary()).isEqualTo("Summary of ABC-1");
        assertThat(issue.getUpdated().toInstant()).isEqualTo(issues.get(0).updated());
        assertThat(first.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("ABC-1");
        assertThat(first.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("10001");
        List<LoggedRequest> searches = jira.findAll(postRequestedFor(urlEqualTo(SEARCH)));
        assertThat(searches).hasSize(3);
        assertThat(searches).extracting(r -> read(r).path("nextPageToken").asText(null))
                .containsExactly(null, "page-2", "page-3");

        // Jira answers the later polls with the very same 250 issues (the stub ignores the JQL)
        consumer().run();
        consumer().run();

        assertThat(received()).hasSize(250).doesNotHaveDuplicates();
        assertThat(pollJql()).hasSize(3);
    }

    @Test
    void laterPollsAskOnlyForRecentlyUpdatedIssuesOldestFirstAndDropTheUsersOrderBy() throws Exception {
        List<Issue> issues = Issues.project(10, 30);
        serve(issues);
        // the user's JQL carries its own ORDER BY, which the consumer must replace
        startConsumer("jql=project = ABC order by created DESC&fields=summary,status&startFrom=beginning&startScheduler=false",
                Map.of());

        consumer().run();
        long beforeSecond = System.currentTimeMillis();
        consumer().run();
        long afterSecond = System.currentTimeMillis();

        List<String> jql = pollJql();
        assertThat(jql).hasSize(2);
        assertThat(jql.get(0)).isEqualTo("project = ABC ORDER BY updated ASC, key ASC");
        Matcher m = NARROWED.matcher(jql.get(1));
        assertThat(m.matches()).as("second poll JQL: %s", jql.get(1)).isTrue();
        assertThat(jql).noneMatch(q -> q.toLowerCase().contains("created"));
        // it looks back to the newest delivered issue minus the 5 minute overlap, rounded up to whole minutes
        long since = issues.get(9).millis() - 5 * 60_000;
        long minutes = Long.parseLong(m.group(1));
        assertThat(minutes * 60_000).isGreaterThanOrEqualTo(beforeSecond - since)
                .isLessThanOrEqualTo(afterSecond - since + 2 * 60_000);
        // 'updated' is asked for, next to the user's fields, so the watermark can be kept
        JsonNode body = read(jira.findAll(postRequestedFor(urlEqualTo(SEARCH))).get(0));
        assertThat(body.get("fields")).extracting(JsonNode::asText).containsExactly("summary", "status", "updated");
    }

    @Test
    void anIssueUpdatedBetweenPollsArrivesAgainExactlyOnce() throws Exception {
        List<Issue> issues = new ArrayList<>(Issues.project(5, 10));
        serve(issues);
        startPolling("", Map.of());
        consumer().run();
        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5");

        // ABC-2 is edited: same id, newer 'updated'; Jira now sorts it last
        Issue edited = issues.remove(1).touched(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        issues.add(edited);
        serve(issues);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5", "ABC-2");
        JiraIssue again = mock().getReceivedExchanges().get(5).getMessage().getBody(JiraIssue.class);
        assertThat(again.getId()).isEqualTo(edited.id());
        assertThat(again.getUpdated().toInstant()).isEqualTo(edited.updated());
    }

    @Test
    void aFailedExchangeKeepsTheWatermarkBeforeItAndItComesAgainWithTheOnesAfterIt() throws Exception {
        List<Issue> issues = Issues.project(250, 30);
        serve(issues);
        MemoryStateRepository state = new MemoryStateRepository();
        AtomicBoolean fail = new AtomicBoolean(true);
        context = null;
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("jiraState", state);
                from("jiraspoke:issue/search?connection=cloud&jql=project = ABC&startScheduler=false"
                     + "&startFrom=beginning&stateRepository=#jiraState&stateKey=abc").routeId("poller")
                        .process(e -> {
                            if ("ABC-121".equals(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY))
                                && fail.get()) {
                                throw new IllegalStateException("downstream system is down");
                            }
                        })
                        .to("mock:issues");
            }
        });

        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(issues.subList(0, 120)));
        Watermark wm = Watermark.parse(state.getState("abc"));
        assertThat(wm.millis()).isEqualTo(issues.get(119).millis());
        assertThat(wm.delivered("10121", issues.get(120).millis())).isFalse();
        // the poll stopped at the failure: the third page was never fetched
        assertThat(jira.findAll(postRequestedFor(urlEqualTo(SEARCH)))).hasSize(2);

        consumer().run();
        assertThat(received()).containsExactlyElementsOf(keys(issues.subList(0, 120)));
        assertThat(Watermark.parse(state.getState("abc")).millis()).isEqualTo(issues.get(119).millis());

        fail.set(false);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(issues));
        assertThat(Watermark.parse(state.getState("abc")).millis()).isEqualTo(issues.get(249).millis());
    }

    @Test
    void anIssueBeforeTheOverlapWindowThatTheRoundedJqlStillReturnsIsNotDeliveredAgain() throws Exception {
        List<Issue> issues = Issues.project(20, 30);
        serve(issues);
        startPolling("&overlap=5m", Map.of());
        consumer().run();
        assertThat(received()).hasSize(20);

        // Jira answers the narrowed JQL honestly: everything updated since now minus N minutes. N is rounded up,
        // so this reaches a little before the newest issue minus the overlap, where delivered issues were pruned.
        consumer().run();
        Matcher m = NARROWED.matcher(pollJql().get(1));
        assertThat(m.matches()).isTrue();
        long from = System.currentTimeMillis() - Long.parseLong(m.group(1)) * 60_000;
        List<Issue> window = Issues.where(issues, i -> i.millis() >= from);
        assertThat(window.size()).as("issues the JQL window returns").isGreaterThan(6);
        serve(window);
        consumer().run();
        consumer().run();

        assertThat(received()).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void maxMessagesPerPollLeavesTheRestForTheNextPolls() throws Exception {
        List<Issue> issues = Issues.project(250, 30);
        serve(issues);
        startPolling("&maxMessagesPerPoll=100", Map.of());

        consumer().run();
        assertThat(received()).containsExactlyElementsOf(keys(issues.subList(0, 100)));
        consumer().run();
        assertThat(received()).containsExactlyElementsOf(keys(issues.subList(0, 200)));
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(issues));
    }

    @Test
    void theSchedulerPollsByItselfAndRepeatedPollsDeliverNothingTwice() throws Exception {
        List<Issue> issues = Issues.project(250, 30);
        serve(issues);
        startConsumer("jql=project = ABC&startFrom=beginning&initialDelay=0&delay=20", Map.of());
        MockEndpoint mock = mock();
        mock.expectedMessageCount(250);
        mock.assertIsSatisfied(10_000);

        long deadline = System.currentTimeMillis() + 10_000;
        while (pollJql().size() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pollJql()).hasSizeGreaterThanOrEqualTo(4);
        context.getRouteController().stopRoute("poller");
        assertThat(received()).containsExactlyElementsOf(keys(issues));
    }

    @Test
    void afterARestartWithAFileStateRepositoryNothingProcessedComesAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jiraspoke-state.dat");
        List<Issue> issues = new ArrayList<>(Issues.project(250, 30));
        serve(issues);
        startPolling("&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())));
        consumer().run();
        assertThat(received()).hasSize(250);
        context.stop();
        assertThat(file).exists();

        // a new JVM would have a new context and a new repository on the same file
        Issue added = new Issue("10251", "ABC-251", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        issues.add(added);
        serve(issues);
        startPolling("&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())));
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-251");
        assertThat(pollJql()).last().asString().matches(NARROWED.asPredicate());
    }

    @Test
    void withoutJqlTheRouteRefusesToStart() {
        String message = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/search?connection=cloud").to("mock:issues");
            }
        });

        assertThat(message).contains("'jql'").contains("issue/search");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSingleActionCannotBeConsumed() {
        String message = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/get?connection=cloud&issueKey=ABC-1").to("mock:issues");
            }
        });

        assertThat(message).contains("jiraspoke:issue/get is a single action, not a stream")
                .contains("to(), not from()")
                .contains("issue/search");
    }

    @Test
    void theStateKeyDefaultsToOneDerivedFromConnectionAndJql() throws Exception {
        List<Issue> issues = Issues.project(3, 10);
        serve(issues);
        Map<String, String> saved = new java.util.concurrent.ConcurrentHashMap<>();
        StateRepository<String, String> state = new StateRepository<>() {
            @Override
            public void setState(String key, String value) {
                saved.put(key, value);
            }

            @Override
            public String getState(String key) {
                return saved.get(key);
            }

            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        };
        startPolling("&stateRepository=#jiraState", Map.of("jiraState", state));
        consumer().run();

        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("project = ABC".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String key = "jiraspoke.issue-search.cloud." + java.util.HexFormat.of().formatHex(digest, 0, 8);
        assertThat(saved).containsOnlyKeys(key);
        assertThat(Watermark.parse(saved.get(key)).millis()).isEqualTo(issues.get(2).millis());
    }
}
