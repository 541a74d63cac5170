package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraComment;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.jiraspoke.camel.action.IssueLatestCommentActionTest.comment;
import static io.jiraspoke.camel.action.IssueLatestCommentActionTest.page;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/comments as a producer: an issue's comments, startAt paging over {@code comments}. */
class IssueCommentsActionTest extends ActionTestSupport {

    private static final String COMMENTS = "issue/comments";

    @Test
    void cloudPagesOldestFirstWithOrderByCreated() throws Exception {
        String base = "/rest/api/3/issue/PROJ-123/comment?startAt=%d&maxResults=2&orderBy=created";
        jira.stubFor(get(urlEqualTo(base.formatted(0))).willReturn(okJson(page(true, 0, 5,
                comment(true, "10042", "One", "2026-11-28T10:00:00.000+0000"),
                comment(true, "10043", "Two", "2026-11-28T10:01:00.000+0000")))));
        jira.stubFor(get(urlEqualTo(base.formatted(2))).willReturn(okJson(page(true, 2, 5,
                comment(true, "10044", "Three", "2026-11-28T10:02:00.000+0000"),
                comment(true, "10045", "Four", "2026-11-28T10:03:00.000+0000")))));
        jira.stubFor(get(urlEqualTo(base.formatted(4))).willReturn(okJson(page(true, 4, 5,
                comment(true, "10046", "Five", "2026-11-28T10:04:00.000+0000")))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, COMMENTS, "issueKey=PROJ-123&pageSize=2"), null, Map.of());

        assertThat(ex.getException()).isNull();
        List<?> comments = ex.getMessage().getBody(List.class);
        assertThat(comments).extracting(c -> ((JiraComment) c).getBody())
                .containsExactly("One", "Two", "Three", "Four", "Five");
        assertThat(comments).extracting(c -> ((JiraComment) c).getIssueKey()).containsOnly("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void dataCenterPagesWithJirasDefaultOrderAndAnExplicitOrderIsPassedOn() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/2/issue/20123/comment?startAt=0&maxResults=100&orderBy=-created"
                                    + "&expand=renderedBody"))
                .willReturn(okJson(page(false, 0, 1, comment(false, "10042", "Only", "2026-11-28T11:00:00.000+0100")))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, COMMENTS, "issueKey=20123&orderBy=-created&expand=renderedBody"), null,
                Map.of());

        assertThat(ex.getException()).isNull();
        JiraComment c = (JiraComment) ex.getMessage().getBody(List.class).get(0);
        assertThat(c.getIssueId()).isEqualTo("20123");
        assertThat(c.getIssueKey()).as("the route named the issue by id").isNull();
    }

    @Test
    void anIteratorFetchesPagesAsItIsRead() throws Exception {
        String base = "/rest/api/2/issue/PROJ-123/comment?startAt=%d&maxResults=1";
        jira.stubFor(get(urlEqualTo(base.formatted(0))).willReturn(okJson(page(false, 0, 2,
                comment(false, "10042", "One", "2026-11-28T11:00:00.000+0100")))));
        jira.stubFor(get(urlEqualTo(base.formatted(1))).willReturn(okJson(page(false, 1, 2,
                comment(false, "10043", "Two", "2026-11-28T11:01:00.000+0100")))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, COMMENTS, "issueKey=PROJ-123&pageSize=1&outputType=iterator"), null,
                Map.of());

        Iterator<?> it = ex.getMessage().getBody(Iterator.class);
        assertThat(((JiraComment) it.next()).getId()).isEqualTo("10042");
        jira.verify(0, getRequestedFor(urlEqualTo(base.formatted(1))));
        assertThat(((JiraComment) it.next()).getId()).isEqualTo("10043");
        assertThat(it.hasNext()).isFalse();
    }

    /**
     * What Jira sends that a careless reader trips on: ids as numbers, a comment whose author was deleted, an
     * update author missing, non-ASCII text, a visibility by identifier only, and a total that counts comments the
     * page does not hold (the walk ends on the empty page that follows).
     */
    @Test
    void oddButRealCommentsAreReadLeniently() throws Exception {
        ObjectNode numeric = (ObjectNode) tree(comment(false, "0", "Zahl", "2026-11-28T11:00:00.000+0100"));
        numeric.put("id", 10042);
        ObjectNode orphan = (ObjectNode) tree(comment(false, "10043", "Ünïcödé ✓ 😀 – Привет", "1479817530"));
        orphan.putObject("visibility").put("type", "group").put("identifier", "5e4c2b1a-0000-4000-8000-00000000beef");
        ObjectNode deleted = (ObjectNode) tree(comment(false, "10044", "From a former colleague",
                "2026-11-28T11:02:00+01:00"));
        deleted.putObject("author").put("name", "former").put("displayName", "former").put("active", false);
        deleted.putNull("updateAuthor");
        String base = "/rest/api/2/issue/PROJ-123/comment?startAt=%d&maxResults=100";
        jira.stubFor(get(urlEqualTo(base.formatted(0))).willReturn(okJson(page(false, 0, 7, numeric.toString(),
                orphan.toString(), deleted.toString()))));
        jira.stubFor(get(urlEqualTo(base.formatted(3)))
                .willReturn(okJson("{\"startAt\":3,\"maxResults\":100,\"total\":7,\"comments\":[]}")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, COMMENTS, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getException()).isNull();
        List<?> comments = ex.getMessage().getBody(List.class);
        assertThat(comments).hasSize(3);
        JiraComment first = (JiraComment) comments.get(0);
        JiraComment second = (JiraComment) comments.get(1);
        JiraComment third = (JiraComment) comments.get(2);
        assertThat(first.getId()).isEqualTo("10042");
        assertThat(first.getAuthor()).isNull();
        assertThat(second.getBody()).isEqualTo("Ünïcödé ✓ 😀 – Привет");
        assertThat(second.getCreated()).as("epoch millis, as some old servers send").isNotNull();
        assertThat(second.getVisibilityType()).isEqualTo("group");
        assertThat(second.getVisibilityValue()).isEqualTo("5e4c2b1a-0000-4000-8000-00000000beef");
        assertThat(third.getAuthor().getDisplayName()).isEqualTo("former");
        assertThat(third.getAuthor().isActive()).isFalse();
        assertThat(third.getUpdateAuthor()).isNull();
        assertThat(third.getCreated().getOffset().getTotalSeconds()).isEqualTo(3600);
        jira.verify(2, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anUnknownOrderIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, COMMENTS, "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.ORDER_BY, "updated"));

        assertRefusedLocally(ex, COMMENTS, "'orderBy'", JiraSpokeConstants.ORDER_BY, "'updated'");
    }

    @Test
    void theProducerRefusesToStartWithAJqlQuery() {
        String message = startFailure(Map.of("cloud", cloud()),
                sendingTo("jiraspoke:issue/comments?connection=cloud&jql=project = PROJ"));

        assertThat(message).contains("issue/comments", "'issueKey'", "'jql'", "consumer");
        jira.verify(0, anyRequestedFor(anyUrl()));
    }
}
