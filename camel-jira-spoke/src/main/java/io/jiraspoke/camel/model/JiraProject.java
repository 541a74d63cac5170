package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Jira project as project/get, project/list and project/create return it, on Cloud and Data Center. Fields Jira
 * leaves out (older Data Center, a create answer with only id, key and self, expand options not asked for) read as
 * null.
 */
public final class JiraProject {

    private final JsonNode raw;

    public JiraProject(JsonNode raw) {
        this.raw = raw;
    }

    /** The project id (a number as text, also when Jira sends a number); null when Jira sent none. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The project key, e.g. {@code PROJ}. */
    public String getKey() {
        return JiraIssue.text(raw, "key");
    }

    /** The project's name; names need not be unique. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** {@code software}, {@code service_desk} or {@code business}. */
    public String getProjectTypeKey() {
        return JiraIssue.text(raw, "projectTypeKey");
    }

    /** The project lead; null unless Jira includes it (project/get does, lists only with expand=lead). */
    public JiraUser getLead() {
        JsonNode lead = raw.get("lead");
        return lead != null && lead.isObject() ? new JiraUser(lead) : null;
    }

    /** The description; null unless Jira includes it (lists only with expand=description). */
    public String getDescription() {
        return JiraIssue.text(raw, "description");
    }

    /** Jira Cloud: {@code classic} (company-managed) or {@code next-gen} (team-managed); null on Data Center. */
    public String getStyle() {
        return JiraIssue.text(raw, "style");
    }

    /** Jira Cloud: whether the project is team-managed (simplified); null when Jira does not say. */
    public Boolean getSimplified() {
        JsonNode v = raw.get("simplified");
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    /** Whether the project is archived; false when Jira does not say. */
    public boolean isArchived() {
        return raw.path("archived").asBoolean(false);
    }

    /** The REST URL of the project. */
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
        return "JiraProject[" + getKey() + ", id=" + getId() + "]";
    }
}
