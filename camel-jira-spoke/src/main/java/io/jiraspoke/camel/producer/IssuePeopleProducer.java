package io.jiraspoke.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.TextNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraWatchers;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * The people actions of the {@code issue} family: the assignee, the watchers, and e-mail notifications. Users are
 * given as the deployment identifies them (an account id on Cloud, a user name on Data Center, shaped by the
 * dialect) or by e-mail address, which {@link UserResolver} looks up before anything is changed.
 */
public class IssuePeopleProducer extends JiraSpokeProducer {

    static final String NOTIFY = "issue/notify";

    /** The people of an issue {@code to} can name, as Jira spells the flags. */
    static final Set<String> ROLES = Set.of("reporter", "assignee", "watchers", "voters");

    private static final String NO_CONTENT = "the body as it was (Jira answers 204 No Content)";
    private static final String NOTIFY_BODY = "The text of the e-mail (textBody), as plain text; or a Map or JSON"
                                              + " object of Jira's notification (subject, textBody, htmlBody, to,"
                                              + " restrict), which options add to and which wins where both say.";

    public IssuePeopleProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private PeopleOptions options() {
        return getEndpoint().getPeople();
    }

    /**
     * PUT /rest/api/{3|2}/issue/{issueIdOrKey}/assignee: {@code {"accountId": ..}} on Cloud, {@code {"name": ..}} on
     * Data Center; null unassigns, {@code "-1"} is the project's default assignee.
     */
    @InvokeOnHeader("issue/assign")
    @ActionDoc(returns = NO_CONTENT, headers = { JiraSpokeConstants.ISSUE_KEY })
    public void assign(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), "issue/assign");
        String assignee = given(option(exchange, JiraSpokeConstants.ASSIGNEE, options().getAssignee()));
        if (assignee == null) {
            throw new JiraSpokeInputException("issue/assign of " + key + " needs an assignee: set option 'assignee'"
                                              + " (header " + JiraSpokeConstants.ASSIGNEE + ") to an account id on"
                                              + " Cloud, a user name on Data Center or an e-mail address; none"
                                              + " unassigns, default assigns the project's default assignee");
        }
        String id = switch (assignee.toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "default", "-1" -> "-1";
            default -> UserResolver.resolve(client(), assignee, "issue/assign", "option 'assignee', header "
                                                                                 + JiraSpokeConstants.ASSIGNEE);
        };
        client().call(JiraRequest.put(IssueKeys.path(dialect().api(), key) + "/assignee").body(dialect().user(id))
                .expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /**
     * POST /rest/api/{3|2}/issue/{issueIdOrKey}/watchers: the body is the user's id as a bare JSON string, which is
     * what Jira takes (an object is refused).
     */
    @InvokeOnHeader("issue/addWatcher")
    @ActionDoc(returns = NO_CONTENT, headers = { JiraSpokeConstants.ISSUE_KEY })
    public void addWatcher(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), "issue/addWatcher");
        String id = watcher(exchange, key, "issue/addWatcher");
        client().call(JiraRequest.post(IssueKeys.path(dialect().api(), key) + "/watchers").body(TextNode.valueOf(id))
                .expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /** DELETE /rest/api/{3|2}/issue/{issueIdOrKey}/watchers?accountId= (Cloud) or ?username= (Data Center). */
    @InvokeOnHeader("issue/removeWatcher")
    @ActionDoc(returns = NO_CONTENT, headers = { JiraSpokeConstants.ISSUE_KEY })
    public void removeWatcher(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), "issue/removeWatcher");
        String id = watcher(exchange, key, "issue/removeWatcher");
        client().call(JiraRequest.delete(IssueKeys.path(dialect().api(), key) + "/watchers")
                .query(dialect().userParameter(), id).expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}/watchers. */
    @InvokeOnHeader("issue/watchers")
    @ActionDoc(returns = "JiraWatchers: the count, whether the connection's user watches, and the watchers it may see",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public JiraWatchers watchers(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), "issue/watchers");
        JiraWatchers watchers = new JiraWatchers(client().call(JiraRequest.get(IssueKeys.path(dialect().api(), key)
                                                                               + "/watchers")));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        return watchers;
    }

    /**
     * POST /rest/api/{3|2}/issue/{issueIdOrKey}/notify {@code {"subject","textBody","htmlBody","to":{..}}}: users in
     * {@code to.users} as the dialect shapes them, groups by name. Jira queues the e-mail and may throttle it.
     */
    @InvokeOnHeader(NOTIFY)
    @ActionDoc(body = NOTIFY_BODY, returns = NO_CONTENT, headers = { JiraSpokeConstants.ISSUE_KEY })
    public void sendNotification(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), NOTIFY);
        PeopleOptions o = options();
        Object body = exchange.getIn().getBody() instanceof JiraIssue ? null : Bodies.objectOrText(exchange, NOTIFY);
        Map<String, Object> notification = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> m) {
            m.forEach((k, v) -> notification.put(String.valueOf(k), v));
        } else if (body instanceof String text && !text.isBlank()) {
            notification.put("textBody", text);
        }
        String subject = given(option(exchange, JiraSpokeConstants.SUBJECT, o.getSubject()));
        if (subject != null) {
            notification.putIfAbsent("subject", subject);
        }
        Map<String, Object> to = recipients(notification.get("to"));
        for (String role : commaList(option(exchange, JiraSpokeConstants.NOTIFY_TO, o.getNotifyTo()))) {
            String flag = role.toLowerCase(Locale.ROOT);
            if (!ROLES.contains(flag)) {
                throw new JiraSpokeInputException(NOTIFY + ": option 'notifyTo' (header " + JiraSpokeConstants.NOTIFY_TO
                                                  + ") takes reporter, assignee, watchers and voters, not '" + role
                                                  + "'; users go in 'notifyToUsers', groups in 'notifyToGroups'");
            }
            to.putIfAbsent(flag, true);
        }
        List<String> users = commaList(option(exchange, JiraSpokeConstants.NOTIFY_TO_USERS, o.getNotifyToUsers()));
        List<String> groups = commaList(option(exchange, JiraSpokeConstants.NOTIFY_TO_GROUPS, o.getNotifyToGroups()));
        if (!hasText(notification.get("textBody")) && !hasText(notification.get("htmlBody"))) {
            throw new JiraSpokeInputException(NOTIFY + " of " + key + " needs the text of the e-mail: a plain text"
                                              + " message body, or textBody or htmlBody in a JSON body");
        }
        if (users.isEmpty() && groups.isEmpty() && !hasRecipients(to)) {
            throw new JiraSpokeInputException(NOTIFY + " of " + key + " needs recipients: set option 'notifyTo'"
                                              + " (reporter, assignee, watchers, voters; header "
                                              + JiraSpokeConstants.NOTIFY_TO + "), 'notifyToUsers' (header "
                                              + JiraSpokeConstants.NOTIFY_TO_USERS + ") or 'notifyToGroups' (header "
                                              + JiraSpokeConstants.NOTIFY_TO_GROUPS + "), or 'to' in the body");
        }
        if (!users.isEmpty()) {
            List<Object> list = list(to.get("users"), "to.users");
            String source = "option 'notifyToUsers', header " + JiraSpokeConstants.NOTIFY_TO_USERS;
            for (String user : users) {
                list.add(dialect().user(UserResolver.resolve(client(), user, NOTIFY, source)));
            }
            to.put("users", list);
        }
        if (!groups.isEmpty()) {
            List<Object> list = list(to.get("groups"), "to.groups");
            groups.forEach(g -> list.add(Map.of("name", g)));
            to.put("groups", list);
        }
        notification.put("to", to);
        client().call(JiraRequest.post(IssueKeys.path(dialect().api(), key) + "/notify").body(notification)
                .expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    private String watcher(Exchange exchange, String key, String action) {
        String watcher = given(option(exchange, JiraSpokeConstants.WATCHER, options().getWatcher()));
        if (watcher == null) {
            throw new JiraSpokeInputException(action + " of " + key + " needs the user: set option 'watcher' (header "
                                              + JiraSpokeConstants.WATCHER + ") to an account id on Cloud, a user"
                                              + " name on Data Center or an e-mail address");
        }
        return UserResolver.resolve(client(), watcher, action, "option 'watcher', header " + JiraSpokeConstants.WATCHER);
    }

    private static Map<String, Object> recipients(Object to) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (to instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (to != null) {
            throw new JiraSpokeInputException(NOTIFY + ": 'to' in the body must be a JSON object of recipients"
                                              + " (reporter, assignee, watchers, voters, users, groups)");
        }
        return out;
    }

    private static List<Object> list(Object value, String field) {
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            out.addAll(l);
        } else if (value != null) {
            throw new JiraSpokeInputException(NOTIFY + ": '" + field + "' in the body must be a list");
        }
        return out;
    }

    /** Whether Jira's {@code to} names anybody: a flag set, or a non-empty list of users or groups. */
    private static boolean hasRecipients(Map<String, Object> to) {
        for (Map.Entry<String, Object> e : to.entrySet()) {
            Object v = e.getValue();
            if (ROLES.contains(e.getKey()) && (Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v)))) {
                return true;
            }
            if (v instanceof List<?> l && !l.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasText(Object value) {
        return value instanceof CharSequence s && !s.toString().isBlank();
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
