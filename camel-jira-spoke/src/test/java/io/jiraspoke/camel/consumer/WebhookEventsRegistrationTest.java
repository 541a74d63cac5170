package io.jiraspoke.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.client.JiraJson;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * webhook/events registering its webhook when the route starts, through the webhook API of the connection: admin
 * webhooks (Cloud, Data Center up to 9), Data Center 10's API, and app webhooks of OAuth connections, which are
 * refreshed before their 30-day expiry. A restart never registers a second webhook; a changed filter updates it.
 */
class WebhookEventsRegistrationTest extends WebhookEventsTestSupport {

    static final String ADMIN = "/rest/webhooks/1.0/webhook";
    static final String DC10 = "/rest/jira-webhook/1.0/webhooks";
    static final String APP = "/ex/jira/" + CLOUD_ID + "/rest/api/3/webhook";
    static final String REGISTER = "webhookRegister=true&webhookUrl=" + HOOK_URL + "&webhookName=camel-ops"
                                   + "&webhookEvents=jira:issue_created,comment_created&webhookSecret=" + SECRET;

    @Test
    void adminWebhooksAreRegisteredOnceAcrossRestartsAndUpdatedWhenTheFilterChanges() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson("[]")));
        jira.stubFor(post(ADMIN).willReturn(okJson(admin(42, "project = OPS").toString())));

        receive(cloud(), REGISTER + "&jql=project = OPS");
        LoggedRequest created = only("POST", ADMIN);
        assertThat(JiraJson.MAPPER.readTree(created.getBodyAsString())).isEqualTo(JiraJson.MAPPER.readTree(
                "{\"name\":\"camel-ops\",\"url\":\"" + HOOK_URL + "\",\"events\":[\"jira:issue_created\","
                + "\"comment_created\"],\"filters\":{\"issue-related-events-section\":\"project = OPS\"},\"excludeBody\":false,"
                + "\"secret\":\"" + SECRET + "\"}"));

        // the restarted application finds its webhook and leaves it alone
        jira.resetRequests();
        jira.stubFor(get(ADMIN).willReturn(okJson("[" + admin(42, "project = OPS") + "]")));
        receive(cloud(), REGISTER + "&jql=project = OPS");
        assertThat(methods()).containsExactly("GET " + ADMIN);

        // a changed filter updates the webhook in place
        jira.resetRequests();
        jira.stubFor(put(ADMIN + "/42").willReturn(okJson(admin(42, "project = OPS AND priority = High")
                .toString())));
        receive(cloud(), REGISTER + "&jql=project = OPS AND priority = High");
        assertThat(methods()).containsExactly("GET " + ADMIN, "PUT " + ADMIN + "/42");
        assertThat(JiraJson.MAPPER.readTree(only("PUT", ADMIN + "/42").getBodyAsString())
                .at("/filters/issue-related-events-section").asText()).isEqualTo("project = OPS AND priority = High");
    }

    @Test
    void dataCenter10RegistersThroughItsOwnApiAndUnregistersAtShutdownWhenAsked() throws Exception {
        JiraSpokeConnection dc = dataCenter("10.3.1");
        jira.stubFor(get(urlEqualTo(DC10 + "?start=0&limit=100")).willReturn(okJson("[]")));
        jira.stubFor(post(DC10).willReturn(okJson(dc10(7, "project = OPS").toString())));
        jira.stubFor(delete(DC10 + "/7").willReturn(noContent()));

        receive(dc, REGISTER + "&jql=project = OPS&webhookUnregister=true");
        ObjectNode sent = (ObjectNode) JiraJson.MAPPER.readTree(only("POST", DC10).getBodyAsString());
        assertThat(sent.path("name").asText()).isEqualTo("camel-ops");
        assertThat(sent.path("url").asText()).isEqualTo(HOOK_URL);
        assertThat(sent.at("/configuration/SECRET").asText()).as("Data Center 10 reads the secret here")
                .isEqualTo(SECRET);
        assertThat(sent.at("/configuration/FILTERS").asText()).isEqualTo("project = OPS");
        assertThat(jira.findAll(anyRequestedFor(urlPathMatching(ADMIN + ".*")))).as("the API DC 10 removed")
                .isEmpty();

        context.stop();
        assertThat(methods()).endsWith("DELETE " + DC10 + "/7");

        // the next start finds it (had it been kept) by name: no second webhook
        jira.resetRequests();
        jira.stubFor(get(urlEqualTo(DC10 + "?start=0&limit=100")).willReturn(okJson("[" + dc10(7, "project = OPS")
                                                                                   + "]")));
        jira.stubFor(get(urlEqualTo(DC10 + "?start=1&limit=100")).willReturn(okJson("[]")));
        receive(dc, REGISTER + "&jql=project = OPS");
        assertThat(methods()).containsExactly("GET " + DC10 + "?start=0&limit=100",
                "GET " + DC10 + "?start=1&limit=100");
    }

    @Test
    void dataCenter9UsesTheAdminWebhookApi() throws Exception {
        jira.stubFor(get(ADMIN).willReturn(okJson("[]")));
        jira.stubFor(post(ADMIN).willReturn(okJson(admin(5, null).toString())));

        receive(dataCenter("9.12.2"), REGISTER);

        assertThat(methods()).containsExactly("GET " + ADMIN, "POST " + ADMIN);
        assertThat(jira.findAll(anyRequestedFor(urlPathMatching(DC10 + ".*")))).isEmpty();
    }

    @Test
    void appWebhooksAreRefreshedBeforeTheyExpireAndDeletedAtShutdownWhenAsked() throws Exception {
        JiraSpokeConnection oauth = oauth();
        jira.stubFor(get(urlEqualTo(APP + "?startAt=0&maxResults=100")).willReturn(okJson(appPage())));
        jira.stubFor(post(APP).willReturn(okJson("{\"webhookRegistrationResult\":[{\"createdWebhookId\":10001}]}")));
        jira.stubFor(put(APP + "/refresh").willReturn(okJson("{\"expirationDate\":"
                                                             + Instant.now().plus(Duration.ofDays(30)).toEpochMilli()
                                                             + "}")));
        jira.stubFor(delete(APP).willReturn(noContent()));

        receive(oauth, "webhookRegister=true&webhookUnregister=true&webhookUrl=" + HOOK_URL
                       + "&webhookEvents=jira:issue_created,comment_created&jql=project = OPS"
                       + "&webhookRefreshInterval=1s");
        assertThat(JiraJson.MAPPER.readTree(only("POST", APP).getBodyAsString())).isEqualTo(JiraJson.MAPPER.readTree(
                "{\"url\":\"" + HOOK_URL + "\",\"webhooks\":[{\"events\":[\"jira:issue_created\",\"comment_created\"],"
                + "\"jqlFilter\":\"project = OPS\"}]}"));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jira.findAll(putRequestedFor(urlEqualTo(APP + "/refresh"))).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(jira.findAll(putRequestedFor(urlEqualTo(APP + "/refresh")))).as("refreshes within 10 s")
                .hasSizeGreaterThanOrEqualTo(2);
        for (LoggedRequest r : jira.findAll(putRequestedFor(urlEqualTo(APP + "/refresh")))) {
            assertThat(JiraJson.MAPPER.readTree(r.getBodyAsString()))
                    .isEqualTo(JiraJson.MAPPER.readTree("{\"webhookIds\":[10001]}"));
        }

        context.stop();
        List<LoggedRequest> deletes = jira.findAll(anyRequestedFor(urlEqualTo(APP))).stream()
                .filter(r -> r.getMethod().getName().equals("DELETE")).toList();
        assertThat(deletes).hasSize(1);
        assertThat(JiraJson.MAPPER.readTree(deletes.get(0).getBodyAsString()))
                .isEqualTo(JiraJson.MAPPER.readTree("{\"webhookIds\":[10001]}"));
        int refreshes = jira.findAll(putRequestedFor(urlEqualTo(APP + "/refresh"))).size();
        Thread.sleep(1500);
        assertThat(jira.findAll(putRequestedFor(urlEqualTo(APP + "/refresh")))).as("no refresh after stop")
                .hasSize(refreshes);
    }

    @Test
    void anAppWebhookCloseToItsExpiryIsRefreshedWhenTheRouteStartsInsteadOfRegisteredAgain() throws Exception {
        JiraSpokeConnection oauth = oauth();
        ObjectNode existing = JiraJson.MAPPER.createObjectNode().put("id", 10001).put("jqlFilter", "project = OPS")
                .put("expirationDate", Instant.now().plus(Duration.ofDays(2)).toEpochMilli()).put("url", HOOK_URL);
        existing.putArray("events").add("jira:issue_created").add("comment_created");
        jira.stubFor(get(urlEqualTo(APP + "?startAt=0&maxResults=100")).willReturn(okJson(appPage(existing))));
        jira.stubFor(put(APP + "/refresh").withRequestBody(equalToJson("{\"webhookIds\":[10001]}"))
                .willReturn(okJson("{\"expirationDate\":" + Instant.now().plus(Duration.ofDays(30)).toEpochMilli()
                                   + "}")));

        receive(oauth, "webhookRegister=true&webhookUrl=" + HOOK_URL
                       + "&webhookEvents=comment_created,jira:issue_created&jql=project = OPS");

        assertThat(methods()).containsExactly("GET " + APP + "?startAt=0&maxResults=100", "PUT " + APP + "/refresh");
        assertThat(jira.findAll(postRequestedFor(urlEqualTo(APP)))).isEmpty();
    }

    @Test
    void registrationRefusesWhatCannotWorkBeforeCallingJira() throws Exception {
        assertThat(refusal(cloud(), "webhookRegister=true&webhookSecret=" + SECRET
                                    + "&webhookPath=/jira/events&webhookEvents=jira:issue_created"))
                .contains("webhookUrl");
        assertThat(refusal(cloud(), "webhookRegister=true&webhookSecret=" + SECRET + "&webhookUrl=" + HOOK_URL))
                .contains("webhookEvents");
        assertThat(refusal(cloud(), "webhookRegister=true&webhookSecret=" + SECRET + "&webhookUrl=" + HOOK_URL
                                    + "&webhookEvents=jira:issue_created")).contains("webhookName");
        assertThat(refusal(oauth(), "webhookRegister=true&webhookUrl=" + HOOK_URL
                                    + "&webhookEvents=jira:issue_created")).contains("'jql'");
        assertThat(refusal(cloud(), "webhookUnregister=true&webhookSecret=" + SECRET + "&webhookPath=/jira/events"))
                .contains("webhookRegister");
        JiraSpokeConnection readOnly = cloud();
        readOnly.setReadOnly(true);
        assertThat(refusal(readOnly, REGISTER)).contains("read-only");
        assertThat(methods()).isEmpty();
    }

    @Test
    void pollingOptionsAreRefusedNamingThem() throws Exception {
        String signed = "webhookSecret=" + SECRET + "&webhookPath=/jira/events";
        for (String option : new String[] {"delay=5000", "startFrom=beginning", "maxMessagesPerPoll=10",
                                           "overlap=1m", "emit=changed", "stateKey=x", "greedy=true"}) {
            String name = option.substring(0, option.indexOf('='));
            assertThat(refusal(cloud(), signed + "&" + option)).as(option).contains("'" + name + "'");
        }
        assertThat(refusal(cloud(), signed + "&delay=5000")).contains("does not poll");
        assertThat(methods()).isEmpty();
    }

    private String refusal(JiraSpokeConnection connection, String options) {
        try {
            receive(connection, options);
        } catch (Exception e) {
            return causes(e);
        }
        throw new AssertionError("the route started with " + options);
    }

    /** An admin webhook as /rest/webhooks/1.0/webhook answers it: no id, only self. */
    ObjectNode admin(int id, String jql) {
        ObjectNode w = JiraJson.MAPPER.createObjectNode();
        w.put("name", "camel-ops").put("url", HOOK_URL).put("excludeBody", false);
        w.putObject("filters").put("issue-related-events-section", jql == null ? "" : jql);
        w.putArray("events").add("jira:issue_created").add("comment_created");
        w.put("enabled", true).put("self", jira.baseUrl() + ADMIN + "/" + id).put("lastUpdatedUser", "admin")
                .put("lastUpdatedDisplayName", "Administrator").put("lastUpdated", 1795000000000L);
        return w;
    }

    /** A webhook as Data Center 10 answers it: a numeric id, the settings in configuration. */
    static ObjectNode dc10(int id, String jql) {
        ObjectNode w = JiraJson.MAPPER.createObjectNode();
        w.put("id", id).put("name", "camel-ops").put("url", HOOK_URL);
        w.putArray("events").add("jira:issue_created").add("comment_created");
        w.put("createdDate", 1795000000000L).put("updatedDate", 1795000000000L);
        w.putObject("configuration").put("EXCLUDE_BODY", "false").put("FILTERS", jql);
        w.put("active", true).put("scopeType", "GLOBAL").put("sslVerificationRequired", true);
        return w;
    }

    static String appPage(ObjectNode... webhooks) {
        ObjectNode page = JiraJson.MAPPER.createObjectNode();
        page.put("startAt", 0).put("maxResults", 100).put("total", webhooks.length).put("isLast", true);
        ArrayNode values = page.putArray("values");
        for (ObjectNode w : webhooks) {
            values.add(w);
        }
        return page.toString();
    }

    private List<LoggedRequest> webhookRequests() {
        return jira.findAll(anyRequestedFor(urlPathMatching(".*/(webhooks/1.0/webhook|jira-webhook/1.0/webhooks"
                                                            + "|rest/api/3/webhook).*")))
                .stream().sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    private List<String> methods() {
        return webhookRequests().stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
    }

    private LoggedRequest only(String method, String url) {
        List<LoggedRequest> found = webhookRequests().stream()
                .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().equals(url)).toList();
        assertThat(found).as("%s %s", method, url).hasSize(1);
        return found.get(0);
    }
}
