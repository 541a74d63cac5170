package io.jiraspoke.camel.client;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jiraspoke.camel.error.JiraSpokeRedirectException;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer of Jira can send a request, or its credentials, to another host: a 3xx is an error naming the status
 * and the target's origin (never its query, which may carry a token), and the other host receives nothing.
 */
class RedirectTest extends JiraSpokeTestSupport {

    private static final String INFO = "/rest/api/3/serverInfo";
    private static final String CREATE = "/rest/api/3/issue";
    private static final String ISSUE = "/rest/api/3/issue/PROJ-1";
    private static final String TOKEN_IN_QUERY = "sig=SIGNED-S3CRET";

    private WireMockServer other;

    @BeforeEach
    void startOtherHost() {
        other = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        other.start();
        // whatever it is asked, the other host answers with something that would pass for success
        other.stubFor(any(anyUrl()).willReturn(okJson(json("cloud-serverInfo.json"))));
        other.stubFor(post(CREATE).willReturn(okJson("{\"id\":\"666\",\"key\":\"EVIL-1\"}").withStatus(201)));
    }

    @AfterEach
    void stopOtherHost() {
        other.stop();
    }

    private String otherUrl(String path) {
        return other.baseUrl() + path + "?" + TOKEN_IN_QUERY;
    }

    private JiraSpokeRedirectException failure(Exchange ex) {
        assertThat(ex.getException()).isInstanceOf(JiraSpokeRedirectException.class);
        return (JiraSpokeRedirectException) ex.getException();
    }

    private void assertOtherHostUntouched() {
        assertThat(other.getAllServeEvents()).as("requests that reached the other host").isEmpty();
    }

    @Test
    void aReadIsNotRedirectedToAnotherHost() throws Exception {
        jira.stubFor(get(INFO).willReturn(aResponse().withStatus(302).withHeader("Location", otherUrl(INFO))));
        start(Map.of("jira", cloud()));

        JiraSpokeRedirectException e = failure(send("jiraspoke:server/info?connection=jira", null, Map.of()));

        assertThat(e.getStatus()).isEqualTo(302);
        assertThat(e.getMethod()).isEqualTo("GET");
        assertThat(e.getPath()).isEqualTo(INFO);
        assertThat(e.getMessage()).contains("302").contains("GET " + INFO).contains(other.baseUrl())
                .doesNotContain(TOKEN_IN_QUERY).doesNotContain("SIGNED");
        assertThat(e.getTargetOrigin()).isEqualTo(other.baseUrl());
        assertOtherHostUntouched();
    }

    @Test
    void aCreateAnswered307IsAnErrorNotTheOtherHostsIssue() throws Exception {
        jira.stubFor(post(CREATE).willReturn(aResponse().withStatus(307).withHeader("Location", otherUrl(CREATE))));
        start(Map.of("jira", cloud()));

        JiraSpokeRedirectException e = failure(send("jiraspoke:issue/create?connection=jira&projectKey=PROJ&issueType=Task"
                                            + "&summary=Hello", null, Map.of()));

        assertThat(e.getStatus()).isEqualTo(307);
        assertThat(e.getMessage()).contains("POST " + CREATE).contains(other.baseUrl()).doesNotContain("EVIL")
                .doesNotContain(TOKEN_IN_QUERY);
        assertOtherHostUntouched();
    }

    @Test
    void aDeleteAnswered303IsAnError() throws Exception {
        jira.stubFor(delete(ISSUE + "?deleteSubtasks=false")
                .willReturn(aResponse().withStatus(303).withHeader("Location", otherUrl("/done"))));
        start(Map.of("jira", cloud()));

        JiraSpokeRedirectException e = failure(send("jiraspoke:issue/delete?connection=jira&issueKey=PROJ-1", null,
                Map.of()));

        assertThat(e.getStatus()).isEqualTo(303);
        assertThat(e.getMessage()).contains("DELETE " + ISSUE).contains(other.baseUrl());
        assertOtherHostUntouched();
    }

    @Test
    void aRedirectOnTheSameHostIsNotFollowedEither() throws Exception {
        jira.stubFor(get(INFO).willReturn(aResponse().withStatus(301).withHeader("Location", "/moved?" + TOKEN_IN_QUERY)));
        jira.stubFor(get("/moved?" + TOKEN_IN_QUERY).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", cloud()));

        JiraSpokeRedirectException e = failure(send("jiraspoke:server/info?connection=jira", null, Map.of()));

        assertThat(e.getStatus()).isEqualTo(301);
        assertThat(e.getMessage()).contains(jira.baseUrl()).doesNotContain(TOKEN_IN_QUERY);
        assertThat(e.getTargetOrigin()).isEqualTo(jira.baseUrl());
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aRedirectWithoutLocationSaysSo() throws Exception {
        jira.stubFor(get(INFO).willReturn(aResponse().withStatus(302)));
        start(Map.of("jira", cloud()));

        JiraSpokeRedirectException e = failure(send("jiraspoke:server/info?connection=jira", null, Map.of()));

        assertThat(e.getStatus()).isEqualTo(302);
        assertThat(e.getMessage()).contains("no Location");
        assertThat(e.getTargetOrigin()).isNull();
    }
}
