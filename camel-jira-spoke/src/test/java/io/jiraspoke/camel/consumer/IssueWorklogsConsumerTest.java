package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraWorklog;
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
 * The issue/worklogs consumer: new and changed worklogs of the issues a JQL matches, each worklog version once, from
 * a Jira whose worklogs update their issues. Polls are triggered by hand ({@code startScheduler=false}).
 */
class IssueWorklogsConsumerTest extends JiraSpokeTestSupport {

    final HistoryJira model = new HistoryJira(true);
    final MemoryStateRepository state = new MemoryStateRepository();
    final AtomicBoolean failing = new AtomicBoolean();
    String failOn;

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
                from("jiraspoke:issue/worklogs?connection=jira&jql=project = ABC&startScheduler=false"
                     + "&stateRepository=#state&stateKey=worklogs" + options).routeId("poller")
                        .process(e -> {
                            if (failing.get() && e.getMessage().getBody(JiraWorklog.class).getId().equals(failOn)) {
                                throw new IllegalStateException("the timesheet system is down");
                            }
                        })
                        .to("mock:worklogs");
            }
        });
    }

    void poll() throws Exception {
        model.serve(jira);
        ((IncrementalConsumer<?>) context.getRoute("poller").getConsumer()).run();
    }

    List<Exchange> exchanges() {
        return context.getEndpoint("mock:worklogs", MockEndpoint.class).getReceivedExchanges();
    }

    /** What the route received, as worklog id, time spent and comment. */
    List<String> received() {
        return exchanges().stream().map(e -> e.getMessage().getBody(JiraWorklog.class))
                .map(w -> w.getId() + " " + w.getTimeSpent() + " " + w.getComment()).toList();
    }

    /** The watermark the state holds (epoch millis). */
    long watermark() {
        return Long.parseLong(state.getState("worklogs").split(";")[1]);
    }

    @Test
    void newWorklogsComeIssueByIssueWithTheirIssueAndAnEditComesAgainAsANewVersion() throws Exception {
        model.issue("ABC-1", minutesAgo(60));
        String first = model.worklog("ABC-1", minutesAgo(50), "1h", "Reproduced");
        String second = model.worklog("ABC-1", minutesAgo(20), "2h", "Fixed");
        model.issue("ABC-2", minutesAgo(30));
        String third = model.worklog("ABC-2", minutesAgo(30), "30m", "Grüße aus Köln – 東京");
        startPolling("&startFrom=beginning");

        poll();

        // ABC-2 was updated before ABC-1 (by its worklog 30 minutes ago): Jira's order of issue updates
        assertThat(received()).containsExactly(third + " 30m Grüße aus Köln – 東京", first + " 1h Reproduced",
                second + " 2h Fixed");
        Exchange e = exchanges().get(1);
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("ABC-1");
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("20001");
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.WORKLOG_ID)).isEqualTo(first);
        JiraWorklog w = e.getMessage().getBody(JiraWorklog.class);
        assertThat(w.getIssueKey()).isEqualTo("ABC-1");
        assertThat(w.getAuthor().getDisplayName()).isEqualTo("Grace Hopper");
        assertThat(w.isEdited()).isFalse();

        poll();
        assertThat(received()).as("nothing changed").hasSize(3);

        model.editWorklog("ABC-1", first, minutesAgo(1), "1h 30m", "Reproduced on production too");
        poll();
        poll();

        assertThat(received()).hasSize(4).last().isEqualTo(first + " 1h 30m Reproduced on production too");
        assertThat(exchanges().get(3).getMessage().getBody(JiraWorklog.class).isEdited()).isTrue();
    }

    @Test
    void anIssueUpdatedForAnotherReasonDoesNotBringItsWorklogsAgainWithinTheWindowNorAfterIt() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        String old = model.worklog("ABC-1", minutesAgo(30), "4h", "Analysis");
        model.issue("ABC-2", minutesAgo(35));
        startPolling("&startFrom=beginning&overlap=1m");
        poll();
        assertThat(received()).containsExactly(old + " 4h Analysis");

        // a comment within the window: the worklog comes again from Jira, remembered by its version
        model.touch("ABC-1", minutesAgo(29));
        poll();
        assertThat(received()).hasSize(1);

        // new work elsewhere moves the watermark on, and the window forgets the old worklog ...
        String fresh = model.worklog("ABC-2", minutesAgo(3), "1h", "Review");
        poll();
        String more = model.worklog("ABC-2", minutesAgo(2), "15m", "Merge");
        poll();
        assertThat(received()).containsExactly(old + " 4h Analysis", fresh + " 1h Review", more + " 15m Merge");
        assertThat(state.getState("worklogs")).doesNotContain(old + "@");
        // ... so when another comment brings ABC-1 back, its worklog is dropped by its own time
        model.touch("ABC-1", minutesAgo(1));
        poll();
        poll();

        assertThat(received()).hasSize(3);
    }

    @Test
    void aFailedExchangeHoldsTheWatermarkBeforeItAndItAndTheWorklogsAfterItComeAgainOnce() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        Instant loggedA = minutesAgo(30);
        String a = model.worklog("ABC-1", loggedA, "1h", "One");
        model.issue("ABC-2", minutesAgo(25));
        String b = model.worklog("ABC-2", minutesAgo(20), "2h", "Two");
        model.issue("ABC-3", minutesAgo(15));
        String c = model.worklog("ABC-3", minutesAgo(10), "3h", "Three");
        failOn = b;
        failing.set(true);
        startPolling("&startFrom=beginning");

        poll();
        assertThat(received()).containsExactly(a + " 1h One");
        assertThat(watermark()).as("at the delivered worklog's issue, not past it to the failed one's")
                .isEqualTo(loggedA.toEpochMilli());
        // the poll stopped at the failure: ABC-3's worklogs were not asked for
        assertThat(jira.findAll(getRequestedFor(urlPathMatching("/rest/api/3/issue/20003/worklog")))).isEmpty();

        failing.set(false);
        poll();
        poll();

        assertThat(received()).containsExactly(a + " 1h One", b + " 2h Two", c + " 3h Three");
    }

    @Test
    void afterARestartWithAFileStateRepositoryNothingDeliveredComesAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("worklogs.state");
        model.issue("ABC-1", minutesAgo(40));
        String a = model.worklog("ABC-1", minutesAgo(30), "1h", "One");
        String b = model.worklog("ABC-1", minutesAgo(20), "2h", "Two");
        startPolling("&startFrom=beginning", FileStateRepository.fileStateRepository(file.toFile()), cloud());
        poll();
        assertThat(received()).containsExactly(a + " 1h One", b + " 2h Two");
        context.stop();
        assertThat(file).exists();

        String c = model.worklog("ABC-1", minutesAgo(1), "3h", "Three");
        startPolling("&startFrom=beginning", FileStateRepository.fileStateRepository(file.toFile()), cloud());
        poll();
        poll();

        assertThat(received()).containsExactly(c + " 3h Three");
    }

    /** An issue's old worklog can sit behind a much newer issue update; a poll cut short must not lose it. */
    @Test
    void aPollCutShortDoesNotLoseAnOldWorklogOnAnIssueItHadNotReached() throws Exception {
        model.issue("ABC-1", minutesAgo(60));
        String a = model.worklog("ABC-1", minutesAgo(10), "1h", "Recent");
        model.issue("ABC-2", minutesAgo(60));
        String old = model.worklog("ABC-2", minutesAgo(50), "2h", "Logged long ago");
        model.touch("ABC-2", minutesAgo(9));
        startPolling("&startFrom=beginning&maxMessagesPerPoll=1");

        poll();
        assertThat(received()).containsExactly(a + " 1h Recent");
        poll();
        poll();

        assertThat(received()).containsExactly(a + " 1h Recent", old + " 2h Logged long ago");
    }

    @Test
    void startFromNowDeliversOnlyWorkLoggedAfterTheStart() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        model.worklog("ABC-1", minutesAgo(30), "1h", "Before the start");
        startPolling("");
        poll();
        assertThat(received()).isEmpty();

        String after = model.worklog("ABC-1", minutesAgo(0).plusMillis(1), "1h", "After the start");
        poll();

        assertThat(received()).containsExactly(after + " 1h After the start");
    }

    @Test
    void onDataCenterTheSameWalkUsesRestApi2AndReadsTheWikiComment() throws Exception {
        HistoryJira dc = new HistoryJira(false);
        dc.issue("ABC-1", minutesAgo(40));
        String a = dc.worklog("ABC-1", minutesAgo(30), "1d", "Wiki *bold* text");
        dc.serve(jira);
        context = null;
        start(Map.of("dc", server()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/worklogs?connection=dc&jql=project = ABC&startFrom=beginning"
                     + "&startScheduler=false").routeId("poller").to("mock:worklogs");
            }
        });

        ((IncrementalConsumer<?>) context.getRoute("poller").getConsumer()).run();

        assertThat(received()).containsExactly(a + " 1d Wiki bold text");
        LoggedRequest page = jira.findAll(getRequestedFor(urlPathMatching("/rest/api/2/issue/20001/worklog"))).get(0);
        assertThat(page.getUrl()).isEqualTo("/rest/api/2/issue/20001/worklog?startAt=0&maxResults=100");
    }

    @Test
    void theConsumerRefusesToStartWithAnIssueKeyOrWithoutJql() {
        String withKey = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/worklogs?connection=cloud&jql=project = ABC&issueKey=ABC-1").to("mock:x");
            }
        });
        assertThat(withKey).contains("issue/worklogs", "'issueKey'", "jql=key = ABC-1");
        context.stop();

        String withoutJql = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/worklogs?connection=cloud").to("mock:x");
            }
        });
        assertThat(withoutJql).contains("issue/worklogs", "'jql'");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }
}
