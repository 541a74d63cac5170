package io.jiraspoke.camel.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.auth.OAuthTokens;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import io.jiraspoke.camel.support.LogCapture;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at DEBUG (Camel and HttpClient included), no credential of any kind shows up in a log event,
 * an exception, an endpoint URI or a {@code toString()}: not raw, not URL-encoded, not as the Base64 of
 * {@code user:secret} that HTTP Basic sends.
 */
class SecretsNeverLeakTest extends JiraSpokeTestSupport {

    static final String EMAIL = "bot@example.com";
    static final String API_TOKEN = "ApiT0ken+S3cret/AAA=";
    static final String DC_USER = "jdoe";
    static final String PASSWORD = "Pa55w0rd!S3cret#BBB";
    static final String PAT = "PatS3cret-CCC-0123456789";
    static final String CLIENT_ID = "oauth-client-id";
    static final String CLIENT_SECRET = "ClientS3cret~DDD&x=1";
    static final String AUTH_CODE = "AuthC0deS3cret-EEE";
    static final String ACCESS_TOKEN = "AccessT0kenS3cret.FFF";
    static final String ROTATED_REFRESH_TOKEN = "RefreshT0kenS3cret-GGG";
    static final String CONFIGURED_REFRESH_TOKEN = "RefreshT0kenS3cret-HHH";
    static final String CLIENT_CREDENTIALS_ACCESS_TOKEN = "AccessT0kenS3cret.III";
    static final String CLOUD_ID = "11223344-5566-7788-99aa-bbccddeeff00";

    /** Every form in which a secret could escape. */
    static final List<String> FORBIDDEN = new ArrayList<>();

    static {
        for (String s : List.of(API_TOKEN, PASSWORD, PAT, CLIENT_SECRET, AUTH_CODE, ACCESS_TOKEN,
                ROTATED_REFRESH_TOKEN, CONFIGURED_REFRESH_TOKEN, CLIENT_CREDENTIALS_ACCESS_TOKEN)) {
            FORBIDDEN.add(s);
            FORBIDDEN.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        for (String pair : List.of(EMAIL + ":" + API_TOKEN, DC_USER + ":" + PASSWORD, CLIENT_ID + ":" + CLIENT_SECRET)) {
            FORBIDDEN.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private final LogCapture capture = new LogCapture();
    private Level rootLevel;
    private final List<String> inspected = new ArrayList<>();

    @BeforeEach
    void everythingAtDebug() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        rootLevel = cfg.getRootLogger().getLevel();
        capture.start();
        cfg.addAppender(capture);
        cfg.getRootLogger().addAppender(capture, Level.ALL, null);
        Configurator.setRootLevel(Level.DEBUG);
        ctx.updateLoggers();
        for (String name : List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire",
                "org.apache.hc.client5.http.impl.classic", "org.apache.camel.impl", "io.jiraspoke.camel")) {
            assertThat(LoggerFactory.getLogger(name).isDebugEnabled()).as("DEBUG on %s", name).isTrue();
        }
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        cfg.getRootLogger().removeAppender(capture.getName());
        cfg.getAppenders().remove(capture.getName());
        Configurator.setRootLevel(rootLevel);
        ctx.updateLoggers();
        capture.stop();
    }

    /** Records what a failed exchange carries, after checking it failed the expected way. */
    void inspectFailure(Exchange ex, Class<? extends Exception> expected) {
        assertThat(ex.getException()).isInstanceOf(expected);
        inspected.add(causes(ex.getException()));
    }

    void inspectEndpoints() {
        for (Endpoint e : context.getEndpoints()) {
            inspected.add(e.getEndpointUri());
            inspected.add(e.getEndpointBaseUri());
            inspected.add(e.toString());
        }
        context.getRoutes().forEach(r -> inspected.add(r.getEndpoint().getEndpointUri() + " " + r));
    }

    void assertNothingLeaked() throws Exception {
        inspectEndpoints();
        context.stop();
        assertThat(capture.events).as("captured log events").isNotEmpty();
        assertThat(capture.events).as("HttpClient logged at DEBUG")
                .anyMatch(e -> e.startsWith("org.apache.hc.client5.http."));
        assertThat(capture.events).as("the component logged its calls at DEBUG")
                .anyMatch(e -> e.startsWith("io.jiraspoke.camel.client.JiraHttp DEBUG"));
        for (String secret : FORBIDDEN) {
            assertThat(capture.events).as("log events").noneMatch(e -> e.contains(secret));
            assertThat(inspected).as("exceptions, URIs and toString()").noneMatch(e -> e.contains(secret));
        }
    }

    @Test
    void inlineApiTokenOnCloud() throws Exception {
        String uri = "jiraspoke:user/myself?connection.baseUrl=" + jira.baseUrl()
                     + "&connection.authType=basic-api-token&connection.email=" + EMAIL
                     + "&connection.apiToken=RAW(" + API_TOKEN + ")";
        jira.stubFor(get("/rest/api/3/myself").inScenario("myself").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Bot\"}"))
                .willSetStateTo("revoked"));
        jira.stubFor(get("/rest/api/3/myself").inScenario("myself").whenScenarioStateIs("revoked")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Client must be authenticated to access this resource.\"]}"))
                .willSetStateTo("broken"));
        jira.stubFor(get("/rest/api/3/myself").inScenario("myself").whenScenarioStateIs("broken")
                .willReturn(aResponse().withStatus(500).withBody("<html>Internal server error</html>")));
        context = null;
        start(Map.of(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:myself").routeId("myself").to(uri);
            }
        });

        JiraUser me = template.requestBody("direct:myself", null, JiraUser.class);
        assertThat(me.getDisplayName()).isEqualTo("Bot");
        inspectFailure(send("direct:myself", null, Map.of()), JiraSpokeUnauthorizedException.class);
        inspectFailure(send("direct:myself", null, Map.of()), JiraSpokeServerErrorException.class);
        // the same endpoint resolved by a producer template
        inspectFailure(send(uri, null, Map.of()), JiraSpokeServerErrorException.class);

        assertThat(context.getEndpoints()).anyMatch(e -> e.getEndpointUri().startsWith("jiraspoke://user/myself"));
        assertNothingLeaked();
    }

    @Test
    void dataCenterPasswordAndPersonalAccessToken() throws Exception {
        JiraSpokeConnection basic = new JiraSpokeConnection();
        basic.setAuthType("basic");
        basic.setBaseUrl(jira.baseUrl());
        basic.setUsername(DC_USER);
        basic.setPassword(PASSWORD);
        jira.stubFor(get("/rest/api/2/myself").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"protected-area\"")));
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}")));
        String patUri = "jiraspoke:server/info?connection.baseUrl=" + jira.baseUrl()
                        + "&connection.authType=personal-access-token&connection.personalAccessToken=RAW(" + PAT
                        + ")";
        context = null;
        start(Map.of("dc", basic), new RouteBuilder() {
            @Override
            public void configure() {
                // Camel dumps routes as written, so only named connections keep credentials out of a dump
                getContext().setDumpRoutes("xml");
                from("direct:myself").routeId("myself").to("jiraspoke:user/myself?connection=dc");
            }
        });
        assertThat(capture.events).as("the route dump").anyMatch(e -> e.contains("<route ")
                                                                    && e.contains("jiraspoke:user/myself?connection=dc"));

        inspectFailure(send("direct:myself", null, Map.of()), JiraSpokeUnauthorizedException.class);
        inspectFailure(send("jiraspoke:user/myself?connection=dc", null, Map.of()),
                JiraSpokeUnauthorizedException.class);
        inspectFailure(send(patUri, null, Map.of()), JiraSpokeServerErrorException.class);

        inspected.add(basic.toString());
        assertNothingLeaked();
    }

    @Test
    void oauthAuthorizationCodeWithRotatingRefreshToken() throws Exception {
        jira.stubFor(post("/oauth/token").withRequestBody(matchingJsonPath("$.grant_type", equalTo("authorization_code")))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\""
                                   + ROTATED_REFRESH_TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\","
                                   + "\"scope\":\"read:jira-user offline_access\"}")));
        jira.stubFor(post("/oauth/token").withRequestBody(matchingJsonPath("$.grant_type", equalTo("refresh_token")))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"unauthorized_client\",\"error_description\":\"refresh_token is"
                                  + " invalid\"}")));
        jira.stubFor(get("/ex/jira/" + CLOUD_ID + "/rest/api/3/myself").willReturn(aResponse().withStatus(401)));
        String uri = "jiraspoke:user/myself?connection.authType=oauth2-authorization-code&connection.cloudId="
                     + CLOUD_ID + "&connection.clientId=" + CLIENT_ID + "&connection.clientSecret=RAW("
                     + CLIENT_SECRET + ")&connection.authorizationCode=RAW(" + AUTH_CODE
                     + ")&connection.redirectUri=https://app.example.com/callback&connection.scopes=read:jira-user"
                     + "&connection.apiGatewayUrl=" + jira.baseUrl() + "&connection.tokenUrl=" + jira.baseUrl()
                     + "/oauth/token";
        start(Map.of());

        // the code is exchanged, Jira refuses the access token, the rotated refresh token is refused too
        inspectFailure(send(uri, null, Map.of()), JiraSpokeUnauthorizedException.class);

        jira.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.refresh_token", equalTo(ROTATED_REFRESH_TOKEN))));
        inspected.add(new OAuthTokens(ACCESS_TOKEN, ROTATED_REFRESH_TOKEN, Instant.now()).toString());
        assertNothingLeaked();
    }

    @Test
    void oauthClientCredentialsRefusedByTheTokenEndpoint() throws Exception {
        jira.stubFor(post("/oauth/token").inScenario("token").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}"))
                .willSetStateTo("fixed"));
        jira.stubFor(post("/oauth/token").inScenario("token").whenScenarioStateIs("fixed")
                .willReturn(okJson("{\"access_token\":\"" + CLIENT_CREDENTIALS_ACCESS_TOKEN + "\","
                                   + "\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        jira.stubFor(get("/ex/jira/" + CLOUD_ID + "/rest/api/3/serverInfo")
                .withHeader("Authorization", equalTo("Bearer " + CLIENT_CREDENTIALS_ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(500)));
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-client-credentials");
        c.setCloudId(CLOUD_ID);
        c.setClientId(CLIENT_ID);
        c.setClientSecret(CLIENT_SECRET);
        c.setScopes("read:jira-work");
        c.setApiGatewayUrl(jira.baseUrl());
        c.setTokenUrl(jira.baseUrl() + "/oauth/token");
        start(Map.of("service", c));

        inspectFailure(send("jiraspoke:server/info?connection=service", null, Map.of()),
                JiraSpokeUnauthorizedException.class);
        inspectFailure(send("jiraspoke:server/info?connection=service", null, Map.of()),
                JiraSpokeServerErrorException.class);

        inspected.add(c.toString());
        assertNothingLeaked();
    }

    @Test
    void toStringOfConnectionsAndTokensMasksEverySecret() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setApiToken(API_TOKEN);
        c.setPassword(PASSWORD);
        c.setPersonalAccessToken(PAT);
        c.setClientSecret(CLIENT_SECRET);
        c.setRefreshToken(CONFIGURED_REFRESH_TOKEN);
        c.setAuthorizationCode(AUTH_CODE);
        c.setEmail(EMAIL);

        String text = c.toString() + new OAuthTokens(ACCESS_TOKEN, ROTATED_REFRESH_TOKEN, Instant.now());

        assertThat(text).contains("email=" + EMAIL).contains("apiToken=xxxxxx").contains("accessToken=xxxxxx");
        for (String secret : FORBIDDEN) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(new JiraSpokeConnection().toString()).isEqualTo("JiraSpokeConnection[]");
    }
}
