package io.jiraspoke.camel.action;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.model.JiraWebhook;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * webhook/update: the webhook is read, the options given are put over what it has, and the whole definition is
 * PUT back, on admin webhooks and on Data Center 10's; OAuth connections, whose app webhooks Jira cannot update,
 * are refused when the route starts.
 */
class WebhookUpdateActionTest extends WebhookTestSupport {

    JiraWebhook updated(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        return ex.getMessage().getBody(JiraWebhook.class);
    }

    @Test
    void cloudKeepsWhatIsNotGivenAndSendsTheSecretAgain() throws Exception {
        jira.stubFor(get(ADMIN + "/3").willReturn(okJson(admin(3, "Camel bridge", HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated").toString())));
        jira.stubFor(put(ADMIN + "/3").willReturn(okJson(admin(3, "Camel bridge", HOOK_URL, "project = PROJ AND"
                                                                                         + " type = Bug",
                "jira:issue_created", "jira:issue_updated").toString())));
        startWith(cloud());

        Exchange ex = send(uri("webhook/update", "webhookId=3&jql=RAW(project = PROJ AND type = Bug)&webhookSecret="
                                                 + WEBHOOK_SECRET), null, Map.of());

        assertThat(updated(ex).getJql()).isEqualTo("project = PROJ AND type = Bug");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_ID)).isEqualTo("3");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_OUTCOME)).isEqualTo("updated");
        assertThat(methods()).containsExactly("GET " + ADMIN + "/3", "PUT " + ADMIN + "/3");
        assertThat(tree(webhookRequests().get(1).getBodyAsString())).isEqualTo(tree("""
                {"name":"Camel bridge","url":"https://camel.example.com/jira/events",
                 "events":["jira:issue_created","jira:issue_updated"],
                 "filters":{"issue-related-events-section":"project = PROJ AND type = Bug"},"excludeBody":false,
                 "secret":"whsec-S3CRET"}
                """));
    }

    @Test
    void dataCenterTenKeepsADisabledWebhookDisabled() throws Exception {
        jira.stubFor(get(DC10 + "/3").willReturn(okJson(dc10(3, "Camel bridge", HOOK_URL, "project = PROJ", false,
                "jira:issue_created").toString())));
        jira.stubFor(put(DC10 + "/3").willReturn(okJson(dc10(3, "Camel bridge", HOOK_URL, "project = PROJ", false,
                "jira:issue_created", "comment_created").toString())));
        startWith(dataCenter("10.3.1"));

        Exchange ex = send(uri("webhook/update", "webhookId=3"), null,
                Map.of(JiraSpokeConstants.WEBHOOK_EVENTS, "jira:issue_created,comment_created"));

        assertThat(updated(ex).getEvents()).containsExactly("jira:issue_created", "comment_created");
        assertThat(methods()).containsExactly("GET " + DC10 + "/3", "PUT " + DC10 + "/3");
        JsonNode sent = tree(webhookRequests().get(1).getBodyAsString());
        assertThat(sent.path("active").asBoolean(true)).isFalse();
        assertThat(sent.path("events")).extracting(JsonNode::asText)
                .containsExactly("jira:issue_created", "comment_created");
        assertThat(sent.path("configuration").path("FILTERS").asText()).isEqualTo("project = PROJ");
        assertThat(sent.path("name").asText()).isEqualTo("Camel bridge");
    }

    @Test
    void anUnknownWebhookIsJirasNotFoundAndNothingIsPut() throws Exception {
        jira.stubFor(get(ADMIN + "/99").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"Webhook with id 99 does not exist\"],\"errors\":{}}")));
        startWith(cloud());

        Exchange ex = send(uri("webhook/update", "webhookId=99&webhookName=x"), null, Map.of());

        assertThat(failure(ex, JiraSpokeNotFoundException.class).getErrorMessages())
                .containsExactly("Webhook with id 99 does not exist");
        jira.verify(0, putRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void anUpdateThatChangesNothingIsRefusedBeforeAnythingIsSent() throws Exception {
        startWith(cloud());

        Exchange ex = send(uri("webhook/update", "webhookId=3"), null, Map.of());

        assertRefusedLocally(ex, "webhook/update", "nothing to change", "webhookEvents");
    }

    @Test
    void anOAuthConnectionCannotStartAnUpdateRoute() throws Exception {
        String message = startFailure(Map.of("jira", oauth()), sendingTo(uri("webhook/update", "webhookId=3")));

        assertThat(message).contains("webhook/update", "cannot be used with authType oauth2-client-credentials");
        assertThat(methods()).isEmpty();
    }
}
