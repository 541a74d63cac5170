package io.jiraspoke.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraWebhookEvent;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OAuth connection's webhooks end to end against the emulator: webhook/subscribe on a client-credentials
 * connection registers an app webhook ({@code /rest/api/3/webhook}), and a webhook/events route on the same connection
 * receives the emulator's deliveries, which carry a JWT signed with the app's client secret and nothing else.
 */
class AppWebhookRoutesTest {

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
    void anOAuthConnectionSubscribesAnAppWebhookAndItsRouteReceivesTheJwtSignedDeliveries() throws Exception {
        jira = JiraEmulator.cloud().oauthClient("service-id", "service-secret").start();
        int port = Ports.free();
        String url = "http://127.0.0.1:" + port + "/jira/app-events";
        camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        camel.addService(new VertxPlatformHttpServer(server));
        JiraSpokeConnection service = new JiraSpokeConnection();
        PropertyBindingSupport.build().bind(camel, service, new HashMap<>(jira.oauthClientCredentialsSettings()));
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("service", service);
        camel.addComponent("jiraspoke", component);
        List<String> received = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no secret: on an OAuth connection the consumer checks the app webhook's JWT with the client secret
                from("jiraspoke:webhook/events?connection=service&webhookPath=/jira/app-events"
                     + "&webhookEvents=jira:issue_created,comment_created")
                        .process(e -> received.add(e.getMessage().getHeader("CamelJiraSpokeWebhookEvent") + " "
                                                   + e.getMessage().getBody(JiraWebhookEvent.class).getIssue().getKey()));
            }
        });
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        String subscribe = "jiraspoke:webhook/subscribe?connection=service&webhookUrl=" + url
                           + "&webhookEvents=jira:issue_created,comment_created&jql=RAW(project = DEMO)";

        Exchange subscribed = template.request(subscribe, e -> { });
        assertThat(subscribed.getException()).isNull();
        assertThat(subscribed.getMessage().getHeader("CamelJiraSpokeWebhookOutcome")).isEqualTo("created");
        String id = subscribed.getMessage().getHeader("CamelJiraSpokeWebhookId", String.class);
        assertThat(jira.requestLog()).anyMatch(line -> line.equals("POST /ex/jira/" + jira.cloudId() + "/rest/api/3/webhook"));
        Exchange again = template.request(subscribe, e -> { });
        assertThat(again.getMessage().getHeader("CamelJiraSpokeWebhookOutcome")).as("found again, and its life extended")
                .isEqualTo("unchanged");
        assertThat(again.getMessage().getHeader("CamelJiraSpokeWebhookId", String.class)).isEqualTo(id);
        assertThat(jira.requestLog()).anyMatch(line -> line.equals("PUT /ex/jira/" + jira.cloudId() + "/rest/api/3/webhook/refresh"));
        List<?> listed = template.requestBody("jiraspoke:webhook/list?connection=service", null, List.class);
        assertThat(listed).singleElement().satisfies(w -> {
            io.jiraspoke.camel.model.JiraWebhook hook = (io.jiraspoke.camel.model.JiraWebhook) w;
            assertThat(hook.getId()).isEqualTo(id);
            assertThat(hook.getJql()).isEqualTo("project = DEMO");
            assertThat(hook.getExpirationDate()).isAfter(java.time.OffsetDateTime.now().plusDays(29));
        });

        String key = template.requestBodyAndHeader("jiraspoke:issue/create?connection=service&projectKey=DEMO&issueType=Task",
                null, "CamelJiraSpokeSummary", "Printer on fire", io.jiraspoke.camel.model.JiraIssue.class).getKey();
        template.requestBodyAndHeader("jiraspoke:issue/addComment?connection=service", "Water brought", "CamelJiraSpokeIssueKey", key);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jira.webhookDeliveries().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).containsExactly("jira:issue_created " + key, "comment_created " + key);
        assertThat(jira.webhookDeliveries()).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(204);
            assertThat(d.webhookId()).isEqualTo(id);
        });

        assertThat(post(url, jwt("another-apps-secret"))).as("a JWT of another secret").isEqualTo(401);
        assertThat(post(url, null)).as("no JWT").isEqualTo(401);
        assertThat(received).hasSize(2);

        template.requestBodyAndHeader("jiraspoke:webhook/unsubscribe?connection=service", null, "CamelJiraSpokeWebhookId", id);
        assertThat(template.requestBody("jiraspoke:webhook/list?connection=service", null, List.class)).isEmpty();
    }

    private static String jwt(String secret) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + b64.encodeToString(("{\"exp\":" + (System.currentTimeMillis() / 1000 + 60) + "}").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signed + "." + b64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static int post(String url, String jwt) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Atlassian-Webhook-Identifier", "forged-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"timestamp\":1795861500000,\"webhookEvent\":\"jira:issue_created\","
                                                          + "\"issue\":{\"id\":\"10099\",\"key\":\"DEMO-99\",\"fields\":{}}}"));
        if (jwt != null) {
            request.header("Authorization", "Bearer " + jwt);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
