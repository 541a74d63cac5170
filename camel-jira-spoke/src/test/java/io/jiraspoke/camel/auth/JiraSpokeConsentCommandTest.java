package io.jiraspoke.camel.auth;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent without Spring Boot, end to end against a stubbed Atlassian authorization server: the command reads
 * the connection from a camel-main properties file (placeholders resolved), prints the consent URL, a "browser"
 * follows it through the stub's consent page to the command's callback, and the command writes the token store
 * and says which cloud id to configure. A callback with another state is refused while it keeps waiting.
 */
class JiraSpokeConsentCommandTest extends JiraSpokeTestSupport {

    static final String CLOUD_ID = "1324a887-45db-1bf4-1e99-ef0ff456d421";
    static final String REFRESH = "refresh-from-the-command-S3CRET";

    @TempDir
    Path dir;

    private Path properties(int port) throws Exception {
        String c = "camel.component.jiraspoke.connections[app].";
        Path file = dir.resolve("application.properties");
        Files.writeString(file, String.join("\n",
                c + "authType = oauth2-authorization-code",
                c + "clientId = app-client",
                c + "clientSecret = {{env:JIRASPOKE_TEST_UNSET_SECRET:client-S3CRET}}",
                c + "scopes = read:jira-work read:jira-user",
                c + "redirectUri = http://localhost:" + port + "/callback",
                c + "tokenStoreFile = " + dir.resolve("tokens.properties"),
                c + "tokenUrl = " + jira.baseUrl() + "/oauth/token",
                c + "authorizeUrl = " + jira.baseUrl() + "/authorize",
                c + "apiGatewayUrl = " + jira.baseUrl(),
                "camel.component.jiraspoke.connections[other].clientId = not-this-one", ""));
        return file;
    }

    private void stubAtlassian() {
        jira.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withTransformers("response-template")
                .withBody("<html><body><a id=\"accept\" href=\"{{{request.query.redirect_uri}}}?code=cli-code&amp;"
                          + "state={{{request.query.state}}}\">Accept</a></body></html>")));
        jira.stubFor(post("/oauth/token").withRequestBody(containing("\"code\":\"cli-code\""))
                .withRequestBody(containing("\"client_secret\":\"client-S3CRET\""))
                .willReturn(okJson("{\"access_token\":\"access-cli\",\"refresh_token\":\"" + REFRESH
                                   + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        jira.stubFor(get("/oauth/token/accessible-resources").withHeader("Authorization", equalTo("Bearer access-cli"))
                .willReturn(okJson("[{\"id\":\"" + CLOUD_ID + "\",\"url\":\"https://acme.atlassian.net\","
                                   + "\"name\":\"Acme\",\"scopes\":[\"read:jira-work\",\"read:jira-user\"]}]")));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void printsTheConsentUrlReceivesTheCallbackAndWritesTheTokenStore() throws Exception {
        stubAtlassian();
        int port = freePort();
        Path file = properties(port);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> JiraSpokeConsent.run(List.of(file.toString(), "app", "--timeout=1m"), out));

        String consentUrl = awaitLine(printed, Pattern.compile("^(http\\S+/authorize\\?\\S+)$"));
        assertThat(consentUrl).contains("client_id=app-client")
                .contains("scope=read%3Ajira-work%20read%3Ajira-user%20offline_access")
                .contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + port + "%2Fcallback");

        HttpClient browser = HttpClient.newHttpClient();
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/callback?code=cli-code&state=guessed")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(exit).isNotDone();

        String page = browser.send(HttpRequest.newBuilder(URI.create(consentUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(link.group(1).replace("&amp;",
                "&"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("is authorized for Acme");

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Set camel.component.jiraspoke.connections[app].cloudId = " + CLOUD_ID)
                .doesNotContain("client-S3CRET", REFRESH);
        assertThat(Files.readString(dir.resolve("tokens.properties"))).contains("app.refreshToken=" + REFRESH);
    }

    @Test
    void refusesWhatItCannotUse() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertThat(JiraSpokeConsent.run(List.of("only-one-argument"), out)).isEqualTo(2);
        Path file = properties(freePort());
        assertThat(JiraSpokeConsent.run(List.of(file.toString(), "nobody"), out)).isEqualTo(1);
        assertThat(JiraSpokeConsent.run(List.of(file.toString(), "app", "--timeout=1s"), out)).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Usage: JiraSpokeConsent")
                .contains("No settings of connection 'nobody'").contains("no callback came within PT1S");
    }

    private static String awaitLine(ByteArrayOutputStream printed, Pattern line) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (String l : printed.toString(StandardCharsets.UTF_8).split("\\R")) {
                Matcher m = line.matcher(l);
                if (m.matches()) {
                    return m.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the command printed no consent URL: " + printed);
    }
}
