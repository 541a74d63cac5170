package io.jiraspoke.camel.producer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.model.JiraWebhook;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;

/**
 * App webhooks, {@code /rest/api/3/webhook}: what OAuth apps register on Cloud. They have no name and no secret
 * (Jira signs their deliveries with a JWT), always a JQL filter, only the events of issues and comments, and cannot
 * be updated: a changed definition is registered anew and the old webhook deleted. They expire 30 days after
 * registration unless refreshed, which an unchanged subscribe does.
 */
final class AppWebhooks extends WebhookApi {

    static final String PATH = "/rest/api/3/webhook";
    private static final int PAGE = 100;

    /** The events the platform spec allows app webhooks. */
    static final Set<String> EVENTS = Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted", "issue_property_set", "issue_property_deleted");

    AppWebhooks(JiraClient client) {
        super(client);
    }

    @Override
    public String describe() {
        return "app webhooks (" + PATH + ")";
    }

    @Override
    public Iterable<JiraWebhook> list() {
        return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get(PATH)
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))),
                "values", PAGE, 0, JiraWebhook::new);
    }

    /** App webhooks cannot be fetched one by one: the app's list is searched. */
    @Override
    public JiraWebhook get(String id) {
        for (JiraWebhook w : list()) {
            if (id.equals(w.getId())) {
                return w;
            }
        }
        // Jira answered the list; no 404 came, hence status 0
        throw new JiraSpokeNotFoundException("No app webhook " + id + " is registered by this app", 0, "GET", PATH,
                List.of(), Map.of());
    }

    @Override
    public void delete(List<String> ids) {
        client.call(JiraRequest.delete(PATH).body(ids(ids)).expect(JiraRequest.Expect.NOTHING));
    }

    @Override
    public boolean expires() {
        return true;
    }

    @Override
    public Optional<OffsetDateTime> refresh(List<String> ids) {
        JsonNode answer = client.call(JiraRequest.put(PATH + "/refresh").body(ids(ids))
                .expect(JiraRequest.Expect.OBJECT));
        JsonNode date = answer.get("expirationDate");
        return date != null && date.canConvertToLong()
                ? Optional.of(Instant.ofEpochMilli(date.asLong()).atOffset(ZoneOffset.UTC)) : Optional.empty();
    }

    @Override
    void check(WebhookSpec spec, String action) {
        String refusal = action + ": " + describe() + ", the only webhooks an OAuth connection may register, ";
        if (spec.name() != null) {
            throw new JiraSpokeInputException(refusal + "have no name: leave option 'webhookName' (header "
                                              + JiraSpokeConstants.WEBHOOK_NAME + ") unset; they are told apart by"
                                              + " URL and events");
        }
        if (spec.secret() != null) {
            throw new JiraSpokeInputException(refusal + "take no secret (Jira signs their deliveries with a JWT):"
                                              + " leave option 'webhookSecret' (header "
                                              + JiraSpokeConstants.WEBHOOK_SECRET + ") unset");
        }
        if (spec.excludeBody() != null) {
            throw new JiraSpokeInputException(refusal + "always carry the body: leave option 'webhookExcludeBody'"
                                              + " (header " + JiraSpokeConstants.WEBHOOK_EXCLUDE_BODY + ") unset");
        }
        if (spec.jql() == null || spec.jql().isBlank()) {
            throw new JiraSpokeInputException(refusal + "need a JQL filter: set option 'jql' or header "
                                              + JiraSpokeConstants.JQL + " (e.g. project = ABC; only issueKey,"
                                              + " project, issuetype, status, assignee, reporter, issue.property"
                                              + " and =, !=, IN, NOT IN are allowed)");
        }
        Set<String> unknown = new TreeSet<>(spec.events());
        unknown.removeAll(EVENTS);
        if (!unknown.isEmpty()) {
            throw new JiraSpokeInputException(refusal + "take only the events " + new TreeSet<>(EVENTS)
                                              + "; option 'webhookEvents' (header "
                                              + JiraSpokeConstants.WEBHOOK_EVENTS + ") has " + unknown);
        }
    }

    @Override
    JiraWebhook create(WebhookSpec spec) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        webhook.put("events", spec.events());
        webhook.put("jqlFilter", spec.jql());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", spec.url());
        body.put("webhooks", List.of(webhook));
        JsonNode answer = client.call(JiraRequest.post(PATH).body(body));
        JsonNode result = answer.path("webhookRegistrationResult").path(0);
        JsonNode id = result.get("createdWebhookId");
        if (id == null || id.isNull() || !id.isValueNode()) {
            List<String> errors = new ArrayList<>();
            result.path("errors").forEach(e -> errors.add(e.asText()));
            throw new JiraSpokeException("Jira registered no app webhook"
                                         + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)),
                    200, "POST", PATH, errors, Map.of(), null);
        }
        // Jira answers only the new id: the result is the definition it registered
        ObjectNode registered = JiraJson.MAPPER.createObjectNode();
        registered.set("id", id);
        registered.put("url", spec.url());
        registered.set("events", JiraJson.MAPPER.valueToTree(spec.events()));
        registered.put("jqlFilter", spec.jql());
        return new JiraWebhook(registered);
    }

    /**
     * Registers the new definition before deleting the old webhook, so that no event falls between the two; for a
     * moment both deliver.
     */
    @Override
    JiraWebhook replace(JiraWebhook existing, WebhookSpec spec) {
        JiraWebhook created = create(spec);
        delete(List.of(existing.getId()));
        return created;
    }

    /**
     * The webhook a definition stands for: the app's only webhook at that URL, else the one at that URL with the
     * same events.
     */
    @Override
    JiraWebhook find(WebhookSpec spec) {
        JiraWebhook only = null;
        JiraWebhook sameEvents = null;
        int atUrl = 0;
        for (JiraWebhook w : list()) {
            if (sameUrl(spec.url(), w.getUrl())) {
                atUrl++;
                only = w;
                if (sameEvents == null && sameEvents(spec.events(), w.getEvents())) {
                    sameEvents = w;
                }
            }
        }
        return atUrl == 1 ? only : sameEvents;
    }

    @Override
    List<JiraWebhook> findAll(String name, String url) {
        if (name != null) {
            throw new JiraSpokeInputException("webhook/unsubscribe: " + describe() + " have no name: give the"
                                              + " webhook's id (option 'webhookId') or URL (option 'webhookUrl')"
                                              + " instead of option 'webhookName' (header "
                                              + JiraSpokeConstants.WEBHOOK_NAME + ")");
        }
        return super.findAll(null, url);
    }

    @Override
    boolean sameDefinition(JiraWebhook w, WebhookSpec spec) {
        return sameUrl(spec.url(), w.getUrl()) && sameEvents(spec.events(), w.getEvents())
               && sameJql(spec.jql(), w.getJql());
    }

    /** An unchanged subscription extends the webhook's life by another 30 days. */
    @Override
    JiraWebhook keepAlive(JiraWebhook existing) {
        Optional<OffsetDateTime> expires = refresh(List.of(existing.getId()));
        if (expires.isEmpty() || !existing.getRaw().isObject()) {
            return existing;
        }
        ObjectNode refreshed = existing.getRaw().deepCopy();
        refreshed.put("expirationDate", expires.get().toInstant().toEpochMilli());
        return new JiraWebhook(refreshed);
    }

    private static Map<String, Object> ids(List<String> ids) {
        List<Long> numbers = new ArrayList<>(ids.size());
        for (String id : ids) {
            try {
                numbers.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new JiraSpokeInputException("App webhook ids are numbers; option 'webhookId' (header "
                                                  + JiraSpokeConstants.WEBHOOK_ID + ") has '" + id + "'");
            }
        }
        return Map.of("webhookIds", numbers);
    }
}
