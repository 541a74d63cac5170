package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.jiraspoke.camel.client.JiraJson;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Issues with worklogs and change history as a Jira holds them, and the WireMock stubs that serve them the way Jira
 * does: the issue search (Cloud {@code /search/jql}, Data Center {@code /search}; oldest update first, one page, any
 * JQL), each issue's worklogs ({@code GET .../issue/{id}/worklog}, startAt paging) and its history (Cloud
 * {@code GET .../issue/{id}/changelog}, startAt paging with {@code isLast}; Data Center {@code GET .../issue/{id}
 * ?fields=updated&expand=changelog}, all at once). Logging or editing work and changing fields update the issue, as
 * in Jira; {@link #touch} updates an issue for another reason (a comment), with no history.
 */
final class HistoryJira {

    static final int PAGE = 100;

    record Worklog(String id, Instant created, Instant updated, String timeSpent, String comment) {
    }

    /** One history entry: its changes as field, from and to texts, in threes. */
    record History(String id, Instant created, List<String[]> items) {
    }

    static final class Issue {
        final String id;
        final String key;
        Instant updated;
        final List<Worklog> worklogs = new ArrayList<>();
        final List<History> histories = new ArrayList<>();

        Issue(String id, String key, Instant updated) {
            this.id = id;
            this.key = key;
            this.updated = updated;
        }
    }

    private final boolean cloud;
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private int nextWorklogId = 30_001;
    private int nextHistoryId = 40_001;

    HistoryJira(boolean cloud) {
        this.cloud = cloud;
    }

    Issue issue(String key, Instant updated) {
        Issue i = new Issue(String.valueOf(20_000 + issues.size() + 1), key, updated);
        issues.put(key, i);
        return i;
    }

    /** Work logged at {@code when}; its issue is updated then too. Answers the worklog's id. */
    String worklog(String key, Instant when, String timeSpent, String comment) {
        Issue i = issues.get(key);
        String id = String.valueOf(nextWorklogId++);
        i.worklogs.add(new Worklog(id, when, when, timeSpent, comment));
        i.updated = later(i.updated, when);
        return id;
    }

    /** Edits a worklog at {@code when}; its issue is updated then too. */
    void editWorklog(String key, String worklogId, Instant when, String timeSpent, String comment) {
        Issue i = issues.get(key);
        for (int n = 0; n < i.worklogs.size(); n++) {
            Worklog w = i.worklogs.get(n);
            if (w.id().equals(worklogId)) {
                i.worklogs.set(n, new Worklog(w.id(), w.created(), when, timeSpent, comment));
            }
        }
        i.updated = later(i.updated, when);
    }

    /**
     * Fields changed at {@code when} in one history entry: field, from and to, repeated. Its issue is updated then
     * too. Answers the entry's id.
     */
    String change(String key, Instant when, String... fieldFromTo) {
        Issue i = issues.get(key);
        List<String[]> items = new ArrayList<>();
        for (int n = 0; n < fieldFromTo.length; n += 3) {
            items.add(new String[] { fieldFromTo[n], fieldFromTo[n + 1], fieldFromTo[n + 2] });
        }
        String id = String.valueOf(nextHistoryId++);
        i.histories.add(new History(id, when, items));
        i.updated = later(i.updated, when);
        return id;
    }

    /** The issue changes without history or worklog (a comment). */
    void touch(String key, Instant when) {
        Issue i = issues.get(key);
        i.updated = later(i.updated, when);
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    String api() {
        return cloud ? "/rest/api/3" : "/rest/api/2";
    }

    /** Stubs Jira as it is now. */
    void serve(WireMockServer jira) {
        jira.resetMappings();
        List<Issue> byUpdate = new ArrayList<>(issues.values());
        byUpdate.sort(Comparator.comparing((Issue i) -> i.updated).thenComparing(i -> i.key));
        ObjectNode search = JiraJson.MAPPER.createObjectNode();
        ArrayNode found = search.putArray("issues");
        for (Issue i : byUpdate) {
            ObjectNode n = found.addObject();
            n.put("id", i.id);
            n.put("self", "https://jira.example.com" + api() + "/issue/" + i.id);
            n.put("key", i.key);
            n.putObject("fields").put("updated", Issues.JIRA_TIME.format(i.updated));
        }
        if (cloud) {
            search.put("isLast", true);
        } else {
            search.put("startAt", 0).put("maxResults", PAGE).put("total", byUpdate.size());
        }
        var searchStub = post(urlEqualTo(cloud ? "/rest/api/3/search/jql" : "/rest/api/2/search"));
        if (!cloud) {
            searchStub = searchStub.withRequestBody(matchingJsonPath("$.startAt", equalTo("0")));
        }
        jira.stubFor(searchStub.willReturn(json(search.toString())));
        for (Issue i : issues.values()) {
            for (int start = 0; start < Math.max(1, i.worklogs.size()); start += PAGE) {
                jira.stubFor(get(urlPathEqualTo(api() + "/issue/" + i.id + "/worklog"))
                        .withQueryParam("startAt", equalTo(String.valueOf(start)))
                        .willReturn(json(worklogPage(i, start))));
            }
            if (cloud) {
                for (int start = 0; start < Math.max(1, i.histories.size()); start += PAGE) {
                    jira.stubFor(get(urlPathEqualTo(api() + "/issue/" + i.id + "/changelog"))
                            .withQueryParam("startAt", equalTo(String.valueOf(start)))
                            .willReturn(json(changelogPage(i, start))));
                }
            } else {
                jira.stubFor(get(urlEqualTo(api() + "/issue/" + i.id + "?fields=updated&expand=changelog"))
                        .willReturn(json(issueWithChangelog(i))));
            }
        }
    }

    private ObjectNode author(ObjectNode parent, String field) {
        ObjectNode author = parent.putObject(field);
        if (cloud) {
            author.put("accountId", "5b10a2844c20165700ede21g").put("displayName", "Grace Hopper");
        } else {
            author.put("name", "ghopper").put("key", "JIRAUSER10101").put("displayName", "Grace Hopper");
        }
        return author.put("active", true);
    }

    private String worklogPage(Issue i, int start) {
        ObjectNode p = JiraJson.MAPPER.createObjectNode();
        p.put("startAt", start).put("maxResults", PAGE).put("total", i.worklogs.size());
        ArrayNode a = p.putArray("worklogs");
        for (Worklog w : i.worklogs.subList(start, Math.min(i.worklogs.size(), start + PAGE))) {
            ObjectNode n = a.addObject();
            n.put("self", "https://jira.example.com" + api() + "/issue/" + i.id + "/worklog/" + w.id());
            author(n, "author");
            author(n, "updateAuthor");
            if (cloud) {
                ObjectNode doc = n.putObject("comment").put("type", "doc").put("version", 1);
                doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
                        .put("type", "text").put("text", w.comment());
            } else {
                n.put("comment", w.comment());
            }
            n.put("created", Issues.JIRA_TIME.format(w.created()));
            n.put("updated", Issues.JIRA_TIME.format(w.updated()));
            n.put("started", Issues.JIRA_TIME.format(w.created().minusSeconds(3600)));
            n.put("timeSpent", w.timeSpent());
            n.put("id", w.id());
            n.put("issueId", i.id);
        }
        return p.toString();
    }

    private void histories(ArrayNode into, List<History> histories) {
        for (History h : histories) {
            ObjectNode n = into.addObject();
            n.put("id", h.id());
            author(n, "author");
            n.put("created", Issues.JIRA_TIME.format(h.created()));
            ArrayNode items = n.putArray("items");
            for (String[] item : h.items()) {
                ObjectNode it = items.addObject().put("field", item[0]).put("fieldtype", "jira");
                if (cloud) {
                    it.put("fieldId", item[0].toLowerCase());
                }
                it.putNull("from").put("fromString", item[1]).putNull("to").put("toString", item[2]);
            }
        }
    }

    private String changelogPage(Issue i, int start) {
        ObjectNode p = JiraJson.MAPPER.createObjectNode();
        int end = Math.min(i.histories.size(), start + PAGE);
        p.put("startAt", start).put("maxResults", PAGE).put("total", i.histories.size())
                .put("isLast", end >= i.histories.size());
        histories(p.putArray("values"), i.histories.subList(start, end));
        return p.toString();
    }

    private String issueWithChangelog(Issue i) {
        ObjectNode n = JiraJson.MAPPER.createObjectNode();
        n.put("id", i.id).put("key", i.key);
        n.putObject("fields").put("updated", Issues.JIRA_TIME.format(i.updated));
        ObjectNode changelog = n.putObject("changelog");
        changelog.put("startAt", 0).put("maxResults", i.histories.size()).put("total", i.histories.size());
        histories(changelog.putArray("histories"), i.histories);
        return n.toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Date", ConsumerTestSupport.HTTP_DATE.format(Instant.now())).withBody(body);
    }
}
