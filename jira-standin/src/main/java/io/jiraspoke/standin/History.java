package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.Attachment;
import io.jiraspoke.standin.Model.CustomField;
import io.jiraspoke.standin.Model.HistoryEntry;
import io.jiraspoke.standin.Model.HistoryItem;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Link;
import io.jiraspoke.standin.Model.Sprint;
import io.jiraspoke.standin.Model.User;
import io.jiraspoke.standin.Model.Worklog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Records an issue's change history the way Jira does, one entry per request that changed it. Every issue a request
 * looks up is described before the handler runs; once the request has succeeded, each is described again and the
 * differences become the entry's items. Handlers need not say what they changed, so no change (an edit, a
 * transition, an assignment, an attachment, a link, a worklog, a sprint move) can be left out of the history.
 */
final class History {

    /** A field's value as the history shows it: the raw value ({@code from}/{@code to}) and its text. */
    private record Value(String field, String fieldtype, String fieldId, String raw, String text) {}

    private record Snapshot(Instant updated, Map<String, Value> values) {}

    private final Store store;
    private final Map<Issue, Snapshot> watched = new IdentityHashMap<>();
    private final List<Issue> order = new ArrayList<>();
    private boolean recording;

    History(Store store) {
        this.store = store;
    }

    /** A request starts: issues looked up from now on are watched. */
    void begin() {
        end();
        recording = true;
    }

    /** Describes the issue as it is before the request changes it (the first lookup counts). */
    void watch(Issue issue) {
        if (recording && !watched.containsKey(issue)) {
            watched.put(issue, snapshot(issue));
            order.add(issue);
        }
    }

    /** The request succeeded: each watched issue that changed gets a history entry, and is updated then. */
    void commit() {
        recording = false;
        for (Issue issue : order) {
            Snapshot before = watched.get(issue);
            if (store.issue(issue.id).isEmpty()) {
                continue; // deleted: Jira keeps no history of a deleted issue
            }
            List<HistoryItem> items = diff(before.values(), snapshot(issue).values());
            if (items.isEmpty()) {
                continue;
            }
            Instant at = issue.updated.isAfter(before.updated()) ? issue.updated : store.now();
            issue.updated = at;
            issue.history.add(new HistoryEntry(store.nextHistoryId(), store.me(), at, List.copyOf(items)));
        }
        end();
    }

    /** The request is over, or failed: nothing it looked up is watched any more. */
    void end() {
        recording = false;
        watched.clear();
        order.clear();
    }

    private static List<HistoryItem> diff(Map<String, Value> before, Map<String, Value> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<HistoryItem> items = new ArrayList<>();
        for (String key : keys) {
            Value from = before.get(key);
            Value to = after.get(key);
            String fromRaw = from == null ? null : from.raw();
            String fromText = from == null ? null : from.text();
            String toRaw = to == null ? null : to.raw();
            String toText = to == null ? null : to.text();
            if (Objects.equals(fromRaw, toRaw) && Objects.equals(fromText, toText)) {
                continue;
            }
            Value named = to != null ? to : from;
            items.add(new HistoryItem(named.field(), named.fieldtype(), named.fieldId(), fromRaw, fromText, toRaw, toText));
        }
        return items;
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    private Snapshot snapshot(Issue issue) {
        Map<String, Value> v = new LinkedHashMap<>();
        jira(v, "summary", null, issue.summary);
        jira(v, "description", null, text(issue.description));
        jira(v, "environment", null, text(issue.environment));
        jira(v, "issuetype", issue.type.id(), issue.type.name());
        jira(v, "priority", issue.priority == null ? null : issue.priority.id(), issue.priority == null ? null : issue.priority.name());
        jira(v, "status", issue.status.id(), issue.status.name());
        jira(v, "resolution", issue.resolution == null ? null : issue.resolution.id(), issue.resolution == null ? null : issue.resolution.name());
        jira(v, "assignee", userRef(issue.assignee), issue.assignee == null ? null : issue.assignee.displayName());
        jira(v, "reporter", userRef(issue.reporter), issue.reporter == null ? null : issue.reporter.displayName());
        jira(v, "labels", null, issue.labels.isEmpty() ? null : String.join(" ", issue.labels));
        jira(v, "duedate", issue.dueDate, issue.dueDate == null ? null : issue.dueDate + " 00:00:00.0");
        jira(v, "timeoriginalestimate", seconds(issue.originalEstimate), seconds(issue.originalEstimate));
        jira(v, "timeestimate", seconds(issue.remainingEstimate), seconds(issue.remainingEstimate));
        long spent = issue.worklogs.stream().mapToLong(w -> w.timeSpentSeconds).sum();
        jira(v, "timespent", spent == 0 ? null : String.valueOf(spent), spent == 0 ? null : String.valueOf(spent));
        for (CustomField field : store.customFields) {
            custom(v, field, issue.custom.get(field.id()));
        }
        for (Attachment a : issue.attachments) {
            v.put("attachment:" + a.id(), new Value("Attachment", "jira", cloud() ? "attachment" : null, a.id(), a.filename()));
        }
        for (Worklog w : issue.worklogs) {
            v.put("worklog:" + w.id, new Value("WorklogId", "jira", cloud() ? "worklogId" : null, w.id, w.id));
        }
        for (Link link : issue.links) {
            Issue other = link.other(issue);
            String verb = link.source() == issue ? link.type().outward() : link.type().inward();
            v.put("link:" + link.id(), new Value("Link", "jira", null, other.key, "This issue " + verb + " " + other.key));
        }
        return new Snapshot(issue.updated, v);
    }

    private void jira(Map<String, Value> v, String field, String raw, String text) {
        v.put(field, new Value(field, "jira", cloud() ? field : null, raw, text));
    }

    private void custom(Map<String, Value> v, CustomField field, JsonNode stored) {
        String raw = null;
        String text = null;
        if (stored != null && !stored.isNull()) {
            switch (field.kind()) {
                case OPTION -> {
                    raw = JiraJson.optionId(field, stored.asText());
                    text = stored.asText();
                }
                case USER -> {
                    User user = store.user(stored.asText()).orElse(null);
                    raw = user == null ? stored.asText() : userRef(user);
                    text = user == null ? stored.asText() : user.displayName();
                }
                case SPRINT -> {
                    StringJoiner ids = new StringJoiner(", ");
                    StringJoiner names = new StringJoiner(", ");
                    for (JsonNode id : stored) {
                        Sprint sprint = store.sprints.get(id.asInt());
                        ids.add(id.asText());
                        names.add(sprint == null ? id.asText() : sprint.name);
                    }
                    raw = ids.toString();
                    text = names.toString();
                }
                case LABELS -> {
                    StringJoiner labels = new StringJoiner(" ");
                    stored.forEach(l -> labels.add(l.asText()));
                    text = labels.toString();
                }
                case DATE, DATETIME -> {
                    raw = stored.asText();
                    text = stored.asText();
                }
                default -> text = stored.asText();
            }
        }
        v.put(field.id(), new Value(field.name(), "custom", cloud() ? field.id() : null, raw, text));
    }

    /** Cloud's history names users by account id, Data Center's by user key. */
    private String userRef(User user) {
        return user == null ? null : cloud() ? user.accountId() : user.key();
    }

    private String text(JsonNode rich) {
        if (rich == null || rich.isNull()) {
            return null;
        }
        return rich.isTextual() ? rich.asText() : Adf.toText(rich);
    }

    private static String seconds(Long seconds) {
        return seconds == null ? null : String.valueOf(seconds);
    }
}
