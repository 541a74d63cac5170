package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.model.JiraWebhook;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * webhook/subscribe: what each webhook API is sent, that subscribing again (also after a restart) registers no
 * second webhook, that a changed definition updates the one there (app webhooks: registered anew, the old one
 * deleted), and that the secret reaches Jira and nothing else.
 */
class WebhookSubscribeActionTest extends WebhookTestSupport {

    static final String OPTIONS = "webhookName=RAW(Camel bridge)&webhookUrl=" + HOOK_URL
                                  + "&webhookEvents=jira:issue_created,jira:issue_updated&jql=RAW(project = PROJ)";
    static final String APP_OPTIONS = "webhookUrl=" + HOOK_URL + "&webhookEvents=jira:issue_created,jira:issue_updated"
                                      + "&jql=RAW(project = PROJ)";

    private final LogCapture capture = new LogCapture();
    private Level rootLevel;

    /** Everything at DEBUG, so that a secret in any log would be seen. */
    @BeforeEach
    void captureLogsAtDebug() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        rootLevel = cfg.getRootLogger().getLevel();
        capture.start();
        cfg.addAppender(capture);
        cfg.getRootLogger().addAppender(capture, Level.ALL, null);
        Configurator.setRootLevel(Level.DEBUG);
        ctx.updateLoggers();
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

    JiraWebhook subscribed(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        return ex.getMessage().getBody(JiraWebhook.class);
    }

    static String outcome(Exchange ex) {
        return ex.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_OUTCOME, String.class);
    }

    static JsonNode body(LoggedRequest r) {
        return tree(r.getBodyAsString());
    }

    @Test
    void cloudRegistersTheAdminWebhookWithTheBodyJiraDocuments() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson("[]")));
        ObjectNode answer = admin(3, "Camel bridge", HOOK_URL, "project = PROJ", "jira:issue_created",
                "jira:issue_updated");
        answer.put("secret", WEBHOOK_SECRET);
        jira.stubFor(post(ADMIN).willReturn(created(answer.toString())));
        startWith(cloud());

        Exchange ex = send(uri("webhook/subscribe", OPTIONS + "&webhookExcludeBody=true&webhookSecret="
                                                    + WEBHOOK_SECRET), null, Map.of());

        JiraWebhook hook = subscribed(ex);
        assertThat(hook.getId()).isEqualTo("3");
        assertThat(hook.getRaw().toString()).as("the secret Jira echoed").doesNotContain(WEBHOOK_SECRET);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_ID)).isEqualTo("3");
        assertThat(outcome(ex)).isEqualTo("created");
        assertThat(methods()).containsExactly("GET " + ADMIN, "POST " + ADMIN);
        assertThat(body(webhookRequests().get(1))).isEqualTo(tree("""
                {"name":"Camel bridge","url":"https://camel.example.com/jira/events",
                 "events":["jira:issue_created","jira:issue_updated"],
                 "filters":{"issue-related-events-section":"project = PROJ"},"excludeBody":true,
                 "secret":"whsec-S3CRET"}
                """));
    }

    @Test
    void subscribingAgainAndAfterARestartRegistersNoSecondWebhook() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson("[]")));
        jira.stubFor(post(ADMIN).willReturn(created(admin(3, "Camel bridge", HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated").toString())));
        startWith(cloud());
        assertThat(outcome(send(uri("webhook/subscribe", OPTIONS), null, Map.of()))).isEqualTo("created");

        // Jira lists it from now on (events in another order: the same set)
        jira.stubFor(get(ADMIN).willReturn(okJson(array(admin(9, "Other", "https://other.example.com/x", null,
                "comment_created"), admin(3, "Camel bridge", HOOK_URL, "project = PROJ", "jira:issue_updated",
                "jira:issue_created")))));
        Exchange again = send(uri("webhook/subscribe", OPTIONS), null, Map.of());
        context.stop();
        startWith(cloud());
        Exchange afterRestart = send(uri("webhook/subscribe", OPTIONS), null, Map.of());

        for (Exchange ex : List.of(again, afterRestart)) {
            assertThat(subscribed(ex).getId()).isEqualTo("3");
            assertThat(outcome(ex)).isEqualTo("unchanged");
        }
        jira.verify(1, postRequestedFor(urlEqualTo(ADMIN)));
        jira.verify(0, putRequestedFor(urlPathMatching(ADMIN + ".*")));
    }

    @Test
    void aChangedJqlUpdatesTheWebhookInPlace() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson(array(admin(3, "Camel bridge", HOOK_URL, "project = OLD",
                "jira:issue_created", "jira:issue_updated")))));
        jira.stubFor(put(ADMIN + "/3").willReturn(okJson(admin(3, "Camel bridge", HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated").toString())));
        startWith(cloud());

        Exchange ex = send(uri("webhook/subscribe", OPTIONS), null, Map.of());

        assertThat(subscribed(ex).getJql()).isEqualTo("project = PROJ");
        assertThat(outcome(ex)).isEqualTo("updated");
        assertThat(methods()).containsExactly("GET " + ADMIN, "PUT " + ADMIN + "/3");
        assertThat(body(webhookRequests().get(1)).path("filters").path("issue-related-events-section").asText())
                .isEqualTo("project = PROJ");
    }

    @Test
    void aSubscriptionRenamedSinceIsFoundByItsUrl() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson(array(admin(5, "Old name", HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated")))));
        jira.stubFor(put(ADMIN + "/5").willReturn(okJson(admin(5, "Camel bridge", HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated").toString())));
        startWith(cloud());

        Exchange ex = send(uri("webhook/subscribe", OPTIONS), null, Map.of());

        assertThat(outcome(ex)).isEqualTo("updated");
        assertThat(methods()).containsExactly("GET " + ADMIN, "PUT " + ADMIN + "/5");
        assertThat(body(webhookRequests().get(1)).path("name").asText()).isEqualTo("Camel bridge");
    }

    @Test
    void ofWebhooksSharingTheNameTheFirstIsKeptUpToDateAndTheDuplicatesAreReported() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson(json("cloud-webhooks.json"))));
        jira.stubFor(put(ADMIN + "/3").willReturn(okJson(admin(3, "Camel bridge", HOOK_URL, "project = PROJ AND x",
                "jira:issue_created", "jira:issue_updated").toString())));
        startWith(cloud());

        Exchange ex = send(uri("webhook/subscribe", OPTIONS.replace("project = PROJ", "project = PROJ AND x")),
                null, Map.of());

        assertThat(outcome(ex)).isEqualTo("updated");
        assertThat(methods()).containsExactly("GET " + ADMIN, "PUT " + ADMIN + "/3");
        assertThat(capture.events).anyMatch(e -> e.contains("WARN") && e.contains("2 webhooks are named 'Camel"
                                                                                   + " bridge' (ids [3, 12])"));
    }

    @Test
    void dataCenterTenSendsTheSecretAndFilterInItsConfiguration() throws Exception {
        jira.stubFor(get(DC10_LIST).willReturn(okJson("[]")));
        jira.stubFor(post(DC10).willReturn(okJson(dc10(11, "Camel bridge", HOOK_URL, "project = PROJ", true,
                "jira:issue_created", "jira:issue_updated").toString())));
        startWith(dataCenter("10.3.1"));

        Exchange ex = send(uri("webhook/subscribe", OPTIONS + "&webhookSecret=" + WEBHOOK_SECRET), null, Map.of());

        assertThat(subscribed(ex).getId()).isEqualTo("11");
        assertThat(methods()).containsExactly("GET " + DC10_LIST, "POST " + DC10);
        assertThat(body(webhookRequests().get(1))).isEqualTo(tree("""
                {"name":"Camel bridge","url":"https://camel.example.com/jira/events",
                 "events":["jira:issue_created","jira:issue_updated"],"active":true,
                 "filters":{"issue-related-events-section":"project = PROJ"},
                 "configuration":{"EXCLUDE_BODY":"false","FILTERS":"project = PROJ","SECRET":"whsec-S3CRET"}}
                """));
    }

    @Test
    void dataCenterTenSubscribedAlreadyIsLeftAlone() throws Exception {
        jira.stubFor(get(DC10_LIST).willReturn(okJson(array(dc10(11, "Camel bridge", HOOK_URL, "project = PROJ",
                true, "jira:issue_created", "jira:issue_updated")))));
        // Data Center 10 pages its list: the page after the last one is empty
        jira.stubFor(get(DC10 + "?start=1&limit=100").willReturn(okJson("[]")));
        startWith(dataCenter("10.3.1"));

        Exchange ex = send(uri("webhook/subscribe", OPTIONS), null, Map.of());

        assertThat(subscribed(ex).getId()).isEqualTo("11");
        assertThat(outcome(ex)).isEqualTo("unchanged");
        assertThat(methods()).containsExactly("GET " + DC10_LIST, "GET " + DC10 + "?start=1&limit=100");
    }

    @Test
    void dataCenterNineRegistersAnAdminWebhook() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson("[]")));
        jira.stubFor(post(ADMIN).willReturn(created(admin(2, "Camel bridge", HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated").toString())));
        startWith(dataCenter("9.12.2"));

        Exchange ex = send(uri("webhook/subscribe", OPTIONS), null, Map.of());

        assertThat(subscribed(ex).getId()).isEqualTo("2");
        assertThat(methods()).containsExactly("GET " + ADMIN, "POST " + ADMIN);
    }

    @Test
    void theSecretGoesToJiraAndNowhereElse() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson("[]")));
        jira.stubFor(post(ADMIN).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"The secret " + WEBHOOK_SECRET + " is too short\"],\"errors\":{}}")));
        start(Map.of("jira", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri("webhook/subscribe", OPTIONS + "&webhookSecret=" + WEBHOOK_SECRET));
            }
        });

        Exchange ex = template.send("direct:in", e -> e.getIn().setBody("x"));

        assertThat(ex.getException()).isInstanceOf(JiraSpokeBadRequestException.class);
        assertThat(causes(ex.getException())).contains("is too short").doesNotContain(WEBHOOK_SECRET);
        assertThat(body(webhookRequests().get(1)).path("secret").asText()).isEqualTo(WEBHOOK_SECRET);
        for (Endpoint e : context.getEndpoints()) {
            assertThat(e.getEndpointUri() + " " + e).doesNotContain(WEBHOOK_SECRET);
        }
        context.stop();
        assertThat(capture.events).as("log events").isNotEmpty().noneMatch(e -> e.contains(WEBHOOK_SECRET));
    }

    @Test
    void anAppWebhookIsRegisteredWithItsJqlFilterAndOnlyItsIdComesBack() throws Exception {
        jira.stubFor(get(APP_LIST).willReturn(okJson(appPage())));
        jira.stubFor(post(APP).willReturn(okJson("{\"webhookRegistrationResult\":[{\"createdWebhookId\":10000}]}")));
        startWith(oauth());

        Exchange ex = send(uri("webhook/subscribe", APP_OPTIONS), null, Map.of());

        JiraWebhook hook = subscribed(ex);
        assertThat(hook.getId()).isEqualTo("10000");
        assertThat(hook.getUrl()).isEqualTo(HOOK_URL);
        assertThat(hook.getJql()).isEqualTo("project = PROJ");
        assertThat(hook.getEvents()).containsExactly("jira:issue_created", "jira:issue_updated");
        assertThat(outcome(ex)).isEqualTo("created");
        assertThat(methods()).containsExactly("GET " + APP_LIST, "POST " + APP);
        assertThat(body(webhookRequests().get(1))).isEqualTo(tree("""
                {"url":"https://camel.example.com/jira/events",
                 "webhooks":[{"events":["jira:issue_created","jira:issue_updated"],"jqlFilter":"project = PROJ"}]}
                """));
    }

    @Test
    void anUnchangedAppWebhookIsRefreshedInsteadOfRegisteredAgain() throws Exception {
        jira.stubFor(get(APP_LIST).willReturn(okJson(appPage(app(10000, HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated")))));
        jira.stubFor(put(APP + "/refresh").willReturn(okJson("{\"expirationDate\":1799000000000}")));
        startWith(oauth());

        Exchange ex = send(uri("webhook/subscribe", APP_OPTIONS), null, Map.of());

        JiraWebhook hook = subscribed(ex);
        assertThat(hook.getExpirationDate().toInstant().toEpochMilli()).isEqualTo(1799000000000L);
        assertThat(outcome(ex)).isEqualTo("unchanged");
        assertThat(methods()).containsExactly("GET " + APP_LIST, "PUT " + APP + "/refresh");
        assertThat(body(webhookRequests().get(1))).isEqualTo(tree("{\"webhookIds\":[10000]}"));
        jira.verify(0, postRequestedFor(urlEqualTo(APP)));
    }

    @Test
    void aChangedAppWebhookIsRegisteredAnewBeforeTheOldOneIsDeleted() throws Exception {
        jira.stubFor(get(APP_LIST).willReturn(okJson(appPage(app(10000, HOOK_URL, "project = OLD",
                "jira:issue_created", "jira:issue_updated")))));
        jira.stubFor(post(APP).willReturn(okJson("{\"webhookRegistrationResult\":[{\"createdWebhookId\":10001}]}")));
        jira.stubFor(delete(APP).willReturn(aResponse().withStatus(202)));
        startWith(oauth());

        Exchange ex = send(uri("webhook/subscribe", APP_OPTIONS), null, Map.of());

        assertThat(subscribed(ex).getId()).isEqualTo("10001");
        assertThat(outcome(ex)).isEqualTo("updated");
        assertThat(methods()).containsExactly("GET " + APP_LIST, "POST " + APP, "DELETE " + APP);
        assertThat(body(webhookRequests().get(2))).isEqualTo(tree("{\"webhookIds\":[10000]}"));
    }

    @Test
    void jiraRefusingToRegisterAnAppWebhookIsAnErrorWithItsReasons() throws Exception {
        jira.stubFor(get(APP_LIST).willReturn(okJson(appPage())));
        jira.stubFor(post(APP).willReturn(okJson("{\"webhookRegistrationResult\":[{\"errors\":[\"The JQL query"
                                                 + " is not supported: 'text ~ x'\"]}]}")));
        startWith(oauth());

        Exchange ex = send(uri("webhook/subscribe", APP_OPTIONS), null, Map.of());

        JiraSpokeException e = failure(ex, JiraSpokeException.class);
        assertThat(e.getErrorMessages()).containsExactly("The JQL query is not supported: 'text ~ x'");
        assertThat(e.getMessage()).contains("registered no app webhook", "not supported");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_OUTCOME)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "webhookEvents=comment_created&webhookSecret=x; take no secret; 'webhookSecret'",
            "webhookEvents=comment_created&webhookName=Camel; have no name; 'webhookName'",
            "webhookEvents=comment_created&webhookExcludeBody=true; always carry the body; 'webhookExcludeBody'",
            "webhookEvents=jira:issue_created,sprint_started; take only the events; [sprint_started]" })
    void whatAppWebhooksCannotTakeIsRefusedBeforeAnythingIsSent(String options, String says, String names)
            throws Exception {
        startWith(oauth());

        Exchange ex = send(uri("webhook/subscribe", "webhookUrl=" + HOOK_URL + "&jql=RAW(project = PROJ)&"
                                                    + options), null, Map.of());

        assertRefusedLocally(ex, "webhook/subscribe", "app webhooks", says, names);
    }

    @Test
    void anAppWebhookWithoutJqlIsRefusedBeforeAnythingIsSent() throws Exception {
        startWith(oauth());

        Exchange ex = send(uri("webhook/subscribe", "webhookUrl=" + HOOK_URL + "&webhookEvents=comment_created"),
                null, Map.of());

        assertRefusedLocally(ex, "need a JQL filter", "'jql'", JiraSpokeConstants.JQL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "webhookUrl=/relative/path&webhookEvents=x&webhookName=n; absolute http or https URL; 'webhookUrl'",
            "webhookUrl=ftp://example.com/x&webhookEvents=x&webhookName=n; absolute http or https URL; 'webhookUrl'",
            "webhookUrl=https://camel.example.com/x&webhookName=n; needs the events; 'webhookEvents'",
            "webhookUrl=https://camel.example.com/x&webhookEvents=x; needs a webhook name; 'webhookName'" })
    void aDefinitionJiraCannotTakeIsRefusedBeforeAnythingIsSent(String options, String says, String option)
            throws Exception {
        startWith(cloud());

        Exchange ex = send(uri("webhook/subscribe", options), null, Map.of());

        assertRefusedLocally(ex, "webhook/subscribe", says, option);
    }

    @Test
    void headersOverrideTheDefinitionOptions() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson("[]")));
        jira.stubFor(post(ADMIN).willReturn(created(admin(3, "From header", "https://h.example.com/x", null,
                "comment_created").toString())));
        startWith(cloud());

        Exchange ex = send(uri("webhook/subscribe", OPTIONS), null, Map.of(JiraSpokeConstants.WEBHOOK_NAME,
                "From header", JiraSpokeConstants.WEBHOOK_URL, "https://h.example.com/x",
                JiraSpokeConstants.WEBHOOK_EVENTS, "comment_created", JiraSpokeConstants.JQL, "project = H",
                JiraSpokeConstants.WEBHOOK_EXCLUDE_BODY, true));

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo(ADMIN)).withRequestBody(equalToJson("""
                {"name":"From header","url":"https://h.example.com/x","events":["comment_created"],
                 "filters":{"issue-related-events-section":"project = H"},"excludeBody":true}
                """)));
    }
}
