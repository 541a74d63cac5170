package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.Attachment;
import io.jiraspoke.standin.Model.Comment;
import io.jiraspoke.standin.Model.CustomField;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.IssueType;
import io.jiraspoke.standin.Model.Priority;
import io.jiraspoke.standin.Model.Project;
import io.jiraspoke.standin.Model.Resolution;
import io.jiraspoke.standin.Model.Sprint;
import io.jiraspoke.standin.Model.Status;
import io.jiraspoke.standin.Model.StatusCategory;
import io.jiraspoke.standin.Model.Transition;
import io.jiraspoke.standin.Model.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Renders the emulator's state in the JSON shapes Jira Cloud (v3 and v2) and Data Center (v2) answer, with
 * {@code self} links below the URL the request came in on (the site, or the API gateway's
 * {@code /ex/jira/{cloudId}}).
 */
final class JiraJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** Agile dates (sprints) are ISO instants with a Z, unlike the platform API's. */
    private static final DateTimeFormatter AGILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    private static final String ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";
    private static final String PROJECT_EXPAND = "description,lead,issueTypes,url,projectKeys,permissions,insight";

    /** Which issue fields a response carries: all of them, or the named ones, less the excluded ones. */
    record FieldSelection(boolean all, Set<String> names, Set<String> excluded) {

        static final FieldSelection ALL = new FieldSelection(true, Set.of(), Set.of());
        static final FieldSelection NONE = new FieldSelection(false, Set.of(), Set.of());

        /** Jira's {@code fields} parameter: ids, {@code *all}, {@code *navigable}, and {@code -id} to leave one out. */
        static FieldSelection of(List<String> requested, FieldSelection whenEmpty) {
            if (requested.isEmpty()) {
                return whenEmpty;
            }
            boolean all = requested.contains("*all") || requested.contains("*navigable");
            Set<String> names = new java.util.HashSet<>();
            Set<String> excluded = new java.util.HashSet<>();
            for (String name : requested) {
                if (name.startsWith("-")) {
                    excluded.add(name.substring(1));
                } else if (!name.startsWith("*")) {
                    names.add(name);
                }
            }
            // Only exclusions ("-comment") mean everything else.
            return new FieldSelection(all || (names.isEmpty() && !excluded.isEmpty()), names, excluded);
        }

        boolean includes(String field) {
            return !excluded.contains(field) && (all || names.contains(field));
        }

        boolean isEmpty() {
            return !all && names.isEmpty();
        }
    }

    /** Where the request came in ({@code root}: base URL plus any gateway prefix) and which API version it spoke. */
    record Ctx(String root, int api) {

        String apiUrl() {
            return root + "/rest/api/" + api;
        }
    }

    private final Store store;
    private final String baseUrl;
    /** Links, worklogs, time tracking and history. */
    final WorkJson work;

    JiraJson(Store store, String baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
        this.work = new WorkJson(store, this);
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    /** The site URL, without any gateway prefix. */
    String baseUrl() {
        return baseUrl;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static String agileTimestamp(Instant instant) {
        return AGILE_TIMESTAMP.format(instant);
    }

    static ObjectNode error(JiraError error) {
        ObjectNode body = MAPPER.createObjectNode();
        error.errorMessages().forEach(body.putArray("errorMessages")::add);
        ObjectNode errors = body.putObject("errors");
        error.errors().forEach(errors::put);
        return body;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // server and users

    ObjectNode serverInfo(Instant now) {
        ObjectNode info = MAPPER.createObjectNode().put("baseUrl", baseUrl);
        if (cloud()) {
            info.put("displayUrl", baseUrl).put("version", "1001.0.0-SNAPSHOT");
            info.putArray("versionNumbers").add(1001).add(0).add(0);
            info.put("deploymentType", "Cloud").put("buildNumber", 100289);
        } else {
            info.put("version", "10.3.1");
            info.putArray("versionNumbers").add(10).add(3).add(1);
            info.put("deploymentType", "Server").put("buildNumber", 10030001);
        }
        info.put("buildDate", "2026-01-05T00:00:00.000+0000")
                .put("serverTime", timestamp(now))
                .put("scmInfo", "0000000000000000000000000000000000000000")
                .put("serverTitle", "Jira emulator");
        if (cloud()) {
            info.put("serverTimeZone", "Etc/UTC");
        }
        return info;
    }

    ObjectNode user(User user, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode();
        if (cloud()) {
            json.put("self", ctx.apiUrl() + "/user?accountId=" + enc(user.accountId()))
                    .put("accountId", user.accountId())
                    .put("accountType", "atlassian");
        } else {
            json.put("self", ctx.apiUrl() + "/user?username=" + enc(user.name()))
                    .put("key", user.key())
                    .put("name", user.name());
        }
        json.put("emailAddress", user.email());
        ObjectNode avatars = json.putObject("avatarUrls");
        String initials = initials(user.displayName());
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, cloud()
                    ? "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/" + initials
                      + "-0.png?size=" + size.substring(0, 2) + "&s=" + size.substring(0, 2)
                    : baseUrl + "/secure/useravatar?size=" + size + "&avatarId=10122");
        }
        return json.put("displayName", user.displayName())
                .put("active", true)
                .put("timeZone", user.timeZone());
    }

    private static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return initials.length() == 0 ? "U" : URLEncoder.encode(initials.toString(), StandardCharsets.UTF_8);
    }

    JsonNode userOrNull(User user, Ctx ctx) {
        return user == null ? NODES.nullNode() : user(user, ctx);
    }

    ObjectNode myself(Ctx ctx) {
        ObjectNode me = user(store.me(), ctx).put("locale", "en_US");
        me.putObject("groups").put("size", 1).putArray("items");
        me.putObject("applicationRoles").put("size", 1).putArray("items");
        return me.put("expand", "groups,applicationRoles");
    }

    // catalogue items

    ObjectNode issueType(IssueType type, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/issuetype/" + type.id())
                .put("id", type.id())
                .put("description", type.description())
                .put("iconUrl", cloud()
                        ? baseUrl + "/rest/api/2/universal_avatar/view/type/issuetype/avatar/" + type.avatarId() + "?size=medium"
                        : baseUrl + "/secure/viewavatar?size=xsmall&avatarId=" + type.avatarId() + "&avatarType=issuetype")
                .put("name", type.name())
                .put("subtask", type.subtask())
                .put("avatarId", type.avatarId());
        if (cloud()) {
            json.put("hierarchyLevel", type.hierarchyLevel());
        }
        return json;
    }

    ObjectNode status(Status status, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/status/" + status.id())
                .put("description", status.description())
                .put("iconUrl", baseUrl + status.iconUrl())
                .put("name", status.name())
                .put("id", status.id());
        json.set("statusCategory", statusCategory(status.category(), ctx));
        return json;
    }

    ObjectNode statusCategory(StatusCategory category, Ctx ctx) {
        return MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/statuscategory/" + category.id())
                .put("id", category.id())
                .put("key", category.key())
                .put("colorName", category.colorName())
                .put("name", category.name());
    }

    /** The short form issues carry; {@link #priorityDetails} is the one the priority API answers. */
    ObjectNode priority(Priority priority, Ctx ctx) {
        return MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/priority/" + priority.id())
                .put("iconUrl", baseUrl + "/images/icons/priorities/" + priority.icon() + ".svg")
                .put("name", priority.name())
                .put("id", priority.id());
    }

    ObjectNode priorityDetails(Priority priority, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/priority/" + priority.id())
                .put("statusColor", priority.color())
                .put("description", priority.description())
                .put("iconUrl", baseUrl + "/images/icons/priorities/" + priority.icon() + ".svg")
                .put("name", priority.name())
                .put("id", priority.id());
        if (cloud()) {
            json.put("isDefault", priority.isDefault());
        }
        return json;
    }

    ObjectNode resolution(Resolution resolution, Ctx ctx) {
        return MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/resolution/" + resolution.id())
                .put("id", resolution.id())
                .put("description", resolution.description())
                .put("name", resolution.name());
    }

    // projects

    private ObjectNode projectAvatars(Project project) {
        ObjectNode avatars = MAPPER.createObjectNode();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            avatars.put(size, cloud()
                    ? baseUrl + "/rest/api/3/universal_avatar/view/type/project/avatar/10413?size=" + size
                    : baseUrl + "/secure/projectavatar?size=" + size + "&avatarId=10324");
        }
        return avatars;
    }

    /** The project as an issue's {@code project} field shows it. */
    ObjectNode projectRef(Project project, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/project/" + project.id)
                .put("id", project.id)
                .put("key", project.key)
                .put("name", project.name)
                .put("projectTypeKey", project.typeKey);
        if (cloud()) {
            json.put("simplified", false);
        }
        json.set("avatarUrls", projectAvatars(project));
        return json;
    }

    /** The project as the project API answers it; {@code full} adds what GET project/{key} expands by default. */
    ObjectNode project(Project project, boolean full, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode();
        if (cloud()) {
            json.put("expand", PROJECT_EXPAND);
        } else if (full) {
            json.put("expand", "description,lead,url,projectKeys");
        }
        json.put("self", ctx.apiUrl() + "/project/" + project.id)
                .put("id", project.id)
                .put("key", project.key);
        if (full) {
            json.put("description", project.description == null ? "" : project.description);
            json.set("lead", user(project.lead, ctx));
            json.putArray("components");
            ArrayNode types = json.putArray("issueTypes");
            store.catalog.issueTypes.forEach(t -> types.add(issueType(t, ctx)));
            json.put("assigneeType", "UNASSIGNED");
            json.putArray("versions");
        }
        json.put("name", project.name);
        if (full) {
            json.putObject("roles");
        }
        json.set("avatarUrls", projectAvatars(project));
        json.put("projectTypeKey", project.typeKey);
        if (cloud()) {
            json.put("simplified", false).put("style", "classic").put("isPrivate", false);
            json.putObject("properties");
        } else {
            json.put("archived", false);
        }
        return json;
    }

    ArrayNode projectStatuses(Ctx ctx) {
        ArrayNode types = MAPPER.createArrayNode();
        for (IssueType type : store.catalog.issueTypes) {
            ObjectNode json = types.addObject()
                    .put("self", ctx.apiUrl() + "/issueType/" + type.id())
                    .put("id", type.id())
                    .put("name", type.name())
                    .put("subtask", type.subtask());
            ArrayNode statuses = json.putArray("statuses");
            store.catalog.statuses.forEach(s -> statuses.add(status(s, ctx).put("untranslatedName", s.name())));
        }
        return types;
    }

    // fields

    ArrayNode fields() {
        ArrayNode fields = MAPPER.createArrayNode();
        system(fields, "issuekey", "Key", false, List.of("id", "issue", "issuekey", "key"), null, null);
        system(fields, "summary", "Summary", true, List.of("summary"), "string", null);
        system(fields, "description", "Description", true, List.of("description"), "string", null);
        system(fields, "environment", "Environment", true, List.of("environment"), "string", null);
        system(fields, "issuetype", "Issue Type", true, List.of("issuetype", "type"), "issuetype", null);
        system(fields, "project", "Project", false, List.of("project"), "project", null);
        system(fields, "status", "Status", false, List.of("status"), "status", null);
        system(fields, "priority", "Priority", true, List.of("priority"), "priority", null);
        system(fields, "resolution", "Resolution", true, List.of("resolution"), "resolution", null);
        system(fields, "assignee", "Assignee", true, List.of("assignee"), "user", null);
        system(fields, "reporter", "Reporter", true, List.of("reporter"), "user", null);
        system(fields, "creator", "Creator", false, List.of("creator"), "user", null);
        system(fields, "labels", "Labels", true, List.of("labels"), "array", "string");
        system(fields, "duedate", cloud() ? "Due date" : "Due Date", true, List.of("due", "duedate"), "date", null);
        system(fields, "created", "Created", false, List.of("created", "createdDate"), "datetime", null);
        system(fields, "updated", "Updated", false, List.of("updated", "updatedDate"), "datetime", null);
        system(fields, "resolutiondate", "Resolved", false, List.of("resolutiondate", "resolved"), "datetime", null);
        system(fields, "comment", "Comment", true, List.of("comment"), "comments-page", null);
        system(fields, "attachment", "Attachment", true, List.of("attachments"), "array", "attachment");
        system(fields, "watches", "Watchers", false, List.of("watchers"), "watches", null);
        for (CustomField field : store.customFields) {
            ObjectNode json = fields.addObject().put("id", field.id());
            if (cloud()) {
                json.put("key", field.id());
            }
            json.put("name", field.name());
            json.put("custom", true).put("orderable", true).put("navigable", true).put("searchable", true);
            json.putArray("clauseNames").add("cf[" + field.numericId() + "]").add(field.name());
            ObjectNode schema = json.putObject("schema");
            String[] type = customSchema(field);
            schema.put("type", type[0]);
            if (type[1] != null) {
                schema.put("items", type[1]);
            }
            schema.put("custom", type[2]).put("customId", field.numericId());
        }
        return fields;
    }

    private void system(ArrayNode fields, String id, String name, boolean orderable, List<String> clauses, String type, String items) {
        ObjectNode json = fields.addObject().put("id", id);
        if (cloud()) {
            json.put("key", id);
        }
        json.put("name", name).put("custom", false).put("orderable", orderable).put("navigable", true)
                .put("searchable", !id.equals("issuekey"));
        ArrayNode names = json.putArray("clauseNames");
        clauses.forEach(names::add);
        if (type != null) {
            ObjectNode schema = json.putObject("schema").put("type", type);
            if (items != null) {
                schema.put("items", items);
            }
            schema.put("system", id);
        }
    }

    /** type, items, custom type key. */
    private String[] customSchema(CustomField field) {
        String plugin = "com.atlassian.jira.plugin.system.customfieldtypes:";
        return switch (field.kind()) {
            case NUMBER -> new String[] {"number", null, plugin + "float"};
            case TEXT -> new String[] {"string", null, plugin + "textfield"};
            case OPTION -> new String[] {"option", null, plugin + "select"};
            case DATE -> new String[] {"date", null, plugin + "datepicker"};
            case DATETIME -> new String[] {"datetime", null, plugin + "datetime"};
            case USER -> new String[] {"user", null, plugin + "userpicker"};
            case LABELS -> new String[] {"array", "string", plugin + "labels"};
            case SPRINT -> new String[] {"array", cloud() ? "json" : "string", "com.pyxis.greenhopper.jira:gh-sprint"};
        };
    }

    // issues

    ObjectNode createdIssue(Issue issue, Ctx ctx) {
        return MAPPER.createObjectNode()
                .put("id", issue.id)
                .put("key", issue.key)
                .put("self", ctx.apiUrl() + "/issue/" + issue.id);
    }

    ObjectNode issue(Issue issue, FieldSelection selection, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("expand", ISSUE_EXPAND)
                .put("id", issue.id)
                .put("self", ctx.apiUrl() + "/issue/" + issue.id)
                .put("key", issue.key);
        ObjectNode fields = json.putObject("fields");
        if (!selection.isEmpty()) {
            allFields(issue, ctx).properties().stream()
                    .filter(field -> selection.includes(field.getKey()))
                    .forEach(field -> fields.set(field.getKey(), field.getValue()));
        }
        return json;
    }

    private ObjectNode allFields(Issue issue, Ctx ctx) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("statuscategorychangedate", timestamp(issue.statusCategoryChanged));
        f.set("issuetype", issueType(issue.type, ctx));
        f.set("project", projectRef(issue.project, ctx));
        f.putArray("fixVersions");
        f.set("resolution", issue.resolution == null ? NODES.nullNode() : resolution(issue.resolution, ctx));
        f.set("resolutiondate", issue.resolved == null ? NODES.nullNode() : NODES.textNode(timestamp(issue.resolved)));
        f.set("watches", MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/issue/" + issue.key + "/watchers")
                .put("watchCount", issue.watchers.size())
                .put("isWatching", issue.watchers.contains(store.me())));
        f.put("created", timestamp(issue.created));
        f.set("priority", priority(issue.priority, ctx));
        ArrayNode labels = f.putArray("labels");
        issue.labels.forEach(labels::add);
        f.putArray("versions");
        f.set("issuelinks", work.issueLinks(issue, ctx));
        f.set("assignee", userOrNull(issue.assignee, ctx));
        f.put("updated", timestamp(issue.updated));
        f.set("status", status(issue.status, ctx));
        f.putArray("components");
        f.set("description", richText(issue.description, ctx));
        ArrayNode attachments = f.putArray("attachment");
        issue.attachments.forEach(a -> attachments.add(attachment(a, ctx)));
        f.put("summary", issue.summary);
        f.set("creator", user(issue.creator, ctx));
        f.putArray("subtasks");
        f.set("reporter", userOrNull(issue.reporter, ctx));
        f.set("environment", richText(issue.environment, ctx));
        f.set("duedate", issue.dueDate == null ? NODES.nullNode() : NODES.textNode(issue.dueDate));
        f.set("comment", commentField(issue, ctx));
        work.timeFields(issue, f, ctx);
        for (CustomField field : store.customFields) {
            f.set(field.id(), customValue(issue, field, ctx));
        }
        return f;
    }

    private ObjectNode commentField(Issue issue, Ctx ctx) {
        ObjectNode page = MAPPER.createObjectNode();
        ArrayNode comments = page.putArray("comments");
        issue.comments.forEach(c -> comments.add(comment(c, ctx)));
        if (cloud()) {
            page.put("self", ctx.apiUrl() + "/issue/" + issue.id + "/comment");
        }
        return page.put("maxResults", issue.comments.size()).put("total", issue.comments.size()).put("startAt", 0);
    }

    private JsonNode customValue(Issue issue, CustomField field, Ctx ctx) {
        JsonNode stored = issue.custom.get(field.id());
        if (stored == null || stored.isNull()) {
            return NODES.nullNode();
        }
        return switch (field.kind()) {
            case SPRINT -> {
                ArrayNode sprints = MAPPER.createArrayNode();
                for (JsonNode id : stored) {
                    Sprint sprint = store.sprints.get(id.asInt());
                    if (sprint != null) {
                        sprints.add(cloud() ? sprintObject(sprint) : NODES.textNode(sprintText(sprint)));
                    }
                }
                yield sprints;
            }
            case USER -> store.user(stored.asText()).map(u -> (JsonNode) user(u, ctx)).orElse(NODES.nullNode());
            case OPTION -> MAPPER.createObjectNode()
                    .put("self", ctx.apiUrl() + "/customFieldOption/" + optionId(field, stored.asText()))
                    .put("value", stored.asText())
                    .put("id", optionId(field, stored.asText()));
            default -> stored;
        };
    }

    static String optionId(CustomField field, String value) {
        return String.valueOf(field.numericId() * 10 + field.options().indexOf(value) + 1);
    }

    /** Cloud's sprint field: one object per sprint. */
    ObjectNode sprintObject(Sprint sprint) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("id", sprint.id)
                .put("name", sprint.name)
                .put("state", sprint.state)
                .put("boardId", sprint.boardId)
                .put("goal", sprint.goal);
        if (sprint.start != null) {
            json.put("startDate", agileTimestamp(sprint.start));
        }
        if (sprint.end != null) {
            json.put("endDate", agileTimestamp(sprint.end));
        }
        return json;
    }

    /** Data Center's sprint field: GreenHopper's toString of each sprint, which REST v2 has always answered. */
    static String sprintText(Sprint sprint) {
        return "com.atlassian.greenhopper.service.sprint.Sprint@" + Integer.toHexString(31 * sprint.id + 7)
               + "[id=" + sprint.id + ",rapidViewId=" + sprint.boardId + ",state=" + sprint.state.toUpperCase(java.util.Locale.ROOT)
               + ",name=" + sprint.name
               + ",startDate=" + (sprint.start == null ? "<null>" : timestamp(sprint.start))
               + ",endDate=" + (sprint.end == null ? "<null>" : timestamp(sprint.end))
               + ",completeDate=<null>,activatedDate=<null>,sequence=" + sprint.id + ",goal=" + sprint.goal
               + ",synced=false,autoStartStop=false,incompleteIssuesDestinationId=<null>]";
    }

    /** Rich text as the API version speaks it: ADF for Cloud's v3, text for v2 (Cloud renders ADF as text there). */
    JsonNode richText(JsonNode stored, Ctx ctx) {
        if (stored == null || stored.isNull()) {
            return NODES.nullNode();
        }
        if (!cloud() || ctx.api() == 3) {
            return stored;
        }
        return NODES.textNode(Adf.toText(stored));
    }

    // comments, attachments, watchers, transitions

    ObjectNode comment(Comment comment, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/issue/" + comment.issue.id + "/comment/" + comment.id)
                .put("id", comment.id);
        json.set("author", user(comment.author, ctx));
        json.set("body", richText(comment.body, ctx));
        json.set("updateAuthor", user(comment.updateAuthor, ctx));
        json.put("created", timestamp(comment.created)).put("updated", timestamp(comment.updated));
        if (comment.visibility != null) {
            json.set("visibility", comment.visibility);
        }
        if (cloud()) {
            json.put("jsdPublic", true);
        }
        return json;
    }

    ObjectNode commentPage(List<Comment> comments, int startAt, int maxResults, int total, Ctx ctx) {
        ObjectNode page = MAPPER.createObjectNode().put("startAt", startAt).put("maxResults", maxResults).put("total", total);
        ArrayNode items = page.putArray("comments");
        comments.forEach(c -> items.add(comment(c, ctx)));
        return page;
    }

    /** An attachment as issues and the upload answer show it; {@code metadata} is GET attachment/{id}'s form. */
    ObjectNode attachment(Attachment a, Ctx ctx) {
        return attachment(a, false, ctx);
    }

    ObjectNode attachment(Attachment a, boolean metadata, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/attachment/" + a.id());
        // Cloud's attachment metadata endpoint answers the id as a number, everything else as a string.
        if (metadata && cloud()) {
            json.put("id", Long.parseLong(a.id()));
        } else {
            json.put("id", a.id());
        }
        json.put("filename", a.filename());
        json.set("author", user(a.author(), ctx));
        json.put("created", timestamp(a.created()))
                .put("size", a.content().length)
                .put("mimeType", a.mimeType())
                .put("content", contentUrl(a, ctx));
        if (metadata) {
            json.putObject("properties");
        }
        return json;
    }

    String contentUrl(Attachment a, Ctx ctx) {
        return cloud()
                ? ctx.apiUrl() + "/attachment/content/" + a.id()
                : baseUrl + "/secure/attachment/" + a.id() + "/" + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8);
    }

    ObjectNode watchers(Issue issue, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/issue/" + issue.key + "/watchers")
                .put("isWatching", issue.watchers.contains(store.me()))
                .put("watchCount", issue.watchers.size());
        ArrayNode watchers = json.putArray("watchers");
        issue.watchers.forEach(u -> {
            ObjectNode w = user(u, ctx);
            w.remove("emailAddress");
            watchers.add(w);
        });
        return json;
    }

    ObjectNode transition(Transition t, boolean withFields, Ctx ctx) {
        ObjectNode json = MAPPER.createObjectNode().put("id", t.id()).put("name", t.name());
        if (!cloud()) {
            json.put("description", "").put("opsbarSequence", 10 * Integer.parseInt(t.id()));
        }
        json.set("to", status(t.to(), ctx));
        if (cloud()) {
            json.put("hasScreen", t.screen()).put("isGlobal", t.from().isEmpty()).put("isInitial", false)
                    .put("isAvailable", true).put("isConditional", false).put("isLooped", false);
        }
        if (withFields) {
            ObjectNode fields = json.putObject("fields");
            if (t.screen()) {
                ObjectNode resolution = fields.putObject("resolution").put("required", false);
                resolution.putObject("schema").put("type", "resolution").put("system", "resolution");
                resolution.put("name", "Resolution").put(cloud() ? "key" : "fieldId", "resolution");
                resolution.putArray("operations").add("set");
                ArrayNode allowed = resolution.putArray("allowedValues");
                store.catalog.resolutions.forEach(r -> allowed.add(resolution(r, ctx)));
            }
        }
        return json;
    }
}
