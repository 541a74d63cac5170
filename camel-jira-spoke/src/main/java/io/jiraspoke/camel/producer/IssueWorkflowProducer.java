package io.jiraspoke.camel.producer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraIssueTypeStatuses;
import io.jiraspoke.camel.model.JiraPriority;
import io.jiraspoke.camel.model.JiraStatus;
import io.jiraspoke.camel.model.JiraTransition;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * The workflow actions of the {@code issue} family: the transitions an issue can take, doing one (by transition id,
 * transition name or the status to reach), the statuses of a project's issue types, and the priorities.
 * <p>
 * A transition named by its name or target status is looked up among the issue's transitions first (one GET), with
 * names compared ignoring case and Unicode form, so {@code in progress} finds {@code In Progress} and a name typed with
 * combining accents finds Jira's spelling. A transition id is sent as is, in one request.
 */
public class IssueWorkflowProducer extends JiraSpokeProducer {

    static final String TRANSITION = "issue/transition";

    /** Priorities asked for per page of Cloud's priority search: Jira's own default page. */
    static final int PRIORITY_PAGE = 50;

    private static final String TRANSITION_BODY = "Optional: the fields to set with the transition, as issue/update"
                                                  + " takes them (a Map or JSON object of field id to value, or"
                                                  + " {\"fields\": {..}, \"update\": {..}}); a 'comment' entry is added"
                                                  + " as a comment. A plain text body (or an ADF document on Cloud) is"
                                                  + " the comment.";

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public IssueWorkflowProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private WorkflowOptions options() {
        return getEndpoint().getWorkflow();
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}/transitions?expand=transitions.fields. */
    @InvokeOnHeader("issue/transitions")
    @ActionDoc(returns = "List<JiraTransition>: the transitions the connection's user can do on the issue now, each"
                         + " with the status it leads to and the fields of its screen",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public List<JiraTransition> transitions(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), "issue/transitions");
        List<JiraTransition> transitions = transitionsOf(key, true);
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        return transitions;
    }

    /**
     * POST /rest/api/{3|2}/issue/{issueIdOrKey}/transitions {@code {"transition":{"id"},"fields","update"}}, after a
     * GET of the issue's transitions when the transition is named by its name or target status.
     */
    @InvokeOnHeader(TRANSITION)
    @ActionDoc(body = TRANSITION_BODY, returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.TRANSITION_ID })
    public void transition(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), TRANSITION);
        WorkflowOptions o = options();
        String transition = given(option(exchange, JiraSpokeConstants.TRANSITION, o.getTransition()));
        String target = given(option(exchange, JiraSpokeConstants.TARGET_STATUS, o.getTargetStatus()));
        Map<String, Object> request = transitionPayload(exchange);
        String bodyId = bodyTransitionId(request);
        if (transition != null && target != null) {
            throw new JiraSpokeInputException(TRANSITION + " of " + key + " takes a transition or a target status, not"
                                              + " both: set option 'transition' (header "
                                              + JiraSpokeConstants.TRANSITION + ") or 'targetStatus' (header "
                                              + JiraSpokeConstants.TARGET_STATUS + ")");
        }
        if (transition == null && target == null && bodyId == null) {
            throw new JiraSpokeInputException(TRANSITION + " of " + key + " needs the transition to do: set option"
                                              + " 'transition' (an id or a name; header "
                                              + JiraSpokeConstants.TRANSITION + ") or 'targetStatus' (the status to"
                                              + " reach; header " + JiraSpokeConstants.TARGET_STATUS + ")");
        }
        String id;
        if (transition != null) {
            id = isNumeric(transition) ? transition : byName(key, transition);
        } else if (target != null) {
            id = byTargetStatus(key, target);
        } else {
            id = bodyId;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transition", Map.of("id", id));
        body.putAll(request);
        client().call(JiraRequest.post(IssueKeys.path(dialect().api(), key) + "/transitions").body(body)
                .expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        exchange.getMessage().setHeader(JiraSpokeConstants.TRANSITION_ID, id);
    }

    /** GET /rest/api/{3|2}/project/{projectIdOrKey}/statuses. */
    @InvokeOnHeader("issue/statuses")
    @ActionDoc(returns = "List<JiraIssueTypeStatuses>: each issue type of the project with the statuses of its"
                         + " workflow")
    public List<JiraIssueTypeStatuses> statuses(Exchange exchange) {
        String project = given(option(exchange, JiraSpokeConstants.PROJECT_KEY,
                getEndpoint().getIssue().getProjectKey()));
        if (project == null) {
            throw new JiraSpokeInputException("issue/statuses needs a project (a key or an id): set option"
                                              + " 'projectKey' or header " + JiraSpokeConstants.PROJECT_KEY);
        }
        JsonNode types = client().call(JiraRequest.get(dialect().api() + "/project/" + JiraRequest.segment(project)
                                                       + "/statuses").expect(JiraRequest.Expect.ARRAY));
        List<JiraIssueTypeStatuses> out = new ArrayList<>(types.size());
        types.forEach(t -> {
            if (t.isObject()) {
                out.add(new JiraIssueTypeStatuses(t));
            }
        });
        return out;
    }

    /**
     * All priorities (Cloud: GET /rest/api/3/priority/search, paged; Data Center: GET /rest/api/2/priority), or one:
     * GET /rest/api/{3|2}/priority/{id}.
     */
    @InvokeOnHeader("issue/priorities")
    @ActionDoc(returns = "List<JiraPriority> in Jira's order; with priorityId the one JiraPriority")
    public Object priorities(Exchange exchange) {
        String id = given(option(exchange, JiraSpokeConstants.PRIORITY_ID, options().getPriorityId()));
        if (id != null) {
            if (!isNumeric(id)) {
                throw new JiraSpokeInputException("issue/priorities: option 'priorityId' (header "
                                                  + JiraSpokeConstants.PRIORITY_ID + ") must be a priority id (digits),"
                                                  + " not '" + id + "'; leave it out to list every priority with its"
                                                  + " name and id");
            }
            return new JiraPriority(client().call(JiraRequest.get(dialect().api() + "/priority/"
                                                                  + JiraRequest.segment(id))));
        }
        return dialect().priorities(client(), PRIORITY_PAGE).toList();
    }

    /** The issue's transitions as Jira lists them for the connection's user now. */
    private List<JiraTransition> transitionsOf(String key, boolean withFields) {
        JsonNode answer = client().call(JiraRequest.get(IssueKeys.path(dialect().api(), key) + "/transitions")
                .query("expand", withFields ? "transitions.fields" : null));
        List<JiraTransition> out = new ArrayList<>();
        JsonNode list = answer.get("transitions");
        if (list != null && list.isArray()) {
            list.forEach(t -> {
                if (t.isObject()) {
                    out.add(new JiraTransition(t));
                }
            });
        }
        return out;
    }

    private String byName(String key, String name) {
        List<JiraTransition> all = transitionsOf(key, false);
        String wanted = normal(name);
        List<JiraTransition> found = new ArrayList<>(1);
        for (JiraTransition t : all) {
            if (t.getId() != null && t.getName() != null && normal(t.getName()).equals(wanted)) {
                found.add(t);
            }
        }
        if (found.size() == 1) {
            return found.get(0).getId();
        }
        String what = TRANSITION + " of " + key + ": the transition '" + name + "' (option 'transition', header "
                      + JiraSpokeConstants.TRANSITION + ")";
        if (found.isEmpty()) {
            throw new JiraSpokeInputException(what + " is none the issue can take now; its transitions are: "
                                              + listed(all) + ". To name the status to reach, use option"
                                              + " 'targetStatus'");
        }
        throw new JiraSpokeInputException(what + " names several of the issue's transitions: " + listed(found)
                                          + "; give the transition's id instead");
    }

    private String byTargetStatus(String key, String status) {
        List<JiraTransition> all = transitionsOf(key, false);
        String wanted = normal(status);
        List<JiraTransition> found = new ArrayList<>(1);
        for (JiraTransition t : all) {
            JiraStatus to = t.getTo();
            if (t.getId() != null && to != null && (status.equals(to.getId()) || matches(to.getName(), wanted)
                                                    || matches(to.getUntranslatedName(), wanted))) {
                found.add(t);
            }
        }
        if (found.size() == 1) {
            return found.get(0).getId();
        }
        String what = TRANSITION + " of " + key + ": the status '" + status + "' (option 'targetStatus', header "
                      + JiraSpokeConstants.TARGET_STATUS + ")";
        if (found.isEmpty()) {
            throw new JiraSpokeInputException(what + " cannot be reached from the issue's current status; the"
                                              + " transitions it can take lead to: " + listed(all));
        }
        throw new JiraSpokeInputException(what + " is reached by several transitions: " + listed(found)
                                          + "; set option 'transition' to the id of the one to do");
    }

    /** Transitions as an error lists them: {@code Start Progress (11) -> In Progress}. */
    private static String listed(List<JiraTransition> transitions) {
        if (transitions.isEmpty()) {
            return "none (the connection's user may lack the Transition Issues permission, or the workflow has no"
                   + " transition out of the current status)";
        }
        List<String> out = new ArrayList<>(transitions.size());
        for (JiraTransition t : transitions) {
            String to = t.getToStatus();
            out.add(t.getName() + " (" + t.getId() + ") -> " + (to != null ? to : "(status not given)"));
        }
        return String.join(", ", out);
    }

    private static boolean matches(String name, String wanted) {
        return name != null && normal(name).equals(wanted);
    }

    /**
     * A name as compared: Unicode compatibility form, case folded (upper then lower, so {@code ß} meets {@code SS}),
     * spaces collapsed.
     */
    static String normal(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC);
        return SPACES.matcher(n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * What the transition request carries besides the transition: {@code fields}, {@code update} (with the comment)
     * and anything else of Jira's request shape the body has (historyMetadata, properties, and a transition id, taken
     * out again by {@link #bodyTransitionId}). The fields are the body's fields plus the resolution option, by id or
     * display name as issue/update takes them; the comment is read as option {@code textFormat} says.
     */
    private Map<String, Object> transitionPayload(Exchange exchange) {
        Object body = exchange.getIn().getBody() instanceof JiraIssue ? null : Bodies.objectOrText(exchange, TRANSITION);
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        Object comment = null;
        if (body instanceof String text && !text.isBlank()) {
            comment = text;
        } else if (body instanceof Map<?, ?> m) {
            Map<String, Object> map = stringKeys(m);
            if ("doc".equals(map.get("type")) && map.containsKey("content")) {
                // an ADF document is the comment, as a text body is; not a map of fields named type and content
                comment = map;
            } else if (map.containsKey("fields") || map.containsKey("update") || map.containsKey("transition")) {
                request.putAll(map);
                Object f = request.remove("fields");
                if (f instanceof Map<?, ?> fm) {
                    fields.putAll(stringKeys(fm));
                } else if (f != null) {
                    throw new JiraSpokeInputException(TRANSITION + ": 'fields' in the body must be a JSON object of"
                                                      + " field id to value");
                }
            } else {
                fields.putAll(map);
            }
        }
        if (fields.containsKey("comment")) {
            comment = fields.remove("comment");
        }
        String resolution = given(option(exchange, JiraSpokeConstants.RESOLUTION, options().getResolution()));
        if (resolution != null) {
            fields.putIfAbsent("resolution", Map.of(isNumeric(resolution) ? "id" : "name", resolution));
        }
        if (comment == null || (comment instanceof String s && s.isBlank())) {
            comment = given(option(exchange, JiraSpokeConstants.TRANSITION_COMMENT, options().getTransitionComment()));
        }
        if (comment != null) {
            addComment(request, dialect().richText(comment, textFormat(exchange, TRANSITION), TRANSITION, "comment"));
        }
        if (!fields.isEmpty()) {
            request.put("fields", client().fields().toJiraFields(fields, TRANSITION));
        }
        if (request.get("update") instanceof Map<?, ?> update) {
            request.put("update", client().fields().toJiraIds(update, TRANSITION));
        }
        return request;
    }

    /** Appends {@code {"add":{"body":..}}} to {@code update.comment}, keeping the operations the body had. */
    private static void addComment(Map<String, Object> request, Object body) {
        Object u = request.get("update");
        Map<String, Object> update = new LinkedHashMap<>();
        if (u instanceof Map<?, ?> um) {
            update.putAll(stringKeys(um));
        } else if (u != null) {
            throw new JiraSpokeInputException(TRANSITION + ": 'update' in the body must be a JSON object of field id"
                                              + " to a list of operations");
        }
        Object existing = update.get("comment");
        List<Object> operations = new ArrayList<>();
        if (existing instanceof List<?> l) {
            operations.addAll(l);
        } else if (existing != null) {
            throw new JiraSpokeInputException(TRANSITION + ": 'update.comment' in the body must be a list of"
                                              + " operations, e.g. [{\"add\":{\"body\":..}}]");
        }
        operations.add(Map.of("add", Map.of("body", body)));
        update.put("comment", operations);
        request.put("update", update);
    }

    /** The transition id of a body in Jira's request shape ({@code "transition":{"id":..}}), taken out of it. */
    private static String bodyTransitionId(Map<String, Object> request) {
        Object t = request.remove("transition");
        if (t == null) {
            return null;
        }
        Object id = t instanceof Map<?, ?> m ? m.get("id") : null;
        String text = id == null ? null : given(String.valueOf(id));
        if (text == null || !isNumeric(text)) {
            throw new JiraSpokeInputException(TRANSITION + ": 'transition' in the body must be {\"id\": <the"
                                              + " transition id>}; to name a transition or status, use option"
                                              + " 'transition' or 'targetStatus'");
        }
        return text;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
