package io.jiraspoke.camel.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.fields.FieldResolver;

/**
 * A Jira issue as returned by get, create and search. Getters cover the common fields for Simple
 * ({@code ${body.key}}, {@code ${body.summary}}, {@code ${body.assignee.displayName}}, {@code ${body.sprint.name}});
 * {@link #getFields()} has every field by id, {@code ${body.field[Story Points]}} reads one by display name or id,
 * and {@link #getRaw()} is Jira's JSON as received.
 * <p>
 * A field Jira did not return and a field it returned empty are told apart: getters of lists answer null for the
 * first and an empty list for the second; {@link #hasField} says which when a getter answers null for a single value.
 * <p>
 * Display names are resolved through the names Jira sends with the issue when asked ({@code expand=names}), else
 * through the field list of the connection that read the issue (fetched once per connection and kept). The sprint
 * field, whose id differs from site to site, is found by its type ({@code com.pyxis.greenhopper.jira:gh-sprint}) in
 * the schema Jira sends with {@code expand=schema}, else in the connection's field list.
 */
public final class JiraIssue {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String LOOKUP = "field lookup by name";

    private final JsonNode raw;
    private final FieldResolver names;
    private Map<String, Object> fields;

    public JiraIssue(JsonNode raw) {
        this(raw, null);
    }

    /** An issue read through a connection, whose field list resolves display names and finds the sprint field. */
    public JiraIssue(JsonNode raw, FieldResolver names) {
        this.raw = raw;
        this.names = names;
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

    /** The assignee; null when unassigned or not returned. */
    public JiraUser getAssignee() {
        return user("assignee");
    }

    /** The reporter; null when there is none or it was not returned. */
    public JiraUser getReporter() {
        return user("reporter");
    }

    /** The creator; null when not returned. */
    public JiraUser getCreator() {
        return user("creator");
    }

    /** The name of the priority, e.g. {@code High}; null when the issue has none or it was not returned. */
    public String getPriority() {
        return text(fieldsNode().path("priority"), "name");
    }

    /** The labels; an empty list when there are none, null when the field was not returned. */
    public List<String> getLabels() {
        return list("labels", JsonNode::asText);
    }

    /** The names of the components; an empty list when there are none, null when the field was not returned. */
    public List<String> getComponents() {
        return list("components", c -> text(c, "name"));
    }

    /** The name of the resolution, e.g. {@code Done}; null while unresolved or when the field was not returned. */
    public String getResolution() {
        return text(fieldsNode().path("resolution"), "name");
    }

    /** Whether the issue has a resolution; null when the field was not returned. */
    public Boolean getResolved() {
        JsonNode r = fieldsNode().get("resolution");
        return r == null ? null : r.isObject();
    }

    /** When the issue was resolved; null while unresolved, when not returned or unreadable. */
    public OffsetDateTime getResolutionDate() {
        return JiraTime.parse(text(fieldsNode(), "resolutiondate"));
    }

    /** The due date; null when there is none, when not returned or unreadable. */
    public LocalDate getDueDate() {
        String d = text(fieldsNode(), "duedate");
        try {
            return d == null || d.isBlank() ? null : LocalDate.parse(d.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The key of the parent issue (of a subtask, or the epic of a story on Cloud); null when there is none. */
    public String getParent() {
        return text(fieldsNode().path("parent"), "key");
    }

    /**
     * The sprints of the issue, oldest first as Jira lists them; an empty list when it is in none; null when the
     * sprint field was not returned, the site has no Jira Software, or the issue was read neither through a
     * connection nor with {@code expand=schema} (so that the field cannot be found).
     */
    public List<JiraSprint> getSprints() {
        List<String> ids = sprintFieldIds();
        if (ids == null) {
            return null;
        }
        JsonNode f = fieldsNode();
        for (String id : ids) {
            JsonNode v = f.get(id);
            if (v != null) {
                List<JiraSprint> out = new ArrayList<>(v.size());
                if (v.isArray()) {
                    v.forEach(s -> out.add(new JiraSprint(s)));
                } else if (!v.isNull()) {
                    out.add(new JiraSprint(v));
                }
                return Collections.unmodifiableList(out);
            }
        }
        return null;
    }

    /** The active sprint of the issue, else the last one it was in; null when none (see sprints). */
    public JiraSprint getSprint() {
        List<JiraSprint> sprints = getSprints();
        if (sprints == null || sprints.isEmpty()) {
            return null;
        }
        for (int i = sprints.size() - 1; i >= 0; i--) {
            if ("active".equals(sprints.get(i).getState())) {
                return sprints.get(i);
            }
        }
        return sprints.get(sprints.size() - 1);
    }

    /** The attachments; an empty list when there are none, null when the field was not returned. */
    public List<JiraAttachment> getAttachments() {
        return list("attachment", JiraAttachment::new);
    }

    /**
     * The comments Jira returned with the issue (on Cloud search, at most 20: commentTotal has the count); an empty
     * list when there are none, null when the field was not returned.
     */
    public List<JiraComment> getComments() {
        JsonNode c = fieldsNode().get("comment");
        if (c == null) {
            return null;
        }
        List<JiraComment> out = new ArrayList<>();
        commentItems(c).forEach(n -> out.add(new JiraComment(n)));
        return Collections.unmodifiableList(out);
    }

    /** How many comments the issue has, which may be more than it returned; null when the field was not returned. */
    public Integer getCommentTotal() {
        JsonNode c = fieldsNode().get("comment");
        if (c == null) {
            return null;
        }
        JsonNode total = c.get("total");
        return total != null && total.canConvertToInt() ? total.asInt() : commentItems(c).size();
    }

    /** Jira sends a page ({@code {"comments": [..], "total": ..}}); the spec's example a bare array. */
    private static JsonNode commentItems(JsonNode comment) {
        return comment.isArray() ? comment : comment.path("comments");
    }

    /** Every returned field by id (e.g. {@code customfield_10016}), as maps, lists and scalars. */
    public Map<String, Object> getFields() {
        if (fields == null) {
            JsonNode f = raw.get("fields");
            fields = f == null || !f.isObject() ? Map.of() : JiraJson.MAPPER.convertValue(f, MAP);
        }
        return fields;
    }

    /**
     * The returned fields for lookups by id or display name, as Simple's body.field[Story Points] and
     * body.field[customfield_10016] do; iterating it gives the fields by id.
     */
    public Map<String, Object> getField() {
        return new ByName();
    }

    /**
     * One field by id, or by display name (see the class comment); null when Jira did not return it. (Not an
     * overload of {@link #getField()}: Simple could then not tell which {@code ${body.field[..]}} means.)
     *
     * @throws JiraSpokeInputException for a name no field has, or one several fields share
     */
    public Object getFieldValue(String idOrName) {
        return getFields().get(idOf(idOrName));
    }

    /** Whether Jira returned the field (by id or display name), even empty: what a null from a getter cannot say. */
    public boolean hasField(String idOrName) {
        return getFields().containsKey(idOf(idOrName));
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    private JsonNode fieldsNode() {
        return raw.path("fields");
    }

    private JiraUser user(String field) {
        JsonNode u = fieldsNode().get(field);
        return u == null || !u.isObject() ? null : new JiraUser(u);
    }

    private <T> List<T> list(String field, Function<JsonNode, T> item) {
        JsonNode v = fieldsNode().get(field);
        if (v == null) {
            return null;
        }
        List<T> out = new ArrayList<>(v.size());
        v.forEach(n -> out.add(item.apply(n)));
        return Collections.unmodifiableList(out);
    }

    /** The id of a field named by id or display name; ids are never looked up by name. */
    private String idOf(String idOrName) {
        String key = idOrName.strip();
        if (getFields().containsKey(key) || FieldResolver.isId(key)) {
            return key;
        }
        JsonNode sent = raw.get("names");
        if (sent != null && sent.isObject()) {
            List<String> ids = FieldResolver.idsNamed(sent, key);
            if (ids.size() > 1) {
                throw new JiraSpokeInputException(LOOKUP + " on issue " + getKey() + ": the field name '" + key
                                                  + "' is ambiguous: fields " + String.join(", ", ids)
                                                  + " have it. Use the id of the one you mean");
            }
            if (ids.size() == 1) {
                return ids.get(0);
            }
        }
        if (names == null) {
            throw new JiraSpokeInputException(LOOKUP + " on issue " + getKey() + ": '" + key + "' is not a field id,"
                                              + " and the issue was not read through a connection nor with"
                                              + " expand=names, so names cannot be resolved: use the field id");
        }
        return names.field(key, LOOKUP).getId();
    }

    /** The ids of the sprint fields: from the schema sent with the issue, else from the connection's field list. */
    private List<String> sprintFieldIds() {
        JsonNode schema = raw.get("schema");
        if (schema != null && schema.isObject()) {
            List<String> ids = new ArrayList<>(1);
            schema.fields().forEachRemaining(e -> {
                if (FieldResolver.SPRINT_TYPE.equals(e.getValue().path("custom").asText())) {
                    ids.add(e.getKey());
                }
            });
            return ids;
        }
        return names == null ? null : names.ofCustomType(FieldResolver.SPRINT_TYPE).stream()
                .map(JiraField::getId).toList();
    }

    /** The fields by id, looked up by id or display name. */
    private final class ByName extends AbstractMap<String, Object> {

        @Override
        public Object get(Object key) {
            return key instanceof String s ? getFieldValue(s) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && hasField(s);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return getFields().entrySet();
        }
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
