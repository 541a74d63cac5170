package io.jiraspoke.camel.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.model.JiraComment;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/latestComment. Cloud sorts by {@code orderBy=-created}; on Data Center, whose older servers ignore orderBy,
 * the newest comment is the last in Jira's default order, found by its position: the first page tells the count.
 */
class IssueLatestCommentActionTest extends ActionTestSupport {

    private static final String LATEST = "issue/latestComment";
    private static final String DC_COMMENTS = "/rest/api/2/issue/PROJ-123/comment";

    @Test
    void cloudAsksForTheNewestFirstAndTakesIt() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/3/issue/PROJ-123/comment?startAt=0&maxResults=1&orderBy=-created"
                                    + "&expand=renderedBody"))
                .willReturn(okJson(page(true, 0, 3, comment(true, "10044", "Newest", "2026-11-28T12:00:00.000+0000")))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, LATEST, "issueKey=PROJ-123&expand=renderedBody"), "ignored", Map.of());

        assertThat(ex.getException()).isNull();
        JiraComment c = ex.getMessage().getBody(JiraComment.class);
        assertThat(c.getId()).isEqualTo("10044");
        assertThat(c.getBody()).isEqualTo("Newest");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_FOUND)).isEqualTo(true);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10044");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(sent()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anIssueWithoutCommentsGivesNoBodyAndSaysSoInAHeader(Flavor f) throws Exception {
        String query = f == Flavor.CLOUD ? "?startAt=0&maxResults=1&orderBy=-created" : "?startAt=0&maxResults=1";
        jira.stubFor(get(urlEqualTo(f.api + "/issue/PROJ-123/comment" + query))
                .willReturn(okJson("{\"startAt\":0,\"maxResults\":1,\"total\":0,\"comments\":[]}")));
        start(f);

        Exchange ex = send(uri(f, LATEST, "issueKey=PROJ-123"), "the previous body",
                Map.of(JiraSpokeConstants.COMMENT_ID, "999"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_FOUND)).isEqualTo(false);
        assertThat(ex.getMessage().getHeaders()).doesNotContainKey(JiraSpokeConstants.COMMENT_ID);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
    }

    @Test
    void dataCenterReadsTheCountThenTheLastComment() throws Exception {
        stubDc(0, page(false, 0, 3, comment(false, "10042", "First", "2026-11-28T11:00:00.000+0100")));
        stubDc(2, page(false, 2, 3, comment(false, "10044", "Third, the newest", "2026-11-28T13:00:00.000+0100")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, LATEST, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraComment.class).getBody()).isEqualTo("Third, the newest");
        assertThat(sent()).containsExactly(DC_COMMENTS + "?startAt=0&maxResults=1",
                DC_COMMENTS + "?startAt=2&maxResults=1");
    }

    @Test
    void dataCenterTakesTheLastOfEveryCommentWhenAnOldServerIgnoresThePaging() throws Exception {
        stubDc(0, page(false, 0, 3, comment(false, "10042", "First", "2026-11-28T11:00:00.000+0100"),
                comment(false, "10043", "Second", "2026-11-28T12:00:00.000+0100"),
                comment(false, "10044", "Third", "2026-11-28T13:00:00.000+0100")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, LATEST, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getMessage().getBody(JiraComment.class).getId()).isEqualTo("10044");
        assertThat(sent()).hasSize(1);
    }

    @Test
    void dataCenterAsksAgainWhenACommentWasAddedBetweenTheTwoRequests() throws Exception {
        stubDc(0, page(false, 0, 2, comment(false, "10042", "First", "2026-11-28T11:00:00.000+0100")));
        // a third comment arrived: the count says 3 now, so the comment at 1 is no longer the last
        stubDc(1, page(false, 1, 3, comment(false, "10043", "Second", "2026-11-28T12:00:00.000+0100")));
        stubDc(2, page(false, 2, 3, comment(false, "10044", "Third", "2026-11-28T13:00:00.000+0100")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, LATEST, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getMessage().getBody(JiraComment.class).getId()).isEqualTo("10044");
        assertThat(sent()).containsExactly(DC_COMMENTS + "?startAt=0&maxResults=1",
                DC_COMMENTS + "?startAt=1&maxResults=1", DC_COMMENTS + "?startAt=2&maxResults=1");
    }

    @Test
    void dataCenterWalksTheCommentsPageByPageWhenTheCountIsMissingOrWrong() throws Exception {
        // the count says 5 but only 2 comments can be read (Jira counted comments this user may not see)
        stubDc(0, page(false, 0, 5, comment(false, "10042", "First", "2026-11-28T11:00:00.000+0100")));
        stubDc(4, "{\"startAt\":4,\"maxResults\":1,\"total\":5,\"comments\":[]}");
        jira.stubFor(get(urlEqualTo(DC_COMMENTS + "?startAt=0&maxResults=100"))
                .willReturn(okJson(page(false, 0, 5, comment(false, "10042", "First", "2026-11-28T11:00:00.000+0100"),
                        comment(false, "10043", "Second and last", "2026-11-28T12:00:00.000+0100")))));
        jira.stubFor(get(urlEqualTo(DC_COMMENTS + "?startAt=2&maxResults=100"))
                .willReturn(okJson("{\"startAt\":2,\"maxResults\":100,\"total\":5,\"comments\":[]}")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, LATEST, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraComment.class).getBody()).isEqualTo("Second and last");
        assertThat(sent()).containsExactly(DC_COMMENTS + "?startAt=0&maxResults=1",
                DC_COMMENTS + "?startAt=4&maxResults=1", DC_COMMENTS + "?startAt=0&maxResults=100",
                DC_COMMENTS + "?startAt=2&maxResults=100");
    }

    @Test
    void dataCenterWithoutACountWalksTheComments() throws Exception {
        ObjectNode first = (ObjectNode) tree(page(false, 0, 0, comment(false, "10042", "First", "2026-11-28T11:00:00.000+0100")));
        first.remove("total");
        stubDc(0, first.toString());
        jira.stubFor(get(urlEqualTo(DC_COMMENTS + "?startAt=0&maxResults=100"))
                .willReturn(okJson(page(false, 0, 2, comment(false, "10042", "First", "2026-11-28T11:00:00.000+0100"),
                        comment(false, "10043", "Second", "2026-11-28T12:00:00.000+0100")))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, LATEST, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getMessage().getBody(JiraComment.class).getId()).isEqualTo("10043");
        assertThat(sent()).containsExactly(DC_COMMENTS + "?startAt=0&maxResults=1",
                DC_COMMENTS + "?startAt=0&maxResults=100");
    }

    @Test
    void commentIdsSentAsNumbersAreReadAsText() throws Exception {
        ObjectNode c = (ObjectNode) tree(comment(false, "0", "Only one", "2026-11-28T11:00:00.000+0100"));
        c.put("id", 10042);
        stubDc(0, page(false, 0, 1, c.toString()));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, LATEST, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getMessage().getBody(JiraComment.class).getId()).isEqualTo("10042");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10042");
    }

    private void stubDc(int startAt, String body) {
        jira.stubFor(get(urlEqualTo(DC_COMMENTS + "?startAt=" + startAt + "&maxResults=1")).willReturn(okJson(body)));
    }

    private List<String> sent() {
        List<ServeEvent> events = new ArrayList<>(jira.getAllServeEvents());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        return events.stream().map(e -> e.getRequest().getUrl()).toList();
    }

    static String page(boolean cloud, int startAt, int total, String... comments) {
        ObjectNode p = JiraJson.MAPPER.createObjectNode();
        p.put("startAt", startAt).put("maxResults", comments.length).put("total", total);
        ArrayNode a = p.putArray("comments");
        for (String c : comments) {
            a.add(tree(c));
        }
        return p.toString();
    }

    static String comment(boolean cloud, String id, String text, String created) {
        ObjectNode c = JiraJson.MAPPER.createObjectNode();
        c.put("self", (cloud ? "https://example.atlassian.net/rest/api/3/issue/10123/comment/"
                : "https://jira.example.com/rest/api/2/issue/20123/comment/") + id);
        c.put("id", id);
        if (cloud) {
            ObjectNode doc = c.putObject("body").put("type", "doc").put("version", 1);
            doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
                    .put("type", "text").put("text", text);
        } else {
            c.put("body", text);
        }
        c.put("created", created).put("updated", created);
        return c.toString();
    }
}
