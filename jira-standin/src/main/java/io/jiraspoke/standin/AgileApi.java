package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraJson.FieldSelection;
import io.jiraspoke.standin.Model.Board;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Sprint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Jira Software's agile API ({@code /rest/agile/1.0}, the same on Cloud and Data Center): boards, sprints and the
 * issues of a sprint, which is the issues whose sprint field holds it.
 */
final class AgileApi {

    private static final String AGILE = "/rest/agile/1.0";
    private static final Set<String> STATES = Set.of("future", "active", "closed");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("\\d{1,9}");
    private static final java.time.format.DateTimeFormatter JIRA_DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Store store;
    private final JiraJson json;

    AgileApi(Store store, JiraJson json) {
        this.store = store;
        this.json = json;
    }

    void routes(Router router) {
        router.add("GET", AGILE + "/board", this::boards)
                .add("GET", AGILE + "/board/{board}", c -> Reply.ok(board(board(c.var("board")), c)))
                .add("GET", AGILE + "/board/{board}/sprint", this::boardSprints)
                .add("POST", AGILE + "/sprint", this::createSprint)
                .add("GET", AGILE + "/sprint/{sprint}", c -> Reply.ok(sprint(sprint(c), c)))
                .add("POST", AGILE + "/sprint/{sprint}", c -> updateSprint(c, true))
                .add("PUT", AGILE + "/sprint/{sprint}", c -> updateSprint(c, false))
                .add("DELETE", AGILE + "/sprint/{sprint}", this::deleteSprint)
                .add("GET", AGILE + "/sprint/{sprint}/issue", this::sprintIssues)
                .add("POST", AGILE + "/sprint/{sprint}/issue", this::moveToSprint);
    }

    private Board board(String id) {
        Board board = ID.matcher(id).matches() ? store.boards.get(Integer.parseInt(id)) : null;
        if (board == null) {
            throw JiraError.message(404, "Board does not exist or you do not have permission to see it.");
        }
        return board;
    }

    private Sprint sprint(Call c) {
        String id = c.var("sprint");
        Sprint sprint = ID.matcher(id).matches() ? store.sprints.get(Integer.parseInt(id)) : null;
        if (sprint == null) {
            throw JiraError.message(404, "Sprint with id " + id + " does not exist or you do not have permission to see it.");
        }
        return sprint;
    }

    private ObjectNode board(Board b, Call c) {
        ObjectNode json = JiraJson.MAPPER.createObjectNode()
                .put("id", b.id())
                .put("self", c.ctx.root() + AGILE + "/board/" + b.id())
                .put("name", b.name())
                .put("type", b.type());
        json.putObject("location")
                .put("projectId", Long.parseLong(b.project().id))
                .put("displayName", b.project().name + " (" + b.project().key + ")")
                .put("projectName", b.project().name)
                .put("projectKey", b.project().key)
                .put("projectTypeKey", b.project().typeKey)
                .put("name", b.project().name + " (" + b.project().key + ")");
        return json;
    }

    ObjectNode sprint(Sprint s, Call c) {
        ObjectNode json = JiraJson.MAPPER.createObjectNode()
                .put("id", s.id)
                .put("self", c.ctx.root() + AGILE + "/sprint/" + s.id)
                .put("state", s.state)
                .put("name", s.name);
        if (s.start != null) {
            json.put("startDate", JiraJson.agileTimestamp(s.start));
        }
        if (s.end != null) {
            json.put("endDate", JiraJson.agileTimestamp(s.end));
        }
        if (s.completed != null) {
            json.put("completeDate", JiraJson.agileTimestamp(s.completed));
        }
        if (s.created != null) {
            json.put("createdDate", JiraJson.agileTimestamp(s.created));
        }
        return json.put("originBoardId", s.boardId).put("goal", s.goal);
    }

    /** Jira's agile page: maxResults, startAt, total, isLast, values. */
    private static ObjectNode page(Call c, List<JsonNode> items) {
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", 50), 1), 50);
        int end = (int) Math.min((long) startAt + maxResults, items.size());
        ObjectNode page = JiraJson.MAPPER.createObjectNode().put("maxResults", maxResults).put("startAt", startAt)
                .put("total", items.size()).put("isLast", end >= items.size());
        ArrayNode values = page.putArray("values");
        items.subList(Math.min(startAt, items.size()), end).forEach(values::add);
        return page;
    }

    private Reply boards(Call c) {
        String project = c.param("projectKeyOrId");
        List<String> types = c.list("type");
        String name = c.param("name");
        List<JsonNode> found = new ArrayList<>();
        for (Board b : store.boards.values()) {
            if ((project == null || b.project().key.equalsIgnoreCase(project) || b.project().id.equals(project))
                && (types.isEmpty() || types.contains(b.type()))
                && (name == null || b.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
                found.add(board(b, c));
            }
        }
        return Reply.ok(page(c, found));
    }

    private Reply boardSprints(Call c) {
        Board board = board(c.var("board"));
        List<String> states = c.list("state");
        for (String state : states) {
            if (!STATES.contains(state)) {
                throw JiraError.badRequest("The sprint state '" + state + "' is not valid: future, active or closed.");
            }
        }
        List<JsonNode> found = new ArrayList<>();
        store.sprints.values().stream()
                .filter(s -> s.boardId == board.id() && (states.isEmpty() || states.contains(s.state)))
                .forEach(s -> found.add(sprint(s, c)));
        return Reply.ok(page(c, found));
    }

    private Reply createSprint(Call c) {
        ObjectNode body = c.object();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            errors.put("name", "Sprint name is required.");
        }
        JsonNode boardId = body.path("originBoardId");
        if (!boardId.canConvertToInt() || !store.boards.containsKey(boardId.asInt())) {
            errors.put("originBoardId", "Board with id " + boardId.asText() + " does not exist.");
        }
        Instant start = date(body, "startDate", errors);
        Instant end = date(body, "endDate", errors);
        if (!errors.isEmpty()) {
            throw JiraError.fields(errors);
        }
        Sprint sprint = new Sprint(store.nextSprintId(), name, "future", boardId.asInt());
        sprint.start = start;
        sprint.end = end;
        sprint.goal = body.path("goal").asText("");
        sprint.created = store.now();
        store.sprints.put(sprint.id, sprint);
        return Reply.created(sprint(sprint, c));
    }

    /** POST updates the fields given; PUT sets them all (fields not given are cleared). A state change starts or completes it. */
    private Reply updateSprint(Call c, boolean partial) {
        Sprint sprint = sprint(c);
        ObjectNode body = c.object();
        Map<String, String> errors = new LinkedHashMap<>();
        if ("closed".equals(sprint.state)) {
            throw JiraError.badRequest("A closed sprint cannot be updated.");
        }
        String state = body.has("state") ? body.path("state").asText("").toLowerCase(Locale.ROOT) : sprint.state;
        if (!STATES.contains(state) || state.equals("future") && !sprint.state.equals("future")
            || state.equals("closed") && sprint.state.equals("future")) {
            errors.put("state", "The sprint cannot move from " + sprint.state + " to " + state + ".");
        }
        Instant start = body.has("startDate") ? date(body, "startDate", errors) : partial ? sprint.start : null;
        Instant end = body.has("endDate") ? date(body, "endDate", errors) : partial ? sprint.end : null;
        if (state.equals("active") && (start == null || end == null)) {
            errors.put("startDate", "A sprint needs a start and an end date to start.");
        }
        String name = body.has("name") ? body.path("name").asText("") : partial ? sprint.name : "";
        if (name.isBlank()) {
            errors.put("name", "Sprint name is required.");
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(errors);
        }
        sprint.name = name;
        sprint.goal = body.has("goal") ? body.path("goal").asText("") : partial ? sprint.goal : "";
        sprint.start = start;
        sprint.end = end;
        if (state.equals("closed") && !sprint.state.equals("closed")) {
            sprint.completed = store.now();
        }
        sprint.state = state;
        return Reply.ok(sprint(sprint, c));
    }

    private Reply deleteSprint(Call c) {
        Sprint sprint = sprint(c);
        store.sprints.remove(sprint.id);
        String field = store.sprintField().id();
        for (Issue issue : store.issues()) {
            JsonNode ids = issue.custom.get(field);
            if (ids != null) {
                ArrayNode kept = JiraJson.MAPPER.createArrayNode();
                ids.forEach(id -> {
                    if (id.asInt() != sprint.id) {
                        kept.add(id);
                    }
                });
                issue.custom.set(field, kept);
            }
        }
        return Reply.noContent();
    }

    private boolean inSprint(Issue issue, int sprint) {
        JsonNode ids = issue.custom.get(store.sprintField().id());
        if (ids != null) {
            for (JsonNode id : ids) {
                if (id.asInt() == sprint) {
                    return true;
                }
            }
        }
        return false;
    }

    private Reply sprintIssues(Call c) {
        Sprint sprint = sprint(c);
        String jql = c.param("jql");
        JqlFilter.Compiled query = JqlFilter.compile(Jql.parse(jql == null ? "" : jql), store, store.clockNow());
        List<Issue> found = store.issues().stream().filter(i -> inSprint(i, sprint.id)).filter(query.filter())
                .sorted(query.order()).toList();
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", 50), 0), 100);
        FieldSelection selection = FieldSelection.of(c.list("fields"), FieldSelection.ALL);
        ObjectNode answer = JiraJson.MAPPER.createObjectNode().put("expand", "schema,names").put("startAt", startAt)
                .put("maxResults", maxResults).put("total", found.size());
        ArrayNode issues = answer.putArray("issues");
        found.stream().skip(startAt).limit(maxResults).forEach(i -> issues.add(json.issue(i, selection, c.ctx)));
        return Reply.ok(answer);
    }

    /** Moves issues into the sprint; an issue is in one open sprint at a time, so it leaves the others that are not closed. */
    private Reply moveToSprint(Call c) {
        Sprint sprint = sprint(c);
        if (sprint.state.equals("closed")) {
            throw JiraError.badRequest("Issues cannot be moved to a closed sprint.");
        }
        List<Issue> issues = new ArrayList<>();
        for (JsonNode ref : c.object().path("issues")) {
            issues.add(store.issue(ref.asText()).orElseThrow(() -> JiraError.badRequest("Issue " + ref.asText() + " does not exist.")));
        }
        if (issues.isEmpty() || issues.size() > 50) {
            throw JiraError.badRequest("Give between 1 and 50 issues to move.");
        }
        Instant at = store.now();
        String field = store.sprintField().id();
        for (Issue issue : issues) {
            ArrayNode ids = JiraJson.MAPPER.createArrayNode();
            JsonNode old = issue.custom.get(field);
            if (old != null) {
                old.forEach(id -> {
                    Sprint other = store.sprints.get(id.asInt());
                    if (other != null && other.state.equals("closed")) {
                        ids.add(id);
                    }
                });
            }
            ids.add(sprint.id);
            issue.custom.set(field, ids);
            issue.updated = at;
        }
        return Reply.noContent();
    }

    private static Instant date(ObjectNode body, String field, Map<String, String> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        for (java.time.format.DateTimeFormatter format : List.of(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME, JIRA_DATE_TIME)) {
            try {
                return OffsetDateTime.parse(value.asText(), format).toInstant();
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        errors.put(field, "The date '" + value.asText() + "' is not an ISO 8601 date-time.");
        return null;
    }
}
