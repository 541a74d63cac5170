package io.jiraspoke.camel.connection;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Named connections on the component: configured from properties, chosen by endpoints, sharing one client. */
class ConnectionsTest extends JiraSpokeTestSupport {

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes());
    }

    void stubServerInfo() {
        jira.stubFor(get("/rest/api/3/serverInfo").willReturn(okJson(json("cloud-serverInfo.json"))));
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(json("dc-serverInfo.json"))));
    }

    String startFailure(Map<String, JiraSpokeConnection> connections, String uri) {
        return startFailure(connections, sendingTo(uri));
    }

    @Test
    void connectionsComeFromApplicationPropertiesThroughCamelMain() throws Exception {
        stubServerInfo();
        Main main = new Main();
        main.addInitialProperty("jira.token", "token-from-a-placeholder");
        main.addInitialProperty("camel.component.jiraspoke.connections[cloud].baseUrl", jira.baseUrl());
        main.addInitialProperty("camel.component.jiraspoke.connections[cloud].authType", "basic-api-token");
        main.addInitialProperty("camel.component.jiraspoke.connections[cloud].email", CLOUD_EMAIL);
        main.addInitialProperty("camel.component.jiraspoke.connections[cloud].apiToken", "{{jira.token}}");
        main.addInitialProperty("camel.component.jiraspoke.connections[dc-prod].baseUrl", jira.baseUrl());
        main.addInitialProperty("camel.component.jiraspoke.connections[dc-prod].personalAccessToken", DC_PAT);
        main.addInitialProperty("camel.component.jiraspoke.connections[dc-prod].maxAttempts", "2");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cloud").to("jiraspoke:server/info?connection=cloud");
                from("direct:dc").to("jiraspoke:server/info?connection=dc-prod");
            }
        });
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            JiraSpokeComponent component = camel.getComponent("jiraspoke", JiraSpokeComponent.class);

            assertThat(component.getConnections()).containsOnlyKeys("cloud", "dc-prod");
            JiraSpokeConnection cloud = component.getConnections().get("cloud");
            assertThat(cloud.getBaseUrl()).isEqualTo(jira.baseUrl());
            assertThat(cloud.getApiToken()).isEqualTo("token-from-a-placeholder");
            assertThat(component.getConnections().get("dc-prod").getMaxAttempts()).isEqualTo(2);

            ProducerTemplate producer = camel.createProducerTemplate();
            assertThat(producer.requestBody("direct:cloud", null, JiraServerInfo.class).getDeploymentType())
                    .isEqualTo("Cloud");
            assertThat(producer.requestBody("direct:dc", null, JiraServerInfo.class).getVersion())
                    .isEqualTo("10.3.1");
        } finally {
            main.stop();
        }
        jira.verify(getRequestedFor(urlEqualTo("/rest/api/3/serverInfo"))
                .withHeader("Authorization", equalTo(basic(CLOUD_EMAIL, "token-from-a-placeholder"))));
        jira.verify(getRequestedFor(urlEqualTo("/rest/api/2/serverInfo"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @Test
    void propertyBindingCreatesAMapEntry() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            JiraSpokeComponent component = new JiraSpokeComponent();
            camel.addComponent("jiraspoke", component);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("connections[site].baseUrl", "https://example.atlassian.net");
            properties.put("connections[site].email", CLOUD_EMAIL);
            properties.put("connections[site].apiToken", CLOUD_API_TOKEN);
            properties.put("connections[site].responseTimeout", "15s");

            boolean bound = PropertyBindingSupport.build().withCamelContext(camel).withTarget(component)
                    .withProperties(properties).withRemoveParameters(true).bind();

            assertThat(bound).isTrue();
            assertThat(properties).as("every property was used").isEmpty();
            JiraSpokeConnection site = component.getConnections().get("site");
            assertThat(site).isNotNull();
            assertThat(site.getBaseUrl()).isEqualTo("https://example.atlassian.net");
            assertThat(site.getEmail()).isEqualTo(CLOUD_EMAIL);
            assertThat(site.getResponseTimeout()).isEqualTo(java.time.Duration.ofSeconds(15));
        }
    }

    @Test
    void namingAConnectionAndSettingConnectionOptionsInlineConflict() {
        String message = startFailure(Map.of("cloud", cloud()),
                "jiraspoke:server/info?connection=cloud&connection.baseUrl=https://other.atlassian.net");

        assertThat(message).contains("Endpoint jiraspoke:server/info names connection 'cloud' and also sets"
                                     + " connection.* options inline; use one or the other");
    }

    @Test
    void withoutConnectionsAnEndpointMustNameOneOrGiveItInline() {
        String message = startFailure(Map.of(), "jiraspoke:server/info");

        assertThat(message).contains("Endpoint jiraspoke:server/info names no connection: set connection=<name>"
                                     + " after configuring one on the component or as a bean, or give the"
                                     + " connection settings inline (connection.baseUrl, connection.authType,"
                                     + " ...)");
    }

    @Test
    void withTwoConnectionsAnEndpointMustNameOneAndIsToldWhich() {
        String message = startFailure(Map.of("cloud", cloud(), "dc", server()), "jiraspoke:server/info");

        assertThat(message).contains("Endpoint jiraspoke:server/info names no connection: set connection=<name>"
                                     + " (configured: ")
                .containsAnyOf("(configured: cloud, dc)", "(configured: dc, cloud)");
    }

    @Test
    void anUnknownConnectionNameListsTheConfiguredOnes() {
        String message = startFailure(Map.of("cloud", cloud()), "jiraspoke:server/info?connection=clouds");

        assertThat(message).contains("Unknown Jira connection 'clouds'; configured: cloud");
    }

    @Test
    void theOnlyConnectionIsUsedByDefault() throws Exception {
        stubServerInfo();
        start(Map.of("cloud", cloud()), sendingTo("jiraspoke:server/info"));

        JiraServerInfo info = template.requestBody("direct:in", null, JiraServerInfo.class);

        assertThat(info.getDeploymentType()).isEqualTo("Cloud");
        jira.verify(getRequestedFor(urlEqualTo("/rest/api/3/serverInfo"))
                .withHeader("Authorization", equalTo(basic(CLOUD_EMAIL, CLOUD_API_TOKEN))));
    }

    @Test
    void endpointsOfOneConnectionShareOneClient() throws Exception {
        start(Map.of("cloud", cloud(), "dc", server()));

        JiraClient info = endpoint("jiraspoke:server/info?connection=cloud").getClient();
        JiraClient myself = endpoint("jiraspoke:user/myself?connection=cloud").getClient();
        JiraClient search = endpoint("jiraspoke:issue/search?connection=cloud&jql=project=ABC").getClient();
        JiraClient dc = endpoint("jiraspoke:server/info?connection=dc").getClient();

        assertThat(myself).isSameAs(info);
        assertThat(search).isSameAs(info);
        assertThat(dc).isNotSameAs(info);
        assertThat(info.name()).isEqualTo("cloud");
        assertThat(dc.name()).isEqualTo("dc");
    }

    @Test
    void inlineEndpointsWithEqualOptionsShareOneClient() throws Exception {
        start(Map.of());
        String options = "connection.baseUrl=" + jira.baseUrl() + "&connection.authType=basic-api-token"
                         + "&connection.email=" + CLOUD_EMAIL;

        JiraClient a = endpoint("jiraspoke:server/info?" + options + "&connection.apiToken=RAW(token-one)").getClient();
        JiraClient b = endpoint("jiraspoke:user/myself?" + options + "&connection.apiToken=RAW(token-one)").getClient();
        JiraClient other = endpoint("jiraspoke:user/myself?" + options + "&connection.apiToken=RAW(token-two)").getClient();
        JiraClient slower = endpoint("jiraspoke:user/myself?" + options + "&connection.apiToken=RAW(token-one)"
                                     + "&connection.responseTimeout=5000").getClient();

        assertThat(b).isSameAs(a);
        assertThat(other).isNotSameAs(a);
        assertThat(slower).isNotSameAs(a);
        assertThat(a.name()).isEqualTo("inline:" + jira.baseUrl());
    }

    @Test
    void connectionBeansInTheRegistryAreConnectionsByBeanName() throws Exception {
        stubServerInfo();
        context = new DefaultCamelContext();
        context.getRegistry().bind("datacenter", server());
        context.addRoutes(sendingTo("jiraspoke:server/info?connection=datacenter"));
        context.start();
        template = context.createProducerTemplate();

        JiraServerInfo info = template.requestBody("direct:in", null, JiraServerInfo.class);

        assertThat(info.getVersion()).isEqualTo("10.3.1");
        jira.verify(getRequestedFor(urlEqualTo("/rest/api/2/serverInfo"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @Test
    void theOnlyConnectionBeanIsUsedByDefault() throws Exception {
        stubServerInfo();
        context = new DefaultCamelContext();
        context.getRegistry().bind("onlyOne", cloud());
        context.addRoutes(sendingTo("jiraspoke:server/info"));
        context.start();
        template = context.createProducerTemplate();

        assertThat(template.requestBody("direct:in", null, JiraServerInfo.class).getDeploymentType())
                .isEqualTo("Cloud");
    }

    @Test
    void theComponentsOwnConnectionWinsOverABeanOfTheSameName() throws Exception {
        stubServerInfo();
        context = new DefaultCamelContext();
        context.getRegistry().bind("jira", server());
        JiraSpokeComponent own = new JiraSpokeComponent();
        own.addConnection("jira", cloud());
        context.addComponent("jiraspoke", own);
        context.start();

        JiraClient client = context.getEndpoint("jiraspoke:server/info?connection=jira", JiraSpokeEndpoint.class)
                .getClient();

        assertThat(client.deployment()).isEqualTo(io.jiraspoke.camel.catalog.Deployment.CLOUD);
        assertThat(startFailure(Map.of("a", cloud()), "jiraspoke:server/info?connection=nope"))
                .contains("configured: a");
    }

    JiraSpokeEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, JiraSpokeEndpoint.class);
    }
}
