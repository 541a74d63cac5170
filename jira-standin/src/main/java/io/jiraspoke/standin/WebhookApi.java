package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin webhook registration APIs: Cloud's (and Data Center 9's) {@code /rest/webhooks/1.0/webhook}, and Data
 * Center 10's {@code /rest/jira-webhook/1.0/webhooks}, which replaced it there (the emulator is Data Center 10.3, so
 * it serves only the new one). Registered webhooks get deliveries from {@link Webhooks}.
 */
final class WebhookApi {

    private static final String CLOUD = "/rest/webhooks/1.0/webhook";
    private static final String DC = "/rest/jira-webhook/1.0/webhooks";
    private static final String ISSUE_FILTER = "issue-related-events-section";

    private final Store store;

    WebhookApi(Store store) {
        this.store = store;
    }

    void routes(Router router) {
        String base = store.flavour == Flavour.CLOUD ? CLOUD : DC;
        router.add("GET", base, this::list)
                .add("POST", base, this::create)
                .add("GET", base + "/{id}", c -> Reply.ok(render(webhook(c), c)))
                .add("PUT", base + "/{id}", this::update)
                .add("DELETE", base + "/{id}", this::delete);
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    private Webhooks.Webhook webhook(Call c) {
        Webhooks.Webhook hook = store.webhooks.get(c.var("id"));
        if (hook == null) {
            throw JiraError.message(404, "Webhook with id " + c.var("id") + " does not exist.");
        }
        return hook;
    }

    private Reply list(Call c) {
        List<Webhooks.Webhook> all = new ArrayList<>(store.webhooks.values());
        ArrayNode answer = JiraJson.MAPPER.createArrayNode();
        int start = cloud() ? 0 : Math.max(c.intParam("start", 0), 0);
        int limit = cloud() ? all.size() : Math.max(c.intParam("limit", 100), 0);
        all.stream().skip(start).limit(limit).forEach(h -> answer.add(render(h, c)));
        return Reply.ok(answer);
    }

    private Reply create(Call c) {
        Webhooks.Webhook hook = read(c.object(), store.nextWebhookId(), store.clockNow().toEpochMilli(), null);
        store.webhooks.put(hook.id(), hook);
        return Reply.created(render(hook, c));
    }

    private Reply update(Call c) {
        Webhooks.Webhook old = webhook(c);
        Webhooks.Webhook hook = read(c.object(), old.id(), old.created(), old);
        store.webhooks.put(hook.id(), hook);
        return Reply.ok(render(hook, c));
    }

    private Reply delete(Call c) {
        store.webhooks.remove(webhook(c).id());
        return Reply.noContent();
    }

    /** A registration as the API takes it; on Cloud an update without a secret drops it, as Jira's full update does. */
    private Webhooks.Webhook read(ObjectNode body, String id, long created, Webhooks.Webhook old) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            errors.put("name", "The webhook needs a name.");
        }
        String url = body.path("url").asText("");
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                errors.put("url", "The webhook URL must be an http or https URL.");
            }
        } catch (IllegalArgumentException e) {
            errors.put("url", "The webhook URL is not valid: " + url);
        }
        List<String> events = new ArrayList<>();
        body.path("events").forEach(e -> events.add(e.asText()));
        if (events.isEmpty()) {
            errors.put("events", "The webhook needs at least one event.");
        }
        JsonNode configuration = body.path("configuration");
        String jql = body.path("filters").path(ISSUE_FILTER).asText(configuration.path("FILTERS").asText(null));
        if (jql != null && !jql.isBlank()) {
            try {
                Jql.parse(jql);
            } catch (JiraError e) {
                errors.put("filters", e.errorMessages().get(0));
            }
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(errors);
        }
        String secret = body.path("secret").asText(configuration.path("SECRET").asText(null));
        boolean excludeBody = body.path("excludeBody").asBoolean(configuration.path("EXCLUDE_BODY").asBoolean(false));
        boolean enabled = body.path(cloud() ? "enabled" : "active").asBoolean(old == null || old.enabled());
        return new Webhooks.Webhook(id, name, url, List.copyOf(events), jql == null || jql.isBlank() ? null : jql, secret, enabled,
                excludeBody, created, store.clockNow().toEpochMilli());
    }

    /** Jira never answers a webhook's secret. */
    private ObjectNode render(Webhooks.Webhook h, Call c) {
        ObjectNode json = JiraJson.MAPPER.createObjectNode();
        ArrayNode events = JiraJson.MAPPER.createArrayNode();
        h.events().forEach(events::add);
        if (cloud()) {
            json.put("name", h.name()).put("url", h.url()).put("excludeBody", h.excludeBody());
            ObjectNode filters = json.putObject("filters");
            if (h.jql() != null) {
                filters.put(ISSUE_FILTER, h.jql());
            }
            json.set("events", events);
            json.put("enabled", h.enabled())
                    .put("self", c.ctx.root() + CLOUD + "/" + h.id())
                    .put("lastUpdatedUser", store.me().accountId())
                    .put("lastUpdatedDisplayName", store.me().displayName())
                    .put("lastUpdated", h.updated());
        } else {
            json.put("id", Long.parseLong(h.id())).put("name", h.name()).put("url", h.url());
            json.set("events", events);
            json.put("createdDate", h.created()).put("updatedDate", h.updated());
            ObjectNode configuration = json.putObject("configuration");
            if (h.jql() != null) {
                configuration.put("FILTERS", h.jql());
            }
            configuration.put("EXCLUDE_BODY", String.valueOf(h.excludeBody()));
            json.put("active", h.enabled()).put("scopeType", "GLOBAL").put("sslVerificationRequired", true);
        }
        return json;
    }
}
