package io.jiraspoke.camel.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.client.JiraJson;

/**
 * A token store for several instances on top of any store that can read a value with its version and write it only
 * if that version is still current: a database row with a version column ({@code UPDATE ... WHERE version = ?}), a
 * HashiCorp Vault KV v2 secret (writes with {@code cas}), a Kubernetes object (its {@code resourceVersion}), a
 * Consul key ({@code ?cas=<ModifyIndex>}). Implement {@link #read} and {@link #compareAndSet}; this class keeps
 * under {@code <connection>} the tokens as JSON and under {@code <connection>.lease} a lease naming the instance that
 * renews and until when, which is the {@link #lock}.
 * <p>
 * A lease whose holder died lapses after {@link #getLeaseTime()}: choose it longer than one token request may take
 * (the connection's callTimeout, 2 min by default) and far longer than the clocks of the instances differ, as each
 * instance reads the lease's end with its own clock.
 */
public abstract class CompareAndSetTokenStore implements JiraSpokeTokenStore {

    /** What {@link #read} answers: the stored text and its version, which changes with every write. */
    public record Versioned(String value, long version) {

        @Override
        public String toString() {
            return "Versioned[version=" + version + "]";
        }
    }

    private static final long MAX_PAUSE_MILLIS = 200;
    /** Writes of the tokens race only with an instance whose lease lapsed; a few rounds settle that. */
    private static final int SAVE_ROUNDS = 16;

    private final Duration leaseTime;
    /** This instance, as its leases name it. */
    private final String owner = UUID.randomUUID().toString();

    /** A store whose leases lapse after 3 minutes. */
    protected CompareAndSetTokenStore() {
        this(Duration.ofMinutes(3));
    }

    protected CompareAndSetTokenStore(Duration leaseTime) {
        if (leaseTime == null || leaseTime.isNegative() || leaseTime.isZero()) {
            throw new IllegalArgumentException("The lease time of a token store must be positive, was " + leaseTime);
        }
        this.leaseTime = leaseTime;
    }

    /** The text stored under a key and its version, or null when the key holds nothing. */
    protected abstract Versioned read(String key);

    /**
     * Writes text under a key only if the key still holds what {@link #read} answered ({@code expected}; null: only
     * if the key holds nothing), atomically for every instance sharing the store. Compare the version, or the value
     * where the store keeps no version. Answers whether it wrote; throws when the store cannot be reached.
     */
    protected abstract boolean compareAndSet(String key, Versioned expected, String value);

    public Duration getLeaseTime() {
        return leaseTime;
    }

    @Override
    public OAuthTokens load(String connectionName) {
        Versioned v = read(connectionName);
        return v == null || v.value() == null || v.value().isBlank() ? null : decode(connectionName, v.value());
    }

    @Override
    public void save(String connectionName, OAuthTokens tokens) {
        String text = encode(tokens);
        for (int round = 0; round < SAVE_ROUNDS; round++) {
            if (compareAndSet(connectionName, read(connectionName), text)) {
                return;
            }
        }
        throw new IllegalStateException("Cannot save the OAuth tokens of connection '" + connectionName + "' to "
                                        + this + ": other writers changed them " + SAVE_ROUNDS + " times in a row");
    }

    /** Takes {@code <connection>.lease} when it is free or lapsed, and frees it again on close. */
    @Override
    public TokenLock lock(String connectionName, Duration wait) {
        String key = connectionName + ".lease";
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 5;
        while (true) {
            Versioned lease = read(key);
            long now = System.currentTimeMillis();
            if (lease == null || leaseEnd(lease.value()) < now) {
                String mine = owner + " " + (now + leaseTime.toMillis());
                if (compareAndSet(key, lease, mine)) {
                    return () -> release(key, mine);
                }
                // another instance took it first: wait for it like for any holder
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new IllegalStateException("Cannot lock the OAuth tokens of connection '" + connectionName
                                                + "' in " + this + ": another instance held the lease for more than "
                                                + wait.toMillis() + " ms");
            }
            try {
                Thread.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the token lease of connection '"
                                                + connectionName + "'", e);
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    /** Frees the lease if it is still ours; one that lapsed and was taken by another instance stays theirs. */
    private void release(String key, String mine) {
        Versioned lease = read(key);
        if (lease != null && mine.equals(lease.value())) {
            compareAndSet(key, lease, "");
        }
    }

    /** When a lease ends; a freed or unreadable one has ended. */
    private static long leaseEnd(String lease) {
        if (lease == null) {
            return Long.MIN_VALUE;
        }
        int space = lease.lastIndexOf(' ');
        try {
            return space < 0 ? Long.MIN_VALUE : Long.parseLong(lease.substring(space + 1));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String encode(OAuthTokens tokens) {
        ObjectNode n = JiraJson.MAPPER.createObjectNode();
        n.put("accessToken", tokens.accessToken());
        n.put("refreshToken", tokens.refreshToken());
        n.put("expiresAt", tokens.expiresAt() == null ? null : tokens.expiresAt().toString());
        return n.toString();
    }

    private OAuthTokens decode(String connectionName, String text) {
        try {
            JsonNode n = JiraJson.MAPPER.readTree(text);
            String expires = n.path("expiresAt").asText(null);
            return new OAuthTokens(n.path("accessToken").asText(null), n.path("refreshToken").asText(null),
                    expires == null ? null : Instant.parse(expires));
        } catch (JsonProcessingException | RuntimeException e) {
            // the text holds the tokens: it must not reach a log through the exception
            throw new IllegalStateException("The OAuth tokens of connection '" + connectionName + "' in " + this
                                            + " are unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }
}
