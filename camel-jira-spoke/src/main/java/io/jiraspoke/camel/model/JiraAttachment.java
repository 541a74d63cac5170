package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An attachment of an issue, as Jira describes it in an issue's {@code attachment} field, the answer to an upload
 * and the attachment metadata, on Cloud and Data Center. The id is text whether Jira sends a number or a string.
 */
public final class JiraAttachment {

    private final JsonNode raw;

    public JiraAttachment(JsonNode raw) {
        this.raw = raw;
    }

    /** The attachment id, e.g. {@code 10001} (a number as text), which deleteAttachment and download take. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The file name, e.g. {@code build.log}. */
    public String getFilename() {
        return JiraIssue.text(raw, "filename");
    }

    /** The size in bytes; null when Jira did not say (0 is an empty file). */
    public Long getSize() {
        JsonNode v = raw.get("size");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        String t = v.asText().strip();
        return !t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 19 ? Long.valueOf(t) : null;
    }

    /** The MIME type Jira recorded, e.g. {@code text/plain}. */
    public String getMimeType() {
        return JiraIssue.text(raw, "mimeType");
    }

    /** When it was attached; null when not returned or unreadable (uploads on Cloud answer epoch milliseconds). */
    public OffsetDateTime getCreated() {
        return JiraTime.parse(JiraIssue.text(raw, "created"));
    }

    /** Who attached it; null when Jira did not say. */
    public JiraUser getAuthor() {
        JsonNode a = raw.get("author");
        return a == null || !a.isObject() ? null : new JiraUser(a);
    }

    /** The URL of the content, e.g. {@code https://jira.example.com/secure/attachment/10001/build.log}. */
    public String getContent() {
        return JiraIssue.text(raw, "content");
    }

    /** The URL of a thumbnail; null for files Jira makes none of. */
    public String getThumbnail() {
        return JiraIssue.text(raw, "thumbnail");
    }

    /** The REST URL of the attachment's metadata. */
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
        return "JiraAttachment[" + getId() + ", " + getFilename() + ", " + getSize() + " bytes]";
    }
}
