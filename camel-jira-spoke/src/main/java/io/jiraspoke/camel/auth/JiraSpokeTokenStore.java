package io.jiraspoke.camel.auth;

/**
 * Persists the OAuth tokens of connections. Atlassian rotates 3LO refresh tokens on every refresh and invalidates
 * the old one, so the component saves each new pair here <em>before</em> it uses the new access token: a restart
 * then continues with the newest refresh token instead of needing a new consent. Implementations must be
 * thread-safe; to share tokens across instances, back the store with something they share.
 */
public interface JiraSpokeTokenStore {

    /** The tokens saved for a connection, or null when there are none. */
    OAuthTokens load(String connectionName);

    /** Saves the tokens of a connection durably; throws when that is not possible. */
    void save(String connectionName, OAuthTokens tokens);
}
