package io.jiraspoke.camel.auth;

import java.time.Duration;

/**
 * Persists the OAuth tokens of connections. Atlassian rotates 3LO refresh tokens on every refresh and invalidates
 * the old one, so the component saves each new pair here <em>before</em> it uses the new access token: a restart
 * then continues with the newest refresh token instead of needing a new consent. Implementations must be
 * thread-safe.
 * <p>
 * Instances that share a store must also not refresh at the same time: two refreshes with one rotating refresh
 * token leave one of them (or, where Atlassian detects the reuse, both) with a dead grant. The component renews
 * under the store's {@link #lock}, after loading the store once more, so the first instance refreshes and the others,
 * once it is done, load and use its new pair. {@link FileTokenStore} locks across processes; for a database or a
 * vault, extend {@link CompareAndSetTokenStore} (a versioned read and a compare-and-set write are all it needs) or
 * implement {@link #lock} with the store's own locks (a row lock held in a transaction, an advisory lock).
 */
public interface JiraSpokeTokenStore {

    /** The tokens saved for a connection, or null when there are none. */
    OAuthTokens load(String connectionName);

    /** Saves the tokens of a connection durably; throws when that is not possible. */
    void save(String connectionName, OAuthTokens tokens);

    /**
     * Takes the lock of a connection's tokens for every instance that shares this store, waiting at most
     * {@code wait}; the component holds it from loading the tokens to saving the renewed pair, on one thread, and
     * then closes it. Throws (an unchecked exception naming the store) when the lock cannot be had in time.
     * <p>
     * The default locks nothing beyond the one JVM (the component already renews one at a time there): right for
     * a store that no other instance uses.
     */
    default TokenLock lock(String connectionName, Duration wait) {
        return () -> {
        };
    }

    /** A held token lock; closing it lets the next instance in. */
    interface TokenLock extends AutoCloseable {
        @Override
        void close();
    }
}
