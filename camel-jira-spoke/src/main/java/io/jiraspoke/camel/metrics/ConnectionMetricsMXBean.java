package io.jiraspoke.camel.metrics;

import java.util.Map;

/** A connection's totals over all its actions, as JMX shows them when the application has no Micrometer. */
public interface ConnectionMetricsMXBean {

    String getConnection();

    /** Requests sent, attempts included. */
    long getRequests();

    /** Calls that failed, by kind (unauthorized, rate-limited, transport, ...). */
    Map<String, Long> getFailures();

    /** Attempts made again after a 429, a 5xx or a failed connection. */
    long getRetries();

    /** Answers with status 429. */
    long getRateLimited();

    /** 429 answers by RateLimit-Reason. */
    Map<String, Long> getRateLimitedByReason();

    /** Milliseconds spent waiting between attempts. */
    long getRetryWaitMillis();

    /** Milliseconds requests waited for the connection's own limits and after near-limit answers. */
    long getThrottleWaitMillis();

    /** OAuth access tokens obtained (refreshes, client credentials and consent grants). */
    long getTokenRefreshes();
}
