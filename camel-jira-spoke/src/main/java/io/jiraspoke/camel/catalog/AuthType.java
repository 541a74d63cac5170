package io.jiraspoke.camel.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a connection authenticates. The URI/property values are the lower-case ids, e.g. {@code basic-api-token}.
 */
public enum AuthType {
    /** Cloud: e-mail address + classic API token, HTTP Basic against the site URL. */
    BASIC_API_TOKEN("basic-api-token", Deployment.CLOUD, false),
    /** Cloud: e-mail address + scoped API token, HTTP Basic against api.atlassian.com/ex/jira/{cloudId}. */
    SCOPED_API_TOKEN("scoped-api-token", Deployment.CLOUD, true),
    /** Cloud: OAuth 2.0 authorization code (3LO) with rotating refresh tokens. */
    OAUTH2_AUTHORIZATION_CODE("oauth2-authorization-code", Deployment.CLOUD, true),
    /** Cloud: OAuth 2.0 client credentials of an Atlassian service account. */
    OAUTH2_CLIENT_CREDENTIALS("oauth2-client-credentials", Deployment.CLOUD, true),
    /** Data Center: personal access token sent as Bearer. */
    PERSONAL_ACCESS_TOKEN("personal-access-token", Deployment.SERVER, false),
    /** Data Center: user name + password, HTTP Basic. */
    BASIC("basic", Deployment.SERVER, false);

    private final String id;
    private final Deployment impliedDeployment;
    private final boolean scoped;

    AuthType(String id, Deployment impliedDeployment, boolean scoped) {
        this.id = id;
        this.impliedDeployment = impliedDeployment;
        this.scoped = scoped;
    }

    public String id() {
        return id;
    }

    /** The deployment this kind of credential exists on; used when a connection does not name one. */
    public Deployment impliedDeployment() {
        return impliedDeployment;
    }

    /** Whether the credential carries OAuth scopes, so endpoints are checked against the connection's scopes. */
    public boolean isScoped() {
        return scoped;
    }

    public boolean isOAuth() {
        return this == OAUTH2_AUTHORIZATION_CODE || this == OAUTH2_CLIENT_CREDENTIALS;
    }

    public static AuthType fromId(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AuthType t : values()) {
            if (t.id.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown authType '" + value + "'; valid values: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(AuthType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
