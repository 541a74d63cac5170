package io.jiraspoke.camel;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.jiraspoke.camel.auth.JiraSpokeTokenStore;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;

/**
 * The settings of one Jira connection: where Jira is, which deployment it is and how to authenticate. Named
 * connections live on the component ({@code connections}) or in the registry as beans; the same settings can be
 * given inline on an endpoint with the {@code connection.} prefix for a quick single connection. What each auth
 * type requires and allows is declared once in {@link ConnectionOption}. Secrets are never printed:
 * {@link #toString()} masks them.
 */
public class JiraSpokeConnection {

    static final String DEFAULT_TOKEN_URL = "https://auth.atlassian.com/oauth/token";
    static final String DEFAULT_API_GATEWAY_URL = "https://api.atlassian.com";
    static final String DEFAULT_MEDIA_HOSTS = "api.media.atlassian.com";
    static final String DEFAULT_AUTHORIZE_URL = "https://auth.atlassian.com/authorize";

    private String baseUrl;
    private String cloudId;
    private String deployment;
    private String authType;
    private String email;
    private String apiToken;
    private String username;
    private String password;
    private String personalAccessToken;
    private String clientId;
    private String clientSecret;
    private String refreshToken;
    private String authorizationCode;
    private String redirectUri;
    private String scopes;
    private JiraSpokeTokenStore tokenStore;
    private String tokenStoreFile;
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private String apiGatewayUrl = DEFAULT_API_GATEWAY_URL;
    private String authorizeUrl = DEFAULT_AUTHORIZE_URL;
    private boolean readOnly;
    private boolean allowInsecureHttp;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(60);
    private int maxAttempts = 5;
    private Duration maxRetryWait = Duration.ofMinutes(2);
    private int maxConnections = 20;
    private Duration callTimeout = Duration.ofMinutes(2);
    private double maxRequestsPerSecond;
    private int maxConcurrentRequests;
    private String trustStore;
    private String trustStorePassword;
    private String trustStoreType;
    private String proxy;
    private String proxyUsername;
    private String proxyPassword;
    private Duration fieldListRefresh = Duration.ofMinutes(1);
    private String mediaHosts = DEFAULT_MEDIA_HOSTS;

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
     * Checks the settings and answers the auth type in force. Every problem is reported at once, each naming the
     * connection and the option.
     */
    public AuthType validate(String name) {
        return validate(name, SettingNames.OPTIONS);
    }

    /**
     * The same checks, with each setting named as {@code names} spells it: the Spring Boot starter names the full
     * property path, so that the message points at the line to fix.
     */
    public AuthType validate(String name, SettingNames names) {
        AuthType type;
        try {
            type = authType != null ? AuthType.fromId(authType) : inferAuthType(name, names);
        } catch (IllegalArgumentException e) {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + name + "' is misconfigured: " + names.subject("authType") + ": "
                                                      + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ConnectionOption o : ConnectionOption.values()) {
            boolean set = o.isSetOn(this);
            if (o.isRequiredFor(type) && !set) {
                problems.add(names.subject(o.id()) + " is required");
            } else if (set && !o.isAllowedFor(type)) {
                problems.add(o == ConnectionOption.BASE_URL && type.isScoped()
                        ? names.subject("baseUrl") + " is not used by authType " + type.id() + ": these credentials"
                          + " work only through " + apiGatewayUrl + "/ex/jira/{cloudId}; set " + names.of("cloudId")
                          + " instead"
                        : names.subject(o.id()) + " is not used by authType " + type.id()
                          + " (remove it, or choose the auth type it belongs to)");
            }
        }
        if (type == AuthType.OAUTH2_AUTHORIZATION_CODE) {
            if (authorizationCode != null && redirectUri == null) {
                problems.add(names.subject("redirectUri") + " is required with " + names.of("authorizationCode"));
            }
            if (refreshToken == null && authorizationCode == null && tokenStore == null && tokenStoreFile == null) {
                problems.add("set " + names.of("refreshToken") + ", " + names.of("authorizationCode") + ", or a token"
                             + " store (" + names.of("tokenStore") + " or " + names.of("tokenStoreFile") + ") that"
                             + " holds the tokens");
            }
        }
        if (deployment != null && !"auto".equalsIgnoreCase(deployment)) {
            Deployment d = null;
            try {
                d = Deployment.fromId(deployment);
            } catch (IllegalArgumentException e) {
                problems.add(names.subject("deployment") + ": " + e.getMessage());
            }
            if (d != null && d != type.impliedDeployment()) {
                problems.add("authType " + type.id() + " exists only on Jira " + type.impliedDeployment().id()
                             + ", but deployment is " + d.id());
            }
        }
        for (ConnectionOption o : List.of(ConnectionOption.BASE_URL, ConnectionOption.TOKEN_URL,
                ConnectionOption.API_GATEWAY_URL, ConnectionOption.AUTHORIZE_URL)) {
            if (o.isAllowedFor(type) && o.valueOf(this) instanceof String url && !url.isBlank()) {
                checkUrl(problems, names, o.id(), url);
            }
        }
        positive(problems, names, "connectTimeout", connectTimeout);
        positive(problems, names, "responseTimeout", responseTimeout);
        if (maxRetryWait == null || maxRetryWait.isNegative()) {
            problems.add(names.subject("maxRetryWait") + " must not be negative, was " + maxRetryWait);
        }
        if (maxAttempts < 1) {
            problems.add(names.subject("maxAttempts") + " must be at least 1, was " + maxAttempts);
        }
        if (maxConnections < 1) {
            problems.add(names.subject("maxConnections") + " must be at least 1, was " + maxConnections);
        }
        positive(problems, names, "callTimeout", callTimeout);
        if (Double.isNaN(maxRequestsPerSecond) || Double.isInfinite(maxRequestsPerSecond) || maxRequestsPerSecond < 0) {
            problems.add(names.subject("maxRequestsPerSecond") + " must be a positive number, or 0 for no limit, was "
                         + maxRequestsPerSecond);
        }
        if (maxConcurrentRequests < 0) {
            problems.add(names.subject("maxConcurrentRequests") + " must be positive, or 0 for no limit, was "
                         + maxConcurrentRequests);
        }
        if (fieldListRefresh == null || fieldListRefresh.isNegative()) {
            problems.add(names.subject("fieldListRefresh") + " must not be negative, was " + fieldListRefresh);
        }
        checkTrustStore(problems, names);
        checkProxy(problems, names);
        checkMediaHosts(problems, names);
        if (!problems.isEmpty()) {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + name + "' (authType " + type.id() + ") is misconfigured: "
                                                      + String.join("; ", problems));
        }
        return type;
    }

    /**
     * An absolute http(s) URL with a host. Plain http only to this machine, unless allowInsecureHttp: credentials
     * must not cross a network unencrypted by accident.
     */
    private void checkUrl(List<String> problems, SettingNames names, String option, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            problems.add(names.subject(option) + " is not a URL: " + e.getMessage());
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("https") && !scheme.equals("http")) || uri.getHost() == null || uri.getHost().isBlank()) {
            problems.add(names.subject(option) + " must be an absolute http(s) URL with a host, such as"
                         + " https://jira.example.com, was '" + url + "'");
            return;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(names.subject(option) + " must not have a query or fragment, was '" + url + "'");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            problems.add(names.subject(option) + " uses plain http to " + uri.getHost() + ": credentials would"
                         + " cross the network unencrypted; use https, or set " + names.of("allowInsecureHttp")
                         + " to true");
        }
    }

    /** Literal loopback names and addresses only: no name is looked up while validating. */
    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void checkTrustStore(List<String> problems, SettingNames names) {
        if (trustStore == null) {
            if (trustStorePassword != null || trustStoreType != null) {
                problems.add("options " + names.of("trustStorePassword") + " and " + names.of("trustStoreType") + " need "
                             + names.of("trustStore"));
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
            problems.add(names.subject("trustStore") + ": no readable file at " + trustStore);
        }
        if (trustStoreType != null) {
            try {
                KeyStore.getInstance(trustStoreType);
            } catch (KeyStoreException e) {
                problems.add(names.subject("trustStoreType") + ": this JVM knows no key store type " + trustStoreType);
            }
        }
    }

    private void checkProxy(List<String> problems, SettingNames names) {
        if (proxy == null) {
            if (proxyUsername != null || proxyPassword != null) {
                problems.add("options " + names.of("proxyUsername") + " and " + names.of("proxyPassword") + " need "
                             + names.of("proxy"));
            }
            return;
        }
        if (proxyPassword != null && proxyUsername == null) {
            problems.add(names.subject("proxyPassword") + " needs " + names.of("proxyUsername"));
        }
        if (proxy.indexOf('@') >= 0) {
            // the value is not repeated: it may hold a password
            problems.add(names.subject("proxy") + " must not hold credentials; set " + names.of("proxyUsername")
                         + " and " + names.of("proxyPassword"));
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
            problems.add(names.subject("proxy") + " must be host:port or http://host:port, was " + proxy);
        }
    }

    /** Each entry a host name, or an origin whose http is allowed as for baseUrl; no path, query or user info. */
    private void checkMediaHosts(List<String> problems, SettingNames names) {
        if (mediaHosts == null || mediaHosts.isBlank()) {
            return;
        }
        for (String entry : mediaHostList()) {
            String url = entry.contains("://") ? entry : "https://" + entry;
            int before = problems.size();
            checkUrl(problems, names, "mediaHosts", url);
            if (problems.size() > before) {
                continue;
            }
            URI uri = URI.create(url);
            String path = uri.getRawPath();
            if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawUserInfo() != null) {
                problems.add(names.subject("mediaHosts") + " takes host names or origins (https://host:port) without path or"
                             + " user info, was '" + entry + "'");
            }
        }
    }

    /** The entries of mediaHosts; empty when it is blank (then no redirect is followed). */
    public List<String> mediaHostList() {
        if (mediaHosts == null || mediaHosts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(mediaHosts.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    private AuthType inferAuthType(String name, SettingNames names) {
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
                "Jira connection '" + name + "' has no credentials: set " + names.of("authType") + " (" + AuthType.ids()
                                                  + ") and its credentials");
    }

    private static void positive(List<String> problems, SettingNames names, String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(names.subject(option) + " must be a positive duration, was " + value);
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

    /**
     * Identifies equal settings without keeping secrets in a map key: inline endpoint connections with the same
     * settings share one client.
     */
    String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (ConnectionOption o : ConnectionOption.values()) {
                Object v = o.valueOf(this);
                String text = v instanceof JiraSpokeTokenStore ? "store@" + System.identityHashCode(v)
                        : String.valueOf(v);
                md.update(o.id().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '=');
                md.update(text.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The options that are set, secrets masked. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("JiraSpokeConnection[");
        boolean first = true;
        for (ConnectionOption o : ConnectionOption.values()) {
            if (o.isSetOn(this)) {
                sb.append(first ? "" : ", ").append(o.id()).append('=')
                        .append(o.isSecret() ? "xxxxxx" : String.valueOf(o.valueOf(this)));
                first = false;
            }
        }
        return sb.append(']').toString();
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

    public String getAuthorizeUrl() {
        return authorizeUrl;
    }

    public void setAuthorizeUrl(String authorizeUrl) {
        this.authorizeUrl = authorizeUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** From text ({@code 10s}, {@code 500ms}, {@code PT10S}), refusing what is not a duration. */
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = Durations.parse("connectTimeout", connectTimeout);
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** From text ({@code 10s}, {@code 500ms}, {@code PT10S}), refusing what is not a duration. */
    public void setResponseTimeout(String responseTimeout) {
        this.responseTimeout = Durations.parse("responseTimeout", responseTimeout);
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

    /** From text ({@code 10s}, {@code 500ms}, {@code PT10S}), refusing what is not a duration. */
    public void setMaxRetryWait(String maxRetryWait) {
        this.maxRetryWait = Durations.parse("maxRetryWait", maxRetryWait);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** From text ({@code 2m}, {@code 90s}, {@code PT2M}), refusing what is not a duration. */
    public void setCallTimeout(String callTimeout) {
        this.callTimeout = Durations.parse("callTimeout", callTimeout);
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

    public Duration getFieldListRefresh() {
        return fieldListRefresh;
    }

    public void setFieldListRefresh(Duration fieldListRefresh) {
        this.fieldListRefresh = fieldListRefresh;
    }

    /** From text ({@code 1m}, {@code 30s}, {@code PT1M}, {@code 0}), refusing what is not a duration. */
    public void setFieldListRefresh(String fieldListRefresh) {
        this.fieldListRefresh = Durations.parse("fieldListRefresh", fieldListRefresh);
    }

    public String getMediaHosts() {
        return mediaHosts;
    }

    public void setMediaHosts(String mediaHosts) {
        this.mediaHosts = mediaHosts;
    }
}
