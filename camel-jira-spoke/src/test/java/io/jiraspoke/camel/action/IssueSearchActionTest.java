package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/search: Cloud {@code POST /rest/api/3/search/jql} pages by {@code nextPageToken} (the last page has none),
 * Data Center {@code POST /rest/api/2/search} by {@code startAt} against {@code total}, and may answer fewer issues
 * than asked for. Stubs match the exact request body of each page, so a wrong page request finds no answer.
 */
class IssueSearchActionTest extends ActionTestSupport {

    private static final String JQL = "project = PROJ ORDER BY key";
    private static final String SEARCH = "jql=RAW(" + JQL + ")&fields=summary,status,updated";
    private static final String FIELDS = "[\"summary\",\"status\",\"updated\"]";
    private static final String CLOUD_PATH = "/rest/api/3/search/jql";
    private static final String DC_PATH = "/rest/api/2/search";
    private static final String TOKEN_1 = "Ch0jU3RyaW5nJlVGSlBTZz09JUludCZNVEF3TURNPRAC";
    private static final String TOKEN_2 = "Ch0jU3RyaW5nJlVGSlBTZz09JUludCZNVEF3TURVPRAE";

    private static String cloudPage(int maxResults, String token) {
        return "{\"jql\":\"" + JQL + "\",\"maxResults\":" + maxResults + ",\"fields\":" + FIELDS
               + (token == null ? "" : ",\"nextPageToken\":\"" + token + "\"") + "}";
    }

    private static String dcPage(int startAt, int maxResults) {
        return "{\"jql\":\"" + JQL + "\",\"startAt\":" + startAt + ",\"maxResults\":" + maxResults + ",\"fields\":"
               + FIELDS + "}";
    }

    private void stubPage(String path, String requestBody, String response) {
        jira.stubFor(post(urlEqualTo(path)).withRequestBody(equalToJson(requestBody)).willReturn(okJson(response)));
    }

    private void stubCloudPages() {
        stubPage(CLOUD_PATH, cloudPage(2, null), json("cloud-search-jql-page1.json"));
        stubPage(CLOUD_PATH, cloudPage(2, TOKEN_1), json("cloud-search-jql-page2.json"));
        stubPage(CLOUD_PATH, cloudPage(2, TOKEN_2), json("cloud-search-jql-page3.json"));
    }

    /** Asks for 3 per page; Jira caps at 2, so every page is short and paging must follow total. */
    private void stubDcShortPages() {
        stubPage(DC_PATH, dcPage(0, 3), json("dc-search-page1.json"));
        stubPage(DC_PATH, dcPage(2, 3), json("dc-search-page2.json"));
        stubPage(DC_PATH, dcPage(4, 3), json("dc-search-page3.json"));
    }

    private int searchRequests(Flavor f) {
        return jira.countRequestsMatching(postRequestedFor(urlEqualTo(f == Flavor.CLOUD ? CLOUD_PATH : DC_PATH))
                .build()).getCount();
    }

    @SuppressWarnings("unchecked")
    private static List<JiraIssue> issues(Exchange ex) {
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void cloudListFollowsNextPageTokenUntilTheLastPage() throws Exception {
        stubCloudPages();
        start(Flavor.CLOUD);

        List<JiraIssue> found = issues(send(uri(Flavor.CLOUD, "issue/search", SEARCH + "&pageSize=2"), null, Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-1", "PROJ-2", "PROJ-3", "PROJ-4", "PROJ-5");
        assertThat(found).extracting(JiraIssue::getId).containsExactly("10001", "10002", "10003", "10004", "10005");
        JiraIssue first = found.get(0);
        assertThat(first.getSummary()).isEqualTo("Checkout fails with a saved card");
        assertThat(first.getStatus()).isEqualTo("In Progress");
        assertThat(first.getUpdated()).hasToString("2026-11-23T10:07Z");
        assertThat(found.get(2).getStatus()).isEqualTo("To Do");
        jira.verify(1, postRequestedFor(urlEqualTo(CLOUD_PATH)).withRequestBody(equalToJson(cloudPage(2, null))));
        jira.verify(1, postRequestedFor(urlEqualTo(CLOUD_PATH)).withRequestBody(equalToJson(cloudPage(2, TOKEN_1))));
        jira.verify(1, postRequestedFor(urlEqualTo(CLOUD_PATH)).withRequestBody(equalToJson(cloudPage(2, TOKEN_2))));
        assertThat(searchRequests(Flavor.CLOUD)).isEqualTo(3);
    }

    @Test
    void dataCenterListFollowsStartAtAcrossShortPages() throws Exception {
        stubDcShortPages();
        start(Flavor.DC);

        List<JiraIssue> found = issues(send(uri(Flavor.DC, "issue/search", SEARCH + "&pageSize=3"), null, Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-1", "PROJ-2", "PROJ-3", "PROJ-4", "PROJ-5");
        assertThat(found).extracting(JiraIssue::getId).containsExactly("20001", "20002", "20003", "20004", "20005");
        assertThat(found.get(4).getSummary()).isEqualTo("Invoice PDF misses the VAT number");
        assertThat(found.get(4).getStatus()).isEqualTo("Done");
        assertThat(searchRequests(Flavor.DC)).isEqualTo(3);
    }

    @Test
    void cloudLimitStopsEarlyAndAsksOnlyForWhatIsLeft() throws Exception {
        stubPage(CLOUD_PATH, cloudPage(2, null), json("cloud-search-jql-page1.json"));
        stubPage(CLOUD_PATH, cloudPage(1, TOKEN_1), firstIssues(json("cloud-search-jql-page2.json"), 1));
        start(Flavor.CLOUD);

        List<JiraIssue> found = issues(send(uri(Flavor.CLOUD, "issue/search", SEARCH + "&pageSize=2&limit=3"), null,
                Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-1", "PROJ-2", "PROJ-3");
        // the second page still had a nextPageToken: the limit, not the end of the result, stopped the search
        assertThat(searchRequests(Flavor.CLOUD)).isEqualTo(2);
    }

    @Test
    void dataCenterLimitStopsEarlyAndAsksOnlyForWhatIsLeft() throws Exception {
        stubPage(DC_PATH, dcPage(0, 2), json("dc-search-page1.json"));
        stubPage(DC_PATH, dcPage(2, 1), firstIssues(json("dc-search-page2.json"), 1));
        start(Flavor.DC);

        List<JiraIssue> found = issues(send(uri(Flavor.DC, "issue/search", SEARCH + "&pageSize=2&limit=3"), null,
                Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-1", "PROJ-2", "PROJ-3");
        assertThat(searchRequests(Flavor.DC)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void iteratorFetchesTheNextPageOnlyWhenItIsReached(Flavor f) throws Exception {
        if (f == Flavor.CLOUD) {
            stubCloudPages();
        } else {
            stubDcShortPages();
        }
        start(f);
        int pageSize = f == Flavor.CLOUD ? 2 : 3;

        Exchange ex = send(uri(f, "issue/search", SEARCH + "&pageSize=" + pageSize + "&outputType=iterator"), null,
                Map.of());

        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<JiraIssue> it = ex.getMessage().getBody(Iterator.class);
        assertThat(searchRequests(f)).isLessThanOrEqualTo(1);
        assertThat(it.next().getKey()).isEqualTo("PROJ-1");
        assertThat(it.next().getKey()).isEqualTo("PROJ-2");
        assertThat(searchRequests(f)).as("requests while reading the first page").isEqualTo(1);
        assertThat(it.hasNext()).isTrue();
        assertThat(searchRequests(f)).as("requests once the first page is read").isEqualTo(2);
        assertThat(it.next().getKey()).isEqualTo("PROJ-3");
        assertThat(it.next().getKey()).isEqualTo("PROJ-4");
        assertThat(it.next().getKey()).isEqualTo("PROJ-5");
        assertThat(it.hasNext()).isFalse();
        assertThat(searchRequests(f)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void emptyResultIsAnEmptyListAfterOneRequest(Flavor f) throws Exception {
        String path = f == Flavor.CLOUD ? CLOUD_PATH : DC_PATH;
        jira.stubFor(post(urlEqualTo(path)).willReturn(okJson(f.fixture(f == Flavor.CLOUD ? "search-jql-empty"
                                                                                          : "search-empty"))));
        start(f);

        List<JiraIssue> found = issues(send(uri(f, "issue/search", "jql=RAW(project = PROJ AND labels = none)"), null,
                Map.of()));

        assertThat(found).isEmpty();
        // without a fields option, search asks for the navigable fields rather than Cloud's default of ids only
        String paging = f == Flavor.CLOUD ? "\"maxResults\":100" : "\"startAt\":0,\"maxResults\":100";
        jira.verify(1, postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson(
                "{\"jql\":\"project = PROJ AND labels = none\"," + paging + ",\"fields\":[\"*navigable\"]}")));
        assertThat(searchRequests(f)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideEndpointOptions(Flavor f) throws Exception {
        String path = f == Flavor.CLOUD ? CLOUD_PATH : DC_PATH;
        jira.stubFor(post(urlEqualTo(path)).willReturn(okJson(f.fixture(f == Flavor.CLOUD ? "search-jql-empty"
                                                                                          : "search-empty"))));
        start(f);

        Exchange ex = send(uri(f, "issue/search", "jql=RAW(project = OLD)&fields=summary&expand=names&pageSize=50"),
                null, Map.of(
                        JiraSpokeConstants.JQL, JQL,
                        JiraSpokeConstants.FIELDS, "summary,status,updated",
                        JiraSpokeConstants.EXPAND, "changelog"));

        assertThat(issues(ex)).isEmpty();
        // Cloud's search/jql takes expand as a comma separated string, Data Center's search as a list
        String paging = f == Flavor.CLOUD ? "\"maxResults\":50" : "\"startAt\":0,\"maxResults\":50";
        String expand = f == Flavor.CLOUD ? "\"changelog\"" : "[\"changelog\"]";
        jira.verify(1, postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson(
                "{\"jql\":\"" + JQL + "\"," + paging + ",\"fields\":" + FIELDS + ",\"expand\":" + expand + "}")));
    }

    @Test
    void invalidJqlIsABadRequestWithJirasReason() throws Exception {
        jira.stubFor(post(urlEqualTo(CLOUD_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"errorMessages\":[\"Error in the JQL Query: Expecting operator but got 'PROJ'."
                          + " The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN',"
                          + " 'IS' and 'IS NOT'. (line 1, character 9)\"],\"errors\":{}}")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/search", "jql=RAW(project PROJ)"), null, Map.of());

        JiraSpokeBadRequestException e = failure(ex, JiraSpokeBadRequestException.class);
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getMethod()).isEqualTo("POST");
        assertThat(e.getPath()).isEqualTo(CLOUD_PATH);
        assertThat(e.getErrorMessages()).singleElement().asString().startsWith("Error in the JQL Query");
    }

    /** A search only reads, so a 429 in the middle of paging is waited out and the walk goes on where it was. */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void rateLimitedOnASecondPageThenServed(Flavor f) throws Exception {
        if (f == Flavor.CLOUD) {
            stubPage(CLOUD_PATH, cloudPage(2, null), json("cloud-search-jql-page1.json"));
            stubRateLimitedOnce(() -> post(urlEqualTo(CLOUD_PATH)).withRequestBody(equalToJson(cloudPage(2, TOKEN_1))),
                    okJson(json("cloud-search-jql-page2.json")), 0);
            stubPage(CLOUD_PATH, cloudPage(2, TOKEN_2), json("cloud-search-jql-page3.json"));
        } else {
            stubPage(DC_PATH, dcPage(0, 3), json("dc-search-page1.json"));
            stubRateLimitedOnce(() -> post(urlEqualTo(DC_PATH)).withRequestBody(equalToJson(dcPage(2, 3))),
                    okJson(json("dc-search-page2.json")), 0);
            stubPage(DC_PATH, dcPage(4, 3), json("dc-search-page3.json"));
        }
        start(f);

        List<JiraIssue> found = issues(send(uri(f, "issue/search", SEARCH + "&pageSize=" + (f == Flavor.CLOUD ? 2 : 3)),
                null, Map.of()));

        assertThat(found).extracting(JiraIssue::getKey).containsExactly("PROJ-1", "PROJ-2", "PROJ-3", "PROJ-4", "PROJ-5");
        assertThat(searchRequests(f)).isEqualTo(4);
    }
}
