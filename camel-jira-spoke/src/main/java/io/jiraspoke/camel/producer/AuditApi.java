package io.jiraspoke.camel.producer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.model.JiraAuditRecord;
import io.jiraspoke.camel.paging.PagingStyle;

/**
 * The two audit APIs of the two {@code audit/logs} variants. Both list the records created between two inclusive
 * instants, newest first, and differ in path, time format, paging and shape.
 */
enum AuditApi {

    /**
     * {@code GET /rest/api/{3|2}/auditing/record} (Cloud, Data Center up to 9): offset/limit paging,
     * {@code records[]}, {@code from}/{@code to} in Jira's own timestamp format, {@code filter}.
     */
    RECORDS(PagingStyle.OFFSET_LIMIT, "records", "filter", DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC), JiraAuditRecord::ofRecord) {
        @Override
        String path(JiraClient client) {
            return client.dialect().api() + "/auditing/record";
        }

        @Override
        Map<String, Object> firstPage(int size) {
            Map<String, Object> page = new LinkedHashMap<>(4);
            page.put("offset", 0);
            page.put("limit", size);
            return page;
        }

        @Override
        boolean full(JsonNode body, int asked) {
            int count = body.path(itemsField).size();
            // Jira may answer fewer than asked when its own cap is lower; it says which limit it applied
            JsonNode answered = body.get("limit");
            int limit = answered != null && answered.canConvertToInt() && answered.asInt() > 0
                    ? Math.min(asked, answered.asInt()) : asked;
            return count > 0 && count >= limit;
        }
    },

    /**
     * {@code GET /rest/auditing/1.0/events} (Data Center 10+, which removed {@code auditing/record}): cursor paging
     * ({@code pagingInfo.nextPageCursor}), {@code entities[]} without ids, ISO-8601 UTC instants, {@code search}.
     */
    EVENTS(PagingStyle.CURSOR, "entities", "search", DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC), JiraAuditRecord::ofEvent) {
        @Override
        String path(JiraClient client) {
            return "/rest/auditing/1.0/events";
        }

        @Override
        Map<String, Object> firstPage(int size) {
            Map<String, Object> page = new LinkedHashMap<>(2);
            page.put("limit", size);
            return page;
        }

        @Override
        boolean full(JsonNode body, int asked) {
            int count = body.path(itemsField).size();
            if (count == 0) {
                return false;
            }
            JsonNode info = body.path("pagingInfo");
            boolean more = info.isObject() && !info.path("lastPage").asBoolean(false)
                           && info.path("nextPageCursor").isValueNode() && !info.path("nextPageCursor").isNull()
                           && !info.path("nextPageCursor").asText().isEmpty();
            return more || count >= asked;
        }
    };

    final PagingStyle style;
    final String itemsField;
    private final String filterParameter;
    private final DateTimeFormatter time;
    final Function<JsonNode, JiraAuditRecord> mapper;

    AuditApi(PagingStyle style, String itemsField, String filterParameter, DateTimeFormatter time,
             Function<JsonNode, JiraAuditRecord> mapper) {
        this.style = style;
        this.itemsField = itemsField;
        this.filterParameter = filterParameter;
        this.time = time;
        this.mapper = mapper;
    }

    abstract String path(JiraClient client);

    /** The paging parameters of a window's first page, in the order they are sent. */
    abstract Map<String, Object> firstPage(int size);

    /**
     * Whether a first page may not hold the whole window: it is as long as asked (or as Jira's cap), or Jira says
     * more pages follow. Counts that Jira reports besides the items ({@code total}) are not trusted.
     */
    abstract boolean full(JsonNode body, int asked);

    /** An instant as this API takes it in {@code from} and {@code to}. */
    String format(long millis) {
        return time.format(Instant.ofEpochMilli(millis));
    }

    /** One page of the records created between two instants (inclusive; null is open), newest first. */
    JsonNode fetch(JiraClient client, Long from, Long to, String filter, Map<String, Object> page) {
        JiraRequest r = JiraRequest.get(path(client));
        page.forEach(r::query);
        return client.call(r.query(filterParameter, filter)
                .query("from", from == null ? null : format(from))
                .query("to", to == null ? null : format(to)));
    }
}
