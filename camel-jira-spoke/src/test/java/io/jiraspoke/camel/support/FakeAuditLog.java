package io.jiraspoke.camel.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jiraspoke.camel.client.JiraJson;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A Jira audit log behind WireMock, answering both audit APIs over one list of records the way Jira does: records
 * created between {@code from} and {@code to} (both inclusive, either optional), newest first; offset/limit paging
 * with {@code records[]} for {@code auditing/record} (Cloud, Data Center up to 9), and limit/pageCursor paging with
 * {@code entities[]} and {@code pagingInfo} for Data Center 10's {@code /rest/auditing/1.0/events}, whose events
 * have no id. It remembers the largest page it answered.
 */
public final class FakeAuditLog implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-audit-log";
    private static final DateTimeFormatter JIRA_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter JIRA_TIME = JIRA_FORMAT.withZone(ZoneOffset.UTC);

    /** One audit record: when, its id (a number on Cloud), and what happened. */
    public record Entry(long millis, long id, String summary) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private volatile int largestPage;

    /** A WireMock server on a free port whose audit endpoints this log answers. */
    public WireMockServer server() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .notifier(new Slf4jNotifier(false)).extensions(this));
        server.start();
        server.stubFor(WireMock.get(urlPathMatching("(/jira)?/rest/api/[23]/auditing/record"))
                .willReturn(WireMock.aResponse().withTransformers(NAME)));
        server.stubFor(WireMock.get(urlPathMatching("(/jira)?/rest/auditing/1.0/events"))
                .willReturn(WireMock.aResponse().withTransformers(NAME)));
        return server;
    }

    public void add(long millis, long id, String summary) {
        entries.add(new Entry(millis, id, summary));
    }

    /** Records {@code count} records from {@code startMillis} on, {@code stepMillis} apart, ids from {@code firstId}. */
    public List<Entry> addSeries(long startMillis, long stepMillis, int count, long firstId) {
        List<Entry> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Entry e = new Entry(startMillis + i * stepMillis, firstId + i, "Change " + (firstId + i));
            entries.add(e);
            added.add(e);
        }
        return added;
    }

    public int largestPage() {
        return largestPage;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request r = serveEvent.getRequest();
        boolean events = r.getUrl().contains("/rest/auditing/1.0/events");
        Long from = time(r, "from", events);
        Long to = time(r, "to", events);
        List<Entry> matching = entries.stream()
                .filter(e -> (from == null || e.millis() >= from) && (to == null || e.millis() <= to))
                .sorted(Comparator.comparingLong(Entry::millis).thenComparingLong(Entry::id).reversed()).toList();
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        if (events) {
            int limit = number(r, "limit", 200);
            int start = 0;
            String cursor = value(r, "pageCursor");
            if (cursor != null) {
                start = Integer.parseInt(cursor.substring("after-".length()));
            }
            List<Entry> page = matching.subList(Math.min(start, matching.size()),
                    Math.min(start + limit, matching.size()));
            ArrayNode entities = body.putArray("entities");
            page.forEach(e -> entities.add(event(e)));
            ObjectNode info = body.putObject("pagingInfo");
            boolean last = start + page.size() >= matching.size();
            info.put("limit", limit).put("size", page.size()).put("lastPage", last);
            if (!last) {
                info.put("nextPageCursor", "after-" + (start + page.size()));
            }
            largestPage = Math.max(largestPage, page.size());
        } else {
            int offset = number(r, "offset", 0);
            int limit = Math.min(number(r, "limit", 1000), 1000);
            List<Entry> page = matching.subList(Math.min(offset, matching.size()),
                    Math.min(offset + limit, matching.size()));
            body.put("offset", offset).put("limit", limit).put("total", matching.size());
            ArrayNode records = body.putArray("records");
            page.forEach(e -> records.add(record(e)));
            largestPage = Math.max(largestPage, page.size());
        }
        try {
            // WireMock's own JSON writer does not know this component's Jackson nodes: send text
            return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(JiraJson.MAPPER.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode record(Entry e) {
        ObjectNode n = JiraJson.MAPPER.createObjectNode();
        n.put("id", e.id()).put("summary", e.summary()).put("remoteAddress", "192.168.1.1")
                .put("authorKey", "admin").put("created", JIRA_TIME.format(Instant.ofEpochMilli(e.millis())))
                .put("category", "user management").put("eventSource", "Browser");
        n.putObject("objectItem").put("id", "user" + e.id()).put("name", "user" + e.id()).put("typeName", "USER");
        n.putArray("changedValues");
        n.putArray("associatedItems");
        return n;
    }

    private static ObjectNode event(Entry e) {
        ObjectNode n = JiraJson.MAPPER.createObjectNode();
        n.put("timestamp", Instant.ofEpochMilli(e.millis()).toString());
        n.putObject("author").put("name", "admin").put("type", "ApplicationUser").put("id", "JIRAUSER10000");
        n.putObject("type").put("category", "user management").put("action", e.summary());
        n.putArray("affectedObjects").addObject().put("name", "user" + e.id()).put("type", "USER")
                .put("id", "JIRAUSER" + e.id());
        n.putArray("changedValues");
        n.put("source", "10.0.0.7").put("method", "Browser");
        return n;
    }

    private static Long time(Request r, String name, boolean events) {
        String v = value(r, name);
        if (v == null) {
            return null;
        }
        return events ? Instant.parse(v).toEpochMilli() : OffsetDateTime.parse(v, JIRA_FORMAT).toInstant().toEpochMilli();
    }

    private static int number(Request r, String name, int otherwise) {
        String v = value(r, name);
        return v == null ? otherwise : Integer.parseInt(v);
    }

    private static String value(Request r, String name) {
        QueryParameter q = r.queryParameter(name);
        return q == null || !q.isPresent() ? null : q.firstValue();
    }
}
