package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** A Jira Software board (Scrum, Kanban or simple), as the agile API returns it on Cloud and Data Center. */
public final class JiraBoard {

    private final JsonNode raw;

    public JiraBoard(JsonNode raw) {
        this.raw = raw;
    }

    /** The board id (a number as text), which sprint actions take. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The board's name. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** {@code scrum}, {@code kanban} or {@code simple}. */
    public String getType() {
        return JiraIssue.text(raw, "type");
    }

    /** The key of the project the board is located in; null for boards not located in a project. */
    public String getProjectKey() {
        return JiraIssue.text(raw.path("location"), "projectKey");
    }

    /** The REST URL of the board. */
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
        return "JiraBoard[" + getId() + ", " + getName() + "]";
    }
}
