package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code webhook} family. The JQL that narrows a webhook's issue events is the shared
 * option {@code jql}. Which action reads which option is recorded in the catalogue; each can be overridden per
 * message by the header {@code CamelJiraSpoke<Option>}.
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
    @UriParam(label = "producer", description = "The absolute http(s) URL Jira sends the events to.")
    private String webhookUrl;
    @UriParam(label = "producer", description = "The events that trigger the webhook, comma separated (e.g."
                                                + " jira:issue_created,jira:issue_updated,comment_created).")
    private String webhookEvents;
    @UriParam(label = "producer", description = "Whether Jira leaves the event body out of deliveries (admin"
                                                + " webhooks). When not set Jira's default applies: the body is"
                                                + " sent.")
    private Boolean webhookExcludeBody;
    @UriParam(label = "producer,security", secret = true,
              description = "The secret Jira signs deliveries with (X-Hub-Signature: sha256=HMAC of the body; admin"
                            + " webhooks). Jira never returns it, so subscribe cannot tell a changed secret: change"
                            + " it with webhook/update. App webhooks (OAuth connections) take none: Jira signs"
                            + " their deliveries with a JWT.")
    private String webhookSecret;

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
}
