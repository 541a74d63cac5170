package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.JiraJson.Ctx;
import io.jiraspoke.standin.JiraJson.FieldSelection;
import io.jiraspoke.standin.Model.Comment;
import io.jiraspoke.standin.Model.Issue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changes produce besides their answer: webhook payloads for the registered webhooks whose events and JQL
 * match (rendered under the store's lock, as the issue is at that moment, and delivered by {@link Webhooks} after
 * the answer is sent), and the notifications {@code issue/notify} asked for.
 */
final class Events {

    private final Store store;
    private final JiraJson json;
    private final String baseUrl;
    private final List<Webhooks.Delivery> pending = new ArrayList<>();
    private final List<JsonNode> notifications = new ArrayList<>();
    private long lastChangelogId = 10000;

    Events(Store store, JiraJson json, String baseUrl) {
        this.store = store;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    /** Webhook payloads speak REST v2 on both flavours (Cloud renders descriptions as text there). */
    private Ctx ctx() {
        return new Ctx(baseUrl, 2);
    }

    void issue(String event, String typeName, Issue issue, ObjectNode changelog) {
        if (store.webhooks.isEmpty() && store.appWebhooks.isEmpty()) {
            return;
        }
        ObjectNode payload = base(event);
        payload.put("issue_event_type_name", typeName);
        payload.set("user", json.user(store.me(), ctx()));
        payload.set("issue", json.issue(issue, FieldSelection.ALL, ctx()));
        if (changelog != null) {
            changelog.put("id", String.valueOf(++lastChangelogId));
            payload.set("changelog", changelog);
        }
        queue(event, issue, payload);
    }

    void comment(String event, Issue issue, Comment comment) {
        if (store.webhooks.isEmpty() && store.appWebhooks.isEmpty()) {
            return;
        }
        ObjectNode payload = base(event);
        payload.set("comment", json.comment(comment, ctx()));
        // Data Center's comment events carry no issue: its id is in comment.self (.../issue/{id}/comment/{cid}).
        if (store.flavour == Flavour.CLOUD) {
            payload.set("issue", json.issue(issue, new FieldSelection(false,
                    Set.of("summary", "status", "priority", "assignee", "issuetype", "project"), Set.of()), ctx()));
        }
        queue(event, issue, payload);
    }

    void notification(JsonNode body) {
        notifications.add(body.deepCopy());
    }

    private ObjectNode base(String event) {
        return JiraJson.MAPPER.createObjectNode().put("timestamp", store.clockNow().toEpochMilli()).put("webhookEvent", event);
    }

    private void queue(String event, Issue issue, ObjectNode payload) {
        for (Webhooks.Webhook hook : store.webhooks.values()) {
            if (hook.enabled() && hook.events().contains(event) && matches(hook.jql(), issue)) {
                pending.add(new Webhooks.Delivery(hook, event, hook.excludeBody() ? new byte[0] : Http.bytes(payload)));
            }
        }
        // An app's webhooks at one URL get one delivery per event, naming the webhooks it matched.
        long now = store.clockNow().toEpochMilli();
        Map<String, List<Webhooks.AppWebhook>> byTarget = new LinkedHashMap<>();
        for (Webhooks.AppWebhook hook : store.appWebhooks.values()) {
            if (hook.expires() > now && hook.events().contains(event) && matches(hook.jql(), issue)) {
                byTarget.computeIfAbsent(hook.clientId() + " " + hook.url(), k -> new ArrayList<>()).add(hook);
            }
        }
        for (List<Webhooks.AppWebhook> hooks : byTarget.values()) {
            OAuth.Client app = store.oauth.client(hooks.get(0).clientId());
            if (app == null) {
                continue;
            }
            ObjectNode body = payload.deepCopy();
            ArrayNode ids = body.putArray("matchedWebhookIds");
            hooks.forEach(h -> ids.add(Long.parseLong(h.id())));
            pending.add(new Webhooks.Delivery(hooks.get(0).target(), event, Http.bytes(body), app));
        }
    }

    /** A webhook's JQL filter selects the issues whose events it gets; a deleted issue is matched as it was. */
    private boolean matches(String jql, Issue issue) {
        if (jql == null || jql.isBlank()) {
            return true;
        }
        return JqlFilter.compile(Jql.parse(jql), store, store.clockNow()).filter().test(issue);
    }

    /** The deliveries queued since the last call, to send once the request is answered. */
    List<Webhooks.Delivery> drain() {
        List<Webhooks.Delivery> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    void clear() {
        pending.clear();
        notifications.clear();
    }
}
