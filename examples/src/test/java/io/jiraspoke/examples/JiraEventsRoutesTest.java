package io.jiraspoke.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Runs docs/webhooks.md's route on a Vert.x platform-http server and posts it two deliveries signed as Jira signs them. */
class JiraEventsRoutesTest {

    private static final String SECRET = "example-webhook-secret";

    private JiraEmulator jira;
    private CamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void receivesANewIssueAndACommentAndRefusesAnUnsignedDelivery() throws Exception {
        jira = JiraEmulator.cloud().start();
        int port = Ports.free();
        camel = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("jira.webhookSecret", SECRET);
        camel.getPropertiesComponent().setInitialProperties(p);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", JiraSpokeConnection.basicApiToken(jira.baseUrl(), "demo@example.com",
                "demo-token"));
        camel.addComponent("jiraspoke", component);
        camel.addRoutes(new JiraEventsRoutes());
        camel.start();
        NotifyBuilder both = new NotifyBuilder(camel).fromRoute("jira-events").whenCompleted(2).create();

        String created = "{\"timestamp\":1795861500000,\"webhookEvent\":\"jira:issue_created\","
                         + "\"issue_event_type_name\":\"issue_created\",\"issue\":{\"id\":\"10001\",\"key\":\"OPS-1\","
                         + "\"fields\":{\"summary\":\"Disk full on db-2\"}}}";
        String commented = "{\"timestamp\":1795861600000,\"webhookEvent\":\"comment_created\",\"comment\":{"
                           + "\"id\":\"10042\",\"self\":\"https://example.atlassian.net/rest/api/3/issue/10001/comment/10042\","
                           + "\"author\":{\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Mia Krystof\"},"
                           + "\"body\":\"Cleaned up /var/log.\"},\"issue\":{\"id\":\"10001\",\"key\":\"OPS-1\","
                           + "\"fields\":{\"summary\":\"Disk full on db-2\"}}}";

        assertThat(post(port, created, "d1", true)).isEqualTo(204);
        assertThat(post(port, commented, "d2", true)).isEqualTo(204);
        assertThat(post(port, commented, "d3", false)).as("unsigned").isEqualTo(401);
        assertThat(both.matches(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void receivesWhatTheEmulatorDeliversWhenARouteCreatesAndCommentsAnIssue() throws Exception {
        jira = JiraEmulator.cloud().start();
        int port = Ports.free();
        jira.registerWebhook("http://127.0.0.1:" + port + "/jira/events", SECRET, null,
                "jira:issue_created", "comment_created");
        camel = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("jira.webhookSecret", SECRET);
        camel.getPropertiesComponent().setInitialProperties(p);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", JiraSpokeConnection.basicApiToken(jira.baseUrl(), "demo@example.com",
                "demo-token"));
        camel.addComponent("jiraspoke", component);
        camel.addRoutes(new JiraEventsRoutes());
        camel.start();
        NotifyBuilder both = new NotifyBuilder(camel).fromRoute("jira-events").whenCompleted(2).create();
        ProducerTemplate template = camel.createProducerTemplate();

        String key = template.requestBodyAndHeader("jiraspoke:issue/create?connection=jira&projectKey=DEMO"
                                                   + "&issueType=Task", "The disk of db-2 is full.",
                "CamelJiraSpokeSummary", "Disk full on db-2", JiraIssue.class).getKey();
        template.requestBodyAndHeader("jiraspoke:issue/addComment?connection=jira", "Cleaned up /var/log.",
                "CamelJiraSpokeIssueKey", key);

        assertThat(both.matches(20, TimeUnit.SECONDS)).as("both deliveries reached the route").isTrue();
        // the route completes before its answer reaches the emulator, which records a delivery once answered
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jira.webhookDeliveries().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jira.webhookDeliveries()).extracting(JiraEmulator.WebhookDelivery::event, JiraEmulator.WebhookDelivery::status)
                .containsExactly(tuple("jira:issue_created", 204), tuple("comment_created", 204));
    }

    @Test
    void theReconcilingPollFillsWhatJiraGaveUpDeliveringWhileTheApplicationWasDown() throws Exception {
        jira = JiraEmulator.cloud().webhookRetryDelay(java.time.Duration.ofMillis(20)).start();
        int port = Ports.free();
        jira.registerWebhook("http://127.0.0.1:" + port + "/jira/events", SECRET, "project = DEMO",
                "jira:issue_created", "jira:issue_updated");
        // what the application keeps across its restarts: the poll's watermark and what was delivered
        org.apache.camel.support.processor.state.MemoryStateRepository state
                = new org.apache.camel.support.processor.state.MemoryStateRepository();
        org.apache.camel.spi.IdempotentRepository seen = org.apache.camel.support.processor.idempotent
                .MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        CamelContext first = eventsApplication(port, state, seen, received);
        // it runs until its first poll has saved where it starts (Jira's clock is read then), and stops
        long ran = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (state.getState("events-reconcile") == null && System.nanoTime() < ran) {
            Thread.sleep(20);
        }
        assertThat(state.getState("events-reconcile")).isNotNull();
        first.stop();

        // the application is down: Jira tries, and gives up
        camel = new DefaultCamelContext();
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", JiraSpokeConnection.basicApiToken(jira.baseUrl(), "demo@example.com",
                "demo-token"));
        camel.addComponent("jiraspoke", component);
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        String missed = template.requestBodyAndHeader("jiraspoke:issue/create?connection=jira&projectKey=DEMO"
                                                      + "&issueType=Task", null, "CamelJiraSpokeSummary",
                "Created while the application was down", JiraIssue.class).getKey();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jira.webhookDeliveries().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jira.webhookDeliveries()).singleElement().satisfies(d -> assertThat(d.status()).isNotEqualTo(204));

        CamelContext second = eventsApplication(port, state, seen, received);
        try {
            String live = template.requestBodyAndHeader("jiraspoke:issue/create?connection=jira&projectKey=DEMO"
                                                        + "&issueType=Task", null, "CamelJiraSpokeSummary",
                    "Created while it runs", JiraIssue.class).getKey();
            template.requestBodyAndHeader("jiraspoke:issue/update?connection=jira&summary=Renamed while it runs",
                    null, "CamelJiraSpokeIssueKey", live);

            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // more polls, which find nothing new; changes younger than 2 s are the deliveries' (on their way)
            Thread.sleep(3_500);
            assertThat(received).containsExactlyInAnyOrder(missed + " jira:issue_created true",
                    live + " jira:issue_created false", live + " jira:issue_updated false");
        } finally {
            second.stop();
        }
    }

    /** The events route of an application, with the state it keeps across restarts, on a Vert.x server. */
    private CamelContext eventsApplication(int port, org.apache.camel.spi.StateRepository<String, String> state,
                                           org.apache.camel.spi.IdempotentRepository seen,
                                           java.util.List<String> received) throws Exception {
        CamelContext app = new DefaultCamelContext();
        app.getRegistry().bind("state", state);
        app.getRegistry().bind("seen", seen);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        app.addService(new VertxPlatformHttpServer(server));
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", JiraSpokeConnection.basicApiToken(jira.baseUrl(), "demo@example.com",
                "demo-token"));
        app.addComponent("jiraspoke", component);
        app.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:webhook/events?connection=jira&webhookPath=/jira/events&webhookSecret=" + SECRET
                     + "&webhookEvents=jira:issue_created,jira:issue_updated&jql=project = DEMO"
                     + "&webhookReconcileInterval=1s&webhookReconcileDelay=2s"
                     + "&stateRepository=#state&stateKey=events-reconcile&idempotentRepository=#seen")
                        .process(e -> received.add(e.getMessage().getHeader("CamelJiraSpokeIssueKey") + " "
                                                   + e.getMessage().getHeader("CamelJiraSpokeWebhookEvent") + " "
                                                   + e.getMessage().getHeader("CamelJiraSpokeWebhookReconciled")));
            }
        });
        app.start();
        return app;
    }

    private static int post(int port, String json, String identifier, boolean signed) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jira/events"))
                .header("Content-Type", "application/json").header("X-Atlassian-Webhook-Identifier", identifier)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signed) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            request.header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
