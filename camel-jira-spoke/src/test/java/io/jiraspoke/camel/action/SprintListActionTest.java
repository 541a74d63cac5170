package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraSprint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * sprint/list: {@code GET /rest/agile/1.0/board/{boardId}/sprint}, the same on both deployments, paged by startAt
 * over {@code values} until {@code isLast}, {@code total} or an empty page. Stubs match each page's exact URL.
 */
class SprintListActionTest extends ActionTestSupport {

    private static final String SPRINTS = "/rest/agile/1.0/board/84/sprint";

    private static String sprint(Object id, String name, String state) {
        return "{\"id\":" + (id instanceof String ? "\"" + id + "\"" : id)
               + ",\"self\":\"https://jira.example.com/rest/agile/1.0/sprint/" + id + "\",\"state\":\"" + state
               + "\",\"name\":\"" + name + "\",\"originBoardId\":84}";
    }

    private static String page(int startAt, int maxResults, Integer total, Boolean isLast, String... sprints) {
        return "{\"maxResults\":" + maxResults + ",\"startAt\":" + startAt
               + (total == null ? "" : ",\"total\":" + total) + (isLast == null ? "" : ",\"isLast\":" + isLast)
               + ",\"values\":[" + String.join(",", sprints) + "]}";
    }

    private void stubUrl(String pathAndQuery, String body) {
        jira.stubFor(get(urlEqualTo(pathAndQuery)).willReturn(okJson(body)));
    }

    @SuppressWarnings("unchecked")
    private static List<JiraSprint> sprints(Exchange ex) {
        assertThat(ex.getException()).as("exchange exception").isNull();
        return ex.getMessage().getBody(List.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void pagesAreFollowedUntilIsLastAndStatesAreSentCommaSeparated(Flavor f) throws Exception {
        stubUrl(SPRINTS + "?startAt=0&maxResults=2&state=future%2Cactive",
                page(0, 2, 3, false, sprint(37, "Checkout 12", "active"), sprint(38, "Checkout 13", "future")));
        stubUrl(SPRINTS + "?startAt=2&maxResults=2&state=future%2Cactive",
                page(2, 2, 3, true, sprint(39, "Checkout 14", "future")));
        start(f);

        List<JiraSprint> found = sprints(send(uri(f, "sprint/list", "boardId=84&pageSize=2"), null,
                Map.of(JiraSpokeConstants.SPRINT_STATE, "FUTURE, active, future")));

        assertThat(found).extracting(JiraSprint::getId).containsExactly("37", "38", "39");
        assertThat(found).extracting(JiraSprint::getState).containsExactly("active", "future", "future");
        jira.verify(2, getRequestedFor(urlPathEqualTo(SPRINTS)));
    }

    @Test
    void withoutStatesJirasDefaultOfAllStatesApplies() throws Exception {
        stubUrl(SPRINTS + "?startAt=0&maxResults=100", json("cloud-sprints-board-84.json"));
        start(Flavor.CLOUD);

        List<JiraSprint> found = sprints(send(uri(Flavor.CLOUD, "sprint/list", ""), null,
                Map.of(JiraSpokeConstants.BOARD_ID, "84")));

        assertThat(found).extracting(JiraSprint::getState).containsExactly("closed", "active", "future");
        assertThat(found.get(0).getCompleteDate()).isNotNull();
        assertThat(found.get(0).getGoal()).isEmpty();
        assertThat(found.get(2).getStartDate()).as("a future sprint without dates").isNull();
    }

    @Test
    void isLastWithFewerItemsThanTotalEndsTheList() throws Exception {
        // Jira's total counts sprints the caller may not see; isLast is what says the list ends
        stubUrl(SPRINTS + "?startAt=0&maxResults=50", page(0, 50, 7, true, sprint(37, "Checkout 12", "active")));
        start(Flavor.DC);

        List<JiraSprint> found = sprints(send(uri(Flavor.DC, "sprint/list", "boardId=84&pageSize=50"), null, Map.of()));

        assertThat(found).extracting(JiraSprint::getId).containsExactly("37");
        jira.verify(1, getRequestedFor(urlPathEqualTo(SPRINTS)));
    }

    @Test
    void aTotalLargerThanWhatComesEndsWithTheFirstEmptyPage() throws Exception {
        stubUrl(SPRINTS + "?startAt=0&maxResults=2", page(0, 2, 5, null, sprint(37, "Sprint", "closed"),
                sprint("38", "Sprint", "active")));
        stubUrl(SPRINTS + "?startAt=2&maxResults=2", page(2, 2, 5, null));
        start(Flavor.DC);

        List<JiraSprint> found = sprints(send(uri(Flavor.DC, "sprint/list", "boardId=84&pageSize=2"), null, Map.of()));

        // two sprints of the same name, one id a number and one a string: both, told apart by id
        assertThat(found).extracting(JiraSprint::getId).containsExactly("37", "38");
        assertThat(found).extracting(JiraSprint::getName).containsExactly("Sprint", "Sprint");
        jira.verify(2, getRequestedFor(urlPathEqualTo(SPRINTS)));
    }

    @Test
    void anIteratorFetchesTheNextPageOnlyWhenReadThatFar() throws Exception {
        stubUrl(SPRINTS + "?startAt=0&maxResults=1", page(0, 1, 2, false, sprint(37, "Checkout 12", "active")));
        stubUrl(SPRINTS + "?startAt=1&maxResults=1", page(1, 1, 2, true, sprint(38, "Checkout 13", "future")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "sprint/list", "boardId=84&pageSize=1&outputType=iterator"), null,
                Map.of());

        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<JiraSprint> it = ex.getMessage().getBody(Iterator.class);
        assertThat(it.next().getId()).isEqualTo("37");
        jira.verify(1, getRequestedFor(urlPathEqualTo(SPRINTS)));
        assertThat(it.next().getId()).isEqualTo("38");
        assertThat(it.hasNext()).isFalse();
        jira.verify(2, getRequestedFor(urlPathEqualTo(SPRINTS)));
    }

    @Test
    void limitStopsEarly() throws Exception {
        stubUrl(SPRINTS + "?startAt=0&maxResults=2", page(0, 2, 3, false, sprint(37, "Checkout 12", "active"),
                sprint(38, "Checkout 13", "future")));
        start(Flavor.CLOUD);

        List<JiraSprint> found = sprints(send(uri(Flavor.CLOUD, "sprint/list", "boardId=84&pageSize=50&limit=2"),
                null, Map.of()));

        assertThat(found).hasSize(2);
        jira.verify(1, getRequestedFor(urlPathEqualTo(SPRINTS)));
    }

    @Test
    void aBoardIsNeeded() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "sprint/list", "sprintState=active"), null, Map.of());

        assertRefusedLocally(ex, "sprint/list", "'boardId'", JiraSpokeConstants.BOARD_ID);
    }
}
