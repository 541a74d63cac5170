package io.jiraspoke.camel.producer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.model.JiraWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook API of a connection. Jira has three, and which one a connection gets depends on its deployment, its
 * Data Center version and its auth type, which the catalogue's variants (deployment and version only) cannot
 * express; so the choice is made here, once per endpoint, by {@link #of(JiraClient)}, and everything else (the
 * webhook producer, and the webhook/events consumer when it registers itself) talks to the API chosen without
 * knowing which it is:
 * <ul>
 * <li>admin webhooks, {@code /rest/webhooks/1.0/webhook}: Cloud with user credentials, Data Center up to 9;</li>
 * <li>{@code /rest/jira-webhook/1.0/webhooks}: Data Center 10+, which removed the former;</li>
 * <li>app webhooks, {@code /rest/api/3/webhook}: Cloud with OAuth, the only webhooks an OAuth app may register
 * (no name, no secret, no update, a JQL filter required, expiry after 30 days unless refreshed).</li>
 * </ul>
 */
public abstract class WebhookApi {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookApi.class);

    /** What {@link #subscribe(WebhookSpec)} did. */
    public enum Outcome {
        CREATED,
        UPDATED,
        /** The webhook was there as asked (an app webhook's life was extended). */
        UNCHANGED;

        /** The value of the result header, e.g. {@code created}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The webhook a subscription left in Jira, and what it took. */
    public record Subscription(JiraWebhook webhook, Outcome outcome) {
    }

    final JiraClient client;

    WebhookApi(JiraClient client) {
        this.client = client;
    }

    /**
     * The API of a connection: app webhooks for OAuth connections, {@code jira-webhook} on Data Center 10+, admin
     * webhooks otherwise (also on a Data Center too old to say its version). Data Center's version is learnt once
     * per connection.
     */
    public static WebhookApi of(JiraClient client) {
        if (client.authType().isOAuth()) {
            return new AppWebhooks(client);
        }
        if (client.deployment() == Deployment.SERVER) {
            Integer major = client.serverMajorVersion();
            if (major != null && major >= 10) {
                return new DataCenterWebhooks(client);
            }
        }
        return new AdminWebhooks(client);
    }

    /** Which API this is, for messages, e.g. {@code admin webhooks (/rest/webhooks/1.0/webhook)}. */
    public abstract String describe();

    /** Every webhook the API lists (app webhooks: those of the calling app), read page by page. */
    public abstract Iterable<JiraWebhook> list();

    /** One webhook by id; Jira's 404 when there is none. */
    public abstract JiraWebhook get(String id);

    /** Deletes webhooks by id. */
    public abstract void delete(List<String> ids);

    /**
     * Extends the life of app webhooks; answers the new expiration date, or empty for APIs whose webhooks do not
     * expire.
     */
    public Optional<OffsetDateTime> refresh(List<String> ids) {
        return Optional.empty();
    }

    /** Whether this API's webhooks expire unless {@link #refresh(List)} extends their life. */
    public boolean expires() {
        return false;
    }

    /** Refuses, naming the option, a definition this API cannot register as given. */
    abstract void check(WebhookSpec spec, String action);

    abstract JiraWebhook create(WebhookSpec spec);

    /** Makes {@code existing} what {@code spec} says (in place, or by a new webhook where Jira cannot update). */
    abstract JiraWebhook replace(JiraWebhook existing, WebhookSpec spec);

    /**
     * Registers the webhook unless it is there: an existing webhook that {@link #find(WebhookSpec)} identifies is
     * left alone when it matches the definition and updated when it does not, so subscribing twice, or after a
     * restart, never registers a second webhook.
     */
    public Subscription subscribe(WebhookSpec spec) {
        check(spec, "webhook/subscribe");
        JiraWebhook existing = find(spec);
        if (existing == null) {
            return new Subscription(create(spec), Outcome.CREATED);
        }
        if (sameDefinition(existing, spec)) {
            return new Subscription(keepAlive(existing), Outcome.UNCHANGED);
        }
        return new Subscription(replace(existing, spec), Outcome.UPDATED);
    }

    /**
     * The webhook a definition stands for: the one of the same name, else the one with the same URL. When several
     * share the name, the first listed is kept up to date and the others are left as they are.
     */
    JiraWebhook find(WebhookSpec spec) {
        JiraWebhook byName = null;
        JiraWebhook byUrl = null;
        List<String> sameName = new ArrayList<>();
        for (JiraWebhook w : list()) {
            if (spec.name() != null && spec.name().equals(w.getName())) {
                sameName.add(w.getId());
                if (byName == null) {
                    byName = w;
                }
            } else if (byUrl == null && sameUrl(spec.url(), w.getUrl())) {
                byUrl = w;
            }
        }
        if (sameName.size() > 1) {
            LOG.warn("{} webhooks are named '{}' (ids {}) in {}; webhook/subscribe keeps webhook {} up to date and"
                     + " leaves the others", sameName.size(), spec.name(), sameName, describe(), byName.getId());
        }
        return byName != null ? byName : byUrl;
    }

    /** The webhooks webhook/unsubscribe removes for a name or, without one, a URL. */
    List<JiraWebhook> findAll(String name, String url) {
        List<JiraWebhook> out = new ArrayList<>();
        for (JiraWebhook w : list()) {
            if (name != null ? name.equals(w.getName()) : sameUrl(url, w.getUrl())) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether the webhook already is what the definition says (a secret cannot be compared: Jira hides it). */
    boolean sameDefinition(JiraWebhook w, WebhookSpec spec) {
        return Objects.equals(spec.name(), w.getName()) && sameUrl(spec.url(), w.getUrl())
               && sameEvents(spec.events(), w.getEvents()) && sameJql(spec.jql(), w.getJql())
               && Boolean.TRUE.equals(spec.excludeBody()) == Boolean.TRUE.equals(w.getExcludeBody());
    }

    /** What subscribe answers for a webhook that stays as it is. */
    JiraWebhook keepAlive(JiraWebhook existing) {
        return existing;
    }

    /** The definition of a registered webhook, for an update to put changes over. */
    static WebhookSpec definitionOf(JiraWebhook w) {
        return new WebhookSpec(w.getName(), w.getUrl(), w.getEvents(), w.getJql(), w.getExcludeBody(), null);
    }

    static boolean sameUrl(String a, String b) {
        return a != null && b != null && a.strip().equals(b.strip());
    }

    static boolean sameEvents(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    static boolean sameJql(String a, String b) {
        return (a == null ? "" : a.strip()).equals(b == null ? "" : b.strip());
    }

    @Override
    public String toString() {
        return describe();
    }
}
