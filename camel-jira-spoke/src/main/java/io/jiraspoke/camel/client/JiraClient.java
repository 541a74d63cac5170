package io.jiraspoke.camel.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.auth.FileTokenStore;
import io.jiraspoke.camel.auth.InMemoryTokenStore;
import io.jiraspoke.camel.auth.JiraAuthenticator;
import io.jiraspoke.camel.auth.JiraSpokeTokenStore;
import io.jiraspoke.camel.auth.OAuthAuthenticator;
import io.jiraspoke.camel.auth.StaticAuthenticator;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.fields.FieldResolver;
import io.jiraspoke.camel.model.JiraServerInfo;

/**
 * One live Jira connection: its transport, authenticator, deployment and {@link JiraDialect}. Shared by every
 * endpoint that names the connection.
 */
public final class JiraClient implements Closeable {

    private final String name;
    private final AuthType authType;
    private final Set<String> scopes;
    private final JiraHttp http;
    private final JiraAuthenticator auth;
    private final JiraSpokeTokenStore tokenStore;
    private final boolean autoDetect;
    private final boolean readOnly;
    private final FieldResolver fields;
    private final SecretKeySpec appWebhookKey;
    private volatile JiraDialect dialect;
    private volatile JiraServerInfo serverInfo;

    public JiraClient(String name, JiraSpokeConnection config) {
        this.name = name;
        this.authType = config.validate(name);
        this.scopes = config.scopeSet();
        String base = authType.isScoped()
                ? trimSlash(config.getApiGatewayUrl()) + "/ex/jira/" + config.getCloudId()
                : config.getBaseUrl();
        this.http = new JiraHttp(name, base, transport(config));
        this.tokenStore = authType.isOAuth() ? tokenStoreOf(config) : null;
        this.auth = authenticator(name, authType, config, http, tokenStore);
        String d = config.getDeployment();
        this.autoDetect = "auto".equalsIgnoreCase(d);
        this.readOnly = config.isReadOnly();
        this.fields = new FieldResolver(this, config.getFieldListRefresh());
        this.appWebhookKey = authType.isOAuth() && config.getClientSecret() != null
                ? new SecretKeySpec(config.getClientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256") : null;
        this.dialect = autoDetect ? null
                : JiraDialect.of(d != null ? Deployment.fromId(d) : authType.impliedDeployment());
    }

    private static JiraHttp.Settings transport(JiraSpokeConnection c) {
        return new JiraHttp.Settings(c.getConnectTimeout(), c.getResponseTimeout(), c.getCallTimeout(),
                c.getMaxConnections(), c.getMaxAttempts(), c.getMaxRetryWait(), c.getMaxRequestsPerSecond(),
                c.getMaxConcurrentRequests(), c.getTrustStore(), c.getTrustStorePassword(), c.getTrustStoreType(),
                c.getProxy(), c.getProxyUsername(), c.getProxyPassword(), c.mediaHostList());
    }

    private static JiraAuthenticator authenticator(String name, AuthType type, JiraSpokeConnection c, JiraHttp http,
                                                   JiraSpokeTokenStore store) {
        return switch (type) {
            case BASIC_API_TOKEN, SCOPED_API_TOKEN -> StaticAuthenticator.basic(c.getEmail(), c.getApiToken());
            case BASIC -> StaticAuthenticator.basic(c.getUsername(), c.getPassword());
            case PERSONAL_ACCESS_TOKEN -> StaticAuthenticator.bearer(c.getPersonalAccessToken());
            case OAUTH2_AUTHORIZATION_CODE -> OAuthAuthenticator.authorizationCode(name, c.getClientId(),
                    c.getClientSecret(), c.getRefreshToken(), c.getAuthorizationCode(), c.getRedirectUri(),
                    c.getTokenUrl(), store, http);
            case OAUTH2_CLIENT_CREDENTIALS -> OAuthAuthenticator.clientCredentials(name, c.getClientId(),
                    c.getClientSecret(), c.getTokenUrl(), store, http);
        };
    }

    /** The store a connection's settings name: the tokenStore bean, else tokenStoreFile, else memory. */
    public static JiraSpokeTokenStore tokenStoreOf(JiraSpokeConnection c) {
        if (c.getTokenStore() != null) {
            return c.getTokenStore();
        }
        return c.getTokenStoreFile() != null ? new FileTokenStore(c.getTokenStoreFile()) : new InMemoryTokenStore();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The key Jira signs the deliveries of this OAuth app's webhooks with (HS256 JWTs keyed by the client secret);
     * null for connections without OAuth.
     */
    public SecretKeySpec appWebhookKey() {
        return appWebhookKey;
    }

    public String name() {
        return name;
    }

    public AuthType authType() {
        return authType;
    }

    /** The scopes the connection lists (lower case); empty for credentials without scopes. */
    public Set<String> scopes() {
        return scopes;
    }

    /** Whether endpoints whose action writes must refuse to start on this connection. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * The deployment, asking Jira's serverInfo once when the connection says {@code auto}. A detected deployment
     * that the auth type cannot work with (a personal access token answered by Jira Cloud, say) is refused.
     */
    public Deployment deployment() {
        return dialect().deployment();
    }

    /** How this connection talks to its deployment. */
    public JiraDialect dialect() {
        JiraDialect d = dialect;
        if (d == null) {
            Deployment detected = serverInfo().getDeployment();
            if (detected != authType.impliedDeployment()) {
                throw new JiraSpokeConfigurationException(
                        "Jira connection '" + name + "' has deployment=auto and Jira says it is "
                                                          + detected.id() + " (deploymentType "
                                                          + serverInfo().getDeploymentType() + "), but authType "
                                                          + authType.id() + " works only on Jira "
                                                          + authType.impliedDeployment().id()
                                                          + ": check baseUrl, or choose an auth type of "
                                                          + detected.id());
            }
            d = JiraDialect.of(detected);
            dialect = d;
        }
        return d;
    }

    /** Field display names and value shapes of this connection, from its field list (fetched once, kept). */
    public FieldResolver fields() {
        return fields;
    }

    /** Jira's serverInfo, fetched once and cached. */
    public JiraServerInfo serverInfo() {
        JiraServerInfo info = serverInfo;
        if (info == null) {
            info = fetchServerInfo();
            serverInfo = info;
        }
        return info;
    }

    /** The Data Center major version (e.g. 10), learnt once from serverInfo; null when Jira does not say. */
    public Integer serverMajorVersion() {
        return serverInfo().getMajorVersion();
    }

    /**
     * Jira's clock now, as far as this host can tell: the host clock corrected by the offset measured from the
     * {@code Date} header of Jira's latest answer. Consumers reason in Jira's time, since Jira stamps the items they
     * compare.
     */
    public Instant jiraNow() {
        return Instant.now().plus(http.serverClockOffset());
    }

    /** Asks Jira for its time now (one serverInfo call): its {@code serverTime}, else its {@code Date} header. */
    public Instant measureJiraClock() {
        Instant server = fetchServerInfo().getServerTime();
        return server != null ? server : jiraNow();
    }

    private JiraServerInfo fetchServerInfo() {
        return new JiraServerInfo(http.json(JiraRequest.get("/rest/api/2/serverInfo"), auth));
    }

    /**
     * Asks Jira once, within {@code millis} and without retries, whether the connection works: {@code myself}
     * (which proves the credentials are accepted) when the connection may read it, else {@code serverInfo} (scoped
     * credentials without a user scope). Answers what was asked; throws the {@link
     * io.jiraspoke.camel.error.JiraSpokeException} of the failure.
     */
    public String probe(long millis) {
        boolean myself = !authType.isScoped()
                         || JiraSpokeAction.USER_MYSELF.variants().get(0).isAllowedWith(scopes);
        String path = dialect().api() + (myself ? "/myself" : "/serverInfo");
        http.json(JiraRequest.get(path).probe(millis), auth);
        return path;
    }

    /** The authenticator; an {@link OAuthAuthenticator} for OAuth connections. */
    public JiraAuthenticator authenticator() {
        return auth;
    }

    /** Where the OAuth tokens of this connection are kept; null for other auth types. */
    public JiraSpokeTokenStore tokenStore() {
        return tokenStore;
    }

    /**
     * Sends a request with the connection's credentials and answers Jira's JSON as the request expects it
     * ({@link JiraRequest#expect}): an object for GET and POST unless told otherwise, null when a PUT or DELETE got no
     * content.
     */
    public JsonNode call(JiraRequest request) {
        return http.json(request, auth);
    }

    /**
     * Sends a request with the connection's credentials and hands over its 2xx answer as an open stream (an
     * attachment's content); the caller reads or closes it.
     */
    public JiraContent open(JiraRequest request) {
        return http.open(request, auth);
    }

    /**
     * The path and query of an absolute URL below the connection's base URL (same scheme, host and port, and the
     * base URL's path, such as a Data Center context path, as a prefix), relative to that base; null for any other
     * URL, one with user info, or one that leaves the base by {@code ..}.
     */
    public String pathUnderBase(String url) {
        URI u;
        URI base;
        try {
            u = new URI(url.trim());
            base = new URI(http.baseUrl());
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
        if (!u.isAbsolute() || u.getRawUserInfo() != null || u.getRawPath() == null
            || !Objects.equals(JiraHttp.canonicalOrigin(u), JiraHttp.canonicalOrigin(base))) {
            return null;
        }
        String path = u.getRawPath();
        if (!path.equals(u.normalize().getRawPath()) || path.contains("/../") || path.endsWith("/..")) {
            return null;
        }
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!path.startsWith(prefix + "/")) {
            return null;
        }
        String relative = path.substring(prefix.length());
        return u.getRawQuery() == null ? relative : relative + "?" + u.getRawQuery();
    }

    public JiraHttp http() {
        return http;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    @Override
    public String toString() {
        return "JiraClient[" + name + ", " + authType.id() + ", " + http.baseUrl() + "]";
    }
}
