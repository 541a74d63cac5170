package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraFieldChange;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.jiraspoke.camel.consumer.CommentJira.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue/changelog consumer: one exchange per field change of the issues a JQL matches (camel-jira's
 * watchUpdates), each change once, from a Jira whose changes update their issues. Polls are triggered by hand
 * ({@code startScheduler=false}).
 */
class IssueChangelogConsumerTest extends JiraSpokeTestSupport {

    final HistoryJira model = new HistoryJira(true);
    final MemoryStateRepository state = new MemoryStateRepository();
    final AtomicBoolean failing = new AtomicBoolean();
    String failOnChangeTo;

    void startPolling(String options) throws Exception {
        startPolling(options, state, cloud());
    }

    void startPolling(String options, Object stateRepository, JiraSpokeConnection connection) throws Exception {
        model.serve(jira);
        context = null;
        start(Map.of("jira", connection), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("state", stateRepository);
                from("jiraspoke:issue/changelog?connection=jira&jql=project = ABC&startScheduler=false"
                     + "&stateRepository=#state&stateKey=changes" + options).routeId("poller")
                        .process(e -> {
                            if (failing.get() && e.getMessage().getBody(JiraFieldChange.class).getToText()
                                    .equals(failOnChangeTo)) {
                                throw new IllegalStateException("the dashboard is down");
                            }
                        })
                        .to("mock:changes");
            }
        });
    }

    void poll() throws Exception {
        model.serve(jira);
        ((IncrementalConsumer<?>) context.getRoute("poller").getConsumer()).run();
    }

    List<Exchange> exchanges() {
        return context.getEndpoint("mock:changes", MockEndpoint.class).getReceivedExchanges();
    }

    /** What the route received, as issue, field, from and to. */
    List<String> received() {
        return exchanges().stream().map(e -> e.getMessage().getBody(JiraFieldChange.class))
                .map(c -> c.getIssueKey() + " " + c.getField() + ": " + c.getFromText() + " -> " + c.getToText())
                .toList();
    }

    long watermark() {
        return Long.parseLong(state.getState("changes").split(";")[1]);
    }

    @Test
    void eachFieldChangeIsOneExchangeIssueByIssueOldestFirstWithItsEntryAndField() throws Exception {
        model.issue("ABC-1", minutesAgo(60));
        String entry = model.change("ABC-1", minutesAgo(50), "status", "To Do", "In Progress",
                "assignee", "", "Grace Hopper");
        model.change("ABC-1", minutesAgo(20), "priority", "Medium", "High");
        model.issue("ABC-2", minutesAgo(30));
        model.change("ABC-2", minutesAgo(30), "summary", "Kasse", "Kasse – Zahlung schlägt fehl");
        startPolling("&startFrom=beginning");

        poll();

        assertThat(received()).containsExactly("ABC-2 summary: Kasse -> Kasse – Zahlung schlägt fehl",
                "ABC-1 status: To Do -> In Progress", "ABC-1 assignee:  -> Grace Hopper",
                "ABC-1 priority: Medium -> High");
        Exchange e = exchanges().get(1);
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("ABC-1");
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("20001");
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.CHANGELOG_ID)).isEqualTo(entry);
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.CHANGED_FIELD)).isEqualTo("status");
        JiraFieldChange c = e.getMessage().getBody(JiraFieldChange.class);
        assertThat(c.getAuthor().getDisplayName()).isEqualTo("Grace Hopper");
        assertThat(c.getChangelog().getItems()).hasSize(2);

        poll();
        assertThat(received()).as("nothing changed").hasSize(4);

        model.change("ABC-2", minutesAgo(1), "status", "To Do", "Done");
        poll();
        poll();

        assertThat(received()).hasSize(5).last().isEqualTo("ABC-2 status: To Do -> Done");
    }

    @Test
    void anIssueUpdatedWithoutHistoryDoesNotBringItsChangesAgainWithinTheWindowNorAfterIt() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        model.change("ABC-1", minutesAgo(30), "status", "To Do", "In Progress");
        model.issue("ABC-2", minutesAgo(35));
        startPolling("&startFrom=beginning&overlap=1m");
        poll();
        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress");

        // a comment within the window: the change comes again from Jira, remembered by its entry and field
        model.touch("ABC-1", minutesAgo(29));
        poll();
        assertThat(received()).hasSize(1);

        // changes elsewhere move the watermark on, and the window forgets the old change ...
        model.change("ABC-2", minutesAgo(3), "labels", "", "checkout");
        poll();
        model.change("ABC-2", minutesAgo(2), "labels", "checkout", "checkout payments");
        poll();
        assertThat(received()).hasSize(3);
        // ... so when another comment brings ABC-1 back, its change is dropped by its own time
        model.touch("ABC-1", minutesAgo(1));
        poll();
        poll();

        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress",
                "ABC-2 labels:  -> checkout", "ABC-2 labels: checkout -> checkout payments");
    }

    /** Two attachments in one edit are two changes of one field in one entry: both come, once. */
    @Test
    void twoChangesOfOneFieldInOneEntryAreBothDeliveredOnce() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        model.change("ABC-1", minutesAgo(30), "Attachment", "", "build.log", "Attachment", "", "screenshot.png");
        startPolling("&startFrom=beginning");

        poll();
        model.touch("ABC-1", minutesAgo(29));
        poll();

        assertThat(received()).containsExactly("ABC-1 Attachment:  -> build.log",
                "ABC-1 Attachment:  -> screenshot.png");
    }

    @Test
    void watchedFieldsNarrowTheChangesByNameIgnoringCase() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        model.change("ABC-1", minutesAgo(30), "status", "To Do", "In Progress", "Rank", "", "Ranked higher");
        model.change("ABC-1", minutesAgo(25), "Rank", "", "Ranked lower");
        model.change("ABC-1", minutesAgo(20), "priority", "Medium", "High");
        startPolling("&startFrom=beginning&watchedFields=Status,Priority");

        poll();

        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress", "ABC-1 priority: Medium -> High");
    }

    @Test
    void aFailedExchangeHoldsTheWatermarkAndItAndTheChangesAfterItComeAgainOnce() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        Instant first = minutesAgo(30);
        model.change("ABC-1", first, "status", "To Do", "In Progress");
        model.issue("ABC-2", minutesAgo(25));
        Instant second = minutesAgo(20);
        model.change("ABC-2", second, "status", "To Do", "Blocked", "priority", "Medium", "Highest");
        model.issue("ABC-3", minutesAgo(15));
        model.change("ABC-3", minutesAgo(10), "status", "To Do", "Done");
        failOnChangeTo = "Highest";
        failing.set(true);
        startPolling("&startFrom=beginning");

        poll();
        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress", "ABC-2 status: To Do -> Blocked");
        // ABC-2's update stamps both its changes: the watermark is at the failed change, never past it
        assertThat(watermark()).isEqualTo(second.toEpochMilli()).isGreaterThan(first.toEpochMilli());
        assertThat(jira.findAll(getRequestedFor(urlPathMatching("/rest/api/3/issue/20003/changelog")))).isEmpty();
        poll();
        assertThat(received()).hasSize(2);

        failing.set(false);
        poll();
        poll();

        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress", "ABC-2 status: To Do -> Blocked",
                "ABC-2 priority: Medium -> Highest", "ABC-3 status: To Do -> Done");
    }

    @Test
    void afterARestartWithAFileStateRepositoryNothingDeliveredComesAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("changes.state");
        model.issue("ABC-1", minutesAgo(40));
        model.change("ABC-1", minutesAgo(30), "status", "To Do", "In Progress");
        model.change("ABC-1", minutesAgo(20), "assignee", "", "Grace Hopper");
        startPolling("&startFrom=beginning", FileStateRepository.fileStateRepository(file.toFile()), cloud());
        poll();
        assertThat(received()).hasSize(2);
        context.stop();
        assertThat(file).exists();

        model.change("ABC-1", minutesAgo(1), "status", "In Progress", "Done");
        startPolling("&startFrom=beginning", FileStateRepository.fileStateRepository(file.toFile()), cloud());
        poll();
        poll();

        assertThat(received()).containsExactly("ABC-1 status: In Progress -> Done");
    }

    /** An issue's old change can sit behind a much newer issue update; a poll cut short must not lose it. */
    @Test
    void aPollCutShortDoesNotLoseAnOldChangeOnAnIssueItHadNotReached() throws Exception {
        model.issue("ABC-1", minutesAgo(60));
        model.change("ABC-1", minutesAgo(10), "status", "To Do", "In Progress");
        model.issue("ABC-2", minutesAgo(60));
        model.change("ABC-2", minutesAgo(50), "priority", "Low", "High");
        model.touch("ABC-2", minutesAgo(9));
        startPolling("&startFrom=beginning&maxMessagesPerPoll=1");

        poll();
        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress");
        poll();
        poll();

        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress", "ABC-2 priority: Low -> High");
    }

    @Test
    void onDataCenterTheHistoryComesWithTheIssue() throws Exception {
        HistoryJira dc = new HistoryJira(false);
        dc.issue("ABC-1", minutesAgo(40));
        dc.change("ABC-1", minutesAgo(30), "status", "To Do", "In Progress");
        dc.change("ABC-1", minutesAgo(20), "Fix Version", "", "2.4");
        dc.serve(jira);
        context = null;
        start(Map.of("dc", server()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/changelog?connection=dc&jql=project = ABC&startFrom=beginning"
                     + "&startScheduler=false&watchedFields=status,fix version").routeId("poller").to("mock:changes");
            }
        });

        ((IncrementalConsumer<?>) context.getRoute("poller").getConsumer()).run();

        assertThat(received()).containsExactly("ABC-1 status: To Do -> In Progress", "ABC-1 Fix Version:  -> 2.4");
        List<LoggedRequest> reads = jira.findAll(getRequestedFor(urlPathMatching("/rest/api/2/issue/20001")));
        assertThat(reads).singleElement().extracting(LoggedRequest::getUrl)
                .isEqualTo("/rest/api/2/issue/20001?fields=updated&expand=changelog");
    }

    @Test
    void theConsumerRefusesToStartWithAnIssueKey() {
        String withKey = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/changelog?connection=cloud&jql=project = ABC&issueKey=ABC-1").to("mock:x");
            }
        });

        assertThat(withKey).contains("issue/changelog", "'issueKey'", "jql=key = ABC-1");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }
}
