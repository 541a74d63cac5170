package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A workflow status: the status a transition leads to (issue/transitions), or one of an issue type's statuses
 * (issue/statuses). Older Data Center and Cloud's project statuses may leave out the category: its getters then read
 * null.
 */
public final class JiraStatus {

    private final JsonNode raw;

    public JiraStatus(JsonNode raw) {
        this.raw = raw;
    }

    /** The status id (a number as text, also when Jira sends a number); null when Jira sent none. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The status name as the connection's user sees it, e.g. {@code In Progress} (translated where Jira is). */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** The name in the workflow's own language (Jira Cloud); null where Jira does not send it. */
    public String getUntranslatedName() {
        return JiraIssue.text(raw, "untranslatedName");
    }

    /** The status description; null when it has none. */
    public String getDescription() {
        return JiraIssue.text(raw, "description");
    }

    /**
     * The key of the status category: {@code new} (to do), {@code indeterminate} (in progress) or {@code done};
     * null when Jira sent no category.
     */
    public String getCategory() {
        return JiraIssue.text(raw.path("statusCategory"), "key");
    }

    /** The name of the status category, e.g. {@code To Do}; null when Jira sent no category. */
    public String getCategoryName() {
        return JiraIssue.text(raw.path("statusCategory"), "name");
    }

    /** The URL of the status icon. */
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
        return "JiraStatus[" + getId() + ", " + getName() + "]";
    }
}
