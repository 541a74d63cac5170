package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one change to an issue changed: the {@code changelog} of an issue-updated webhook delivery ({@code id} and
 * {@code items}), which is also the shape of one history entry of an issue's changelog.
 */
public final class JiraChangelog {

    private final JsonNode raw;

    public JiraChangelog(JsonNode raw) {
        this.raw = raw;
    }

    /** The id of the change, as text (Jira sends it as a string or a number); null when absent. */
    public String getId() {
        return JiraAuditRecord.scalar(raw, "id");
    }

    /** Who made the change, when Jira says (history entries; webhook deliveries name the user at the top). */
    public JiraUser getAuthor() {
        JsonNode a = raw.get("author");
        return a != null && a.isObject() ? new JiraUser(a) : null;
    }

    /** When the change was made, when Jira says (history entries). */
    public OffsetDateTime getCreated() {
        String created = JiraAuditRecord.scalar(raw, "created");
        return created == null ? null : JiraTime.parse(created);
    }

    /** The fields that changed, one item each, in Jira's order; empty when none. */
    public List<JiraChangelogItem> getItems() {
        JsonNode items = raw.get("items");
        List<JiraChangelogItem> out = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                if (item.isObject()) {
                    out.add(new JiraChangelogItem(item));
                }
            }
        }
        return out;
    }

    /** The item of a field by its id or name (e.g. {@code status}), or null when that field did not change. */
    public JiraChangelogItem item(String field) {
        for (JiraChangelogItem i : getItems()) {
            if (field.equals(i.getFieldId()) || field.equalsIgnoreCase(i.getField())) {
                return i;
            }
        }
        return null;
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraChangelog[id=" + getId() + ", items=" + getItems().size() + "]";
    }
}
