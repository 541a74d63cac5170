package io.jiraspoke.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident bridge end to end against the emulator, on Cloud and on Data Center, in each DSL: Java
 * (IncidentRoutes, incidents as files), XML (routes/incident.xml, files) and YAML (routes/incident.yaml, incidents
 * over HTTP). An incident opens an issue with fields by name, a note and a comment written in Jira cross over, the
 * resolution transitions the issue, and the consumers stream the changes.
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

    private String dsl;
    private int httpPort;

    static Stream<Arguments> dslsAndFlavours() {
        return Stream.of("java", "xml", "yaml").flatMap(dsl -> Stream.of(JiraEmulator.Flavour.values())
                .map(flavour -> Arguments.of(dsl, flavour)));
    }

    private void start(String dsl, JiraEmulator.Flavour flavour) throws Exception {
        this.dsl = dsl;
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
        switch (dsl) {
            case "yaml" -> {
                p.setProperty("camel.main.routes-include-pattern", "classpath:routes/incident.yaml");
                p.setProperty("incident.httpPath", "/incidents");
                httpPort = Ports.free();
                // the HTTP server platform-http runs on: Vert.x's, as camel-platform-http-main would start it
                main.addMainListener(new MainListenerSupport() {
                    @Override
                    public void beforeConfigure(BaseMainSupport m) {
                        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
                        server.setBindHost("127.0.0.1");
                        server.setBindPort(httpPort);
                        try {
                            m.getCamelContext().addService(new VertxPlatformHttpServer(server));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }
            case "xml" -> p.setProperty("camel.main.routes-include-pattern", "classpath:routes/incident.xml");
            default -> main.configure().addRoutesBuilder(new IncidentRoutes());
        }
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

    /** An incident as the DSL's intake takes it: a file in the inbox, or (YAML) an HTTP call answered 202. */
    private void send(String name, String json) throws Exception {
        if (!dsl.equals("yaml")) {
            drop(name, json);
            return;
        }
        HttpResponse<String> answer = post(json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo("OPS-1");
    }

    private HttpResponse<String> post(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                                                                                  + "/incidents"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void drop(String name, String json) throws Exception {
        // written aside and moved in, so that the file consumer never reads half a file
        Path tmp = Files.writeString(inbox.resolveSibling(inbox.getFileName() + "-" + name), json, StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name));
    }


    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("dslsAndFlavours")
    void incidentLifecycle(String dsl, JiraEmulator.Flavour flavour) throws Exception {
        start(dsl, flavour);

        send("inc-42-open.json", "{\"id\":\"INC-42\",\"status\":\"open\",\"title\":\"Checkout down\",\"severity\":\"Critical\","
                                 + "\"details\":\"Payments fail with HTTP 502.\"}");
        Await.until("the issue", () -> jira.issueCount() == 1);
        Await.until("the bridge's comment", () -> jira.comments("OPS-1").size() == 1);
        JsonNode fields = jira.issue("OPS-1").orElseThrow().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("INC-42: Checkout down");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("labels").toString()).isEqualTo("[\"incident\",\"incident-INC-42\"]");
        String severity = jira.fieldId("Severity");
        assertThat(fields.path(severity).path("value").asText()).as("Severity by name, an option").isEqualTo("Critical");
        assertThat(jira.comments("OPS-1").get(0)).startsWith("Incident bridge: Opened from INC-42 ("
                                                            + (dsl.equals("yaml") ? "HTTP)" : "inc-42-open.json)"));

        // an engineer answers in Jira: the comment crosses to the incident tool, the bridge's own do not
        main.getCamelContext().createProducerTemplate().sendBodyAndHeader("jiraspoke:issue/addComment?connection=jira",
                "Rolling back the gateway", JiraSpokeConstants.ISSUE_KEY, "OPS-1");
        Await.until("the Jira comment in the incident tool", () -> !comments.isEmpty());
        send("inc-42-note.json", "{\"id\":\"INC-42\",\"status\":\"note\",\"text\":\"Customers notified\"}");
        Await.until("the note in Jira", () -> jira.comments("OPS-1").size() == 3);
        assertThat(jira.comments("OPS-1").get(2)).isEqualTo("Incident bridge: Customers notified");

        send("inc-42-resolved.json", "{\"id\":\"INC-42\",\"status\":\"resolved\",\"resolution\":\"Gateway rolled back\"}");
        String done = flavour == JiraEmulator.Flavour.CLOUD ? "Done" : "Resolved";
        Await.until("the transition", () -> jira.status("OPS-1").equals(done));
        assertThat(jira.comments("OPS-1")).last().isEqualTo("Incident bridge: Resolved: Gateway rolled back");
        Await.until("the change stream to reach " + done, () -> changes.stream().anyMatch(c -> c.path("status").asText().equals(done)));

        assertThat(comments).extracting(c -> c.path("text").asText()).containsExactly("Rolling back the gateway");
        assertThat(comments.get(0).path("issue").asText()).isEqualTo("OPS-1");
        assertThat(changes).allMatch(c -> c.path("issue").asText().equals("OPS-1"));
        assertThat(changes.get(0).path("summary").asText()).isEqualTo("INC-42: Checkout down");
        if (dsl.equals("yaml")) {
            HttpResponse<String> refused = post("{\"id\":\"INC-42\",\"status\":\"reopened\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("Unknown incident status: reopened");
            assertThat(post("{\"id\":\"INC\\\" OR project = X\",\"status\":\"note\"}").statusCode())
                    .as("an id that would change the JQL").isEqualTo(400);
        } else {
            Await.until("the handled files to move aside", () -> Files.exists(inbox.resolve(".done").resolve("inc-42-resolved.json")));
            assertThat(inbox.resolve(".failed")).doesNotExist();
        }
    }
}
