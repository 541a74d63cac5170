package io.jiraspoke.camel.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraHttp;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;

/**
 * The OAuth 2.0 (3LO) consent of one {@code oauth2-authorization-code} connection, as ServiceNow's "Get OAuth
 * Token" does it: the admin is sent to Atlassian's consent page with a {@code state} that the caller binds to the
 * browser session, and the code Atlassian sends back is exchanged for tokens; the sites they reach are read from
 * {@code accessible-resources}, and the tokens are saved to the connection's token store only when the
 * connection's {@code cloudId} is among them, so that a consent given with the wrong account or site cannot replace
 * a working grant. Used by the Spring Boot starter's consent endpoints and by the {@link JiraSpokeConsent} command.
 */
public final class OAuthConsent {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OFFLINE_ACCESS = "offline_access";

    /** A Jira site the grant reaches, as {@code accessible-resources} lists it. */
    public record Site(String id, String name, String url, List<String> scopes) {
    }

    /**
     * What the consent gave: every site the grant reaches, and the connection's own among them (null when the
     * connection names no cloud id and several sites are reachable).
     */
    public record Result(List<Site> sites, Site site) {
    }

    private final String connectionName;
    private final JiraSpokeConnection settings;
    private final JiraHttp http;
    private final OAuthAuthenticator auth;

    private OAuthConsent(String connectionName, JiraSpokeConnection settings, JiraHttp http, OAuthAuthenticator auth) {
        this.connectionName = connectionName;
        this.settings = settings;
        this.http = http;
        this.auth = auth;
    }

    /** The consent of a live connection: the tokens go to its token store and are used from the next call on. */
    public static OAuthConsent of(JiraClient client, JiraSpokeConnection settings) {
        if (client.authType() != AuthType.OAUTH2_AUTHORIZATION_CODE
            || !(client.authenticator() instanceof OAuthAuthenticator oauth)) {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + client.name() + "' has authType " + client.authType().id() + "; only "
                                                      + AuthType.OAUTH2_AUTHORIZATION_CODE.id()
                                                      + " connections are authorized by consent");
        }
        return new OAuthConsent(client.name(), settings, client.http(), oauth);
    }

    /**
     * A consent without a running connection (the command line): its own transport, the connection's token store.
     * The connection may still lack a cloud id; the result lists the sites to choose from.
     */
    public static OAuthConsent standalone(String connectionName, JiraSpokeConnection settings) {
        Map<String, String> needed = new LinkedHashMap<>();
        needed.put("clientId", settings.getClientId());
        needed.put("clientSecret", settings.getClientSecret());
        needed.put("redirectUri", settings.getRedirectUri());
        List<String> missing = new ArrayList<>();
        needed.forEach((option, value) -> {
            if (value == null || value.isBlank()) {
                missing.add(option);
            }
        });
        if (settings.getTokenStore() == null && settings.getTokenStoreFile() == null) {
            missing.add("tokenStoreFile");
        }
        if (!missing.isEmpty()) {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + connectionName + "' cannot be authorized by consent: set " + missing);
        }
        JiraHttp http = new JiraHttp(connectionName, trim(settings.getApiGatewayUrl()), new JiraHttp.Settings(
                settings.getConnectTimeout(), settings.getResponseTimeout(), settings.getCallTimeout(), 2,
                settings.getMaxAttempts(), settings.getMaxRetryWait(), 0, 0, settings.getTrustStore(),
                settings.getTrustStorePassword(), settings.getTrustStoreType(), settings.getProxy(),
                settings.getProxyUsername(), settings.getProxyPassword(), List.of()));
        OAuthAuthenticator auth = OAuthAuthenticator.authorizationCode(connectionName, settings.getClientId(),
                settings.getClientSecret(), null, null, settings.getRedirectUri(), settings.getTokenUrl(),
                JiraClient.tokenStoreOf(settings), http);
        return new OAuthConsent(connectionName, settings, http, auth);
    }

    /** A fresh, unguessable {@code state}: 256 random bits. */
    public static String newState() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the state that came back is the one sent, compared in constant time. */
    public static boolean stateMatches(String expected, String actual) {
        return expected != null && actual != null
               && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                       actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Atlassian's consent page for this connection. The connection's scopes are asked for, with
     * {@code offline_access} added when missing: without it Atlassian gives no refresh token, and the grant would
     * end with the first access token.
     */
    public String authorizeUrl(String state, String redirectUri) {
        Set<String> scopes = new LinkedHashSet<>();
        String configured = settings.getScopes() == null ? "" : settings.getScopes();
        for (String s : configured.split("[\\s,]+")) {
            if (!s.isBlank()) {
                scopes.add(s);
            }
        }
        scopes.add(OFFLINE_ACCESS);
        return trim(settings.getAuthorizeUrl()) + "?audience=api.atlassian.com&client_id="
               + encode(settings.getClientId()) + "&scope=" + encode(String.join(" ", scopes))
               + "&redirect_uri=" + encode(redirectUri) + "&state=" + encode(state)
               + "&response_type=code&prompt=consent";
    }

    /**
     * Exchanges the code Atlassian sent to the callback, reads the sites the grant reaches, and saves the tokens to
     * the connection's token store when its cloud id is among them (or it names none). Throws, saving nothing, when
     * it is not.
     */
    public Result complete(String code, String redirectUri) {
        if (code == null || code.isBlank()) {
            throw new JiraSpokeConfigurationException("The consent callback of Jira connection '" + connectionName
                                                      + "' came without a code");
        }
        OAuthTokens tokens = auth.exchangeCode(code, redirectUri);
        List<Site> sites = sites(tokens);
        String cloudId = settings.getCloudId();
        Site site = null;
        if (cloudId != null && !cloudId.isBlank()) {
            for (Site s : sites) {
                if (s.id().equalsIgnoreCase(cloudId.trim())) {
                    site = s;
                }
            }
            if (site == null) {
                throw new JiraSpokeConfigurationException(
                        "The consent for Jira connection '" + connectionName + "' grants access to "
                                                          + describe(sites) + " but not to its cloudId " + cloudId
                                                          + "; nothing was saved. Consent again with an account of"
                                                          + " that site, or correct cloudId.");
            }
        } else if (sites.size() == 1) {
            site = sites.get(0);
        }
        auth.install(tokens);
        return new Result(sites, site);
    }

    private List<Site> sites(OAuthTokens tokens) {
        String url = trim(settings.getApiGatewayUrl()) + "/oauth/token/accessible-resources";
        JsonNode answer = http.json(JiraRequest.getAbsolute(url, hostAndPath(url)).expect(JiraRequest.Expect.ARRAY),
                StaticAuthenticator.bearer(tokens.accessToken()));
        List<Site> sites = new ArrayList<>();
        for (JsonNode n : answer) {
            String id = n.path("id").asText("");
            if (id.isBlank()) {
                continue;
            }
            List<String> scopes = new ArrayList<>();
            n.path("scopes").forEach(s -> scopes.add(s.asText()));
            sites.add(new Site(id, n.path("name").asText(""), n.path("url").asText(""), List.copyOf(scopes)));
        }
        return List.copyOf(sites);
    }

    /** The sites, as a person reads them: {@code name (url, cloud id ...)}. */
    public static String describe(List<Site> sites) {
        if (sites.isEmpty()) {
            return "no Jira site";
        }
        List<String> parts = new ArrayList<>();
        for (Site s : sites) {
            parts.add(s.name() + " (" + s.url() + ", cloud id " + s.id() + ")");
        }
        return String.join(", ", parts);
    }

    public String connectionName() {
        return connectionName;
    }

    /** The redirect URI the connection names; null when the caller derives one. */
    public String configuredRedirectUri() {
        String r = settings.getRedirectUri();
        return r == null || r.isBlank() ? null : r.trim();
    }

    private static String hostAndPath(String url) {
        URI u = URI.create(url);
        return u.getHost() + u.getPath();
    }

    private static String trim(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "OAuthConsent[" + connectionName + ", authorize=" + settings.getAuthorizeUrl() + "]";
    }
}
