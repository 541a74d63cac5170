package io.jiraspoke.camel.support;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests: a WireMock "Jira" on a free port, a CamelContext with the jiraspoke component, and after
 * each test a check that every Cloud request sent matched Atlassian's OpenAPI spec.
 */
public abstract class JiraSpokeTestSupport {

    public static final String CLOUD_EMAIL = "bot@example.com";
    public static final String CLOUD_API_TOKEN = "cloud-api-token-S3CRET";
    public static final String DC_PAT = "dc-pat-S3CRET";

    protected WireMockServer jira;
    protected CamelContext context;
    protected ProducerTemplate template;
    protected JiraSpokeComponent component;

    @BeforeEach
    void startJira() {
        jira = new WireMockServer(WireMockConfiguration.options().dynamicPort().notifier(
                new com.github.tomakehurst.wiremock.common.Slf4jNotifier(false)));
        jira.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            if (context != null) {
                context.stop();
            }
            List<LoggedRequest> sent = jira.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
            assertThat(OpenApiContract.problems(sent)).as("requests not matching the Jira Cloud OpenAPI spec")
                    .isEmpty();
        } finally {
            jira.stop();
        }
    }

    /** A Cloud connection (classic API token) to the WireMock server. */
    protected JiraSpokeConnection cloud() {
        return JiraSpokeConnection.basicApiToken(jira.baseUrl(), CLOUD_EMAIL, CLOUD_API_TOKEN);
    }

    /** A Data Center connection (personal access token) to the WireMock server. */
    protected JiraSpokeConnection server() {
        return JiraSpokeConnection.personalAccessToken(jira.baseUrl(), DC_PAT);
    }

    /** Starts a CamelContext whose jiraspoke component has these named connections. */
    protected CamelContext start(Map<String, JiraSpokeConnection> connections, RoutesBuilder... routes)
            throws Exception {
        context = new DefaultCamelContext();
        component = new JiraSpokeComponent();
        connections.forEach(component::addConnection);
        context.addComponent("jiraspoke", component);
        for (RoutesBuilder r : routes) {
            context.addRoutes(r);
        }
        context.start();
        template = context.createProducerTemplate();
        return context;
    }

    /** Sends a body and headers to an endpoint and answers the exchange (failed or not). */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    /** A route from {@code direct:in} to the endpoint. */
    protected static RouteBuilder sendingTo(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        };
    }

    /** Starts a context that must fail to start; answers the failure with all its causes. */
    protected String startFailure(Map<String, JiraSpokeConnection> connections, RoutesBuilder... routes) {
        Throwable thrown = null;
        try {
            start(connections, routes);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("the start failure").isNotNull();
        return causes(thrown);
    }

    /** An exception, its causes and what they suppressed, one {@code toString()} per line. */
    public static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                sb.append("suppressed: ").append(s).append('\n');
            }
        }
        return sb.toString();
    }

    protected static String json(String resource) {
        try (var in = JiraSpokeTestSupport.class.getResourceAsStream("/jira/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /jira/" + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }
}
