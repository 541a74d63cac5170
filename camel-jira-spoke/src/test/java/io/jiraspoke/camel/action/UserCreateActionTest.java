package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * user/create: Cloud {@code POST /rest/api/3/user} with {@code emailAddress} and {@code products} (Jira invites the
 * user); Data Center {@code POST /rest/api/2/user} with name, password, e-mail, display name and application keys.
 */
class UserCreateActionTest extends ActionTestSupport {

    private static final String PASSWORD = "Tr0ub4dor&3-S3CRET";

    private final LogCapture capture = new LogCapture();

    @AfterEach
    void detachCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(capture.getName());
        ctx.updateLoggers();
    }

    private JsonNode sentBody(Flavor f) {
        return tree(jira.findAll(postRequestedFor(urlEqualTo(f.api + "/user"))).get(0).getBodyAsString());
    }

    @Test
    void cloudInvitesByEmailWithTheProductsGiven() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/3/user")).willReturn(created(json("cloud-user-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "user/create", "emailAddress=grace.hopper@example.com"
                                                            + "&products=jira-software, jira-servicedesk"),
                null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(sentBody(Flavor.CLOUD).toString()).isEqualTo("{\"emailAddress\":\"grace.hopper@example.com\","
                                                              + "\"products\":[\"jira-software\",\"jira-servicedesk\"]}");
        JiraUser user = ex.getMessage().getBody(JiraUser.class);
        assertThat(user.getAccountId()).isEqualTo("712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f");
        assertThat(user.getEmailAddress()).isEqualTo("grace.hopper@example.com");
        assertThat(user.getSelf()).startsWith("https://example.atlassian.net/rest/api/3/user?accountId=");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER)).isEqualTo(user.getAccountId());
    }

    @Test
    void dataCenterCreatesTheAccountFromOptions() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/2/user")).willReturn(created(json("dc-user-created.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/create", "user=ghopper&emailAddress=grace.hopper@example.com"
                                                         + "&displayName=RAW(Grace Hopper)&products=jira-software"
                                                         + "&userPassword=RAW(" + PASSWORD + ")"),
                null, Map.of());

        assertThat(ex.getException()).isNull();
        JsonNode body = sentBody(Flavor.DC);
        assertThat(body.path("name").asText()).isEqualTo("ghopper");
        assertThat(body.path("password").asText()).isEqualTo(PASSWORD);
        assertThat(body.path("emailAddress").asText()).isEqualTo("grace.hopper@example.com");
        assertThat(body.path("displayName").asText()).isEqualTo("Grace Hopper");
        assertThat(body.path("applicationKeys").toString()).isEqualTo("[\"jira-software\"]");
        assertThat(body.has("products")).isFalse();
        JiraUser user = ex.getMessage().getBody(JiraUser.class);
        assertThat(user.getName()).isEqualTo("ghopper");
        assertThat(user.getKey()).isEqualTo("JIRAUSER10517");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER)).isEqualTo("ghopper");
    }

    @Test
    void fieldsInTheBodyWinOverOptionsAndGoAsJiraTakesThem() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/2/user")).willReturn(created(json("dc-user-created.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/create", "emailAddress=other@example.com&displayName=Other"),
                "{\"name\":\"jgross\",\"displayName\":\"Jürgen Groß\",\"emailAddress\":\"juergen.gross@example.com\","
                + "\"notification\":true}", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(sentBody(Flavor.DC).toString()).isEqualTo("{\"name\":\"jgross\",\"displayName\":\"Jürgen Groß\","
                                                           + "\"emailAddress\":\"juergen.gross@example.com\","
                                                           + "\"notification\":true}");
    }

    @Test
    void aCloudUserWithoutProductAccessComesFromAnEmptyListInTheBody() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/3/user")).willReturn(created(json("cloud-user-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "user/create", ""),
                Map.of("emailAddress", "grace.hopper@example.com", "products", List.of()), Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(sentBody(Flavor.CLOUD).path("products").toString()).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "emailAddress=a@example.com; 'products'",
            "products=jira-software; 'emailAddress'",
            "emailAddress=a@example.com&products=jira-software&user=ghopper; 'user'",
            "emailAddress=a@example.com&products=jira-software&displayName=Ada; 'displayName'",
            "emailAddress=a@example.com&products=jira-software&userPassword=x; 'userPassword'" })
    void cloudRefusesWhatItDoesNotTake(String options, String named) throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "user/create", options), null, Map.of());

        assertRefusedLocally(ex, "user/create", named);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "emailAddress=a@example.com; 'user'",
            "user=ada; 'emailAddress'" })
    void dataCenterNeedsANameAndAnEmail(String options, String named) throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/create", options), null, Map.of());

        assertRefusedLocally(ex, "user/create", named);
    }

    @Test
    void aTextBodyIsRefusedRatherThanIgnored() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/create", "user=ada&emailAddress=a@example.com"), "Ada Lovelace",
                Map.of());

        assertRefusedLocally(ex, "user/create", "JSON object");
    }

    @Test
    void thePasswordReachesNoLogNoExceptionAndNoEndpointUri() throws Exception {
        capture.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        Level before = ctx.getConfiguration().getRootLogger().getLevel();
        // DEBUG, as SecretsNeverLeakTest: at TRACE Camel's own endpoint resolution prints every URI as written
        Configurator.setRootLevel(Level.DEBUG);
        ctx.updateLoggers();
        try {
            // Jira refusing the user and echoing the request, password included
            jira.stubFor(post(urlEqualTo("/rest/api/2/user")).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody("{\"errorMessages\":[],\"errors\":{\"password\":\"The password '" + PASSWORD
                              + "' does not meet the password policy.\"}}")));
            start(Flavor.DC);
            String endpoint = uri(Flavor.DC, "user/create", "user=ghopper&emailAddress=grace.hopper@example.com"
                                                            + "&userPassword=RAW(" + PASSWORD + ")");

            Exchange ex = send(endpoint, null, Map.of());

            JiraSpokeBadRequestException e = failure(ex, JiraSpokeBadRequestException.class);
            assertThat(causes(e)).contains("password policy").doesNotContain(PASSWORD);
            assertThat(e.getErrors().toString()).doesNotContain(PASSWORD);
            assertThat(context.getEndpoints()).isNotEmpty()
                    .allSatisfy(ep -> assertThat(ep.toString()).doesNotContain(PASSWORD));
            assertThat(capture.events).isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
        } finally {
            Configurator.setRootLevel(before);
            ctx.updateLoggers();
        }
    }
}
