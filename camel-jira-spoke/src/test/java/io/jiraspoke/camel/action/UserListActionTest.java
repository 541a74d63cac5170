package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * user/list (Cloud only): {@code GET /rest/api/3/users/search}, bare arrays paged by startAt. A page may hold fewer
 * users than asked for, so only an empty page ends the list.
 */
class UserListActionTest extends ActionTestSupport {

    private static final String USERS = "/rest/api/3/users/search";

    @SuppressWarnings("unchecked")
    private static List<JiraUser> users(Exchange ex) {
        assertThat(ex.getException()).as("exchange exception").isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void pagesAreReadUntilAnEmptyOneEvenWhenShort() throws Exception {
        jira.stubFor(get(urlEqualTo(USERS + "?startAt=0&maxResults=3")).willReturn(okJson(json("cloud-users-search.json"))));
        // app and customer accounts, a user with only self (a deleted account), duplicate display names
        jira.stubFor(get(urlEqualTo(USERS + "?startAt=2&maxResults=3")).willReturn(okJson("""
                [{"self":"https://example.atlassian.net/rest/api/3/user?accountId=557058:f58131cb-b67d-43c7-b30d-6b58d40bd077",
                  "accountId":"557058:f58131cb-b67d-43c7-b30d-6b58d40bd077","accountType":"app","displayName":"Automation for Jira",
                  "active":true},
                 {"self":"https://example.atlassian.net/rest/api/3/user?accountId=qm:1a2b3c4d","accountId":"qm:1a2b3c4d",
                  "accountType":"customer","displayName":"Grace Hopper","active":"true"},
                 {"self":"https://example.atlassian.net/rest/api/3/user?accountId=unknown","displayName":"Former user"}]""")));
        jira.stubFor(get(urlEqualTo(USERS + "?startAt=5&maxResults=3")).willReturn(okJson("[]")));
        start(Flavor.CLOUD);

        List<JiraUser> found = users(send(uri(Flavor.CLOUD, "user/list", "pageSize=3"), null, Map.of()));

        assertThat(found).extracting(JiraUser::getDisplayName).containsExactly("Grace Hopper", "Jürgen Groß",
                "Automation for Jira", "Grace Hopper", "Former user");
        assertThat(found).extracting(JiraUser::isActive).containsExactly(true, false, true, true, false);
        assertThat(found.get(4).getAccountId()).isNull();
        assertThat(found.get(4).getSelf()).endsWith("accountId=unknown");
        assertThat(found.get(1).getEmailAddress()).as("hidden by the user's privacy settings").isNull();
        jira.verify(3, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void limitStopsBeforeTheNextPage() throws Exception {
        jira.stubFor(get(urlEqualTo(USERS + "?startAt=0&maxResults=1")).willReturn(okJson(json("cloud-users-search.json")
                .replaceFirst("(?s),\\s*\\{\"self\".*]", "]"))));
        start(Flavor.CLOUD);

        List<JiraUser> found = users(send(uri(Flavor.CLOUD, "user/list", "pageSize=50&limit=1"), null, Map.of()));

        assertThat(found).extracting(JiraUser::getDisplayName).containsExactly("Grace Hopper");
        jira.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }
}
