package io.jiraspoke.camel.auth;

/** Supplies the {@code Authorization} header of a connection's requests. Implementations are thread-safe. */
public interface JiraAuthenticator {

    /** The header value to send now; fetches or refreshes a token first when needed. */
    String authorization();

    /**
     * Jira answered 401 to a request sent with {@code rejected}. Answers true when a different credential is now
     * available, so the request is worth sending once more.
     */
    default boolean renewAfterUnauthorized(String rejected) {
        return false;
    }
}
