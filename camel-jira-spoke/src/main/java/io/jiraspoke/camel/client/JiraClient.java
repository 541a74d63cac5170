package io.jiraspoke.camel.client;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;

/**
 * One live Jira connection: its transport, authenticator and deployment. Shared by every endpoint that names the
 * connection; Cloud/Data Center differences (API version, search API) are decided here.
 */
public final class JiraClient implements Closeable {

    private final String name;
    private final AuthType authType;
    private final Set<String> scopes;
    private final JiraHttp http;
    private final JiraAuthenticator auth;
    private final boolean autoDetect;
    private volatile Deployment deployment;
    private volatile JiraServerInfo serverInfo;

    public JiraClient(String name, JiraSpokeConnection config) {
        this.name = name;
        this.authType = config.validate(name);
        this.scopes = config.scopeSet();
        String base = authType.isScoped()
                ? trimSlash(config.getApiGatewayUrl()) + "/ex/jira/" + config.getCloudId()
                : config.getBaseUrl();
        this.http = new JiraHttp(name, base, transport(config));
        this.auth = authenticator(name, authType, config, http);
        String d = config.getDeployment();
        this.autoDetect = "auto".equalsIgnoreCase(d);
        this.deployment = autoDetect ? null : d != null ? Deployment.fromId(d) : authType.impliedDeployment();
    }

    private static JiraHttp.Settings transport(JiraSpokeConnection c) {
        return new JiraHttp.Settings(c.getConnectTimeout(), c.getResponseTimeout(), c.getCallTimeout(),
                c.getMaxConnections(), c.getMaxAttempts(), c.getMaxRetryWait(), c.getMaxRequestsPerSecond(),
                c.getMaxConcurrentRequests(), c.getTrustStore(), c.getTrustStorePassword(), c.getTrustStoreType(),
                c.getProxy(), c.getProxyUsername(), c.getProxyPassword());
    }

    private static JiraAuthenticator authenticator(String name, AuthType type, JiraSpokeConnection c, JiraHttp http) {
        return switch (type) {
            case BASIC_API_TOKEN, SCOPED_API_TOKEN -> StaticAuthenticator.basic(c.getEmail(), c.getApiToken());
            case BASIC -> StaticAuthenticator.basic(c.getUsername(), c.getPassword());
            case PERSONAL_ACCESS_TOKEN -> StaticAuthenticator.bearer(c.getPersonalAccessToken());
            case OAUTH2_AUTHORIZATION_CODE -> OAuthAuthenticator.authorizationCode(name, c.getClientId(),
                    c.getClientSecret(), c.getRefreshToken(), c.getAuthorizationCode(), c.getRedirectUri(),
                    c.getTokenUrl(), tokenStore(c), http);
            case OAUTH2_CLIENT_CREDENTIALS -> OAuthAuthenticator.clientCredentials(name, c.getClientId(),
                    c.getClientSecret(), c.getTokenUrl(), tokenStore(c), http);
        };
    }

    private static JiraSpokeTokenStore tokenStore(JiraSpokeConnection c) {
        if (c.getTokenStore() != null) {
            return c.getTokenStore();
        }
        return c.getTokenStoreFile() != null ? new FileTokenStore(c.getTokenStoreFile()) : new InMemoryTokenStore();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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

    /** The deployment, asking Jira's serverInfo once when the connection says {@code auto}. */
    public Deployment deployment() {
        Deployment d = deployment;
        if (d == null) {
            d = serverInfo().getDeployment();
            deployment = d;
        }
        return d;
    }

    public boolean isCloud() {
        return deployment() == Deployment.CLOUD;
    }

    /** Jira's serverInfo, fetched once and cached. */
    public JiraServerInfo serverInfo() {
        JiraServerInfo info = serverInfo;
        if (info == null) {
            info = new JiraServerInfo(http.json(JiraRequest.get("/rest/api/2/serverInfo"), auth));
            serverInfo = info;
        }
        return info;
    }

    /** The platform REST prefix: v3 (ADF) on Cloud, v2 (wiki text) on Data Center. */
    public String api() {
        return isCloud() ? "/rest/api/3" : "/rest/api/2";
    }

    /**
     * Sends a request with the connection's credentials and answers Jira's JSON as the request expects it
     * ({@link JiraRequest#expect}): an object for GET and POST unless told otherwise, null when a PUT or DELETE got no
     * content.
     */
    public JsonNode call(JiraRequest request) {
        return http.json(request, auth);
    }

    public JiraHttp http() {
        return http;
    }

    /**
     * Issues matching a JQL query, fetched lazily page by page: Cloud {@code POST /rest/api/3/search/jql} with
     * {@code nextPageToken}, Data Center {@code POST /rest/api/2/search} with {@code startAt}.
     */
    public JiraPager<JiraIssue> searchIssues(String jql, List<String> fields, String expand, int pageSize,
                                             long limit) {
        boolean cloud = isCloud();
        String path = cloud ? "/rest/api/3/search/jql" : "/rest/api/2/search";
        return JiraPager.of(cloud ? PagingStyle.NEXT_PAGE_TOKEN : PagingStyle.START_AT, page -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jql", jql);
            body.putAll(page);
            if (fields != null && !fields.isEmpty()) {
                body.put("fields", fields);
            }
            if (expand != null) {
                body.put("expand", cloud ? expand : new ArrayList<>(Arrays.asList(expand.split("\\s*,\\s*"))));
            }
            return call(JiraRequest.post(path).readOnly().body(body));
        }, "issues", pageSize, limit, JiraIssue::new);
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
