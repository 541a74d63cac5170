package io.jiraspoke.camel.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Jira kept answering 429 (or 503 with Retry-After) until the retry budget ran out. */
public class JiraSpokeRateLimitedException extends JiraSpokeException {

    private final Duration retryAfter;

    public JiraSpokeRateLimitedException(String message, int status, String method, String path,
                                         List<String> errorMessages, Map<String, String> errors, Duration retryAfter) {
        this(message, status, method, path, errorMessages, errors, retryAfter, null);
    }

    public JiraSpokeRateLimitedException(String message, int status, String method, String path,
                                         List<String> errorMessages, Map<String, String> errors, Duration retryAfter,
                                         Throwable cause) {
        super(message, status, method, path, errorMessages, errors, cause);
        this.retryAfter = retryAfter;
    }

    /** The wait Jira asked for in its last answer (Retry-After or X-RateLimit-Reset), or null if it named none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
