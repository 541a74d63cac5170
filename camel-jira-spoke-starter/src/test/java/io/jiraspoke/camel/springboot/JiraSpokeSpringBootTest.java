package io.jiraspoke.camel.springboot;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application started the Spring Boot way, with a Cloud, a Data Center and an OAuth (3LO) connection from
 * properties against WireMock (which also plays Atlassian's authorization server and its consent page): a Java DSL
 * route and a YAML route file run through both, Actuator shows the connections' health and masks their secrets,
 * nothing secret reaches the start-up log, and the consent endpoints authorize the OAuth connection end to end,
 * once with an HTTP client and once in headless Chromium when the machine has it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = JiraSpokeSpringBootTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JiraSpokeSpringBootTest {

    static final String CLOUD_TOKEN = "cloud-api-token-S3CRET";
    static final String DC_PAT = "dc-pat-S3CRET";
    static final String CLIENT_SECRET = "client-S3CRET";
    static final String CLOUD_ID = "1324a887-45db-1bf4-1e99-ef0ff456d421";
    static final String CODE = "consent-code-7";
    static final String REFRESH = "refresh-after-consent-S3CRET";
    static final String ACCESS = "access-after-consent-S3CRET";
    static final WireMockServer JIRA = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final Path TOKENS;

    static {
        JIRA.start();
        try {
            TOKENS = Files.createTempDirectory("jiraspoke-consent").resolve("tokens.properties");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        stubJira();
    }

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder javaRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:java").routeId("java-myself")
                            .to("jiraspoke:user/myself?connection=cloud")
                            .setHeader("cloudUser", simple("${body.displayName}"))
                            .to("jiraspoke:user/myself?connection=dc")
                            .setBody(simple("${header.cloudUser} / ${body.displayName}"));
                    from("direct:app").to("jiraspoke:user/myself?connection=app");
                }
            };
        }
    }

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry p) {
        String c = "camel.component.jiraspoke.connections.";
        p.add(c + "cloud.auth-type", () -> "basic-api-token");
        p.add(c + "cloud.base-url", JIRA::baseUrl);
        p.add(c + "cloud.email", () -> "bot@example.com");
        p.add(c + "cloud.api-token", () -> CLOUD_TOKEN);
        p.add(c + "dc.auth-type", () -> "personal-access-token");
        p.add(c + "dc.base-url", () -> JIRA.baseUrl() + "/dc");
        // a secret through a placeholder: the placeholder's own property must be masked as well
        p.add(c + "dc.personal-access-token", () -> "${jira.dc.pat}");
        p.add("jira.dc.pat", () -> DC_PAT);
        p.add(c + "app.auth-type", () -> "oauth2-authorization-code");
        p.add(c + "app.cloud-id", () -> CLOUD_ID);
        p.add(c + "app.client-id", () -> "app-client");
        p.add(c + "app.client-secret", () -> CLIENT_SECRET);
        p.add(c + "app.scopes", () -> "read:jira-user read:jira-work");
        p.add(c + "app.token-store-file", TOKENS::toString);
        p.add(c + "app.token-url", () -> JIRA.baseUrl() + "/oauth/token");
        p.add(c + "app.authorize-url", () -> JIRA.baseUrl() + "/authorize");
        p.add(c + "app.api-gateway-url", JIRA::baseUrl);
    }

    static void stubJira() {
        JIRA.stubFor(get("/rest/api/3/myself").withBasicAuth("bot@example.com", CLOUD_TOKEN)
                .willReturn(json("{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Cloud Bot\","
                                 + "\"active\":true,\"accountType\":\"atlassian\"}")));
        JIRA.stubFor(get("/dc/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + DC_PAT))
                .willReturn(json("{\"name\":\"dcbot\",\"key\":\"JIRAUSER10100\",\"displayName\":\"DC Bot\","
                                 + "\"active\":true}")));
        JIRA.stubFor(get("/rest/api/3/serverInfo").willReturn(json("{\"baseUrl\":\"" + JIRA.baseUrl()
                + "\",\"version\":\"1001.0.0-SNAPSHOT\",\"versionNumbers\":[1001,0,0],\"deploymentType\":\"Cloud\","
                + "\"buildNumber\":100287,\"serverTitle\":\"Jira\"}")));
        JIRA.stubFor(get("/dc/rest/api/2/serverInfo").willReturn(json("{\"baseUrl\":\"" + JIRA.baseUrl()
                + "/dc\",\"version\":\"10.3.1\",\"versionNumbers\":[10,3,1],\"deploymentType\":\"Server\","
                + "\"buildNumber\":10030001,\"serverTitle\":\"Jira\"}")));
        // Atlassian's consent page, reduced to the button that sends the browser back with a code
        JIRA.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withTransformers("response-template")
                .withBody("<!DOCTYPE html><html><body><h1>Stub consent</h1><p>{{request.query.scope}}</p>"
                          + "<a id=\"accept\" href=\"{{{request.query.redirect_uri}}}?code=" + CODE
                          + "&amp;state={{{request.query.state}}}\">Accept</a></body></html>")));
        JIRA.stubFor(post("/oauth/token").withRequestBody(containing("\"grant_type\":\"authorization_code\""))
                .withRequestBody(containing("\"code\":\"" + CODE + "\""))
                .willReturn(json("{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH
                                 + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"read:jira-user"
                                 + " offline_access\"}")));
        JIRA.stubFor(get("/oauth/token/accessible-resources").withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(json("[{\"id\":\"" + CLOUD_ID + "\",\"url\":\"https://acme.atlassian.net\",\"name\":"
                                 + "\"Acme\",\"scopes\":[\"read:jira-user\",\"read:jira-work\"],\"avatarUrl\":"
                                 + "\"https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png\"}]")));
        JIRA.stubFor(get("/ex/jira/" + CLOUD_ID + "/rest/api/3/myself")
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(json("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"displayName\":\"Consenting Admin\","
                                 + "\"active\":true,\"accountType\":\"atlassian\"}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @AfterAll
    static void stopJira() {
        JIRA.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    @Order(1)
    void theJavaAndTheYamlRouteRunThroughBothConnections(CapturedOutput startup) {
        assertThat(template.requestBody("direct:java", "", String.class)).isEqualTo("Cloud Bot / DC Bot");
        assertThat(template.requestBody("direct:yaml", "", String.class)).isEqualTo("1001.0.0-SNAPSHOT 10.3.1");
        JIRA.verify(getRequestedFor(urlEqualTo("/rest/api/3/myself")).withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials("bot@example.com", CLOUD_TOKEN)));
        JIRA.verify(getRequestedFor(urlEqualTo("/dc/rest/api/2/myself"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
        assertThat(startup.getAll()).contains("Started JiraSpokeSpringBootTest")
                .doesNotContain(CLOUD_TOKEN, DC_PAT, CLIENT_SECRET);
    }

    @Test
    @Order(2)
    void actuatorShowsEachConnectionsHealthAndMasksItsSecrets() throws Exception {
        HttpResponse<String> health = fetch("/actuator/health");
        assertThat(health.body()).contains("\"jiraspoke:cloud\":\"UP\"", "\"jiraspoke:dc\":\"UP\"",
                "\"jiraspoke:app\":\"DOWN\"").contains("has no refresh token");
        for (String endpoint : List.of("/actuator/env", "/actuator/configprops")) {
            String body = fetch(endpoint).body();
            assertThat(body).as(endpoint).contains("bot@example.com", "app-client")
                    .doesNotContain(CLOUD_TOKEN, DC_PAT, CLIENT_SECRET);
        }
        assertThat(fetch("/actuator/env").body()).contains("jira.dc.pat");
        for (String endpoint : List.of("/actuator/env", "/actuator/configprops")) {
            assertThat(fetch(endpoint).body()).as(endpoint).contains("******");
        }
    }

    @Test
    @Order(2)
    void theCountersGoToActuatorsMeterRegistry() throws Exception {
        HttpResponse<String> requests = fetch("/actuator/metrics/jiraspoke.requests?tag=connection:dc&tag=action:user/myself");
        assertThat(requests.statusCode()).as(requests.body()).isEqualTo(200);
        assertThat(requests.body()).contains("\"statistic\":\"COUNT\",\"value\":1.0");
        assertThat(fetch("/actuator/metrics/jiraspoke.requests").body()).contains("server/info", "user/myself", "none");
        assertThat(fetch("/actuator/metrics/jiraspoke.token.refreshes").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theConsentEndpointsAuthorizeTheOAuthConnection() throws Exception {
        HttpResponse<String> start = fetch("/jiraspoke/oauth/app/authorize");
        assertThat(start.statusCode()).isEqualTo(302);
        String consentPage = start.headers().firstValue("Location").orElseThrow();
        assertThat(consentPage).startsWith(JIRA.baseUrl() + "/authorize?audience=api.atlassian.com&client_id=app-client")
                .contains("scope=read%3Ajira-user%20read%3Ajira-work%20offline_access")
                .contains("redirect_uri=" + java.net.URLEncoder.encode("http://localhost:" + port
                        + "/jiraspoke/oauth/app/callback", StandardCharsets.UTF_8))
                .contains("&state=").contains("response_type=code&prompt=consent");

        // another browser (no session) cannot complete it, even with the right state
        String state = consentPage.replaceAll(".*[?&]state=([^&]+).*", "$1");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                base() + "/jiraspoke/oauth/app/callback?code=" + CODE + "&state=" + state)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("state mismatch");
        assertThat(TOKENS).doesNotExist();

        String page = browser.send(HttpRequest.newBuilder(URI.create(consentPage)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher accept = Pattern.compile("href=\"([^\"]+)\"").matcher(page);
        assertThat(accept.find()).isTrue();
        HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(accept.group(1)
                .replace("&amp;", "&"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Jira connection &#39;app&#39; is authorized for Acme (https://acme.atlassian.net,"
                                         + " cloud id " + CLOUD_ID + ")");
        JIRA.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("\"redirect_uri\":\"http://localhost:" + port
                                            + "/jiraspoke/oauth/app/callback\""))
                .withRequestBody(containing("\"client_secret\":\"" + CLIENT_SECRET + "\"")));
        assertThat(Files.readString(TOKENS)).contains("app.refreshToken=" + REFRESH);

        // the same state is spent
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(accept.group(1).replace("&amp;", "&"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);

        JiraUser me = template.requestBody("direct:app", "", JiraUser.class);
        assertThat(me.getDisplayName()).isEqualTo("Consenting Admin");
        assertThat(camelContext.getComponent("jiraspoke", JiraSpokeComponent.class).client("app").http()
                .metrics().tokenRefreshes()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theConsentWorksInARealBrowser() throws Exception {
        Files.deleteIfExists(TOKENS);
        HeadlessChromium.assumeAvailable();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(base() + "/jiraspoke/oauth/app/authorize");
            chromium.waitForText("Stub consent");
            chromium.click("#accept");
            String text = chromium.waitForText("is authorized for");
            assertThat(text).contains("Jira connection 'app' is authorized for Acme");
        }
        assertThat(Files.readString(TOKENS)).contains("app.refreshToken=" + REFRESH);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
