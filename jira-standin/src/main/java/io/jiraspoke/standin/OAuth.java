package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Atlassian's authorization server as far as Cloud connections use it: OAuth 2.0 clients, the authorization codes
 * a consent leaves, access tokens (accepted as Bearer through the API gateway only) and rotating refresh tokens.
 * It belongs to the emulator, not to Jira's data: {@link JiraEmulator#reset()} keeps its clients and tokens. Real
 * time, not Jira's clock, makes tokens expire.
 */
final class OAuth {

    static final String DEFAULT_SCOPES = "read:jira-work write:jira-work read:jira-user manage:jira-configuration";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Client(String id, String secret) {

        @Override
        public String toString() {
            // the secret stays out of logs
            return "Client[" + id + "]";
        }
    }

    private record Access(String clientId, String scopes, Instant expires) {}

    private record Code(String clientId, String redirectUri, String scopes, Instant expires) {}

    /** The answer of the token endpoint: a status and its JSON (OAuth's own error shape, not Jira's). */
    record Answer(int status, ObjectNode json) {}

    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, Access> accessTokens = new HashMap<>();
    /** Refresh tokens by value; a refresh removes the one it used. */
    private final Map<String, Access> refreshTokens = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final List<String> grants = new ArrayList<>();
    private Duration lifetime = Duration.ofHours(1);
    private final String cloudId;

    OAuth(String cloudId) {
        this.cloudId = cloudId;
    }

    /** The one site every grant reaches. */
    String cloudId() {
        return cloudId;
    }

    synchronized void addClient(String id, String secret) {
        clients.put(id, new Client(id, secret));
    }

    synchronized boolean knows(String clientId) {
        return clients.containsKey(clientId);
    }

    synchronized void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    synchronized Client firstClient() {
        if (clients.isEmpty()) {
            throw new IllegalStateException("Give the emulator an OAuth client first: oauthClient(clientId, clientSecret)");
        }
        return clients.values().iterator().next();
    }

    /** A code as Atlassian's consent page hands to the redirect URI; offline_access makes its exchange give a refresh token. */
    synchronized String issueCode(String clientId, String redirectUri, String scopes) {
        String code = token(24);
        codes.put(code, new Code(clientId, redirectUri, scopes, Instant.now().plus(CODE_LIFETIME)));
        return code;
    }

    /** A refresh token as an exchanged consent leaves, for a connection configured with one. */
    synchronized String issueRefreshToken(String clientId, String scopes) {
        String refresh = "rt-" + token(32);
        refreshTokens.put(refresh, new Access(clientId, scopes, Instant.MAX));
        return refresh;
    }

    synchronized boolean validAccess(String bearer) {
        Access a = bearer == null ? null : accessTokens.get(bearer);
        return a != null && Instant.now().isBefore(a.expires());
    }

    /** The client a valid access token was issued to (the app calling); null when the token is unknown or expired. */
    synchronized Client clientOf(String bearer) {
        return validAccess(bearer) ? clients.get(accessTokens.get(bearer).clientId()) : null;
    }

    synchronized Client client(String id) {
        return clients.get(id);
    }

    /** The scopes of a valid access token; null when the token is unknown or expired. */
    synchronized String scopes(String bearer) {
        return validAccess(bearer) ? accessTokens.get(bearer).scopes() : null;
    }

    /** Every access token issued so far expires now; refresh tokens stay good. */
    synchronized void expireAccessTokens() {
        accessTokens.replaceAll((token, a) -> new Access(a.clientId(), a.scopes(), Instant.MIN));
    }

    synchronized int tokenRequests() {
        return grants.size();
    }

    synchronized List<String> grants() {
        return List.copyOf(grants);
    }

    /** {@code POST /oauth/token} with the request's parameters (from JSON or a form). */
    synchronized Answer token(Map<String, String> p) {
        String grant = p.getOrDefault("grant_type", "");
        grants.add(grant);
        Client client = clients.get(p.get("client_id"));
        if (!List.of("client_credentials", "authorization_code", "refresh_token").contains(grant)) {
            return error(400, "unsupported_grant_type", "Unsupported grant type: " + grant);
        }
        if (client == null || !client.secret().equals(p.get("client_secret"))) {
            return error(401, "access_denied", "Unauthorized");
        }
        switch (grant) {
            case "client_credentials" -> {
                // Atlassian refuses a scope here: a service account's token has the scopes granted to the account
                if (p.containsKey("scope")) {
                    return error(400, "invalid_scope", "The scope parameter is not supported for the client_credentials grant.");
                }
                return issue(client.id(), DEFAULT_SCOPES, false);
            }
            case "authorization_code" -> {
                Code code = codes.remove(p.getOrDefault("code", ""));
                if (code == null || !code.clientId().equals(client.id()) || Instant.now().isAfter(code.expires())) {
                    return error(403, "invalid_grant", "Invalid authorization code");
                }
                if (!code.redirectUri().equals(p.get("redirect_uri"))) {
                    return error(403, "invalid_grant", "The redirect_uri does not match the one of the authorization request.");
                }
                return issue(client.id(), code.scopes(), code.scopes().contains("offline_access"));
            }
            default -> {
                Access refresh = refreshTokens.get(p.getOrDefault("refresh_token", ""));
                if (refresh == null || !refresh.clientId().equals(client.id())) {
                    return error(403, "invalid_grant", "Unknown or invalid refresh token.");
                }
                // rotation: the refresh token just used is spent
                refreshTokens.remove(p.get("refresh_token"));
                return issue(client.id(), refresh.scopes(), true);
            }
        }
    }

    private Answer issue(String clientId, String scopes, boolean withRefresh) {
        String access = "at-" + token(32);
        accessTokens.put(access, new Access(clientId, scopes, Instant.now().plus(lifetime)));
        ObjectNode json = JiraJson.MAPPER.createObjectNode().put("access_token", access)
                .put("expires_in", lifetime.toSeconds()).put("token_type", "Bearer").put("scope", scopes);
        if (withRefresh) {
            String refresh = "rt-" + token(32);
            refreshTokens.put(refresh, new Access(clientId, scopes, Instant.MAX));
            json.put("refresh_token", refresh);
        }
        return new Answer(200, json);
    }

    private static Answer error(int status, String error, String description) {
        return new Answer(status, JiraJson.MAPPER.createObjectNode().put("error", error).put("error_description", description));
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String toString() {
        // tokens and secrets stay out of logs
        return "OAuth[" + clients.size() + " clients]";
    }
}
