package io.jiraspoke.camel.auth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraHttp;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.error.JiraSpokeRedirectException;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 bearer tokens for Cloud: authorization code (3LO, rotating refresh tokens) or client credentials
 * (service accounts). The token is fetched once per lifetime and renewed ahead of expiry by one caller while the
 * others wait for it: in this JVM, and through the token store's lock in every instance sharing the store. Every
 * new token pair is saved to the token store before the new access token is used; if the save fails the call fails,
 * and the unsaved pair is kept in memory and saved again first on the next call, so a rotated refresh token is never
 * dropped.
 */
public final class OAuthAuthenticator implements JiraAuthenticator {

    /** How long before expiry a token is renewed (at most half its lifetime). */
    static final long REFRESH_AHEAD_SECONDS = 60;
    /** How much longer than one token request an instance waits for another's renewal. */
    private static final Duration LOCK_MARGIN = Duration.ofSeconds(30);
    private static final long MAX_LIFETIME_SECONDS = 366L * 24 * 3600;

    private static final Logger LOG = LoggerFactory.getLogger(OAuthAuthenticator.class);

    private final String connectionName;
    private final boolean authorizationCode;
    private final String clientId;
    private final String clientSecret;
    private final String configuredRefreshToken;
    private final String code;
    private final String redirectUri;
    private final String tokenUrl;
    private final String tokenPath;
    private final JiraSpokeTokenStore store;
    private final JiraHttp http;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile String header;
    private volatile Instant renewAt = Instant.MIN;
    private OAuthTokens current;
    private OAuthTokens unsaved;
    private boolean codeUsed;

    private OAuthAuthenticator(String connectionName, boolean authorizationCode, String clientId, String clientSecret,
                               String refreshToken, String code, String redirectUri, String tokenUrl,
                               JiraSpokeTokenStore store, JiraHttp http) {
        this.connectionName = connectionName;
        this.authorizationCode = authorizationCode;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.configuredRefreshToken = refreshToken;
        this.code = code;
        this.redirectUri = redirectUri;
        this.tokenUrl = tokenUrl;
        URI u = URI.create(tokenUrl);
        this.tokenPath = u.getHost() + u.getPath();
        this.store = store;
        this.http = http;
    }

    public static OAuthAuthenticator authorizationCode(String connectionName, String clientId, String clientSecret,
                                                       String refreshToken, String code, String redirectUri,
                                                       String tokenUrl, JiraSpokeTokenStore store, JiraHttp http) {
        return new OAuthAuthenticator(connectionName, true, clientId, clientSecret, refreshToken, code, redirectUri,
                tokenUrl, store, http);
    }

    public static OAuthAuthenticator clientCredentials(String connectionName, String clientId, String clientSecret,
                                                       String tokenUrl, JiraSpokeTokenStore store, JiraHttp http) {
        return new OAuthAuthenticator(connectionName, false, clientId, clientSecret, null, null, null, tokenUrl,
                store, http);
    }

    @Override
    public String authorization() {
        String h = header;
        if (h != null && Instant.now().isBefore(renewAt)) {
            return h;
        }
        lock.lock();
        try {
            if (header == null || !Instant.now().isBefore(renewAt)) {
                obtain(null);
            }
            return header;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean renewAfterUnauthorized(String rejected) {
        lock.lock();
        try {
            if (header != null && !header.equals(rejected)) {
                return true;
            }
            LOG.debug("Jira refused the access token of connection '{}'; renewing it once", connectionName);
            renewAt = Instant.MIN;
            obtain(rejected);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private void obtain(String rejected) {
        if (unsaved != null) {
            save(unsaved);
            OAuthTokens pending = unsaved;
            unsaved = null;
            current = pending;
            if (pending.isUsable(REFRESH_AHEAD_SECONDS)) {
                use(pending, pending.expiresAt().minusSeconds(REFRESH_AHEAD_SECONDS));
                return;
            }
        } else if (reuseStored(rejected)) {
            return;
        }
        // Other instances sharing the store may be renewing at this very moment. Renewing under the store's lock,
        // after reading the store once more, lets exactly one of them call the token endpoint while the others wait
        // and then take its pair: two refreshes with one rotating refresh token would kill the grant.
        try (JiraSpokeTokenStore.TokenLock held = lockStore()) {
            if (reuseStored(rejected)) {
                return;
            }
            renew();
        }
    }

    /**
     * Reads the store (once per token lifetime: another instance sharing it may have rotated the refresh token
     * since, and only its newest one is sure to be accepted) and uses the stored access token if it is good and not
     * the one Jira just refused.
     */
    private boolean reuseStored(String rejected) {
        OAuthTokens stored = store.load(connectionName);
        if (stored == null) {
            return false;
        }
        current = stored;
        if (stored.isUsable(REFRESH_AHEAD_SECONDS) && !("Bearer " + stored.accessToken()).equals(rejected)) {
            use(stored, stored.expiresAt().minusSeconds(REFRESH_AHEAD_SECONDS));
            return true;
        }
        return false;
    }

    private JiraSpokeTokenStore.TokenLock lockStore() {
        // one token request takes at most the call timeout; the holder's save follows within moments
        Duration wait = http.callTimeout().plus(LOCK_MARGIN);
        try {
            return store.lock(connectionName, wait);
        } catch (RuntimeException e) {
            throw new JiraSpokeException("Could not take the token lock of Jira connection '" + connectionName
                                         + "' in " + store + " (waited up to " + wait.toSeconds() + " s); no call"
                                         + " was made: " + e.getMessage(), e);
        }
    }

    /** Called holding both locks: gets a new pair from the token endpoint and saves it before it is used. */
    private void renew() {
        Map<String, String> grant = new LinkedHashMap<>();
        String refreshToken = current != null && current.refreshToken() != null
                ? current.refreshToken() : configuredRefreshToken;
        if (!authorizationCode) {
            grant.put("grant_type", "client_credentials");
        } else if (refreshToken != null) {
            grant.put("grant_type", "refresh_token");
        } else if (code != null && !codeUsed) {
            grant.put("grant_type", "authorization_code");
        } else {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + connectionName + "' has no refresh token: the token store is empty and"
                                                      + " neither 'refreshToken' nor an unused 'authorizationCode'"
                                                      + " is set; complete the OAuth consent again");
        }
        grant.put("client_id", clientId);
        grant.put("client_secret", clientSecret);
        if ("refresh_token".equals(grant.get("grant_type"))) {
            grant.put("refresh_token", refreshToken);
        } else if ("authorization_code".equals(grant.get("grant_type"))) {
            grant.put("code", code);
            grant.put("redirect_uri", redirectUri);
            codeUsed = true;
        }
        JsonNode answer = tokenRequest(grant);
        String access = text(answer, "access_token");
        String newRefresh = text(answer, "refresh_token");
        if (access == null) {
            if (newRefresh != null) {
                // the endpoint may have rotated anyway, spending the refresh token just sent: keep the new one
                keep(new OAuthTokens(null, newRefresh, null));
            }
            throw new JiraSpokeUnauthorizedException("OAuth token endpoint answered without access_token for Jira"
                                                     + " connection '" + connectionName + "'",
                    0, "POST", tokenPath, null, null);
        }
        long lifetime = lifetime(answer);
        Instant now = Instant.now();
        OAuthTokens fresh = new OAuthTokens(access, newRefresh != null ? newRefresh : refreshToken,
                now.plusSeconds(lifetime));
        keep(fresh);
        current = fresh;
        use(fresh, now.plusSeconds(lifetime - Math.min(REFRESH_AHEAD_SECONDS, lifetime / 2)));
        http.metrics().tokenRefreshed();
        LOG.debug("Obtained an OAuth access token for Jira connection '{}' valid for {} s", connectionName, lifetime);
    }

    private JsonNode tokenRequest(Map<String, String> grant) {
        try {
            return http.json(JiraRequest.postAbsolute(tokenUrl, tokenPath).body(grant).secret(clientSecret)
                    .secret(grant.get("refresh_token")).secret(grant.get("code")), null);
        } catch (JiraSpokeException e) {
            throw tokenFailure(grant.get("grant_type"), e);
        }
    }

    /** A nonsensical expires_in must not throw after a rotation arrived, which would drop the new token. */
    private static long lifetime(JsonNode answer) {
        return Math.max(0, Math.min(answer.path("expires_in").asLong(3600), MAX_LIFETIME_SECONDS));
    }

    /**
     * Exchanges the authorization code of a consent for tokens, without keeping them: the consent flow first checks
     * which sites they reach, then {@link #install}s them. Atlassian gives a refresh token only with the
     * {@code offline_access} scope; without one the connection would stop working within the hour, so that is an
     * error.
     */
    public OAuthTokens exchangeCode(String authorizationCode, String redirect) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "authorization_code");
        grant.put("client_id", clientId);
        grant.put("client_secret", clientSecret);
        grant.put("code", authorizationCode);
        grant.put("redirect_uri", redirect);
        JsonNode answer = tokenRequest(grant);
        String access = text(answer, "access_token");
        String refresh = text(answer, "refresh_token");
        if (access == null || refresh == null) {
            throw new JiraSpokeUnauthorizedException(
                    "OAuth token endpoint answered the consent of Jira connection '" + connectionName + "' without "
                                                     + (access == null ? "access_token" : "refresh_token (is the"
                                                                                          + " offline_access scope"
                                                                                          + " granted?)"),
                    0, "POST", tokenPath, null, null);
        }
        http.metrics().tokenRefreshed();
        return new OAuthTokens(access, refresh, Instant.now().plusSeconds(lifetime(answer)));
    }

    /**
     * Makes the tokens of a new consent the connection's: saved to the token store first, then used for the next
     * call, in place of whatever the connection held.
     */
    public void install(OAuthTokens tokens) {
        lock.lock();
        try {
            unsaved = null;
            keep(tokens);
            current = tokens;
            long lifetime = Math.max(0, tokens.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
            use(tokens, tokens.expiresAt().minusSeconds(Math.min(REFRESH_AHEAD_SECONDS, lifetime / 2)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Only a 4xx refusal of the grant means the credentials are bad (Atlassian answers 403 invalid_grant to a
     * revoked or rotated-away refresh token, 400 or 401 to a bad client). An outage, a timeout or a redirect of the
     * token endpoint says nothing about the credentials and keeps its kind, so nobody is sent to consent again for
     * it; the refresh token in hand stays the one to use next time.
     */
    private JiraSpokeException tokenFailure(String grantType, JiraSpokeException e) {
        String message = "OAuth " + grantType + " grant for Jira connection '" + connectionName + "' failed: "
                         + e.getMessage();
        int status = e.getStatus();
        if (status == 400 || status == 401 || status == 403) {
            return new JiraSpokeUnauthorizedException(
                    message + (authorizationCode ? " (if the refresh token was revoked or expired, a new consent is"
                                                   + " needed)" : " (check clientId and clientSecret)"),
                    status, "POST", tokenPath, e.getErrorMessages(), e.getErrors(), e);
        }
        if (e instanceof JiraSpokeTransportException) {
            return new JiraSpokeTransportException(message, "POST", tokenPath, e);
        }
        if (e instanceof JiraSpokeRateLimitedException limited) {
            return new JiraSpokeRateLimitedException(message, status, "POST", tokenPath, e.getErrorMessages(),
                    e.getErrors(), limited.getRetryAfter(), limited.getReason(), e);
        }
        if (e instanceof JiraSpokeRedirectException redirect) {
            return new JiraSpokeRedirectException(message + " (check tokenUrl)", status, "POST", tokenPath,
                    redirect.getTargetOrigin(), e);
        }
        if (status >= 500) {
            return new JiraSpokeServerErrorException(message, status, "POST", tokenPath, e.getErrorMessages(),
                    e.getErrors(), e);
        }
        return new JiraSpokeException(message, status, "POST", tokenPath, e.getErrorMessages(), e.getErrors(), e);
    }

    private static String text(JsonNode answer, String field) {
        JsonNode v = answer.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** Saves a new pair; if that fails the pair is kept in memory, to be saved first on the next call. */
    private void keep(OAuthTokens tokens) {
        try {
            save(tokens);
        } catch (RuntimeException e) {
            unsaved = tokens;
            throw e;
        }
    }

    private void save(OAuthTokens tokens) {
        try {
            store.save(connectionName, tokens);
        } catch (RuntimeException e) {
            throw new JiraSpokeException("Could not persist the new OAuth tokens of Jira connection '" + connectionName
                                         + "' to " + store + "; the call was not made and the tokens are kept in"
                                         + " memory to be saved first on the next call: " + e.getMessage(), e);
        }
    }

    private void use(OAuthTokens tokens, Instant renewAt) {
        this.header = "Bearer " + tokens.accessToken();
        this.renewAt = renewAt;
    }

    @Override
    public String toString() {
        return "OAuthAuthenticator[connection=" + connectionName + ", grant="
               + (authorizationCode ? "authorization_code" : "client_credentials") + ", store=" + store + "]";
    }
}
