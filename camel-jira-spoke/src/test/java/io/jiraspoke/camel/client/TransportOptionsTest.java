package io.jiraspoke.camel.client;

import java.time.Duration;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport options of a connection are checked at start, each message naming the option and the value. */
class TransportOptionsTest {

    private static JiraSpokeConnection connection() {
        return JiraSpokeConnection.basicApiToken("https://acme.atlassian.net", "bot@example.com", "api-token-S3CRET");
    }

    private static String failure(JiraSpokeConnection c) {
        try {
            c.validate("acme");
        } catch (JiraSpokeConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("validate accepted " + c);
    }

    @Test
    void theDefaultsAreValid() {
        JiraSpokeConnection c = connection();

        assertThat(c.validate("acme")).isEqualTo(AuthType.BASIC_API_TOKEN);
        assertThat(c.getCallTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.getMaxRequestsPerSecond()).isZero();
        assertThat(c.getMaxConcurrentRequests()).isZero();
    }

    @Test
    void callTimeoutMustBePositive() {
        JiraSpokeConnection c = connection();
        c.setCallTimeout(Duration.ZERO);

        assertThat(failure(c)).contains("Jira connection 'acme'").contains("option 'callTimeout'").contains("PT0S");
    }

    @Test
    void limitsMustNotBeNegative() {
        JiraSpokeConnection c = connection();
        c.setMaxRequestsPerSecond(-1);
        c.setMaxConcurrentRequests(-2);

        assertThat(failure(c)).contains("option 'maxRequestsPerSecond'").contains("-1.0")
                .contains("option 'maxConcurrentRequests'").contains("-2");
    }

    @Test
    void aRateMustBeANumber() {
        JiraSpokeConnection c = connection();
        c.setMaxRequestsPerSecond(Double.NaN);

        assertThat(failure(c)).contains("option 'maxRequestsPerSecond'").contains("NaN");
    }
}
