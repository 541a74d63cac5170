package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A comment on an issue, as the issue's {@code comment} field and the comment API return it. */
public final class JiraComment {

    private final JsonNode raw;

    public JiraComment(JsonNode raw) {
        this.raw = raw;
    }

    /** The comment id (a number as text). */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The body as plain text: ADF flattened on Cloud, wiki markup as is on Data Center. */
    public String getBody() {
        return Adf.toText(raw.get("body"));
    }

    /** The body as ADF (Cloud), or null. */
    public JsonNode getBodyAdf() {
        JsonNode b = raw.get("body");
        return Adf.isDocument(b) ? b : null;
    }

    /** Who wrote it. */
    public JiraUser getAuthor() {
        return user("author");
    }

    /** Who changed it last. */
    public JiraUser getUpdateAuthor() {
        return user("updateAuthor");
    }

    /** When it was written. */
    public OffsetDateTime getCreated() {
        return JiraTime.parse(JiraIssue.text(raw, "created"));
    }

    /** When it was changed last. */
    public OffsetDateTime getUpdated() {
        return JiraTime.parse(JiraIssue.text(raw, "updated"));
    }

    /** The REST URL of the comment. */
    public String getSelf() {
        return JiraIssue.text(raw, "self");
    }

    /** Jira's JSON as received. */
    public JsonNode getRaw() {
        return raw;
    }

    private JiraUser user(String field) {
        JsonNode u = raw.get(field);
        return u == null || !u.isObject() ? null : new JiraUser(u);
    }

    @Override
    public String toString() {
        return "JiraComment[" + getId() + "]";
    }
}
