package io.jiraspoke.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraWebhook;

/**
 * Admin webhooks, {@code /rest/webhooks/1.0/webhook}: Cloud with user credentials and Data Center up to 9. The list
 * is one unpaged array; webhooks come without an id, which is the last segment of their {@code self}.
 */
final class AdminWebhooks extends WebhookApi {

    static final String PATH = "/rest/webhooks/1.0/webhook";

    AdminWebhooks(JiraClient client) {
        super(client);
    }

    @Override
    public String describe() {
        return "admin webhooks (" + PATH + ")";
    }

    @Override
    public Iterable<JiraWebhook> list() {
        JsonNode all = client.call(JiraRequest.get(PATH).expect(JiraRequest.Expect.ARRAY));
        List<JiraWebhook> out = new ArrayList<>(all.size());
        all.forEach(w -> out.add(new JiraWebhook(w)));
        return out;
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
        requireName(spec, action, describe());
    }

    @Override
    JiraWebhook create(WebhookSpec spec) {
        return new JiraWebhook(client.call(JiraRequest.post(PATH).body(body(spec)).secret(spec.secret())));
    }

    @Override
    JiraWebhook replace(JiraWebhook existing, WebhookSpec spec) {
        return new JiraWebhook(client.call(JiraRequest.put(PATH + "/" + JiraRequest.segment(existing.getId()))
                .body(body(spec)).secret(spec.secret()).expect(JiraRequest.Expect.OBJECT)));
    }

    /** The body Jira documents: name, url, events, filters by section, excludeBody, and the secret when given. */
    private static Map<String, Object> body(WebhookSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("url", spec.url());
        body.put("events", spec.events());
        if (spec.jql() != null) {
            body.put("filters", Map.of(JiraWebhook.ISSUE_FILTER, spec.jql()));
        }
        if (spec.excludeBody() != null) {
            body.put("excludeBody", spec.excludeBody());
        }
        if (spec.secret() != null) {
            body.put("secret", spec.secret());
        }
        return body;
    }

    /** Admin webhooks (of either kind) are identified, and shown in Jira, by name. */
    static void requireName(WebhookSpec spec, String action, String api) {
        if (spec.name() == null || spec.name().isBlank()) {
            throw new JiraSpokeInputException(action + " needs a webhook name for " + api + ": set option"
                                              + " 'webhookName' or header " + JiraSpokeConstants.WEBHOOK_NAME);
        }
    }
}
