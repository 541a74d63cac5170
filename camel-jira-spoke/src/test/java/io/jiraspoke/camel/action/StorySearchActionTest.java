package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * story/search: issue/search (Cloud {@code /search/jql} by nextPageToken, Data Center {@code /search} by startAt)
 * with {@code issuetype = Story} and the optional JQL of the route, whose ORDER BY stays last. Stubs match the exact
 * request body, so a wrong JQL or page request finds no answer.
 */
class StorySearchActionTest extends ActionTestSupport {

    private static final String CLOUD_PATH = "/rest/api/3/search/jql";
    private static final String DC_PATH = "/rest/api/2/search";
    private static final String TOKEN = "Ch0jU3RyaW5nJlVGSlBTZz09JUludCZNVEF3TURNPRAC";

    private static String path(Flavor f) {
        return f == Flavor.CLOUD ? CLOUD_PATH : DC_PATH;
    }

    /** The search body of the first page, as each deployment pages. */
    private static String firstPage(Flavor f, String jql, int maxResults, String fields) {
        return "{\"jql\":\"" + jql.replace("\"", "\\\"") + "\"," + (f == Flavor.DC ? "\"startAt\":0," : "")
               + "\"maxResults\":" + maxResults + ",\"fields\":" + fields + "}";
    }

    private void stubStories(Flavor f, String requestBody) {
        jira.stubFor(post(urlEqualTo(path(f))).withRequestBody(equalToJson(requestBody))
                .willReturn(okJson(f.fixture(f == Flavor.CLOUD ? "search-jql-stories" : "search-stories"))));
    }

    /** The last page of a walk of one issue per page: the fixture without its first issue. */
    private static String withoutFirstIssue(String page) {
        ObjectNode node = (ObjectNode) tree(page);
        ((ArrayNode) node.get("issues")).remove(0);
        return node.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<JiraIssue> issues(Exchange ex) {
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody(List.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutJqlItFindsEveryStoryWithTheNavigableFields(Flavor f) throws Exception {
        stubStories(f, firstPage(f, "issuetype = Story", 100, "[\"*navigable\"]"));
        start(f);

        List<JiraIssue> found = issues(send(uri(f, "story/search", ""), null, Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-130", "PROJ-131");
        assertThat(found).extracting(JiraIssue::getIssueType).containsOnly("Story");
        JiraIssue first = found.get(0);
        assertThat(first.getSummary()).isEqualTo("Als Kundin möchte ich meine Karte löschen");
        assertThat(first.getStatus()).isEqualTo("To Do");
        assertThat(first.getId()).isEqualTo(f == Flavor.CLOUD ? "10130" : "20130");
        assertThat(found.get(1).getUpdated()).hasToString(f == Flavor.CLOUD ? "2026-11-09T16:44Z"
                                                                              : "2026-11-09T16:44+01:00");
        jira.verify(1, postRequestedFor(urlEqualTo(path(f))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theRoutesJqlNarrowsTheStoriesAndItsOrderByStaysLast(Flavor f) throws Exception {
        stubStories(f, firstPage(f, "issuetype = Story AND (project = PROJ OR labels = \"order by hand\") ORDER BY"
                                    + " rank ASC", 50, "[\"summary\",\"status\"]"));
        start(f);

        List<JiraIssue> found = issues(send(uri(f, "story/search", "jql=RAW(project = PROJ OR labels = \"order by"
                                                                  + " hand\" ORDER BY rank ASC)&fields=summary,status"
                                                                  + "&pageSize=50"), null, Map.of()));

        assertThat(found).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aJqlOfOnlyAnOrderByOrdersAllStories(Flavor f) throws Exception {
        stubStories(f, firstPage(f, "issuetype = Story order by created DESC", 100, "[\"*navigable\"]"));
        start(f);

        assertThat(issues(send(uri(f, "story/search", "jql=RAW(order by created DESC)"), null, Map.of()))).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideEndpointOptions(Flavor f) throws Exception {
        String expand = f == Flavor.CLOUD ? "\"changelog\"" : "[\"changelog\"]";
        String body = firstPage(f, "issuetype = Story AND (project = OPS)", 100, "[\"summary\",\"updated\"]");
        jira.stubFor(post(urlEqualTo(path(f))).withRequestBody(equalToJson(body.replace("}", ",\"expand\":" + expand
                                                                                         + "}")))
                .willReturn(okJson(f.fixture(f == Flavor.CLOUD ? "search-jql-stories" : "search-stories"))));
        start(f);

        Exchange ex = send(uri(f, "story/search", "jql=RAW(project = PROJ)&fields=summary&expand=names"), null,
                Map.of(JiraSpokeConstants.JQL, "project = OPS",
                        JiraSpokeConstants.FIELDS, "summary,updated",
                        JiraSpokeConstants.EXPAND, "changelog"));

        assertThat(issues(ex)).hasSize(2);
    }

    @Test
    void cloudFollowsNextPageTokenAndTheIteratorFetchesLazily() throws Exception {
        String jql = "issuetype = Story AND (project = PROJ)";
        jira.stubFor(post(urlEqualTo(CLOUD_PATH))
                .withRequestBody(equalToJson("{\"jql\":\"" + jql + "\",\"maxResults\":1,\"fields\":[\"*navigable\"]}"))
                .willReturn(okJson(firstIssues(json("cloud-search-jql-stories.json"), 1)
                        .replace("\"isLast\":true", "\"isLast\":false,\"nextPageToken\":\"" + TOKEN + "\""))));
        jira.stubFor(post(urlEqualTo(CLOUD_PATH))
                .withRequestBody(equalToJson("{\"jql\":\"" + jql + "\",\"maxResults\":1,\"fields\":[\"*navigable\"],"
                                             + "\"nextPageToken\":\"" + TOKEN + "\"}"))
                .willReturn(okJson(withoutFirstIssue(json("cloud-search-jql-stories.json")))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "story/search", "jql=RAW(project = PROJ)&pageSize=1&outputType=iterator"),
                null, Map.of());

        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<JiraIssue> it = ex.getMessage().getBody(Iterator.class);
        assertThat(it.next().getKey()).isEqualTo("PROJ-130");
        jira.verify(1, postRequestedFor(urlEqualTo(CLOUD_PATH)));
        assertThat(it.next().getKey()).isEqualTo("PROJ-131");
        assertThat(it.hasNext()).isFalse();
        jira.verify(2, postRequestedFor(urlEqualTo(CLOUD_PATH)));
    }
}
