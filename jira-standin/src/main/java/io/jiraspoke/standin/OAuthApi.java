package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Cloud connections with OAuth 2.0 ask of Atlassian besides Jira, served on the emulator's own URL (which is
 * also its API gateway): the token endpoint ({@code POST /oauth/token}, JSON or form), the sites a token reaches
 * ({@code GET /oauth/token/accessible-resources}) and a consent page that consents at once ({@code GET /authorize}
 * redirects to the redirect URI with a code). {@link Http} lets these through without Jira's credentials: each
 * checks its own.
 */
final class OAuthApi {

    private final Store store;
    private final JiraJson json;

    OAuthApi(Store store, JiraJson json) {
        this.store = store;
        this.json = json;
    }

    void routes(Router router) {
        if (store.flavour != Flavour.CLOUD) {
            return;
        }
        router.add("POST", "/oauth/token", this::token)
                .add("GET", "/oauth/token/accessible-resources", this::accessibleResources)
                .add("GET", "/authorize", this::authorize);
    }

    /** Atlassian's own hosts answer these, never a site or the gateway's site prefix. */
    private void requireRoot(Call c) {
        if (!c.ctx.root().equals(json.baseUrl())) {
            throw JiraError.message(404, "null for uri: " + c.path);
        }
    }

    private Reply token(Call c) {
        requireRoot(c);
        Map<String, String> params = new LinkedHashMap<>();
        String type = c.contentType == null ? "" : c.contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Http.query(new String(c.body, StandardCharsets.UTF_8)).forEach((k, v) -> params.put(k, v.get(0)));
        } else {
            c.object().fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        OAuth.Answer answer = store.oauth.token(params);
        return new Reply(answer.status(), answer.json(), null, null, Map.of("Cache-Control", "no-store"));
    }

    /** The sites the Bearer token reaches: this one, with the token's scopes. A bad token gets the gateway's 401. */
    private Reply accessibleResources(Call c) {
        requireRoot(c);
        String scopes = store.oauth.scopes(Http.bearer(c.authorization()));
        if (scopes == null) {
            return new Reply(401, JiraJson.MAPPER.createObjectNode().put("code", 401).put("message", "Unauthorized"), null, null, Map.of());
        }
        ArrayNode sites = JiraJson.MAPPER.createArrayNode();
        ObjectNode site = sites.addObject().put("id", store.oauth.cloudId()).put("url", json.baseUrl()).put("name", "jira-emulator");
        ArrayNode list = site.putArray("scopes");
        for (String s : scopes.split(" ")) {
            list.add(s);
        }
        site.put("avatarUrl", "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png");
        return Reply.ok(sites);
    }

    /** Consent given at once: back to the redirect URI with a code for the scopes asked (and the state). */
    private Reply authorize(Call c) {
        requireRoot(c);
        String clientId = c.param("client_id");
        String redirect = c.param("redirect_uri");
        String scope = c.param("scope");
        if (clientId == null || redirect == null || scope == null || !"code".equals(c.param("response_type"))) {
            throw JiraError.badRequest("client_id, redirect_uri, scope and response_type=code are required.");
        }
        if (!store.oauth.knows(clientId)) {
            throw JiraError.badRequest("Unknown client_id: " + clientId);
        }
        String code = store.oauth.issueCode(clientId, redirect, scope);
        String state = c.param("state");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                + (state == null ? "" : "&state=" + enc(state));
        return new Reply(302, null, null, null, Map.of("Location", location));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
