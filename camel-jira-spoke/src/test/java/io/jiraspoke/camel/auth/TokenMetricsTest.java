package io.jiraspoke.camel.auth;

import java.util.Map;

import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.metrics.ActionCounters;
import io.jiraspoke.camel.metrics.FailureKind;
import io.jiraspoke.camel.metrics.JiraSpokeMetrics;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token refreshes are counted per connection; token requests count outside any action, so that a refused refresh
 * counts once for the token endpoint (as Jira's answer was) and once for the call it stopped, which was never sent.
 */
class TokenMetricsTest extends OAuthTestSupport {

    @Test
    void aRefreshIsCountedAndTheTokenRequestIsNotTheActionsRequest() throws Exception {
        stubRefresh(INITIAL_REFRESH, "access-1", "refresh-2", 3600);
        stubMyself("access-1");
        start(Map.of("app", threeLegged()), sendingTo("jiraspoke:user/myself?connection=app"));

        assertThat(send("direct:in", null, Map.of()).getException()).isNull();

        JiraSpokeMetrics metrics = component.client("app").http().metrics();
        ActionCounters myself = metrics.forAction(JiraSpokeAction.USER_MYSELF);
        assertThat(metrics.tokenRefreshes()).isEqualTo(1);
        assertThat(myself.requests()).isEqualTo(1);
        assertThat(metrics.outsideActions().requests()).isEqualTo(1);
        assertThat(metrics.requests()).isEqualTo(2);
    }

    @Test
    void aRefusedRefreshCountsForTheTokenEndpointAndForTheCallItStopped() throws Exception {
        jira.stubFor(refreshGrant(INITIAL_REFRESH).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh"
                          + " token.\"}")));
        start(Map.of("app", threeLegged()), sendingTo("jiraspoke:user/myself?connection=app"));

        Exchange failed = send("direct:in", null, Map.of());

        assertThat(failed.getException()).isInstanceOf(io.jiraspoke.camel.error.JiraSpokeUnauthorizedException.class);
        JiraSpokeMetrics metrics = component.client("app").http().metrics();
        ActionCounters myself = metrics.forAction(JiraSpokeAction.USER_MYSELF);
        assertThat(metrics.tokenRefreshes()).isZero();
        assertThat(myself.requests()).isZero();
        assertThat(myself.failures(FailureKind.UNAUTHORIZED)).isEqualTo(1);
        assertThat(metrics.outsideActions().failures(FailureKind.FORBIDDEN)).isEqualTo(1);
        assertThat(metrics.failures(FailureKind.UNAUTHORIZED) + metrics.failures(FailureKind.FORBIDDEN))
                .isEqualTo(2);
    }
}
