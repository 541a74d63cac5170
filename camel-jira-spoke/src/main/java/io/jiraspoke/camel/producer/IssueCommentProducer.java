package io.jiraspoke.camel.producer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraComment;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * The comment actions of the {@code issue} family: add, list, find the newest, update and delete comments, and the
 * issue/comments consumer ({@link CommentFeed}). A comment body is text, shaped by the connection's dialect (ADF on
 * Cloud, wiki markup on Data Center), or an ADF document on Cloud.
 */
public class IssueCommentProducer extends JiraSpokeProducer {

    private static final String COMMENT_BODY = "The comment: text (on Cloud plain text, turned into ADF paragraphs;"
                                               + " on Data Center wiki markup), an ADF document (Cloud), or a JSON"
                                               + " object {\"body\": .., \"visibility\": ..} as Jira takes it, whose"
                                               + " visibility wins over the options; as a String, bytes, a stream"
                                               + " or a file.";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,19}");
    /** Rounds of "how many are there, then the last one" before the comments are walked instead. */
    private static final int NEWEST_ROUNDS = 3;
    private static final int SHOWN = 60;

    public IssueCommentProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private CommentOptions options() {
        return getEndpoint().getComment();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        IssueItemFeed.refuseJqlOnProducer(getEndpoint(), "issue/comments", "comments");
    }

    /** POST /rest/api/{3|2}/issue/{issueIdOrKey}/comment. */
    @InvokeOnHeader("issue/addComment")
    @ActionDoc(body = COMMENT_BODY, returns = "JiraComment: the comment as Jira created it",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.COMMENT_ID })
    public JiraComment addComment(Exchange exchange) {
        String key = issueKey(exchange, "issue/addComment");
        Map<String, Object> request = commentRequest(exchange, "issue/addComment");
        JsonNode created = client().call(JiraRequest.post(commentsPath(key)).query("expand", expand(exchange))
                .body(request));
        JiraComment comment = comment(created, key);
        setResultHeaders(exchange.getMessage(), key, comment.getId());
        return comment;
    }

    /**
     * The newest comment by creation. Cloud: GET .../comment?orderBy=-created&maxResults=1. Data Center, where older
     * servers ignore orderBy: the count first, then the last comment in Jira's default order (oldest first).
     */
    @InvokeOnHeader("issue/latestComment")
    @ActionDoc(returns = "JiraComment, the issue's newest comment; null when the issue has none, and header"
                         + " CamelJiraSpokeCommentFound tells which (the issue having no comment is no error)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.COMMENT_ID,
                           JiraSpokeConstants.COMMENT_FOUND })
    public JiraComment latestComment(Exchange exchange) {
        String key = issueKey(exchange, "issue/latestComment");
        String expand = expand(exchange);
        JsonNode newest = dialect().ordersComments() ? newestByOrder(key, expand) : newestByPosition(key, expand);
        Message m = exchange.getMessage();
        m.setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        m.setHeader(JiraSpokeConstants.COMMENT_FOUND, newest != null);
        if (newest == null) {
            m.removeHeader(JiraSpokeConstants.COMMENT_ID);
            m.setBody(null);
            return null;
        }
        JiraComment comment = comment(newest, key);
        m.setHeader(JiraSpokeConstants.COMMENT_ID, comment.getId());
        return comment;
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}/comment (startAt paging, {@code comments}). */
    @InvokeOnHeader("issue/comments")
    @ActionDoc(returns = "List<JiraComment>, oldest first unless orderBy says otherwise, or with outputType=iterator"
                         + " an Iterator<JiraComment> that fetches pages as it is read",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public Object comments(Exchange exchange) {
        String key = issueKey(exchange, "issue/comments");
        String order = option(exchange, JiraSpokeConstants.ORDER_BY, options().getOrderBy());
        if (order != null && !order.equals("created") && !order.equals("-created") && !order.equals("+created")) {
            throw new JiraSpokeInputException("issue/comments: option 'orderBy' (header " + JiraSpokeConstants.ORDER_BY
                                              + ") must be created, +created or -created, was '" + shown(order)
                                              + "'");
        }
        Object result = output(commentPager(client(), key, order, expand(exchange), getEndpoint().getPageSize(),
                getEndpoint().getLimit(), n -> comment(n, key)));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        return result;
    }

    /** PUT /rest/api/{3|2}/issue/{issueIdOrKey}/comment/{id}. */
    @InvokeOnHeader("issue/updateComment")
    @ActionDoc(body = COMMENT_BODY, returns = "JiraComment: the comment as Jira changed it",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.COMMENT_ID })
    public JiraComment updateComment(Exchange exchange) {
        String key = issueKey(exchange, "issue/updateComment");
        String id = commentId(exchange, "issue/updateComment");
        Map<String, Object> request = commentRequest(exchange, "issue/updateComment");
        JsonNode updated = client().call(JiraRequest.put(commentsPath(key) + "/" + id)
                .query("expand", expand(exchange)).body(request).expect(JiraRequest.Expect.OBJECT));
        JiraComment comment = comment(updated, key);
        setResultHeaders(exchange.getMessage(), key, id);
        return comment;
    }

    /** DELETE /rest/api/{3|2}/issue/{issueIdOrKey}/comment/{id}. */
    @InvokeOnHeader("issue/deleteComment")
    @ActionDoc(returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.COMMENT_ID })
    public void deleteComment(Exchange exchange) {
        String key = issueKey(exchange, "issue/deleteComment");
        String id = commentId(exchange, "issue/deleteComment");
        client().call(JiraRequest.delete(commentsPath(key) + "/" + id));
        setResultHeaders(exchange.getMessage(), key, id);
    }

    /** The issue/comments consumer: new and edited comments of the issues a JQL query matches. */
    @ConsumerFeed(value = "issue/comments",
                  emits = "one JiraComment per new or edited comment of the issues option 'jql' matches, issue by"
                          + " issue in the order Jira updated them: each comment version once (an edit is a new"
                          + " version, an issue changed for another reason brings no comment again, deletions are"
                          + " not emitted), none lost when a poll stops early (see the README's Comments)",
                  headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID,
                              JiraSpokeConstants.COMMENT_ID })
    public static IncrementalSource<JiraComment> commentsFeed(JiraSpokeEndpoint endpoint) {
        return new CommentFeed(endpoint);
    }

    /**
     * An issue's comments, lazily page by page. Without an order, Cloud is asked for {@code orderBy=created} and
     * Data Center for its default, which is the same order.
     */
    static <T> JiraPager<T> commentPager(JiraClient client, String issue, String orderBy, String expand,
                                         int pageSize, long limit, Function<JsonNode, T> mapper) {
        String order = orderBy != null ? orderBy : client.dialect().ordersComments() ? "created" : null;
        String path = client.dialect().api() + "/issue/" + JiraRequest.segment(issue) + "/comment";
        return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get(path)
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .query("orderBy", order).query("expand", expand)), "comments", pageSize, limit, mapper);
    }

    private JsonNode newestByOrder(String key, String expand) {
        return first(comments(page(key, 0, "-created", expand)));
    }

    /**
     * The newest comment without orderBy: ask for the first comment to learn the count, then for the last one. A
     * server that ignores paging lists every comment at once, oldest first: its last is the newest. A count that
     * changes between the two requests (a comment added or deleted meanwhile) is asked again, a few times; when
     * the count and the comments still disagree, the comments are walked page by page, keeping only the last.
     */
    private JsonNode newestByPosition(String key, String expand) {
        JsonNode first = page(key, 0, null, expand);
        JsonNode items = comments(first);
        if (items.isEmpty()) {
            return null;
        }
        if (items.size() > 1) {
            return last(items);
        }
        Long total = number(first.get("total"));
        if (total != null && total <= 1) {
            return items.get(0);
        }
        for (int round = 0; total != null && total > 1 && round < NEWEST_ROUNDS; round++) {
            JsonNode page = page(key, total - 1, null, expand);
            JsonNode got = comments(page);
            Long now = number(page.get("total"));
            if (got.size() > 1) {
                return last(got);
            }
            boolean sameCount = now == null || now.equals(total);
            if (got.size() == 1 && sameCount) {
                return got.get(0);
            }
            if (sameCount) {
                // a count that does not change yet has nothing at its end is wrong: asking again will not help
                break;
            }
            total = now;
        }
        JsonNode newest = null;
        for (JsonNode c : commentPager(client(), key, null, expand, getEndpoint().getPageSize(), 0, n -> n)) {
            newest = c;
        }
        return newest;
    }

    private JsonNode page(String key, long startAt, String orderBy, String expand) {
        return client().call(JiraRequest.get(commentsPath(key)).query("startAt", startAt).query("maxResults", 1)
                .query("orderBy", orderBy).query("expand", expand));
    }

    private static JsonNode comments(JsonNode page) {
        JsonNode c = page == null ? null : page.get("comments");
        return c != null && c.isArray() ? c : MissingNode.getInstance();
    }

    private static JsonNode first(JsonNode items) {
        return items.isEmpty() ? null : items.get(0);
    }

    private static JsonNode last(JsonNode items) {
        return items.get(items.size() - 1);
    }

    /** A whole number, also when Jira sends it as a string; null when there is none. */
    private static Long number(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual() && NUMBER.matcher(v.asText().trim()).matches()) {
            return Long.parseLong(v.asText().trim());
        }
        return null;
    }

    private String commentsPath(String key) {
        return dialect().api() + "/issue/" + JiraRequest.segment(key) + "/comment";
    }

    /** A comment of the issue the route named, by key or by id. */
    private static JiraComment comment(JsonNode node, String issueIdOrKey) {
        return NUMBER.matcher(issueIdOrKey).matches() ? new JiraComment(node, null, issueIdOrKey, null)
                : new JiraComment(node, issueIdOrKey, null, null);
    }

    private static void setResultHeaders(Message message, String issueKey, String commentId) {
        message.setHeader(JiraSpokeConstants.ISSUE_KEY, issueKey);
        message.setHeader(JiraSpokeConstants.COMMENT_ID, commentId);
    }

    private String expand(Exchange exchange) {
        return option(exchange, JiraSpokeConstants.EXPAND, getEndpoint().getIssue().getExpand());
    }

    private String issueKey(Exchange exchange, String action) {
        String key = option(exchange, JiraSpokeConstants.ISSUE_KEY, getEndpoint().getIssue().getIssueKey());
        if (key == null || key.isBlank()) {
            throw new JiraSpokeInputException(action + " needs an issue: set option 'issueKey' or header "
                                              + JiraSpokeConstants.ISSUE_KEY);
        }
        return key.strip();
    }

    private String commentId(Exchange exchange, String action) {
        String id = option(exchange, JiraSpokeConstants.COMMENT_ID, options().getCommentId());
        if (id == null || id.isBlank()) {
            throw new JiraSpokeInputException(action + " needs a comment: set option 'commentId' or header "
                                              + JiraSpokeConstants.COMMENT_ID);
        }
        String trimmed = id.strip();
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new JiraSpokeInputException(action + ": option 'commentId' (header " + JiraSpokeConstants.COMMENT_ID
                                              + ") must be a comment id, a number such as 10042, was '"
                                              + shown(trimmed) + "'");
        }
        return trimmed;
    }

    /** The request of an add or update: the body shaped by the dialect, the visibility from the options. */
    private Map<String, Object> commentRequest(Exchange exchange, String action) {
        Object body = Bodies.objectOrText(exchange, action);
        Map<String, Object> request;
        if (body instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            if ("doc".equals(map.get("type"))) {
                request = new LinkedHashMap<>();
                request.put("body", map);
            } else if (map.containsKey("body")) {
                request = map;
            } else {
                throw new JiraSpokeInputException(action + " needs the comment in the message body: text, an ADF"
                                                  + " document or {\"body\": ..} as Jira takes it; the JSON object"
                                                  + " has no 'body' and is no ADF document (\"type\": \"doc\")");
            }
        } else if (body instanceof String s && !s.isBlank()) {
            request = new LinkedHashMap<>();
            request.put("body", s);
        } else {
            throw new JiraSpokeInputException(action + " needs the comment text in the message body (text, or an"
                                              + " ADF document on Cloud); the body is "
                                              + (body == null ? "empty" : "blank"));
        }
        Object text = request.get("body");
        if (text == null || text instanceof String s && s.isBlank()) {
            throw new JiraSpokeInputException(action + " needs the comment text: field 'body' of the message body"
                                              + " is empty");
        }
        request.put("body", dialect().richText(text, textFormat(exchange, action), action, "body"));
        Map<String, Object> visibility = visibility(exchange, action);
        if (visibility != null) {
            request.putIfAbsent("visibility", visibility);
        }
        return request;
    }

    private Map<String, Object> visibility(Exchange exchange, String action) {
        CommentOptions o = options();
        String type = blankToNull(option(exchange, JiraSpokeConstants.VISIBILITY_TYPE, o.getVisibilityType()));
        String value = blankToNull(option(exchange, JiraSpokeConstants.VISIBILITY_VALUE, o.getVisibilityValue()));
        if (type == null && value == null) {
            return null;
        }
        if (type == null) {
            throw new JiraSpokeInputException(action + " restricts the comment to '" + shown(value) + "' without"
                                              + " saying whether that is a role or a group: set option"
                                              + " 'visibilityType' (role or group) or header "
                                              + JiraSpokeConstants.VISIBILITY_TYPE);
        }
        if (value == null) {
            throw new JiraSpokeInputException(action + " restricts the comment to a " + shown(type) + " without"
                                              + " naming it: set option 'visibilityValue' or header "
                                              + JiraSpokeConstants.VISIBILITY_VALUE);
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (!t.equals("role") && !t.equals("group")) {
            throw new JiraSpokeInputException(action + ": option 'visibilityType' (header "
                                              + JiraSpokeConstants.VISIBILITY_TYPE + ") must be role or group, was '"
                                              + shown(type) + "'");
        }
        Map<String, Object> v = new LinkedHashMap<>(2);
        v.put("type", t);
        v.put("value", value);
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A value in a message, cut short: it came from a message and may be any size. */
    static String shown(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "... (" + s.length() + " characters)";
    }
}
