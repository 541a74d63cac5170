package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * webhook/unsubscribe by id on each webhook API, and by name or URL: every matching webhook is deleted, none
 * matching is no error.
 */
class WebhookUnsubscribeActionTest extends WebhookTestSupport {

    static void assertOutcome(Exchange ex, String ids, String outcome) {
        assertThat(ex.getException()).as("exception").isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_ID)).isEqualTo(ids);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_OUTCOME)).isEqualTo(outcome);
    }

    @Test
    void byIdOnCloudAdminWebhooks() throws Exception {
        jira.stubFor(delete(ADMIN + "/3").willReturn(aResponse().withStatus(204)));
        startWith(cloud());

        Exchange ex = send(uri("webhook/unsubscribe", "webhookId=3"), "the body", Map.of());

        assertOutcome(ex, "3", "deleted");
        assertThat(ex.getMessage().getBody()).isEqualTo("the body");
        assertThat(methods()).containsExactly("DELETE " + ADMIN + "/3");
    }

    @Test
    void byIdOnDataCenterTen() throws Exception {
        jira.stubFor(delete(DC10 + "/3").willReturn(aResponse().withStatus(204)));
        startWith(dataCenter("10.3.1"));

        Exchange ex = send(uri("webhook/unsubscribe", ""), null, Map.of(JiraSpokeConstants.WEBHOOK_ID, "3"));

        assertOutcome(ex, "3", "deleted");
        assertThat(methods()).containsExactly("DELETE " + DC10 + "/3");
    }

    @Test
    void byIdOnAppWebhooksTheIdsGoInTheBody() throws Exception {
        jira.stubFor(delete(APP).willReturn(aResponse().withStatus(202)));
        startWith(oauth());

        Exchange ex = send(uri("webhook/unsubscribe", "webhookId=10000"), null, Map.of());

        assertOutcome(ex, "10000", "deleted");
        assertThat(methods()).containsExactly("DELETE " + APP);
        assertThat(tree(webhookRequests().get(0).getBodyAsString())).isEqualTo(tree("{\"webhookIds\":[10000]}"));
    }

    @Test
    void byNameEveryWebhookOfThatNameIsDeleted() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson(json("cloud-webhooks.json"))));
        jira.stubFor(delete(ADMIN + "/3").willReturn(aResponse().withStatus(204)));
        jira.stubFor(delete(ADMIN + "/12").willReturn(aResponse().withStatus(204)));
        startWith(cloud());

        Exchange ex = send(uri("webhook/unsubscribe", "webhookName=RAW(Camel bridge)"), null, Map.of());

        assertOutcome(ex, "3,12", "deleted");
        assertThat(methods()).containsExactly("GET " + ADMIN, "DELETE " + ADMIN + "/3", "DELETE " + ADMIN + "/12");
    }

    @Test
    void byUrlAppWebhooksGoInOneRequest() throws Exception {
        jira.stubFor(get(APP_LIST).willReturn(okJson(appPage(app(10000, HOOK_URL, "project = A", "jira:issue_created"),
                app(10001, "https://elsewhere.example.com/x", "project = B", "jira:issue_created"),
                app(10002, HOOK_URL, "project = C", "comment_created")))));
        jira.stubFor(delete(APP).willReturn(aResponse().withStatus(202)));
        startWith(oauth());

        Exchange ex = send(uri("webhook/unsubscribe", "webhookUrl=" + HOOK_URL), null, Map.of());

        assertOutcome(ex, "10000,10002", "deleted");
        assertThat(methods()).containsExactly("GET " + APP_LIST, "DELETE " + APP);
        assertThat(tree(webhookRequests().get(1).getBodyAsString()))
                .isEqualTo(tree("{\"webhookIds\":[10000,10002]}"));
    }

    @Test
    void noMatchingWebhookIsNoError() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson(json("cloud-webhooks.json"))));
        startWith(cloud());

        Exchange ex = send(uri("webhook/unsubscribe", "webhookUrl=https://nowhere.example.com/x"), null, Map.of());

        assertOutcome(ex, null, "absent");
        assertThat(methods()).containsExactly("GET " + ADMIN);
    }

    @Test
    void anAppWebhookIdThatIsNoNumberIsRefusedBeforeAnythingIsSent() throws Exception {
        startWith(oauth());

        Exchange ex = send(uri("webhook/unsubscribe", "webhookId=abc"), null, Map.of());

        assertRefusedLocally(ex, "App webhook ids are numbers", "'webhookId'", "'abc'");
    }

    @Test
    void anAppWebhookByNameIsRefusedBeforeAnythingIsSent() throws Exception {
        startWith(oauth());

        Exchange ex = send(uri("webhook/unsubscribe", "webhookName=x"), null, Map.of());

        assertRefusedLocally(ex, "webhook/unsubscribe", "have no name", "'webhookUrl'");
    }
}
