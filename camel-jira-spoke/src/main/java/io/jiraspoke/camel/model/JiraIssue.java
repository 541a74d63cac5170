package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraJson;

/**
 * A Jira issue as returned by get, create and search. Getters cover the common fields for Simple
 * ({@code ${body.key}}, {@code ${body.summary}}); {@link #getFields()} has every field by id and {@link #getRaw()}
 * is Jira's JSON as received.
 */
public final class JiraIssue {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonNode raw;
    private Map<String, Object> fields;

    public JiraIssue(JsonNode raw) {
        this.raw = raw;
    }

    /** The issue id, e.g. {@code 10001} (a number as text). */
    public String getId() {
        return text(raw, "id");
    }

    /** The issue key, e.g. {@code PROJ-123}. */
    public String getKey() {
        return text(raw, "key");
    }

    /** The REST URL of the issue. */
    public String getSelf() {
        return text(raw, "self");
    }

    /** Field {@code summary}. */
    public String getSummary() {
        return text(raw.path("fields"), "summary");
    }

    /**
     * The description as plain text, on both deployments: Cloud's ADF and Data Center's wiki markup rendered the
     * same way (paragraphs separated by a blank line, {@code - } and {@code 1. } list items, table cells separated
     * by {@code " | "}, {@code text (url)} links, {@code @name} mentions, {@code [attachment: name]} media); null
     * when the issue has none. The markup itself is in {@code descriptionAdf} (Cloud) and {@code descriptionWiki}
     * (Data Center).
     */
    public String getDescription() {
        return Adf.toText(description());
    }

    /** The description as ADF (Cloud), or null. */
    public JsonNode getDescriptionAdf() {
        JsonNode d = description();
        return Adf.isDocument(d) ? d : null;
    }

    /** The description as wiki markup (Data Center), or null. */
    public String getDescriptionWiki() {
        JsonNode d = description();
        return d != null && d.isTextual() ? d.asText() : null;
    }

    /** The description as Jira sent it: an ADF object (Cloud), a wiki markup string (Data Center), or null. */
    public JsonNode getDescriptionRaw() {
        JsonNode d = description();
        return d == null || d.isNull() ? null : d;
    }

    private JsonNode description() {
        return raw.path("fields").get("description");
    }

    /** The name of the status, e.g. {@code In Progress}. */
    public String getStatus() {
        return text(raw.path("fields").path("status"), "name");
    }

    /** The name of the issue type, e.g. {@code Bug}. */
    public String getIssueType() {
        return text(raw.path("fields").path("issuetype"), "name");
    }

    /** The key of the issue's project. */
    public String getProjectKey() {
        return text(raw.path("fields").path("project"), "key");
    }

    /** When the issue was created; null when not returned or unreadable. */
    public OffsetDateTime getCreated() {
        return JiraTime.parse(text(raw.path("fields"), "created"));
    }

    /** When the issue last changed; null when not returned or unreadable. */
    public OffsetDateTime getUpdated() {
        return JiraTime.parse(text(raw.path("fields"), "updated"));
    }

    /** Every returned field by id (e.g. {@code customfield_10016}), as maps, lists and scalars. */
    public Map<String, Object> getFields() {
        if (fields == null) {
            JsonNode f = raw.get("fields");
            fields = f == null || !f.isObject() ? Map.of() : JiraJson.MAPPER.convertValue(f, MAP);
        }
        return fields;
    }

    /** One field by id, or null. */
    public Object getField(String id) {
        return getFields().get(id);
    }

    /** Jira's JSON as received. */
    public JsonNode getRaw() {
        return raw;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "JiraIssue[key=" + getKey() + ", id=" + getId() + "]";
    }
}
