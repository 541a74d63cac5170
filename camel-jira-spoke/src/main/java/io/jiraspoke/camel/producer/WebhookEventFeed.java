package io.jiraspoke.camel.producer;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.consumer.EventSource;
import io.jiraspoke.camel.consumer.Reconciliation;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraComment;
import io.jiraspoke.camel.model.JiraWebhookEvent;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;

/**
 * The webhook side of webhook/events: a delivery's payload as a {@link JiraWebhookEvent}, the event filter
 * (webhookEvents), and the optional registration of the webhook through the connection's {@link WebhookApi} (admin
 * webhooks, Data Center 10's, or app webhooks on OAuth connections), which webhook/subscribe also uses: registering
 * on every start finds the webhook registered before (by name, else URL) instead of adding a second one.
 */
final class WebhookEventFeed implements EventSource<JiraWebhookEvent> {

    static final String ACTION = "webhook/events";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEventFeed.class);

    private final JiraSpokeEndpoint endpoint;
    private final Set<String> events;
    private final IssueEventReconciliation reconciliation;
    private WebhookApi api;
    private volatile String registeredId;

    WebhookEventFeed(JiraSpokeEndpoint endpoint) {
        this.endpoint = endpoint;
        this.events = new LinkedHashSet<>(commaList(endpoint.getWebhook().getWebhookEvents()));
        this.reconciliation = endpoint.getWebhook().getWebhookReconcileInterval() == null ? null
                : new IssueEventReconciliation(endpoint, events);
    }

    @Override
    public Reconciliation<JiraWebhookEvent> reconciliation() {
        return reconciliation;
    }

    @Override
    public void start() {
        WebhookOptions o = endpoint.getWebhook();
        if (!o.isWebhookRegister()) {
            if (o.isWebhookUnregister()) {
                throw new JiraSpokeConfigurationException(
                        "Consumer jiraspoke:" + ACTION + ": option 'webhookUnregister' deletes the webhook the"
                                                          + " consumer registered, and webhookRegister is not set;"
                                                          + " set webhookRegister=true, or leave webhookUnregister"
                                                          + " unset");
            }
            return;
        }
        JiraClient client = endpoint.getClient();
        if (client.isReadOnly()) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:" + ACTION + " cannot register its webhook on connection '" + client.name()
                                                      + "': the connection is read-only (readOnly=true); register"
                                                      + " the webhook in Jira and leave webhookRegister unset, or"
                                                      + " use a connection that may write");
        }
        api = WebhookApi.of(client);
        // the event is read from the body: never registered without it (app webhooks always carry it)
        Boolean excludeBody = api instanceof AppWebhooks ? null : Boolean.FALSE;
        WebhookSpec spec = new WebhookSpec(blankToNull(o.getWebhookName()), blankToNull(o.getWebhookUrl()),
                List.copyOf(events), blankToNull(endpoint.getIssue().getJql()), excludeBody,
                blankToNull(o.getWebhookSecret()));
        if (spec.url() == null) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:" + ACTION + " with webhookRegister=true needs the URL Jira sends the events"
                                                      + " to, as Jira reaches this application: set option"
                                                      + " 'webhookUrl' (e.g. https://camel.example.com/jira/events)");
        }
        if (spec.events().isEmpty()) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:" + ACTION + " with webhookRegister=true needs the events to register: set"
                                                      + " option 'webhookEvents' (e.g."
                                                      + " jira:issue_created,comment_created)");
        }
        try {
            api.check(spec, ACTION);
        } catch (JiraSpokeInputException e) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:" + e.getMessage());
        }
        WebhookApi.Subscription s = api.subscribe(spec);
        registeredId = s.webhook().getId();
        LOG.info("{}: webhook {} {} in {} (expires: {})", endpoint, registeredId, s.outcome().text(),
                api.describe(), Optional.ofNullable(s.webhook().getExpirationDate()).map(Object::toString)
                        .orElse("never"));
    }

    @Override
    public void renew() {
        String id = registeredId;
        if (id != null) {
            Optional<OffsetDateTime> until = api.refresh(List.of(id));
            LOG.debug("{}: webhook {} extended until {}", endpoint, id, until.map(Object::toString).orElse("?"));
        }
    }

    @Override
    public Duration renewInterval() {
        return registeredId != null && api.expires() ? endpoint.getWebhook().getWebhookRefreshInterval() : null;
    }

    @Override
    public void stop() {
        String id = registeredId;
        if (id == null || !endpoint.getWebhook().isWebhookUnregister()) {
            return;
        }
        try {
            api.delete(List.of(id));
            registeredId = null;
            LOG.info("{}: webhook {} deleted in {}", endpoint, id, api.describe());
        } catch (RuntimeException e) {
            LOG.warn("{} could not delete its webhook {} in {}: {}", endpoint, id, api.describe(), e.toString());
        }
    }

    @Override
    public JiraWebhookEvent read(JsonNode payload) {
        JsonNode event = payload.get("webhookEvent");
        if (event == null || !event.isTextual() || event.asText().isBlank()) {
            throw new JiraSpokeInputException("The delivery is not a Jira webhook payload: it has no webhookEvent");
        }
        return new JiraWebhookEvent(payload);
    }

    @Override
    public boolean wanted(JiraWebhookEvent event) {
        return events.isEmpty() || events.contains(event.getWebhookEvent());
    }

    @Override
    public void headers(JiraWebhookEvent event, Message m) {
        m.setHeader(JiraSpokeConstants.WEBHOOK_EVENT, event.getWebhookEvent());
        m.setHeader(JiraSpokeConstants.WEBHOOK_TIMESTAMP, event.getTimestampMillis());
        m.setHeader(JiraSpokeConstants.ISSUE_KEY, event.getIssueKey());
        m.setHeader(JiraSpokeConstants.ISSUE_ID, event.getIssueId());
        JiraComment comment = event.getComment();
        m.setHeader(JiraSpokeConstants.COMMENT_ID, comment == null ? null : comment.getId());
    }

    @Override
    public String describe(JiraWebhookEvent event) {
        return event.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
