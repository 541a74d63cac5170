package io.jiraspoke.camel.metrics;

import java.lang.management.ManagementFactory;
import java.util.Map;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Micrometer the counters are JMX attributes: one MXBean per connection (totals) and one per action, read
 * from the platform MBean server as a JMX console would, and gone when the context stops.
 */
class ActionMetricsJmxTest extends JiraSpokeTestSupport {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private ObjectName name(String keys) throws Exception {
        return new ObjectName("io.jiraspoke.camel:context=" + ObjectName.quote(context.getName()) + "," + keys);
    }

    @Test
    void countsRequestsRetriesRateLimitsAndFailuresPerAction() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-123")).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withHeader("RateLimit-Reason", "jira-quota-tenant-based").withBody(""))
                .willSetStateTo("open"));
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-123")).inScenario("limited").whenScenarioStateIs("open")
                .willReturn(okJson(json("cloud-issue-PROJ-123.json"))));
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-404")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"errorMessages\":[\"Issue does not exist"
                                                                          + " or you do not have permission to see"
                                                                          + " it.\"],\"errors\":{}}")));
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json"))));
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("jiraspoke:issue/get?connection=cloud");
                from("direct:me").to("jiraspoke:user/myself?connection=cloud");
            }
        });

        assertThat(send("direct:get", null, Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ-123")).getException()).isNull();
        Exchange missing = send("direct:get", null, Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ-404"));
        assertThat(missing.getException()).isNotNull();
        assertThat(send("direct:me", null, Map.of()).getException()).isNull();

        ActionMetricsMXBean get = JMX.newMXBeanProxy(server,
                name("type=action,connection=\"cloud\",name=\"issue/get\""), ActionMetricsMXBean.class);
        assertThat(get.getRequests()).isEqualTo(3);
        assertThat(get.getRetries()).isEqualTo(1);
        assertThat(get.getRateLimited()).isEqualTo(1);
        assertThat(get.getRateLimitedByReason()).containsExactly(Map.entry("jira-quota-tenant-based", 1L));
        assertThat(get.getRetryWaitMillis()).isGreaterThanOrEqualTo(250);
        assertThat(get.getFailures()).containsEntry("not-found", 1L).containsEntry("rate-limited", 0L);
        assertThat(get.getWatermarkLagMillis()).isEqualTo(-1);
        ActionMetricsMXBean me = JMX.newMXBeanProxy(server,
                name("type=action,connection=\"cloud\",name=\"user/myself\""), ActionMetricsMXBean.class);
        assertThat(me.getRequests()).isEqualTo(1);
        assertThat(me.getFailures().values()).allMatch(n -> n == 0);

        ConnectionMetricsMXBean cloud = JMX.newMXBeanProxy(server, name("type=connection,name=\"cloud\""),
                ConnectionMetricsMXBean.class);
        assertThat(cloud.getRequests()).isEqualTo(4);
        assertThat(cloud.getFailures()).containsEntry("not-found", 1L);
        assertThat(cloud.getRateLimitedByReason()).containsEntry("jira-quota-tenant-based", 1L);
        assertThat(cloud.getTokenRefreshes()).isZero();

        context.stop();
        assertThat(server.queryNames(name("*"), null)).isEmpty();
    }
}
