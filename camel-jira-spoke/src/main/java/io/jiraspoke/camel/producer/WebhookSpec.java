package io.jiraspoke.camel.producer;

import java.util.List;

/**
 * What a webhook should be: the definition webhook/subscribe and webhook/update send, and the webhook/events
 * consumer will register. Null fields are not given.
 *
 * @param name        the name (admin webhooks only)
 * @param url         where Jira sends the events
 * @param events      the events that trigger it
 * @param jql         the JQL that narrows issue events; null for none
 * @param excludeBody whether deliveries leave the body out (admin webhooks only); null for Jira's default
 * @param secret      the secret Jira signs deliveries with (admin webhooks only); never printed
 */
public record WebhookSpec(String name, String url, List<String> events, String jql, Boolean excludeBody,
                          String secret) {

    public WebhookSpec {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** This definition with the fields of {@code given} that are set put over it. */
    WebhookSpec with(WebhookSpec given) {
        return new WebhookSpec(given.name != null ? given.name : name, given.url != null ? given.url : url,
                !given.events.isEmpty() ? given.events : events, given.jql != null ? given.jql : jql,
                given.excludeBody != null ? given.excludeBody : excludeBody,
                given.secret != null ? given.secret : secret);
    }

    @Override
    public String toString() {
        // neither the secret nor the URL, which some receivers use as a credential
        return "WebhookSpec[name=" + name + ", events=" + events + ", jql=" + jql + ", excludeBody=" + excludeBody
               + ", secret=" + (secret == null ? "none" : "set") + "]";
    }
}
