package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field changed by one entry of an issue's history ({@code items[]} of a changelog entry), with the entry it
 * belongs to: what the issue/changelog consumer emits, one per change. The values come both as Jira stores them
 * ({@code from}/{@code to}: ids for options, users, sprints, ...) and as Jira shows them ({@code fromString}/
 * {@code toString}, here {@code fromText}/{@code toText}). {@link #getRaw()} is the item's JSON as received.
 */
public final class JiraFieldChange {

    private final JsonNode raw;
    private final JiraChangelog changelog;

    public JiraFieldChange(JsonNode raw, JiraChangelog changelog) {
        this.raw = raw;
        this.changelog = changelog;
    }

    /** The field as the history names it, e.g. {@code status}, {@code assignee}, {@code Sprint}, {@code Story Points}. */
    public String getField() {
        return JiraIssue.text(raw, "field");
    }

    /**
     * The field's id, e.g. {@code status} or {@code customfield_10020}; null where Jira sends none (Data Center,
     * and on Cloud some custom fields and IssueParentAssociation).
     */
    public String getFieldId() {
        return JiraIssue.text(raw, "fieldId");
    }

    /** Whether the field is one of Jira's own ({@code jira}) or a custom field ({@code custom}); null when not sent. */
    public String getFieldType() {
        return JiraIssue.text(raw, "fieldtype");
    }

    /** The value before the change as Jira stores it (an id for options, users and sprints); null when empty. */
    public String getFrom() {
        return JiraIssue.text(raw, "from");
    }

    /** The value before the change as Jira shows it (Jira's fromString), e.g. {@code To Do}; null when empty. */
    public String getFromText() {
        return JiraIssue.text(raw, "fromString");
    }

    /** The value after the change as Jira stores it (an id for options, users and sprints); null when empty. */
    public String getTo() {
        return JiraIssue.text(raw, "to");
    }

    /** The value after the change as Jira shows it (Jira's toString), e.g. {@code In Progress}; null when empty. */
    public String getToText() {
        return JiraIssue.text(raw, "toString");
    }

    /** The history entry this change belongs to (its id, author, time and its other changes). */
    public JiraChangelog getChangelog() {
        return changelog;
    }

    /** The id of the history entry this change belongs to; null when Jira sent none. */
    public String getChangelogId() {
        return changelog.getId();
    }

    /** Who made the change; null when Jira names nobody. */
    public JiraUser getAuthor() {
        return changelog.getAuthor();
    }

    /** When the change was made; null when not returned or unreadable. */
    public OffsetDateTime getCreated() {
        return changelog.getCreated();
    }

    /** The key of the changed issue when known, else null. */
    public String getIssueKey() {
        return changelog.getIssueKey();
    }

    /** The id of the changed issue when known, else null. */
    public String getIssueId() {
        return changelog.getIssueId();
    }

    /** The item's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraFieldChange[" + getField() + " in " + changelog + "]";
    }
}
