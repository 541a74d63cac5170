package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value an audited change changed: {@code changedValues} entries, spelled {@code fieldName, changedFrom,
 * changedTo} on Cloud and Data Center up to 9 and {@code key, from, to} on Data Center 10+.
 */
public final class JiraAuditChange {

    private final JsonNode raw;

    JiraAuditChange(JsonNode raw) {
        this.raw = raw;
    }

    /** The name of what changed, e.g. {@code email} or {@code Name}. */
    public String getFieldName() {
        String name = JiraAuditRecord.scalar(raw, "fieldName");
        if (name == null) {
            name = JiraAuditRecord.scalar(raw, "key");
        }
        return name != null ? name : JiraAuditRecord.scalar(raw, "i18nKey");
    }

    /** The value before the change; null when there was none. */
    public String getChangedFrom() {
        String from = JiraAuditRecord.scalar(raw, "changedFrom");
        return from != null ? from : JiraAuditRecord.scalar(raw, "from");
    }

    /** The value after the change; null when there is none. */
    public String getChangedTo() {
        String to = JiraAuditRecord.scalar(raw, "changedTo");
        return to != null ? to : JiraAuditRecord.scalar(raw, "to");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraAuditChange[" + getFieldName() + "]";
    }
}
