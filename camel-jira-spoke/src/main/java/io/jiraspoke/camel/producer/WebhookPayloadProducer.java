package io.jiraspoke.camel.producer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.EventSource;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraWebhookEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

/**
 * The {@code webhook} actions that read what Jira delivered rather than manage webhooks: which issue a comment
 * webhook is about, and the deliveries themselves (the webhook/events consumer).
 */
public class WebhookPayloadProducer extends JiraSpokeProducer {

    private static final String ACTION = "webhook/issueFromComment";
    /** {@code .../rest/api/2/issue/{issueIdOrKey}/comment/{commentId}}, as Jira writes a comment's {@code self}. */
    private static final Pattern COMMENT_SELF = Pattern.compile("/rest/api/(?:2|3|latest)/issue/([^/?#]+)/comment/"
                                                                + "([^/?#]+)");
    private static final Pattern ISSUE_ID = Pattern.compile("\\d{1,19}");
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,254}-\\d{1,19}");
    private static final Pattern COMMENT_ID = Pattern.compile("\\d{1,19}");

    public WebhookPayloadProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** Jira's webhook deliveries, received over platform-http (see docs/webhooks.md). */
    @ConsumerFeed(value = "webhook/events",
                  emits = "one JiraWebhookEvent per delivery (the event, its issue, comment, changelog, user and"
                          + " sprint, the payload kept as getRaw()), once however often Jira delivers it; Jira is"
                          + " answered after the exchange completed (204, or 500 when the route failed, so that"
                          + " Jira retries), and without an exchange when the signature is wrong or missing (401),"
                          + " the body too large (413), not a JSON object (400), or the event not among"
                          + " webhookEvents (204); with webhookReconcileInterval also one per issue change no"
                          + " delivery brought, found by the reconciling poll (header"
                          + " CamelJiraSpokeWebhookReconciled=true)",
                  headers = { JiraSpokeConstants.WEBHOOK_EVENT, JiraSpokeConstants.ISSUE_KEY,
                              JiraSpokeConstants.ISSUE_ID, JiraSpokeConstants.COMMENT_ID,
                              JiraSpokeConstants.WEBHOOK_IDENTIFIER, JiraSpokeConstants.WEBHOOK_RETRY,
                              JiraSpokeConstants.WEBHOOK_TIMESTAMP, JiraSpokeConstants.WEBHOOK_RECONCILED })
    public static EventSource<JiraWebhookEvent> events(JiraSpokeEndpoint endpoint) {
        return new WebhookEventFeed(endpoint);
    }

    /**
     * No call when the payload carries its issue (Cloud); Data Center {@code comment_*} payloads carry none, so the
     * issue id is read from {@code comment.self} and the issue fetched: GET /rest/api/{3|2}/issue/{id}.
     */
    @InvokeOnHeader(ACTION)
    @ActionDoc(body = "A comment webhook payload as Jira delivers it ({\"webhookEvent\": \"comment_created\","
                      + " \"comment\": {..}, \"issue\": {..}}): JSON text, bytes, a stream, a Map or a JsonNode",
               returns = "JiraIssue: the payload's issue as Jira sent it (Cloud), or the issue fetched by the id in"
                         + " comment.self when the payload has none (Data Center)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID, JiraSpokeConstants.COMMENT_ID })
    public JiraIssue issueFromComment(Exchange exchange) {
        JsonNode payload = payload(exchange);
        JsonNode event = payload.get("webhookEvent");
        if (event != null && !event.isNull()) {
            String name = event.isTextual() ? event.asText() : null;
            if (name == null || !(name.startsWith("comment_") || name.startsWith("jira:issue_"))) {
                throw new JiraSpokeInputException(ACTION + " needs a Jira comment webhook payload; its webhookEvent"
                                                  + " is " + describe(event) + ", not a comment event"
                                                  + " (comment_created, comment_updated, comment_deleted)");
            }
        }
        JsonNode comment = payload.get("comment");
        if (comment == null || !comment.isObject()) {
            throw new JiraSpokeInputException(ACTION + " needs a Jira comment webhook payload: the message body has"
                                              + " no 'comment' object" + (comment == null ? "" : " (it is "
                                              + describe(comment) + ")"));
        }
        String commentId = commentId(comment);
        JsonNode issueNode = payload.get("issue");
        JiraIssue issue;
        if (issueNode != null && !issueNode.isNull()) {
            issue = new JiraIssue(issueOf(issueNode));
        } else {
            issue = new JiraIssue(client().call(JiraRequest.get(dialect().api() + "/issue/"
                                                                + JiraRequest.segment(issueFromSelf(comment)))));
        }
        Message m = exchange.getMessage();
        m.setHeader(JiraSpokeConstants.ISSUE_KEY, issue.getKey());
        m.setHeader(JiraSpokeConstants.ISSUE_ID, issue.getId());
        m.setHeader(JiraSpokeConstants.COMMENT_ID, commentId);
        return issue;
    }

    private static JsonNode payload(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof JsonNode node) {
            if (!node.isObject()) {
                throw new JiraSpokeInputException(ACTION + " needs a JSON object (a webhook payload) in the message"
                                                  + " body, got " + describe(node));
            }
            return node;
        }
        Object read = Bodies.objectOrText(exchange, ACTION);
        if (read == null) {
            throw new JiraSpokeInputException(ACTION + " needs the webhook payload in the message body; it is empty");
        }
        if (!(read instanceof java.util.Map<?, ?>)) {
            throw new JiraSpokeInputException(ACTION + " needs a JSON object (a webhook payload) in the message body;"
                                              + " it is not one (text starting "
                                              + quoted(read.toString().strip()) + ")");
        }
        try {
            return JiraJson.MAPPER.valueToTree(read);
        } catch (IllegalArgumentException e) {
            throw new JiraSpokeInputException(ACTION + " cannot read the Map in the message body as JSON: "
                                              + e.getClass().getSimpleName());
        }
    }

    /** A Cloud payload's issue: an object with the issue's key, as Jira sends it. */
    private static JsonNode issueOf(JsonNode issue) {
        if (!issue.isObject()) {
            throw new JiraSpokeInputException(ACTION + ": the payload's 'issue' is " + describe(issue)
                                              + ", not an issue object");
        }
        JsonNode key = issue.get("key");
        if (key == null || !key.isTextual() || !ISSUE_KEY.matcher(key.asText()).matches()) {
            throw new JiraSpokeInputException(ACTION + ": the payload's 'issue' has no Jira issue key (issue.key is "
                                              + (key == null ? "missing" : describe(key)) + "): not a Jira comment"
                                              + " webhook");
        }
        return issue;
    }

    /**
     * The issue id (or key) in {@code comment.self}. Only that part of the URL is used, against the connection's own
     * Jira: a payload cannot send the request anywhere else.
     */
    private static String issueFromSelf(JsonNode comment) {
        JsonNode self = comment.get("self");
        if (self == null || !self.isTextual()) {
            throw new JiraSpokeInputException(ACTION + ": the payload has no 'issue', and its comment.self, which"
                                              + " would name the issue (.../rest/api/2/issue/{id}/comment/{id}), is "
                                              + (self == null ? "missing" : describe(self)));
        }
        Matcher m = COMMENT_SELF.matcher(self.asText());
        if (!m.find() || !(ISSUE_ID.matcher(m.group(1)).matches() || ISSUE_KEY.matcher(m.group(1)).matches())) {
            throw new JiraSpokeInputException(ACTION + ": the payload has no 'issue', and its comment.self "
                                              + quoted(self.asText()) + " is not a Jira comment URL"
                                              + " (.../rest/api/2/issue/{id}/comment/{id})");
        }
        return m.group(1);
    }

    private static String commentId(JsonNode comment) {
        JsonNode id = comment.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        String text = id.isTextual() || id.isIntegralNumber() ? id.asText() : null;
        if (text == null || !COMMENT_ID.matcher(text).matches()) {
            throw new JiraSpokeInputException(ACTION + ": the payload's comment.id is " + describe(id)
                                              + ", not a comment id");
        }
        return text;
    }

    private static String describe(JsonNode node) {
        return node.isTextual() ? "the text " + quoted(node.asText())
                : "a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quoted(String s) {
        return "'" + IssueCommentProducer.shown(s) + "'";
    }
}
