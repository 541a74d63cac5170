package io.jiraspoke.camel.producer;

import java.time.Duration;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code webhook} family. The JQL that narrows a webhook's issue events is the shared
 * option {@code jql}. Which action reads which option is recorded in the catalogue; each can be overridden per
 * message by the header {@code CamelJiraSpoke<Option>}; the options of the webhook/events consumer are read once,
 * when it starts.
 */
@UriParams
public class WebhookOptions {

    @UriParam(label = "producer", description = "The id of the webhook to update or unsubscribe.")
    private String webhookId;
    @UriParam(label = "producer", description = "The webhook's name (admin webhooks; app webhooks of OAuth"
                                                + " connections have none). webhook/subscribe finds an existing"
                                                + " webhook by it (else by URL), so subscribing again creates no"
                                                + " second one.")
    private String webhookName;
    @UriParam(label = "producer", description = "The absolute http(s) URL Jira sends the events to. webhook/events"
                                                + " registers it (webhookRegister), and receives at its path unless"
                                                + " webhookPath says otherwise.")
    private String webhookUrl;
    @UriParam(label = "producer", description = "The events that trigger the webhook, comma separated (e.g."
                                                + " jira:issue_created,jira:issue_updated,comment_created)."
                                                + " webhook/events delivers only these events to the route (all"
                                                + " when not set).")
    private String webhookEvents;
    @UriParam(label = "producer", description = "Whether Jira leaves the event body out of deliveries (admin"
                                                + " webhooks). When not set Jira's default applies: the body is"
                                                + " sent.")
    private Boolean webhookExcludeBody;
    @UriParam(label = "producer,security", secret = true,
              description = "The secret Jira signs deliveries with (X-Hub-Signature: sha256=HMAC of the body; admin"
                            + " webhooks). Jira never returns it, so subscribe cannot tell a changed secret: change"
                            + " it with webhook/update. App webhooks (OAuth connections) take none: Jira signs"
                            + " their deliveries with a JWT. webhook/events refuses deliveries whose signature does"
                            + " not match it (401).")
    private String webhookSecret;

    @UriParam(label = "consumer", description = "webhook/events: the path on the application's HTTP server"
                                                + " (Camel platform-http) where Jira's deliveries arrive, e.g."
                                                + " /jira/events. Default: the path of webhookUrl.")
    private String webhookPath;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "webhook/events: register the webhook on the connection when the route starts (by"
                            + " webhookName, else webhookUrl: a restart never registers a second one, and a"
                            + " changed definition updates it). Needs webhookUrl and webhookEvents, and"
                            + " webhookName for admin webhooks.")
    private boolean webhookRegister;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "webhook/events: delete the registered webhook when the route stops. Off by default,"
                            + " so that deliveries made while the application restarts are retried by Jira rather"
                            + " than lost.")
    private boolean webhookUnregister;
    @UriParam(label = "consumer,security", defaultValue = "false",
              description = "webhook/events: accept deliveries that carry no signature (admin webhooks registered"
                            + " without a secret). Off by default: the consumer then refuses to start unless"
                            + " webhookSecret is set or the connection uses OAuth (whose app webhooks carry a JWT),"
                            + " because anyone who knows the URL could post events.")
    private boolean webhookAllowUnsigned;
    @UriParam(label = "consumer", defaultValue = "10485760",
              description = "webhook/events: the largest delivery accepted, in bytes; larger ones are answered"
                            + " 413. Set the HTTP server's own body limit as well: it reads the body first.")
    private long webhookMaxBodySize = 10 * 1024 * 1024;
    @UriParam(label = "consumer", defaultValue = "1d", javaType = "java.time.Duration",
              description = "webhook/events with webhookRegister on an OAuth connection: how often the app"
                            + " webhook's life is extended (Jira drops app webhooks 30 days after registration"
                            + " unless refreshed). Between 1s and 15d.")
    private Duration webhookRefreshInterval = Duration.ofDays(1);
    @UriParam(label = "consumer",
              description = "webhook/events: where the identities of delivered events are kept, so that Jira's"
                            + " retries and duplicate deliveries reach the route once. Default: in memory, the"
                            + " last 10000 deliveries. Any Camel IdempotentRepository bean (JDBC, Infinispan,"
                            + " Redis, ...) keeps them across restarts or shares them between instances.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", javaType = "java.time.Duration",
              description = "webhook/events: run a reconciling poll at this interval (e.g. 15m; at least 1s): an"
                            + " issue search with the endpoint's jql for the issues changed since the last poll,"
                            + " which delivers a jira:issue_created or jira:issue_updated event (header"
                            + " CamelJiraSpokeWebhookReconciled=true) for each change no delivery brought. It shares"
                            + " the idempotentRepository with the deliveries, so that a change reaches the route"
                            + " once either way. Needs jql, and jira:issue_created or jira:issue_updated among"
                            + " webhookEvents (or no webhookEvents). Its watermark is kept in stateRepository"
                            + " (overlap, pageSize and maxMessagesPerPoll apply): without saved state it starts"
                            + " from now, with it it fills the gaps of a downtime. Default: no poll.")
    private Duration webhookReconcileInterval;
    @UriParam(label = "consumer", defaultValue = "1m", javaType = "java.time.Duration",
              description = "webhook/events with webhookReconcileInterval: how old a change must be before the"
                            + " reconciling poll delivers an event for it; younger changes are left to the"
                            + " delivery that may still be on its way (it carries the changelog and the user, the"
                            + " poll cannot). Between 0s and 1d.")
    private Duration webhookReconcileDelay = Duration.ofMinutes(1);

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public String getWebhookName() {
        return webhookName;
    }

    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookEvents() {
        return webhookEvents;
    }

    public void setWebhookEvents(String webhookEvents) {
        this.webhookEvents = webhookEvents;
    }

    public Boolean getWebhookExcludeBody() {
        return webhookExcludeBody;
    }

    public void setWebhookExcludeBody(Boolean webhookExcludeBody) {
        this.webhookExcludeBody = webhookExcludeBody;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public boolean isWebhookRegister() {
        return webhookRegister;
    }

    public void setWebhookRegister(boolean webhookRegister) {
        this.webhookRegister = webhookRegister;
    }

    public boolean isWebhookUnregister() {
        return webhookUnregister;
    }

    public void setWebhookUnregister(boolean webhookUnregister) {
        this.webhookUnregister = webhookUnregister;
    }

    public boolean isWebhookAllowUnsigned() {
        return webhookAllowUnsigned;
    }

    public void setWebhookAllowUnsigned(boolean webhookAllowUnsigned) {
        this.webhookAllowUnsigned = webhookAllowUnsigned;
    }

    public long getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    public void setWebhookMaxBodySize(long webhookMaxBodySize) {
        if (webhookMaxBodySize < 1 || webhookMaxBodySize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Option 'webhookMaxBodySize' must be between 1 and "
                                               + (Integer.MAX_VALUE - 8) + " bytes, was " + webhookMaxBodySize);
        }
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public Duration getWebhookRefreshInterval() {
        return webhookRefreshInterval;
    }

    public void setWebhookRefreshInterval(Duration webhookRefreshInterval) {
        if (webhookRefreshInterval == null || webhookRefreshInterval.compareTo(Duration.ofSeconds(1)) < 0
            || webhookRefreshInterval.compareTo(Duration.ofDays(15)) > 0) {
            throw new IllegalArgumentException("Option 'webhookRefreshInterval' must be between 1s and 15d (app"
                                               + " webhooks expire after 30 days), was " + webhookRefreshInterval);
        }
        this.webhookRefreshInterval = webhookRefreshInterval;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Duration getWebhookReconcileInterval() {
        return webhookReconcileInterval;
    }

    public void setWebhookReconcileInterval(Duration webhookReconcileInterval) {
        if (webhookReconcileInterval != null && webhookReconcileInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("Option 'webhookReconcileInterval' must be at least 1s (e.g. 15m), was "
                                               + webhookReconcileInterval);
        }
        this.webhookReconcileInterval = webhookReconcileInterval;
    }

    public Duration getWebhookReconcileDelay() {
        return webhookReconcileDelay;
    }

    public void setWebhookReconcileDelay(Duration webhookReconcileDelay) {
        if (webhookReconcileDelay == null || webhookReconcileDelay.isNegative()
            || webhookReconcileDelay.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("Option 'webhookReconcileDelay' must be between 0s and 1d (e.g. 1m),"
                                               + " was " + webhookReconcileDelay);
        }
        this.webhookReconcileDelay = webhookReconcileDelay;
    }
}
