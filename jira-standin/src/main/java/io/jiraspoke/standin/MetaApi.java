package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.JiraJson.Ctx;
import io.jiraspoke.standin.Model.CustomField;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.IssueType;
import io.jiraspoke.standin.Model.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Create and edit metadata: the per-project create metadata ({@code issue/createmeta/{project}/issuetypes} and
 * {@code .../issuetypes/{issueTypeId}}, which Cloud and Data Center 8.4+ serve, paged) and {@code issue/{key}/editmeta}.
 * They describe exactly what {@link IssueInput} accepts, so that a client that builds its request from the metadata
 * gets it through the emulator's checks, and one that leaves out a field marked required does not: the same fields
 * for every issue type (the emulator has no screens or field contexts), required only where a create or edit fails
 * without them, option values and priorities as the allowed values, operations as the update takes them. Sub-task
 * types are not offered, since the emulator refuses to create sub-tasks (they need a parent).
 */
final class MetaApi {

    private static final int PAGE = 50;
    private static final int CLOUD_PAGE_MAX = 200;
    private static final List<String> SET = List.of("set");

    private final Store store;
    private final JiraJson json;

    MetaApi(Store store, JiraJson json) {
        this.store = store;
        this.json = json;
    }

    void routes(Router router) {
        String api = "/rest/api/{v}";
        router.add("GET", api + "/issue/createmeta/{project}/issuetypes", this::issueTypes)
                .add("GET", api + "/issue/createmeta/{project}/issuetypes/{type}", this::createFields)
                .add("GET", api + "/issue/{issue}/editmeta", this::editFields);
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    /**
     * The project of a create metadata request. Cloud's spec declares no 404 for these operations, only 400; Data
     * Center answers 404 for a project it does not know.
     */
    private Project project(Call c) {
        String ref = c.var("project");
        return store.project(ref).orElseThrow(() -> JiraError.message(cloud() ? 400 : 404,
                "No project could be found with key '" + ref + "'."));
    }

    private List<IssueType> creatable() {
        return store.catalog.issueTypes.stream().filter(t -> !t.subtask()).toList();
    }

    private Reply issueTypes(Call c) {
        project(c);
        List<JsonNode> types = new ArrayList<>();
        creatable().forEach(t -> types.add(json.issueType(t, c.ctx)));
        return Reply.ok(page(c, types, cloud() ? "issueTypes" : "values"));
    }

    private Reply createFields(Call c) {
        Project project = project(c);
        String ref = c.var("type");
        IssueType type = creatable().stream().filter(t -> t.id().equals(ref)).findFirst()
                .orElseThrow(() -> JiraError.message(cloud() ? 400 : 404, "The issue type with id '" + ref
                        + "' does not exist or is not one project " + project.key + " may create."));
        List<JsonNode> fields = new ArrayList<>();
        for (Field f : createScreen(project, type, c.ctx)) {
            fields.add(render(f, true));
        }
        return Reply.ok(page(c, fields, cloud() ? "fields" : "values"));
    }

    private Reply editFields(Call c) {
        Issue issue = store.issue(c.var("issue")).orElseThrow(JiraError::issueNotFound);
        ObjectNode fields = JiraJson.MAPPER.createObjectNode();
        for (Field f : editScreen(issue, c.ctx)) {
            fields.set(f.id, render(f, false));
        }
        ObjectNode answer = JiraJson.MAPPER.createObjectNode();
        answer.set("fields", fields);
        return Reply.ok(answer);
    }

    /** Cloud's pages carry the items under their own name and no isLast; Data Center's are {@code values} with isLast. */
    private ObjectNode page(Call c, List<JsonNode> items, String name) {
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = c.intParam("maxResults", PAGE);
        if (cloud() && maxResults > CLOUD_PAGE_MAX) {
            throw JiraError.badRequest("Parameter 'maxResults' must not exceed the limit '" + CLOUD_PAGE_MAX + "'");
        }
        maxResults = Math.max(maxResults, 1);
        int end = (int) Math.min((long) startAt + maxResults, items.size());
        ObjectNode page = JiraJson.MAPPER.createObjectNode().put("maxResults", maxResults).put("startAt", startAt)
                .put("total", items.size());
        if (!cloud()) {
            page.put("isLast", end >= items.size());
        }
        ArrayNode values = page.putArray(name);
        items.subList(Math.min(startAt, items.size()), end).forEach(values::add);
        return page;
    }

    /** One field of a screen: what Jira's FieldMetaBean says of it. */
    private static final class Field {
        final String id;
        final String name;
        final JsonNode schema;
        boolean required;
        List<String> operations = SET;
        ArrayNode allowed;
        JsonNode defaultValue;
        String autoCompleteUrl;

        Field(String id, String name, JsonNode schema) {
            this.id = id;
            this.name = name;
            this.schema = schema;
        }
    }

    /** Names and schemas as {@code GET field} answers them, so that the metadata and the field list agree. */
    private Map<String, ObjectNode> fieldList() {
        Map<String, ObjectNode> byId = new HashMap<>();
        json.fields().forEach(f -> byId.put(f.path("id").asText(), (ObjectNode) f));
        return byId;
    }

    private Field field(Map<String, ObjectNode> known, String id) {
        ObjectNode f = known.get(id);
        return new Field(id, f.path("name").asText(), f.path("schema"));
    }

    /** What {@link IssueInput#forCreate} takes, in the order of Jira's default create screen. */
    private List<Field> createScreen(Project project, IssueType type, Ctx ctx) {
        Map<String, ObjectNode> known = fieldList();
        List<Field> screen = new ArrayList<>();
        Field summary = field(known, "summary");
        summary.required = true;
        screen.add(summary);
        Field issuetype = field(known, "issuetype");
        issuetype.required = true;
        issuetype.operations = List.of();
        issuetype.allowed = JiraJson.MAPPER.createArrayNode().add(json.issueType(type, ctx));
        screen.add(issuetype);
        Field projectField = field(known, "project");
        projectField.required = true;
        projectField.allowed = JiraJson.MAPPER.createArrayNode().add(json.projectRef(project, ctx));
        screen.add(projectField);
        screen.addAll(common(known, ctx, project.key));
        return screen;
    }

    /** What {@link IssueInput#forEdit} takes: the create screen's fields but the project, and comments to add. */
    private List<Field> editScreen(Issue issue, Ctx ctx) {
        Map<String, ObjectNode> known = fieldList();
        List<Field> screen = new ArrayList<>();
        Field summary = field(known, "summary");
        // an edit may leave the summary alone, but not blank it
        summary.required = true;
        screen.add(summary);
        Field issuetype = field(known, "issuetype");
        issuetype.allowed = JiraJson.MAPPER.createArrayNode();
        for (IssueType t : creatable()) {
            issuetype.allowed.add(json.issueType(t, ctx));
        }
        screen.add(issuetype);
        screen.addAll(common(known, ctx, issue.project.key));
        Field comment = field(known, "comment");
        comment.operations = List.of("add");
        screen.add(comment);
        return screen;
    }

    private List<Field> common(Map<String, ObjectNode> known, Ctx ctx, String projectKey) {
        List<Field> fields = new ArrayList<>();
        fields.add(field(known, "description"));
        fields.add(field(known, "environment"));
        Field priority = field(known, "priority");
        priority.allowed = JiraJson.MAPPER.createArrayNode();
        store.catalog.priorities.forEach(p -> priority.allowed.add(json.priority(p, ctx)));
        priority.defaultValue = json.priority(store.catalog.defaultPriority(), ctx);
        fields.add(priority);
        Field labels = field(known, "labels");
        labels.operations = List.of("add", "set", "remove");
        fields.add(labels);
        // users are suggested by endpoints the emulator serves, which real Jira's metadata may name differently
        Field assignee = field(known, "assignee");
        assignee.autoCompleteUrl = ctx.apiUrl() + "/user/assignable/multiProjectSearch?projectKeys=" + projectKey
                                   + (cloud() ? "&query=" : "&username=");
        fields.add(assignee);
        Field reporter = field(known, "reporter");
        reporter.autoCompleteUrl = ctx.apiUrl() + "/user/search?" + (cloud() ? "query=" : "username=");
        fields.add(reporter);
        fields.add(field(known, "duedate"));
        Field time = new Field("timetracking", "Time tracking",
                JiraJson.MAPPER.createObjectNode().put("type", "timetracking").put("system", "timetracking"));
        fields.add(time);
        for (CustomField custom : store.customFields) {
            Field f = field(known, custom.id());
            if (custom.kind() == Model.FieldKind.OPTION) {
                f.allowed = JiraJson.MAPPER.createArrayNode();
                for (String option : custom.options()) {
                    String id = JiraJson.optionId(custom, option);
                    f.allowed.addObject().put("self", ctx.apiUrl() + "/customFieldOption/" + id).put("value", option).put("id", id);
                }
            } else if (custom.kind() == Model.FieldKind.USER) {
                f.autoCompleteUrl = ctx.apiUrl() + "/user/search?" + (cloud() ? "query=" : "username=");
            }
            fields.add(f);
        }
        return fields;
    }

    /**
     * A field as the flavour's metadata shows it. Cloud's create metadata has {@code fieldId} and {@code key}, its
     * edit metadata {@code key} only (its schema allows no other); Data Center's both have {@code fieldId}.
     */
    private ObjectNode render(Field f, boolean create) {
        ObjectNode json = JiraJson.MAPPER.createObjectNode().put("required", f.required);
        json.set("schema", f.schema);
        json.put("name", f.name);
        if (cloud()) {
            if (create) {
                json.put("fieldId", f.id);
            }
            json.put("key", f.id);
        } else {
            json.put("fieldId", f.id);
        }
        if (f.autoCompleteUrl != null) {
            json.put("autoCompleteUrl", f.autoCompleteUrl);
        }
        if (create || cloud()) {
            json.put("hasDefaultValue", f.defaultValue != null);
        }
        ArrayNode operations = json.putArray("operations");
        f.operations.forEach(operations::add);
        if (f.allowed != null) {
            json.set("allowedValues", f.allowed);
        }
        if (create && f.defaultValue != null) {
            json.set("defaultValue", f.defaultValue);
        }
        return json;
    }
}
