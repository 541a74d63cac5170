package io.jiraspoke.camel.action;

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
 * user/search: Data Center {@code GET /rest/api/2/user/search?username=} (the spoke's action) and, as the
 * component's extension, Cloud {@code GET /rest/api/3/user/search?query=}; both bare arrays paged by startAt.
 */
class UserSearchActionTest extends ActionTestSupport {

    @SuppressWarnings("unchecked")
    private static List<JiraUser> users(Exchange ex) {
        assertThat(ex.getException()).as("exchange exception").isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void dataCenterSearchesByUsernameWithInactiveUsersWhenAsked() throws Exception {
        String search = "/rest/api/2/user/search";
        jira.stubFor(get(urlEqualTo(search + "?startAt=0&maxResults=100&username=gro%C3%9F&includeInactive=true"))
                .willReturn(okJson(json("dc-users-search.json"))));
        jira.stubFor(get(urlEqualTo(search + "?startAt=2&maxResults=100&username=gro%C3%9F&includeInactive=true"))
                .willReturn(okJson("[]")));
        start(Flavor.DC);

        List<JiraUser> found = users(send(uri(Flavor.DC, "user/search", "query=ada&includeInactive=false"), null,
                Map.of(JiraSpokeConstants.QUERY, "groß", JiraSpokeConstants.INCLUDE_INACTIVE, "true")));

        assertThat(found).extracting(JiraUser::getName).containsExactly("ghopper", "jgross");
        assertThat(found).extracting(JiraUser::getKey).containsExactly("JIRAUSER10517", "JIRAUSER10204");
        assertThat(found.get(1).isActive()).isFalse();
        jira.verify(2, getRequestedFor(urlPathEqualTo(search)));
    }

    @Test
    void cloudSearchesByQueryAndPagesUntilEmpty() throws Exception {
        String search = "/rest/api/3/user/search";
        jira.stubFor(get(urlEqualTo(search + "?startAt=0&maxResults=2&query=grace%20hopper%40example.com"))
                .willReturn(okJson(json("cloud-users-search.json"))));
        jira.stubFor(get(urlEqualTo(search + "?startAt=2&maxResults=2&query=grace%20hopper%40example.com"))
                .willReturn(okJson("[]")));
        start(Flavor.CLOUD);

        List<JiraUser> found = users(send(uri(Flavor.CLOUD, "user/search",
                "query=RAW(grace hopper@example.com)&pageSize=2"), null, Map.of()));

        assertThat(found).extracting(JiraUser::getAccountId).containsExactly(
                "712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f", "5b10a2844c20165700ede21g");
        assertThat(found).extracting(JiraUser::getName).containsOnlyNulls();
        jira.verify(2, getRequestedFor(urlPathEqualTo(search)));
    }

    @Test
    void cloudRefusesInactiveUsersItCannotFind() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "user/search", "query=grace&includeInactive=true"), null, Map.of());

        assertRefusedLocally(ex, "user/search on Jira Cloud finds active users only", "'includeInactive'");
    }

    @Test
    void aBlankQueryIsRefusedOnBoth() throws Exception {
        start(Map.of("cloud", cloud(), "dc", server()));

        for (Flavor f : Flavor.values()) {
            Exchange ex = send(uri(f, "user/search", ""), null, Map.of(JiraSpokeConstants.QUERY, " "));

            assertRefusedLocally(ex, "user/search", "'query'", JiraSpokeConstants.QUERY);
        }
    }
}
