package io.jiraspoke.examples.bootincident;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.examples.Await;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident bridge as Spring Boot starts it, routes/incident.xml against the Jira emulator (Cloud): an
 * incident file opens an issue with fields by name, a comment written in Jira crosses over, the resolution
 * transitions the issue, and the changes are streamed out.
 */
@SpringBootTest(classes = { IncidentBridgeApplication.class, IncidentBridgeApplicationTest.Outlets.class },
                properties = { IncidentBridgeApplication.CONFIG_NAME, "incident.pollDelay=200",
                               "incident.resolvedStatus=Done", "jira.project=OPS",
                               "incident.comments=direct:comments-out", "incident.changes=direct:changes-out" })
class IncidentBridgeApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<JsonNode> COMMENTS = new CopyOnWriteArrayList<>();
    static final List<JsonNode> CHANGES = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final JiraEmulator jira = JiraEmulator.cloud().project("OPS", "Operations");

    static Path inbox;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        jira.springBootProperties("jira").forEach((k, v) -> registry.add((String) k, () -> v));
        inbox = Files.createTempDirectory("incident-inbox");
        registry.add("incident.inbox", () -> inbox.toString());
    }

    /** Where the bridge's outputs go in this test. */
    @TestConfiguration
    static class Outlets {
        @Bean
        RouteBuilder outlets() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:comments-out").process(e -> COMMENTS.add(JSON.readTree(e.getMessage().getBody(byte[].class))));
                    from("direct:changes-out").process(e -> CHANGES.add(JSON.readTree(e.getMessage().getBody(byte[].class))));
                }
            };
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    private static void drop(String name, String json) throws Exception {
        Path tmp = Files.writeString(inbox.resolveSibling(inbox.getFileName() + "-" + name), json, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name));
    }

    @Test
    void anIncidentBecomesAnIssueAndItsResolutionATransition() throws Exception {
        assertThat(camel.getRoute("incident-inbox")).as("the XML routes are loaded").isNotNull();

        drop("inc-7-open.json", "{\"id\":\"INC-7\",\"status\":\"open\",\"title\":\"Mail queue stuck\",\"severity\":\"Major\","
                                + "\"details\":\"Outgoing mail waits in the queue.\"}");
        Await.until("the issue", () -> jira.issueCount() == 1);
        JsonNode fields = jira.issue("OPS-1").orElseThrow().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("INC-7: Mail queue stuck");
        assertThat(fields.path(jira.fieldId("Severity")).path("value").asText()).isEqualTo("Major");
        Await.until("the bridge's comment", () -> jira.comments("OPS-1").size() == 1);

        template.sendBodyAndHeader("jiraspoke:issue/addComment?connection=jira", "Restarted the MTA",
                JiraSpokeConstants.ISSUE_KEY, "OPS-1");
        Await.until("the Jira comment in the incident tool", () -> !COMMENTS.isEmpty());
        assertThat(COMMENTS.get(0).path("text").asText()).isEqualTo("Restarted the MTA");

        drop("inc-7-resolved.json", "{\"id\":\"INC-7\",\"status\":\"resolved\",\"resolution\":\"MTA restarted\"}");
        Await.until("the transition", () -> jira.status("OPS-1").equals("Done"));
        assertThat(jira.comments("OPS-1")).last().isEqualTo("Incident bridge: Resolved: MTA restarted");
        Await.until("the change stream to reach Done",
                () -> CHANGES.stream().anyMatch(c -> c.path("status").asText().equals("Done")));
        assertThat(COMMENTS).hasSize(1);
    }
}
