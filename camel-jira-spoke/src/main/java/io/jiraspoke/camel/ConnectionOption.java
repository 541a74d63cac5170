package io.jiraspoke.camel;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.jiraspoke.camel.auth.JiraSpokeTokenStore;
import io.jiraspoke.camel.catalog.AuthType;

import static io.jiraspoke.camel.catalog.AuthType.BASIC;
import static io.jiraspoke.camel.catalog.AuthType.BASIC_API_TOKEN;
import static io.jiraspoke.camel.catalog.AuthType.OAUTH2_AUTHORIZATION_CODE;
import static io.jiraspoke.camel.catalog.AuthType.OAUTH2_CLIENT_CREDENTIALS;
import static io.jiraspoke.camel.catalog.AuthType.PERSONAL_ACCESS_TOKEN;
import static io.jiraspoke.camel.catalog.AuthType.SCOPED_API_TOKEN;

/**
 * Every setting of a {@link JiraSpokeConnection}, declared once: its type, default, whether it is a secret, and for
 * each auth type whether it is required, allowed or not used. Validation, {@code toString()}, the fingerprint that
 * lets equal inline connections share a client, the masking of secrets in Camel's logs and the reference docs are
 * all derived from this table; a test keeps it equal to the bean properties of {@link JiraSpokeConnection}.
 */
public enum ConnectionOption {

    AUTH_TYPE("authType", String.class, false, null, JiraSpokeConnection::getAuthType, all(), none(),
            "How to authenticate: " + AuthType.ids() + ". When not given it is inferred from the credentials that"
                                                                                  + " are set."),
    DEPLOYMENT("deployment", String.class, false, null, JiraSpokeConnection::getDeployment, all(), none(),
            "cloud, server (Data Center) or auto. When not given it follows from the auth type (API tokens and OAuth"
                                                                                       + " are Cloud; personal access"
                                                                                       + " tokens and user/password"
                                                                                       + " are Data Center); auto asks"
                                                                                       + " Jira's serverInfo once and"
                                                                                       + " refuses to start when the"
                                                                                       + " answer contradicts the auth"
                                                                                       + " type."),
    BASE_URL("baseUrl", String.class, false, null, JiraSpokeConnection::getBaseUrl,
            set(BASIC_API_TOKEN, PERSONAL_ACCESS_TOKEN, BASIC), set(BASIC_API_TOKEN, PERSONAL_ACCESS_TOKEN, BASIC),
            "The Jira site URL: https://your-site.atlassian.net (Cloud with basic-api-token) or"
                                                                      + " https://jira.example.com (Data Center,"
                                                                      + " including any context path). Scoped"
                                                                      + " tokens and OAuth call"
                                                                      + " api.atlassian.com/ex/jira/{cloudId}"
                                                                      + " instead."),
    CLOUD_ID("cloudId", String.class, false, null, JiraSpokeConnection::getCloudId,
            set(BASIC_API_TOKEN, SCOPED_API_TOKEN, OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS),
            set(SCOPED_API_TOKEN, OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS),
            "The Cloud id of the site (a UUID: https://your-site.atlassian.net/_edge/tenant_info shows it)."),
    EMAIL("email", String.class, false, null, JiraSpokeConnection::getEmail,
            set(BASIC_API_TOKEN, SCOPED_API_TOKEN), set(BASIC_API_TOKEN, SCOPED_API_TOKEN),
            "The Atlassian account e-mail address the API token belongs to."),
    API_TOKEN("apiToken", String.class, true, null, JiraSpokeConnection::getApiToken,
            set(BASIC_API_TOKEN, SCOPED_API_TOKEN), set(BASIC_API_TOKEN, SCOPED_API_TOKEN),
            "The classic or scoped Atlassian API token."),
    USERNAME("username", String.class, false, null, JiraSpokeConnection::getUsername, set(BASIC), set(BASIC),
            "The Data Center user name."),
    PASSWORD("password", String.class, true, null, JiraSpokeConnection::getPassword, set(BASIC), set(BASIC),
            "The Data Center password."),
    PERSONAL_ACCESS_TOKEN_OPTION("personalAccessToken", String.class, true, null,
            JiraSpokeConnection::getPersonalAccessToken, set(PERSONAL_ACCESS_TOKEN), set(PERSONAL_ACCESS_TOKEN),
            "The Data Center personal access token (Jira 8.14 and later)."),
    CLIENT_ID("clientId", String.class, false, null, JiraSpokeConnection::getClientId, oauth(), oauth(),
            "The OAuth 2.0 client id (of the app, or of the service account's credential)."),
    CLIENT_SECRET("clientSecret", String.class, true, null, JiraSpokeConnection::getClientSecret, oauth(), oauth(),
            "The OAuth 2.0 client secret."),
    REFRESH_TOKEN("refreshToken", String.class, true, null, JiraSpokeConnection::getRefreshToken,
            set(OAUTH2_AUTHORIZATION_CODE), none(),
            "The OAuth 2.0 (3LO) refresh token obtained at consent. Used only until the token store holds a newer"
                                                    + " one: refresh tokens rotate on every refresh."),
    AUTHORIZATION_CODE("authorizationCode", String.class, true, null, JiraSpokeConnection::getAuthorizationCode,
            set(OAUTH2_AUTHORIZATION_CODE), none(),
            "An OAuth 2.0 (3LO) authorization code to exchange once for tokens when neither the token store nor"
                                                    + " refreshToken has a refresh token; needs redirectUri."),
    REDIRECT_URI("redirectUri", String.class, false, null, JiraSpokeConnection::getRedirectUri,
            set(OAUTH2_AUTHORIZATION_CODE), none(),
            "The redirect URI registered for the OAuth app; needed with authorizationCode."),
    SCOPES("scopes", String.class, false, null, JiraSpokeConnection::getScopes,
            set(SCOPED_API_TOKEN, OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS),
            set(SCOPED_API_TOKEN, OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS),
            "The scopes the credential was granted, separated by spaces or commas. Endpoints check at start that"
                                                                                       + " their action's classic or"
                                                                                       + " granular scopes are"
                                                                                       + " listed."),
    TOKEN_STORE("tokenStore", JiraSpokeTokenStore.class, false, null, JiraSpokeConnection::getTokenStore, oauth(),
            none(),
            "Where OAuth tokens are kept (a bean: 3LO refresh tokens rotate and must survive a restart). Default: in"
                                                    + " memory, or a file when tokenStoreFile is set."),
    TOKEN_STORE_FILE("tokenStoreFile", String.class, false, null, JiraSpokeConnection::getTokenStoreFile, oauth(),
            none(), "A file in which to keep OAuth tokens (created with owner-only permissions)."),
    TOKEN_URL("tokenUrl", String.class, false, JiraSpokeConnection.DEFAULT_TOKEN_URL,
            JiraSpokeConnection::getTokenUrl, oauth(), none(), "The OAuth 2.0 token endpoint."),
    AUTHORIZE_URL("authorizeUrl", String.class, false, JiraSpokeConnection.DEFAULT_AUTHORIZE_URL,
            JiraSpokeConnection::getAuthorizeUrl, set(OAUTH2_AUTHORIZATION_CODE), none(),
            "Atlassian's consent page, to which the OAuth consent flow sends the admin (Spring Boot's consent"
                                                    + " endpoints, the JiraSpokeConsent command)."),
    API_GATEWAY_URL("apiGatewayUrl", String.class, false, JiraSpokeConnection.DEFAULT_API_GATEWAY_URL,
            JiraSpokeConnection::getApiGatewayUrl,
            set(SCOPED_API_TOKEN, OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS), none(),
            "The Atlassian API gateway in front of Cloud sites for scoped tokens and OAuth: calls go to"
                                                    + " {apiGatewayUrl}/ex/jira/{cloudId}, and the consent flow reads"
                                                    + " the sites a grant reaches from"
                                                    + " {apiGatewayUrl}/oauth/token/accessible-resources."),
    READ_ONLY("readOnly", boolean.class, false, false, JiraSpokeConnection::isReadOnly, all(), none(),
            "Refuse to start endpoints whose action changes data in Jira (create, update, delete, assign, notify,"
                                                    + " ...), e.g. to try new routes against production safely."),
    ALLOW_INSECURE_HTTP("allowInsecureHttp", boolean.class, false, false, JiraSpokeConnection::isAllowInsecureHttp,
            all(), none(),
            "Allow plain http:// URLs to hosts other than this machine (credentials then cross the network"
                                                    + " unencrypted). Loopback addresses are always allowed."),
    CONNECT_TIMEOUT("connectTimeout", Duration.class, false, Duration.ofSeconds(10),
            JiraSpokeConnection::getConnectTimeout, all(), none(),
            "How long to wait for a TCP connection (e.g. 10s, 500ms, PT10S)."),
    RESPONSE_TIMEOUT("responseTimeout", Duration.class, false, Duration.ofSeconds(60),
            JiraSpokeConnection::getResponseTimeout, all(), none(), "How long to wait for Jira's answer."),
    MAX_ATTEMPTS("maxAttempts", int.class, false, 5, JiraSpokeConnection::getMaxAttempts, all(), none(),
            "How many times a request is sent at most when Jira rate-limits (429), is unavailable (502, 503, 504)"
                                                    + " or the connection fails before the request was processed."),
    MAX_RETRY_WAIT("maxRetryWait", Duration.class, false, Duration.ofMinutes(2),
            JiraSpokeConnection::getMaxRetryWait, all(), none(),
            "The longest total time one request may spend waiting between attempts."),
    MAX_CONNECTIONS("maxConnections", int.class, false, 20, JiraSpokeConnection::getMaxConnections, all(), none(),
            "Pooled HTTP connections to Jira, shared by all endpoints of the connection."),
    CALL_TIMEOUT("callTimeout", Duration.class, false, Duration.ofMinutes(2), JiraSpokeConnection::getCallTimeout,
            all(), none(),
            "The longest one call may take, all attempts and the waits between them included (waits for the"
                                                    + " connection's own rate limit too); the last attempt's response"
                                                    + " timeout is shortened to what remains."),
    MAX_REQUESTS_PER_SECOND("maxRequestsPerSecond", double.class, false, 0.0,
            JiraSpokeConnection::getMaxRequestsPerSecond, all(), none(),
            "The most requests per second this connection sends to Jira, all its endpoints and consumers together"
                                                    + " (0: no limit). Requests are spaced evenly; waiting for a slot"
                                                    + " counts against callTimeout."),
    MAX_CONCURRENT_REQUESTS("maxConcurrentRequests", int.class, false, 0,
            JiraSpokeConnection::getMaxConcurrentRequests, all(), none(),
            "The most requests this connection has in flight at once, all its endpoints and consumers together (0:"
                                                    + " no limit). Waiting counts against callTimeout."),
    TRUST_STORE("trustStore", String.class, false, null, JiraSpokeConnection::getTrustStore, all(), none(),
            "A trust store file with the certificates to trust for every TLS connection of this connection (token"
                                                    + " requests included) instead of the JVM's trust store, e.g. for"
                                                    + " a Data Center behind a private CA."),
    TRUST_STORE_PASSWORD("trustStorePassword", String.class, true, null, JiraSpokeConnection::getTrustStorePassword,
            all(), none(), "The password of trustStore."),
    TRUST_STORE_TYPE("trustStoreType", String.class, false, null, JiraSpokeConnection::getTrustStoreType, all(),
            none(), "The type of trustStore (PKCS12, JKS, ...). Default: the JVM's default key store type (PKCS12,"
                    + " which reads JKS files too)."),
    PROXY("proxy", String.class, false, null, JiraSpokeConnection::getProxy, all(), none(),
            "An HTTP proxy for every request of the connection, token requests included: host:port or"
                                                    + " http://host:port."),
    PROXY_USERNAME("proxyUsername", String.class, false, null, JiraSpokeConnection::getProxyUsername, all(), none(),
            "The user name for the proxy (Basic, sent only to the proxy when it asks)."),
    PROXY_PASSWORD("proxyPassword", String.class, true, null, JiraSpokeConnection::getProxyPassword, all(), none(),
            "The password for the proxy."),
    FIELD_LIST_REFRESH("fieldListRefresh", Duration.class, false, Duration.ofMinutes(1),
            JiraSpokeConnection::getFieldListRefresh, all(), none(),
            "Field display names are resolved from the connection's field list, fetched on first need and kept. A"
                                                    + " name the list does not hold makes it fetch the list again,"
                                                    + " but at most once per this long, so that a mistyped name does"
                                                    + " not make a request per message (0: on every miss)."),
    MEDIA_HOSTS("mediaHosts", String.class, false, JiraSpokeConnection.DEFAULT_MEDIA_HOSTS,
            JiraSpokeConnection::getMediaHosts, all(), none(),
            "Where Jira Cloud may send an attachment download (its content endpoint answers 303 to its media"
                                                    + " service): host names (https) or origins such as"
                                                    + " https://host:port, comma separated. The download follows"
                                                    + " that one redirect, from the connection's host only, without"
                                                    + " the connection's credentials (the redirect URL carries its"
                                                    + " own token); any other redirect is an error.");

    private final String id;
    private final Class<?> type;
    private final boolean secret;
    private final Object defaultValue;
    private final Function<JiraSpokeConnection, Object> getter;
    private final Set<AuthType> allowed;
    private final Set<AuthType> required;
    private final String description;

    @SuppressWarnings("unchecked")
    ConnectionOption(String id, Class<?> type, boolean secret, Object defaultValue,
                     Function<JiraSpokeConnection, ?> getter, Set<AuthType> allowed, Set<AuthType> required,
                     String description) {
        this.id = id;
        this.type = type;
        this.secret = secret;
        this.defaultValue = defaultValue;
        this.getter = (Function<JiraSpokeConnection, Object>) getter;
        this.allowed = Collections.unmodifiableSet(allowed);
        this.required = Collections.unmodifiableSet(required);
        this.description = description;
    }

    private static Set<AuthType> all() {
        return EnumSet.allOf(AuthType.class);
    }

    private static Set<AuthType> none() {
        return EnumSet.noneOf(AuthType.class);
    }

    private static Set<AuthType> oauth() {
        return EnumSet.of(OAUTH2_AUTHORIZATION_CODE, OAUTH2_CLIENT_CREDENTIALS);
    }

    private static Set<AuthType> set(AuthType first, AuthType... rest) {
        return EnumSet.of(first, rest);
    }

    /** The property name, as in {@code connections[<name>].<id>} and {@code connection.<id>} on endpoints. */
    public String id() {
        return id;
    }

    public Class<?> type() {
        return type;
    }

    public boolean isSecret() {
        return secret;
    }

    /** The value a new connection has; null when there is none. */
    public Object defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Whether the auth type reads this option (required options are allowed too). */
    public boolean isAllowedFor(AuthType authType) {
        return allowed.contains(authType);
    }

    public boolean isRequiredFor(AuthType authType) {
        return required.contains(authType);
    }

    public Object valueOf(JiraSpokeConnection connection) {
        return getter.apply(connection);
    }

    /** Whether the connection sets this option to something other than its default. */
    public boolean isSetOn(JiraSpokeConnection connection) {
        Object v = valueOf(connection);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return false;
        }
        return !Objects.equals(v, defaultValue);
    }

    /** The option of a property name, case-insensitively; null when there is none. */
    public static ConnectionOption find(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "");
        for (ConnectionOption o : values()) {
            if (o.id.toLowerCase(Locale.ROOT).equals(n)) {
                return o;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ConnectionOption::id).toList();
    }

    /** The names of the secret options, e.g. apiToken, password, clientSecret. */
    public static List<String> secretIds() {
        return Arrays.stream(values()).filter(ConnectionOption::isSecret).map(ConnectionOption::id).toList();
    }
}
