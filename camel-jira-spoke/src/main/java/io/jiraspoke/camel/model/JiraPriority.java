package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** An issue priority, as issue/priorities returns it on Cloud and Data Center. */
public final class JiraPriority {

    private final JsonNode raw;

    public JiraPriority(JsonNode raw) {
        this.raw = raw;
    }

    /** The priority id (a number as text, also when Jira sends a number), e.g. {@code 3}. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The priority's name, e.g. {@code Medium}. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** The priority's description; null when it has none. */
    public String getDescription() {
        return JiraIssue.text(raw, "description");
    }

    /** The URL of the priority's icon. */
    public String getIconUrl() {
        return JiraIssue.text(raw, "iconUrl");
    }

    /** The colour Jira shows the priority in, e.g. {@code #f79232}. */
    public String getStatusColor() {
        return JiraIssue.text(raw, "statusColor");
    }

    /**
     * Whether this is the default priority (Jira Cloud's priority search); null where Jira does not say (Data
     * Center, Cloud's single-priority answer).
     */
    public Boolean getIsDefault() {
        JsonNode v = raw.get("isDefault");
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? v.booleanValue() : Boolean.valueOf(v.asText().trim());
    }

    /** The REST URL of the priority. */
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
        return "JiraPriority[" + getId() + ", " + getName() + "]";
    }
}
