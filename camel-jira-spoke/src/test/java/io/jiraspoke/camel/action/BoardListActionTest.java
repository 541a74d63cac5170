package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraBoard;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * board/list: {@code GET /rest/agile/1.0/board}, the same resource on Cloud and Data Center, paged by startAt over
 * {@code values} until {@code isLast} or {@code total}. Stubs match the exact URL of each page, so a request with a
 * wrong parameter finds no answer and fails the exchange.
 */
class BoardListActionTest extends ActionTestSupport {

    private static final String BOARD = "/rest/agile/1.0/board";
    private static final String CLOUD_SITE = "https://your-domain.atlassian.net";
    private static final String DC_SITE = "https://jira.example.com";

    /** A board located in a project, as Cloud (and Data Center 8.x and later) answer it. */
    private static String board(String site, int id, String name, String type, int projectId, String key,
                                String project) {
        return """
                {"id":%2$d,"self":"%1$s/rest/agile/1.0/board/%2$d","name":"%3$s","type":"%4$s",
                 "location":{"projectId":%5$d,"displayName":"%7$s (%6$s)","projectName":"%7$s","projectKey":"%6$s",
                             "projectTypeKey":"software",
                             "avatarURI":"%1$s/rest/api/2/universal_avatar/view/type/project/avatar/10324?size=small",
                             "name":"%7$s (%6$s)"}}""".formatted(site, id, name, type, projectId, key, project);
    }

    /** A board without location, as older Data Center versions and boards of a deleted project answer it. */
    private static String bareBoard(String site, int id, String name, String type) {
        return """
                {"id":%2$d,"self":"%1$s/rest/agile/1.0/board/%2$d","name":"%3$s","type":"%4$s"}"""
                .formatted(site, id, name, type);
    }

    private static String page(int startAt, int maxResults, Integer total, Boolean isLast, String... boards) {
        return "{\"maxResults\":" + maxResults + ",\"startAt\":" + startAt
               + (total == null ? "" : ",\"total\":" + total) + (isLast == null ? "" : ",\"isLast\":" + isLast)
               + ",\"values\":[" + String.join(",", boards) + "]}";
    }

    private static String site(Flavor f) {
        return f == Flavor.CLOUD ? CLOUD_SITE : DC_SITE;
    }

    /** Five boards of project ALP. */
    private static String[] five(Flavor f) {
        String s = site(f);
        return new String[] {
                board(s, 84, "scrum board", "scrum", 10040, "ALP", "Alpha"),
                board(s, 92, "kanban board", "kanban", 10040, "ALP", "Alpha"),
                board(s, 93, "Alpha team", "scrum", 10040, "ALP", "Alpha"),
                board(s, 101, "Ops", "kanban", 10040, "ALP", "Alpha"),
                board(s, 117, "Alpha simple", "simple", 10040, "ALP", "Alpha") };
    }

    private void stubUrl(String pathAndQuery, String body) {
        jira.stubFor(get(urlEqualTo(pathAndQuery)).willReturn(okJson(body)));
    }

    private List<LoggedRequest> boardRequests() {
        return jira.findAll(getRequestedFor(urlPathEqualTo(BOARD)));
    }

    @SuppressWarnings("unchecked")
    private static List<JiraBoard> boards(Exchange ex) {
        assertThat(ex.getException()).as("exchange exception").isNull();
        return ex.getMessage().getBody(List.class);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutOptionsOnlyPagingIsSent(Flavor f) throws Exception {
        String[] b = five(f);
        stubUrl(BOARD + "?startAt=0&maxResults=100", page(0, 50, 2, true, b[0], b[1]));
        start(f);

        List<JiraBoard> found = boards(send(uri(f, "board/list", ""), null, Map.of()));

        assertThat(found).extracting(JiraBoard::getId).containsExactly("84", "92");
        assertThat(boardRequests()).singleElement()
                .satisfies(r -> assertThat(r.getQueryParams().keySet()).containsExactlyInAnyOrder("startAt",
                        "maxResults"));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void optionsAreSentAsProjectKeyOrIdTypeAndName(Flavor f) throws Exception {
        String[] b = five(f);
        jira.stubFor(get(urlPathEqualTo(BOARD)).withQueryParam("startAt", equalTo("0"))
                .withQueryParam("maxResults", equalTo("100")).withQueryParam("projectKeyOrId", equalTo("ALP"))
                .withQueryParam("type", equalTo("scrum")).withQueryParam("name", equalTo("Alpha & Beta + team"))
                .willReturn(okJson(page(0, 50, 1, true, b[2]))));
        start(f);

        // '&' and '+' in the name must reach Jira as text, not split or turn the query into something else
        List<JiraBoard> found = boards(send(uri(f, "board/list",
                "projectKey=ALP&boardType=scrum&boardName=RAW(Alpha & Beta + team)"), null, Map.of()));

        assertThat(found).extracting(JiraBoard::getName).containsExactly("Alpha team");
        assertThat(boardRequests()).singleElement()
                .satisfies(r -> assertThat(r.getQueryParams().keySet()).containsExactlyInAnyOrder("startAt",
                        "maxResults", "projectKeyOrId", "type", "name"));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideTheOptions(Flavor f) throws Exception {
        String[] b = five(f);
        stubUrl(BOARD + "?startAt=0&maxResults=100&projectKeyOrId=10040&type=kanban&name=Ops",
                page(0, 50, 1, true, b[3]));
        start(f);

        List<JiraBoard> found = boards(send(uri(f, "board/list", "projectKey=OLD&boardType=scrum&boardName=Old"),
                null, Map.of(
                        JiraSpokeConstants.PROJECT_KEY, "10040",
                        JiraSpokeConstants.BOARD_TYPE, "kanban",
                        JiraSpokeConstants.BOARD_NAME, "Ops")));

        assertThat(found).extracting(JiraBoard::getId).containsExactly("101");
        assertThat(boardRequests()).hasSize(1);
    }

    @Test
    void cloudPagesByStartAtUntilIsLast() throws Exception {
        String[] b = five(Flavor.CLOUD);
        stubUrl(BOARD + "?startAt=0&maxResults=2", page(0, 2, 5, false, b[0], b[1]));
        stubUrl(BOARD + "?startAt=2&maxResults=2", page(2, 2, 5, false, b[2], b[3]));
        // total still counts a board the caller may not see; isLast is what ends the walk here
        stubUrl(BOARD + "?startAt=4&maxResults=2", page(4, 2, 6, true, b[4]));
        start(Flavor.CLOUD);

        List<JiraBoard> found = boards(send(uri(Flavor.CLOUD, "board/list", "pageSize=2"), null, Map.of()));

        assertThat(found).extracting(JiraBoard::getId).containsExactly("84", "92", "93", "101", "117");
        assertThat(boardRequests()).extracting(LoggedRequest::getUrl).containsExactly(
                BOARD + "?startAt=0&maxResults=2", BOARD + "?startAt=2&maxResults=2",
                BOARD + "?startAt=4&maxResults=2");
    }

    @Test
    void dataCenterCapsThePageSizeAndTotalEndsTheWalkWithoutIsLast() throws Exception {
        String[] b = five(Flavor.DC);
        // asked for 3, Jira answers 2 per page: the next page starts after what came, not after what was asked
        stubUrl(BOARD + "?startAt=0&maxResults=3", page(0, 2, 5, null, b[0], b[1]));
        stubUrl(BOARD + "?startAt=2&maxResults=3", page(2, 2, 5, null, b[2], b[3]));
        stubUrl(BOARD + "?startAt=4&maxResults=3", page(4, 2, 5, null, b[4]));
        start(Flavor.DC);

        List<JiraBoard> found = boards(send(uri(Flavor.DC, "board/list", "pageSize=3"), null, Map.of()));

        assertThat(found).extracting(JiraBoard::getId).containsExactly("84", "92", "93", "101", "117");
        assertThat(boardRequests()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void limitStopsEarlyAndAsksOnlyForWhatIsLeft(Flavor f) throws Exception {
        String[] b = five(f);
        stubUrl(BOARD + "?startAt=0&maxResults=2", page(0, 2, 5, false, b[0], b[1]));
        stubUrl(BOARD + "?startAt=2&maxResults=1", page(2, 1, 5, false, b[2]));
        start(f);

        List<JiraBoard> found = boards(send(uri(f, "board/list", "pageSize=2&limit=3"), null, Map.of()));

        assertThat(found).extracting(JiraBoard::getId).containsExactly("84", "92", "93");
        // the second page said there were more: the limit, not the end of the list, stopped the walk
        assertThat(boardRequests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void iteratorFetchesTheNextPageOnlyWhenItIsReached(Flavor f) throws Exception {
        String[] b = five(f);
        stubUrl(BOARD + "?startAt=0&maxResults=2", page(0, 2, 5, false, b[0], b[1]));
        stubUrl(BOARD + "?startAt=2&maxResults=2", page(2, 2, 5, false, b[2], b[3]));
        stubUrl(BOARD + "?startAt=4&maxResults=2", page(4, 2, 5, true, b[4]));
        start(f);

        Exchange ex = send(uri(f, "board/list", "pageSize=2&outputType=iterator"), null, Map.of());

        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<JiraBoard> it = ex.getMessage().getBody(Iterator.class);
        assertThat(boardRequests()).hasSizeLessThanOrEqualTo(1);
        assertThat(it.next().getId()).isEqualTo("84");
        assertThat(it.next().getId()).isEqualTo("92");
        assertThat(boardRequests()).as("requests while reading the first page").hasSize(1);
        assertThat(it.hasNext()).isTrue();
        assertThat(boardRequests()).as("requests once the first page is read").hasSize(2);
        assertThat(it.next().getId()).isEqualTo("93");
        assertThat(it.next().getId()).isEqualTo("101");
        assertThat(boardRequests()).hasSize(2);
        assertThat(it.next().getId()).isEqualTo("117");
        assertThat(it.hasNext()).isFalse();
        assertThat(boardRequests()).hasSize(3);
    }

    @Test
    void cloudBoardGetters() throws Exception {
        String scrum = board(CLOUD_SITE, 84, "scrum board", "scrum", 10040, "ALP", "Alpha");
        // a board located in a user's space, not in a project
        String personal = """
                {"id":118,"self":"%s/rest/agile/1.0/board/118","name":"My board","type":"kanban",
                 "location":{"userId":10012,"userAccountId":"5b10a2844c20165700ede21g","displayName":"Mia Krystof",
                             "name":"Mia Krystof"}}""".formatted(CLOUD_SITE);
        stubUrl(BOARD + "?startAt=0&maxResults=100", page(0, 50, 2, true, scrum, personal));
        start(Flavor.CLOUD);

        List<JiraBoard> found = boards(send(uri(Flavor.CLOUD, "board/list", ""), null, Map.of()));

        JiraBoard first = found.get(0);
        assertThat(first.getId()).as("the number 84 as text").isEqualTo("84");
        assertThat(first.getName()).isEqualTo("scrum board");
        assertThat(first.getType()).isEqualTo("scrum");
        assertThat(first.getProjectKey()).isEqualTo("ALP");
        assertThat(first.getSelf()).isEqualTo(CLOUD_SITE + "/rest/agile/1.0/board/84");
        assertThat(first.getRaw()).isEqualTo(tree(scrum));
        assertThat(first.getRaw().at("/location/projectId").asLong()).isEqualTo(10040L);
        assertThat(first).hasToString("JiraBoard[84, scrum board]");
        JiraBoard mine = found.get(1);
        assertThat(mine.getId()).isEqualTo("118");
        assertThat(mine.getType()).isEqualTo("kanban");
        assertThat(mine.getProjectKey()).as("located in a user, not a project").isNull();
    }

    @Test
    void dataCenterBoardWithoutLocation() throws Exception {
        String bare = bareBoard(DC_SITE, 7, "Legacy board", "kanban");
        stubUrl(BOARD + "?startAt=0&maxResults=100", page(0, 50, 1, true, bare));
        start(Flavor.DC);

        List<JiraBoard> found = boards(send(uri(Flavor.DC, "board/list", ""), null, Map.of()));

        JiraBoard only = found.get(0);
        assertThat(only.getId()).isEqualTo("7");
        assertThat(only.getName()).isEqualTo("Legacy board");
        assertThat(only.getType()).isEqualTo("kanban");
        assertThat(only.getSelf()).isEqualTo(DC_SITE + "/rest/agile/1.0/board/7");
        assertThat(only.getProjectKey()).isNull();
        assertThat(only.getRaw()).isEqualTo(tree(bare));
        jira.verify(getRequestedFor(urlPathEqualTo(BOARD)).withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void noBoardsIsAnEmptyListAfterOneRequest(Flavor f) throws Exception {
        stubUrl(BOARD + "?startAt=0&maxResults=100&projectKeyOrId=EMPTY", page(0, 50, 0, true));
        start(f);

        List<JiraBoard> found = boards(send(uri(f, "board/list", "projectKey=EMPTY"), null, Map.of()));

        assertThat(found).isEmpty();
        assertThat(boardRequests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void noBoardsIsAnEmptyIterator(Flavor f) throws Exception {
        stubUrl(BOARD + "?startAt=0&maxResults=100", page(0, 50, 0, true));
        start(f);

        Exchange ex = send(uri(f, "board/list", "outputType=iterator"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(Iterator.class).hasNext()).isFalse();
        assertThat(boardRequests()).hasSize(1);
    }
}
