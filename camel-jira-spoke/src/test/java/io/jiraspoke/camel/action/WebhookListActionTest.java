package io.jiraspoke.camel.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.model.JiraWebhook;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * webhook/list on each webhook API: Cloud admin webhooks (ids as numbers, as text, or only in self), Data Center 9
 * (the same API) and 10 (its own, paged), and the app webhooks of an OAuth connection.
 */
class WebhookListActionTest extends WebhookTestSupport {

    @SuppressWarnings("unchecked")
    static List<JiraWebhook> webhooks(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        return (List<JiraWebhook>) ex.getMessage().getBody(List.class);
    }

    @Test
    void cloudAdminWebhooksTakeTheirIdFromSelfWhenTheyHaveNone() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson(json("cloud-webhooks.json"))));
        startWith(cloud());

        List<JiraWebhook> hooks = webhooks(send(uri("webhook/list", ""), null, Map.of()));

        assertThat(hooks).extracting(JiraWebhook::getId, JiraWebhook::getName)
                .containsExactly(tuple("3", "Camel bridge"), tuple("7", "Déploiement — équipe 日本"),
                        tuple("12", "Camel bridge"), tuple(null, "Half configured"));
        JiraWebhook bridge = hooks.get(0);
        assertThat(bridge.getUrl()).isEqualTo(HOOK_URL);
        assertThat(bridge.getEvents()).containsExactly("jira:issue_created", "jira:issue_updated");
        assertThat(bridge.getJql()).isEqualTo("project = PROJ");
        assertThat(bridge.getEnabled()).isTrue();
        assertThat(bridge.getExcludeBody()).isFalse();
        assertThat(bridge.getExpirationDate()).as("admin webhooks do not expire").isNull();
        JiraWebhook other = hooks.get(1);
        assertThat(other.getJql()).as("an empty filter is no filter").isNull();
        assertThat(other.getEnabled()).isFalse();
        assertThat(other.getExcludeBody()).isTrue();
        assertThat(hooks.get(3).getEvents()).isEmpty();
        assertThat(hooks.get(3).getEnabled()).isNull();
        assertThat(methods()).containsExactly("GET " + ADMIN);
        jira.verify(0, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
    }

    @Test
    void dataCenterNineListsItsAdminWebhooks() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson(array(admin(4, "Build status", "https://ci.example.com/jira",
                "project = OPS", "jira:issue_updated")))));
        startWith(dataCenter("9.12.2"));

        List<JiraWebhook> hooks = webhooks(send(uri("webhook/list", ""), null, Map.of()));

        assertThat(hooks).extracting(JiraWebhook::getId, JiraWebhook::getJql).containsExactly(tuple("4",
                "project = OPS"));
        assertThat(methods()).containsExactly("GET " + ADMIN);
    }

    @Test
    void dataCenterTenPagesThroughItsWebhooksAndMasksAnEchoedSecret() throws Exception {
        List<ObjectNode> all = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            all.add(dc10(i, "Hook " + i, "https://hooks.example.com/" + i, i % 2 == 0 ? "project = P" + i : null,
                    i != 7, "jira:issue_created"));
        }
        ((ObjectNode) all.get(0).get("configuration")).put("SECRET", WEBHOOK_SECRET);
        jira.stubFor(get(DC10_LIST).willReturn(okJson(array(all.subList(0, 100).toArray(ObjectNode[]::new)))));
        jira.stubFor(get(DC10 + "?start=100&limit=100").willReturn(okJson(array(all.get(100)))));
        jira.stubFor(get(DC10 + "?start=101&limit=100").willReturn(okJson("[]")));
        startWith(dataCenter("10.3.1"));

        List<JiraWebhook> hooks = webhooks(send(uri("webhook/list", ""), null, Map.of()));

        assertThat(hooks).hasSize(101);
        assertThat(hooks).extracting(JiraWebhook::getId).doesNotHaveDuplicates().startsWith("1", "2").endsWith("101");
        assertThat(hooks.get(1).getJql()).isEqualTo("project = P2");
        assertThat(hooks.get(0).getJql()).isNull();
        assertThat(hooks.get(6).getEnabled()).as("active false").isFalse();
        assertThat(hooks.get(1).getExcludeBody()).isFalse();
        assertThat(hooks.get(0).getRaw().toString()).doesNotContain(WEBHOOK_SECRET).contains("********");
        assertThat(hooks.get(0).toString()).doesNotContain(WEBHOOK_SECRET);
        assertThat(methods()).containsExactly("GET " + DC10_LIST, "GET " + DC10 + "?start=100&limit=100",
                "GET " + DC10 + "?start=101&limit=100");
        jira.verify(0, anyRequestedFor(urlPathMatching(ADMIN + ".*")));
    }

    @Test
    void anOAuthConnectionListsTheAppWebhooksOfItsApp() throws Exception {
        ObjectNode second = app(10001, HOOK_URL, "issuetype = Bug", "jira:issue_created");
        second.put("expirationDate", "2026-12-30T12:42:30.000+0000");
        second.putArray("fieldIdsFilter").add("summary");
        jira.stubFor(get(APP_LIST).willReturn(okJson(appPage(app(10000, HOOK_URL, "project = PROJ",
                "jira:issue_created", "jira:issue_updated"), second))));
        startWith(oauth());

        List<JiraWebhook> hooks = webhooks(send(uri("webhook/list", ""), null, Map.of()));

        assertThat(hooks).extracting(JiraWebhook::getId, JiraWebhook::getJql, JiraWebhook::getName)
                .containsExactly(tuple("10000", "project = PROJ", null), tuple("10001", "issuetype = Bug", null));
        assertThat(hooks.get(0).getExpirationDate().toInstant()).isEqualTo(Instant.ofEpochMilli(1797000000000L));
        assertThat(hooks.get(1).getExpirationDate().toInstant()).isEqualTo(Instant.parse("2026-12-30T12:42:30Z"));
        assertThat(hooks.get(0).getEnabled()).isNull();
        assertThat(hooks.get(0).getUrl()).isEqualTo(HOOK_URL);
        assertThat(methods()).containsExactly("GET " + APP_LIST);
        assertThat(webhookRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void theDataCenterVersionIsAskedOnceForAllWebhookEndpointsOfAConnection() throws Exception {
        jira.stubFor(get(DC10_LIST).willReturn(okJson("[]")));
        startWith(dataCenter("10.3.1"));

        send(uri("webhook/list", ""), null, Map.of());
        send(uri("webhook/list", "lazyStartProducer=true"), null, Map.of());
        send(uri("webhook/unsubscribe", "webhookName=x"), null, Map.of());

        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
        assertThat(methods()).containsOnly("GET " + DC10_LIST);
    }
}
