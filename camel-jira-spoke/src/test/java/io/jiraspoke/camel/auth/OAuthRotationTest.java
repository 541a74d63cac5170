package io.jiraspoke.camel.auth;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3LO: refresh tokens rotate, so every new pair is persisted before its access token is used; one refresh serves
 * all threads; a 401 renews once; a failed save keeps the pair; a refused refresh asks for a new consent.
 */
class OAuthRotationTest extends OAuthTestSupport {

    private static final String ME = "jiraspoke:user/myself?connection=jira";

    @TempDir
    Path dir;

    private Exchange callMyself() {
        return send(ME, null, Map.of());
    }

    private void stubInvalidGrant(String refreshToken) {
        jira.stubFor(refreshGrant(refreshToken).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}")));
    }

    private int tokenRequestsWithRefreshToken(String refreshToken) {
        return jira.findAll(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo(refreshToken)))).size();
    }

    @Test
    void eachRotatedRefreshTokenIsSavedBeforeItsAccessTokenIsUsed() throws Exception {
        RecordingTokenStore store = new RecordingTokenStore(this::apiRequests);
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        // expires_in 0: the second call must refresh again, rotating once more
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", 0);
        stubRefresh("refresh-2", "access-2", "refresh-3", 3600);
        stubMyself("access-1");
        stubMyself("access-2");
        start(Map.of("jira", c));

        assertThat(callMyself().getException()).isNull();
        assertThat(callMyself().getException()).isNull();

        List<RecordingTokenStore.Save> saves = store.saves();
        assertThat(saves).hasSize(2);
        assertThat(saves.get(0).tokens().refreshToken()).isEqualTo("refresh-2");
        assertThat(saves.get(0).tokens().accessToken()).isEqualTo("access-1");
        assertThat(saves.get(0).apiRequestsBefore()).as("Jira requests made before the first save").isZero();
        assertThat(saves.get(1).tokens().refreshToken()).isEqualTo("refresh-3");
        assertThat(saves.get(1).apiRequestsBefore()).as("Jira requests made before the second save").isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-1")).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-2")).isEqualTo(1);
        assertThat(tokenRequestsWithRefreshToken(INITIAL_REFRESH)).isEqualTo(1);
        assertThat(tokenRequestsWithRefreshToken("refresh-2")).isEqualTo(1);
        assertThat(store.load("jira")).isEqualTo(saves.get(1).tokens());
    }

    @Test
    void restartContinuesWithTheStoredRotatedRefreshTokenNotTheConfiguredOne() throws Exception {
        String file = dir.resolve("jira-tokens.properties").toString();
        // 30 s is inside the 60 s refresh-ahead margin, so after the restart the stored access token is not reused
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", 30);
        stubMyself("access-1");
        JiraSpokeConnection first = threeLegged();
        first.setTokenStoreFile(file);
        start(Map.of("jira", first));
        assertThat(callMyself().getException()).isNull();
        context.stop();
        assertThat(new FileTokenStore(file).load("jira").refreshToken()).isEqualTo("refresh-2");

        // Atlassian invalidated the initial refresh token when it rotated; only the rotated one works now
        stubInvalidGrant(INITIAL_REFRESH);
        stubRefresh("refresh-2", "access-2", "refresh-3", 3600);
        stubMyself("access-2");
        JiraSpokeConnection second = threeLegged();
        second.setTokenStoreFile(file);
        start(Map.of("jira", second));

        Exchange ex = callMyself();

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraUser.class).getAccountId()).isNotNull();
        assertThat(tokenRequestsWithRefreshToken(INITIAL_REFRESH)).as("the configured token is used once, ever")
                .isEqualTo(1);
        assertThat(tokenRequestsWithRefreshToken("refresh-2")).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-2")).isEqualTo(1);
        assertThat(new FileTokenStore(file).load("jira").refreshToken()).isEqualTo("refresh-3");
    }

    @Test
    void instancesSharingAStoreRefreshWithTheNewestRotatedToken() throws Exception {
        String file = dir.resolve("shared-tokens.properties").toString();
        // every access token expires at once, so each call refreshes and rotates
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", 0);
        stubRefresh("refresh-2", "access-2", "refresh-3", 0);
        stubRefresh("refresh-3", "access-3", "refresh-4", 0);
        stubMyself("access-1");
        stubMyself("access-2");
        stubMyself("access-3");
        JiraSpokeConnection a = threeLegged();
        a.setTokenStoreFile(file);
        start(Map.of("jira", a));
        JiraSpokeComponent otherComponent = new JiraSpokeComponent();
        JiraSpokeConnection b = threeLegged();
        b.setTokenStoreFile(file);
        otherComponent.addConnection("jira", b);
        try (CamelContext other = new DefaultCamelContext()) {
            other.addComponent("jiraspoke", otherComponent);
            other.start();
            ProducerTemplate otherTemplate = other.createProducerTemplate();

            assertThat(callMyself().getException()).isNull();                                      // A: initial -> 2
            assertThat(otherTemplate.send(ME, e -> { }).getException()).isNull();                  // B: 2 -> 3
            assertThat(callMyself().getException()).as("A refreshes with B's rotation").isNull(); // A: 3 -> 4
        }

        assertThat(tokenRequestsWithRefreshToken(INITIAL_REFRESH)).isEqualTo(1);
        assertThat(tokenRequestsWithRefreshToken("refresh-2")).as("a rotated-away token is not used again")
                .isEqualTo(1);
        assertThat(tokenRequestsWithRefreshToken("refresh-3")).isEqualTo(1);
        assertThat(new FileTokenStore(file).load("jira").refreshToken()).isEqualTo("refresh-4");
    }

    @Test
    void restartReusesAStoredAccessTokenThatIsStillValid() throws Exception {
        String file = dir.resolve("jira-tokens.properties").toString();
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", 3600);
        stubMyself("access-1");
        JiraSpokeConnection first = threeLegged();
        first.setTokenStoreFile(file);
        start(Map.of("jira", first));
        assertThat(callMyself().getException()).isNull();
        context.stop();

        JiraSpokeConnection second = threeLegged();
        second.setTokenStoreFile(file);
        start(Map.of("jira", second));
        assertThat(callMyself().getException()).isNull();

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-1")).isEqualTo(2);
    }

    @Test
    void twoConnectionsShareOneTokenFile() throws Exception {
        String file = dir.resolve("tokens.properties").toString();
        JiraSpokeConnection a = threeLegged();
        a.setRefreshToken("refresh-a1");
        a.setTokenStoreFile(file);
        JiraSpokeConnection b = threeLegged();
        b.setRefreshToken("refresh-b1");
        b.setTokenStoreFile(file);
        stubRefresh("refresh-a1", "access-a", "refresh-a2", 3600);
        stubRefresh("refresh-b1", "access-b", "refresh-b2", 3600);
        stubMyself("access-a");
        stubMyself("access-b");
        start(Map.of("a", a, "b", b));

        assertThat(send("jiraspoke:user/myself?connection=a", null, Map.of()).getException()).isNull();
        assertThat(send("jiraspoke:user/myself?connection=b", null, Map.of()).getException()).isNull();

        FileTokenStore store = new FileTokenStore(file);
        assertThat(store.load("a").refreshToken()).isEqualTo("refresh-a2");
        assertThat(store.load("b").refreshToken()).isEqualTo("refresh-b2");
        assertThat(apiRequestsWithBearer("access-a")).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-b")).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentCallsWithAnExpiredStoredTokenMakeOneTokenRequest() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save("jira", new OAuthTokens("access-expired", "refresh-stored", Instant.now().minusSeconds(5)));
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        // a slow token endpoint keeps the other 49 threads waiting for the one refresh
        jira.stubFor(refreshGrant("refresh-stored").willReturn(okJson(tokenJson("access-new", "refresh-new", 3600))
                .withFixedDelay(300)));
        stubMyself("access-new");
        start(Map.of("jira", c), directMeTo(ME));

        List<Exchange> done = concurrently(50, 1);

        assertThat(done).allSatisfy(ex -> assertThat(ex.getException()).isNull());
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-new")).isEqualTo(50);
        assertThat(apiRequests()).isEqualTo(50);
        assertThat(store.load("jira").refreshToken()).isEqualTo("refresh-new");
    }

    @Test
    void unauthorizedFromJiraTriggersOneRefreshAndOneRetry() throws Exception {
        RecordingTokenStore store = new RecordingTokenStore(this::apiRequests);
        store.save("jira", new OAuthTokens("access-revoked", "refresh-stored", Instant.now().plusSeconds(3600)));
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        stubMyselfUnauthorized("access-revoked");
        stubRefresh("refresh-stored", "access-new", "refresh-new", 3600);
        stubMyself("access-new");
        start(Map.of("jira", c));

        Exchange ex = callMyself();

        assertThat(ex.getException()).isNull();
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequests()).isEqualTo(2);
        assertThat(apiRequestsWithBearer("access-revoked")).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-new")).isEqualTo(1);
        RecordingTokenStore.Save renewed = store.saves().get(1);
        assertThat(renewed.tokens().refreshToken()).isEqualTo("refresh-new");
        assertThat(renewed.apiRequestsBefore()).as("saved before the retry").isEqualTo(1);
    }

    @Test
    @Timeout(20)
    void renewalAfterUnauthorizedWorksWithASingleConnection() throws Exception {
        // the 401's connection must be back in the pool before the token request needs one
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save("jira", new OAuthTokens("access-revoked", "refresh-stored", Instant.now().plusSeconds(3600)));
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        c.setMaxConnections(1);
        stubMyselfUnauthorized("access-revoked");
        stubRefresh("refresh-stored", "access-new", "refresh-new", 3600);
        stubMyself("access-new");
        start(Map.of("jira", c));

        assertThat(callMyself().getException()).isNull();
        assertThat(callMyself().getException()).isNull();

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-new")).isEqualTo(2);
    }

    @Test
    void secondUnauthorizedFailsWithoutLooping() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save("jira", new OAuthTokens("access-revoked", "refresh-stored", Instant.now().plusSeconds(3600)));
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        stubMyselfUnauthorized("access-revoked");
        stubRefresh("refresh-stored", "access-new", "refresh-new", 3600);
        stubMyselfUnauthorized("access-new");
        start(Map.of("jira", c));

        Exchange ex = callMyself();

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class);
        JiraSpokeUnauthorizedException e = (JiraSpokeUnauthorizedException) ex.getException();
        assertThat(e.getStatus()).isEqualTo(401);
        assertThat(e.getPath()).isEqualTo("/rest/api/3/myself");
        assertThat(e.getMessage()).doesNotContain("access-new").doesNotContain(CLIENT_SECRET);
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void concurrentUnauthorizedAnswersShareOneRefresh() throws Exception {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.save("jira", new OAuthTokens("access-revoked", "refresh-stored", Instant.now().plusSeconds(3600)));
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        stubMyselfUnauthorized("access-revoked");
        jira.stubFor(refreshGrant("refresh-stored").willReturn(okJson(tokenJson("access-new", "refresh-new", 3600))
                .withFixedDelay(200)));
        stubMyself("access-new");
        start(Map.of("jira", c), directMeTo(ME));

        List<Exchange> done = concurrently(20, 1);

        assertThat(done).allSatisfy(ex -> assertThat(ex.getException()).isNull());
        assertThat(tokenRequests()).as("one refresh for all threads refused with the old token").isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-new")).isEqualTo(20);
    }

    @Test
    void failedSaveFailsTheCallKeepsThePairAndSavesItFirstOnTheNextCall() throws Exception {
        RecordingTokenStore store = new RecordingTokenStore(this::apiRequests);
        store.failing = true;
        JiraSpokeConnection c = threeLegged();
        c.setTokenStore(store);
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", 3600);
        stubMyself("access-1");
        start(Map.of("jira", c));

        Exchange failed = callMyself();

        assertThat(failed.getException()).isInstanceOf(JiraSpokeException.class)
                .hasMessageContaining("'jira'").hasMessageContaining("tokens are kept")
                .hasMessageContaining("token database is down");
        assertThat(failed.getException().getMessage()).doesNotContain("refresh-2").doesNotContain("access-1");
        assertThat(apiRequests()).as("no Jira call with an unsaved rotation").isZero();
        assertThat(tokenRequests()).isEqualTo(1);

        store.failing = false;
        Exchange ok = callMyself();

        assertThat(ok.getException()).isNull();
        assertThat(tokenRequests()).as("the kept pair is saved, not fetched again").isEqualTo(1);
        assertThat(store.saves()).hasSize(1);
        assertThat(store.saves().get(0).tokens().refreshToken()).isEqualTo("refresh-2");
        assertThat(store.saves().get(0).apiRequestsBefore()).isZero();
        assertThat(apiRequestsWithBearer("access-1")).isEqualTo(1);
    }

    @Test
    void refusedRefreshAsksForANewConsent() throws Exception {
        stubInvalidGrant(INITIAL_REFRESH);
        start(Map.of("jira", threeLegged()));

        Exchange ex = callMyself();

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessageContaining("'jira'").hasMessageContaining("new consent")
                .hasMessageContaining("invalid_grant");
        assertThat(ex.getException().getMessage()).doesNotContain(INITIAL_REFRESH).doesNotContain(CLIENT_SECRET);
        assertThat(tokenRequests()).as("a refused grant is not retried").isEqualTo(1);
        assertThat(apiRequests()).isZero();
    }

    @Test
    void authorizationCodeIsExchangedOnceThenTheRotatedRefreshTokenIsUsed() throws Exception {
        jira.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("authorization_code")))
                .willReturn(okJson(tokenJson("access-1", "refresh-2", 3600))));
        stubRefresh("refresh-2", "access-2", "refresh-3", 3600);
        stubMyselfUnauthorized("access-1");
        stubMyself("access-2");
        RecordingTokenStore store = new RecordingTokenStore(this::apiRequests);
        JiraSpokeConnection c = threeLegged();
        c.setRefreshToken(null);
        c.setAuthorizationCode("code-S3CRET");
        c.setRedirectUri("https://app.example.com/callback");
        c.setTokenStore(store);
        start(Map.of("jira", c));

        assertThat(callMyself().getException()).isNull();

        assertThat(jira.findAll(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("authorization_code"))))).hasSize(1);
        assertThat(tokenRequestsWithRefreshToken("refresh-2")).isEqualTo(1);
        assertThat(store.saves()).extracting(s -> s.tokens().refreshToken()).containsExactly("refresh-2",
                "refresh-3");
    }

    @Test
    void tokenAnswerWithoutAccessTokenIsUnauthorized() throws Exception {
        jira.stubFor(refreshGrant(INITIAL_REFRESH).willReturn(okJson("{\"token_type\":\"Bearer\"}")));
        start(Map.of("jira", threeLegged()));

        Exchange ex = callMyself();

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessageContaining("without access_token").hasMessageContaining("'jira'");
        assertThat(apiRequests()).isZero();
    }
}
