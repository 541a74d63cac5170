package io.jiraspoke.camel.auth;

import java.time.Instant;

/**
 * Tokens of an OAuth connection as persisted by a {@link JiraSpokeTokenStore}. {@link #toString()} never shows the
 * tokens.
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt) {

    /** Whether the access token is still good for at least {@code marginSeconds}. */
    public boolean isUsable(long marginSeconds) {
        return accessToken != null && expiresAt != null
               && Instant.now().plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=" + (accessToken == null ? null : "xxxxxx") + ", refreshToken="
               + (refreshToken == null ? null : "xxxxxx") + ", expiresAt=" + expiresAt + "]";
    }
}
