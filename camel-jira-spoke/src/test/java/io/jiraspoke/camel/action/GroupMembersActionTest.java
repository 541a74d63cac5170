package io.jiraspoke.camel.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * group/members: {@code GET /rest/api/{3|2}/group/member}, startAt paging over {@code values}. Cloud answers at most
 * 50 members a page whatever is asked, so paging follows what came, not what was asked for.
 */
class GroupMembersActionTest extends ActionTestSupport {

    private static final String GROUP = "9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718";

    private static String member(int i) {
        return "{\"self\":\"https://example.atlassian.net/rest/api/3/user?accountId=5b10a2844c2016570000" + i
               + "\",\"accountId\":\"5b10a2844c2016570000" + i + "\",\"accountType\":\"atlassian\","
               + "\"displayName\":\"Member " + i + "\",\"active\":true}";
    }

    private static String page(int startAt, int from, int to, int total, boolean isLast) {
        List<String> members = new ArrayList<>();
        for (int i = from; i < to; i++) {
            members.add(member(i));
        }
        return "{\"maxResults\":50,\"startAt\":" + startAt + ",\"total\":" + total + ",\"isLast\":" + isLast
               + ",\"values\":[" + String.join(",", members) + "]}";
    }

    @SuppressWarnings("unchecked")
    private static List<JiraUser> users(Exchange ex) {
        assertThat(ex.getException()).as("exchange exception").isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void cloudPagesOfFiftyAreFollowedFromWhereTheyEnd() throws Exception {
        String base = "/rest/api/3/group/member?groupId=" + GROUP + "&includeInactiveUsers=true";
        jira.stubFor(get(urlEqualTo(base + "&startAt=0&maxResults=100")).willReturn(okJson(page(0, 0, 50, 60, false))));
        jira.stubFor(get(urlEqualTo(base + "&startAt=50&maxResults=100")).willReturn(okJson(page(50, 50, 60, 60,
                true))));
        start(Flavor.CLOUD);

        List<JiraUser> found = users(send(uri(Flavor.CLOUD, "group/members", "groupId=" + GROUP), null,
                Map.of(JiraSpokeConstants.INCLUDE_INACTIVE, true)));

        assertThat(found).hasSize(60);
        assertThat(found.get(59).getDisplayName()).isEqualTo("Member 59");
        jira.verify(2, getRequestedFor(urlPathEqualTo("/rest/api/3/group/member")));
    }

    @Test
    void dataCenterListsByGroupNameWithJirasDefaultForInactiveUsers() throws Exception {
        String path = "/rest/api/2/group/member?groupname=payments-oncall&startAt=0&maxResults=100";
        jira.stubFor(get(urlEqualTo(path)).willReturn(okJson(json("dc-group-members.json"))));
        start(Flavor.DC);

        List<JiraUser> found = users(send(uri(Flavor.DC, "group/members", "groupName=payments-oncall"), null,
                Map.of()));

        assertThat(found).extracting(JiraUser::getName).containsExactly("ghopper", "jgross");
        assertThat(found).extracting(JiraUser::getDisplayName).containsExactly("Grace Hopper", "Jürgen Groß");
        jira.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void dataCenterRefusesAGroupId() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "group/members", "groupId=" + GROUP), null, Map.of());

        assertRefusedLocally(ex, "group/members", "by name only", "'groupName'");
    }
}
