package io.jiraspoke.camel.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps tokens for the life of the JVM: enough for client credentials, not for 3LO across restarts. */
public class InMemoryTokenStore implements JiraSpokeTokenStore {

    private final Map<String, OAuthTokens> tokens = new ConcurrentHashMap<>();

    @Override
    public OAuthTokens load(String connectionName) {
        return tokens.get(connectionName);
    }

    @Override
    public void save(String connectionName, OAuthTokens value) {
        tokens.put(connectionName, value);
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore[" + tokens.size() + " connection(s)]";
    }
}
