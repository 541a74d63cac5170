package io.jiraspoke.camel.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A credential that never changes: HTTP Basic (API token, Data Center password) or a personal access token. */
public final class StaticAuthenticator implements JiraAuthenticator {

    private final String header;
    private final String description;

    private StaticAuthenticator(String header, String description) {
        this.header = header;
        this.description = description;
    }

    public static StaticAuthenticator basic(String user, String secret) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new StaticAuthenticator("Basic " + encoded, "Basic " + user + ":xxxxxx");
    }

    public static StaticAuthenticator bearer(String token) {
        return new StaticAuthenticator("Bearer " + token, "Bearer xxxxxx");
    }

    @Override
    public String authorization() {
        return header;
    }

    @Override
    public String toString() {
        return "StaticAuthenticator[" + description + "]";
    }
}
