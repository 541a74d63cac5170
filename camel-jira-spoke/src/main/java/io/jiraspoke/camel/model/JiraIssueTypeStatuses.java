package io.jiraspoke.camel.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** One issue type of a project with the statuses its workflow has, as issue/statuses returns them. */
public final class JiraIssueTypeStatuses {

    private final JsonNode raw;

    public JiraIssueTypeStatuses(JsonNode raw) {
        this.raw = raw;
    }

    /** The issue type id (a number as text, also when Jira sends a number). */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The issue type's name, e.g. {@code Bug}. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** Whether issues of this type are subtasks. */
    public boolean isSubtask() {
        return raw.path("subtask").asBoolean(false);
    }

    /** The statuses of the issue type's workflow, in Jira's order; empty when Jira lists none. */
    public List<JiraStatus> getStatuses() {
        List<JiraStatus> out = new ArrayList<>();
        JsonNode statuses = raw.get("statuses");
        if (statuses != null && statuses.isArray()) {
            statuses.forEach(s -> {
                if (s.isObject()) {
                    out.add(new JiraStatus(s));
                }
            });
        }
        return out;
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraIssueTypeStatuses[" + getId() + ", " + getName() + "]";
    }
}
