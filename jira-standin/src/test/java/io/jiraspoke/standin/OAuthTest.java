package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Atlassian's OAuth 2.0 side of the Cloud emulator, and its media host, over HTTP. */
class OAuthTest {

    private static final String REDIRECT = "https://app.example.com/callback";

    @RegisterExtension
    final JiraEmulator jira = JiraEmulator.cloud().oauthClient("app-id", "app-secret");

    private Rest anonymous() {
        return new Rest(jira.baseUrl(), null);
    }

    private Rest bearer(String token) {
        return new Rest(jira.baseUrl(), "Bearer " + token);
    }

    private String gateway() {
        return "/ex/jira/" + jira.cloudId();
    }

    @Test
    void clientCredentialsGiveAnAccessTokenForTheGatewayOnly() {
        Rest.Response answer = anonymous().post("/oauth/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\"app-id\","
                + "\"client_secret\":\"app-secret\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.json().path("expires_in").asInt()).isEqualTo(3600);
        assertThat(answer.json().has("refresh_token")).as("no refresh token for client credentials").isFalse();
        String access = answer.json().path("access_token").asText();

        assertThat(bearer(access).get(gateway() + "/rest/api/3/myself").json().path("displayName").asText()).isEqualTo("Demo User");
        assertThat(bearer(access).get("/rest/api/3/myself").status()).as("not on the site URL").isEqualTo(401);
        assertThat(bearer("at-forged").get(gateway() + "/rest/api/3/myself").status()).isEqualTo(401);

        JsonNode sites = bearer(access).get("/oauth/token/accessible-resources").json();
        assertThat(sites).hasSize(1);
        assertThat(sites.path(0).path("id").asText()).isEqualTo(jira.cloudId());
        assertThat(sites.path(0).path("url").asText()).isEqualTo(jira.baseUrl());
        assertThat(sites.path(0).path("scopes")).extracting(JsonNode::asText).contains("read:jira-work");
        assertThat(anonymous().get("/oauth/token/accessible-resources").status()).isEqualTo(401);

        jira.expireOAuthAccessTokens();
        assertThat(bearer(access).get(gateway() + "/rest/api/3/myself").status()).isEqualTo(401);

        assertThat(anonymous().post("/oauth/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\"app-id\","
                + "\"client_secret\":\"wrong\"}").status()).isEqualTo(401);
        Rest.Response scoped = anonymous().post("/oauth/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\"app-id\","
                + "\"client_secret\":\"app-secret\",\"scope\":\"read:jira-work\"}");
        assertThat(scoped.json().path("error").asText()).as("Atlassian refuses a scope with client credentials").isEqualTo("invalid_scope");
        assertThat(jira.tokenRequests()).isEqualTo(3);
        assertThat(jira.tokenGrants()).containsOnly("client_credentials");
    }

    @Test
    void authorizationCodesAreExchangedOnceAndRefreshTokensRotate() {
        String code = jira.authorizationCode(REDIRECT);
        String form = "grant_type=authorization_code&client_id=app-id&client_secret=app-secret&code=" + code
                + "&redirect_uri=" + java.net.URLEncoder.encode(REDIRECT, java.nio.charset.StandardCharsets.UTF_8);
        Rest.Response exchanged = anonymous().send("POST", "/oauth/token", form, "application/x-www-form-urlencoded");
        assertThat(exchanged.status()).isEqualTo(200);
        String refresh1 = exchanged.json().path("refresh_token").asText();
        assertThat(refresh1).isNotEmpty();
        assertThat(anonymous().send("POST", "/oauth/token", form, "application/x-www-form-urlencoded").status())
                .as("a code is good once").isEqualTo(403);
        assertThat(anonymous().post("/oauth/token", "{\"grant_type\":\"authorization_code\",\"client_id\":\"app-id\",\"client_secret\":"
                + "\"app-secret\",\"code\":\"" + jira.authorizationCode(REDIRECT) + "\",\"redirect_uri\":\"https://evil.example.com\"}").status())
                .as("the redirect URI must match").isEqualTo(403);

        Rest.Response refreshed = anonymous().post("/oauth/token", refresh(refresh1));
        assertThat(refreshed.status()).isEqualTo(200);
        String refresh2 = refreshed.json().path("refresh_token").asText();
        assertThat(refresh2).isNotEqualTo(refresh1);
        Rest.Response reused = anonymous().post("/oauth/token", refresh(refresh1));
        assertThat(reused.status()).as("the old refresh token is spent").isEqualTo(403);
        assertThat(reused.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(anonymous().post("/oauth/token", refresh(refresh2)).status()).isEqualTo(200);
        assertThat(bearer(refreshed.json().path("access_token").asText()).get(gateway() + "/rest/api/3/serverInfo").status()).isEqualTo(200);
        assertThat(jira.tokenGrants()).containsExactly("authorization_code", "authorization_code", "authorization_code",
                "refresh_token", "refresh_token", "refresh_token");
    }

    private static String refresh(String token) {
        return "{\"grant_type\":\"refresh_token\",\"client_id\":\"app-id\",\"client_secret\":\"app-secret\",\"refresh_token\":\"" + token + "\"}";
    }

    @Test
    void theConsentPageConsentsAtOnce() {
        Rest.Response consent = anonymous().get("/authorize?audience=api.atlassian.com&client_id=app-id&scope=read%3Ajira-work%20offline_access"
                + "&redirect_uri=" + java.net.URLEncoder.encode(REDIRECT, java.nio.charset.StandardCharsets.UTF_8) + "&state=xyz&response_type=code");
        assertThat(consent.status()).isEqualTo(302);
        String location = consent.header("Location");
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
        String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
        Rest.Response exchanged = anonymous().post("/oauth/token", "{\"grant_type\":\"authorization_code\",\"client_id\":\"app-id\","
                + "\"client_secret\":\"app-secret\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + REDIRECT + "\"}");
        assertThat(exchanged.json().path("scope").asText()).isEqualTo("read:jira-work offline_access");
        assertThat(anonymous().get("/authorize?client_id=unknown&scope=x&redirect_uri=" + REDIRECT + "&response_type=code").status())
                .isEqualTo(400);
    }

    @Test
    void settingsDescribeOAuthConnectionsToTheEmulator() {
        Map<String, String> cc = jira.oauthClientCredentialsSettings();
        assertThat(cc).containsEntry("authType", "oauth2-client-credentials").containsEntry("cloudId", jira.cloudId())
                .containsEntry("apiGatewayUrl", jira.baseUrl()).containsEntry("tokenUrl", jira.baseUrl() + "/oauth/token")
                .containsEntry("clientId", "app-id").containsEntry("clientSecret", "app-secret").containsEntry("mediaHosts", jira.mediaUrl())
                .doesNotContainKey("baseUrl");
        Map<String, String> threeLo = jira.oauthAuthorizationCodeSettings();
        assertThat(threeLo).containsEntry("authType", "oauth2-authorization-code").containsKey("refreshToken");
        assertThat(threeLo.get("scopes")).contains("offline_access");
        assertThat(anonymous().post("/oauth/token", refresh(threeLo.get("refreshToken"))).status()).isEqualTo(200);
        Map<String, String> withCode = jira.oauthAuthorizationCodeSettings(REDIRECT);
        assertThat(withCode).containsEntry("redirectUri", REDIRECT).containsKey("authorizationCode").doesNotContainKey("refreshToken");
        assertThatThrownBy(() -> JiraEmulator.dataCenter().oauthClient("a", "b")).isInstanceOf(IllegalStateException.class);
        try (JiraEmulator none = JiraEmulator.cloud().start()) {
            assertThatThrownBy(none::oauthClientCredentialsSettings).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("oauthClient(clientId, clientSecret)");
            assertThat(new Rest(none.baseUrl(), null).post("/oauth/token", refresh("x")).status()).isEqualTo(401);
        }
        try (JiraEmulator dc = JiraEmulator.dataCenter().start()) {
            assertThat(new Rest(dc.baseUrl(), null).post("/oauth/token", refresh("x")).status()).as("no Atlassian OAuth on Data Center").isEqualTo(401);
        }
    }

    @Test
    void theMediaHostServesWithItsOwnTokenAndRefusesJirasCredentials() {
        Rest rest = new Rest(jira);
        String key = jira.createIssue("DEMO", "Task", "Logs");
        String id = rest.upload("/rest/api/3/issue/" + key + "/attachments", "build log.txt", "passed").json().path(0).path("id").asText();
        String location = rest.get("/rest/api/3/attachment/content/" + id).header("Location");
        assertThat(location).startsWith(jira.mediaUrl()).isNotEqualTo(jira.baseUrl()).contains("&name=build%20log.txt");
        String path = location.substring(jira.mediaUrl().length());
        Rest media = new Rest(jira.mediaUrl(), null);
        assertThat(new Rest(jira.mediaUrl(), Rest.basic(jira.email(), jira.apiToken())).get(path).status())
                .as("Jira's credentials must not reach the media host").isEqualTo(403);
        Rest.Response content = media.get(path);
        assertThat(content.text()).isEqualTo("passed");
        assertThat(content.header("Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''build%20log.txt");
        assertThat(media.get(path.replaceAll("token=[^&]+", "token=forged")).status()).isEqualTo(401);
        assertThat(jira.mediaRequests()).extracting(JiraEmulator.MediaRequest::status).containsExactly(403, 200, 401);
        assertThat(jira.mediaRequests().get(0).authorization()).isTrue();
        rest.delete("/rest/api/3/attachment/" + id);
        assertThat(media.get(path).status()).as("deleted since the redirect").isEqualTo(404);
        jira.reset();
        assertThat(jira.mediaRequests()).isEmpty();
    }
}
