package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.consumer.Issues.Issue;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a consumer without saved state starts: now by default (what camel-jira's consumers did, and what a route
 * that watches a project for changes expects), the beginning of the JQL's history, or a given instant.
 */
class ConsumerStartFromTest extends ConsumerTestSupport {

    void stubServerTime(Instant jiraTime) {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(
                "{\"baseUrl\":\"" + jira.baseUrl() + "\",\"version\":\"1001.0.0-SNAPSHOT\",\"versionNumbers\":[1001,0,0],"
                + "\"deploymentType\":\"Cloud\",\"buildNumber\":100310,\"serverTime\":\""
                + Issues.JIRA_TIME.format(jiraTime) + "\",\"serverTitle\":\"Jira\"}")));
    }

    @Test
    void byDefaultAConsumerStartsNowAndEmitsOnlyWhatChangesAfterwards() throws Exception {
        List<Issue> issues = new ArrayList<>(Issues.project(5, 30));
        // Jira's serverTime is read a moment after the consumer started; two seconds keep the edit below after it
        serve(issues);
        stubServerTime(Instant.now().minusSeconds(2));
        MemoryStateRepository state = new MemoryStateRepository();
        startConsumer("jql=project = ABC&startScheduler=false&stateRepository=#s&stateKey=k", Map.of("s", state));

        consumer().run();
        assertThat(received()).as("issues changed before the start").isEmpty();
        assertThat(pollJql()).as("the first poll looks back only over the overlap").singleElement().asString()
                .matches(NARROWED.asPredicate());

        Issue edited = issues.get(1).touched(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        issues.add(edited);
        serve(issues);
        stubServerTime(Instant.now());
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-2");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
        assertThat(Watermark.parse(state.getState("k")).millis()).isEqualTo(edited.millis());
    }

    @Test
    void theStartIsJirasNowNotTheHostsWhenTheClocksDisagree() throws Exception {
        // Jira's clock is an hour ahead: its issues stamped half an hour ago (its time) are after the start by the
        // host clock, but not by Jira's, and must not be emitted
        jiraClock = java.time.Duration.ofHours(1);
        List<Issue> issues = new ArrayList<>();
        for (Issue i : Issues.project(3, 0)) {
            issues.add(i.touched(jiraNow().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)));
        }
        serve(issues);
        stubServerTime(jiraNow());
        startConsumer("jql=project = ABC&startScheduler=false", Map.of());

        consumer().run();

        assertThat(received()).isEmpty();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
    }

    @Test
    void startFromBeginningEmitsEverythingTheQueryHoldsWithoutAskingForJirasTime() throws Exception {
        serve(Issues.project(5, 30));
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false", Map.of());

        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5");
        jira.verify(0, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
        assertThat(pollJql()).containsExactly("project = ABC ORDER BY updated ASC, key ASC");
    }

    @Test
    void startFromAnInstantEmitsWhatChangedAtOrAfterIt() throws Exception {
        List<Issue> issues = Issues.project(10, 30);
        Instant from = issues.get(6).updated();
        serve(issues);
        startConsumer("jql=project = ABC&startFrom=" + from + "&startScheduler=false", Map.of());

        consumer().run();

        assertThat(received()).containsExactly("ABC-7", "ABC-8", "ABC-9", "ABC-10");
        assertThat(pollJql()).singleElement().asString().matches(NARROWED.asPredicate());
    }

    @Test
    void aConsumerWithSavedStateResumesWhateverStartFromSays() throws Exception {
        List<Issue> issues = new ArrayList<>(Issues.project(3, 30));
        serve(issues);
        MemoryStateRepository state = new MemoryStateRepository();
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false&stateRepository=#s&stateKey=k",
                Map.of("s", state));
        consumer().run();
        context.stop();

        issues.add(new Issue("10004", "ABC-4", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        serve(issues);
        startConsumer("jql=project = ABC&startFrom=2020-01-01&startScheduler=false&stateRepository=#s&stateKey=k",
                Map.of("s", state));
        consumer().run();

        assertThat(received()).containsExactly("ABC-4");
    }

    @Test
    void aListStreamCannotStartFromAnInstant() {
        String message = startFailure(Map.of("cloud", cloud()), new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:board/list?connection=cloud&emit=changed&startFrom=2026-01-01").to("mock:boards");
            }
        });

        assertThat(message).contains(JiraSpokeConfigurationException.class.getName())
                .contains("lists items without a timestamp: startFrom takes now or beginning here");
    }
}
