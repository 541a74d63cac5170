package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of an issue's change history, as issue/changelog returns it: who changed the issue when, and the fields
 * that change set ({@link #getItems()}, one {@link JiraFieldChange} each). {@link #getRaw()} is Jira's JSON as
 * received ({@code values[]} of Cloud's changelog, {@code changelog.histories[]} on Data Center). The
 * {@code changelog} of an issue-updated webhook delivery has the same shape, with {@code id} and {@code items}
 * only (the delivery names the user at its top).
 */
public final class JiraChangelog {

    private final JsonNode raw;
    private final String issueKey;
    private final String issueId;
    private final OffsetDateTime issueUpdated;
    private final Predicate<JsonNode> shown;

    public JiraChangelog(JsonNode raw) {
        this(raw, null, null, null, null);
    }

    /**
     * @param issueKey     the key of the changed issue, when known
     * @param issueId      the id of the changed issue, when known
     * @param issueUpdated when the issue was last updated, as the consumer found it
     * @param shown        which items {@link #getItems()} gives (the watched fields); null for all
     */
    public JiraChangelog(JsonNode raw, String issueKey, String issueId, OffsetDateTime issueUpdated,
                         Predicate<JsonNode> shown) {
        this.raw = raw;
        this.issueKey = issueKey;
        this.issueId = issueId;
        this.issueUpdated = issueUpdated;
        this.shown = shown;
    }

    /** The id of this history entry, e.g. {@code 10500} (a number as text; sent as a string or a number). */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** Who changed the issue; null when Jira names nobody (an automation without a user, a deleted user). */
    public JiraUser getAuthor() {
        JsonNode u = raw.get("author");
        return u != null && u.isObject() && !u.isEmpty() ? new JiraUser(u) : null;
    }

    /** When the change was made; null when not returned or unreadable. */
    public OffsetDateTime getCreated() {
        return JiraTime.parse(JiraIssue.text(raw, "created"));
    }

    /**
     * The fields this entry changed, in Jira's order (only those of option watchedFields when it is set); empty when
     * Jira sent none.
     */
    public List<JiraFieldChange> getItems() {
        JsonNode items = raw.get("items");
        if (items == null || !items.isArray()) {
            return List.of();
        }
        List<JiraFieldChange> changes = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item.isObject() && (shown == null || shown.test(item))) {
                changes.add(new JiraFieldChange(item, this));
            }
        }
        return changes;
    }

    /** The change of a field by its id or name (e.g. {@code status}), or null when that field did not change. */
    public JiraFieldChange item(String field) {
        for (JiraFieldChange i : getItems()) {
            if (field.equals(i.getFieldId()) || field.equalsIgnoreCase(i.getField())) {
                return i;
            }
        }
        return null;
    }

    /** The key of the changed issue when known (from the consumer, or as the route named it), else null. */
    public String getIssueKey() {
        return issueKey;
    }

    /** The id of the changed issue when known, else null. */
    public String getIssueId() {
        return issueId;
    }

    /**
     * When the changed issue was last updated, as the issue/changelog consumer found it (the time it orders and
     * keeps its place by); null from the producer.
     */
    public OffsetDateTime getIssueUpdated() {
        return issueUpdated;
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraChangelog[id=" + getId() + (issueKey != null ? ", issue=" + issueKey : "") + "]";
    }
}
