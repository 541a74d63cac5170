package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * project/assignableUsers: {@code GET /rest/api/{3|2}/user/assignable/multiProjectSearch}, bare arrays of the
 * window's users that Jira found assignable: short pages go on, an empty one ends the walk.
 */
class ProjectAssignableUsersActionTest extends ActionTestSupport {

    private static final String PATH = "/user/assignable/multiProjectSearch";

    static String cloudUser(String accountId, String name) {
        return """
                {"self":"https://example.atlassian.net/rest/api/3/user?accountId=%1$s","accountId":"%1$s",
                 "accountType":"atlassian","displayName":"%2$s","active":true,"timeZone":"Europe/Berlin"}"""
                .formatted(accountId, name);
    }

    static String dcUser(String name, String displayName) {
        return """
                {"self":"https://jira.example.com/rest/api/2/user?username=%1$s","key":"JIRAUSER-%1$s",
                 "name":"%1$s","emailAddress":"%1$s@example.com","displayName":"%2$s","active":true}"""
                .formatted(name, displayName);
    }

    private void stubWindow(Flavor f, int startAt, String... users) {
        jira.stubFor(get(urlPathEqualTo(f.api + PATH)).withQueryParam("startAt", equalTo(String.valueOf(startAt)))
                .willReturn(okJson("[" + String.join(",", users) + "]")));
    }

    private static List<JiraUser> users(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        @SuppressWarnings("unchecked")
        List<JiraUser> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudGoesOnAfterShortWindowsAndMovesByTheWholeWindow() throws Exception {
        // three users looked at per window; Jira answers only those assignable to both projects
        stubWindow(Flavor.CLOUD, 0, cloudUser("5b10a2844c20165700ede21g", "Mia Krystof"));
        stubWindow(Flavor.CLOUD, 3, cloudUser("5b10ac8d82e05b22cc7d4ef5", "Emma Richards"),
                cloudUser("712020:0e4b2c1a-8f3d-4b6e-9a1c-2d3e4f5a6b7c", "Jürgen Größe"));
        stubWindow(Flavor.CLOUD, 6);
        start(Flavor.CLOUD);

        List<JiraUser> list = users(send(uri(Flavor.CLOUD, "project/assignableUsers",
                "projectKey=RAW(PROJ, SUP)&userQuery=RAW(j ü)&pageSize=3"), null, Map.of()));

        assertThat(list).extracting(JiraUser::getId).containsExactly("5b10a2844c20165700ede21g",
                "5b10ac8d82e05b22cc7d4ef5", "712020:0e4b2c1a-8f3d-4b6e-9a1c-2d3e4f5a6b7c");
        assertThat(list.get(2).getDisplayName()).isEqualTo("Jürgen Größe");
        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3" + PATH)));
        assertThat(sent).extracting(r -> r.queryParameter("startAt").firstValue()).containsExactly("0", "3", "6");
        for (LoggedRequest r : sent) {
            assertThat(r.queryParameter("projectKeys").firstValue()).isEqualTo("PROJ,SUP");
            assertThat(r.queryParameter("query").firstValue()).isEqualTo("j ü");
            assertThat(r.queryParameter("maxResults").firstValue()).isEqualTo("3");
            assertThat(r.queryParameter("username").isPresent()).isFalse();
        }
    }

    @Test
    void dataCenterFindsUsersByUsername() throws Exception {
        stubWindow(Flavor.DC, 0, dcUser("alovelace", "Ada Lovelace"), dcUser("ghopper", "Grace Hopper"));
        stubWindow(Flavor.DC, 2);
        start(Flavor.DC);

        List<JiraUser> list = users(send(uri(Flavor.DC, "project/assignableUsers", "pageSize=2"), null,
                Map.of(JiraSpokeConstants.PROJECT_KEY, "PROJ", JiraSpokeConstants.USER_QUERY, "a")));

        assertThat(list).extracting(JiraUser::getId).containsExactly("alovelace", "ghopper");
        assertThat(list.get(0).getEmailAddress()).isEqualTo("alovelace@example.com");
        assertThat(list.get(0).getAccountId()).isNull();
        jira.verify(2, getRequestedFor(urlPathEqualTo("/rest/api/2" + PATH)).withQueryParam("projectKeys",
                equalTo("PROJ")).withQueryParam("username", equalTo("a")).withQueryParam("query", absent()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutAUserQueryNoneIsSentAndTheLimitEndsTheWalk(Flavor f) throws Exception {
        String u1 = f == Flavor.CLOUD ? cloudUser("a-1", "One") : dcUser("one", "One");
        String u2 = f == Flavor.CLOUD ? cloudUser("a-2", "Two") : dcUser("two", "Two");
        stubWindow(f, 0, u1);
        stubWindow(f, 2, u2);
        start(f);

        List<JiraUser> list = users(send(uri(f, "project/assignableUsers", "projectKey=PROJ&pageSize=2&limit=2"),
                null, Map.of()));

        assertThat(list).hasSize(2);
        jira.verify(2, getRequestedFor(urlPathEqualTo(f.api + PATH)).withQueryParam("query", absent())
                .withQueryParam("username", absent()));
        // the second window asked only for what the limit left
        jira.verify(1, getRequestedFor(urlPathEqualTo(f.api + PATH)).withQueryParam("startAt", equalTo("2"))
                .withQueryParam("maxResults", equalTo("1")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anEmptyFirstWindowIsAnEmptyList(Flavor f) throws Exception {
        stubWindow(f, 0);
        start(f);

        assertThat(users(send(uri(f, "project/assignableUsers", "projectKey=PROJ"), null, Map.of()))).isEmpty();
        jira.verify(1, getRequestedFor(urlPathEqualTo(f.api + PATH)));
    }
}
