package io.jiraspoke.camel.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraJson;

/**
 * What Jira says about one field on the create or edit screen (metadata/creatableFields, metadata/editableFields):
 * whether it is required, its type, and the values it takes. The same shape whichever API answered: Cloud's
 * {@code fields[]}, Data Center's {@code values[]}, or the fields object of the older create metadata and of
 * {@code editmeta}, keyed by field id.
 */
public final class JiraFieldMeta {

    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private final String id;
    private final JsonNode raw;

    /**
     * @param id  the field id when Jira gives it outside the field (as the key of a fields object); null to read it
     *            from the field itself
     * @param raw the field's JSON
     */
    public JiraFieldMeta(String id, JsonNode raw) {
        this.raw = raw;
        String own = JiraIssue.text(raw, "fieldId");
        if (own == null) {
            own = id != null ? id : JiraIssue.text(raw, "key");
        }
        this.id = own;
    }

    /** A field listed with its own id ({@code fieldId}, else {@code key}). */
    public JiraFieldMeta(JsonNode raw) {
        this(null, raw);
    }

    /** The field id to set in issue/create and issue/update, e.g. {@code summary} or {@code customfield_10016}. */
    public String getId() {
        return id;
    }

    /** The field's key, which Jira mostly makes equal to its id; the id when Jira sends no key (older Data Center). */
    public String getKey() {
        String key = JiraIssue.text(raw, "key");
        return key != null ? key : id;
    }

    /** The name shown on the screen, e.g. {@code Story Points}; names need not be unique. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** Whether the field must be given. */
    public boolean isRequired() {
        return raw.path("required").asBoolean(false);
    }

    /** The field's type ({@code schema.type}): {@code string}, {@code number}, {@code user}, {@code array}, ... */
    public String getSchemaType() {
        return JiraIssue.text(raw.path("schema"), "type");
    }

    /** The type of an array field's items ({@code schema.items}), e.g. {@code option}; null for other fields. */
    public String getSchemaItems() {
        return JiraIssue.text(raw.path("schema"), "items");
    }

    /** The custom field type key, e.g. {@code com.atlassian.jira.plugin.system.customfieldtypes:float}; null for system fields. */
    public String getSchemaCustom() {
        return JiraIssue.text(raw.path("schema"), "custom");
    }

    /** The whole {@code schema} object; null when Jira sent none. */
    public JsonNode getSchema() {
        JsonNode s = raw.get("schema");
        return s == null || s.isNull() ? null : s;
    }

    /** Whether Jira fills in a default when the field is not given. */
    public boolean isHasDefaultValue() {
        return raw.path("hasDefaultValue").asBoolean(false);
    }

    /** The default value, as Jira sent it; null when there is none. */
    public JsonNode getDefaultValue() {
        JsonNode v = raw.get("defaultValue");
        return v == null || v.isNull() ? null : v;
    }

    /**
     * The values the field takes (options, priorities, versions, ... as maps with their {@code id} and {@code name}
     * or {@code value}); empty when Jira lists none (free text, users found by autoCompleteUrl).
     */
    public List<Object> getAllowedValues() {
        JsonNode v = raw.get("allowedValues");
        return v != null && v.isArray() ? JiraJson.MAPPER.convertValue(v, LIST) : List.of();
    }

    /** The operations the field supports in an update: {@code set}, {@code add}, {@code remove}, {@code edit}. */
    public List<String> getOperations() {
        JsonNode v = raw.get("operations");
        List<String> ops = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(op -> ops.add(op.asText()));
        }
        return ops;
    }

    /** A URL that suggests values for the field (users, labels); null when there is none. */
    public String getAutoCompleteUrl() {
        return JiraIssue.text(raw, "autoCompleteUrl");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraFieldMeta[" + id + ", " + getName() + (isRequired() ? ", required" : "") + "]";
    }
}
