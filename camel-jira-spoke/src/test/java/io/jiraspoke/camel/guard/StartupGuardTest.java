package io.jiraspoke.camel.guard;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * An endpoint refuses to start, naming connection, action and what is missing, when the action does not exist on
 * the connection's deployment, is excluded for its auth type, or needs scopes the connection does not list. None
 * of this calls Jira.
 */
class StartupGuardTest extends JiraSpokeTestSupport {

    static final String CLOUD_ID = "11223344-5566-7788-99aa-bbccddeeff00";
    static final String ISSUE_CREATE_CLASSIC = "write:jira-work read:jira-work";
    static final String ISSUE_CREATE_GRANULAR = "write:issue:jira write:comment:jira write:comment.property:jira"
                                                + " write:attachment:jira read:issue:jira";

    JiraSpokeConnection scoped(String scopes) {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("scoped-api-token");
        c.setCloudId(CLOUD_ID);
        c.setEmail(CLOUD_EMAIL);
        c.setApiToken(CLOUD_API_TOKEN);
        c.setScopes(scopes);
        c.setApiGatewayUrl(jira.baseUrl());
        return c;
    }

    JiraSpokeConnection oauth(String authType, String scopes) {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType(authType);
        c.setCloudId(CLOUD_ID);
        c.setClientId("client-id");
        c.setClientSecret("client-secret-S3CRET");
        if (authType.equals("oauth2-authorization-code")) {
            c.setRefreshToken("refresh-token-S3CRET");
        }
        c.setScopes(scopes);
        c.setApiGatewayUrl(jira.baseUrl());
        c.setTokenUrl(jira.baseUrl() + "/oauth/token");
        return c;
    }

    String startFailure(String name, JiraSpokeConnection connection, String uri) {
        return startFailure(Map.of(name, connection), sendingTo(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = { "oauth2-authorization-code", "oauth2-client-credentials" })
    void userCreateRefusesToStartOnAnOAuthConnection(String authType) {
        String message = startFailure("oauth", oauth(authType, "read:jira-user write:jira-work"),
                "jiraspoke:user/create?connection=oauth");

        assertThat(message)
                .contains("Endpoint jiraspoke:user/create cannot start on connection 'oauth'")
                .contains("cannot be used with authType " + authType)
                .contains("use a connection with one of: basic-api-token")
                .doesNotContain("not implemented");
        assertThat(jira.getAllServeEvents()).as("no call to Jira or the token endpoint at start").isEmpty();
    }

    @Test
    void userCreateRefusesToStartOnAScopedApiToken() {
        String message = startFailure("scoped", scoped("read:jira-user"), "jiraspoke:user/create?connection=scoped");

        assertThat(message).contains("connection 'scoped'").contains("user/create")
                .contains("authType scoped-api-token").contains("one of: basic-api-token");
    }

    @Test
    void userCreateStartsOnAnAllowedAuthType() throws Exception {
        start(Map.of("cloud", cloud()), sendingTo("jiraspoke:user/create?connection=cloud"));

        assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted())
                .isTrue();
        assertThat(jira.getAllServeEvents()).as("no call to Jira at start").isEmpty();
    }

    @Test
    void issueCreateNamesTheMissingClassicAndGranularScopes() {
        String message = startFailure("scoped", scoped("read:jira-work read:issue:jira"),
                "jiraspoke:issue/create?connection=scoped");

        assertThat(message)
                .contains("Endpoint jiraspoke:issue/create cannot start on connection 'scoped'")
                .contains("needs scopes the connection does not list")
                .contains("classic scopes [write:jira-work, read:jira-work] (missing [write:jira-work])")
                .contains("granular scopes [write:issue:jira, write:comment:jira, write:comment.property:jira,"
                          + " write:attachment:jira, read:issue:jira] (missing [write:issue:jira,"
                          + " write:comment:jira, write:comment.property:jira, write:attachment:jira])")
                .contains("'scopes' option");
    }

    @Test
    void issueCreateOnAnOAuthConnectionIsCheckedTheSameWay() {
        String message = startFailure("oauth", oauth("oauth2-client-credentials", "read:jira-work"),
                "jiraspoke:issue/create?connection=oauth");

        assertThat(message).contains("connection 'oauth'").contains("(missing [write:jira-work])")
                .contains("(missing [write:issue:jira");
    }

    @ParameterizedTest
    @ValueSource(strings = { ISSUE_CREATE_CLASSIC, ISSUE_CREATE_GRANULAR,
            "WRITE:JIRA-WORK,read:jira-work,read:sprint:jira-software" })
    void issueCreateStartsWithEitherFullScopeSet(String scopes) throws Exception {
        start(Map.of("scoped", scoped(scopes)), sendingTo("jiraspoke:issue/create?connection=scoped"));

        assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted())
                .isTrue();
    }

    @Test
    void aConsumerIsCheckedToo() {
        String message = startFailure(Map.of("scoped", scoped("write:jira-work")), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/search?connection=scoped&jql=project = ABC").to("mock:out");
            }
        });

        assertThat(message).contains("jiraspoke:issue/search cannot start on connection 'scoped'")
                .contains("(missing [read:jira-work])");
    }

    @Test
    void anActionMissingFromTheDeploymentRefusesToStart() {
        String message = startFailure("dc", server(), "jiraspoke:user/list?connection=dc");

        assertThat(message).contains("Endpoint jiraspoke:user/list cannot start on connection 'dc'")
                .contains("does not exist on Jira server; it exists on: cloud")
                .doesNotContain("not implemented");
    }

    @Test
    void anExtensionIsGuardedByItsOwnScopes() throws Exception {
        // user/search is a Data Center action in the spoke; the component extends it to Cloud
        String message = startFailure("scoped", scoped("read:group:jira"), "jiraspoke:user/search?connection=scoped");

        assertThat(message).contains("jiraspoke:user/search cannot start on connection 'scoped'")
                .contains("(missing [read:jira-user])").doesNotContain("does not exist");
    }

    @Test
    void theExtensionsStartOnTheDeploymentsTheSpokeLeavesOut() throws Exception {
        start(Map.of("cloud", cloud(), "dc", server()), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:users").to("jiraspoke:user/search?connection=cloud&query=ada");
                // and group/list, a Cloud action in the spoke, is extended to Data Center
                from("direct:groups").to("jiraspoke:group/list?connection=dc");
            }
        });
        assertThat(context.getRoutes()).hasSize(2);
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    @Test
    void serverInfoStartsWithAnyScopesAndWorks() throws Exception {
        jira.stubFor(get("/ex/jira/" + CLOUD_ID + "/rest/api/3/serverInfo")
                .willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("scoped", scoped("read:sprint:jira-software")), sendingTo("jiraspoke:server/info?connection=scoped"));

        JiraServerInfo info = template.requestBody("direct:in", null, JiraServerInfo.class);

        assertThat(info.getDeploymentType()).isEqualTo("Cloud");
    }

    @ParameterizedTest
    @ValueSource(strings = { "scoped-api-token", "oauth2-client-credentials" })
    void aScopedConnectionWithoutScopesFailsNamingTheOption(String authType) {
        JiraSpokeConnection c = authType.equals("scoped-api-token")
                ? scoped(null) : oauth(authType, null);

        String message = startFailure("noscopes", c, "jiraspoke:server/info?connection=noscopes");

        assertThat(message).contains("Jira connection 'noscopes' (authType " + authType + ") is misconfigured")
                .contains("option 'scopes' is required");
    }

    @Test
    void unscopedCredentialsAreNotCheckedForScopes() {
        assertThatNoException().isThrownBy(() -> start(Map.of("cloud", cloud()),
                sendingTo("jiraspoke:issue/create?connection=cloud")));
    }
}
