package io.jiraspoke.camel.model;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** An issue type that can be created in a project, as metadata/issueTypes returns it on Cloud and Data Center. */
public final class JiraIssueType {

    private static final Pattern SMALL_INT = Pattern.compile("-?\\d{1,9}");

    private final JsonNode raw;

    public JiraIssueType(JsonNode raw) {
        this.raw = raw;
    }

    /** The issue type id (a number as text, also when Jira sends a number), which metadata/creatableFields takes. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The issue type's name, e.g. {@code Bug}. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** The issue type's description; null when it has none. */
    public String getDescription() {
        return JiraIssue.text(raw, "description");
    }

    /** Whether issues of this type are subtasks. */
    public boolean isSubtask() {
        return raw.path("subtask").asBoolean(false);
    }

    /**
     * The level in the issue type hierarchy (Jira Cloud): -1 subtask, 0 standard, 1 epic and up; null when Jira does
     * not say (Data Center).
     */
    public Integer getHierarchyLevel() {
        JsonNode v = raw.get("hierarchyLevel");
        if (v != null && v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v != null && v.isTextual() && SMALL_INT.matcher(v.asText().trim()).matches()) {
            return Integer.valueOf(v.asText().trim());
        }
        return null;
    }

    /** The URL of the issue type's icon. */
    public String getIconUrl() {
        return JiraIssue.text(raw, "iconUrl");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraIssueType[" + getId() + ", " + getName() + "]";
    }
}
