package io.jiraspoke.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident bridge end to end against the emulator, on Cloud and on Data Center: an incident file opens an issue
 * with fields by name, a note and a comment written in Jira cross over, the resolution transitions the issue, and the
 * consumers stream the changes.
 */
class IncidentRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path inbox;

    private JiraEmulator jira;
    private Main main;
    private final List<JsonNode> comments = new CopyOnWriteArrayList<>();
    private final List<JsonNode> changes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (jira != null) {
            jira.close();
        }
    }

    private void start(JiraEmulator.Flavour flavour) throws Exception {
        jira = JiraEmulator.of(flavour).project("OPS", "Operations").start();
        Properties p = new Properties();
        p.putAll(jira.camelProperties("jira"));
        p.setProperty("jira.project", "OPS");
        p.setProperty("incident.inbox", inbox.toString());
        p.setProperty("incident.resolvedStatus", flavour == JiraEmulator.Flavour.CLOUD ? "Done" : "Resolved");
        p.setProperty("incident.comments", "direct:comments-out");
        p.setProperty("incident.changes", "direct:changes-out");
        p.setProperty("incident.pollDelay", "200");
        main = new Main();
        // the settings above only: application.properties names a Cloud connection from the environment
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().addRoutesBuilder(new IncidentRoutes());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:comments-out").process(e -> comments.add(JSON.readTree(e.getMessage().getBody(byte[].class))));
                from("direct:changes-out").process(e -> changes.add(JSON.readTree(e.getMessage().getBody(byte[].class))));
            }
        });
        main.setOverrideProperties(p);
        main.start();
    }

    private void drop(String name, String json) throws Exception {
        // written aside and moved in, so that the file consumer never reads half a file
        Path tmp = Files.writeString(inbox.resolveSibling(inbox.getFileName() + "-" + name), json, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void incidentLifecycle(JiraEmulator.Flavour flavour) throws Exception {
        start(flavour);

        drop("inc-42-open.json", "{\"id\":\"INC-42\",\"status\":\"open\",\"title\":\"Checkout down\",\"severity\":\"Critical\","
                                 + "\"details\":\"Payments fail with HTTP 502.\"}");
        await("the issue", () -> jira.issueCount() == 1);
        await("the bridge's comment", () -> jira.comments("OPS-1").size() == 1);
        JsonNode fields = jira.issue("OPS-1").orElseThrow().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("INC-42: Checkout down");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("labels").toString()).isEqualTo("[\"incident\",\"incident-INC-42\"]");
        String severity = jira.fieldId("Severity");
        assertThat(fields.path(severity).path("value").asText()).as("Severity by name, an option").isEqualTo("Critical");
        assertThat(jira.comments("OPS-1").get(0)).startsWith("Incident bridge: Opened from INC-42 (inc-42-open.json)");

        // an engineer answers in Jira: the comment crosses to the incident tool, the bridge's own do not
        main.getCamelContext().createProducerTemplate().sendBodyAndHeader("jiraspoke:issue/addComment?connection=jira",
                "Rolling back the gateway", JiraSpokeConstants.ISSUE_KEY, "OPS-1");
        await("the Jira comment in the incident tool", () -> !comments.isEmpty());
        drop("inc-42-note.json", "{\"id\":\"INC-42\",\"status\":\"note\",\"text\":\"Customers notified\"}");
        await("the note in Jira", () -> jira.comments("OPS-1").size() == 3);
        assertThat(jira.comments("OPS-1").get(2)).isEqualTo("Incident bridge: Customers notified");

        drop("inc-42-resolved.json", "{\"id\":\"INC-42\",\"status\":\"resolved\",\"resolution\":\"Gateway rolled back\"}");
        String done = flavour == JiraEmulator.Flavour.CLOUD ? "Done" : "Resolved";
        await("the transition", () -> jira.status("OPS-1").equals(done));
        assertThat(jira.comments("OPS-1")).last().isEqualTo("Incident bridge: Resolved: Gateway rolled back");
        await("the change stream to reach " + done, () -> changes.stream().anyMatch(c -> c.path("status").asText().equals(done)));

        assertThat(comments).extracting(c -> c.path("text").asText()).containsExactly("Rolling back the gateway");
        assertThat(comments.get(0).path("issue").asText()).isEqualTo("OPS-1");
        assertThat(changes).allMatch(c -> c.path("issue").asText().equals("OPS-1"));
        assertThat(changes.get(0).path("summary").asText()).isEqualTo("INC-42: Checkout down");
        await("the handled files to move aside", () -> Files.exists(inbox.resolve(".done").resolve("inc-42-resolved.json")));
        assertThat(inbox.resolve(".failed")).doesNotExist();
    }
}
