package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A Jira Software sprint, as the agile API returns it on Cloud and Data Center. */
public final class JiraSprint {

    private final JsonNode raw;

    public JiraSprint(JsonNode raw) {
        this.raw = raw;
    }

    /** The sprint id (a number as text), which the other sprint actions take. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The sprint's name; several sprints may share one. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** {@code future}, {@code active} or {@code closed}. */
    public String getState() {
        return JiraIssue.text(raw, "state");
    }

    /** When the sprint starts or started; null for a future sprint without dates. */
    public OffsetDateTime getStartDate() {
        return JiraTime.parse(JiraIssue.text(raw, "startDate"));
    }

    /** When the sprint is planned to end; null for a future sprint without dates. */
    public OffsetDateTime getEndDate() {
        return JiraTime.parse(JiraIssue.text(raw, "endDate"));
    }

    /** When the sprint was closed; null unless it is closed. */
    public OffsetDateTime getCompleteDate() {
        return JiraTime.parse(JiraIssue.text(raw, "completeDate"));
    }

    /** The id of the board the sprint was created on; null on old servers that do not say. */
    public String getOriginBoardId() {
        return JiraIssue.text(raw, "originBoardId");
    }

    /** The sprint goal; null when none is set. */
    public String getGoal() {
        return JiraIssue.text(raw, "goal");
    }

    /** The REST URL of the sprint. */
    public String getSelf() {
        return JiraIssue.text(raw, "self");
    }

    /** Jira's JSON as received. */
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraSprint[" + getId() + ", " + getName() + ", " + getState() + "]";
    }
}
