package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/removeWatcher: {@code DELETE /rest/api/{3|2}/issue/{key}/watchers?accountId=} (Cloud) or {@code ?username=}. */
class IssueRemoveWatcherActionTest extends ActionTestSupport {

    @Test
    void cloudNamesTheAccountIdInTheQuery() throws Exception {
        String path = "/rest/api/3/issue/PROJ-123/watchers?accountId=712020%3A5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(noContent()));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/removeWatcher", "issueKey=PROJ-123"), "kept",
                Map.of(JiraSpokeConstants.WATCHER, "712020:5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
        assertThat(jira.getAllServeEvents()).hasSize(1);
        assertThat(ex.getMessage().getBody()).isEqualTo("kept");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
    }

    @Test
    void dataCenterNamesTheUserNameInTheQuery() throws Exception {
        String path = "/rest/api/2/issue/PROJ-123/watchers?username=jgr%C3%B6sse";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(noContent()));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/removeWatcher", "issueKey=PROJ-123&watcher=jgrösse"), null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anAddressIsLookedUpFirst(Flavor f) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/user/search")).willReturn(okJson("["
                + (f == Flavor.CLOUD ? IssueAssignActionTest.CLOUD_ADA : IssueAssignActionTest.DC_ADA) + "]")));
        String path = f.api + "/issue/PROJ-123/watchers?"
                      + (f == Flavor.CLOUD ? "accountId=5b10ac8d82e05b22cc7d4ef5" : "username=alovelace");
        jira.stubFor(delete(urlEqualTo(path)).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/removeWatcher", "issueKey=PROJ-123&watcher=ada@example.com"), null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutAWatcherNothingIsSent(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/removeWatcher", "issueKey=PROJ-123"), null, Map.of());

        assertRefusedLocally(ex, "issue/removeWatcher of PROJ-123 needs the user", "'watcher'",
                JiraSpokeConstants.WATCHER);
    }
}
