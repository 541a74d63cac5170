package io.jiraspoke.camel.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Each auth type sends its credential in the right form to the right base URL. */
class AuthHeaderTest extends OAuthTestSupport {

    private static final String DC_MYSELF_JSON = "{\"name\":\"admin\",\"key\":\"JIRAUSER10000\","
                                                 + "\"displayName\":\"Admin\",\"active\":true}";

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private JiraUser myself(JiraSpokeConnection connection) throws Exception {
        start(Map.of("jira", connection));
        Exchange ex = send("jiraspoke:user/myself?connection=jira", null, Map.of());
        assertThat(ex.getException()).isNull();
        return ex.getMessage().getBody(JiraUser.class);
    }

    @Test
    void basicApiTokenSendsBasicEmailAndTokenToTheSiteUrl() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(MYSELF_JSON)));

        JiraUser me = myself(cloud());

        assertThat(me.getAccountId()).isEqualTo("5b10a2844c20165700ede21g");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/myself"))
                .withHeader("Authorization", equalTo(basic(CLOUD_EMAIL, CLOUD_API_TOKEN))));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @Test
    void scopedApiTokenSendsBasicToTheGatewayWithTheCloudId() throws Exception {
        jira.stubFor(get(MYSELF).willReturn(okJson(MYSELF_JSON)));
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("scoped-api-token");
        c.setCloudId(CLOUD_ID);
        c.setEmail(CLOUD_EMAIL);
        c.setApiToken("scoped-token-S3CRET");
        c.setScopes("read:jira-user");
        c.setApiGatewayUrl(jira.baseUrl() + "/");

        JiraUser me = myself(c);

        assertThat(me.getAccountId()).isEqualTo("5b10a2844c20165700ede21g");
        jira.verify(1, getRequestedFor(urlEqualTo(MYSELF))
                .withHeader("Authorization", equalTo(basic(CLOUD_EMAIL, "scoped-token-S3CRET"))));
        assertThat(jira.getAllServeEvents()).as("nothing goes to the site URL").hasSize(1);
    }

    @Test
    void authorizationCodeSendsTheBearerFromTheTokenEndpointToTheGateway() throws Exception {
        stubRefresh(INITIAL_REFRESH, "access-3lo", "refresh-2", 3600);
        stubMyself("access-3lo");

        JiraUser me = myself(threeLegged());

        assertThat(me.getAccountId()).isEqualTo("5b10a2844c20165700ede21g");
        jira.verify(1, getRequestedFor(urlEqualTo(MYSELF))
                .withHeader("Authorization", equalTo("Bearer access-3lo")));
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void clientCredentialsAsksForATokenWithIdAndSecretAndSendsItAsBearer() throws Exception {
        stubClientCredentials("access-svc", 3600);
        stubMyself("access-svc");

        JiraUser me = myself(clientCredentials());

        assertThat(me.getAccountId()).isEqualTo("5b10a2844c20165700ede21g");
        jira.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"client_id\":\"" + CLIENT_ID
                                             + "\",\"client_secret\":\"" + CLIENT_SECRET + "\"}")));
        jira.verify(1, getRequestedFor(urlEqualTo(MYSELF)).withHeader("Authorization",
                equalTo("Bearer access-svc")));
    }

    @Test
    void personalAccessTokenSendsBearerToTheBaseUrlOnApiV2() throws Exception {
        jira.stubFor(get("/rest/api/2/myself").willReturn(okJson(DC_MYSELF_JSON)));

        JiraUser me = myself(server());

        assertThat(me.getName()).isEqualTo("admin");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/myself"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @Test
    void basicSendsUserAndPasswordToTheBaseUrlOnApiV2() throws Exception {
        jira.stubFor(get("/rest/api/2/myself").willReturn(okJson(DC_MYSELF_JSON)));
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("basic");
        c.setBaseUrl(jira.baseUrl());
        c.setUsername("admin");
        c.setPassword("pässword-S3CRET");

        JiraUser me = myself(c);

        assertThat(me.getName()).isEqualTo("admin");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/myself"))
                .withHeader("Authorization", equalTo(basic("admin", "pässword-S3CRET"))));
    }

    @Test
    void serverInfoUsesTheSameCredentialAsEveryOtherAction() throws Exception {
        jira.stubFor(get("/ex/jira/" + CLOUD_ID + "/rest/api/3/serverInfo")
                .willReturn(okJson(json("cloud-serverInfo.json"))));
        stubRefresh(INITIAL_REFRESH, "access-3lo", "refresh-2", 3600);
        start(Map.of("jira", threeLegged()));

        Exchange ex = send("jiraspoke:server/info?connection=jira", null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo("/ex/jira/" + CLOUD_ID + "/rest/api/3/serverInfo"))
                .withHeader("Authorization", equalTo("Bearer access-3lo")));
    }

    @Test
    void refreshTokenGrantBody() throws Exception {
        stubRefresh(INITIAL_REFRESH, "access-3lo", "refresh-2", 3600);
        stubMyself("access-3lo");

        myself(threeLegged());

        jira.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("{\"grant_type\":\"refresh_token\",\"client_id\":\"" + CLIENT_ID
                                             + "\",\"client_secret\":\"" + CLIENT_SECRET
                                             + "\",\"refresh_token\":\"" + INITIAL_REFRESH + "\"}")));
    }

    @Test
    void authorizationCodeGrantBodyCarriesCodeAndRedirectUri() throws Exception {
        jira.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("authorization_code")))
                .willReturn(okJson(tokenJson("access-3lo", "refresh-2", 3600))));
        stubMyself("access-3lo");
        JiraSpokeConnection c = threeLegged();
        c.setRefreshToken(null);
        c.setAuthorizationCode("code-S3CRET");
        c.setRedirectUri("https://app.example.com/callback");

        myself(c);

        jira.verify(1, postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(equalToJson("{\"grant_type\":\"authorization_code\",\"client_id\":\"" + CLIENT_ID
                                             + "\",\"client_secret\":\"" + CLIENT_SECRET
                                             + "\",\"code\":\"code-S3CRET\",\"redirect_uri\":"
                                             + "\"https://app.example.com/callback\"}")));
        jira.verify(1, getRequestedFor(urlEqualTo(MYSELF)).withHeader("Authorization",
                equalTo("Bearer access-3lo")));
    }
}
