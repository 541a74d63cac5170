package io.jiraspoke.camel.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Service accounts: one token per lifetime for all calls and threads, renewed ahead of expiry and after a 401. */
class ClientCredentialsTest extends OAuthTestSupport {

    private void startWithRoute(JiraSpokeConnection c) throws Exception {
        start(Map.of("svc", c), directMeTo("jiraspoke:user/myself?connection=svc"));
    }

    private Exchange call() {
        return template.send("direct:me", e -> e.getIn().setBody(null));
    }

    @Test
    void thousandSequentialCallsUseOneToken() throws Exception {
        stubClientCredentials("access-svc", 3600);
        stubMyself("access-svc");
        startWithRoute(clientCredentials());

        for (int i = 0; i < 1000; i++) {
            Exchange ex = call();
            assertThat(ex.getException()).as("call %d", i).isNull();
        }

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-svc")).isEqualTo(1000);
    }

    @Test
    void concurrentCallsUseOneToken() throws Exception {
        jira.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))
                .willReturn(okJson(tokenJson("access-svc", null, 3600)).withFixedDelay(200)));
        stubMyself("access-svc");
        startWithRoute(clientCredentials());
        int threads = 10;
        int callsEach = 20;

        List<Exchange> done = concurrently(threads, callsEach);

        assertThat(done).hasSize(threads * callsEach)
                .allSatisfy(ex -> assertThat(ex.getException()).isNull());
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-svc")).isEqualTo(threads * callsEach);
    }

    @Test
    void storedTokenWithinTheRefreshAheadMarginIsRenewedBeforeUse() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        // 30 s left is inside the 60 s margin: using it risks a 401 mid-flight
        store.save("svc", new OAuthTokens("access-almost-expired", null, Instant.now().plusSeconds(30)));
        JiraSpokeConnection c = clientCredentials();
        c.setTokenStore(store);
        stubClientCredentials("access-new", 3600);
        stubMyself("access-new");
        startWithRoute(c);

        assertThat(call().getException()).isNull();
        assertThat(call().getException()).isNull();

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-almost-expired")).isZero();
        assertThat(apiRequestsWithBearer("access-new")).isEqualTo(2);
        assertThat(store.load("svc").accessToken()).isEqualTo("access-new");
    }

    @Test
    void storedTokenWellBeforeExpiryIsUsedWithoutATokenRequest() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save("svc", new OAuthTokens("access-stored", null, Instant.now().plusSeconds(3000)));
        JiraSpokeConnection c = clientCredentials();
        c.setTokenStore(store);
        stubMyself("access-stored");
        startWithRoute(c);

        assertThat(call().getException()).isNull();

        assertThat(tokenRequests()).isZero();
        assertThat(apiRequestsWithBearer("access-stored")).isEqualTo(1);
    }

    @Test
    void tokenWithNoLifetimeLeftIsRenewedOnTheNextCall() throws Exception {
        stubClientCredentials("access-short", 0);
        stubMyself("access-short");
        startWithRoute(clientCredentials());

        for (int i = 0; i < 3; i++) {
            assertThat(call().getException()).isNull();
        }

        assertThat(tokenRequests()).isEqualTo(3);
    }

    @Test
    void shortLivedTokenIsUsedForHalfItsLifetime() throws Exception {
        // 10 s is inside the 60 s margin; renewing it on every call would mean a token request per call, so the
        // authenticator renews after half the lifetime instead (OAuthAuthenticator.REFRESH_AHEAD_SECONDS)
        stubClientCredentials("access-short", 10);
        stubMyself("access-short");
        startWithRoute(clientCredentials());

        for (int i = 0; i < 3; i++) {
            assertThat(call().getException()).isNull();
        }

        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void unauthorizedFetchesANewTokenAndRetriesOnce() throws Exception {
        jira.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("Started")
                .willReturn(okJson(tokenJson("access-1", null, 3600))).willSetStateTo("second"));
        jira.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenJson("access-2", null, 3600))));
        stubMyselfUnauthorized("access-1");
        stubMyself("access-2");
        startWithRoute(clientCredentials());

        assertThat(call().getException()).isNull();
        assertThat(call().getException()).isNull();

        assertThat(tokenRequests()).isEqualTo(2);
        assertThat(apiRequestsWithBearer("access-1")).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-2")).isEqualTo(2);
    }

    @Test
    void refusedClientIsUnauthorizedWithoutTalkOfConsent() throws Exception {
        jira.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}")));
        startWithRoute(clientCredentials());

        Exchange ex = call();

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessageContaining("client_credentials").hasMessageContaining("'svc'")
                .hasMessageContaining("access_denied");
        assertThat(ex.getException().getMessage()).doesNotContain("consent").doesNotContain(CLIENT_SECRET);
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequests()).isZero();
    }
}
