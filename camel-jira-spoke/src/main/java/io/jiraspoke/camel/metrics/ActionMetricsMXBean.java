package io.jiraspoke.camel.metrics;

import java.util.Map;

/** One action's counters on one connection, as JMX shows them when the application has no Micrometer. */
public interface ActionMetricsMXBean {

    String getConnection();

    String getAction();

    /** Requests sent for this action, attempts included. */
    long getRequests();

    /** Calls that failed, by kind. */
    Map<String, Long> getFailures();

    long getRetries();

    long getRateLimited();

    Map<String, Long> getRateLimitedByReason();

    long getRetryWaitMillis();

    long getThrottleWaitMillis();

    /** Items the action's consumers delivered. */
    long getItemsDelivered();

    /** Jira's now minus the watermark of the action's incremental consumer, in milliseconds; -1 when none. */
    long getWatermarkLagMillis();
}
