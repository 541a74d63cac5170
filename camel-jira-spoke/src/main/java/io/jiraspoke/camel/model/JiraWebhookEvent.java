package io.jiraspoke.camel.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One webhook delivery as the webhook/events consumer receives it: the event ({@code webhookEvent}, e.g.
 * {@code jira:issue_created} or {@code comment_created}), when Jira raised it, and the issue, comment, changelog,
 * user and sprint it carries, as the typed results of the other actions. {@link #getRaw()} is the payload as Jira
 * sent it. Data Center's comment events carry no issue: {@link #getIssueId()} is then read from the comment's URL.
 */
public final class JiraWebhookEvent {

    /** {@code .../rest/api/2/issue/{issueIdOrKey}/comment/{commentId}}. */
    private static final Pattern COMMENT_SELF = Pattern.compile("/rest/api/[^/]+/issue/(\\d{1,19})/comment/");

    private final JsonNode raw;

    public JiraWebhookEvent(JsonNode raw) {
        this.raw = raw;
    }

    /** The event, e.g. {@code jira:issue_updated}, {@code comment_created}, {@code sprint_started}. */
    public String getWebhookEvent() {
        return JiraAuditRecord.scalar(raw, "webhookEvent");
    }

    /**
     * What happened to the issue on issue events ({@code issue_event_type_name}, e.g. {@code issue_generic},
     * {@code issue_commented}, {@code issue_assigned}); null on other events.
     */
    public String getIssueEventType() {
        return JiraAuditRecord.scalar(raw, "issue_event_type_name");
    }

    /** When Jira raised the event (its {@code timestamp}, epoch milliseconds); null when absent. */
    public OffsetDateTime getTimestamp() {
        Long millis = getTimestampMillis();
        return millis == null ? null : Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }

    /** The {@code timestamp} as Jira sent it, in epoch milliseconds; null when absent. */
    public Long getTimestampMillis() {
        JsonNode t = raw.get("timestamp");
        if (t != null && t.isIntegralNumber() && t.canConvertToLong()) {
            return t.asLong();
        }
        if (t != null && t.isTextual()) {
            try {
                return Long.parseLong(t.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The issue the event is about, as Jira sent it; null on events without one (Data Center comment events). */
    public JiraIssue getIssue() {
        JsonNode issue = raw.get("issue");
        return issue != null && issue.isObject() ? new JiraIssue(issue) : null;
    }

    /** The key of the event's issue, e.g. {@code OPS-12}; null when the payload carries no issue. */
    public String getIssueKey() {
        return JiraAuditRecord.scalar(raw.path("issue"), "key");
    }

    /** The id of the event's issue: from the issue, else from the URL of the comment (Data Center); or null. */
    public String getIssueId() {
        String id = JiraAuditRecord.scalar(raw.path("issue"), "id");
        if (id != null) {
            return id;
        }
        String self = JiraAuditRecord.scalar(raw.path("comment"), "self");
        if (self == null) {
            return null;
        }
        Matcher m = COMMENT_SELF.matcher(self);
        return m.find() ? m.group(1) : null;
    }

    /** The comment of a comment event (or of an issue event with a comment); null when there is none. */
    public JiraComment getComment() {
        JsonNode comment = raw.get("comment");
        return comment != null && comment.isObject()
                ? new JiraComment(comment, getIssueKey(), getIssueId(), null) : null;
    }

    /** What an issue-updated event changed; null when the payload has no changelog. */
    public JiraChangelog getChangelog() {
        JsonNode changelog = raw.get("changelog");
        return changelog != null && changelog.isObject() ? new JiraChangelog(changelog) : null;
    }

    /** Who caused the event; null when Jira names nobody. */
    public JiraUser getUser() {
        JsonNode user = raw.get("user");
        return user != null && user.isObject() ? new JiraUser(user) : null;
    }

    /** The sprint of a sprint event ({@code sprint_started}, ...); null on other events. */
    public JiraSprint getSprint() {
        JsonNode sprint = raw.get("sprint");
        return sprint != null && sprint.isObject() ? new JiraSprint(sprint) : null;
    }

    /** The payload as Jira sent it, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraWebhookEvent[" + getWebhookEvent() + (getIssueKey() != null ? ", issue=" + getIssueKey() : "")
               + "]";
    }
}
