package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator's own API: lifecycle as a JUnit extension and without, baseline and reset, connection settings. */
class JiraEmulatorTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class AsAStaticExtension {

        @RegisterExtension
        static final JiraEmulator shared = JiraEmulator.cloud().project("OPS", "Operations").seedIssues("OPS", 2);

        @Test
        @Order(1)
        void startsBeforeTheFirstTestWithItsBaseline() {
            assertThat(shared.isRunning()).isTrue();
            assertThat(shared.issueCount()).isEqualTo(2);
            shared.createIssue("OPS", "Bug", "Made by the first test");
        }

        @Test
        @Order(2)
        void keepsItsStateAcrossTheClassUntilReset() {
            assertThat(shared.issueCount()).isEqualTo(3);
            shared.reset();
            assertThat(shared.issueCount()).as("back to the baseline").isEqualTo(2);
            assertThat(new Rest(shared).get("/rest/api/3/project/OPS").status()).isEqualTo(200);
            assertThat(shared.requestLog()).containsExactly("GET /rest/api/3/project/OPS");
            assertThat(shared.createIssue("OPS", "Task", "After the reset")).as("numbers start again after a reset").isEqualTo("OPS-3");
        }

        @AfterAll
        static void stillRunningUntilTheExtensionStopsIt() {
            assertThat(shared.isRunning()).isTrue();
        }
    }

    @Nested
    class AsAnInstanceExtension {

        @RegisterExtension
        final JiraEmulator mine = JiraEmulator.dataCenter();

        @Test
        void startsForEachTest() {
            assertThat(mine.isRunning()).isTrue();
            assertThat(mine.issueCount()).isZero();
            assertThat(mine.users()).containsExactly("demo", "alovelace", "ghopper");
        }
    }

    @Test
    void withoutJUnitStartAndCloseByHand() {
        JiraEmulator jira = JiraEmulator.cloud();
        assertThat(jira.isRunning()).isFalse();
        assertThat(jira.toString()).contains("not started").doesNotContain("demo-token");
        try (jira) {
            assertThat(jira.baseUrl()).as("reading the URL starts it").matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(jira.isRunning()).isTrue();
            assertThatThrownBy(() -> jira.port(1)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(jira.isRunning()).isFalse();
        assertThatThrownBy(jira::issueCount).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void connectionSettingsInEachForm() {
        try (JiraEmulator cloud = JiraEmulator.cloud().credentials("me@example.com", "t0ken").start();
             JiraEmulator dc = JiraEmulator.dataCenter().personalAccessToken("p4t").start()) {
            assertThat(cloud.connectionSettings()).containsExactly(
                    java.util.Map.entry("baseUrl", cloud.baseUrl()), java.util.Map.entry("authType", "basic-api-token"),
                    java.util.Map.entry("email", "me@example.com"), java.util.Map.entry("apiToken", "t0ken"),
                    java.util.Map.entry("mediaHosts", cloud.mediaUrl()));
            assertThat(cloud.springBootProperties("c")).containsEntry("camel.component.jiraspoke.connections.c.media-hosts", cloud.mediaUrl());
            Properties camel = dc.camelProperties("dc");
            assertThat(camel).containsEntry("camel.component.jiraspoke.connections[dc].baseUrl", dc.baseUrl())
                    .containsEntry("camel.component.jiraspoke.connections[dc].authType", "personal-access-token")
                    .containsEntry("camel.component.jiraspoke.connections[dc].personalAccessToken", "p4t");
            assertThat(dc.springBootProperties("dc")).containsEntry("camel.component.jiraspoke.connections.dc.personal-access-token", "p4t")
                    .containsEntry("camel.component.jiraspoke.connections.dc.base-url", dc.baseUrl());
            assertThat(new Rest(cloud).get("/rest/api/3/myself").status()).isEqualTo(200);
            assertThat(new Rest(cloud).authorization(Rest.basic("demo@example.com", "demo-token")).get("/rest/api/3/myself").status())
                    .as("only the configured credentials").isEqualTo(401);
            assertThatThrownBy(cloud::personalAccessToken).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void jirasClockDrivesTimestampsAndRelativeDates() {
        Instant noon = Instant.parse("2026-11-25T12:00:00Z");
        try (JiraEmulator jira = JiraEmulator.cloud().clock(Clock.fixed(noon, ZoneOffset.UTC)).start()) {
            String key = jira.createIssue("DEMO", "Task", "At noon");
            assertThat(jira.issue(key).orElseThrow().path("fields").path("created").asText()).isEqualTo("2026-11-25T12:00:00.000+0000");
            jira.touch(key);
            assertThat(jira.issue(key).orElseThrow().path("fields").path("updated").asText())
                    .as("changes never share a millisecond").isEqualTo("2026-11-25T12:00:00.001+0000");
            assertThat(new Rest(jira).post("/rest/api/3/search/approximate-count", "{\"jql\":\"created >= -1m\"}").json()
                    .path("count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void setupIsChecked() {
        JiraEmulator jira = JiraEmulator.cloud();
        assertThatThrownBy(() -> jira.project("bad key", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.sprint(1, "x", "open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.customField("Team", JiraEmulator.FieldType.OPTION)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.registerWebhook("http://x", null, "project = ", "jira:issue_created")).isInstanceOf(JiraError.class);
        jira.project("DEMO", "Twice");
        assertThatThrownBy(jira::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a project DEMO");
    }

    @Test
    void standaloneArguments() {
        assertThat(JiraEmulator.launch(new String[] {"--port", "70000"})).isNull();
        assertThat(JiraEmulator.launch(new String[] {"--colour"})).isNull();
        try (JiraEmulator dc = JiraEmulator.launch(new String[] {"--data-center", "--port=0", "--seed", "3"})) {
            assertThat(dc.flavour()).isEqualTo(JiraEmulator.Flavour.DATA_CENTER);
            assertThat(dc.issueCount()).isEqualTo(3);
        }
    }
}
