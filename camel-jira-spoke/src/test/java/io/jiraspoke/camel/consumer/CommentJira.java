package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Issues with comments as a Jira holds them, and the WireMock stubs that serve them the way Jira does: the issue
 * search (Cloud {@code /search/jql} or Data Center {@code /search}, oldest update first, one page) and each issue's
 * comments ({@code GET .../issue/{id}/comment}, startAt paging, oldest first). Adding or editing a comment updates
 * its issue, as in Jira; {@link #touch} updates an issue for another reason.
 */
final class CommentJira {

    static final int PAGE = 100;

    record Comment(String id, Instant created, Instant updated, String body, boolean withAuthor) {
    }

    static final class Issue {
        final String id;
        final String key;
        Instant updated;
        final List<Comment> comments = new ArrayList<>();

        Issue(String id, String key, Instant updated) {
            this.id = id;
            this.key = key;
            this.updated = updated;
        }
    }

    private final boolean cloud;
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private int nextCommentId = 10_001;

    CommentJira(boolean cloud) {
        this.cloud = cloud;
    }

    static Instant minutesAgo(long minutes) {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(minutes, ChronoUnit.MINUTES);
    }

    Issue issue(String key, Instant updated) {
        Issue i = new Issue(String.valueOf(20_000 + issues.size() + 1), key, updated);
        issues.put(key, i);
        return i;
    }

    /** A comment written at {@code when}; its issue is updated then too. Answers the comment's id. */
    String comment(String key, Instant when, String body) {
        return comment(key, when, body, true);
    }

    String comment(String key, Instant when, String body, boolean withAuthor) {
        Issue i = issues.get(key);
        String id = String.valueOf(nextCommentId++);
        i.comments.add(new Comment(id, when, when, body, withAuthor));
        i.updated = later(i.updated, when);
        return id;
    }

    /** Edits a comment at {@code when}; its issue is updated then too. */
    void edit(String key, String commentId, Instant when, String body) {
        Issue i = issues.get(key);
        for (int n = 0; n < i.comments.size(); n++) {
            Comment c = i.comments.get(n);
            if (c.id().equals(commentId)) {
                i.comments.set(n, new Comment(c.id(), c.created(), when, body, c.withAuthor()));
            }
        }
        i.updated = later(i.updated, when);
    }

    void delete(String key, String commentId, Instant when) {
        Issue i = issues.get(key);
        i.comments.removeIf(c -> c.id().equals(commentId));
        i.updated = later(i.updated, when);
    }

    /** The issue changes for another reason (a field edit): no comment changes. */
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

    String searchPath() {
        return cloud ? "/rest/api/3/search/jql" : "/rest/api/2/search";
    }

    /** Stubs Jira as it is now. The search ignores the JQL: the consumer must cope with older issues coming too. */
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
        var searchStub = post(urlEqualTo(searchPath()));
        if (!cloud) {
            searchStub = searchStub.withRequestBody(matchingJsonPath("$.startAt", equalTo("0")));
        }
        jira.stubFor(searchStub.willReturn(json(search.toString())));
        for (Issue i : issues.values()) {
            for (int start = 0; start < Math.max(1, i.comments.size()); start += PAGE) {
                jira.stubFor(get(urlPathEqualTo(api() + "/issue/" + i.id + "/comment"))
                        .withQueryParam("startAt", equalTo(String.valueOf(start)))
                        .willReturn(json(page(i, start))));
            }
        }
    }

    private String page(Issue i, int start) {
        ObjectNode p = JiraJson.MAPPER.createObjectNode();
        p.put("startAt", start).put("maxResults", PAGE).put("total", i.comments.size());
        ArrayNode a = p.putArray("comments");
        for (Comment c : i.comments.subList(start, Math.min(i.comments.size(), start + PAGE))) {
            ObjectNode n = a.addObject();
            n.put("self", "https://jira.example.com" + api() + "/issue/" + i.id + "/comment/" + c.id());
            n.put("id", c.id());
            if (c.withAuthor()) {
                ObjectNode author = n.putObject("author");
                if (cloud) {
                    author.put("accountId", "5b10a2844c20165700ede21g").put("displayName", "Grace Hopper");
                } else {
                    author.put("name", "ghopper").put("key", "JIRAUSER10101").put("displayName", "Grace Hopper");
                }
                author.put("active", true);
                n.set("updateAuthor", author.deepCopy());
            }
            if (cloud) {
                ObjectNode doc = n.putObject("body").put("type", "doc").put("version", 1);
                doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
                        .put("type", "text").put("text", c.body());
            } else {
                n.put("body", c.body());
            }
            n.put("created", Issues.JIRA_TIME.format(c.created()));
            n.put("updated", Issues.JIRA_TIME.format(c.updated()));
            if (cloud) {
                n.put("jsdPublic", true);
            }
        }
        return p.toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Date", ConsumerTestSupport.HTTP_DATE.format(Instant.now())).withBody(body);
    }
}
