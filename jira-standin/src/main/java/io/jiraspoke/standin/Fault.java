package io.jiraspoke.standin;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fault a test switches on for the requests whose method and path match: Jira's rate limit (429 with
 * {@code Retry-After} and {@code RateLimit-Reason}), 503, an expired or revoked token (401), a dropped connection,
 * any error status, a slow answer, or Cloud's search repeating its page token. Made by
 * {@link JiraEmulator#fault(String)}, it applies to every matching request until {@link JiraEmulator#clearFaults()}
 * (which the JUnit extension calls after each test), or to the first {@link #times(int) n} of them.
 *
 * <pre>{@code
 * jira.fault("POST /rest/api/3/issue/**").times(2).rateLimited(Duration.ofSeconds(1), "jira-per-issue-on-write");
 * jira.fault("GET /rest/api/3/search/jql").slow(Duration.ofSeconds(3));
 * }</pre>
 *
 * Patterns are {@code [METHOD ]path}; in the path {@code *} matches within one segment and {@code **} across
 * segments. The path is matched without the query and without the API gateway's {@code /ex/jira/{cloudId}} prefix.
 */
public final class Fault {

    enum Kind { NONE, RATE_LIMIT, UNAVAILABLE, EXPIRED_TOKEN, DROP_CONNECTION, STATUS, REPEAT_PAGE_TOKEN }

    /** The longest a slow answer may be held back, so that a mistyped duration cannot hang a build. */
    static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final String pattern;
    private final String method;
    private final Pattern path;
    private Kind kind = Kind.NONE;
    private Duration delay = Duration.ZERO;
    private Duration retryAfter = Duration.ZERO;
    private String reason;
    private int status;
    private String message;
    private int remaining = -1;
    private int hits;

    Fault(String pattern) {
        this.pattern = pattern;
        String trimmed = pattern.trim();
        int space = trimmed.indexOf(' ');
        String glob = space < 0 ? trimmed : trimmed.substring(space + 1).trim();
        this.method = space < 0 ? "*" : trimmed.substring(0, space).toUpperCase(Locale.ROOT);
        if (!glob.startsWith("/")) {
            throw new IllegalArgumentException("A fault's path must start with '/': " + pattern);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.path = Pattern.compile(regex + "/?");
    }

    /** Applies to the next {@code n} matching requests only (counted from now), then no more. */
    public synchronized Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + n);
        }
        this.remaining = n;
        return this;
    }

    /** 429 with {@code Retry-After} in whole seconds, {@code RateLimit-Reason} and the {@code X-RateLimit-*} headers. */
    public synchronized Fault rateLimited(Duration retryAfter, String reason) {
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
        this.kind = Kind.RATE_LIMIT;
        this.retryAfter = retryAfter;
        this.reason = reason;
        return this;
    }

    /** 429 with {@code Retry-After: 1} and {@code RateLimit-Reason: jira-burst-based}. */
    public Fault rateLimited() {
        return rateLimited(Duration.ofSeconds(1), "jira-burst-based");
    }

    /** 503 Service Unavailable, without {@code Retry-After}. */
    public Fault unavailable() {
        return unavailable(null);
    }

    /** 503 Service Unavailable, with {@code Retry-After} when it is given. */
    public synchronized Fault unavailable(Duration retryAfter) {
        this.kind = Kind.UNAVAILABLE;
        this.retryAfter = retryAfter;
        return this;
    }

    /** 401, as Jira answers a token that expired or was revoked. */
    public synchronized Fault expiredToken() {
        this.kind = Kind.EXPIRED_TOKEN;
        return this;
    }

    /** Sends the status line and then closes the connection, so the client reads a truncated answer. */
    public synchronized Fault dropConnection() {
        this.kind = Kind.DROP_CONNECTION;
        return this;
    }

    /** Any status, with the message in Jira's error body. */
    public synchronized Fault status(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A fault's status is an error status (4xx or 5xx): " + status);
        }
        this.kind = Kind.STATUS;
        this.status = status;
        this.message = message;
        return this;
    }

    /** Holds the answer back this long; on its own the answer is then the normal one, else the fault's. */
    public synchronized Fault slow(Duration delay) {
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("A fault's delay is between 0 and " + MAX_DELAY + ": " + delay);
        }
        this.delay = delay;
        return this;
    }

    /** Cloud's {@code /search/jql} answers the page token it was sent (the first page's for the first) instead of the next. */
    public synchronized Fault repeatPageToken() {
        this.kind = Kind.REPEAT_PAGE_TOKEN;
        return this;
    }

    /** How many requests this fault has affected so far. */
    public synchronized int hits() {
        return hits;
    }

    /** Whether the request is affected, counting it when it is. */
    synchronized boolean take(String requestMethod, String requestPath) {
        if (remaining == 0 || (kind == Kind.NONE && delay.isZero())) {
            return false;
        }
        if (!method.equals("*") && !method.equals(requestMethod) || !path.matcher(requestPath).matches()) {
            return false;
        }
        if (remaining > 0) {
            remaining--;
        }
        hits++;
        return true;
    }

    synchronized Kind kind() {
        return kind;
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized Duration retryAfter() {
        return retryAfter;
    }

    synchronized String reason() {
        return reason;
    }

    synchronized int status() {
        return status;
    }

    synchronized String message() {
        return message;
    }

    @Override
    public String toString() {
        return "Fault[" + pattern + " " + kind + (delay.isZero() ? "" : " after " + delay) + "]";
    }
}
