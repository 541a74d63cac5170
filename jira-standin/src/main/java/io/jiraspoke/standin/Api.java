package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.JiraJson.Ctx;
import io.jiraspoke.standin.JiraJson.FieldSelection;
import io.jiraspoke.standin.Model.Attachment;
import io.jiraspoke.standin.Model.Comment;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Project;
import io.jiraspoke.standin.Model.Transition;
import io.jiraspoke.standin.Model.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST endpoints, one handler each, run under the store's lock by {@link Http}. Handlers check their input the
 * way Jira does and answer in Jira's shapes and status codes; what the emulator does not implement is a 404 like
 * any unknown path (or, for a known path's unsupported option, a 400 that says so).
 */
final class Api {

    private static final int SEARCH_DEFAULT = 50;
    private static final int DC_SEARCH_MAX = 1000;
    private static final int CLOUD_SEARCH_MAX_IDS = 5000;
    private static final int CLOUD_SEARCH_MAX_FIELDS = 100;
    private static final int COMMENTS_DEFAULT = 5000;
    private static final Pattern PAGE_TOKEN = Pattern.compile("offset:(\\d{1,9}):(-?\\d+)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");

    private final Store store;
    private final JiraJson json;
    private final Events events;
    private final Router router = new Router();
    private final AdminApi admin;

    Api(Store store, JiraJson json, Events events) {
        this.store = store;
        this.json = json;
        this.events = events;
        String api = "/rest/api/{v}";
        router.add("GET", api + "/serverInfo", c -> Reply.ok(json.serverInfo(store.clockNow())))
                .add("GET", api + "/myself", c -> Reply.ok(json.myself(c.ctx)))
                .add("POST", api + "/issue", this::createIssue)
                .add("GET", api + "/issue/{issue}", this::getIssue)
                .add("PUT", api + "/issue/{issue}", this::editIssue)
                .add("DELETE", api + "/issue/{issue}", this::deleteIssue)
                .add("GET", api + "/issue/{issue}/comment", this::comments)
                .add("POST", api + "/issue/{issue}/comment", this::addComment)
                .add("GET", api + "/issue/{issue}/comment/{id}", this::getComment)
                .add("PUT", api + "/issue/{issue}/comment/{id}", this::updateComment)
                .add("DELETE", api + "/issue/{issue}/comment/{id}", this::deleteComment)
                .add("GET", api + "/issue/{issue}/transitions", this::transitions)
                .add("POST", api + "/issue/{issue}/transitions", this::transition)
                .add("PUT", api + "/issue/{issue}/assignee", this::assign)
                .add("GET", api + "/issue/{issue}/watchers", this::watchers)
                .add("POST", api + "/issue/{issue}/watchers", this::addWatcher)
                .add("DELETE", api + "/issue/{issue}/watchers", this::removeWatcher)
                .add("POST", api + "/issue/{issue}/notify", this::notify)
                .add("POST", api + "/issue/{issue}/attachments", this::addAttachments)
                .add("GET", api + "/attachment/content/{id}", this::attachmentContent)
                .add("GET", api + "/attachment/{id}", this::attachment)
                .add("DELETE", api + "/attachment/{id}", this::deleteAttachment)
                .add("GET", "/secure/attachment/{id}/{filename}", this::attachmentServlet)
                .add("GET", api + "/search", this::searchDataCenter)
                .add("POST", api + "/search", this::searchDataCenter)
                .add("GET", api + "/search/jql", this::searchCloud)
                .add("POST", api + "/search/jql", this::searchCloud)
                .add("POST", api + "/search/approximate-count", this::approximateCount)
                .add("GET", api + "/field", c -> Reply.ok(json.fields()))
                .add("GET", api + "/project", this::projects)
                .add("POST", api + "/project", this::createProject)
                .add("GET", api + "/project/search", this::searchProjects)
                .add("GET", api + "/project/{project}", this::project)
                .add("GET", api + "/project/{project}/statuses", this::projectStatuses)
                .add("GET", api + "/priority", this::priorities)
                .add("GET", api + "/priority/search", this::searchPriorities)
                .add("GET", api + "/priority/{id}", this::priority)
                .add("GET", api + "/status", this::statuses)
                .add("GET", api + "/issuetype", this::issueTypes)
                .add("GET", api + "/resolution", this::resolutions)
                .add("GET", api + "/user", this::getUser)
                .add("GET", api + "/user/search", this::searchUsers)
                .add("GET", api + "/user/assignable/multiProjectSearch", this::assignableUsers)
                .add("GET", api + "/users/search", this::allUsers);
        new WebhookApi(store).routes(router);
        new AgileApi(store, json).routes(router);
        new WorkApi(store, json, events).routes(router);
        admin = new AdminApi(store, json);
        admin.routes(router);
        new OAuthApi(store, json).routes(router);
        new MetaApi(store, json).routes(router);
        new AppWebhookApi(store).routes(router);
    }

    /** Routes the call; {@code v=3} exists on Cloud only, as Data Center has no REST v3. */
    Reply handle(Call call) {
        // What the request changes in the issues it looks up becomes their history, once it has succeeded.
        store.history.begin();
        try {
            Reply reply = router.route(call, vars -> {
                String v = vars.get("v");
                if (v != null && v.equals("3") && store.flavour == Flavour.DATA_CENTER) {
                    throw JiraError.message(404, "null for uri: " + call.path);
                }
                return new Ctx(call.ctx.root(), v == null ? (store.flavour == Flavour.CLOUD ? 3 : 2) : Integer.parseInt(v));
            });
            store.history.commit();
            return reply;
        } finally {
            store.history.end();
        }
    }

    private Instant now() {
        return store.now();
    }

    private Issue issue(Call c) {
        return store.issue(c.var("issue")).orElseThrow(JiraError::issueNotFound);
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    // issues

    private Reply createIssue(Call c) {
        IssueInput.Creation creation = IssueInput.forCreate(store, c.object(), c.ctx.api());
        Instant at = now();
        Issue issue = store.newIssue(creation.project(), store.me(), at);
        issue.type = creation.type();
        issue.status = store.catalog.initialStatus();
        issue.priority = store.catalog.defaultPriority();
        issue.reporter = store.me();
        creation.edits().accept(issue, at);
        events.issue("jira:issue_created", "issue_created", issue, null);
        return Reply.created(json.createdIssue(issue, c.ctx));
    }

    private Reply getIssue(Call c) {
        Issue issue = issue(c);
        ObjectNode answer = json.issue(issue, FieldSelection.of(c.list("fields"), FieldSelection.ALL), c.ctx);
        if (c.list("expand").contains("changelog")) {
            answer.set("changelog", json.work.expandedChangelog(issue, c.ctx));
        }
        if (c.list("expand").contains("names")) {
            ObjectNode names = answer.putObject("names");
            json.fields().forEach(f -> {
                if (answer.path("fields").has(f.path("id").asText())) {
                    names.put(f.path("id").asText(), f.path("name").asText());
                }
            });
        }
        return Reply.ok(answer);
    }

    private Reply editIssue(Call c) {
        Issue issue = issue(c);
        IssueInput.Edit edit = IssueInput.forEdit(store, c.object(), c.ctx.api());
        Instant at = now();
        edit.accept(issue, at);
        issue.updated = at;
        events.issue("jira:issue_updated", "issue_updated", issue, null);
        if (cloud() && "true".equals(c.param("returnIssue"))) {
            return Reply.ok(json.issue(issue, FieldSelection.ALL, c.ctx));
        }
        return Reply.noContent();
    }

    private Reply deleteIssue(Call c) {
        Issue issue = issue(c);
        store.delete(issue);
        events.issue("jira:issue_deleted", "issue_deleted", issue, null);
        return Reply.noContent();
    }

    // comments

    private Reply comments(Call c) {
        Issue issue = issue(c);
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.max(c.intParam("maxResults", COMMENTS_DEFAULT), 0);
        List<Comment> all = new ArrayList<>(issue.comments);
        String orderBy = c.param("orderBy");
        if (orderBy != null) {
            Comparator<Comment> byCreated = Comparator.comparing((Comment cm) -> cm.created).thenComparing(cm -> Long.parseLong(cm.id));
            switch (orderBy) {
                case "created", "+created" -> all.sort(byCreated);
                case "-created" -> all.sort(byCreated.reversed());
                default -> throw JiraError.badRequest("Invalid orderBy value '" + orderBy + "'; allowed: created, -created, +created.");
            }
        }
        List<Comment> page = all.subList(Math.min(startAt, all.size()), (int) Math.min((long) startAt + maxResults, all.size()));
        return Reply.ok(json.commentPage(page, startAt, maxResults, all.size(), c.ctx));
    }

    private Comment comment(Call c, Issue issue) {
        return store.comment(issue, c.var("id")).orElseThrow(() -> JiraError.message(404,
                "Can not find a comment for the id: " + c.var("id") + "."));
    }

    private Reply getComment(Call c) {
        Issue issue = issue(c);
        return Reply.ok(json.comment(comment(c, issue), c.ctx));
    }

    private Reply addComment(Call c) {
        Issue issue = issue(c);
        ObjectNode body = c.object();
        JsonNode text = commentBody(body, c);
        Instant at = now();
        Comment comment = new Comment(store.nextCommentId(), issue, store.me(), text, at);
        comment.visibility = visibility(body);
        issue.comments.add(comment);
        // A comment updates its issue: consumers that walk changed issues find new comments this way.
        issue.updated = at;
        events.comment("comment_created", issue, comment);
        return Reply.created(json.comment(comment, c.ctx));
    }

    private Reply updateComment(Call c) {
        Issue issue = issue(c);
        Comment comment = comment(c, issue);
        ObjectNode body = c.object();
        JsonNode text = commentBody(body, c);
        Instant at = now();
        comment.body = text;
        if (body.has("visibility")) {
            comment.visibility = visibility(body);
        }
        comment.updateAuthor = store.me();
        comment.updated = at;
        issue.updated = at;
        events.comment("comment_updated", issue, comment);
        return Reply.ok(json.comment(comment, c.ctx));
    }

    private Reply deleteComment(Call c) {
        Issue issue = issue(c);
        Comment comment = comment(c, issue);
        issue.comments.remove(comment);
        issue.updated = now();
        events.comment("comment_deleted", issue, comment);
        return Reply.noContent();
    }

    private JsonNode commentBody(ObjectNode body, Call c) {
        JsonNode text = body.get("body");
        if (text == null || text.isNull() || text.isTextual() && text.asText().isBlank()) {
            throw JiraError.fields(Map.of("comment", "Comment body can not be empty!"));
        }
        if (cloud() && c.ctx.api() == 3) {
            if (!Adf.isDocument(text)) {
                throw JiraError.badRequest("Comment body is not valid! The body of a comment must be an Atlassian Document (ADF) on REST v3.");
            }
            return text;
        }
        if (!text.isTextual()) {
            throw JiraError.badRequest("Comment body must be a string on REST v2.");
        }
        return cloud() ? Adf.fromText(text.asText()) : text;
    }

    private static ObjectNode visibility(ObjectNode body) {
        JsonNode v = body.get("visibility");
        if (v == null || v.isNull()) {
            return null;
        }
        String type = v.path("type").asText("");
        if (!type.equals("role") && !type.equals("group") || v.path("value").asText("").isEmpty() && v.path("identifier").asText("").isEmpty()) {
            throw JiraError.fields(Map.of("commentLevel", "You are currently not a member of the project role or group: " + v.path("value").asText("")));
        }
        return v.deepCopy();
    }

    // workflow

    private Reply transitions(Call c) {
        Issue issue = issue(c);
        boolean withFields = c.list("expand").contains("transitions.fields");
        String only = c.param("transitionId");
        ObjectNode answer = JiraJson.MAPPER.createObjectNode().put("expand", "transitions");
        ArrayNode list = answer.putArray("transitions");
        for (Transition t : store.catalog.transitions) {
            if (t.availableFrom(issue.status) && (only == null || only.equals(t.id()))) {
                list.add(json.transition(t, withFields, c.ctx));
            }
        }
        return Reply.ok(answer);
    }

    private Reply transition(Call c) {
        Issue issue = issue(c);
        ObjectNode body = c.object();
        String id = body.path("transition").path("id").asText(null);
        if (id == null) {
            throw JiraError.badRequest("Missing 'transition' identifier");
        }
        Transition t = store.catalog.transition(id)
                .orElseThrow(() -> JiraError.badRequest("Transition id '" + id + "' is not valid for this issue."));
        if (!t.availableFrom(issue.status)) {
            throw JiraError.badRequest("It seems that you have tried to perform a workflow operation (" + t.name()
                    + ") that is not valid for the current state of this issue (" + issue.key + "). The likely cause is that"
                    + " somebody has changed the issue recently, please look at the issue history for details.");
        }
        IssueInput.Edit edit = IssueInput.forTransition(store, body, c.ctx.api(), t.screen());
        Instant at = now();
        String from = issue.status.name();
        if (issue.status.category() != t.to().category()) {
            issue.statusCategoryChanged = at;
        }
        issue.status = t.to();
        if (t.to().category().key().equals("done")) {
            // Closing a resolved issue keeps its resolution; the transition's fields may still change it below.
            if (issue.resolution == null) {
                issue.resolution = store.catalog.defaultResolution();
                issue.resolved = at;
            }
        } else {
            issue.resolution = null;
            issue.resolved = null;
        }
        edit.accept(issue, at);
        issue.updated = at;
        events.issue("jira:issue_updated", "issue_generic", issue, changelog("status", from, t.to().name()));
        return Reply.noContent();
    }

    private static ObjectNode changelog(String field, String from, String to) {
        ObjectNode changelog = JiraJson.MAPPER.createObjectNode();
        changelog.putArray("items").addObject().put("field", field).put("fieldtype", "jira").put("fromString", from).put("toString", to);
        return changelog;
    }

    // people

    private Reply assign(Call c) {
        Issue issue = issue(c);
        ObjectNode body = c.object();
        String field = cloud() ? "accountId" : "name";
        if (!body.has(field)) {
            throw JiraError.fields(Map.of("assignee", "Specify the assignee by " + field + " (null unassigns, \"-1\" picks the default)."));
        }
        JsonNode ref = body.get(field);
        User assignee;
        if (ref.isNull()) {
            assignee = null;
        } else if (ref.asText().equals("-1")) {
            assignee = issue.project.lead;
        } else {
            assignee = store.user(ref.asText()).orElseThrow(() -> JiraError.fields(Map.of("assignee",
                    "User '" + ref.asText() + "' cannot be assigned issues.")));
        }
        String from = issue.assignee == null ? null : issue.assignee.displayName();
        issue.assignee = assignee;
        issue.updated = now();
        events.issue("jira:issue_updated", "issue_assigned", issue,
                changelog("assignee", from, assignee == null ? null : assignee.displayName()));
        return Reply.noContent();
    }

    private Reply watchers(Call c) {
        return Reply.ok(json.watchers(issue(c), c.ctx));
    }

    private Reply addWatcher(Call c) {
        Issue issue = issue(c);
        User user;
        if (!c.hasBody()) {
            user = store.me();
        } else {
            JsonNode ref = c.json();
            if (!ref.isTextual()) {
                throw JiraError.badRequest("The watcher must be given as a JSON string: the " + (cloud() ? "account id" : "user name") + ".");
            }
            user = store.user(ref.asText()).orElseThrow(() -> JiraError.message(404, "The user \"" + ref.asText() + "\" does not exist."));
        }
        issue.watchers.add(user);
        return Reply.noContent();
    }

    private Reply removeWatcher(Call c) {
        Issue issue = issue(c);
        String parameter = cloud() ? "accountId" : "username";
        String ref = c.param(parameter);
        if (ref == null) {
            throw JiraError.badRequest("The " + parameter + " parameter is required.");
        }
        User user = store.user(ref).orElseThrow(() -> JiraError.message(404, "The user \"" + ref + "\" does not exist."));
        issue.watchers.remove(user);
        return Reply.noContent();
    }

    private Reply notify(Call c) {
        issue(c);
        ObjectNode body = c.object();
        if (!body.has("textBody") && !body.has("htmlBody")) {
            throw JiraError.badRequest("The notification needs a textBody or an htmlBody.");
        }
        events.notification(body);
        return Reply.noContent();
    }

    // attachments

    private Reply addAttachments(Call c) {
        Issue issue = issue(c);
        if (!"no-check".equalsIgnoreCase(c.atlassianToken)) {
            throw JiraError.message(403, "XSRF check failed");
        }
        List<Multipart.Part> files = Multipart.parse(c.contentType, c.body).stream().filter(p -> "file".equals(p.name())).toList();
        if (files.isEmpty()) {
            throw JiraError.badRequest("No file part named 'file' in the upload.");
        }
        Instant at = now();
        ArrayNode answer = JiraJson.MAPPER.createArrayNode();
        for (Multipart.Part part : files) {
            String filename = part.filename() == null || part.filename().isBlank() ? "file" : part.filename();
            String type = part.contentType() == null ? "application/octet-stream" : part.contentType().split(";")[0].trim();
            answer.add(json.attachment(store.addAttachment(issue, filename, type, part.content(), at), c.ctx));
        }
        issue.updated = at;
        events.issue("jira:issue_updated", "issue_updated", issue, null);
        return Reply.ok(answer);
    }

    private Attachment attachmentById(String id) {
        return store.attachment(id).orElseThrow(() -> JiraError.message(404, "The attachment with id '" + id + "' does not exist"));
    }

    private Reply attachment(Call c) {
        return Reply.ok(json.attachment(attachmentById(c.var("id")), true, c.ctx));
    }

    private Reply deleteAttachment(Call c) {
        Attachment a = attachmentById(c.var("id"));
        store.deleteAttachment(a);
        a.issue().updated = now();
        return Reply.noContent();
    }

    /** Cloud's content endpoint: 303 to the media host, or with {@code redirect=false} the content itself. */
    private Reply attachmentContent(Call c) {
        if (!cloud()) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        Attachment a = attachmentById(c.var("id"));
        if ("false".equals(c.param("redirect"))) {
            return content(a);
        }
        return new Reply(303, null, null, null, Map.of("Location", store.media.location(a)));
    }

    /** Data Center's attachment servlet, by id and file name. */
    private Reply attachmentServlet(Call c) {
        Attachment a = attachmentById(c.var("id"));
        // The servlet's URLs encode a space as '+' (as Jira writes them), so a '+' in the name reads as a space.
        if (!a.filename().replace('+', ' ').equals(c.var("filename").replace('+', ' '))) {
            throw JiraError.message(404, "The attachment " + c.var("id") + " has no file named " + c.var("filename"));
        }
        return content(a);
    }

    private static Reply content(Attachment a) {
        String disposition = "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return Reply.content(a.content(), a.mimeType(), Map.of("Content-Disposition", disposition));
    }

    // search

    /** A POST carries its options as a JSON body, a GET as query parameters; both read the same from here. */
    private static ObjectNode searchOptions(Call c) {
        if (c.method.equals("POST")) {
            return c.object();
        }
        ObjectNode request = JiraJson.MAPPER.createObjectNode();
        c.params.forEach((name, values) -> {
            if (name.equals("fields") || name.equals("expand") || name.equals("reconcileIssues")) {
                c.list(name).forEach(request.withArray(name)::add);
            } else {
                request.put(name, values.get(0));
            }
        });
        return request;
    }

    private static List<String> names(JsonNode value) {
        List<String> names = new ArrayList<>();
        if (value != null && !value.isNull()) {
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                for (String name : item.asText().split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
        }
        return names;
    }

    private static int intOption(ObjectNode request, String name, int defaultValue) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isInt() || value.isTextual() && INTEGER.matcher(value.asText()).matches()) {
            return value.asInt();
        }
        throw JiraError.badRequest("The value '" + value.asText() + "' is not valid for '" + name + "'.");
    }

    private JqlFilter.Compiled query(String jql) {
        return JqlFilter.compile(Jql.parse(jql), store, store.clockNow());
    }

    private List<Issue> search(JqlFilter.Compiled query) {
        return store.issues().stream().filter(query.filter()).sorted(query.order()).toList();
    }

    /** Cloud's enhanced search and count refuse a query without any restriction. */
    private JqlFilter.Compiled boundedQuery(String jql) {
        JqlFilter.Compiled query = query(jql);
        if (!query.bounded()) {
            throw JiraError.badRequest("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        return query;
    }

    private Reply searchDataCenter(Call c) {
        if (cloud()) {
            throw JiraError.message(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."
                    + " A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046");
        }
        ObjectNode request = searchOptions(c);
        String jql = request.path("jql").asText("");
        int startAt = Math.max(intOption(request, "startAt", 0), 0);
        int maxResults = Math.min(Math.max(intOption(request, "maxResults", SEARCH_DEFAULT), 0), DC_SEARCH_MAX);
        FieldSelection selection = FieldSelection.of(names(request.get("fields")), FieldSelection.ALL);
        List<Issue> matches = search(query(jql));
        ObjectNode result = JiraJson.MAPPER.createObjectNode()
                .put("expand", "schema,names")
                .put("startAt", startAt)
                .put("maxResults", maxResults)
                .put("total", matches.size());
        ArrayNode issues = result.putArray("issues");
        matches.stream().skip(startAt).limit(maxResults).forEach(issue -> issues.add(json.issue(issue, selection, c.ctx)));
        return Reply.ok(result);
    }

    /** Cloud's enhanced search: opaque page tokens, no total, ids only unless fields are named. */
    private Reply searchCloud(Call c) {
        if (!cloud()) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        ObjectNode request = searchOptions(c);
        String jql = request.path("jql").asText("");
        JqlFilter.Compiled query = boundedQuery(jql);
        List<String> fields = names(request.get("fields"));
        FieldSelection selection = FieldSelection.of(fields, FieldSelection.NONE);
        boolean idsOnly = fields.stream().allMatch(f -> f.equals("id") || f.equals("key"));
        int cap = idsOnly ? CLOUD_SEARCH_MAX_IDS : CLOUD_SEARCH_MAX_FIELDS;
        int maxResults = Math.min(Math.max(intOption(request, "maxResults", SEARCH_DEFAULT), 1), cap);
        int startAt = request.hasNonNull("nextPageToken") ? pageOffset(request.get("nextPageToken").asText(), jql) : 0;
        List<Issue> matches = search(query);
        List<Issue> page = matches.subList(Math.min(startAt, matches.size()), Math.min(startAt + maxResults, matches.size()));
        ObjectNode result = JiraJson.MAPPER.createObjectNode();
        ArrayNode issues = result.putArray("issues");
        for (Issue issue : page) {
            if (selection.isEmpty()) {
                ObjectNode ids = issues.addObject().put("id", issue.id);
                if (fields.contains("key")) {
                    ids.put("key", issue.key);
                }
            } else {
                issues.add(json.issue(issue, selection, c.ctx));
            }
        }
        int end = startAt + page.size();
        if (c.repeatPageToken && end < matches.size()) {
            // A fault: the page token does not advance, as /search/jql has been seen to do.
            result.put("nextPageToken", request.hasNonNull("nextPageToken") ? request.get("nextPageToken").asText() : pageToken(0, jql));
        } else if (end < matches.size()) {
            result.put("nextPageToken", pageToken(end, jql));
        }
        return Reply.ok(result.put("isLast", end >= matches.size()));
    }

    private Reply approximateCount(Call c) {
        if (!cloud() || c.ctx.api() != 3) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        JqlFilter.Compiled query = boundedQuery(c.object().path("jql").asText(""));
        return Reply.ok(JiraJson.MAPPER.createObjectNode().put("count", search(query).size()));
    }

    /** A page token is bound to its query, as Cloud's are: another query's token is refused. */
    private static String pageToken(int offset, String jql) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset + ":" + jql.hashCode()).getBytes(StandardCharsets.UTF_8));
    }

    private static int pageOffset(String token, String jql) {
        try {
            Matcher m = PAGE_TOKEN.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (m.matches() && m.group(2).equals(String.valueOf(jql.hashCode()))) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IllegalArgumentException e) {
            // not Base64: refused below like any other foreign token
        }
        throw JiraError.badRequest("The provided next page token is invalid or expired.");
    }

    // projects and metadata

    private Project project(String idOrKey) {
        return store.project(idOrKey).orElseThrow(() -> JiraError.message(404, "No project could be found with key '" + idOrKey + "'."));
    }

    private Reply project(Call c) {
        return Reply.ok(json.project(project(c.var("project")), true, c.ctx));
    }

    private Reply projectStatuses(Call c) {
        project(c.var("project"));
        return Reply.ok(json.projectStatuses(c.ctx));
    }

    private Reply projects(Call c) {
        ArrayNode all = JiraJson.MAPPER.createArrayNode();
        store.projects.values().forEach(p -> all.add(json.project(p, false, c.ctx)));
        return Reply.ok(all);
    }

    private Reply searchProjects(Call c) {
        if (!cloud()) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        String query = c.param("query");
        List<String> keys = c.list("keys");
        Predicate<Project> matches = p -> (query == null || p.key.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))
                                           || p.name.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                                          && (keys.isEmpty() || keys.stream().anyMatch(k -> k.equalsIgnoreCase(p.key)));
        List<Project> found = store.projects.values().stream().filter(matches).sorted(Comparator.comparing(p -> p.key)).toList();
        return Reply.ok(page(c, found.stream().map(p -> (JsonNode) json.project(p, false, c.ctx)).toList(), 50, 100, "/project/search"));
    }

    /** Jira's PageBean: startAt, maxResults, total, isLast, values and a nextPage link while there is more. */
    private ObjectNode page(Call c, List<JsonNode> items, int defaultMax, int cap, String path) {
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", defaultMax), 1), cap);
        int end = (int) Math.min((long) startAt + maxResults, items.size());
        ObjectNode page = JiraJson.MAPPER.createObjectNode()
                .put("self", c.ctx.apiUrl() + path + "?startAt=" + startAt + "&maxResults=" + maxResults);
        if (end < items.size()) {
            page.put("nextPage", c.ctx.apiUrl() + path + "?startAt=" + end + "&maxResults=" + maxResults);
        }
        page.put("maxResults", maxResults).put("startAt", startAt).put("total", items.size()).put("isLast", end >= items.size());
        ArrayNode values = page.putArray("values");
        items.subList(Math.min(startAt, items.size()), end).forEach(values::add);
        return page;
    }

    private Reply createProject(Call c) {
        ObjectNode body = c.object();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String key = body.path("key").asText("");
        if (!PROJECT_KEY.matcher(key).matches()) {
            errors.put("projectKey", "Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.");
        } else if (store.project(key).isPresent()) {
            errors.put("projectKey", "Project '" + key + "' uses this project key.");
        }
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            errors.put("projectName", "You must specify a valid project name.");
        }
        String typeKey = body.path("projectTypeKey").asText("");
        if (!List.of("software", "business", "service_desk").contains(typeKey)) {
            errors.put("projectType", "A project type with key '" + typeKey + "' does not exist.");
        }
        String leadRef = cloud() ? body.path("leadAccountId").asText(null) : body.path("lead").asText(null);
        User lead = leadRef == null ? store.me() : store.user(leadRef).orElse(null);
        if (lead == null) {
            errors.put("projectLead", "The project lead you specified does not exist.");
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(errors);
        }
        Project project = store.addProject(key, name, typeKey, lead);
        project.description = body.path("description").asText(null);
        ObjectNode answer = JiraJson.MAPPER.createObjectNode().put("self", c.ctx.apiUrl() + "/project/" + project.id);
        if (cloud()) {
            answer.put("id", Long.parseLong(project.id));
        } else {
            answer.put("id", project.id);
        }
        return Reply.created(answer.put("key", project.key));
    }

    private Reply priorities(Call c) {
        ArrayNode all = JiraJson.MAPPER.createArrayNode();
        store.catalog.priorities.forEach(p -> all.add(json.priorityDetails(p, c.ctx)));
        return Reply.ok(all);
    }

    private Reply searchPriorities(Call c) {
        if (!cloud()) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        List<JsonNode> all = store.catalog.priorities.stream().map(p -> (JsonNode) json.priorityDetails(p, c.ctx)).toList();
        ObjectNode page = page(c, all, 50, 50, "/priority/search");
        page.remove("self");
        page.remove("nextPage");
        return Reply.ok(page);
    }

    private Reply priority(Call c) {
        return store.catalog.priorities.stream().filter(p -> p.id().equals(c.var("id"))).findFirst()
                .map(p -> Reply.ok(json.priorityDetails(p, c.ctx)))
                .orElseThrow(() -> JiraError.message(404, "The priority with id '" + c.var("id") + "' does not exist."));
    }

    private Reply statuses(Call c) {
        ArrayNode all = JiraJson.MAPPER.createArrayNode();
        store.catalog.statuses.forEach(s -> all.add(json.status(s, c.ctx)));
        return Reply.ok(all);
    }

    private Reply issueTypes(Call c) {
        ArrayNode all = JiraJson.MAPPER.createArrayNode();
        store.catalog.issueTypes.forEach(t -> all.add(json.issueType(t, c.ctx)));
        return Reply.ok(all);
    }

    private Reply resolutions(Call c) {
        ArrayNode all = JiraJson.MAPPER.createArrayNode();
        store.catalog.resolutions.forEach(r -> all.add(json.resolution(r, c.ctx)));
        return Reply.ok(all);
    }

    // users

    private Reply getUser(Call c) {
        String ref = c.param(cloud() ? "accountId" : "username");
        if (ref == null && !cloud()) {
            ref = c.param("key");
        }
        if (ref == null) {
            throw JiraError.badRequest("The " + (cloud() ? "accountId" : "username") + " query parameter is required.");
        }
        String id = ref;
        User user = store.user(id).orElseThrow(() -> JiraError.message(404, "The user with " + (cloud() ? "account ID" : "name") + " '" + id + "' does not exist."));
        ObjectNode answer = json.user(user, c.ctx);
        if (c.list("expand").contains("groups")) {
            answer.set("groups", admin.expandedGroups(user, c.ctx));
        }
        return Reply.ok(answer);
    }

    /** Cloud matches {@code query} against display names and e-mail addresses; Data Center {@code username} also against user names. */
    private List<User> matching(String query) {
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        return store.users.stream().filter(u -> q.isEmpty()
                || u.displayName().toLowerCase(Locale.ROOT).contains(q)
                || u.email() != null && u.email().toLowerCase(Locale.ROOT).startsWith(q)
                || u.name() != null && u.name().toLowerCase(Locale.ROOT).startsWith(q)
                || u.accountId() != null && u.accountId().equals(query)).toList();
    }

    private Reply users(Call c, List<User> users, int defaultMax) {
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", defaultMax), 0), 1000);
        ArrayNode answer = JiraJson.MAPPER.createArrayNode();
        users.stream().skip(startAt).limit(maxResults).forEach(u -> answer.add(json.user(u, c.ctx)));
        return Reply.ok(answer);
    }

    private Reply searchUsers(Call c) {
        String query = cloud() ? Optional.ofNullable(c.param("query")).orElse(c.param("accountId")) : c.param("username");
        if (query == null) {
            throw JiraError.badRequest(cloud() ? "The query parameter 'query' or 'accountId' is required." : "The username query parameter is required.");
        }
        return users(c, matching(query), 50);
    }

    private Reply assignableUsers(Call c) {
        List<String> keys = c.list("projectKeys");
        if (keys.isEmpty()) {
            throw JiraError.badRequest("The projectKeys query parameter is required.");
        }
        keys.forEach(this::project);
        return users(c, matching(c.param(cloud() ? "query" : "username")), 50);
    }

    private Reply allUsers(Call c) {
        if (!cloud()) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        return users(c, store.users, 50);
    }
}
