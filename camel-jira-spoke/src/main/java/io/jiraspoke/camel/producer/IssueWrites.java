package io.jiraspoke.camel.producer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.client.TextFormat;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Creating and updating an issue from options, headers and the message body: the requests of issue/create and
 * issue/update, and of story/create and story/update, which are the same requests for issues of one type. The body
 * is a map or JSON object of field ids or display names to values, or {@code {"fields":..,"update":..}}, names
 * resolved and values shaped by the connection's {@link io.jiraspoke.camel.fields.FieldResolver}; a text body, or
 * an ADF document, is the description, read as option {@code textFormat} says and shaped by the connection's
 * dialect. A {@link JiraIssue} body (the result of an earlier step) carries no fields to set.
 */
final class IssueWrites {

    static final String FIELDS_BODY = "Map or JSON object (text, bytes, stream or file) of field id or"
                                       + " display name to value (\"Story Points\": 5, \"Team\":"
                                       + " \"Platform\"; values shaped by the field's schema), or"
                                       + " {\"fields\": {..}, \"update\": {..}} as Jira takes it; fields"
                                       + " in the body win over options. A text body (plain text or, with"
                                       + " textFormat=markdown, Markdown) or an ADF document (Cloud) is the"
                                       + " description.";

    private final JiraSpokeProducer producer;

    IssueWrites(JiraSpokeProducer producer) {
        this.producer = producer;
    }

    private IssueOptions options() {
        return producer.getEndpoint().getIssue();
    }

    /**
     * POST /rest/api/{3|2}/issue.
     *
     * @param issueType the name of the type every issue of the action has (story/create: Story), which the body
     *                  may only repeat; null when options, headers or body say the type
     */
    JiraIssue create(Exchange exchange, String action, String issueType) {
        IssueOptions o = options();
        Payload p = payload(exchange, action);
        String project = option(exchange, JiraSpokeConstants.PROJECT_KEY, o.getProjectKey());
        String type = issueType != null ? issueType : option(exchange, JiraSpokeConstants.ISSUE_TYPE,
                o.getIssueType());
        String summary = option(exchange, JiraSpokeConstants.SUMMARY, o.getSummary());
        if (issueType != null) {
            keepType(p, issueType, action);
        }
        if (project != null) {
            p.fields.putIfAbsent("project", Map.of(isNumeric(project) ? "id" : "key", project));
        }
        if (type != null) {
            p.fields.putIfAbsent("issuetype", Map.of(isNumeric(type) ? "id" : "name", type));
        }
        if (summary != null) {
            p.fields.putIfAbsent("summary", summary);
        }
        require(p.fields, action, "project", "projectKey", JiraSpokeConstants.PROJECT_KEY);
        if (issueType == null) {
            require(p.fields, action, "issuetype", "issueType", JiraSpokeConstants.ISSUE_TYPE);
        }
        require(p.fields, action, "summary", "summary", JiraSpokeConstants.SUMMARY);
        JsonNode created = producer.client().call(JiraRequest.post(producer.dialect().api() + "/issue")
                .body(p.request()));
        JiraIssue issue = new JiraIssue(created, producer.client().fields());
        IssueProducer.setResultHeaders(exchange.getMessage(), issue);
        return issue;
    }

    /**
     * PUT /rest/api/{3|2}/issue/{issueIdOrKey}.
     *
     * @param issueType the name of the type the issues of the action have (story/update: Story), which the body
     *                  may not change; null when the body may set any type
     */
    void update(Exchange exchange, String action, String issueType) {
        IssueOptions o = options();
        String key = IssueKeys.required(exchange, producer.getEndpoint(), action);
        Payload p = payload(exchange, action);
        if (issueType != null) {
            keepType(p, issueType, action);
        }
        String summary = option(exchange, JiraSpokeConstants.SUMMARY, o.getSummary());
        if (summary != null) {
            p.fields.putIfAbsent("summary", summary);
        }
        if (p.fields.isEmpty() && p.update == null) {
            throw new JiraSpokeInputException(action + " of " + key + " has nothing to change: the body must hold the"
                                              + " fields to set (a map of field id to value, or"
                                              + " {\"fields\":..,\"update\":..}), or set option 'summary'");
        }
        producer.client().call(JiraRequest.put(IssueKeys.path(producer.dialect().api(), key))
                .query("notifyUsers", option(exchange, JiraSpokeConstants.NOTIFY_USERS, o.getNotifyUsers()))
                .body(p.request()));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /**
     * Refuses a body that would give the issue another type than the action's. Only the type's name can be checked
     * without asking Jira: an id, even the right one, is refused with the advice to leave the type out.
     */
    private static void keepType(Payload p, String issueType, String action) {
        Object given = p.fields.get("issuetype");
        if (given != null && !named(given, issueType)) {
            throw new JiraSpokeInputException(action + " is for issues of type " + issueType + ": leave field"
                                              + " 'issuetype' out of the body (it is " + issueType + " by name),"
                                              + " or use issue/" + verb(action) + " for another type");
        }
        if (p.update instanceof Map<?, ?> u && u.containsKey("issuetype")) {
            throw new JiraSpokeInputException(action + " is for issues of type " + issueType + ": the body's"
                                              + " \"update\" may not change 'issuetype'; use issue/" + verb(action)
                                              + " for another type");
        }
    }

    private static boolean named(Object value, String name) {
        Object n = value instanceof Map<?, ?> m && m.size() == 1 ? m.get("name") : null;
        return n instanceof String s && s.strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    private static String verb(String action) {
        return action.substring(action.indexOf('/') + 1);
    }

    private static void require(Map<String, Object> fields, String action, String field, String option,
                                String header) {
        Object v = fields.get(field);
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw new JiraSpokeInputException(action + " needs field '" + field + "': set option '" + option
                                              + "', header " + header + ", or fields." + field + " in the body");
        }
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** The fields/update of a create or update request, read from the message body. */
    private Payload payload(Exchange exchange, String action) {
        TextFormat format = producer.textFormat(exchange, action);
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
                p.fields = producer.client().fields().toJiraFields(fm, action);
            }
            Object u = map.get("update");
            p.update = u instanceof Map<?, ?> um ? producer.client().fields().toJiraIds(um, action) : u;
        } else if (map != null) {
            p.fields = producer.client().fields().toJiraFields(map, action);
        }
        if (description != null) {
            p.fields.putIfAbsent("description", description);
        }
        Object d = p.fields.get("description");
        if (d != null) {
            p.fields.put("description", producer.dialect().richText(d, format, action, "description"));
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
