package io.jiraspoke.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Micrometer in the registry (as camel-micrometer binds it, {@code metricsRegistry}) the counters are meters:
 * an incremental consumer's items delivered and its watermark lag, its requests by action, the connection's token
 * refreshes; nothing goes to JMX then.
 */
class ConsumerMetricsTest extends ConsumerTestSupport {

    @Test
    void aConsumerCountsItsItemsAndHowFarItsWatermarkLagsBehindJira() throws Exception {
        List<Issues.Issue> issues = Issues.project(30, 30);
        Instant newest = issues.get(issues.size() - 1).updated();
        // the stubs' Date header is the time of serve(): that is Jira's clock, which the lag is measured in
        Instant served = Instant.now();
        serve(issues);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        startPolling("", Map.of("metricsRegistry", registry));

        consumer().run();

        assertThat(registry.get("jiraspoke.consumer.items").tags("connection", "cloud", "action", "issue/search")
                .functionCounter().count()).isEqualTo(30);
        assertThat(registry.get("jiraspoke.requests").tags("connection", "cloud", "action", "issue/search")
                .functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("jiraspoke.failures").tags("connection", "cloud", "action", "issue/search",
                "kind", "server-error").functionCounter().count()).isZero();
        double lag = registry.get("jiraspoke.consumer.watermark.lag").tags("connection", "cloud", "action",
                "issue/search").gauge().value();
        assertThat(lag).isBetween(Duration.between(newest, served).toSeconds() - 1.0,
                Duration.between(newest, Instant.now()).toSeconds() + 1.0);
        assertThat(registry.get("jiraspoke.token.refreshes").tags("connection", "cloud").functionCounter().count())
                .isZero();
        assertThat(java.lang.management.ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(
                "io.jiraspoke.camel:context=" + ObjectName.quote(context.getName()) + ",*"), null)).isEmpty();

        context.stop();
        assertThat(registry.find("jiraspoke.requests").meters()).isEmpty();
    }
}
