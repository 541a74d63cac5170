package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** A Jira group: Cloud gives it an id besides its name, Data Center knows it by name only. */
public final class JiraGroup {

    private final JsonNode raw;

    public JiraGroup(JsonNode raw) {
        this.raw = raw;
    }

    /** The group's name; on Cloud it can change, the id cannot. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** The group id on Cloud (null on Data Center, and for some Cloud groups Jira answers without one). */
    public String getGroupId() {
        return JiraIssue.text(raw, "groupId");
    }

    /** The REST URL of the group; null where Jira lists groups without one. */
    public String getSelf() {
        return JiraIssue.text(raw, "self");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraGroup[" + (getGroupId() != null ? getGroupId() + ", " : "") + getName() + "]";
    }
}
