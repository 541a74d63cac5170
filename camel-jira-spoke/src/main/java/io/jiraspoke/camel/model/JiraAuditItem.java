package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An object an audit record is about or mentions: on Cloud and Data Center up to 9 an {@code objectItem} or
 * {@code associatedItems} entry, on Data Center 10+ an {@code affectedObjects} entry.
 */
public final class JiraAuditItem {

    private final JsonNode raw;

    JiraAuditItem(JsonNode raw) {
        this.raw = raw;
    }

    /** The object's id (a user key, a project id, a group name, ...), as text. */
    public String getId() {
        return JiraAuditRecord.scalar(raw, "id");
    }

    /** The object's name. */
    public String getName() {
        return JiraAuditRecord.scalar(raw, "name");
    }

    /** The kind of object, e.g. {@code USER}, {@code PROJECT}, {@code GROUP}. */
    public String getTypeName() {
        String type = JiraAuditRecord.scalar(raw, "typeName");
        return type != null ? type : JiraAuditRecord.scalar(raw, "type");
    }

    /** The id of the object's parent (e.g. the user directory of a user); null on Data Center 10+. */
    public String getParentId() {
        return JiraAuditRecord.scalar(raw, "parentId");
    }

    /** The name of the object's parent; null on Data Center 10+. */
    public String getParentName() {
        return JiraAuditRecord.scalar(raw, "parentName");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraAuditItem[" + getTypeName() + " " + getId() + ", " + getName() + "]";
    }
}
