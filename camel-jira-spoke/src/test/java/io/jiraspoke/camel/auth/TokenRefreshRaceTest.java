package io.jiraspoke.camel.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jiraspoke.camel.support.ForkedJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application ({@link TokenRaceNode}, each its own JVM) share a token file whose access token
 * has expired, and call Jira at the same instant. The token endpoint rotates like Atlassian's: the refresh token
 * works once, and a second use of it is refused with invalid_grant. Through the file's cross-process lock one
 * instance refreshes and the other waits and uses the new pair: one refresh, both calls succeed, a valid pair stored.
 */
class TokenRefreshRaceTest extends OAuthTestSupport {

    @TempDir
    Path dir;

    private final List<ForkedJvm> jvms = new ArrayList<>();

    @AfterEach
    void killAll() throws Exception {
        for (ForkedJvm j : jvms) {
            j.close();
        }
    }

    @Test
    @Timeout(120)
    void twoJvmsRenewingAtTheSameInstantMakeOneRefreshAndEndWithTheNewPairStored() throws Exception {
        Path tokens = dir.resolve("tokens.properties");
        new FileTokenStore(tokens).save("jira", new OAuthTokens("access-0", "refresh-0",
                Instant.now().minusSeconds(60)));
        // the answer takes long enough for the other instance to arrive in the middle of it
        jira.stubFor(refreshGrant("refresh-0").inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenJson("access-1", "refresh-1", 3600)).withFixedDelay(700))
                .willSetStateTo("rotated"));
        jira.stubFor(refreshGrant("refresh-0").inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh"
                                  + " token.\"}")));
        stubMyself("access-1");
        Path go = dir.resolve("go");
        for (String name : List.of("a", "b")) {
            jvms.add(ForkedJvm.start(dir, name, TokenRaceNode.class, jira.baseUrl(), tokens.toString(),
                    go.toString()));
        }
        ForkedJvm.await("both instances to start", Duration.ofSeconds(60), jvms,
                () -> jvms.stream().allMatch(j -> j.console().contains("ready")));

        Files.createFile(go);

        for (ForkedJvm j : jvms) {
            assertThat(j.waitForExit(Duration.ofSeconds(60))).as(j.name() + ":\n" + j.console()).isZero();
            assertThat(j.console()).contains("ok 5b10a2844c20165700ede21g");
        }
        assertThat(tokenRequests()).as("token requests").isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-1")).isEqualTo(2);
        OAuthTokens stored = new FileTokenStore(tokens).load("jira");
        assertThat(stored.accessToken()).isEqualTo("access-1");
        assertThat(stored.refreshToken()).isEqualTo("refresh-1");
        assertThat(stored.isUsable(3000)).as("stored pair still good for most of its hour").isTrue();
    }
}
