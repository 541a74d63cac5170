package io.jiraspoke.camel.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * OAuth connections pointed at WireMock: the token endpoint is {@code /oauth/token}, the API gateway is WireMock's
 * base URL, so Jira calls arrive at {@code /ex/jira/{cloudId}/rest/api/3/...}.
 */
abstract class OAuthTestSupport extends JiraSpokeTestSupport {

    static final String CLOUD_ID = "11111111-2222-3333-4444-555555555555";
    static final String CLIENT_ID = "client-id-123";
    static final String CLIENT_SECRET = "client-secret-S3CRET";
    static final String INITIAL_REFRESH = "refresh-initial-S3CRET";
    static final String MYSELF = "/ex/jira/" + CLOUD_ID + "/rest/api/3/myself";
    static final String MYSELF_JSON = "{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Bot\","
                                      + "\"active\":true}";
    static final String SCOPES = "read:jira-user read:jira-work write:jira-work offline_access";

    /** A 3LO connection named with the configured initial refresh token and an in-memory store. */
    JiraSpokeConnection threeLegged() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-authorization-code");
        c.setCloudId(CLOUD_ID);
        c.setClientId(CLIENT_ID);
        c.setClientSecret(CLIENT_SECRET);
        c.setRefreshToken(INITIAL_REFRESH);
        c.setScopes(SCOPES);
        c.setApiGatewayUrl(jira.baseUrl());
        c.setTokenUrl(jira.baseUrl() + "/oauth/token");
        return c;
    }

    JiraSpokeConnection clientCredentials() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-client-credentials");
        c.setCloudId(CLOUD_ID);
        c.setClientId(CLIENT_ID);
        c.setClientSecret(CLIENT_SECRET);
        c.setScopes(SCOPES);
        c.setApiGatewayUrl(jira.baseUrl());
        c.setTokenUrl(jira.baseUrl() + "/oauth/token");
        return c;
    }

    static String tokenJson(String access, String refresh, long expiresIn) {
        return "{\"access_token\":\"" + access + "\"," + (refresh == null ? "" : "\"refresh_token\":\"" + refresh
                                                                                 + "\",")
               + "\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\",\"scope\":\"" + SCOPES + "\"}";
    }

    /** The token endpoint answers a refresh_token grant for exactly this refresh token. */
    MappingBuilder refreshGrant(String refreshToken) {
        return post(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo(refreshToken)));
    }

    void stubRefresh(String refreshToken, String newAccess, String newRefresh, long expiresIn) {
        jira.stubFor(refreshGrant(refreshToken).willReturn(okJson(tokenJson(newAccess, newRefresh, expiresIn))));
    }

    void stubClientCredentials(String access, long expiresIn) {
        jira.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))
                .willReturn(okJson(tokenJson(access, null, expiresIn))));
    }

    /** GET myself answers 200 to this bearer token (and WireMock's 404 to any other). */
    void stubMyself(String accessToken) {
        jira.stubFor(get(urlEqualTo(MYSELF)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson(MYSELF_JSON)));
    }

    void stubMyselfUnauthorized(String accessToken) {
        jira.stubFor(get(urlEqualTo(MYSELF)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":401,\"message\":\"Unauthorized\"}")));
    }

    int tokenRequests() {
        return jira.findAll(postRequestedFor(urlEqualTo("/oauth/token"))).size();
    }

    /** Requests that reached the Jira API (everything through the gateway, not the token endpoint). */
    int apiRequests() {
        return jira.findAll(anyRequestedFor(urlPathMatching("/ex/jira/.*"))).size();
    }

    int apiRequestsWithBearer(String accessToken) {
        return jira.findAll(anyRequestedFor(urlPathMatching("/ex/jira/.*"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))).size();
    }

    /** A route from direct:me to the endpoint, so that the endpoint starts with the context, before any thread. */
    static RouteBuilder directMeTo(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:me").to(uri);
            }
        };
    }

    /** Sends to direct:me from {@code threads} threads released at once, each {@code callsEach} times. */
    List<Exchange> concurrently(int threads, int callsEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<Exchange>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Exchange> mine = new ArrayList<>();
                    for (int i = 0; i < callsEach; i++) {
                        mine.add(template.send("direct:me", e -> e.getIn().setBody(null)));
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<Exchange> done = new ArrayList<>();
            for (Future<List<Exchange>> f : futures) {
                done.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A store that keeps tokens in memory, records for every save how many Jira API requests had been made before
     * it, and can be told to fail.
     */
    static final class RecordingTokenStore implements JiraSpokeTokenStore {
        record Save(OAuthTokens tokens, int apiRequestsBefore) {
        }

        private final InMemoryTokenStore delegate = new InMemoryTokenStore();
        private final IntSupplier apiRequests;
        final List<Save> saves = new ArrayList<>();
        volatile boolean failing;

        RecordingTokenStore(IntSupplier apiRequests) {
            this.apiRequests = apiRequests;
        }

        @Override
        public OAuthTokens load(String connectionName) {
            return delegate.load(connectionName);
        }

        @Override
        public synchronized void save(String connectionName, OAuthTokens tokens) {
            if (failing) {
                throw new IllegalStateException("token database is down");
            }
            saves.add(new Save(tokens, apiRequests.getAsInt()));
            delegate.save(connectionName, tokens);
        }

        synchronized List<Save> saves() {
            return List.copyOf(saves);
        }

        @Override
        public String toString() {
            return "RecordingTokenStore";
        }
    }
}
