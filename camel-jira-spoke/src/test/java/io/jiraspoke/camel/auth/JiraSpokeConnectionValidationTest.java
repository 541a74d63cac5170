package io.jiraspoke.camel.auth;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JiraSpokeConnection#validate}: the auth type in force, and messages that name connection and option. */
class JiraSpokeConnectionValidationTest {

    private static final String CLOUD_ID = "11111111-2222-3333-4444-555555555555";

    private static JiraSpokeConnection basicApiToken() {
        return JiraSpokeConnection.basicApiToken("https://acme.atlassian.net", "bot@example.com", "api-token-S3CRET");
    }

    private static JiraSpokeConnection scoped() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("scoped-api-token");
        c.setCloudId(CLOUD_ID);
        c.setEmail("bot@example.com");
        c.setApiToken("scoped-token-S3CRET");
        c.setScopes("read:jira-user");
        return c;
    }

    private static JiraSpokeConnection threeLeggedOAuth() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-authorization-code");
        c.setCloudId(CLOUD_ID);
        c.setClientId("client-id");
        c.setClientSecret("client-secret-S3CRET");
        c.setRefreshToken("refresh-S3CRET");
        c.setScopes("read:jira-user offline_access");
        return c;
    }

    private static String failure(JiraSpokeConnection c, String name) {
        try {
            c.validate(name);
        } catch (JiraSpokeConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("validate('" + name + "') accepted " + c);
    }

    @Test
    void validConnectionsAnswerTheirAuthType() {
        assertThat(basicApiToken().validate("a")).isEqualTo(AuthType.BASIC_API_TOKEN);
        assertThat(scoped().validate("b")).isEqualTo(AuthType.SCOPED_API_TOKEN);
        assertThat(threeLeggedOAuth().validate("c")).isEqualTo(AuthType.OAUTH2_AUTHORIZATION_CODE);
        assertThat(JiraSpokeConnection.personalAccessToken("https://jira.example.com", "pat").validate("d"))
                .isEqualTo(AuthType.PERSONAL_ACCESS_TOKEN);
    }

    @Test
    void missingApiTokenNamesConnectionAndOption() {
        JiraSpokeConnection c = basicApiToken();
        c.setApiToken(null);

        String message = failure(c, "acme-cloud");

        assertThat(message).contains("Jira connection 'acme-cloud'").contains("basic-api-token")
                .contains("option 'apiToken' is required");
    }

    @Test
    void blankRequiredOptionCountsAsMissing() {
        JiraSpokeConnection c = basicApiToken();
        c.setEmail("  ");

        assertThat(failure(c, "acme")).contains("Jira connection 'acme'").contains("option 'email' is required");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-client-credentials");

        String message = failure(c, "svc");

        assertThat(message).contains("Jira connection 'svc'").contains("option 'cloudId' is required")
                .contains("option 'clientId' is required").contains("option 'clientSecret' is required")
                .contains("option 'scopes' is required");
    }

    @Test
    void baseUrlGivenToScopedApiTokenIsRefusedWithTheGatewayToUse() {
        JiraSpokeConnection c = scoped();
        c.setBaseUrl("https://acme.atlassian.net");

        String message = failure(c, "scoped");

        assertThat(message).contains("Jira connection 'scoped'")
                .contains("option 'baseUrl' is not used by authType scoped-api-token")
                .contains("https://api.atlassian.com/ex/jira/{cloudId}").contains("'cloudId'");
    }

    @Test
    void baseUrlGivenToOAuthIsRefused() {
        JiraSpokeConnection c = threeLeggedOAuth();
        c.setBaseUrl("https://acme.atlassian.net");

        assertThat(failure(c, "3lo")).contains("Jira connection '3lo'")
                .contains("option 'baseUrl' is not used by authType oauth2-authorization-code");
    }

    @Test
    void optionsOfAnotherAuthTypeAreNamed() {
        JiraSpokeConnection c = basicApiToken();
        c.setPassword("pw");
        c.setPersonalAccessToken("pat");
        c.setRefreshToken("rt");

        String message = failure(c, "mixed");

        assertThat(message).contains("Jira connection 'mixed'")
                .contains("option 'password' is not used by authType basic-api-token")
                .contains("option 'personalAccessToken' is not used by authType basic-api-token")
                .contains("option 'refreshToken' is not used by authType basic-api-token");
    }

    @Test
    void scopesAndTokenStoreAreNotForStaticCredentials() {
        JiraSpokeConnection c = JiraSpokeConnection.personalAccessToken("https://jira.example.com", "pat");
        c.setScopes("READ");
        c.setTokenStoreFile("/tmp/tokens.properties");

        String message = failure(c, "dc");

        assertThat(message).contains("Jira connection 'dc'")
                .contains("option 'scopes' is not used by authType personal-access-token")
                .contains("option 'tokenStoreFile' is not used by authType personal-access-token");
    }

    @Test
    void refreshTokenIsNotForClientCredentials() {
        JiraSpokeConnection c = threeLeggedOAuth();
        c.setAuthType("oauth2-client-credentials");

        assertThat(failure(c, "svc")).contains("Jira connection 'svc'")
                .contains("option 'refreshToken' is not used by authType oauth2-client-credentials");
    }

    @Test
    void deploymentThatContradictsTheAuthTypeIsRefused() {
        JiraSpokeConnection dc = JiraSpokeConnection.personalAccessToken("https://jira.example.com", "pat");
        dc.setDeployment("cloud");
        assertThat(failure(dc, "dc")).contains("Jira connection 'dc'")
                .contains("authType personal-access-token exists only on Jira server, but deployment is cloud");

        JiraSpokeConnection cloud = basicApiToken();
        cloud.setDeployment("server");
        assertThat(failure(cloud, "cloud")).contains("Jira connection 'cloud'")
                .contains("authType basic-api-token exists only on Jira cloud, but deployment is server");
    }

    @Test
    void matchingOrAutoDeploymentIsAccepted() {
        JiraSpokeConnection dc = JiraSpokeConnection.personalAccessToken("https://jira.example.com", "pat");
        dc.setDeployment("datacenter");
        assertThat(dc.validate("dc")).isEqualTo(AuthType.PERSONAL_ACCESS_TOKEN);

        JiraSpokeConnection cloud = basicApiToken();
        cloud.setDeployment("auto");
        assertThat(cloud.validate("cloud")).isEqualTo(AuthType.BASIC_API_TOKEN);
    }

    @Test
    void authorizationCodeNeedsRedirectUri() {
        JiraSpokeConnection c = threeLeggedOAuth();
        c.setRefreshToken(null);
        c.setAuthorizationCode("code-S3CRET");

        String message = failure(c, "3lo");

        assertThat(message).contains("Jira connection '3lo'")
                .contains("option 'redirectUri' is required with 'authorizationCode'")
                .doesNotContain("code-S3CRET");
    }

    @Test
    void threeLeggedOAuthNeedsSomeSourceOfTokens() {
        JiraSpokeConnection c = threeLeggedOAuth();
        c.setRefreshToken(null);

        assertThat(failure(c, "3lo")).contains("Jira connection '3lo'").contains("'refreshToken'")
                .contains("'authorizationCode'").contains("'tokenStoreFile'");

        c.setTokenStoreFile("/tmp/tokens.properties");
        assertThat(c.validate("3lo")).isEqualTo(AuthType.OAUTH2_AUTHORIZATION_CODE);
    }

    @Test
    void maxAttemptsMustBePositive() {
        JiraSpokeConnection c = basicApiToken();
        c.setMaxAttempts(0);

        assertThat(failure(c, "x")).contains("Jira connection 'x'").contains("option 'maxAttempts'");
    }

    @Test
    void messagesNeverShowSecrets() {
        JiraSpokeConnection c = basicApiToken();
        c.setPassword("password-S3CRET");
        c.setClientSecret("client-secret-S3CRET");
        c.setEmail(null);

        String message = failure(c, "x");

        assertThat(message).doesNotContain("S3CRET");
        assertThat(c.toString()).doesNotContain("S3CRET");
    }

    @Test
    void unknownAuthTypeNamesConnectionAndOption() {
        JiraSpokeConnection c = basicApiToken();
        c.setAuthType("api-token");

        assertThat(failure(c, "acme")).contains("Jira connection 'acme'").contains("'authType'")
                .contains("api-token").contains("basic-api-token");
    }

    @Test
    void unknownDeploymentNamesConnectionAndOption() {
        JiraSpokeConnection c = basicApiToken();
        c.setDeployment("onprem");

        assertThat(failure(c, "acme")).contains("Jira connection 'acme'").contains("'deployment'")
                .contains("onprem");
    }

    // inferred auth types

    @Test
    void inferredPersonalAccessToken() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setBaseUrl("https://jira.example.com");
        c.setPersonalAccessToken("pat");
        assertThat(c.validate("x")).isEqualTo(AuthType.PERSONAL_ACCESS_TOKEN);
    }

    @Test
    void inferredBasicFromUserAndPassword() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setBaseUrl("https://jira.example.com");
        c.setUsername("admin");
        c.setPassword("pw");
        assertThat(c.validate("x")).isEqualTo(AuthType.BASIC);
    }

    @Test
    void inferredBasicApiTokenFromSiteUrl() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setBaseUrl("https://acme.atlassian.net");
        c.setEmail("bot@example.com");
        c.setApiToken("t");
        assertThat(c.validate("x")).isEqualTo(AuthType.BASIC_API_TOKEN);
    }

    @Test
    void inferredScopedApiTokenFromCloudIdWithoutSiteUrl() {
        JiraSpokeConnection c = scoped();
        c.setAuthType(null);
        assertThat(c.validate("x")).isEqualTo(AuthType.SCOPED_API_TOKEN);
    }

    @Test
    void inferredAuthorizationCodeFromRefreshTokenOrCode() {
        JiraSpokeConnection c = threeLeggedOAuth();
        c.setAuthType(null);
        assertThat(c.validate("x")).isEqualTo(AuthType.OAUTH2_AUTHORIZATION_CODE);

        c.setRefreshToken(null);
        c.setAuthorizationCode("code");
        c.setRedirectUri("https://app.example.com/callback");
        assertThat(c.validate("x")).isEqualTo(AuthType.OAUTH2_AUTHORIZATION_CODE);
    }

    @Test
    void inferredClientCredentialsFromSecretAlone() {
        JiraSpokeConnection c = threeLeggedOAuth();
        c.setAuthType(null);
        c.setRefreshToken(null);
        assertThat(c.validate("x")).isEqualTo(AuthType.OAUTH2_CLIENT_CREDENTIALS);
    }

    @Test
    void inferredTypeIsStillValidatedAndNamed() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setBaseUrl("https://acme.atlassian.net");
        c.setApiToken("t");

        assertThat(failure(c, "guess")).contains("Jira connection 'guess' (authType basic-api-token)")
                .contains("option 'email' is required");
    }

    @Test
    void noCredentialsAtAll() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setBaseUrl("https://jira.example.com");

        assertThat(failure(c, "empty")).contains("Jira connection 'empty' has no credentials")
                .contains("'authType'").contains("personal-access-token");
    }
}
