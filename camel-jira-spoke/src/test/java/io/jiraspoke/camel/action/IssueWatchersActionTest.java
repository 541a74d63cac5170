package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.model.JiraWatchers;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/watchers: {@code GET /rest/api/{3|2}/issue/{key}/watchers}. */
class IssueWatchersActionTest extends ActionTestSupport {

    private JiraWatchers watchers(Flavor f, String answer) throws Exception {
        jira.stubFor(get(urlEqualTo(f.api + "/issue/PROJ-123/watchers")).willReturn(okJson(answer)));
        start(f);
        Exchange ex = send(uri(f, "issue/watchers", "issueKey=PROJ-123"), null, Map.of());
        assertThat(ex.getException()).as("exception").isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/watchers")));
        return ex.getMessage().getBody(JiraWatchers.class);
    }

    @Test
    void cloudWatchersByAccountId() throws Exception {
        JiraWatchers w = watchers(Flavor.CLOUD, json("cloud-watchers-PROJ-123.json"));

        assertThat(w.getIsWatching()).isTrue();
        assertThat(w.getWatchCount()).isEqualTo(2);
        assertThat(w.getWatcherIds()).containsExactly("5b10a2844c20165700ede21g",
                "712020:5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b");
        assertThat(w.getWatchers()).extracting(JiraUser::getDisplayName).containsExactly("Mia Krystof", "Camel Bot");
        assertThat(w.getWatchers().get(0).getName()).isNull();
    }

    @Test
    void dataCenterWatchersByUserNameWithoutAccountIds() throws Exception {
        JiraWatchers w = watchers(Flavor.DC, json("dc-watchers-PROJ-123.json"));

        assertThat(w.getIsWatching()).isFalse();
        assertThat(w.getWatcherIds()).containsExactly("alovelace", "jgrösse");
        assertThat(w.getWatchers()).extracting(JiraUser::getAccountId).containsOnlyNulls();
        assertThat(w.getWatchers().get(1).getDisplayName()).isEqualTo("Jürgen Größe");
        assertThat(w.getWatchers().get(1).isActive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theCountIsJirasEvenWhenItListsFewerWatchers(Flavor f) throws Exception {
        // Data Center lists no watchers to a user without the View Voters and Watchers permission
        JiraWatchers w = watchers(f, "{\"isWatching\":\"true\",\"watchCount\":\"5\",\"watchers\":[]}");

        assertThat(w.getWatchCount()).isEqualTo(5);
        assertThat(w.getWatchers()).isEmpty();
        assertThat(w.getIsWatching()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutACountTheListedWatchersAreCountedAndUsersWithoutIdsHaveNone(Flavor f) throws Exception {
        JiraWatchers w = watchers(f, """
                {"watchers":[{"name":"alovelace"},{"key":"JIRAUSER3","displayName":"Deleted user"},"odd"]}""");

        assertThat(w.getWatchCount()).isEqualTo(2);
        assertThat(w.getIsWatching()).isFalse();
        assertThat(w.getWatchers()).extracting(JiraUser::getId).containsExactly("alovelace", null);
        assertThat(w.getWatcherIds()).containsExactly("alovelace");
    }
}
