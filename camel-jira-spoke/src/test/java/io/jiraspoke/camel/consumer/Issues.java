package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.client.JiraJson;

/**
 * A project's worth of issues as Jira's search returns them, and the answers to {@code /search/jql} (Cloud,
 * nextPageToken) and {@code /search} (Data Center, startAt) serving them page by page.
 */
final class Issues {

    static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    /** One issue version: id, key and the instant Jira last updated it. */
    record Issue(String id, String key, Instant updated) {

        Issue touched(Instant when) {
            return new Issue(id, key, when);
        }

        String jiraUpdated() {
            return JIRA_TIME.format(updated);
        }

        long millis() {
            return updated.toEpochMilli();
        }
    }

    private Issues() {
    }

    /**
     * {@code count} issues of project ABC (ABC-1 ... ABC-count, ids 10001 ...), one minute apart, oldest first; the
     * newest was updated {@code newestAgoMinutes} before now.
     */
    static List<Issue> project(int count, int newestAgoMinutes) {
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(newestAgoMinutes, ChronoUnit.MINUTES);
        List<Issue> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Issue(String.valueOf(10001 + i), "ABC-" + (i + 1),
                    newest.minus(count - 1 - i, ChronoUnit.MINUTES)));
        }
        return out;
    }

    static List<Issue> where(List<Issue> issues, Predicate<Issue> p) {
        return issues.stream().filter(p).toList();
    }

    /** An issue as Jira's search answers it, with the navigable fields a consumer typically gets. */
    static ObjectNode json(Issue issue, boolean cloud) {
        ObjectNode n = JiraJson.MAPPER.createObjectNode();
        n.put("expand", "operations,versionedRepresentations,editmeta,changelog,renderedFields");
        n.put("id", issue.id());
        n.put("self", "https://example.atlassian.net/rest/api/" + (cloud ? 3 : 2) + "/issue/" + issue.id());
        n.put("key", issue.key());
        ObjectNode f = n.putObject("fields");
        f.put("summary", "Summary of " + issue.key());
        f.putObject("issuetype").put("id", "10001").put("name", "Task").put("subtask", false);
        f.putObject("project").put("id", "10000").put("key", "ABC").put("name", "Alpha Beta Gamma");
        f.putObject("status").put("id", "10000").put("name", "To Do");
        f.putObject("priority").put("id", "3").put("name", "Medium");
        f.putObject("reporter").put(cloud ? "accountId" : "name", cloud ? "5b10a2844c20165700ede21g" : "jdoe")
                .put("displayName", "Jane Doe");
        f.putNull("assignee");
        f.put("created", "2026-01-05T09:00:00.000+0000");
        f.put("updated", issue.jiraUpdated());
        return n;
    }

    /** A Cloud {@code /search/jql} page; {@code nextPageToken} null on the last page. */
    static String cloudPage(List<Issue> page, String nextPageToken) {
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        ArrayNode a = body.putArray("issues");
        page.forEach(i -> a.add(json(i, true)));
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
            body.put("isLast", false);
        } else {
            body.put("isLast", true);
        }
        return body.toString();
    }

    /** A Data Center {@code /search} page. */
    static String serverPage(List<Issue> page, int startAt, int maxResults, int total) {
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        body.put("expand", "schema,names");
        body.put("startAt", startAt);
        body.put("maxResults", maxResults);
        body.put("total", total);
        ArrayNode a = body.putArray("issues");
        page.forEach(i -> a.add(json(i, false)));
        return body.toString();
    }
}
