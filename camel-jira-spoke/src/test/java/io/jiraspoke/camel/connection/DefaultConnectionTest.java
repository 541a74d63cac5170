package io.jiraspoke.camel.connection;

import java.util.LinkedHashMap;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.main.Main;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The component's defaultConnection: the connection of endpoints that name none, among several. */
class DefaultConnectionTest extends JiraSpokeTestSupport {

    private Map<String, JiraSpokeConnection> two() {
        Map<String, JiraSpokeConnection> m = new LinkedHashMap<>();
        m.put("cloud", cloud());
        m.put("dc", server());
        return m;
    }

    @Test
    void anEndpointWithoutConnectionUsesTheDefaultOne() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(json("dc-serverInfo.json"))));
        context = new org.apache.camel.impl.DefaultCamelContext();
        component = new io.jiraspoke.camel.JiraSpokeComponent();
        two().forEach(component::addConnection);
        component.setDefaultConnection("dc");
        context.addComponent("jiraspoke", component);
        context.addRoutes(sendingTo("jiraspoke:server/info"));
        context.start();
        template = context.createProducerTemplate();

        JiraServerInfo info = template.requestBody("direct:in", "", JiraServerInfo.class);

        assertThat(info.getDeploymentType()).isEqualTo("Server");
        jira.verify(getRequestedFor(urlEqualTo("/rest/api/2/serverInfo"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @Test
    void withoutADefaultSeveralConnectionsAreRefusedNamingTheOption() {
        assertThat(startFailure(two(), sendingTo("jiraspoke:server/info")))
                .contains("names no connection: set connection=<name> (configured: cloud, dc), or set the"
                          + " component's defaultConnection");
    }

    @Test
    void theDefaultComesFromPropertiesAndMustExist() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.jiraspoke.connections[dc].baseUrl", jira.baseUrl());
        main.addInitialProperty("camel.component.jiraspoke.connections[dc].personalAccessToken", DC_PAT);
        main.addInitialProperty("camel.component.jiraspoke.default-connection", "prod");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("jiraspoke:server/info");
            }
        });
        Throwable failure = null;
        try {
            main.start();
        } catch (Exception e) {
            failure = e;
        } finally {
            main.stop();
        }
        assertThat(failure).isNotNull();
        assertThat(causes(failure)).contains("Unknown Jira connection 'prod'; configured: dc");
    }
}
