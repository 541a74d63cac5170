package io.jiraspoke.camel.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Jira kept answering 429 (or 503 with Retry-After) until the retry budget ran out, or asked for a wait longer than
 * the budget; or the connection's own limit could not let the request go within the call's time budget (status 0,
 * nothing was sent).
 */
public class JiraSpokeRateLimitedException extends JiraSpokeException {

    private final Duration retryAfter;
    private final String reason;

    public JiraSpokeRateLimitedException(String message, int status, String method, String path,
                                         List<String> errorMessages, Map<String, String> errors, Duration retryAfter) {
        this(message, status, method, path, errorMessages, errors, retryAfter, null);
    }

    public JiraSpokeRateLimitedException(String message, int status, String method, String path,
                                         List<String> errorMessages, Map<String, String> errors, Duration retryAfter,
                                         Throwable cause) {
        this(message, status, method, path, errorMessages, errors, retryAfter, null, cause);
    }

    public JiraSpokeRateLimitedException(String message, int status, String method, String path,
                                         List<String> errorMessages, Map<String, String> errors, Duration retryAfter,
                                         String reason, Throwable cause) {
        super(message, status, method, path, errorMessages, errors, cause);
        this.retryAfter = retryAfter;
        this.reason = reason;
    }

    /** The wait Jira asked for in its last answer (Retry-After or X-RateLimit-Reset), or null if it named none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /**
     * Which limit was hit: Jira's {@code RateLimit-Reason} (e.g. {@code jira-burst-based},
     * {@code jira-per-issue-on-write}, {@code jira-quota-*}), or the connection option ({@code maxRequestsPerSecond},
     * {@code maxConcurrentRequests}) whose wait did not fit the call's time budget; null when nobody said.
     */
    public String getReason() {
        return reason;
    }
}
