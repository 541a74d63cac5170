package io.jiraspoke.camel.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One readiness check per named connection in Camel's health check registry: UP when Jira accepts the credentials,
 * DOWN with a reason a person can act on (and never a secret), and at most one Jira call per interval however often
 * it is asked.
 */
class ConnectionHealthCheckTest extends JiraSpokeTestSupport {

    private HealthCheck check(String name) {
        Optional<HealthCheck> check = HealthCheckRegistry.get(context).getCheck("jiraspoke:" + name);
        assertThat(check).as("health check of " + name).isPresent();
        return check.get();
    }

    private void startWith(Map<String, JiraSpokeConnection> connections) throws Exception {
        start(connections);
        // the component exists once something asks for it: a route, or here the test
        context.getComponent("jiraspoke");
    }

    @Test
    void upWhenJiraAcceptsTheCredentialsAndAnsweredFromCacheWithinTheInterval() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json"))));
        jira.stubFor(get("/rest/api/2/myself").willReturn(okJson(json("dc-myself.json"))));
        startWith(Map.of("cloud", cloud(), "dc", server()));
        HealthCheck cloud = check("cloud");
        assertThat(cloud.isReadiness()).isTrue();
        assertThat(cloud.isLiveness()).isFalse();
        for (int i = 0; i < 5; i++) {
            HealthCheck.Result r = cloud.call();
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(r.getDetails()).containsEntry("connection", "cloud").containsEntry("authType",
                    "basic-api-token").containsEntry("probe", "/rest/api/3/myself");
        }
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/myself")));
        // Camel's API as a readiness probe asks it, listing every check ("full"), not only those that are DOWN
        assertThat(HealthCheckHelper.invokeReadiness(context, "full")).filteredOn(r -> r.getCheck().getGroup()
                .equals("jiraspoke")).extracting(r -> r.getCheck().getId() + "=" + r.getState())
                .containsExactlyInAnyOrder("jiraspoke:cloud=UP", "jiraspoke:dc=UP");
    }

    @Test
    void asksAgainOnceTheIntervalIsOver() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json"))));
        start(Map.of("cloud", cloud()));
        component.setHealthCheckInterval(Duration.ofMillis(200));
        component.stop();
        component.start();
        check("cloud").call();
        Thread.sleep(300);
        check("cloud").call();
        jira.verify(2, getRequestedFor(urlEqualTo("/rest/api/3/myself")));
    }

    @Test
    void downSaysWhyWithoutASecret() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(aResponse().withStatus(401).withHeader("Content-Type",
                "application/json").withBody("{\"errorMessages\":[\"Client must be authenticated to access this"
                                             + " resource.\"],\"errors\":{}}")));
        jira.stubFor(get("/rest/api/2/myself").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("RateLimit-Reason", "jira-burst-based").withBody("")));
        JiraSpokeConnection unreachable = JiraSpokeConnection.personalAccessToken("http://127.0.0.1:1", DC_PAT);
        JiraSpokeConnection incomplete = new JiraSpokeConnection();
        incomplete.setAuthType("basic-api-token");
        incomplete.setBaseUrl(jira.baseUrl());
        incomplete.setApiToken(CLOUD_API_TOKEN);
        startWith(Map.of("cloud", cloud(), "dc", server(), "gone", unreachable, "half", incomplete));

        HealthCheck.Result cloud = check("cloud").call();
        assertThat(cloud.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(cloud.getDetails()).containsEntry("reason", "unauthorized").containsEntry("status", 401);
        assertThat(cloud.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("Jira connection 'cloud' is unauthorized: the token or password was revoked or has expired")
                .contains("Client must be authenticated"));

        HealthCheck.Result dc = check("dc").call();
        assertThat(dc.getDetails()).containsEntry("reason", "rate-limited");
        assertThat(dc.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("is rate limited by Jira (retry"
                                                                                  + " after 30 s, reason"
                                                                                  + " jira-burst-based)"));
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/myself")));

        HealthCheck.Result gone = check("gone").call();
        assertThat(gone.getDetails()).containsEntry("reason", "transport");
        assertThat(gone.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("cannot reach Jira"));

        HealthCheck.Result half = check("half").call();
        assertThat(half.getDetails()).containsEntry("reason", "configuration");
        assertThat(half.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("option 'email' is required"));

        for (HealthCheck.Result r : new HealthCheck.Result[] { cloud, dc, gone, half }) {
            assertThat(r.getMessage().orElse("") + r.getDetails()).doesNotContain(CLOUD_API_TOKEN, DC_PAT);
        }
    }

    @Test
    void theComponentCanDoWithoutThem() throws Exception {
        context = new org.apache.camel.impl.DefaultCamelContext();
        component = new io.jiraspoke.camel.JiraSpokeComponent();
        component.setHealthCheckEnabled(false);
        component.addConnection("cloud", cloud());
        context.addComponent("jiraspoke", component);
        context.start();
        assertThat(HealthCheckRegistry.get(context).getCheck("jiraspoke:cloud")).isEmpty();
    }
}
