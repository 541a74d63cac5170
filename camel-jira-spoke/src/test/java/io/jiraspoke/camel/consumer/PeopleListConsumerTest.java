package io.jiraspoke.camel.consumer;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraGroup;
import io.jiraspoke.camel.model.JiraSprint;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list consumers of the sprint, user and group families: each feeds the generic list consumer with the pages its
 * producer reads, follows items by id (or by self, or name, where Jira sends no id), and sets the headers that let a
 * route act on each item. Polls are triggered by hand ({@code startScheduler=false}, then {@code consumer().run()}).
 */
class PeopleListConsumerTest extends JiraSpokeTestSupport {

    private static final String SPRINTS = "/rest/agile/1.0/board/84/sprint";

    private void startPolling(String connection, JiraSpokeConnection settings, String uri) throws Exception {
        start(Map.of(connection, settings), new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("?") ? "&" : "?") + "connection=" + connection + "&startScheduler=false")
                        .routeId("poller").to("mock:out");
            }
        });
    }

    private void poll() {
        ((ListConsumer<?>) context.getRoute("poller").getConsumer()).run();
    }

    private List<Exchange> received() {
        return context.getEndpoint("mock:out", MockEndpoint.class).getReceivedExchanges();
    }

    private String startFailureOf(JiraSpokeConnection settings, String uri) {
        return startFailure(Map.of("jira", settings), new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&connection=jira").to("mock:out");
            }
        });
    }

    private void serveSprints(String closedOrActive, String lastName) {
        jira.stubFor(get(urlEqualTo(SPRINTS + "?startAt=0&maxResults=100&state=active%2Cclosed")).willReturn(okJson("""
                {"maxResults":100,"startAt":0,"isLast":true,"values":[
                 {"id":37,"self":"https://example.atlassian.net/rest/agile/1.0/sprint/37","state":"%s","name":"Sprint",
                  "originBoardId":84},
                 {"id":"38","self":"https://example.atlassian.net/rest/agile/1.0/sprint/38","state":"active","name":"Sprint",
                  "originBoardId":84},
                 {"self":"https://example.atlassian.net/rest/agile/1.0/sprint/39","state":"closed","name":"%s"}]}"""
                .formatted(closedOrActive, lastName))));
    }

    @Test
    void sprintListEmitsChangedSprintsWithTheirIdAndBoard() throws Exception {
        serveSprints("active", "Sprint Ω");
        startPolling("cloud", cloud(), "jiraspoke:sprint/list?boardId=84&sprintState=active,closed&emit=changed"
                                       + "&startFrom=beginning");

        poll();
        // sprint 37 closes; the one without an id is renamed
        serveSprints("closed", "Sprint Ω (renamed)");
        poll();
        poll();

        assertThat(received()).extracting(e -> e.getMessage().getBody(JiraSprint.class).getName())
                .containsExactly("Sprint", "Sprint", "Sprint Ω", "Sprint", "Sprint Ω (renamed)");
        Exchange closed = received().get(3);
        assertThat(closed.getMessage().getBody(JiraSprint.class).getState()).isEqualTo("closed");
        assertThat(closed.getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("37");
        assertThat(closed.getMessage().getHeader(JiraSpokeConstants.BOARD_ID)).isEqualTo("84");
        assertThat(received().get(1).getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("38");
        assertThat(received().get(4).getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isNull();
    }

    @Test
    void sprintListRefusesToStartWithoutABoardOrWithAStateJiraDoesNotHave() {
        String noBoard = startFailureOf(cloud(), "jiraspoke:sprint/list?sprintState=active");
        String badBoard = startFailureOf(cloud(), "jiraspoke:sprint/list?boardId=scrum");
        String badState = startFailureOf(cloud(), "jiraspoke:sprint/list?boardId=84&sprintState=open");

        assertThat(noBoard).contains(JiraSpokeConfigurationException.class.getName()).contains("'boardId'");
        assertThat(badBoard).contains("'boardId'", "a number");
        assertThat(badState).contains("'sprintState'", "'open'");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    @Test
    void userListEmitsEveryUserWithTheIdToActOn() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/3/users/search?startAt=0&maxResults=100")).willReturn(okJson("""
                [{"accountId":"5b10a2844c20165700ede21g","accountType":"atlassian","displayName":"Grace Hopper","active":true},
                 {"accountId":"712020:0e3a6f1b","accountType":"atlassian","displayName":"Grace Hopper","active":true},
                 {"self":"https://example.atlassian.net/rest/api/3/user?accountId=unknown","displayName":"Former user"}]""")));
        jira.stubFor(get(urlEqualTo("/rest/api/3/users/search?startAt=3&maxResults=100")).willReturn(okJson("[]")));
        startPolling("cloud", cloud(), "jiraspoke:user/list");

        poll();

        assertThat(received()).extracting(e -> e.getMessage().getHeader(JiraSpokeConstants.USER))
                .containsExactly("5b10a2844c20165700ede21g", "712020:0e3a6f1b", null);
        assertThat(received().get(2).getMessage().getBody(JiraUser.class).getDisplayName()).isEqualTo("Former user");
    }

    @Test
    void userSearchConsumesTheSpokesApiOnDataCenterAndTheExtensionOnCloud() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/2/user/search?startAt=0&maxResults=100&username=gr"))
                .willReturn(okJson(json("dc-users-search.json"))));
        jira.stubFor(get(urlEqualTo("/rest/api/2/user/search?startAt=2&maxResults=100&username=gr"))
                .willReturn(okJson("[]")));
        jira.stubFor(get(urlEqualTo("/rest/api/3/user/search?startAt=0&maxResults=100&query=gr"))
                .willReturn(okJson(json("cloud-users-search.json"))));
        jira.stubFor(get(urlEqualTo("/rest/api/3/user/search?startAt=2&maxResults=100&query=gr"))
                .willReturn(okJson("[]")));
        start(Map.of("cloud", cloud(), "dc", server()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:user/search?connection=dc&query=gr&startScheduler=false").routeId("dc").to("mock:dc");
                from("jiraspoke:user/search?connection=cloud&query=gr&startScheduler=false").routeId("cloud")
                        .to("mock:cloud");
            }
        });

        ((ListConsumer<?>) context.getRoute("dc").getConsumer()).run();
        ((ListConsumer<?>) context.getRoute("cloud").getConsumer()).run();

        assertThat(context.getEndpoint("mock:dc", MockEndpoint.class).getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(JiraSpokeConstants.USER)).containsExactly("ghopper", "jgross");
        assertThat(context.getEndpoint("mock:cloud", MockEndpoint.class).getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader(JiraSpokeConstants.USER))
                .containsExactly("712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f", "5b10a2844c20165700ede21g");
    }

    @Test
    void userSearchRefusesToStartWithoutAQueryOrAskingCloudForInactiveUsers() {
        String noQuery = startFailureOf(server(), "jiraspoke:user/search?includeInactive=true");
        String inactiveOnCloud = startFailureOf(cloud(), "jiraspoke:user/search?query=gr&includeInactive=true");

        assertThat(noQuery).contains("Consumer jiraspoke:user/search needs option 'query'");
        assertThat(inactiveOnCloud).contains("finds active users only", "'includeInactive'");
    }

    @Test
    void groupListFollowsCloudGroupsByIdSoThatARenameIsAChange() throws Exception {
        String bulk = "/rest/api/3/group/bulk?startAt=0&maxResults=100";
        jira.stubFor(get(urlEqualTo(bulk)).willReturn(okJson(json("cloud-groups-bulk.json"))));
        startPolling("cloud", cloud(), "jiraspoke:group/list?emit=changed&startFrom=beginning");

        poll();
        jira.stubFor(get(urlEqualTo(bulk)).willReturn(okJson(json("cloud-groups-bulk.json")
                .replace("\"payments-oncall\"", "\"payments-on-call\""))));
        poll();

        assertThat(received()).extracting(e -> e.getMessage().getBody(JiraGroup.class).getName())
                .containsExactly("jira-software-users", "Zahlungsverkehr Köln", "payments-oncall", "payments-on-call");
        assertThat(received().get(3).getMessage().getHeader(JiraSpokeConstants.GROUP_ID))
                .isEqualTo("9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718");
        assertThat(received().get(3).getMessage().getHeader(JiraSpokeConstants.GROUP_NAME))
                .isEqualTo("payments-on-call");
    }

    @Test
    void groupListOnDataCenterReadsThePickerEachPoll() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/2/groups/picker?maxResults=1000"))
                .willReturn(okJson(json("dc-groups-picker.json"))));
        startPolling("dc", server(), "jiraspoke:group/list");

        poll();
        poll();

        assertThat(received()).extracting(e -> e.getMessage().getHeader(JiraSpokeConstants.GROUP_NAME))
                .containsExactly("jira-software-users", "payments-oncall", "Zahlungsverkehr Köln",
                        "jira-software-users", "payments-oncall", "Zahlungsverkehr Köln");
        assertThat(received()).allSatisfy(e -> assertThat(e.getMessage().getHeaders())
                .doesNotContainKey(JiraSpokeConstants.GROUP_ID));
        jira.verify(2, getRequestedFor(urlPathEqualTo("/rest/api/2/groups/picker")));
    }

    @Test
    void groupMembersEmitsNewMembersWithTheGroupTheyJoined() throws Exception {
        String members = "/rest/api/3/group/member?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718&startAt=0"
                         + "&maxResults=100";
        String one = json("cloud-group-members.json").replaceFirst("(?s),\\s*\\{\"self\"[^{]*5b10a2844c20165700ede21g"
                                                                   + ".*?}\\s*]", "]");
        jira.stubFor(get(urlEqualTo(members)).willReturn(okJson(one)));
        // emit=changed from now: the members at start are the baseline
        startPolling("cloud", cloud(), "jiraspoke:group/members?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718"
                                       + "&emit=changed");

        poll();
        jira.stubFor(get(urlEqualTo(members)).willReturn(okJson(json("cloud-group-members.json"))));
        poll();

        assertThat(received()).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getBody(JiraUser.class).getDisplayName()).isEqualTo("Jürgen Groß");
            assertThat(e.getMessage().getHeader(JiraSpokeConstants.USER)).isEqualTo("5b10a2844c20165700ede21g");
            assertThat(e.getMessage().getHeader(JiraSpokeConstants.GROUP_ID))
                    .isEqualTo("9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718");
        });
    }

    @Test
    void groupMembersRefusesToStartWithoutAGroupOrWithAnIdOnDataCenter() {
        String noGroup = startFailureOf(cloud(), "jiraspoke:group/members?includeInactive=true");
        String idOnDataCenter = startFailureOf(server(), "jiraspoke:group/members?groupId=9b2a7c1e");

        assertThat(noGroup).contains("Consumer jiraspoke:group/members needs a group", "'groupName'");
        assertThat(idOnDataCenter).contains("by name only", "'groupName'", "'groupId'");
    }
}
