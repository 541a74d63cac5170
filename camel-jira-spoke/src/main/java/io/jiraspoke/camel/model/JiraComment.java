package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A comment on an issue, as the comment actions, the issue/comments consumer and comment webhooks return it. The
 * body comes as plain text ({@code ${body.body}}: ADF flattened on Cloud, wiki markup as is on Data Center) and as
 * Jira sent it; {@link #getRaw()} is Jira's JSON as received.
 */
public final class JiraComment {

    /** {@code .../rest/api/2/issue/{issueIdOrKey}/comment/{commentId}}: the issue of a comment is in its URL. */
    private static final Pattern SELF = Pattern.compile("/rest/api/[^/]+/issue/([^/?#]+)/comment/([^/?#]+)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    private final JsonNode raw;
    private final String issueKey;
    private final String issueId;
    private final OffsetDateTime issueUpdated;

    public JiraComment(JsonNode raw) {
        this(raw, null, null, null);
    }

    /**
     * @param issueKey     the key of the comment's issue, when known
     * @param issueId      the id of the comment's issue, when known (else it is read from the comment's URL)
     * @param issueUpdated when the issue was last updated, as the consumer found it
     */
    public JiraComment(JsonNode raw, String issueKey, String issueId, OffsetDateTime issueUpdated) {
        this.raw = raw;
        this.issueKey = issueKey;
        this.issueId = issueId;
        this.issueUpdated = issueUpdated;
    }

    /** The comment id, e.g. {@code 10042} (a number as text; Jira sends it as a string or a number). */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The REST URL of the comment. */
    public String getSelf() {
        return JiraIssue.text(raw, "self");
    }

    /** Who wrote the comment; null when Jira names nobody (a deleted or anonymous user). */
    public JiraUser getAuthor() {
        return user("author");
    }

    /** Who last changed the comment; null when Jira names nobody. */
    public JiraUser getUpdateAuthor() {
        return user("updateAuthor");
    }

    /** The comment as plain text on both deployments (ADF flattened, wiki markup stripped); null when absent. */
    public String getBody() {
        return Adf.toText(raw.get("body"));
    }

    /** The body as the wiki markup Data Center sent, or null (Cloud sends ADF: see getBodyAdf). */
    public String getBodyWiki() {
        JsonNode b = raw.get("body");
        return b != null && b.isTextual() ? b.asText() : null;
    }

    /** The body as ADF (Cloud), or null (Data Center sends wiki text: see getBody). */
    public JsonNode getBodyAdf() {
        JsonNode b = raw.get("body");
        return Adf.isDocument(b) ? b : null;
    }

    /** The body rendered as HTML, when asked for with expand=renderedBody; else null. */
    public String getRenderedBody() {
        return JiraIssue.text(raw, "renderedBody");
    }

    /** When the comment was written; null when not returned or unreadable. */
    public OffsetDateTime getCreated() {
        return JiraTime.parse(JiraIssue.text(raw, "created"));
    }

    /** When the comment was last changed (equal to created until it is edited); null when not returned. */
    public OffsetDateTime getUpdated() {
        return JiraTime.parse(JiraIssue.text(raw, "updated"));
    }

    /** Whether the comment was changed after it was written (updated later than created). */
    public boolean isEdited() {
        OffsetDateTime created = getCreated();
        OffsetDateTime updated = getUpdated();
        return created != null && updated != null && updated.isAfter(created);
    }

    /** role or group when the comment is restricted, else null. */
    public String getVisibilityType() {
        return JiraIssue.text(raw.path("visibility"), "type");
    }

    /** The role or group the comment is restricted to (its name, else its identifier), or null. */
    public String getVisibilityValue() {
        JsonNode v = raw.path("visibility");
        String value = JiraIssue.text(v, "value");
        return value != null ? value : JiraIssue.text(v, "identifier");
    }

    /** The key of the comment's issue when known (from the consumer, or as the route named the issue), else null. */
    public String getIssueKey() {
        return issueKey;
    }

    /** The id of the comment's issue: as known, else read from the comment's URL; null when neither tells. */
    public String getIssueId() {
        if (issueId != null) {
            return issueId;
        }
        String self = getSelf();
        if (self == null) {
            return null;
        }
        Matcher m = SELF.matcher(self);
        return m.find() && DIGITS.matcher(m.group(1)).matches() ? m.group(1) : null;
    }

    /**
     * When the comment's issue was last updated, as the issue/comments consumer found it (the time it orders and
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
        return "JiraComment[id=" + getId() + (issueKey != null ? ", issue=" + issueKey : "") + "]";
    }
}
