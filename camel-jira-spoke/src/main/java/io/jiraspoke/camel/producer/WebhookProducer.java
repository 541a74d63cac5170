package io.jiraspoke.camel.producer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraWebhook;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Webhook management. Each action has one catalogue variant, while Jira has three webhook APIs (admin webhooks,
 * Data Center 10's, and the app webhooks of OAuth connections): the {@link WebhookApi} of the connection is chosen
 * once, when the producer starts, and the methods here never ask which it is.
 */
public class WebhookProducer extends JiraSpokeProducer {

    private WebhookApi api;

    public WebhookProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        api = WebhookApi.of(client());
    }

    private WebhookOptions options() {
        return getEndpoint().getWebhook();
    }

    /** GET /rest/webhooks/1.0/webhook, /rest/jira-webhook/1.0/webhooks (DC 10+) or /rest/api/3/webhook (OAuth). */
    @InvokeOnHeader("webhook/list")
    @ActionDoc(returns = "List<JiraWebhook>: every webhook of the connection's webhook API (with OAuth: the app"
                         + " webhooks of this app)")
    public List<JiraWebhook> list() {
        List<JiraWebhook> all = new ArrayList<>();
        api.list().forEach(all::add);
        return all;
    }

    /**
     * Lists, then POSTs a new webhook, PUTs the changed one, or leaves an unchanged one (refreshing an app webhook's
     * 30-day life).
     */
    @InvokeOnHeader("webhook/subscribe")
    @ActionDoc(returns = "JiraWebhook: the webhook as Jira now has it (app webhooks: as registered, since Jira"
                         + " answers only their id). Subscribing again with the same definition, also after a"
                         + " restart, changes nothing; a changed definition updates the webhook found by name, else"
                         + " by URL (app webhooks: by URL and events; they are registered anew and the old one"
                         + " deleted)",
               headers = { JiraSpokeConstants.WEBHOOK_ID, JiraSpokeConstants.WEBHOOK_OUTCOME })
    public JiraWebhook subscribe(Exchange exchange) {
        String action = "webhook/subscribe";
        WebhookSpec spec = spec(exchange, action);
        if (spec.url() == null) {
            throw new JiraSpokeInputException(action + " needs the URL Jira sends the events to: set option"
                                              + " 'webhookUrl' or header " + JiraSpokeConstants.WEBHOOK_URL);
        }
        if (spec.events().isEmpty()) {
            throw new JiraSpokeInputException(action + " needs the events to send: set option 'webhookEvents' or"
                                              + " header " + JiraSpokeConstants.WEBHOOK_EVENTS
                                              + " (e.g. jira:issue_created,jira:issue_updated)");
        }
        WebhookApi.Subscription s = api.subscribe(spec);
        setResultHeaders(exchange.getMessage(), s.webhook().getId(), s.outcome().text());
        return s.webhook();
    }

    /** GETs the webhook, then PUTs it with the given options put over what it has. */
    @InvokeOnHeader("webhook/update")
    @ActionDoc(returns = "JiraWebhook: the webhook as Jira now has it. Options not given keep their value, except"
                         + " the secret, which Jira never returns: give webhookSecret again to keep the webhook"
                         + " signed",
               headers = { JiraSpokeConstants.WEBHOOK_ID, JiraSpokeConstants.WEBHOOK_OUTCOME })
    public JiraWebhook update(Exchange exchange) {
        String action = "webhook/update";
        String id = id(exchange, action);
        WebhookSpec given = spec(exchange, action);
        if (given.equals(new WebhookSpec(null, null, List.of(), null, null, null))) {
            throw new JiraSpokeInputException(action + " of webhook " + id + " has nothing to change: set one of"
                                              + " the options webhookName, webhookUrl, webhookEvents, jql,"
                                              + " webhookExcludeBody, webhookSecret (or their headers)");
        }
        JiraWebhook existing = api.get(id);
        WebhookSpec merged = WebhookApi.definitionOf(existing).with(given);
        api.check(merged, action);
        JiraWebhook updated = api.replace(existing, merged);
        setResultHeaders(exchange.getMessage(), updated.getId() != null ? updated.getId() : id, "updated");
        return updated;
    }

    /**
     * DELETEs the webhook by id, or every webhook of the given name (else URL): none there is no error, so
     * unsubscribing twice is harmless.
     */
    @InvokeOnHeader("webhook/unsubscribe")
    @ActionDoc(returns = "the body as it was; the headers say which webhooks were deleted, or that none matched",
               headers = { JiraSpokeConstants.WEBHOOK_ID, JiraSpokeConstants.WEBHOOK_OUTCOME })
    public void unsubscribe(Exchange exchange) {
        WebhookOptions o = options();
        String id = blankToNull(option(exchange, JiraSpokeConstants.WEBHOOK_ID, o.getWebhookId()));
        if (id != null) {
            api.delete(List.of(id));
            setResultHeaders(exchange.getMessage(), id, "deleted");
            return;
        }
        String name = blankToNull(option(exchange, JiraSpokeConstants.WEBHOOK_NAME, o.getWebhookName()));
        String url = url(exchange, "webhook/unsubscribe");
        if (name == null && url == null) {
            throw new JiraSpokeInputException("webhook/unsubscribe needs the webhook: set option 'webhookId' (header "
                                              + JiraSpokeConstants.WEBHOOK_ID + "), 'webhookName' (header "
                                              + JiraSpokeConstants.WEBHOOK_NAME + ") or 'webhookUrl' (header "
                                              + JiraSpokeConstants.WEBHOOK_URL + ")");
        }
        List<String> ids = new ArrayList<>();
        api.findAll(name, url).forEach(w -> ids.add(w.getId()));
        if (ids.isEmpty()) {
            exchange.getMessage().setHeader(JiraSpokeConstants.WEBHOOK_OUTCOME, "absent");
            return;
        }
        api.delete(ids);
        setResultHeaders(exchange.getMessage(), String.join(",", ids), "deleted");
    }

    private static void setResultHeaders(Message message, String id, String outcome) {
        message.setHeader(JiraSpokeConstants.WEBHOOK_ID, id);
        message.setHeader(JiraSpokeConstants.WEBHOOK_OUTCOME, outcome);
    }

    /** The definition the options and headers give; fields not given are null (events: empty). */
    private WebhookSpec spec(Exchange exchange, String action) {
        WebhookOptions o = options();
        String name = blankToNull(option(exchange, JiraSpokeConstants.WEBHOOK_NAME, o.getWebhookName()));
        String url = url(exchange, action);
        List<String> events = commaList(option(exchange, JiraSpokeConstants.WEBHOOK_EVENTS, o.getWebhookEvents()));
        String jql = blankToNull(option(exchange, JiraSpokeConstants.JQL, getEndpoint().getIssue().getJql()));
        Boolean excludeBody = option(exchange, JiraSpokeConstants.WEBHOOK_EXCLUDE_BODY, o.getWebhookExcludeBody());
        String secret = blankToNull(option(exchange, JiraSpokeConstants.WEBHOOK_SECRET, o.getWebhookSecret()));
        return new WebhookSpec(name, url, events, jql, excludeBody, secret);
    }

    /** The webhook URL, when given: an absolute http(s) URL (not echoed: some carry a token). */
    private String url(Exchange exchange, String action) {
        String url = blankToNull(option(exchange, JiraSpokeConstants.WEBHOOK_URL, options().getWebhookUrl()));
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url.strip();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        String where = exchange.getIn().getHeader(JiraSpokeConstants.WEBHOOK_URL) != null
                ? "header " + JiraSpokeConstants.WEBHOOK_URL : "option 'webhookUrl'";
        throw new JiraSpokeInputException(action + ": the webhook URL (" + where + ") must be an absolute http or"
                                          + " https URL, e.g. https://camel.example.com/jira/events");
    }

    private String id(Exchange exchange, String action) {
        String id = blankToNull(option(exchange, JiraSpokeConstants.WEBHOOK_ID, options().getWebhookId()));
        if (id == null) {
            throw new JiraSpokeInputException(action + " needs the webhook's id: set option 'webhookId' or header "
                                              + JiraSpokeConstants.WEBHOOK_ID + " (webhook/list shows the ids)");
        }
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
