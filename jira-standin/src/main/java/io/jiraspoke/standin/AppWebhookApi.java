package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cloud's app webhooks, {@code /rest/api/3/webhook}: the webhooks an OAuth 2.0 app registers for itself (Jira
 * calls them dynamic webhooks). Only an app may call these, with its Bearer access token; each app sees and changes
 * only its own webhooks. A registration takes a URL and webhooks of events and a JQL filter of the documented
 * subset, and answers one result per webhook (an id, or errors); a webhook is sent for 30 days of Jira's clock
 * after registering or refreshing it, and after that is neither sent nor listed. Deliveries carry a JWT signed with
 * the app's client secret ({@link Webhooks}); those given up on are listed by {@code webhook/failed}.
 */
final class AppWebhookApi {

    static final Duration LIFETIME = Duration.ofDays(30);
    private static final int PAGE = 100;
    private static final Set<String> EVENTS = Set.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted", "issue_property_set", "issue_property_deleted");
    /** The fields and operators the JQL filter of an app webhook may use, as the platform spec lists them. */
    private static final Set<String> JQL_FIELDS = Set.of("issuekey", "project", "issuetype", "status", "assignee", "reporter");
    private static final Set<Jql.Op> JQL_OPERATORS = Set.of(Jql.Op.EQ, Jql.Op.NE, Jql.Op.IN, Jql.Op.NOT_IN);

    private final Store store;

    AppWebhookApi(Store store) {
        this.store = store;
    }

    void routes(Router router) {
        if (store.flavour != Flavour.CLOUD) {
            return;
        }
        String base = "/rest/api/{v}/webhook";
        router.add("POST", base, this::register)
                .add("GET", base, this::list)
                .add("DELETE", base, this::delete)
                .add("PUT", base + "/refresh", this::refresh)
                .add("GET", base + "/failed", this::failed);
    }

    private OAuth.Client app(Call c) {
        OAuth.Client app = store.oauth.clientOf(Http.bearer(c.authorization()));
        if (app == null) {
            throw JiraError.message(403, "Only Connect and OAuth 2.0 apps can use this operation.");
        }
        return app;
    }

    private long now() {
        return store.clockNow().toEpochMilli();
    }

    private List<Webhooks.AppWebhook> own(OAuth.Client app) {
        long now = now();
        return store.appWebhooks.values().stream().filter(h -> h.clientId().equals(app.id()) && h.expires() > now).toList();
    }

    private Reply register(Call c) {
        OAuth.Client app = app(c);
        ObjectNode body = c.object();
        String url = body.path("url").asText("");
        if (!body.path("url").isTextual() || !isHttpUrl(url)) {
            throw JiraError.badRequest("The webhook URL must be an absolute http or https URL.");
        }
        if (!body.path("webhooks").isArray() || body.path("webhooks").isEmpty()) {
            throw JiraError.badRequest("The list of webhooks must not be empty.");
        }
        ObjectNode answer = JiraJson.MAPPER.createObjectNode();
        ArrayNode results = answer.putArray("webhookRegistrationResult");
        for (JsonNode webhook : body.path("webhooks")) {
            List<String> errors = new ArrayList<>();
            List<String> events = events(webhook, errors);
            String jql = webhook.path("jqlFilter").asText(null);
            if (!webhook.path("jqlFilter").isTextual() || jql.isBlank()) {
                errors.add("The JQL filter (jqlFilter) is required.");
            } else {
                checkJql(jql, errors);
            }
            webhook.fieldNames().forEachRemaining(name -> {
                if (name.equals("fieldIdsFilter") || name.equals("issuePropertyKeysFilter")) {
                    // an honest refusal: a filter silently not applied would send what the app asked not to get
                    errors.add("The Jira emulator does not support " + name + ".");
                } else if (!name.equals("events") && !name.equals("jqlFilter")) {
                    errors.add("Unrecognized field \"" + name + "\".");
                }
            });
            ObjectNode result = results.addObject();
            if (errors.isEmpty()) {
                long now = now();
                Webhooks.AppWebhook hook = new Webhooks.AppWebhook(store.nextAppWebhookId(), app.id(), url, events, jql, now,
                        now + LIFETIME.toMillis());
                store.appWebhooks.put(hook.id(), hook);
                result.put("createdWebhookId", Long.parseLong(hook.id()));
            } else {
                errors.forEach(result.putArray("errors")::add);
            }
        }
        return Reply.ok(answer);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> events(JsonNode webhook, List<String> errors) {
        Set<String> events = new LinkedHashSet<>();
        if (!webhook.path("events").isArray() || webhook.path("events").isEmpty()) {
            errors.add("The list of events must not be empty.");
        }
        for (JsonNode e : webhook.path("events")) {
            if (!e.isTextual() || !EVENTS.contains(e.asText())) {
                errors.add("The event " + e + " is unsupported.");
            } else {
                events.add(e.asText());
            }
        }
        return List.copyOf(events);
    }

    /** The documented subset: those fields, those operators, joined by AND and OR; and the emulator must evaluate it. */
    private void checkJql(String jql, List<String> errors) {
        Jql.Query query;
        try {
            query = Jql.parse(jql);
        } catch (JiraError e) {
            errors.addAll(e.errorMessages());
            return;
        }
        if (!query.orderBy().isEmpty()) {
            errors.add("The clause ORDER BY is unsupported");
        }
        int before = errors.size();
        subset(query.where(), errors);
        if (errors.size() == before) {
            try {
                JqlFilter.compile(query, store, store.clockNow());
            } catch (JiraError e) {
                errors.addAll(e.errorMessages());
                errors.addAll(e.errors().values());
            }
        }
    }

    private static void subset(Jql.Node node, List<String> errors) {
        if (node instanceof Jql.And and) {
            and.terms().forEach(t -> subset(t, errors));
        } else if (node instanceof Jql.Or or) {
            or.terms().forEach(t -> subset(t, errors));
        } else if (node instanceof Jql.Not not) {
            subset(not.term(), errors);
        } else if (node instanceof Jql.Clause clause) {
            if (!JQL_FIELDS.contains(clause.field().toLowerCase(Locale.ROOT))) {
                errors.add("The clause " + clause.field() + " is unsupported");
            } else if (!JQL_OPERATORS.contains(clause.op())) {
                errors.add("The operator '" + clause.op().text + "' is unsupported");
            }
        }
    }

    private Reply list(Call c) {
        List<Webhooks.AppWebhook> own = own(app(c));
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", PAGE), 1), PAGE);
        int end = (int) Math.min((long) startAt + maxResults, own.size());
        ObjectNode page = JiraJson.MAPPER.createObjectNode().put("isLast", end >= own.size()).put("maxResults", maxResults)
                .put("startAt", startAt).put("total", own.size());
        ArrayNode values = page.putArray("values");
        for (Webhooks.AppWebhook h : own.subList(Math.min(startAt, own.size()), end)) {
            ObjectNode w = values.addObject().put("id", Long.parseLong(h.id())).put("jqlFilter", h.jql()).put("url", h.url());
            h.events().forEach(w.putArray("events")::add);
            w.put("expirationDate", h.expires());
        }
        return Reply.ok(page);
    }

    /** The ids of the calling app's webhooks the body names; others' ids are ignored, as Jira ignores them. */
    private List<Webhooks.AppWebhook> named(Call c, OAuth.Client app) {
        JsonNode ids = c.object().path("webhookIds");
        if (!ids.isArray() || ids.isEmpty()) {
            throw JiraError.badRequest("The list of webhook IDs (webhookIds) must not be empty.");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                throw JiraError.badRequest("Webhook IDs are numbers; got " + id + ".");
            }
            wanted.add(id.asText());
        }
        return own(app).stream().filter(h -> wanted.contains(h.id())).toList();
    }

    private Reply delete(Call c) {
        named(c, app(c)).forEach(h -> store.appWebhooks.remove(h.id()));
        return new Reply(202, null, null, null, java.util.Map.of());
    }

    private Reply refresh(Call c) {
        long expires = now() + LIFETIME.toMillis();
        for (Webhooks.AppWebhook h : named(c, app(c))) {
            store.appWebhooks.put(h.id(), new Webhooks.AppWebhook(h.id(), h.clientId(), h.url(), h.events(), h.jql(), h.created(), expires));
        }
        return Reply.ok(JiraJson.MAPPER.createObjectNode().put("expirationDate", expires));
    }

    /**
     * The app's deliveries given up on after the last retry, oldest first, after {@code after} (the spec's name) or
     * {@code failedAfter} (the name in the {@code next} link Jira's example shows). A page is not cut between
     * failures of the same instant.
     */
    private Reply failed(Call c) {
        OAuth.Client app = app(c);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", PAGE), 1), PAGE);
        String afterParam = c.param("after") != null ? c.param("after") : c.param("failedAfter");
        long after;
        try {
            after = afterParam == null || afterParam.isEmpty() ? Long.MIN_VALUE : Long.parseLong(afterParam);
        } catch (NumberFormatException e) {
            throw JiraError.badRequest("The value '" + afterParam + "' is not valid for the parameter 'after'.");
        }
        ObjectNode page = JiraJson.MAPPER.createObjectNode();
        ArrayNode values = page.putArray("values");
        Webhooks.Failure last = null;
        for (Webhooks.Failure f : store.sender.failures(app.id())) {
            if (f.time() <= after) {
                continue;
            }
            if (values.size() >= maxResults && f.time() != last.time()) {
                break;
            }
            values.addObject().put("id", f.identifier()).put("body", f.body()).put("url", f.url()).put("failureTime", f.time());
            last = f;
        }
        page.put("maxResults", maxResults);
        if (last != null) {
            page.put("next", c.ctx.apiUrl() + "/webhook/failed?failedAfter=" + last.time() + "&maxResults=" + maxResults);
        }
        return Reply.ok(page);
    }
}
