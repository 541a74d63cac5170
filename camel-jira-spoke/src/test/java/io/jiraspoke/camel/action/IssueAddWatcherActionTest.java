package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/addWatcher: {@code POST /rest/api/{3|2}/issue/{key}/watchers} whose body is the user's id as a bare JSON
 * string ({@code "5b10.."}), not an object.
 */
class IssueAddWatcherActionTest extends ActionTestSupport {

    private LoggedRequest added(Flavor f) {
        List<LoggedRequest> posts = jira.findAll(postRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/watchers")));
        assertThat(posts).hasSize(1);
        return posts.get(0);
    }

    @Test
    void cloudSendsTheAccountIdAsABareJsonString() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/3/issue/PROJ-123/watchers")).willReturn(noContent()));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addWatcher", "issueKey=PROJ-123&watcher=5b10ac8d82e05b22cc7d4ef5"),
                Map.of("kept", true), Map.of());

        assertThat(ex.getException()).isNull();
        LoggedRequest r = added(Flavor.CLOUD);
        assertThat(r.getBodyAsString()).isEqualTo("\"5b10ac8d82e05b22cc7d4ef5\"");
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        assertThat(ex.getMessage().getBody()).isEqualTo(Map.of("kept", true));
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
    }

    @Test
    void dataCenterSendsTheUserNameAsABareJsonStringEscapedAsJson() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/2/issue/PROJ-123/watchers")).willReturn(noContent()));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/addWatcher", "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.WATCHER, "jgrösse\"x"));

        assertThat(ex.getException()).isNull();
        assertThat(added(Flavor.DC).getBodyAsString()).isEqualTo("\"jgrösse\\\"x\"");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anAddressIsLookedUpFirst(Flavor f) throws Exception {
        jira.stubFor(post(urlEqualTo(f.api + "/issue/PROJ-123/watchers")).willReturn(noContent()));
        jira.stubFor(get(urlPathEqualTo(f.api + "/user/search")).willReturn(okJson("["
                + (f == Flavor.CLOUD ? IssueAssignActionTest.CLOUD_ADA_VISIBLE : IssueAssignActionTest.DC_ADA) + "]")));
        start(f);

        Exchange ex = send(uri(f, "issue/addWatcher", "issueKey=PROJ-123&watcher=ada@example.com"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(added(f).getBodyAsString())
                .isEqualTo(f == Flavor.CLOUD ? "\"5b10ac8d82e05b22cc7d4ef5\"" : "\"alovelace\"");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anAddressNobodyHasAddsNoWatcher(Flavor f) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/user/search")).willReturn(okJson("[]")));
        start(f);

        Exchange ex = send(uri(f, "issue/addWatcher", "issueKey=PROJ-123&watcher=nobody@example.com"), null, Map.of());

        assertThat(failure(ex, io.jiraspoke.camel.error.JiraSpokeInputException.class).getMessage())
                .contains("issue/addWatcher", "nobody@example.com", "'watcher'", JiraSpokeConstants.WATCHER);
        jira.verify(0, postRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutAWatcherNothingIsSent(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/addWatcher", "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.WATCHER, "  "));

        assertRefusedLocally(ex, "issue/addWatcher of PROJ-123 needs the user", "'watcher'", JiraSpokeConstants.WATCHER);
    }
}
