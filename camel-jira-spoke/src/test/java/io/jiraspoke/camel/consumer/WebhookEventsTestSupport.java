package io.jiraspoke.camel.consumer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraWebhookEvent;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * What the webhook/events tests share: a CamelContext with a Vert.x platform-http server on a free port, a route
 * from a webhook/events endpoint that records what it receives, an HTTP client playing Jira's webhook sender, and
 * the signatures Jira puts on deliveries.
 */
abstract class WebhookEventsTestSupport extends JiraSpokeTestSupport {

    static final String SECRET = "whsec-S3CRET";
    static final String CLIENT_SECRET = "oauth-client-secret-S3CRET";
    static final String CLOUD_ID = "11111111-2222-3333-4444-555555555555";
    static final String HOOK_URL = "https://camel.example.com/jira/events";

    /** What one exchange carried: the body and the headers the consumer set. */
    record Received(JiraWebhookEvent event, Map<String, Object> headers) {
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final List<Received> received = new CopyOnWriteArrayList<>();
    /** What the route does with each exchange after recording it; a test may make it fail. */
    volatile Processor behaviour = e -> {
    };
    int port;
    private final List<CamelContext> earlier = new CopyOnWriteArrayList<>();

    @BeforeEach
    void freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    @AfterEach
    void stopEarlierContexts() {
        earlier.forEach(CamelContext::stop);
    }

    /** Starts a context whose route consumes {@code jiraspoke:webhook/events?connection=jira&<options>}. */
    CamelContext receive(JiraSpokeConnection connection, String options) throws Exception {
        return receive(connection, options, Map.of());
    }

    /** The same, with these beans bound in the registry first. */
    CamelContext receive(JiraSpokeConnection connection, String options, Map<String, Object> beans)
            throws Exception {
        if (context != null) {
            earlier.add(context);
        }
        context = new DefaultCamelContext();
        beans.forEach(context.getRegistry()::bind);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        component = new JiraSpokeComponent();
        component.addConnection("jira", connection);
        context.addComponent("jiraspoke", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:webhook/events?connection=jira" + (options.isEmpty() ? "" : "&" + options))
                        .routeId("events")
                        .process(e -> received.add(new Received(e.getMessage().getBody(JiraWebhookEvent.class),
                                Map.copyOf(headersOf(e)))))
                        .process(e -> behaviour.process(e));
            }
        });
        context.start();
        template = context.createProducerTemplate();
        return context;
    }

    private static Map<String, Object> headersOf(Exchange e) {
        Map<String, Object> out = new java.util.HashMap<>();
        e.getMessage().getHeaders().forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** POSTs a delivery as Jira does, with these headers, to the route's path. */
    HttpResponse<String> deliver(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code sha256=<hex HMAC-SHA256(secret, body)>}, as Jira signs admin webhooks with a secret. */
    static String hubSignature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** A JWT as Jira sends with app webhooks: HS256 over header and claims, keyed by the client secret. */
    static String jwt(String alg, String secret, String claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signed = url.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signed + "." + url.encodeToString(hmac(secret, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String resource) {
        return json(resource).getBytes(StandardCharsets.UTF_8);
    }

    /** Headers of a signed Cloud delivery with this identifier. */
    static Map<String, String> signed(byte[] body, String identifier) {
        return Map.of("X-Hub-Signature", hubSignature(SECRET, body), "X-Atlassian-Webhook-Identifier", identifier);
    }

    /** An OAuth client-credentials connection: app webhooks, whose calls reach WireMock through the gateway path. */
    JiraSpokeConnection oauth() {
        jira.stubFor(post(urlEqualTo("/oauth/token"))
                .withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credentials")))
                .willReturn(okJson("{\"access_token\":\"access-token-S3CRET\",\"expires_in\":3600,"
                                   + "\"token_type\":\"Bearer\",\"scope\":\"manage:jira-webhook read:jira-work\"}")));
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-client-credentials");
        c.setCloudId(CLOUD_ID);
        c.setClientId("client-id-123");
        c.setClientSecret(CLIENT_SECRET);
        c.setScopes("manage:jira-webhook read:jira-work");
        c.setApiGatewayUrl(jira.baseUrl());
        c.setTokenUrl(jira.baseUrl() + "/oauth/token");
        return c;
    }

    /** A Data Center connection whose serverInfo reports this version. */
    JiraSpokeConnection dataCenter(String version) {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson("{\"baseUrl\":\"" + jira.baseUrl()
                                                                     + "\",\"version\":\"" + version
                                                                     + "\",\"deploymentType\":\"DataCenter\"}")));
        return server();
    }
}
