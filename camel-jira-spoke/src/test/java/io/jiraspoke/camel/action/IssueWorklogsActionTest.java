package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraWorklog;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/worklogs as a producer: an issue's worklogs, startAt paging over {@code worklogs}. */
class IssueWorklogsActionTest extends ActionTestSupport {

    private static final String WORKLOGS = "issue/worklogs";

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void pagesThroughTheWorklogsInJirasOrder(Flavor f) throws Exception {
        String base = f.api + "/issue/PROJ-123/worklog?startAt=%d&maxResults=2";
        jira.stubFor(get(urlEqualTo(base.formatted(0))).willReturn(okJson(f.fixture("worklogs-page1"))));
        jira.stubFor(get(urlEqualTo(base.formatted(2))).willReturn(okJson("""
                {"startAt":2,"maxResults":2,"total":3,"worklogs":[%s]}
                """.formatted(worklog(f, "100031", "Code review", "30m", 1800)))));
        start(f);

        Exchange ex = send(uri(f, WORKLOGS, "issueKey=PROJ-123&pageSize=2"), null, Map.of());

        assertThat(ex.getException()).isNull();
        List<?> worklogs = ex.getMessage().getBody(List.class);
        assertThat(worklogs).extracting(w -> ((JiraWorklog) w).getId()).containsExactly("100027", "100028", "100031");
        assertThat(worklogs).extracting(w -> ((JiraWorklog) w).getComment())
                .containsExactly("Reproduced the saved-card failure.", "Pairing on the checkout fix.", "Code review");
        assertThat(worklogs).extracting(w -> ((JiraWorklog) w).getTimeSpentSeconds()).containsExactly(5400L, 12000L,
                1800L);
        assertThat(worklogs).extracting(w -> ((JiraWorklog) w).getIssueKey()).containsOnly("PROJ-123");
        JiraWorklog first = (JiraWorklog) worklogs.get(0);
        assertThat(first.getAuthor().getDisplayName()).isEqualTo(f == Flavor.CLOUD ? "Mia Krystof" : "Ada Lovelace");
        assertThat(first.getStarted().toInstant()).hasToString("2026-11-27T08:30:00Z");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void anIteratorFetchesPagesAsItIsReadAndAnIssueIdIsTheWorklogsIssueId() throws Exception {
        String base = "/rest/api/2/issue/20123/worklog?startAt=%d&maxResults=1";
        jira.stubFor(get(urlEqualTo(base.formatted(0))).willReturn(okJson("""
                {"startAt":0,"maxResults":1,"total":2,"worklogs":[%s]}""".formatted(worklog(Flavor.DC, "1", "A", "1h",
                3600)))));
        jira.stubFor(get(urlEqualTo(base.formatted(1))).willReturn(okJson("""
                {"startAt":1,"maxResults":1,"total":2,"worklogs":[%s]}""".formatted(worklog(Flavor.DC, "2", "B", "2h",
                7200)))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, WORKLOGS, "issueKey=20123&pageSize=1&outputType=iterator"), null, Map.of());

        Iterator<?> it = ex.getMessage().getBody(Iterator.class);
        JiraWorklog one = (JiraWorklog) it.next();
        assertThat(one.getIssueId()).isEqualTo("20123");
        assertThat(one.getIssueKey()).as("the route named the issue by id").isNull();
        jira.verify(0, getRequestedFor(urlEqualTo(base.formatted(1))));
        assertThat(((JiraWorklog) it.next()).getId()).isEqualTo("2");
        assertThat(it.hasNext()).isFalse();
    }

    /** An old Data Center that does not page answers every worklog at once: one request, however many there are. */
    @Test
    void aServerThatIgnoresPagingIsReadInOneRequest() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            all.append(i > 0 ? "," : "").append(worklog(Flavor.DC, String.valueOf(100 + i), "Day " + i, "1d", 28800));
        }
        jira.stubFor(get(urlEqualTo("/rest/api/2/issue/PROJ-123/worklog?startAt=0&maxResults=3")).willReturn(okJson(
                "{\"startAt\":0,\"maxResults\":7,\"total\":7,\"worklogs\":[" + all + "]}")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, WORKLOGS, "issueKey=PROJ-123&pageSize=3"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(List.class)).hasSize(7);
        jira.verify(1, anyRequestedFor(anyUrl()));
    }

    /**
     * What Jira sends that a careless reader trips on: ids and seconds as numbers or strings, an author deleted,
     * no comment at all, a visibility by identifier only, non-ASCII text and a time in epoch milliseconds.
     */
    @Test
    void oddButRealWorklogsAreReadLeniently() throws Exception {
        ObjectNode numeric = (ObjectNode) tree(worklog(Flavor.CLOUD, "0", "x", "1h", 3600));
        numeric.put("id", 100040).put("timeSpentSeconds", "3600").put("issueId", 10123);
        numeric.remove("comment");
        numeric.remove("author");
        ObjectNode odd = (ObjectNode) tree(worklog(Flavor.CLOUD, "100041", "Ünïcödé ✓ 😀 – Привет", "2h", 7200));
        odd.put("created", "1795000000000").put("timeSpentSeconds", "two hours");
        odd.putObject("visibility").put("type", "group").put("identifier", "276f955c-63d7-42c8-9520-92d01dca0625");
        jira.stubFor(get(urlEqualTo("/rest/api/3/issue/PROJ-123/worklog?startAt=0&maxResults=100")).willReturn(okJson(
                "{\"startAt\":0,\"maxResults\":100,\"total\":2,\"worklogs\":[" + numeric + "," + odd + "]}")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, WORKLOGS, "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraWorklog a = (JiraWorklog) ex.getMessage().getBody(List.class).get(0);
        JiraWorklog b = (JiraWorklog) ex.getMessage().getBody(List.class).get(1);
        assertThat(a.getId()).isEqualTo("100040");
        assertThat(a.getIssueId()).isEqualTo("10123");
        assertThat(a.getTimeSpentSeconds()).isEqualTo(3600L);
        assertThat(a.getComment()).isNull();
        assertThat(a.getAuthor()).isNull();
        assertThat(b.getComment()).isEqualTo("Ünïcödé ✓ 😀 – Привет");
        assertThat(b.getCreated()).as("epoch millis, as some old servers send").isNotNull();
        assertThat(b.getTimeSpentSeconds()).isNull();
        assertThat(b.getTimeSpent()).isEqualTo("2h");
        assertThat(b.getVisibilityType()).isEqualTo("group");
        assertThat(b.getVisibilityValue()).isEqualTo("276f955c-63d7-42c8-9520-92d01dca0625");
    }

    @Test
    void theProducerRefusesToStartWithAJqlQuery() {
        String message = startFailure(Map.of("cloud", cloud()),
                sendingTo("jiraspoke:issue/worklogs?connection=cloud&jql=project = PROJ"));

        assertThat(message).contains("issue/worklogs", "'issueKey'", "'jql'", "consumer");
        jira.verify(0, anyRequestedFor(anyUrl()));
    }

    /** A worklog as each deployment sends it. */
    static String worklog(Flavor f, String id, String comment, String spent, long seconds) {
        boolean cloud = f == Flavor.CLOUD;
        String site = cloud ? "https://example.atlassian.net" : "https://jira.example.com";
        String author = cloud
                ? "{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Mia Krystof\",\"active\":true}"
                : "{\"name\":\"alovelace\",\"key\":\"JIRAUSER10100\",\"displayName\":\"Ada Lovelace\",\"active\":true}";
        String body = cloud ? "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                              + "[{\"type\":\"text\",\"text\":\"" + comment + "\"}]}]}" : "\"" + comment + "\"";
        return """
                {"self":"%1$s%2$s/issue/%8$s/worklog/%3$s","author":%4$s,"updateAuthor":%4$s,"comment":%5$s,
                 "created":"2026-11-28T12:00:00.000+0000","updated":"2026-11-28T12:00:00.000+0000",
                 "started":"2026-11-28T09:00:00.000+0000","timeSpent":"%6$s","timeSpentSeconds":%7$d,"id":"%3$s",
                 "issueId":"%8$s"}""".formatted(site, f.api, id, author, body, spent, seconds, cloud ? "10123" : "20123");
    }
}
