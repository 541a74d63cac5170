package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field of a changelog: Jira's {@code field}, {@code fieldtype}, {@code fieldId}, {@code from},
 * {@code fromString}, {@code to} and {@code toString}.
 */
public final class JiraChangelogItem {

    private final JsonNode raw;

    JiraChangelogItem(JsonNode raw) {
        this.raw = raw;
    }

    /** The field's name as Jira shows it, e.g. {@code status} or {@code Story Points}. */
    public String getField() {
        return JiraAuditRecord.scalar(raw, "field");
    }

    /** The field's id, e.g. {@code status} or {@code customfield_10016}; null on servers that do not send it. */
    public String getFieldId() {
        return JiraAuditRecord.scalar(raw, "fieldId");
    }

    /** {@code jira} for system fields, {@code custom} for custom fields. */
    public String getFieldType() {
        return JiraAuditRecord.scalar(raw, "fieldtype");
    }

    /** The value before the change as an id (a status id, an account id); null when there was none. */
    public String getFrom() {
        return JiraAuditRecord.scalar(raw, "from");
    }

    /** The value before the change as text (Jira's fromString); null when there was none. */
    public String getFromText() {
        return JiraAuditRecord.scalar(raw, "fromString");
    }

    /** The value after the change as an id; null when there is none. */
    public String getTo() {
        return JiraAuditRecord.scalar(raw, "to");
    }

    /** The value after the change as text (Jira's toString); null when there is none. */
    public String getToText() {
        return JiraAuditRecord.scalar(raw, "toString");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraChangelogItem[" + getField() + "]";
    }
}
