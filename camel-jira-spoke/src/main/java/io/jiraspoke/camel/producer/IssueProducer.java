package io.jiraspoke.camel.producer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.Adf;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.paging.JiraPager;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code issue} family. Create and update take the fields from the body (a map or JSON object of
 * field ids to values, or {@code {"fields":..,"update":..}}); a plain String body, or an ADF document, is the
 * description. On Cloud a plain-text description becomes ADF; ADF is sent as is. A {@link JiraIssue} body (the
 * result of an earlier step, e.g. the consumer) carries no fields to set: options and headers are used alone.
 */
public class IssueProducer extends JiraSpokeProducer {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public IssueProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** POST /rest/api/{3|2}/issue. */
    @InvokeOnHeader("issue/create")
    public JiraIssue create(Exchange exchange) {
        JiraSpokeEndpoint e = getEndpoint();
        Payload p = payload(exchange, "issue/create");
        String project = option(exchange, JiraSpokeConstants.PROJECT_KEY, e.getProjectKey());
        String type = option(exchange, JiraSpokeConstants.ISSUE_TYPE, e.getIssueType());
        String summary = option(exchange, JiraSpokeConstants.SUMMARY, e.getSummary());
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
        JiraClient c = client();
        JsonNode created = c.call(JiraRequest.post(c.api() + "/issue").body(p.request()));
        JiraIssue issue = new JiraIssue(created);
        setResultHeaders(exchange.getMessage(), issue);
        return issue;
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}. */
    @InvokeOnHeader("issue/get")
    public JiraIssue get(Exchange exchange) {
        JiraSpokeEndpoint e = getEndpoint();
        String key = issueKey(exchange, "issue/get");
        JiraClient c = client();
        JiraRequest r = JiraRequest.get(c.api() + "/issue/" + JiraRequest.segment(key))
                .query("fields", option(exchange, JiraSpokeConstants.FIELDS, e.getFields()))
                .query("expand", option(exchange, JiraSpokeConstants.EXPAND, e.getExpand()));
        JiraIssue issue = new JiraIssue(c.call(r));
        setResultHeaders(exchange.getMessage(), issue);
        return issue;
    }

    /** PUT /rest/api/{3|2}/issue/{issueIdOrKey}; the body is left as it was. */
    @InvokeOnHeader("issue/update")
    public void update(Exchange exchange) {
        JiraSpokeEndpoint e = getEndpoint();
        String key = issueKey(exchange, "issue/update");
        Payload p = payload(exchange, "issue/update");
        String summary = option(exchange, JiraSpokeConstants.SUMMARY, e.getSummary());
        if (summary != null) {
            p.fields.putIfAbsent("summary", summary);
        }
        if (p.fields.isEmpty() && p.update == null) {
            throw new JiraSpokeInputException("issue/update of " + key + " has nothing to change: the body must"
                                                   + " hold the fields to set (a map of field id to value, or"
                                                   + " {\"fields\":..,\"update\":..}), or set option 'summary'");
        }
        JiraClient c = client();
        c.call(JiraRequest.put(c.api() + "/issue/" + JiraRequest.segment(key))
                .query("notifyUsers", option(exchange, JiraSpokeConstants.NOTIFY_USERS, e.getNotifyUsers()))
                .body(p.request()));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /** DELETE /rest/api/{3|2}/issue/{issueIdOrKey}; the body is left as it was. */
    @InvokeOnHeader("issue/delete")
    public void delete(Exchange exchange) {
        String key = issueKey(exchange, "issue/delete");
        Boolean subtasks = option(exchange, JiraSpokeConstants.DELETE_SUBTASKS, getEndpoint().isDeleteSubtasks());
        JiraClient c = client();
        c.call(JiraRequest.delete(c.api() + "/issue/" + JiraRequest.segment(key))
                .query("deleteSubtasks", String.valueOf(Boolean.TRUE.equals(subtasks))));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /**
     * Issues matching JQL: Cloud {@code /search/jql} (nextPageToken), Data Center {@code /search} (startAt). Returns
     * a list, or with {@code outputType=iterator} a lazy iterator that fetches pages as it is read.
     */
    @InvokeOnHeader("issue/search")
    public Object search(Exchange exchange) {
        JiraSpokeEndpoint e = getEndpoint();
        String jql = option(exchange, JiraSpokeConstants.JQL, e.getJql());
        if (jql == null || jql.isBlank()) {
            throw new JiraSpokeInputException("issue/search needs a JQL query: set option 'jql' or header "
                                                   + JiraSpokeConstants.JQL);
        }
        String fields = option(exchange, JiraSpokeConstants.FIELDS, e.getFields());
        JiraPager<JiraIssue> pager = client().searchIssues(jql, fields == null ? List.of("*navigable") : commaList(fields),
                option(exchange, JiraSpokeConstants.EXPAND, e.getExpand()), e.getPageSize(), e.getLimit());
        return "iterator".equals(e.getOutputType()) ? pager.iterator() : pager.toList();
    }

    private static void setResultHeaders(Message message, JiraIssue issue) {
        message.setHeader(JiraSpokeConstants.ISSUE_KEY, issue.getKey());
        message.setHeader(JiraSpokeConstants.ISSUE_ID, issue.getId());
    }

    private String issueKey(Exchange exchange, String action) {
        String key = option(exchange, JiraSpokeConstants.ISSUE_KEY, getEndpoint().getIssueKey());
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
        Object body = exchange.getIn().getBody();
        if (body instanceof byte[] || body instanceof InputStream || body instanceof Reader
                || body instanceof StreamCache) {
            // JSON or text straight from a file, HTTP or messaging endpoint
            body = exchange.getIn().getBody(String.class);
        }
        Map<String, Object> map = null;
        Object description = null;
        if (body instanceof Map<?, ?> m) {
            map = copy(m);
        } else if (body instanceof JsonNode node) {
            map = toMap(node, action);
        } else if (body instanceof String s && !s.isBlank()) {
            JsonNode parsed = parseObject(s);
            if (parsed != null) {
                map = toMap(parsed, action);
            } else {
                description = s;
            }
        } else if (body != null && !(body instanceof String) && !(body instanceof JiraIssue)) {
            throw new JiraSpokeInputException(action + " cannot use a message body of type "
                                                   + body.getClass().getName()
                                                   + ": send a Map or JSON object of fields, or a String description");
        }
        if (map != null && "doc".equals(map.get("type")) && map.containsKey("content")) {
            // an ADF document is the description, as a String body is; not a map of fields named type and content
            description = map;
            map = null;
        }
        Payload p = new Payload();
        if (map != null && (map.containsKey("fields") || map.containsKey("update"))) {
            Object f = map.get("fields");
            p.fields = f instanceof Map<?, ?> fm ? copy(fm) : new LinkedHashMap<>();
            p.update = map.get("update");
        } else if (map != null) {
            p.fields = map;
        }
        if (description != null) {
            p.fields.putIfAbsent("description", description);
        }
        shapeDescription(p.fields, action);
        return p;
    }

    /** Cloud v3 wants ADF; Data Center v2 wants wiki text. */
    private void shapeDescription(Map<String, Object> fields, String action) {
        Object d = fields.get("description");
        if (d == null) {
            return;
        }
        boolean cloud = client().isCloud();
        if (d instanceof String text) {
            if (cloud) {
                fields.put("description", Adf.fromText(text));
            }
        } else if (!cloud) {
            throw new JiraSpokeInputException(action + ": field 'description' must be text on Jira Data Center"
                                                   + " (wiki markup); ADF is only understood by Jira Cloud");
        }
    }

    private static JsonNode parseObject(String s) {
        String t = s.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JiraJson.MAPPER.readTree(t);
            return n != null && n.isObject() ? n : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static Map<String, Object> toMap(JsonNode node, String action) {
        if (!node.isObject()) {
            throw new JiraSpokeInputException(action + " needs a JSON object of fields, got " + node.getNodeType());
        }
        return JiraJson.MAPPER.convertValue(node, MAP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> m) {
        return new LinkedHashMap<>((Map<String, Object>) m);
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
