package io.jiraspoke.camel.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.client.TextFormat;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.paging.JiraPager;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code issue} family. Create and update take the fields from the body (a map or JSON object of
 * field ids or display names to values, or {@code {"fields":..,"update":..}}), names resolved and values shaped by
 * the connection's {@link io.jiraspoke.camel.fields.FieldResolver}; a text body, or an ADF document, is the
 * description, read as option {@code textFormat} says and shaped by the connection's dialect. A {@link JiraIssue}
 * body (the result of an earlier step, e.g. the consumer) carries no fields to set: options and headers are used
 * alone.
 */
public class IssueProducer extends JiraSpokeProducer {

    private static final String FIELDS_BODY = "Map or JSON object (text, bytes, stream or file) of field id or"
                                              + " display name to value (\"Story Points\": 5, \"Team\":"
                                              + " \"Platform\"; values shaped by the field's schema), or"
                                              + " {\"fields\": {..}, \"update\": {..}} as Jira takes it; fields"
                                              + " in the body win over options. A text body (plain text or, with"
                                              + " textFormat=markdown, Markdown) or an ADF document (Cloud) is the"
                                              + " description.";

    public IssueProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private IssueOptions options() {
        return getEndpoint().getIssue();
    }

    /** POST /rest/api/{3|2}/issue. */
    @InvokeOnHeader("issue/create")
    @ActionDoc(body = FIELDS_BODY,
               returns = "JiraIssue with only id, key and self (Jira answers no fields; use issue/get for them)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public JiraIssue create(Exchange exchange) {
        IssueOptions o = options();
        Payload p = payload(exchange, "issue/create");
        String project = option(exchange, JiraSpokeConstants.PROJECT_KEY, o.getProjectKey());
        String type = option(exchange, JiraSpokeConstants.ISSUE_TYPE, o.getIssueType());
        String summary = option(exchange, JiraSpokeConstants.SUMMARY, o.getSummary());
        if (project != null) {
            p.fields.putIfAbsent("project", Map.of(isNumeric(project) ? "id" : "key", project));
        }
        if (type != null) {
            p.fields.putIfAbsent("issuetype", Map.of(isNumeric(type) ? "id" : "name", type));
        }
        if (summary != null) {
            p.fields.putIfAbsent("summary", summary);
        }
        require(p.fields, "project", "projectKey", JiraSpokeConstants.PROJECT_KEY);
        require(p.fields, "issuetype", "issueType", JiraSpokeConstants.ISSUE_TYPE);
        require(p.fields, "summary", "summary", JiraSpokeConstants.SUMMARY);
        JsonNode created = client().call(JiraRequest.post(dialect().api() + "/issue").body(p.request()));
        JiraIssue issue = new JiraIssue(created, client().fields());
        setResultHeaders(exchange.getMessage(), issue);
        return issue;
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}. */
    @InvokeOnHeader("issue/get")
    @ActionDoc(returns = "JiraIssue (the fields asked for, all by default)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public JiraIssue get(Exchange exchange) {
        IssueOptions o = options();
        String key = issueKey(exchange, "issue/get");
        JiraRequest r = JiraRequest.get(dialect().api() + "/issue/" + JiraRequest.segment(key))
                .query("fields", option(exchange, JiraSpokeConstants.FIELDS, o.getFields()))
                .query("expand", option(exchange, JiraSpokeConstants.EXPAND, o.getExpand()));
        JiraIssue issue = new JiraIssue(client().call(r), client().fields());
        setResultHeaders(exchange.getMessage(), issue);
        return issue;
    }

    /** PUT /rest/api/{3|2}/issue/{issueIdOrKey}. */
    @InvokeOnHeader("issue/update")
    @ActionDoc(body = FIELDS_BODY, returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public void update(Exchange exchange) {
        IssueOptions o = options();
        String key = issueKey(exchange, "issue/update");
        Payload p = payload(exchange, "issue/update");
        String summary = option(exchange, JiraSpokeConstants.SUMMARY, o.getSummary());
        if (summary != null) {
            p.fields.putIfAbsent("summary", summary);
        }
        if (p.fields.isEmpty() && p.update == null) {
            throw new JiraSpokeInputException("issue/update of " + key + " has nothing to change: the body must"
                                              + " hold the fields to set (a map of field id to value, or"
                                              + " {\"fields\":..,\"update\":..}), or set option 'summary'");
        }
        client().call(JiraRequest.put(dialect().api() + "/issue/" + JiraRequest.segment(key))
                .query("notifyUsers", option(exchange, JiraSpokeConstants.NOTIFY_USERS, o.getNotifyUsers()))
                .body(p.request()));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /** DELETE /rest/api/{3|2}/issue/{issueIdOrKey}. */
    @InvokeOnHeader("issue/delete")
    @ActionDoc(returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public void delete(Exchange exchange) {
        String key = issueKey(exchange, "issue/delete");
        Boolean subtasks = option(exchange, JiraSpokeConstants.DELETE_SUBTASKS, options().isDeleteSubtasks());
        client().call(JiraRequest.delete(dialect().api() + "/issue/" + JiraRequest.segment(key))
                .query("deleteSubtasks", String.valueOf(Boolean.TRUE.equals(subtasks))));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /**
     * Issues matching JQL: Cloud {@code /search/jql} (nextPageToken), Data Center {@code /search} (startAt), as the
     * dialect says.
     */
    @InvokeOnHeader("issue/search")
    @ActionDoc(returns = "List<JiraIssue> (fields *navigable unless 'fields' says otherwise), or with"
                         + " outputType=iterator an Iterator<JiraIssue> that fetches pages as it is read")
    public Object search(Exchange exchange) {
        IssueOptions o = options();
        String jql = option(exchange, JiraSpokeConstants.JQL, o.getJql());
        if (jql == null || jql.isBlank()) {
            throw new JiraSpokeInputException("issue/search needs a JQL query: set option 'jql' or header "
                                              + JiraSpokeConstants.JQL);
        }
        String fields = option(exchange, JiraSpokeConstants.FIELDS, o.getFields());
        JiraClient c = client();
        JiraPager<JiraIssue> pager = c.dialect().searchIssues(c, jql,
                fields == null ? List.of("*navigable") : commaList(fields),
                option(exchange, JiraSpokeConstants.EXPAND, o.getExpand()), getEndpoint().getPageSize(),
                getEndpoint().getLimit());
        return output(pager);
    }

    /** The issue/search consumer: the issues of the JQL updated since the watermark. */
    @ConsumerFeed(value = "issue/search", emits = "one JiraIssue per new or updated issue, oldest first",
                  headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public static IncrementalSource<JiraIssue> searchFeed(JiraSpokeEndpoint endpoint) {
        IssueOptions o = endpoint.getIssue();
        return new JqlIssueFeed(endpoint, "issue/search", o.getJql(), o.getFields(), o.getExpand());
    }

    static void setResultHeaders(Message message, JiraIssue issue) {
        message.setHeader(JiraSpokeConstants.ISSUE_KEY, issue.getKey());
        message.setHeader(JiraSpokeConstants.ISSUE_ID, issue.getId());
    }

    private String issueKey(Exchange exchange, String action) {
        String key = option(exchange, JiraSpokeConstants.ISSUE_KEY, options().getIssueKey());
        if (key == null || key.isBlank()) {
            throw new JiraSpokeInputException(action + " needs an issue: set option 'issueKey' or header "
                                              + JiraSpokeConstants.ISSUE_KEY);
        }
        return key;
    }

    private static void require(Map<String, Object> fields, String field, String option, String header) {
        Object v = fields.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw new JiraSpokeInputException("issue/create needs field '" + field + "': set option '" + option
                                              + "', header " + header + ", or fields." + field + " in the body");
        }
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** The fields/update of a create or update request, read from the message body. */
    private Payload payload(Exchange exchange, String action) {
        TextFormat format = textFormat(exchange, action);
        Object body = exchange.getIn().getBody() instanceof JiraIssue ? null : Bodies.objectOrText(exchange, action);
        Map<String, Object> map = null;
        Object description = null;
        if (body instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) body;
            map = m;
        } else if (body instanceof String s && !s.isBlank()) {
            description = s;
        }
        if (map != null && "doc".equals(map.get("type")) && map.containsKey("content")) {
            // an ADF document is the description, as a String body is; not a map of fields named type and content
            description = map;
            map = null;
        }
        Payload p = new Payload();
        if (map != null && (map.containsKey("fields") || map.containsKey("update"))) {
            Object f = map.get("fields");
            if (f instanceof Map<?, ?> fm) {
                p.fields = client().fields().toJiraFields(fm, action);
            }
            Object u = map.get("update");
            p.update = u instanceof Map<?, ?> um ? client().fields().toJiraIds(um, action) : u;
        } else if (map != null) {
            p.fields = client().fields().toJiraFields(map, action);
        }
        if (description != null) {
            p.fields.putIfAbsent("description", description);
        }
        Object d = p.fields.get("description");
        if (d != null) {
            p.fields.put("description", dialect().richText(d, format, action, "description"));
        }
        return p;
    }

    private static final class Payload {
        Map<String, Object> fields = new LinkedHashMap<>();
        Object update;

        Map<String, Object> request() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("fields", fields);
            if (update != null) {
                r.put("update", update);
            }
            return r;
        }
    }
}
