package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.client.JiraJson;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * What the webhook tests share: the three webhook APIs' paths, webhooks shaped as each API answers them, a Data
 * Center of a given version, and an OAuth (client credentials) connection whose calls reach WireMock through the
 * API gateway path.
 */
abstract class WebhookTestSupport extends ActionTestSupport {

    static final String ADMIN = "/rest/webhooks/1.0/webhook";
    static final String DC10 = "/rest/jira-webhook/1.0/webhooks";
    static final String CLOUD_ID = "11111111-2222-3333-4444-555555555555";
    static final String APP = "/ex/jira/" + CLOUD_ID + "/rest/api/3/webhook";
    static final String APP_LIST = APP + "?startAt=0&maxResults=100";
    static final String DC10_LIST = DC10 + "?start=0&limit=100";
    static final String CLIENT_SECRET = "oauth-client-secret-S3CRET";
    static final String ACCESS_TOKEN = "access-token-S3CRET";
    static final String HOOK_URL = "https://camel.example.com/jira/events";
    static final String WEBHOOK_SECRET = "whsec-S3CRET";

    /** A Data Center connection whose serverInfo reports this version. */
    JiraSpokeConnection dataCenter(String version) {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson("{\"baseUrl\":\"" + jira.baseUrl()
                                                                     + "\",\"version\":\"" + version
                                                                     + "\",\"deploymentType\":\"DataCenter\"}")));
        return server();
    }

    /** An OAuth client-credentials connection: app webhooks. */
    JiraSpokeConnection oauth() {
        jira.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600,"
                                   + "\"token_type\":\"Bearer\",\"scope\":\"manage:jira-webhook read:jira-work\"}")));
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-client-credentials");
        c.setCloudId(CLOUD_ID);
        c.setClientId("client-id-123");
        c.setClientSecret(CLIENT_SECRET);
        c.setScopes("manage:jira-webhook read:jira-work");
        c.setApiGatewayUrl(jira.baseUrl());
        c.setTokenUrl(jira.baseUrl() + "/oauth/token");
        return c;
    }

    void startWith(JiraSpokeConnection connection) throws Exception {
        start(Map.of("jira", connection));
    }

    static String uri(String action, String options) {
        return "jiraspoke:" + action + "?connection=jira" + (options.isEmpty() ? "" : "&" + options);
    }

    /** An admin webhook as /rest/webhooks/1.0/webhook answers it: no id, only self. */
    static ObjectNode admin(int id, String name, String url, String jql, String... events) {
        ObjectNode w = JiraJson.MAPPER.createObjectNode();
        w.put("name", name).put("url", url).put("excludeBody", false);
        w.putObject("filters").put("issue-related-events-section", jql == null ? "" : jql);
        ArrayNode e = w.putArray("events");
        for (String event : events) {
            e.add(event);
        }
        w.put("enabled", true).put("self", "https://example.atlassian.net" + ADMIN + "/" + id)
                .put("lastUpdatedUser", "admin").put("lastUpdatedDisplayName", "Administrator")
                .put("lastUpdated", 1795000000000L);
        return w;
    }

    /** A webhook as Data Center 10 answers it: a numeric id, the settings in configuration. */
    static ObjectNode dc10(int id, String name, String url, String jql, boolean active, String... events) {
        ObjectNode w = JiraJson.MAPPER.createObjectNode();
        w.put("id", id).put("name", name).put("url", url);
        ArrayNode e = w.putArray("events");
        for (String event : events) {
            e.add(event);
        }
        w.put("createdDate", 1795000000000L).put("updatedDate", 1795000000000L);
        ObjectNode config = w.putObject("configuration").put("EXCLUDE_BODY", "false");
        if (jql != null) {
            config.put("FILTERS", jql);
        }
        w.put("active", active).put("scopeType", "GLOBAL").put("sslVerificationRequired", true);
        return w;
    }

    /** An app webhook as GET /rest/api/3/webhook lists it. */
    static ObjectNode app(long id, String url, String jql, String... events) {
        ObjectNode w = JiraJson.MAPPER.createObjectNode();
        w.put("id", id).put("jqlFilter", jql);
        ArrayNode e = w.putArray("events");
        for (String event : events) {
            e.add(event);
        }
        w.put("expirationDate", 1797000000000L).put("url", url);
        return w;
    }

    /** A page of app webhooks as GET /rest/api/3/webhook answers it. */
    static String appPage(ObjectNode... webhooks) {
        ObjectNode page = JiraJson.MAPPER.createObjectNode();
        page.put("startAt", 0).put("maxResults", 100).put("total", webhooks.length).put("isLast", true);
        ArrayNode values = page.putArray("values");
        for (ObjectNode w : webhooks) {
            values.add(w);
        }
        return page.toString();
    }

    static String array(ObjectNode... webhooks) {
        ArrayNode a = JiraJson.MAPPER.createArrayNode();
        for (ObjectNode w : webhooks) {
            a.add(w);
        }
        return a.toString();
    }

    /** The requests made to the webhook APIs (not serverInfo, not the token endpoint), in order. */
    List<LoggedRequest> webhookRequests() {
        return jira.findAll(anyRequestedFor(urlPathMatching(".*/(webhooks/1.0/webhook|jira-webhook/1.0/webhooks"
                                                            + "|rest/api/3/webhook).*")))
                .stream().sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    List<String> methods() {
        return webhookRequests().stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
    }
}
