package io.jiraspoke.camel.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A transition the issue can take now, as issue/transitions returns it: its id (what issue/transition sends), its
 * name, the status it leads to and the fields of its screen. Data Center sends neither {@code hasScreen} nor
 * {@code isConditional}; a transition without {@code to} (seen on old servers and in some apps' workflows) has a
 * null status.
 */
public final class JiraTransition {

    private final JsonNode raw;

    public JiraTransition(JsonNode raw) {
        this.raw = raw;
    }

    /** The transition id (a number as text, also when Jira sends a number), which issue/transition takes. */
    public String getId() {
        return JiraIssue.text(raw, "id");
    }

    /** The transition's name, e.g. {@code Start Progress}; names need not be unique. */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** The status the issue is in after the transition; null when Jira does not say. */
    public JiraStatus getTo() {
        JsonNode to = raw.get("to");
        return to != null && to.isObject() ? new JiraStatus(to) : null;
    }

    /** The name of the status the transition leads to; null when Jira does not say. */
    public String getToStatus() {
        JiraStatus to = getTo();
        return to == null ? null : to.getName();
    }

    /** Whether a screen opens for the transition (Jira Cloud); null when Jira does not say (Data Center). */
    public Boolean getHasScreen() {
        return bool("hasScreen");
    }

    /** Whether the issue must meet conditions before the transition applies (Jira Cloud); null when Jira does not say. */
    public Boolean getIsConditional() {
        return bool("isConditional");
    }

    /**
     * The fields of the transition's screen, in Jira's order: what issue/transition can set with it. Empty when the
     * transition has no screen.
     */
    public List<JiraFieldMeta> getFields() {
        JsonNode fields = raw.get("fields");
        List<JiraFieldMeta> out = new ArrayList<>();
        if (fields != null && fields.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                out.add(new JiraFieldMeta(f.getKey(), f.getValue()));
            }
        }
        return out;
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
        return v.isBoolean() ? v.booleanValue() : Boolean.valueOf(v.asText().trim());
    }

    @Override
    public String toString() {
        return "JiraTransition[" + getId() + ", " + getName() + " -> " + getToStatus() + "]";
    }
}
