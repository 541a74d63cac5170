package io.jiraspoke.camel.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A system or custom field as Jira lists it ({@code GET /rest/api/3/field} on Cloud, {@code /rest/api/2/field} on
 * Data Center): its id, display name and the schema that says what values it takes. Some system fields (the issue
 * key, images, parent on some sites) come without a schema; their schema getters answer null. Flags Jira did not send
 * are null, not false.
 */
public final class JiraField {

    private final JsonNode raw;

    public JiraField(JsonNode raw) {
        this.raw = raw;
    }

    /** The field id to use in requests and JQL functions, e.g. {@code summary} or {@code customfield_10016}. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The field key; the same as the id for most fields, absent on older Data Center versions. */
    public String getKey() {
        return JiraIssue.text(raw, "key");
    }

    /** The display name in the connection user's language, e.g. {@code Story Points}. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** The name the field was created with, before translation (Cloud custom fields only; else null). */
    public String getUntranslatedName() {
        return JiraIssue.text(raw, "untranslatedName");
    }

    /** Whether it is a custom field; null when Jira did not say. */
    public Boolean getCustom() {
        return bool("custom");
    }

    /** Whether the field can be a column of the issue navigator; null when Jira did not say. */
    public Boolean getNavigable() {
        return bool("navigable");
    }

    /** Whether issues can be ordered by the field; null when Jira did not say. */
    public Boolean getOrderable() {
        return bool("orderable");
    }

    /** Whether JQL can search the field; null when Jira did not say. */
    public Boolean getSearchable() {
        return bool("searchable");
    }

    /** The names JQL knows the field by, e.g. {@code cf[10016]} and its display name; empty when none are given. */
    public List<String> getClauseNames() {
        JsonNode names = raw.get("clauseNames");
        if (names == null || !names.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(names.size());
        names.forEach(n -> out.add(n.asText()));
        return Collections.unmodifiableList(out);
    }

    /**
     * The schema's value type: {@code string}, {@code number}, {@code date}, {@code datetime}, {@code option},
     * {@code option-with-child}, {@code user}, {@code array}, {@code priority}, ...; null when the field has no schema.
     */
    public String getSchemaType() {
        return JiraIssue.text(raw.path("schema"), "type");
    }

    /** For array fields, the type of the items ({@code string}, {@code option}, {@code user}, {@code component}, ...). */
    public String getSchemaItems() {
        return JiraIssue.text(raw.path("schema"), "items");
    }

    /** For system fields, the system field's name, e.g. {@code priority}. */
    public String getSystem() {
        return JiraIssue.text(raw.path("schema"), "system");
    }

    /** For custom fields, the custom field type, e.g. {@code com.pyxis.greenhopper.jira:gh-sprint}. */
    public String getCustomType() {
        return JiraIssue.text(raw.path("schema"), "custom");
    }

    /** For custom fields, the number in the id ({@code 10016} for {@code customfield_10016}); null otherwise. */
    public Long getCustomId() {
        JsonNode v = raw.path("schema").get("customId");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToLong()) {
            return v.asLong();
        }
        String t = v.asText().strip();
        return !t.isEmpty() && t.length() < 19 && t.chars().allMatch(Character::isDigit) ? Long.valueOf(t) : null;
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    private Boolean bool(String field) {
        JsonNode v = raw.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? v.asBoolean() : Boolean.valueOf("true".equalsIgnoreCase(v.asText()));
    }

    @Override
    public String toString() {
        return "JiraField[" + getId() + ", " + getName() + "]";
    }
}
