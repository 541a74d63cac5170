package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.Comment;
import io.jiraspoke.standin.Model.DeletedWorklog;
import io.jiraspoke.standin.Model.HistoryEntry;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Link;
import io.jiraspoke.standin.Model.LinkType;
import io.jiraspoke.standin.Model.Worklog;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Issue links, worklogs and change history: {@code issueLinkType}, {@code issueLink}, an issue's {@code worklog}
 * (and the site-wide {@code worklog/updated}, {@code worklog/deleted} and {@code worklog/list}), Cloud's paged
 * {@code issue/{key}/changelog} and {@code changelog/list}. The history itself is recorded by {@link History}; Data
 * Center reads it through {@code expand=changelog} on the issue.
 */
final class WorkApi {

    private static final DateTimeFormatter JIRA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final int WORKLOGS_DEFAULT = 5000;
    private static final int CHANGELOG_DEFAULT = 100;
    private static final int BULK_MAX = 1000;
    /** worklog/updated and worklog/deleted leave out the last minute, whose changes may still be being written. */
    private static final long SETTLE_MILLIS = 60_000;

    private final Store store;
    private final JiraJson json;
    private final WorkJson work;
    private final Events events;

    WorkApi(Store store, JiraJson json, Events events) {
        this.store = store;
        this.json = json;
        this.work = json.work;
        this.events = events;
    }

    void routes(Router router) {
        String api = "/rest/api/{v}";
        router.add("GET", api + "/issueLinkType", this::linkTypes)
                .add("GET", api + "/issueLinkType/{id}", c -> Reply.ok(work.linkType(linkType(c.var("id"), true), c.ctx)))
                .add("POST", api + "/issueLink", this::addLink)
                .add("GET", api + "/issueLink/{id}", c -> Reply.ok(work.link(link(c), c.ctx)))
                .add("DELETE", api + "/issueLink/{id}", this::deleteLink)
                .add("GET", api + "/issue/{issue}/worklog", this::worklogs)
                .add("POST", api + "/issue/{issue}/worklog", this::addWorklog)
                .add("GET", api + "/issue/{issue}/worklog/{id}", c -> Reply.ok(work.worklog(worklog(c, issue(c)), c.ctx)))
                .add("PUT", api + "/issue/{issue}/worklog/{id}", this::updateWorklog)
                .add("DELETE", api + "/issue/{issue}/worklog/{id}", this::deleteWorklog)
                .add("GET", api + "/worklog/updated", c -> changedWorklogs(c, "/worklog/updated", true))
                .add("GET", api + "/worklog/deleted", c -> changedWorklogs(c, "/worklog/deleted", false))
                .add("POST", api + "/worklog/list", this::worklogList)
                .add("GET", api + "/issue/{issue}/changelog", this::changelog)
                .add("POST", api + "/issue/{issue}/changelog/list", this::changelogList);
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    private Issue issue(Call c) {
        return store.issue(c.var("issue")).orElseThrow(JiraError::issueNotFound);
    }

    private static int nonNegative(Call c, String name, int defaultValue) {
        return Math.max(c.intParam(name, defaultValue), 0);
    }

    // links

    private Reply linkTypes(Call c) {
        ObjectNode answer = JiraJson.MAPPER.createObjectNode();
        ArrayNode types = answer.putArray("issueLinkTypes");
        WorkJson.LINK_TYPES.forEach(t -> types.add(work.linkType(t, c.ctx)));
        return Reply.ok(answer);
    }

    private static LinkType linkType(String ref, boolean byId) {
        return WorkJson.LINK_TYPES.stream().filter(t -> byId ? t.id().equals(ref) : t.name().equalsIgnoreCase(ref)).findFirst()
                .orElseThrow(() -> JiraError.message(404, "No issue link type with " + (byId ? "id" : "name") + " '" + ref + "' found."));
    }

    /** POST issueLink: {@code inwardIssue} [outward] {@code outwardIssue}; the comment goes on the outward issue. */
    private Reply addLink(Call c) {
        ObjectNode body = c.object();
        JsonNode typeRef = body.path("type");
        if (!typeRef.isObject() || !typeRef.path("id").isValueNode() && !typeRef.path("name").isTextual()) {
            throw JiraError.badRequest("The issue link type must be given by 'id' or 'name'.");
        }
        LinkType type = typeRef.path("id").isValueNode() ? linkType(typeRef.path("id").asText(), true) : linkType(typeRef.path("name").asText(), false);
        Issue source = linkedIssue(body, "inwardIssue");
        Issue destination = linkedIssue(body, "outwardIssue");
        if (source == destination) {
            throw JiraError.badRequest("You cannot link an issue to itself.");
        }
        Instant at = store.now();
        Comment comment = body.hasNonNull("comment") ? comment(destination, body.path("comment"), c, at) : null;
        boolean exists = source.links.stream().anyMatch(l -> l.type().equals(type) && l.source() == source && l.destination() == destination);
        // A link that exists already is not made twice; Jira answers 201 all the same (and still adds the comment).
        if (!exists) {
            Link link = new Link(store.nextLinkId(), type, source, destination);
            source.links.add(link);
            destination.links.add(link);
            source.updated = at;
        }
        if (comment != null) {
            destination.comments.add(comment);
            events.comment("comment_created", destination, comment);
        }
        if (!exists || comment != null) {
            destination.updated = at;
        }
        return new Reply(201, null, null, null, Map.of());
    }

    private Issue linkedIssue(ObjectNode body, String side) {
        JsonNode ref = body.path(side);
        String idOrKey = ref.path("id").isValueNode() ? ref.path("id").asText() : ref.path("key").asText(null);
        if (idOrKey == null) {
            throw JiraError.badRequest("The '" + side + "' must be given by 'id' or 'key'.");
        }
        return store.issue(idOrKey).orElseThrow(() -> JiraError.message(404, "Issue Does Not Exist: " + idOrKey));
    }

    private Comment comment(Issue issue, JsonNode request, Call c, Instant at) {
        JsonNode body = request.path("body");
        JsonNode text = richText(body, c);
        if (text == null) {
            throw JiraError.fields(Map.of("comment", "Comment body can not be empty!"));
        }
        Comment comment = new Comment(store.nextCommentId(), issue, store.me(), text, at);
        comment.visibility = visibility(request, "commentLevel");
        return comment;
    }

    private Link link(Call c) {
        String id = c.var("id");
        return store.issues().stream().flatMap(i -> i.links.stream()).filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> JiraError.message(404, "No issue link with id '" + id + "' exists."));
    }

    private Reply deleteLink(Call c) {
        Link link = link(c);
        // Both issues lose the link: both get a history entry, which History records for the issues it watches.
        store.history.watch(link.source());
        store.history.watch(link.destination());
        link.source().links.remove(link);
        link.destination().links.remove(link);
        Instant at = store.now();
        link.source().updated = at;
        link.destination().updated = at;
        return Reply.noContent();
    }

    // worklogs

    private Reply worklogs(Call c) {
        Issue issue = issue(c);
        int startAt = nonNegative(c, "startAt", 0);
        Long after = millis(c, "startedAfter");
        Long before = millis(c, "startedBefore");
        List<Worklog> all = issue.worklogs.stream()
                .filter(w -> after == null || w.started.toEpochMilli() >= after)
                .filter(w -> before == null || w.started.toEpochMilli() <= before)
                .toList();
        // Data Center answers every worklog, and says so in maxResults.
        int maxResults = cloud() ? Math.min(nonNegative(c, "maxResults", WORKLOGS_DEFAULT), WORKLOGS_DEFAULT) : Math.max(all.size(), 1);
        List<Worklog> page = all.subList(Math.min(startAt, all.size()), (int) Math.min((long) startAt + maxResults, all.size()));
        return Reply.ok(work.worklogPage(page, startAt, maxResults, all.size(), c.ctx));
    }

    private static Long millis(Call c, String name) {
        String value = c.param(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw JiraError.badRequest("The value '" + value + "' is not valid for the parameter '" + name + "'.");
        }
        return Long.parseLong(value);
    }

    private Worklog worklog(Call c, Issue issue) {
        String id = c.var("id");
        return issue.worklogs.stream().filter(w -> w.id.equals(id)).findFirst()
                .orElseThrow(() -> JiraError.message(404, "Cannot find worklog with id: " + id + "."));
    }

    /** What a worklog request asks for, checked before anything changes. */
    private record WorklogInput(Long seconds, Instant started, JsonNode comment, boolean hasComment, ObjectNode visibility,
                                boolean hasVisibility) {}

    private WorklogInput worklogInput(ObjectNode body, Call c, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode spent = body.get("timeSpent");
        JsonNode spentSeconds = body.get("timeSpentSeconds");
        boolean hasSpent = spent != null && !spent.isNull();
        boolean hasSeconds = spentSeconds != null && !spentSeconds.isNull();
        Long seconds = null;
        if (hasSpent && hasSeconds) {
            errors.put("timeLogged", "Provide either timeSpent or timeSpentSeconds, not both.");
        } else if (hasSpent) {
            seconds = spent.isTextual() ? WorkJson.parseDuration(spent.asText()) : null;
            if (seconds == null || seconds <= 0) {
                errors.put("timeLogged", "Invalid time duration entered.");
            }
        } else if (hasSeconds) {
            seconds = spentSeconds.canConvertToLong() && spentSeconds.isIntegralNumber() ? spentSeconds.asLong() : null;
            if (seconds == null || seconds <= 0) {
                errors.put("timeLogged", "Invalid time duration entered.");
            }
        } else if (creating) {
            errors.put("timeLogged", "You must indicate the time spent working.");
        }
        Instant started = null;
        JsonNode startedNode = body.get("started");
        if (startedNode != null && !startedNode.isNull()) {
            started = dateTime(startedNode);
            if (started == null) {
                errors.put("startDate", "Invalid date format. Please enter the date in the format \"yyyy-MM-dd'T'HH:mm:ss.SSSZ\".");
            }
        } else if (creating) {
            errors.put("startDate", "You must specify a start date for the work.");
        }
        JsonNode comment = null;
        boolean hasComment = body.has("comment");
        if (hasComment && !body.get("comment").isNull()) {
            comment = richText(body.get("comment"), c);
            if (comment == null) {
                errors.put("comment", cloud() && c.ctx.api() == 3
                        ? "Comment is not valid! The comment of a worklog must be an Atlassian Document (ADF) on REST v3."
                        : "Comment must be a string on REST v2.");
            }
        }
        ObjectNode visibility = null;
        boolean hasVisibility = body.has("visibility");
        if (hasVisibility) {
            try {
                visibility = visibility(body, "worklog");
            } catch (JiraError e) {
                errors.putAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(errors);
        }
        return new WorklogInput(seconds, started, comment, hasComment, visibility, hasVisibility);
    }

    private static Instant dateTime(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText(), JIRA_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.asText()).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** A new remaining estimate, as {@code adjustEstimate} says; {@code delta} is the time logged (negative: given back). */
    private interface Estimate {
        void apply(Issue issue);
    }

    private Estimate estimate(Call c, long delta, String manualParameter) {
        String mode = c.param("adjustEstimate") == null ? "auto" : c.param("adjustEstimate");
        switch (mode) {
            case "auto" -> {
                return issue -> {
                    if (issue.remainingEstimate != null) {
                        issue.remainingEstimate = Math.max(0, issue.remainingEstimate - delta);
                    }
                };
            }
            case "leave" -> {
                return issue -> { };
            }
            case "new" -> {
                Long estimate = WorkJson.parseDuration(c.param("newEstimate"));
                if (estimate == null) {
                    throw JiraError.fields(Map.of("newEstimate", "You must supply a valid new estimate."));
                }
                return issue -> issue.remainingEstimate = estimate;
            }
            case "manual" -> {
                Long by = WorkJson.parseDuration(c.param(manualParameter));
                if (by == null) {
                    throw JiraError.fields(Map.of(manualParameter, "You must supply a valid amount of time to adjust the estimate by."));
                }
                long signed = delta < 0 ? -by : by;
                return issue -> issue.remainingEstimate = Math.max(0, (issue.remainingEstimate == null ? 0 : issue.remainingEstimate) - signed);
            }
            default -> throw JiraError.badRequest("Invalid value for adjustEstimate: '" + mode + "'; allowed: new, leave, manual, auto.");
        }
    }

    private Reply addWorklog(Call c) {
        Issue issue = issue(c);
        WorklogInput input = worklogInput(c.object(), c, true);
        Estimate estimate = estimate(c, input.seconds(), "reduceBy");
        Instant at = store.now();
        Worklog w = new Worklog(store.nextWorklogId(), issue, store.me(), at);
        w.timeSpentSeconds = input.seconds();
        w.started = input.started();
        w.comment = input.comment();
        w.visibility = input.visibility();
        issue.worklogs.add(w);
        estimate.apply(issue);
        issue.updated = at;
        events.issue("jira:issue_updated", "issue_work_logged", issue, null);
        return Reply.created(work.worklog(w, c.ctx));
    }

    private Reply updateWorklog(Call c) {
        Issue issue = issue(c);
        Worklog w = worklog(c, issue);
        WorklogInput input = worklogInput(c.object(), c, false);
        long seconds = input.seconds() == null ? w.timeSpentSeconds : input.seconds();
        Estimate estimate = estimate(c, seconds - w.timeSpentSeconds, "reduceBy");
        Instant at = store.now();
        w.timeSpentSeconds = seconds;
        if (input.started() != null) {
            w.started = input.started();
        }
        if (input.hasComment()) {
            w.comment = input.comment();
        }
        if (input.hasVisibility()) {
            w.visibility = input.visibility();
        }
        w.updateAuthor = store.me();
        w.updated = at;
        estimate.apply(issue);
        issue.updated = at;
        events.issue("jira:issue_updated", "issue_worklog_updated", issue, null);
        return Reply.ok(work.worklog(w, c.ctx));
    }

    private Reply deleteWorklog(Call c) {
        Issue issue = issue(c);
        Worklog w = worklog(c, issue);
        Estimate estimate = estimate(c, -w.timeSpentSeconds, "increaseBy");
        Instant at = store.now();
        issue.worklogs.remove(w);
        store.deletedWorklogs.add(new DeletedWorklog(w.id, at));
        estimate.apply(issue);
        issue.updated = at;
        events.issue("jira:issue_updated", "issue_worklog_deleted", issue, null);
        return Reply.noContent();
    }

    /**
     * worklog/updated and worklog/deleted: the worklogs changed (or deleted) after {@code since}, oldest first, a
     * thousand a page, up to a minute ago; {@code until} and {@code nextPage} continue from the last one.
     */
    private Reply changedWorklogs(Call c, String path, boolean updated) {
        long since = Math.max(millis(c, "since") == null ? 0 : millis(c, "since"), 0);
        long settled = store.clockNow().toEpochMilli() - SETTLE_MILLIS;
        record Change(String id, long at) {}
        List<Change> changes = new ArrayList<>();
        if (updated) {
            for (Issue issue : store.issues()) {
                issue.worklogs.forEach(w -> changes.add(new Change(w.id, w.updated.toEpochMilli())));
            }
        } else {
            store.deletedWorklogs.forEach(d -> changes.add(new Change(d.id(), d.at().toEpochMilli())));
        }
        List<Change> after = changes.stream().filter(ch -> ch.at() > since && ch.at() <= settled)
                .sorted(Comparator.comparingLong(Change::at).thenComparingLong(ch -> Long.parseLong(ch.id()))).toList();
        List<Change> page = after.subList(0, Math.min(BULK_MAX, after.size()));
        long until = page.isEmpty() ? since : page.get(page.size() - 1).at();
        ObjectNode answer = JiraJson.MAPPER.createObjectNode();
        ArrayNode values = answer.putArray("values");
        for (Change ch : page) {
            ObjectNode v = values.addObject().put("worklogId", Long.parseLong(ch.id())).put("updatedTime", ch.at());
            v.putArray("properties");
        }
        answer.put("since", since).put("until", until).put("self", c.ctx.apiUrl() + path + "?since=" + since);
        boolean last = page.size() == after.size();
        if (!last) {
            answer.put("nextPage", c.ctx.apiUrl() + path + "?since=" + until);
        }
        return Reply.ok(answer.put("lastPage", last));
    }

    private Reply worklogList(Call c) {
        Set<String> ids = ids(c.object(), "ids");
        ArrayNode answer = JiraJson.MAPPER.createArrayNode();
        for (Issue issue : store.issues()) {
            issue.worklogs.stream().filter(w -> ids.contains(w.id)).forEach(w -> answer.add(work.worklog(w, c.ctx)));
        }
        return Reply.ok(answer);
    }

    private static Set<String> ids(ObjectNode body, String field) {
        JsonNode list = body.path(field);
        if (!list.isArray()) {
            throw JiraError.badRequest("The request needs '" + field + "', a list of ids.");
        }
        if (list.size() > BULK_MAX) {
            throw JiraError.badRequest("Too many ids: at most " + BULK_MAX + " can be asked for at once.");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode id : list) {
            if (!id.isIntegralNumber() && !(id.isTextual() && ID.matcher(id.asText()).matches())) {
                throw JiraError.badRequest("The id '" + id.asText() + "' in '" + field + "' is not a number.");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    // change history

    /** Cloud's paged changelog of an issue, oldest first; Data Center has none (it expands the issue instead). */
    private Reply changelog(Call c) {
        if (!cloud()) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        Issue issue = issue(c);
        int startAt = nonNegative(c, "startAt", 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", CHANGELOG_DEFAULT), 1), CHANGELOG_DEFAULT);
        List<HistoryEntry> all = issue.history;
        int end = (int) Math.min((long) startAt + maxResults, all.size());
        String path = c.ctx.apiUrl() + "/issue/" + issue.key + "/changelog";
        ObjectNode page = JiraJson.MAPPER.createObjectNode().put("self", path + "?startAt=" + startAt + "&maxResults=" + maxResults);
        if (end < all.size()) {
            page.put("nextPage", path + "?startAt=" + end + "&maxResults=" + maxResults);
        }
        page.put("maxResults", maxResults).put("startAt", startAt).put("total", all.size()).put("isLast", end >= all.size());
        ArrayNode values = page.putArray("values");
        all.subList(Math.min(startAt, all.size()), end).forEach(h -> values.add(work.history(h, c.ctx)));
        return Reply.ok(page);
    }

    private Reply changelogList(Call c) {
        if (!cloud()) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        Issue issue = issue(c);
        Set<String> ids = ids(c.object(), "changelogIds");
        List<HistoryEntry> found = issue.history.stream().filter(h -> ids.contains(h.id())).toList();
        return Reply.ok(work.changelogPage(found, 0, found.size(), c.ctx));
    }

    // request parts shared by comments and worklogs

    /** Rich text as the request's API takes it (ADF on Cloud's v3, a string on v2); null when it is not that. */
    private JsonNode richText(JsonNode value, Call c) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (cloud() && c.ctx.api() == 3) {
            return Adf.isDocument(value) ? value : null;
        }
        if (!value.isTextual()) {
            return null;
        }
        return cloud() ? Adf.fromText(value.asText()) : value;
    }

    private static ObjectNode visibility(JsonNode body, String errorKey) {
        JsonNode v = body.get("visibility");
        if (v == null || v.isNull()) {
            return null;
        }
        String type = v.path("type").asText("");
        if (!type.equals("role") && !type.equals("group") || v.path("value").asText("").isEmpty() && v.path("identifier").asText("").isEmpty()) {
            throw JiraError.fields(Map.of(errorKey, "You are currently not a member of the project role or group: " + v.path("value").asText("")));
        }
        return v.deepCopy();
    }
}
