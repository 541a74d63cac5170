package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Time logged on an issue, as issue/addWorklog, issue/worklogs and its consumer return it. The comment comes as
 * plain text ({@code ${body.comment}}: ADF flattened on Cloud, wiki markup stripped on Data Center) and as Jira sent
 * it; {@link #getRaw()} is Jira's JSON as received.
 */
public final class JiraWorklog {

    /** {@code .../rest/api/2/issue/{issueId}/worklog/{worklogId}}: the issue of a worklog is in its URL. */
    private static final Pattern SELF = Pattern.compile("/rest/api/[^/]+/issue/(\\d{1,19})/worklog/");

    private final JsonNode raw;
    private final String issueKey;
    private final String issueId;
    private final OffsetDateTime issueUpdated;

    public JiraWorklog(JsonNode raw) {
        this(raw, null, null, null);
    }

    /**
     * @param issueKey     the key of the worklog's issue, when known
     * @param issueId      the id of the worklog's issue, when known (else it is read from the worklog)
     * @param issueUpdated when the issue was last updated, as the consumer found it
     */
    public JiraWorklog(JsonNode raw, String issueKey, String issueId, OffsetDateTime issueUpdated) {
        this.raw = raw;
        this.issueKey = issueKey;
        this.issueId = issueId;
        this.issueUpdated = issueUpdated;
    }

    /** The worklog id, e.g. {@code 100028} (a number as text; Jira sends it as a string or a number). */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The REST URL of the worklog. */
    public String getSelf() {
        return JiraIssue.text(raw, "self");
    }

    /** Who logged the time; null when Jira names nobody (a deleted or anonymous user). */
    public JiraUser getAuthor() {
        return user("author");
    }

    /** Who last changed the worklog; null when Jira names nobody. */
    public JiraUser getUpdateAuthor() {
        return user("updateAuthor");
    }

    /** The comment as plain text on both deployments (ADF flattened, wiki markup stripped); null when none. */
    public String getComment() {
        return Adf.toText(raw.get("comment"));
    }

    /** The comment as the wiki markup Data Center sent, or null (Cloud sends ADF: see getCommentAdf). */
    public String getCommentWiki() {
        JsonNode c = raw.get("comment");
        return c != null && c.isTextual() ? c.asText() : null;
    }

    /** The comment as ADF (Cloud), or null (Data Center sends wiki text: see getComment). */
    public JsonNode getCommentAdf() {
        JsonNode c = raw.get("comment");
        return Adf.isDocument(c) ? c : null;
    }

    /** When the work started, as the worklog says; null when not returned or unreadable. */
    public OffsetDateTime getStarted() {
        return JiraTime.parse(JiraIssue.text(raw, "started"));
    }

    /** When the worklog was logged; null when not returned. */
    public OffsetDateTime getCreated() {
        return JiraTime.parse(JiraIssue.text(raw, "created"));
    }

    /** When the worklog was last changed (equal to created until it is edited); null when not returned. */
    public OffsetDateTime getUpdated() {
        return JiraTime.parse(JiraIssue.text(raw, "updated"));
    }

    /** Whether the worklog was changed after it was logged (updated later than created). */
    public boolean isEdited() {
        OffsetDateTime created = getCreated();
        OffsetDateTime updated = getUpdated();
        return created != null && updated != null && updated.isAfter(created);
    }

    /** The time spent as Jira writes it, e.g. {@code 3h 20m}; null when not returned. */
    public String getTimeSpent() {
        return JiraIssue.text(raw, "timeSpent");
    }

    /** The time spent in seconds, e.g. {@code 12000}; null when Jira sent none or no whole number. */
    public Long getTimeSpentSeconds() {
        JsonNode v = raw.get("timeSpentSeconds");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        String t = v.asText().strip();
        return !t.isEmpty() && t.length() < 19 && t.chars().allMatch(Character::isDigit) ? Long.valueOf(t) : null;
    }

    /** role or group when the worklog is restricted, else null. */
    public String getVisibilityType() {
        return JiraIssue.text(raw.path("visibility"), "type");
    }

    /** The role or group the worklog is restricted to (its name, else its identifier), or null. */
    public String getVisibilityValue() {
        JsonNode v = raw.path("visibility");
        String value = JiraIssue.text(v, "value");
        return value != null ? value : JiraIssue.text(v, "identifier");
    }

    /** The key of the worklog's issue when known (from the consumer, or as the route named the issue), else null. */
    public String getIssueKey() {
        return issueKey;
    }

    /** The id of the worklog's issue: as Jira sent it, else as known, else read from the worklog's URL; or null. */
    public String getIssueId() {
        String id = JiraIssue.text(raw, "issueId");
        if (id != null && !id.isBlank()) {
            return id;
        }
        if (issueId != null) {
            return issueId;
        }
        String self = getSelf();
        if (self == null) {
            return null;
        }
        Matcher m = SELF.matcher(self);
        return m.find() ? m.group(1) : null;
    }

    /**
     * When the worklog's issue was last updated, as the issue/worklogs consumer found it (the time it orders and
     * keeps its place by); null from the other actions.
     */
    public OffsetDateTime getIssueUpdated() {
        return issueUpdated;
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    private JiraUser user(String field) {
        JsonNode u = raw.get(field);
        return u != null && u.isObject() && !u.isEmpty() ? new JiraUser(u) : null;
    }

    @Override
    public String toString() {
        return "JiraWorklog[id=" + getId() + (issueKey != null ? ", issue=" + issueKey : "") + ", "
               + getTimeSpent() + "]";
    }
}
