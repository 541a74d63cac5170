package io.jiraspoke.camel.auth;

import java.time.Duration;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token endpoint that fails (5xx, no answer) is a server or transport failure with its cause, not a refused
 * credential asking for a new consent; only a 4xx refusal (invalid_grant) is unauthorized. A rotated refresh token
 * survives every one of these failures.
 */
class TokenEndpointFailureTest extends OAuthTestSupport {

    private static final String ME = "jiraspoke:user/myself?connection=jira";

    private int tokenRequestsWith(String refreshToken) {
        return jira.findAll(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo(refreshToken)))).size();
    }

    @Test
    void a503FromTheTokenEndpointIsAServerErrorNotAConsentProblem() throws Exception {
        jira.stubFor(refreshGrant(INITIAL_REFRESH).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/plain").withBody("upstream unavailable")));
        start(Map.of("jira", threeLegged()));

        Exchange ex = send(ME, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeServerErrorException.class)
                .isNotInstanceOf(JiraSpokeUnauthorizedException.class);
        JiraSpokeException e = (JiraSpokeException) ex.getException();
        assertThat(e.getStatus()).isEqualTo(503);
        assertThat(e.getMethod()).isEqualTo("POST");
        assertThat(e.getMessage()).contains("'jira'").contains("503").doesNotContain("consent")
                .doesNotContain(CLIENT_SECRET).doesNotContain(INITIAL_REFRESH);
        assertThat(e.getCause()).as("the token endpoint's own answer").isInstanceOf(JiraSpokeServerErrorException.class);
        assertThat(apiRequests()).isZero();
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerIsATransportFailure() throws Exception {
        jira.stubFor(refreshGrant(INITIAL_REFRESH).willReturn(okJson(tokenJson("access-1", "refresh-2", 3600))
                .withFixedDelay(3_000)));
        JiraSpokeConnection c = threeLegged();
        c.setResponseTimeout(Duration.ofMillis(300));
        start(Map.of("jira", c));

        Exchange ex = send(ME, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeTransportException.class)
                .hasMessageContaining("'jira'").hasMessageNotContaining("consent");
        assertThat(ex.getException().getCause()).isInstanceOf(JiraSpokeTransportException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void invalidGrantIsStillUnauthorized(int status) throws Exception {
        // Atlassian documents 403 for an unknown or rotated-away refresh token
        jira.stubFor(refreshGrant(INITIAL_REFRESH).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}")));
        start(Map.of("jira", threeLegged()));

        Exchange ex = send(ME, null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("consent");
        assertThat(ex.getException().getCause()).isInstanceOf(JiraSpokeException.class);
    }

    @Test
    void aRotatedRefreshTokenSurvivesAFailedRefresh() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        // expires_in 0: every call refreshes; the second refresh meets an outage, the third works
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", 0);
        jira.stubFor(refreshGrant("refresh-2").inScenario("outage").whenScenarioStateIs("Started")
                .willSetStateTo("over").willReturn(aResponse().withStatus(502)));
        jira.stubFor(refreshGrant("refresh-2").inScenario("outage").whenScenarioStateIs("over")
                .willReturn(okJson(tokenJson("access-3", "refresh-3", 3600))));
        stubMyself("access-1");
        stubMyself("access-3");
        start(Map.of("jira", c));

        assertThat(send(ME, null, Map.of()).getException()).isNull();
        assertThat(send(ME, null, Map.of()).getException()).isInstanceOf(JiraSpokeServerErrorException.class);
        assertThat(store.load("jira").refreshToken()).as("kept through the outage").isEqualTo("refresh-2");
        assertThat(send(ME, null, Map.of()).getException()).isNull();

        assertThat(tokenRequestsWith(INITIAL_REFRESH)).isEqualTo(1);
        assertThat(tokenRequestsWith("refresh-2")).isEqualTo(2);
        assertThat(store.load("jira").refreshToken()).isEqualTo("refresh-3");
        assertThat(apiRequestsWithBearer("access-3")).isEqualTo(1);
    }

    @Test
    void aRefreshTokenInAnAnswerWithoutAccessTokenIsKept() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        jira.stubFor(refreshGrant(INITIAL_REFRESH).willReturn(okJson("{\"refresh_token\":\"refresh-2\"}")));
        stubRefresh("refresh-2", "access-2", "refresh-3", 3600);
        stubMyself("access-2");
        start(Map.of("jira", c));

        assertThat(send(ME, null, Map.of()).getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessageContaining("without access_token");
        assertThat(send(ME, null, Map.of()).getException()).isNull();

        assertThat(tokenRequestsWith(INITIAL_REFRESH)).isEqualTo(1);
        assertThat(store.load("jira").refreshToken()).isEqualTo("refresh-3");
    }

    @Test
    void anAbsurdExpiresInDoesNotLoseTheRotation() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", Long.MAX_VALUE);
        stubMyself("access-1");
        start(Map.of("jira", c));

        assertThat(send(ME, null, Map.of()).getException()).isNull();
        assertThat(store.load("jira").refreshToken()).isEqualTo("refresh-2");
    }

    @Test
    void aTokenEndpointEchoingTheGrantDoesNotLeakIt() throws Exception {
        jira.stubFor(refreshGrant(INITIAL_REFRESH).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh_token " + INITIAL_REFRESH
                          + " for client_secret " + CLIENT_SECRET + " is unknown\"}")));
        start(Map.of("jira", threeLegged()));

        Exception e = send(ME, null, Map.of()).getException();

        assertThat(e).isInstanceOf(JiraSpokeUnauthorizedException.class).hasMessageContaining("invalid_grant");
        String everything = e.getMessage() + ((JiraSpokeException) e).getErrorMessages();
        assertThat(everything).doesNotContain(INITIAL_REFRESH).doesNotContain(CLIENT_SECRET);
    }
}
