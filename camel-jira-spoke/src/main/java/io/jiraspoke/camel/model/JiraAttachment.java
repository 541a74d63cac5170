package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** An attachment of an issue, as the issue's {@code attachment} field and the attachment API return it. */
public final class JiraAttachment {

    private final JsonNode raw;

    public JiraAttachment(JsonNode raw) {
        this.raw = raw;
    }

    /** The attachment id (a number as text). */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The file name, e.g. {@code screenshot.png}. */
    public String getFilename() {
        return JiraIssue.text(raw, "filename");
    }

    /** Who attached it; null when Jira does not say (e.g. an anonymous upload). */
    public JiraUser getAuthor() {
        JsonNode a = raw.get("author");
        return a == null || !a.isObject() ? null : new JiraUser(a);
    }

    /** When it was attached. */
    public OffsetDateTime getCreated() {
        return JiraTime.parse(JiraIssue.text(raw, "created"));
    }

    /** The size in bytes; null when Jira does not say. */
    public Long getSize() {
        JsonNode s = raw.get("size");
        return s == null || !s.canConvertToLong() ? null : s.asLong();
    }

    /** The media type, e.g. {@code image/png}. */
    public String getMimeType() {
        return JiraIssue.text(raw, "mimeType");
    }

    /** The URL of the content (on Cloud it redirects to the media host). */
    public String getContent() {
        return JiraIssue.text(raw, "content");
    }

    /** The URL of a thumbnail; null for files Jira makes none for. */
    public String getThumbnail() {
        return JiraIssue.text(raw, "thumbnail");
    }

    /** The REST URL of the attachment's metadata. */
    public String getSelf() {
        return JiraIssue.text(raw, "self");
    }

    /** Jira's JSON as received. */
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraAttachment[" + getId() + ", " + getFilename() + "]";
    }
}
