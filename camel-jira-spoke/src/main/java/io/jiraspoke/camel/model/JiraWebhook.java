package io.jiraspoke.camel.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A registered webhook, whichever API answered: an admin webhook of {@code /rest/webhooks/1.0/webhook} (Cloud, Data
 * Center up to 9), a webhook of {@code /rest/jira-webhook/1.0/webhooks} (Data Center 10+), or an app webhook of
 * {@code /rest/api/3/webhook} (Cloud, OAuth apps). The getters read each shape.
 */
public final class JiraWebhook {

    /** The filters key under which admin webhooks keep their JQL. */
    public static final String ISSUE_FILTER = "issue-related-events-section";

    private static final String MASK = "********";

    private final JsonNode raw;

    public JiraWebhook(JsonNode raw) {
        this.raw = masked(raw);
    }

    /**
     * The webhook's id, as text. Admin webhooks are often sent without one; their id is then the last segment of
     * {@code self} ({@code .../rest/webhooks/1.0/webhook/42} is 42).
     */
    public String getId() {
        String id = JiraAuditRecord.scalar(raw, "id");
        if (id != null && !id.isBlank()) {
            return id;
        }
        String self = getSelf();
        if (self == null) {
            return null;
        }
        String path = self.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : last;
    }

    /** The REST URL of the webhook (admin webhooks). */
    public String getSelf() {
        return JiraAuditRecord.scalar(raw, "self");
    }

    /** The webhook's name; null for app webhooks, which have none. */
    public String getName() {
        return JiraAuditRecord.scalar(raw, "name");
    }

    /** Where Jira sends the events. */
    public String getUrl() {
        return JiraAuditRecord.scalar(raw, "url");
    }

    /** The events that trigger it, e.g. {@code jira:issue_created}. */
    public List<String> getEvents() {
        List<String> out = new ArrayList<>();
        JsonNode events = raw.get("events");
        if (events != null && events.isArray()) {
            for (JsonNode e : events) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        }
        return out;
    }

    /** The JQL that narrows the issue events sent; null when the webhook has none. */
    public String getJql() {
        String jql = JiraAuditRecord.scalar(raw, "jqlFilter");
        if (jql == null) {
            jql = JiraAuditRecord.scalar(raw.path("filters"), ISSUE_FILTER);
        }
        if (jql == null) {
            jql = configuration("FILTERS");
        }
        return jql == null || jql.isBlank() ? null : jql;
    }

    /** Whether Jira sends it ({@code enabled}, or {@code active} on Data Center 10+); null for app webhooks. */
    public Boolean getEnabled() {
        JsonNode v = raw.has("enabled") ? raw.get("enabled") : raw.get("active");
        return flag(v);
    }

    /** Whether deliveries leave out the event body; null when Jira does not say (app webhooks). */
    public Boolean getExcludeBody() {
        Boolean exclude = flag(raw.get("excludeBody"));
        if (exclude != null) {
            return exclude;
        }
        String configured = configuration("EXCLUDE_BODY");
        return configured == null ? null : Boolean.valueOf(configured.strip());
    }

    /**
     * When an app webhook stops being sent unless refreshed (30 days after registration or the last refresh); null
     * for admin webhooks, which do not expire.
     */
    public OffsetDateTime getExpirationDate() {
        JsonNode v = raw.get("expirationDate");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Instant.ofEpochMilli(v.asLong()).atOffset(ZoneOffset.UTC);
        }
        return v.isTextual() ? JiraTime.parse(v.asText()) : null;
    }

    /** Jira's JSON as received, with any secret it echoed masked. */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    private String configuration(String key) {
        JsonNode config = raw.get("configuration");
        if (config == null || !config.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(key) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    private static Boolean flag(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isTextual() ? Boolean.valueOf(v.asText().strip()) : null;
    }

    /** A copy with the secret masked when Jira echoed one, so a logged body never carries it. */
    private static JsonNode masked(JsonNode raw) {
        if (raw == null || !raw.isObject() || !holdsSecret(raw) && !holdsSecret(raw.get("configuration"))) {
            return raw;
        }
        ObjectNode copy = raw.deepCopy();
        mask(copy);
        if (copy.get("configuration") instanceof ObjectNode config) {
            mask(config);
        }
        return copy;
    }

    private static boolean holdsSecret(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            if (isSecretKey(it.next())) {
                return true;
            }
        }
        return false;
    }

    private static void mask(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (isSecretKey(k)) {
                keys.add(k);
            }
        });
        keys.forEach(k -> node.put(k, MASK));
    }

    private static boolean isSecretKey(String key) {
        return key.toLowerCase(Locale.ROOT).contains("secret");
    }

    @Override
    public String toString() {
        // no URL: some receivers authenticate deliveries by a token in it
        return "JiraWebhook[id=" + getId() + ", name=" + getName() + "]";
    }
}
