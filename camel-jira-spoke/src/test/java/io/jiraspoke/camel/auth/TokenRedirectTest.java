package io.jiraspoke.camel.auth;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeRedirectException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token request carries the client secret and the refresh token: a redirect from the token URL must not send
 * them to another host, and tokens from another host are never used or stored.
 */
class TokenRedirectTest extends OAuthTestSupport {

    private WireMockServer other;

    @BeforeEach
    void startOtherHost() {
        other = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        other.start();
        other.stubFor(any(anyUrl()).willReturn(okJson(tokenJson("access-EVIL", "refresh-EVIL", 3600))));
    }

    @AfterEach
    void stopOtherHost() {
        other.stop();
    }

    private void assertNothingLeftOrTaken(InMemoryTokenStore store, Exchange ex) {
        assertThat(ex.getException()).isInstanceOf(JiraSpokeRedirectException.class);
        assertThat(((JiraSpokeRedirectException) ex.getException()).getTargetOrigin()).isEqualTo(other.baseUrl());
        assertThat(ex.getException().getMessage()).contains("307").contains(other.baseUrl())
                .doesNotContain(CLIENT_SECRET).doesNotContain(INITIAL_REFRESH).doesNotContain("EVIL");
        assertThat(other.getAllServeEvents()).as("requests that reached the other host").isEmpty();
        assertThat(store.load("jira")).as("tokens stored").isNull();
        assertThat(apiRequests()).as("Jira calls made with some token").isZero();
    }

    @Test
    void aRefreshAnswered307IsNotFollowed() throws Exception {
        jira.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", other.baseUrl() + "/oauth/token")));
        stubMyself("access-EVIL");
        InMemoryTokenStore store = new InMemoryTokenStore();
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        start(Map.of("jira", c));

        assertNothingLeftOrTaken(store, send("jiraspoke:user/myself?connection=jira", null, Map.of()));
    }

    @Test
    void aClientCredentialsGrantAnswered307IsNotFollowed() throws Exception {
        jira.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", other.baseUrl() + "/oauth/token")));
        stubMyself("access-EVIL");
        InMemoryTokenStore store = new InMemoryTokenStore();
        JiraSpokeConnection c = clientCredentials();
        c.setTokenStore(store);
        start(Map.of("jira", c));

        assertNothingLeftOrTaken(store, send("jiraspoke:user/myself?connection=jira", null, Map.of()));
    }
}
