package io.jiraspoke.camel;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.jiraspoke.camel.auth.JiraSpokeTokenStore;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The settings of one Jira connection: where Jira is, which deployment it is and how to authenticate. Named
 * connections live on the component ({@code connections}); the same options can be given inline on an endpoint for a
 * quick single connection. Secrets are never printed: {@link #toString()} masks them.
 */
@UriParams
public class JiraSpokeConnection {

    static final String DEFAULT_TOKEN_URL = "https://auth.atlassian.com/oauth/token";
    static final String DEFAULT_API_GATEWAY_URL = "https://api.atlassian.com";

    @UriParam(label = "common", description = "The Jira site URL, e.g. https://your-site.atlassian.net (Cloud with"
            + " basic-api-token) or https://jira.example.com (Data Center). Not used with scoped-api-token and OAuth,"
            + " which call api.atlassian.com/ex/jira/{cloudId}.")
    private String baseUrl;
    @UriParam(label = "common", description = "The Cloud id of the site (a UUID, see"
            + " https://your-site.atlassian.net/_edge/tenant_info). Needed by scoped-api-token,"
            + " oauth2-authorization-code and oauth2-client-credentials.")
    private String cloudId;
    @UriParam(label = "common", enums = "cloud,server,auto", description = "cloud or server (Data Center). When not"
            + " given it follows from the auth type (API tokens and OAuth are Cloud; personal access tokens and"
            + " user/password are Data Center); auto asks Jira's serverInfo once.")
    private String deployment;
    @UriParam(label = "security", enums = "basic-api-token,scoped-api-token,oauth2-authorization-code,"
            + "oauth2-client-credentials,personal-access-token,basic", description = "How to authenticate. When not"
            + " given it is inferred from the credentials that are set.")
    private String authType;
    @UriParam(label = "security", description = "Atlassian account e-mail address (basic-api-token, scoped-api-token).")
    private String email;
    @UriParam(label = "security", secret = true, description = "Classic or scoped Atlassian API token.")
    private String apiToken;
    @UriParam(label = "security", description = "Data Center user name (basic).")
    private String username;
    @UriParam(label = "security", secret = true, description = "Data Center password (basic).")
    private String password;
    @UriParam(label = "security", secret = true, description = "Data Center personal access token.")
    private String personalAccessToken;
    @UriParam(label = "security", description = "OAuth 2.0 client id.")
    private String clientId;
    @UriParam(label = "security", secret = true, description = "OAuth 2.0 client secret.")
    private String clientSecret;
    @UriParam(label = "security", secret = true, description = "OAuth 2.0 (3LO) refresh token obtained at consent."
            + " Used only until the token store holds a newer one: refresh tokens rotate on every refresh.")
    private String refreshToken;
    @UriParam(label = "security", secret = true, description = "OAuth 2.0 (3LO) authorization code to exchange once"
            + " for tokens when neither the token store nor refreshToken has a refresh token.")
    private String authorizationCode;
    @UriParam(label = "security", description = "The redirect URI registered for the OAuth app; needed with"
            + " authorizationCode.")
    private String redirectUri;
    @UriParam(label = "security", description = "The OAuth scopes (or scoped API token scopes) the credential was"
            + " granted, separated by spaces or commas. Endpoints check at start that their action's scopes are"
            + " listed. Required for scoped-api-token and OAuth connections.")
    private String scopes;
    @UriParam(label = "security", description = "Where OAuth tokens are persisted (3LO refresh tokens rotate and must"
            + " survive a restart). Default: a store in memory, or a file store when tokenStoreFile is set.")
    private JiraSpokeTokenStore tokenStore;
    @UriParam(label = "security", description = "A file in which to persist OAuth tokens (created with owner-only"
            + " permissions).")
    private String tokenStoreFile;
    @UriParam(label = "advanced", defaultValue = DEFAULT_TOKEN_URL, description = "The OAuth 2.0 token endpoint.")
    private String tokenUrl = DEFAULT_TOKEN_URL;
    @UriParam(label = "advanced", defaultValue = DEFAULT_API_GATEWAY_URL, description = "The Atlassian API gateway"
            + " in front of Cloud sites for scoped tokens and OAuth; calls go to {apiGatewayUrl}/ex/jira/{cloudId}.")
    private String apiGatewayUrl = DEFAULT_API_GATEWAY_URL;
    @UriParam(label = "advanced", defaultValue = "10s", description = "How long to wait for a TCP connection"
                                                                      + " (e.g. 10s, 500ms, PT10S).")
    private Duration connectTimeout = Duration.ofSeconds(10);
    @UriParam(label = "advanced", defaultValue = "60s", description = "How long to wait for Jira's answer.")
    private Duration responseTimeout = Duration.ofSeconds(60);
    @UriParam(label = "advanced", defaultValue = "5", description = "How many times a request is sent at most when"
            + " Jira rate-limits (429), is unavailable (503) or the connection fails before the request was"
            + " processed.")
    private int maxAttempts = 5;
    @UriParam(label = "advanced", defaultValue = "2m", description = "The longest total time one request may spend"
                                                                     + " waiting between attempts.")
    private Duration maxRetryWait = Duration.ofMinutes(2);
    @UriParam(label = "advanced", defaultValue = "20", description = "Pooled HTTP connections to Jira, shared by all"
            + " endpoints of the connection.")
    private int maxConnections = 20;

    // transport options (issue 5 B)
    @UriParam(label = "advanced", defaultValue = "2m", description = "The longest one call may take, all attempts"
            + " and the waits between them included (waits for the connection's own rate limit too); the last"
            + " attempt's response timeout is shortened to what remains.")
    private Duration callTimeout = Duration.ofMinutes(2);
    @UriParam(label = "advanced", defaultValue = "0", description = "The most requests per second this connection"
            + " sends to Jira, all its endpoints and consumers together (0: no limit). Requests are spaced evenly;"
            + " waiting for a slot counts against callTimeout.")
    private double maxRequestsPerSecond;
    @UriParam(label = "advanced", defaultValue = "0", description = "The most requests this connection has in"
            + " flight at once, all its endpoints and consumers together (0: no limit). Waiting counts against"
            + " callTimeout.")
    private int maxConcurrentRequests;
    @UriParam(label = "security", description = "A trust store (file path) holding the certificates to trust for"
            + " every TLS connection of this connection (token requests included) instead of the JVM's trust store,"
            + " e.g. for a Data Center behind a private CA.")
    private String trustStore;
    @UriParam(label = "security", secret = true, description = "The password of trustStore.")
    private String trustStorePassword;
    @UriParam(label = "security", description = "The type of trustStore (PKCS12, JKS, ...). Default: the JVM's"
            + " default key store type (PKCS12, which reads JKS files too).")
    private String trustStoreType;
    @UriParam(label = "advanced", description = "An HTTP proxy for every request of the connection, token requests"
            + " included: host:port or http://host:port.")
    private String proxy;
    @UriParam(label = "security", description = "The user name for the proxy (Basic, sent only to the proxy when"
            + " it asks).")
    private String proxyUsername;
    @UriParam(label = "security", secret = true, description = "The password for the proxy.")
    private String proxyPassword;

    public static JiraSpokeConnection basicApiToken(String siteUrl, String email, String apiToken) {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType(AuthType.BASIC_API_TOKEN.id());
        c.setBaseUrl(siteUrl);
        c.setEmail(email);
        c.setApiToken(apiToken);
        return c;
    }

    public static JiraSpokeConnection personalAccessToken(String baseUrl, String token) {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType(AuthType.PERSONAL_ACCESS_TOKEN.id());
        c.setBaseUrl(baseUrl);
        c.setPersonalAccessToken(token);
        return c;
    }

    /**
     * Checks the settings and answers the auth type in force. Every message names the connection and the option.
     */
    public AuthType validate(String name) {
        AuthType type;
        try {
            type = authType != null ? AuthType.fromId(authType) : inferAuthType(name);
        } catch (IllegalArgumentException e) {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + name + "' is misconfigured: option 'authType': " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        switch (type) {
            case BASIC_API_TOKEN -> {
                require(problems, "baseUrl", baseUrl);
                require(problems, "email", email);
                require(problems, "apiToken", apiToken);
            }
            case SCOPED_API_TOKEN -> {
                require(problems, "cloudId", cloudId);
                require(problems, "email", email);
                require(problems, "apiToken", apiToken);
                require(problems, "scopes", scopes);
            }
            case OAUTH2_AUTHORIZATION_CODE -> {
                require(problems, "cloudId", cloudId);
                require(problems, "clientId", clientId);
                require(problems, "clientSecret", clientSecret);
                require(problems, "scopes", scopes);
                if (authorizationCode != null && redirectUri == null) {
                    problems.add("option 'redirectUri' is required with 'authorizationCode'");
                }
                if (refreshToken == null && authorizationCode == null && tokenStore == null && tokenStoreFile == null) {
                    problems.add("set 'refreshToken', 'authorizationCode', or a token store ('tokenStore' or"
                                 + " 'tokenStoreFile') that holds the tokens");
                }
            }
            case OAUTH2_CLIENT_CREDENTIALS -> {
                require(problems, "cloudId", cloudId);
                require(problems, "clientId", clientId);
                require(problems, "clientSecret", clientSecret);
                require(problems, "scopes", scopes);
            }
            case PERSONAL_ACCESS_TOKEN -> {
                require(problems, "baseUrl", baseUrl);
                require(problems, "personalAccessToken", personalAccessToken);
            }
            case BASIC -> {
                require(problems, "baseUrl", baseUrl);
                require(problems, "username", username);
                require(problems, "password", password);
            }
            default -> throw new IllegalStateException(type.id());
        }
        for (String unused : unusedCredentials(type)) {
            problems.add("option '" + unused + "' is not used by authType " + type.id()
                         + " (remove it, or choose the auth type it belongs to)");
        }
        if (type.isScoped() && baseUrl != null) {
            problems.add("option 'baseUrl' is not used by authType " + type.id() + ": these credentials work only"
                         + " through " + apiGatewayUrl + "/ex/jira/{cloudId}; set 'cloudId' instead");
        }
        if (deployment != null && !"auto".equalsIgnoreCase(deployment)) {
            Deployment d = null;
            try {
                d = Deployment.fromId(deployment);
            } catch (IllegalArgumentException e) {
                problems.add("option 'deployment': " + e.getMessage());
            }
            if (d != null && d != type.impliedDeployment()) {
                problems.add("authType " + type.id() + " exists only on Jira " + type.impliedDeployment().id()
                             + ", but deployment is " + d.id());
            }
        }
        positive(problems, "connectTimeout", connectTimeout);
        positive(problems, "responseTimeout", responseTimeout);
        if (maxRetryWait == null || maxRetryWait.isNegative()) {
            problems.add("option 'maxRetryWait' must not be negative, was " + maxRetryWait);
        }
        if (maxAttempts < 1) {
            problems.add("option 'maxAttempts' must be at least 1");
        }
        // transport options (issue 5 B)
        positive(problems, "callTimeout", callTimeout);
        if (Double.isNaN(maxRequestsPerSecond) || Double.isInfinite(maxRequestsPerSecond) || maxRequestsPerSecond < 0) {
            problems.add("option 'maxRequestsPerSecond' must be a positive number, or 0 for no limit, was "
                         + maxRequestsPerSecond);
        }
        if (maxConcurrentRequests < 0) {
            problems.add("option 'maxConcurrentRequests' must be positive, or 0 for no limit, was "
                         + maxConcurrentRequests);
        }
        checkTrustStore(problems);
        checkProxy(problems);
        if (!problems.isEmpty()) {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + name + "' (authType " + type.id() + ") is misconfigured: "
                                                      + String.join("; ", problems));
        }
        return type;
    }

    // transport options (issue 5 B)
    private void checkTrustStore(List<String> problems) {
        if (trustStore == null) {
            if (trustStorePassword != null || trustStoreType != null) {
                problems.add("options 'trustStorePassword' and 'trustStoreType' need 'trustStore'");
            }
            return;
        }
        boolean readable;
        try {
            readable = Files.isRegularFile(Path.of(trustStore)) && Files.isReadable(Path.of(trustStore));
        } catch (InvalidPathException e) {
            readable = false;
        }
        if (!readable) {
            problems.add("option 'trustStore': no readable file at " + trustStore);
        }
        if (trustStoreType != null) {
            try {
                KeyStore.getInstance(trustStoreType);
            } catch (KeyStoreException e) {
                problems.add("option 'trustStoreType': this JVM knows no key store type " + trustStoreType);
            }
        }
    }

    private void checkProxy(List<String> problems) {
        if (proxy == null) {
            if (proxyUsername != null || proxyPassword != null) {
                problems.add("options 'proxyUsername' and 'proxyPassword' need 'proxy'");
            }
            return;
        }
        if (proxyPassword != null && proxyUsername == null) {
            problems.add("option 'proxyPassword' needs 'proxyUsername'");
        }
        if (proxy.indexOf('@') >= 0) {
            // the value is not repeated: it may hold a password
            problems.add("option 'proxy' must not hold credentials; set 'proxyUsername' and 'proxyPassword'");
            return;
        }
        String hostPort = proxy.regionMatches(true, 0, "http://", 0, 7) ? proxy.substring(7) : proxy;
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        int colon = hostPort.lastIndexOf(':');
        int port = -1;
        if (colon > 0 && hostPort.indexOf('/') < 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535) {
            problems.add("option 'proxy' must be host:port or http://host:port, was " + proxy);
        }
    }

    private AuthType inferAuthType(String name) {
        if (personalAccessToken != null) {
            return AuthType.PERSONAL_ACCESS_TOKEN;
        }
        if (clientSecret != null) {
            return refreshToken != null || authorizationCode != null
                    ? AuthType.OAUTH2_AUTHORIZATION_CODE : AuthType.OAUTH2_CLIENT_CREDENTIALS;
        }
        if (apiToken != null) {
            return baseUrl == null && cloudId != null ? AuthType.SCOPED_API_TOKEN : AuthType.BASIC_API_TOKEN;
        }
        if (password != null) {
            return AuthType.BASIC;
        }
        throw new JiraSpokeConfigurationException(
                "Jira connection '" + name + "' has no credentials: set 'authType' (" + AuthType.ids()
                                                  + ") and its credentials");
    }

    private List<String> unusedCredentials(AuthType type) {
        List<String> unused = new ArrayList<>();
        boolean tokenAuth = type == AuthType.BASIC_API_TOKEN || type == AuthType.SCOPED_API_TOKEN;
        boolean oauth = type.isOAuth();
        boolean code = type == AuthType.OAUTH2_AUTHORIZATION_CODE;
        check(unused, "email", email, tokenAuth);
        check(unused, "apiToken", apiToken, tokenAuth);
        check(unused, "username", username, type == AuthType.BASIC);
        check(unused, "password", password, type == AuthType.BASIC);
        check(unused, "personalAccessToken", personalAccessToken, type == AuthType.PERSONAL_ACCESS_TOKEN);
        check(unused, "clientId", clientId, oauth);
        check(unused, "clientSecret", clientSecret, oauth);
        check(unused, "refreshToken", refreshToken, code);
        check(unused, "authorizationCode", authorizationCode, code);
        check(unused, "redirectUri", redirectUri, code);
        check(unused, "tokenStore", tokenStore, oauth);
        check(unused, "tokenStoreFile", tokenStoreFile, oauth);
        check(unused, "scopes", scopes, type.isScoped());
        check(unused, "cloudId", cloudId, type.isScoped() || type == AuthType.BASIC_API_TOKEN);
        return unused;
    }

    private static void check(List<String> unused, String option, Object value, boolean allowed) {
        if (value != null && !allowed) {
            unused.add(option);
        }
    }

    private static void positive(List<String> problems, String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add("option '" + option + "' must be a positive duration, was " + value);
        }
    }

    private static void require(List<String> problems, String option, String value) {
        if (value == null || value.isBlank()) {
            problems.add("option '" + option + "' is required");
        }
    }

    /** The granted scopes, lower-cased; empty for credentials without scopes. */
    public Set<String> scopeSet() {
        if (scopes == null || scopes.isBlank()) {
            return Set.of();
        }
        Set<String> s = new LinkedHashSet<>();
        Arrays.stream(scopes.split("[\\s,]+")).filter(x -> !x.isBlank())
                .forEach(x -> s.add(x.toLowerCase(Locale.ROOT)));
        return s;
    }

    /** Whether any connection or credential option has been set (used to detect inline endpoint connections). */
    public boolean isConfigured() {
        return baseUrl != null || cloudId != null || authType != null || email != null || apiToken != null
               || username != null || password != null || personalAccessToken != null || clientId != null
               || clientSecret != null || refreshToken != null || authorizationCode != null;
    }

    @Override
    public String toString() {
        return "JiraSpokeConnection[authType=" + authType + ", baseUrl=" + baseUrl + ", cloudId=" + cloudId
               + ", deployment=" + deployment + ", email=" + email + ", username=" + username
               + ", clientId=" + clientId + ", scopes=" + scopes
               + ", apiToken=" + mask(apiToken) + ", password=" + mask(password)
               + ", personalAccessToken=" + mask(personalAccessToken) + ", clientSecret=" + mask(clientSecret)
               + ", refreshToken=" + mask(refreshToken) + ", authorizationCode=" + mask(authorizationCode)
               + ", trustStore=" + trustStore + ", trustStorePassword=" + mask(trustStorePassword)
               + ", proxy=" + proxy + ", proxyUsername=" + proxyUsername + ", proxyPassword=" + mask(proxyPassword)
               + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "xxxxxx";
    }

    // getters and setters (the Camel configurers and property binding use them)

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getCloudId() {
        return cloudId;
    }

    public void setCloudId(String cloudId) {
        this.cloudId = cloudId;
    }

    public String getDeployment() {
        return deployment;
    }

    public void setDeployment(String deployment) {
        this.deployment = deployment;
    }

    public String getAuthType() {
        return authType;
    }

    public void setAuthType(String authType) {
        this.authType = authType;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getApiToken() {
        return apiToken;
    }

    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPersonalAccessToken() {
        return personalAccessToken;
    }

    public void setPersonalAccessToken(String personalAccessToken) {
        this.personalAccessToken = personalAccessToken;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getAuthorizationCode() {
        return authorizationCode;
    }

    public void setAuthorizationCode(String authorizationCode) {
        this.authorizationCode = authorizationCode;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public JiraSpokeTokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(JiraSpokeTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public String getTokenStoreFile() {
        return tokenStoreFile;
    }

    public void setTokenStoreFile(String tokenStoreFile) {
        this.tokenStoreFile = tokenStoreFile;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getApiGatewayUrl() {
        return apiGatewayUrl;
    }

    public void setApiGatewayUrl(String apiGatewayUrl) {
        this.apiGatewayUrl = apiGatewayUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Duration maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    // transport options (issue 5 B)

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public String getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    public String getTrustStoreType() {
        return trustStoreType;
    }

    public void setTrustStoreType(String trustStoreType) {
        this.trustStoreType = trustStoreType;
    }

    public String getProxy() {
        return proxy;
    }

    public void setProxy(String proxy) {
        this.proxy = proxy;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }
}
