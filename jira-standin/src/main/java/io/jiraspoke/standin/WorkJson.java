package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.JiraJson.Ctx;
import io.jiraspoke.standin.Model.HistoryEntry;
import io.jiraspoke.standin.Model.HistoryItem;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Link;
import io.jiraspoke.standin.Model.LinkType;
import io.jiraspoke.standin.Model.Worklog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders links, worklogs, time tracking and change history in Jira's shapes (Cloud v3 and v2, Data Center v2),
 * and reads and writes Jira's durations ({@code 3h 20m}).
 */
final class WorkJson {

    /** Jira's default link types, the same on Cloud and Data Center. */
    static final List<LinkType> LINK_TYPES = List.of(
            new LinkType("10000", "Blocks", "is blocked by", "blocks"),
            new LinkType("10001", "Cloners", "is cloned by", "clones"),
            new LinkType("10002", "Duplicate", "is duplicated by", "duplicates"),
            new LinkType("10003", "Relates", "relates to", "relates to"));

    /** How many worklogs an issue's {@code worklog} field embeds, as Jira does. */
    private static final int EMBEDDED_WORKLOGS = 20;
    private static final int CLOUD_EXPANDED_CHANGELOG = 100;
    /** Jira's default time tracking: a day is 8 hours, a week 5 days. */
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 8 * HOUR;
    private static final long WEEK = 5 * DAY;
    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,9}(?:[.,]\\d{1,4})?)\\s*([wdhm])\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINUTES = Pattern.compile("\\d{1,9}");

    private final Store store;
    private final JiraJson json;

    WorkJson(Store store, JiraJson json) {
        this.store = store;
        this.json = json;
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    // durations

    /** Seconds of a Jira duration ({@code 1w 2d 3h 20m}, {@code 1.5h}, a bare number of minutes); null when unreadable. */
    static Long parseDuration(String text) {
        String s = text == null ? "" : text.strip();
        if (MINUTES.matcher(s).matches()) {
            return Long.parseLong(s) * MINUTE;
        }
        Matcher m = DURATION_PART.matcher(s);
        int at = 0;
        BigDecimal seconds = BigDecimal.ZERO;
        while (at < s.length() && m.find(at) && m.start() == at) {
            long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "w" -> WEEK;
                case "d" -> DAY;
                case "h" -> HOUR;
                default -> MINUTE;
            };
            seconds = seconds.add(new BigDecimal(m.group(1).replace(',', '.')).multiply(BigDecimal.valueOf(unit)));
            at = m.end();
        }
        return s.isEmpty() || at < s.length() ? null : seconds.longValue();
    }

    /** A duration as Jira writes it: {@code 3h 20m}, {@code 1d}, {@code 2w 1d 30m}; seconds below a minute are dropped. */
    static String formatDuration(long seconds) {
        StringBuilder out = new StringBuilder();
        long rest = seconds;
        for (long unit : new long[] {WEEK, DAY, HOUR, MINUTE}) {
            if (rest >= unit) {
                out.append(out.length() == 0 ? "" : " ").append(rest / unit).append(unit == WEEK ? 'w' : unit == DAY ? 'd' : unit == HOUR ? 'h' : 'm');
                rest %= unit;
            }
        }
        return out.length() == 0 ? "0m" : out.toString();
    }

    // links

    ObjectNode linkType(LinkType type, Ctx ctx) {
        return JiraJson.MAPPER.createObjectNode()
                .put("id", type.id())
                .put("name", type.name())
                .put("inward", type.inward())
                .put("outward", type.outward())
                .put("self", ctx.apiUrl() + "/issueLinkType/" + type.id());
    }

    /** The other issue of a link, with the few fields Jira shows there. */
    ObjectNode linkedIssue(Issue issue, Ctx ctx) {
        ObjectNode linked = JiraJson.MAPPER.createObjectNode()
                .put("id", issue.id)
                .put("key", issue.key)
                .put("self", ctx.apiUrl() + "/issue/" + issue.id);
        ObjectNode fields = linked.putObject("fields").put("summary", issue.summary);
        fields.set("status", json.status(issue.status, ctx));
        fields.set("priority", json.priority(issue.priority, ctx));
        fields.set("issuetype", json.issueType(issue.type, ctx));
        return linked;
    }

    /** An issue's {@code issuelinks} field: each link with the other issue, named by the side it is on. */
    ArrayNode issueLinks(Issue issue, Ctx ctx) {
        ArrayNode links = JiraJson.MAPPER.createArrayNode();
        for (Link link : issue.links) {
            ObjectNode out = links.addObject()
                    .put("id", link.id())
                    .put("self", ctx.apiUrl() + "/issueLink/" + link.id());
            out.set("type", linkType(link.type(), ctx));
            if (link.source() == issue) {
                out.set("outwardIssue", linkedIssue(link.destination(), ctx));
            } else {
                out.set("inwardIssue", linkedIssue(link.source(), ctx));
            }
        }
        return links;
    }

    /** A link as GET issueLink/{id} answers it: the source is the inward issue, the destination the outward one. */
    ObjectNode link(Link link, Ctx ctx) {
        ObjectNode out = JiraJson.MAPPER.createObjectNode()
                .put("id", link.id())
                .put("self", ctx.apiUrl() + "/issueLink/" + link.id());
        out.set("type", linkType(link.type(), ctx));
        out.set("inwardIssue", linkedIssue(link.source(), ctx));
        out.set("outwardIssue", linkedIssue(link.destination(), ctx));
        return out;
    }

    // worklogs and time tracking

    ObjectNode worklog(Worklog w, Ctx ctx) {
        ObjectNode out = JiraJson.MAPPER.createObjectNode()
                .put("self", ctx.apiUrl() + "/issue/" + w.issue.id + "/worklog/" + w.id);
        out.set("author", json.user(w.author, ctx));
        out.set("updateAuthor", json.user(w.updateAuthor, ctx));
        if (w.comment != null) {
            out.set("comment", json.richText(w.comment, ctx));
        } else if (!cloud()) {
            // Data Center answers an empty comment rather than none
            out.put("comment", "");
        }
        out.put("created", JiraJson.timestamp(w.created))
                .put("updated", JiraJson.timestamp(w.updated))
                .put("started", JiraJson.timestamp(w.started))
                .put("timeSpent", formatDuration(w.timeSpentSeconds))
                .put("timeSpentSeconds", w.timeSpentSeconds)
                .put("id", w.id)
                .put("issueId", w.issue.id);
        if (w.visibility != null) {
            out.set("visibility", w.visibility);
        }
        return out;
    }

    ObjectNode worklogPage(List<Worklog> page, int startAt, int maxResults, int total, Ctx ctx) {
        ObjectNode out = JiraJson.MAPPER.createObjectNode().put("startAt", startAt).put("maxResults", maxResults).put("total", total);
        ArrayNode worklogs = out.putArray("worklogs");
        page.forEach(w -> worklogs.add(worklog(w, ctx)));
        return out;
    }

    static long timeSpent(Issue issue) {
        return issue.worklogs.stream().mapToLong(w -> w.timeSpentSeconds).sum();
    }

    /** The time tracking fields of an issue: timetracking, the time fields, progress, workratio and worklog. */
    void timeFields(Issue issue, ObjectNode f, Ctx ctx) {
        long spent = timeSpent(issue);
        ObjectNode tracking = f.putObject("timetracking");
        if (issue.originalEstimate != null) {
            tracking.put("originalEstimate", formatDuration(issue.originalEstimate));
        }
        if (issue.remainingEstimate != null) {
            tracking.put("remainingEstimate", formatDuration(issue.remainingEstimate));
        }
        if (spent > 0) {
            tracking.put("timeSpent", formatDuration(spent));
        }
        if (issue.originalEstimate != null) {
            tracking.put("originalEstimateSeconds", issue.originalEstimate);
        }
        if (issue.remainingEstimate != null) {
            tracking.put("remainingEstimateSeconds", issue.remainingEstimate);
        }
        if (spent > 0) {
            tracking.put("timeSpentSeconds", spent);
        }
        for (String prefix : List.of("", "aggregate")) {
            number(f, prefix + "timespent", spent > 0 ? spent : null);
            number(f, prefix + "timeoriginalestimate", issue.originalEstimate);
            number(f, prefix + "timeestimate", issue.remainingEstimate);
            long remaining = issue.remainingEstimate == null ? 0 : issue.remainingEstimate;
            ObjectNode progress = f.putObject(prefix.isEmpty() ? "progress" : "aggregateprogress")
                    .put("progress", spent).put("total", spent + remaining);
            if (spent + remaining > 0) {
                progress.put("percent", spent * 100 / (spent + remaining));
            }
        }
        f.put("workratio", issue.originalEstimate == null || issue.originalEstimate == 0 ? -1 : spent * 100 / issue.originalEstimate);
        List<Worklog> embedded = issue.worklogs.subList(0, Math.min(EMBEDDED_WORKLOGS, issue.worklogs.size()));
        f.set("worklog", worklogPage(embedded, 0, EMBEDDED_WORKLOGS, issue.worklogs.size(), ctx));
    }

    private static void number(ObjectNode f, String field, Long value) {
        if (value == null) {
            f.putNull(field);
        } else {
            f.put(field, value);
        }
    }

    // history

    ObjectNode history(HistoryEntry entry, Ctx ctx) {
        ObjectNode out = JiraJson.MAPPER.createObjectNode().put("id", entry.id());
        out.set("author", json.user(entry.author(), ctx));
        out.put("created", JiraJson.timestamp(entry.created()));
        ArrayNode items = out.putArray("items");
        for (HistoryItem item : entry.items()) {
            ObjectNode i = items.addObject().put("field", item.field()).put("fieldtype", item.fieldtype());
            if (cloud() && item.fieldId() != null) {
                i.put("fieldId", item.fieldId());
            }
            i.put("from", item.from()).put("fromString", item.fromText()).put("to", item.to()).put("toString", item.toText());
        }
        return out;
    }

    /**
     * The {@code changelog} that {@code expand=changelog} adds to an issue: Jira's PageOfChangelogs, oldest first;
     * Cloud's holds the latest 100 entries, Data Center's all of them.
     */
    ObjectNode expandedChangelog(Issue issue, Ctx ctx) {
        List<HistoryEntry> all = issue.history;
        int from = cloud() ? Math.max(0, all.size() - CLOUD_EXPANDED_CHANGELOG) : 0;
        return changelogPage(all.subList(from, all.size()), from, all.size(), ctx);
    }

    /** A PageOfChangelogs of these entries. */
    ObjectNode changelogPage(List<HistoryEntry> entries, int startAt, int total, Ctx ctx) {
        ObjectNode page = JiraJson.MAPPER.createObjectNode().put("startAt", startAt).put("maxResults", entries.size()).put("total", total);
        ArrayNode histories = page.putArray("histories");
        entries.forEach(h -> histories.add(history(h, ctx)));
        return page;
    }
}
