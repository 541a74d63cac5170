package io.jiraspoke.camel.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One audit record, whichever API answered: a {@code records[]} entry of {@code /auditing/record} (Cloud, Data
 * Center up to 9) or an {@code entities[]} entry of {@code /rest/auditing/1.0/events} (Data Center 10+). The getters
 * read either shape; {@link #getRaw()} is the entry as Jira sent it.
 */
public final class JiraAuditRecord {

    private final JsonNode raw;
    private final boolean event;

    private JiraAuditRecord(JsonNode raw, boolean event) {
        this.raw = raw;
        this.event = event;
    }

    /** A {@code records[]} entry of Cloud's or Data Center 9's {@code auditing/record}. */
    public static JiraAuditRecord ofRecord(JsonNode raw) {
        return new JiraAuditRecord(raw, false);
    }

    /** An {@code entities[]} entry of Data Center 10's {@code /rest/auditing/1.0/events}. */
    public static JiraAuditRecord ofEvent(JsonNode raw) {
        return new JiraAuditRecord(raw, true);
    }

    /**
     * The record's id, as text (Jira sends a number). Null on Data Center 10+, whose audit events carry no id; the
     * consumer then tells events apart by their content.
     */
    public String getId() {
        return scalar(raw, "id");
    }

    /** What happened, e.g. {@code User created} (Data Center 10+: the event's action). */
    public String getSummary() {
        return event ? scalar(raw.path("type"), "action") : scalar(raw, "summary");
    }

    /** The description of the record (Cloud and Data Center up to 9); null when there is none. */
    public String getDescription() {
        return event ? null : scalar(raw, "description");
    }

    /** When Jira recorded it; null when absent or unreadable. */
    public OffsetDateTime getCreated() {
        JsonNode t = raw.get(event ? "timestamp" : "created");
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isIntegralNumber() && t.canConvertToLong()) {
            return Instant.ofEpochMilli(t.asLong()).atOffset(ZoneOffset.UTC);
        }
        return t.isTextual() ? JiraTime.parse(t.asText()) : null;
    }

    /** The category, e.g. {@code user management}. */
    public String getCategory() {
        return event ? scalar(raw.path("type"), "category") : scalar(raw, "category");
    }

    /** Where the change came from, e.g. {@code Browser} or {@code Jira Connect Plugin}. */
    public String getEventSource() {
        return event ? scalar(raw, "method") : scalar(raw, "eventSource");
    }

    /**
     * Who made the change: the author's name on Data Center 10+, else the author's key (Data Center up to 9) or
     * account id (Cloud).
     */
    public String getAuthor() {
        if (event) {
            return scalar(raw.path("author"), "name");
        }
        String key = getAuthorKey();
        return key != null ? key : getAuthorAccountId();
    }

    /** The author's user key (Data Center; deprecated on Cloud). */
    public String getAuthorKey() {
        return event ? scalar(raw.path("author"), "id") : scalar(raw, "authorKey");
    }

    /** The author's account id (Cloud only). */
    public String getAuthorAccountId() {
        return event ? null : scalar(raw, "authorAccountId");
    }

    /** The object changed (Data Center 10+: the first affected object); null when there is none. */
    public JiraAuditItem getObjectItem() {
        JsonNode item = event ? raw.path("affectedObjects").path(0) : raw.get("objectItem");
        return item != null && item.isObject() ? new JiraAuditItem(item) : null;
    }

    /** Other objects the record mentions (Data Center 10+: the affected objects after the first). */
    public List<JiraAuditItem> getAssociatedItems() {
        JsonNode items = raw.get(event ? "affectedObjects" : "associatedItems");
        List<JiraAuditItem> out = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (int i = event ? 1 : 0; i < items.size(); i++) {
                if (items.get(i).isObject()) {
                    out.add(new JiraAuditItem(items.get(i)));
                }
            }
        }
        return out;
    }

    /** The values the change changed, in Jira's order. */
    public List<JiraAuditChange> getChangedValues() {
        JsonNode values = raw.get("changedValues");
        List<JiraAuditChange> out = new ArrayList<>();
        if (values != null && values.isArray()) {
            for (JsonNode v : values) {
                if (v.isObject()) {
                    out.add(new JiraAuditChange(v));
                }
            }
        }
        return out;
    }

    /** The address the change was made from (Data Center 10+: the event's source). */
    public String getRemoteAddress() {
        return event ? scalar(raw, "source") : scalar(raw, "remoteAddress");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    /** A field's value when it is text, a number or a boolean; null when absent, null or a container. */
    static String scalar(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    @Override
    public String toString() {
        return "JiraAuditRecord[id=" + getId() + ", created=" + getCreated() + ", summary=" + getSummary() + "]";
    }
}
