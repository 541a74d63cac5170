package io.jiraspoke.camel.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.model.JiraWebhook;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;

/**
 * Webhooks of Data Center 10+, {@code /rest/jira-webhook/1.0/webhooks}: a bare array paged by {@code start} and
 * {@code limit}, numeric ids, and the settings of the older API moved into {@code configuration}.
 * <p>
 * No Atlassian page documents the bodies; they follow the client libraries generated from, and tested against,
 * Data Center 10: the secret goes in {@code configuration.SECRET} (a top-level {@code secret} is silently ignored,
 * and deliveries then arrive unsigned) and excludeBody in {@code configuration.EXCLUDE_BODY}. Where the JQL goes is
 * not settled between those sources ({@code configuration.FILTERS}, or {@code filters} as before), so both are sent;
 * Data Center ignores fields it does not know.
 */
final class DataCenterWebhooks extends WebhookApi {

    static final String PATH = "/rest/jira-webhook/1.0/webhooks";
    private static final int PAGE = 100;

    DataCenterWebhooks(JiraClient client) {
        super(client);
    }

    @Override
    public String describe() {
        return "Data Center 10 webhooks (" + PATH + ")";
    }

    @Override
    public Iterable<JiraWebhook> list() {
        return JiraPager.of(PagingStyle.BARE_ARRAY, page -> client.call(JiraRequest.get(PATH)
                .query("start", page.get("startAt")).query("limit", page.get("maxResults"))
                .expect(JiraRequest.Expect.ARRAY)), null, PAGE, 0, JiraWebhook::new);
    }

    @Override
    public JiraWebhook get(String id) {
        return new JiraWebhook(client.call(JiraRequest.get(PATH + "/" + JiraRequest.segment(id))));
    }

    @Override
    public void delete(List<String> ids) {
        for (String id : ids) {
            client.call(JiraRequest.delete(PATH + "/" + JiraRequest.segment(id)));
        }
    }

    @Override
    void check(WebhookSpec spec, String action) {
        AdminWebhooks.requireName(spec, action, describe());
    }

    @Override
    JiraWebhook create(WebhookSpec spec) {
        return new JiraWebhook(client.call(JiraRequest.post(PATH).body(body(spec, true)).secret(spec.secret())));
    }

    @Override
    JiraWebhook replace(JiraWebhook existing, WebhookSpec spec) {
        boolean active = !Boolean.FALSE.equals(existing.getEnabled());
        return new JiraWebhook(client.call(JiraRequest.put(PATH + "/" + JiraRequest.segment(existing.getId()))
                .body(body(spec, active)).secret(spec.secret()).expect(JiraRequest.Expect.OBJECT)));
    }

    private static Map<String, Object> body(WebhookSpec spec, boolean active) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("EXCLUDE_BODY", String.valueOf(Boolean.TRUE.equals(spec.excludeBody())));
        if (spec.jql() != null) {
            configuration.put("FILTERS", spec.jql());
        }
        if (spec.secret() != null) {
            configuration.put("SECRET", spec.secret());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("url", spec.url());
        body.put("events", spec.events());
        body.put("active", active);
        if (spec.jql() != null) {
            body.put("filters", Map.of(JiraWebhook.ISSUE_FILTER, spec.jql()));
        }
        body.put("configuration", configuration);
        return body;
    }
}
