package io.jiraspoke.examples.springboot;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.examples.Await;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot example as Spring Boot starts it, its two connections pointed at a Cloud and a Data Center
 * emulator: a Cloud issue labelled mirror gets a copy in Data Center, and a change follows it there.
 */
@SpringBootTest(classes = JiraMirrorApplication.class,
                properties = { JiraMirrorApplication.CONFIG_NAME, "mirror.pollDelay=200" })
class JiraMirrorApplicationTest {

    @RegisterExtension
    static final JiraEmulator cloud = JiraEmulator.cloud();

    @RegisterExtension
    static final JiraEmulator datacenter = JiraEmulator.dataCenter().project("MIG", "Migrated");

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        cloud.springBootProperties("cloud").forEach((k, v) -> registry.add((String) k, () -> v));
        datacenter.springBootProperties("datacenter").forEach((k, v) -> registry.add((String) k, () -> v));
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;


    @Test
    void cloudIssuesLabelledMirrorAreCopiedToDataCenterAndKeptUpToDate() throws Exception {
        assertThat(camel.getComponent("jiraspoke", JiraSpokeComponent.class).getConnections()).containsOnlyKeys("cloud", "datacenter");
        JiraIssue created = template.requestBody("jiraspoke:issue/create?connection=cloud&projectKey=DEMO&issueType=Task",
                Map.of("summary", "Printer on fire", "description", "Room 4", "labels", List.of("mirror")), JiraIssue.class);
        template.requestBody("jiraspoke:issue/create?connection=cloud&projectKey=DEMO&issueType=Task",
                Map.of("summary", "Not for the mirror"), JiraIssue.class);

        Await.until("the copy in Data Center", () -> datacenter.issueCount() == 1);
        JsonNode copy = datacenter.issue("MIG-1").orElseThrow().path("fields");
        assertThat(copy.path("summary").asText()).isEqualTo("Printer on fire");
        assertThat(copy.path("description").asText()).isEqualTo("Room 4");
        assertThat(copy.path("labels").toString()).isEqualTo("[\"mirrored\",\"cloud-" + created.getKey() + "\"]");
        Await.until("the comment on the Cloud issue", () -> !cloud.comments(created.getKey()).isEmpty());
        assertThat(cloud.comments(created.getKey())).containsExactly("Mirrored to Jira Data Center as MIG-1");

        template.sendBodyAndHeader("jiraspoke:issue/update?connection=cloud", Map.of("summary", "Printer still on fire"),
                JiraSpokeConstants.ISSUE_KEY, created.getKey());
        Await.until("the change in Data Center",
                () -> datacenter.issue("MIG-1").orElseThrow().path("fields").path("summary").asText().equals("Printer still on fire"));
        assertThat(datacenter.issueCount()).as("one copy, however often the issue changes").isEqualTo(1);
    }
}
