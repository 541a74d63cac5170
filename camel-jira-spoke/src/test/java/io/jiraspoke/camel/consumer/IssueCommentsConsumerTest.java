package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraComment;
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
 * The issue/comments consumer: new and edited comments of the issues a JQL matches, each comment version once, from
 * a Jira whose comments update their issues. Polls are triggered by hand ({@code startScheduler=false}).
 */
class IssueCommentsConsumerTest extends JiraSpokeTestSupport {

    final CommentJira model = new CommentJira(true);
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
                from("jiraspoke:issue/comments?connection=jira&jql=project = ABC&startScheduler=false"
                     + "&stateRepository=#state&stateKey=comments" + options).routeId("poller")
                        .process(e -> {
                            if (failing.get() && e.getMessage().getBody(JiraComment.class).getId().equals(failOn)) {
                                throw new IllegalStateException("the chat bridge is down");
                            }
                        })
                        .to("mock:comments");
            }
        });
    }

    void poll() throws Exception {
        model.serve(jira);
        ((IncrementalConsumer<?>) context.getRoute("poller").getConsumer()).run();
    }

    List<Exchange> exchanges() {
        return context.getEndpoint("mock:comments", MockEndpoint.class).getReceivedExchanges();
    }

    /** What the route received, as comment id and body text. */
    List<String> received() {
        return exchanges().stream().map(e -> e.getMessage().getBody(JiraComment.class))
                .map(c -> c.getId() + " " + c.getBody()).toList();
    }

    @Test
    void newCommentsComeIssueByIssueWithTheirIssueAndAnEditComesAgainAsANewVersion() throws Exception {
        model.issue("ABC-1", minutesAgo(60));
        String first = model.comment("ABC-1", minutesAgo(50), "Reproduced on staging");
        String second = model.comment("ABC-1", minutesAgo(20), "Fixed in build 42");
        model.issue("ABC-2", minutesAgo(30));
        String third = model.comment("ABC-2", minutesAgo(30), "Grüße aus Köln – 東京でも再現");
        startPolling("&startFrom=beginning");

        poll();

        // ABC-2 was updated before ABC-1 (by its comment 30 minutes ago): Jira's order of issue updates
        assertThat(received()).containsExactly(third + " Grüße aus Köln – 東京でも再現",
                first + " Reproduced on staging", second + " Fixed in build 42");
        Exchange e = exchanges().get(1);
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("ABC-1");
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("20001");
        assertThat(e.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo(first);
        JiraComment c = e.getMessage().getBody(JiraComment.class);
        assertThat(c.getIssueKey()).isEqualTo("ABC-1");
        assertThat(c.getAuthor().getDisplayName()).isEqualTo("Grace Hopper");
        assertThat(c.isEdited()).isFalse();

        poll();
        assertThat(received()).as("nothing changed").hasSize(3);

        model.edit("ABC-1", first, minutesAgo(1), "Reproduced on staging and production");
        poll();
        poll();

        assertThat(received()).hasSize(4).last().isEqualTo(first + " Reproduced on staging and production");
        assertThat(exchanges().get(3).getMessage().getBody(JiraComment.class).isEdited()).isTrue();
    }

    @Test
    void anIssueUpdatedForAnotherReasonDoesNotBringItsCommentsAgainWithinTheWindowNorAfterIt() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        String old = model.comment("ABC-1", minutesAgo(30), "Needs a decision");
        model.issue("ABC-2", minutesAgo(35));
        startPolling("&startFrom=beginning&overlap=1m");
        poll();
        assertThat(received()).containsExactly(old + " Needs a decision");

        // a field edit within the window: the comment comes again from Jira, remembered by its version
        model.touch("ABC-1", minutesAgo(29));
        poll();
        assertThat(received()).hasSize(1);

        // new comments elsewhere move the watermark on, and the window forgets the old comment ...
        String fresh = model.comment("ABC-2", minutesAgo(3), "New question");
        poll();
        String answer = model.comment("ABC-2", minutesAgo(2), "An answer");
        poll();
        assertThat(received()).containsExactly(old + " Needs a decision", fresh + " New question",
                answer + " An answer");
        assertThat(state.getState("comments")).doesNotContain(old + "@");
        // ... so when another field edit brings ABC-1 back, its comment is dropped by its own time
        model.touch("ABC-1", minutesAgo(1));
        poll();
        poll();

        assertThat(received()).hasSize(3);
    }

    @Test
    void aDeletedCommentIsNotEmittedAndTheOthersAreNotRedelivered() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        String keep = model.comment("ABC-1", minutesAgo(30), "Keep me");
        String gone = model.comment("ABC-1", minutesAgo(20), "Delete me");
        startPolling("&startFrom=beginning");
        poll();

        model.delete("ABC-1", gone, minutesAgo(1));
        poll();

        assertThat(received()).containsExactly(keep + " Keep me", gone + " Delete me");
    }

    @Test
    void startFromNowDeliversOnlyCommentsWrittenAfterTheStart() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        model.comment("ABC-1", minutesAgo(30), "Before the start");
        startPolling("");
        poll();
        assertThat(received()).isEmpty();

        String after = model.comment("ABC-1", CommentJira.minutesAgo(0).plusMillis(1), "After the start");
        poll();

        assertThat(received()).containsExactly(after + " After the start");
    }

    @Test
    void afterARestartWithAFileStateRepositoryNothingDeliveredComesAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("comments.state");
        model.issue("ABC-1", minutesAgo(40));
        String a = model.comment("ABC-1", minutesAgo(30), "One");
        String b = model.comment("ABC-1", minutesAgo(20), "Two");
        startPolling("&startFrom=beginning", FileStateRepository.fileStateRepository(file.toFile()), cloud());
        poll();
        assertThat(received()).containsExactly(a + " One", b + " Two");
        context.stop();
        assertThat(file).exists();

        String c = model.comment("ABC-1", minutesAgo(1), "Three");
        startPolling("&startFrom=beginning", FileStateRepository.fileStateRepository(file.toFile()), cloud());
        poll();
        poll();

        assertThat(received()).containsExactly(c + " Three");
    }

    @Test
    void aFailedExchangeStopsThePollAndItAndTheCommentsAfterItComeAgainOnce() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        String a = model.comment("ABC-1", minutesAgo(30), "One");
        String b = model.comment("ABC-1", minutesAgo(25), "Two");
        model.issue("ABC-2", minutesAgo(20));
        String c = model.comment("ABC-2", minutesAgo(10), "Three");
        failOn = b;
        failing.set(true);
        startPolling("&startFrom=beginning");

        poll();
        assertThat(received()).containsExactly(a + " One");
        // the poll stopped at the failure: ABC-2's comments were not asked for
        assertThat(jira.findAll(getRequestedFor(urlPathMatching("/rest/api/3/issue/20002/comment")))).isEmpty();
        poll();
        assertThat(received()).containsExactly(a + " One");

        failing.set(false);
        poll();
        poll();

        assertThat(received()).containsExactly(a + " One", b + " Two", c + " Three");
    }

    /**
     * The watermark moves with issue updates, and an issue's old comment can sit behind a much newer issue update. A
     * poll cut short after the watermark passed that comment's own time by more than the overlap must not lose it.
     */
    @Test
    void aPollCutShortDoesNotLoseAnOldCommentOnAnIssueItHadNotReached() throws Exception {
        model.issue("ABC-1", minutesAgo(60));
        String a = model.comment("ABC-1", minutesAgo(10), "Recent");
        model.issue("ABC-2", minutesAgo(60));
        String old = model.comment("ABC-2", minutesAgo(50), "Written long ago");
        model.touch("ABC-2", minutesAgo(9));
        startPolling("&startFrom=beginning&maxMessagesPerPoll=1");

        poll();
        assertThat(received()).containsExactly(a + " Recent");
        poll();
        poll();

        assertThat(received()).containsExactly(a + " Recent", old + " Written long ago");
    }

    @Test
    void aCommentByADeletedUserIsDeliveredWithoutAnAuthor() throws Exception {
        model.issue("ABC-1", minutesAgo(40));
        String id = model.comment("ABC-1", minutesAgo(30), "From a former colleague", false);
        startPolling("&startFrom=beginning");

        poll();

        assertThat(received()).containsExactly(id + " From a former colleague");
        assertThat(exchanges().get(0).getMessage().getBody(JiraComment.class).getAuthor()).isNull();
    }

    @Test
    void anIssueWithManyCommentsIsReadPageByPage() throws Exception {
        model.issue("ABC-1", minutesAgo(300));
        for (int i = 0; i < 250; i++) {
            model.comment("ABC-1", minutesAgo(290 - i), "Comment " + i);
        }
        startPolling("&startFrom=beginning");

        poll();

        assertThat(received()).hasSize(250).doesNotHaveDuplicates();
        assertThat(received().get(249)).endsWith("Comment 249");
        List<LoggedRequest> pages = jira.findAll(getRequestedFor(urlPathMatching("/rest/api/3/issue/20001/comment")));
        assertThat(pages).extracting(r -> r.queryParameter("startAt").firstValue()).containsExactly("0", "100", "200");
        assertThat(pages).allSatisfy(r -> {
            assertThat(r.queryParameter("maxResults").firstValue()).isEqualTo("100");
            assertThat(r.queryParameter("orderBy").firstValue()).isEqualTo("created");
        });
    }

    @Test
    void onDataCenterTheSameWalkUsesRestApi2WithoutOrderBy() throws Exception {
        CommentJira dc = new CommentJira(false);
        dc.issue("ABC-1", minutesAgo(40));
        String a = dc.comment("ABC-1", minutesAgo(30), "Wiki *bold* text");
        dc.serve(jira);
        context = null;
        start(Map.of("dc", server()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/comments?connection=dc&jql=project = ABC&startFrom=beginning"
                     + "&startScheduler=false").routeId("poller").to("mock:comments");
            }
        });

        ((IncrementalConsumer<?>) context.getRoute("poller").getConsumer()).run();

        assertThat(received()).as("the comment's plain text").containsExactly(a + " Wiki bold text");
        LoggedRequest page = jira.findAll(getRequestedFor(urlPathMatching("/rest/api/2/issue/20001/comment"))).get(0);
        assertThat(page.getUrl()).isEqualTo("/rest/api/2/issue/20001/comment?startAt=0&maxResults=100");
    }

    @Test
    void theConsumerRefusesToStartWithAnIssueKeyOrAnOrder() {
        String withKey = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/comments?connection=cloud&jql=project = ABC&issueKey=ABC-1").to("mock:x");
            }
        });
        assertThat(withKey).contains("issue/comments", "'issueKey'", "jql=key = ABC-1");
        context.stop();

        String withOrder = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/comments?connection=cloud&jql=project = ABC&orderBy=-created").to("mock:x");
            }
        });
        assertThat(withOrder).contains("issue/comments", "'orderBy'");
        context.stop();

        String withoutJql = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/comments?connection=cloud").to("mock:x");
            }
        });
        assertThat(withoutJql).contains("issue/comments", "'jql'");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }
}
