package io.jiraspoke.examples;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTest {

    @Test
    void demoRunsAgainstTheEmbeddedStandIn() throws Exception {
        int seen = Demo.run(Map.of());

        // 5 seeded issues plus the one the demo created (and updated) before the consumer's poll
        assertThat(seen).isGreaterThanOrEqualTo(6);
    }

    @Test
    void environmentSelectsARealJira() {
        assertThat(Demo.fromEnvironment(Map.of())).isNull();
        assertThat(Demo.fromEnvironment(Map.of("JIRASPOKE_BASE_URL", "https://jira.example.com",
                "JIRASPOKE_PAT", "pat")).getAuthType()).isEqualTo("personal-access-token");
        assertThat(Demo.fromEnvironment(Map.of("JIRASPOKE_BASE_URL", "https://x.atlassian.net",
                "JIRASPOKE_EMAIL", "me@example.com", "JIRASPOKE_API_TOKEN", "t")).getAuthType())
                .isEqualTo("basic-api-token");
    }
}
