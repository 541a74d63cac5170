package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraSprint;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * sprint/issues: {@code GET /rest/agile/1.0/sprint/{sprintId}/issue} on both deployments, paged by startAt against
 * {@code total} (Jira answers fewer issues than asked for: at most 50 per page), the optional JQL, fields and expand
 * passed on, and Jira Software's issue shape (its sprint fields, Data Center's legacy sprint text) mapped.
 */
class SprintIssuesActionTest extends ActionTestSupport {

    private static final String PATH = "/rest/agile/1.0/sprint/37/issue";

    /** The fixture's issues from {@code from} on (at most {@code n}), as the page at startAt={@code from}. */
    private static String page(Flavor f, int from, int n, int maxResults) {
        return page(f, from, n, maxResults, from);
    }

    /** The fixture's issues from {@code from} on (at most {@code n}), as a page at {@code startAt}. */
    private static String page(Flavor f, int from, int n, int maxResults, int startAt) {
        ObjectNode node = (ObjectNode) tree(f.fixture("sprint-37-issues"));
        ArrayNode all = (ArrayNode) node.get("issues");
        ArrayNode some = node.putArray("issues");
        for (int i = from; i < Math.min(all.size(), from + n); i++) {
            some.add(all.get(i));
        }
        node.put("startAt", startAt).put("maxResults", maxResults);
        return node.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<JiraIssue> issues(Exchange ex) {
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody(List.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theSprintsIssuesWithJirasDefaultFieldsAndTheirSprint(Flavor f) throws Exception {
        jira.stubFor(get(urlEqualTo(PATH + "?startAt=0&maxResults=100")).willReturn(okJson(f.fixture("sprint-37-issues"))));
        jira.stubFor(get(f.api + "/field").willReturn(okJson(f.fixture("fields"))));
        start(f);

        Exchange ex = send(uri(f, "sprint/issues", "sprintId=37"), null, Map.of());

        List<JiraIssue> found = issues(ex);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("37");
        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-123", "PROJ-130", "PROJ-131");
        assertThat(found).extracting(JiraIssue::getIssueType).containsExactly("Bug", "Story", "Story");
        assertThat(found).extracting(JiraIssue::getStatus).containsExactly("In Progress", "To Do", "Done");
        JiraIssue story = found.get(1);
        assertThat(story.getId()).isEqualTo(f == Flavor.CLOUD ? "10130" : "20130");
        assertThat(story.getSummary()).isEqualTo("Als Kundin möchte ich meine Karte löschen");
        assertThat(story.getUpdated()).hasToString(f == Flavor.CLOUD ? "2026-11-06T08:02:11Z"
                                                                       : "2026-11-06T08:02:11+01:00");
        // the sprint field is found by its type in the field list: Cloud's objects, Data Center's legacy text
        JiraSprint sprint = story.getSprint();
        assertThat(sprint.getId()).isEqualTo("37");
        assertThat(sprint.getName()).isEqualTo("Checkout 12");
        assertThat(sprint.getState()).isEqualTo("active");
        // without options nothing narrows the request: Jira's default fields include the agile ones
        jira.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
        jira.verify(1, getRequestedFor(urlEqualTo(PATH + "?startAt=0&maxResults=100")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void shortPagesAreFollowedByStartAtUntilTheTotal(Flavor f) throws Exception {
        jira.stubFor(get(urlEqualTo(PATH + "?startAt=0&maxResults=100")).willReturn(okJson(page(f, 0, 2, 2))));
        jira.stubFor(get(urlEqualTo(PATH + "?startAt=2&maxResults=100")).willReturn(okJson(page(f, 2, 2, 2))));
        start(f);

        List<JiraIssue> found = issues(send(uri(f, "sprint/issues", "sprintId=37"), null, Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-123", "PROJ-130", "PROJ-131");
        jira.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theLimitStopsEarlyAndAsksOnlyForWhatIsLeft(Flavor f) throws Exception {
        jira.stubFor(get(urlEqualTo(PATH + "?startAt=0&maxResults=2")).willReturn(okJson(page(f, 0, 2, 2))));
        start(f);

        List<JiraIssue> found = issues(send(uri(f, "sprint/issues", "sprintId=37&pageSize=2&limit=2"), null,
                Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-123", "PROJ-130");
        jira.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void jqlFieldsAndExpandArePassedOnAndHeadersWin(Flavor f) throws Exception {
        String path = "/rest/agile/1.0/sprint/38/issue";
        jira.stubFor(get(urlEqualTo(path + "?startAt=0&maxResults=50&jql=issuetype%20%3D%20Story%20ORDER%20BY%20rank"
                                    + "&fields=summary%2Cupdated&expand=changelog"))
                                // the JQL leaves two of the sprint's issues
                .willReturn(okJson(page(f, 1, 2, 50, 0).replace("\"total\":3", "\"total\":2"))));
        start(f);

        Exchange ex = send(uri(f, "sprint/issues", "sprintId=37&jql=RAW(status = Done)&fields=summary&expand=names"
                                                   + "&pageSize=50"), null, Map.of(
                JiraSpokeConstants.SPRINT_ID, "38",
                JiraSpokeConstants.JQL, " issuetype = Story ORDER BY rank ",
                JiraSpokeConstants.FIELDS, "summary, updated",
                JiraSpokeConstants.EXPAND, "changelog"));

        assertThat(issues(ex)).extracting(JiraIssue::getKey).containsExactly("PROJ-130", "PROJ-131");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("38");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aBlankJqlIsNoJql(Flavor f) throws Exception {
        jira.stubFor(get(urlEqualTo(PATH + "?startAt=0&maxResults=100")).willReturn(okJson(page(f, 0, 0, 50))));
        start(f);

        List<JiraIssue> found = issues(send(uri(f, "sprint/issues", "sprintId=37"), null,
                Map.of(JiraSpokeConstants.JQL, "  ")));

        assertThat(found).isEmpty();
        jira.verify(1, getRequestedFor(urlEqualTo(PATH + "?startAt=0&maxResults=100")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMissingOrMalformedSprintIdIsRefusedBeforeSending(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, "sprint/issues", "jql=RAW(status = Done)"), null, Map.of()),
                "sprint/issues", "'sprintId'", JiraSpokeConstants.SPRINT_ID);
        assertRefusedLocally(send(uri(f, "sprint/issues", "sprintId=37"), null,
                        Map.of(JiraSpokeConstants.SPRINT_ID, "37/../../board/84")),
                "sprint/issues", "'sprintId'", "a number");
    }
}
