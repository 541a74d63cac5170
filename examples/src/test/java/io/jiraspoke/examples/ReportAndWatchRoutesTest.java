package io.jiraspoke.examples;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.standin.JiraStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's routes, written in Java DSL, YAML and XML, with camel-main and the connection configured from
 * properties exactly as in application.properties, against the embedded Jira stand-in.
 */
class ReportAndWatchRoutesTest {

    private JiraStandIn jira;
    private Main main;

    @BeforeEach
    void startJira() {
        jira = JiraStandIn.start(JiraStandIn.Flavour.CLOUD).seedIssues("DEMO", 3);
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        jira.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void reportsABugAndWatchesTheProject(String dsl) throws Exception {
        Properties p = new Properties();
        p.setProperty("jira.project", "DEMO");
        p.setProperty("camel.component.jiraspoke.connections[jira].baseUrl", jira.baseUrl());
        p.setProperty("camel.component.jiraspoke.connections[jira].email", "demo@example.com");
        p.setProperty("camel.component.jiraspoke.connections[jira].apiToken", "demo-token");
        main = new Main();
        switch (dsl) {
            case "yaml" -> p.setProperty("camel.main.routes-include-pattern", "classpath:routes/report-and-watch.yaml");
            case "xml" -> p.setProperty("camel.main.routes-include-pattern", "classpath:routes/report-and-watch.xml");
            default -> main.configure().addRoutesBuilder(new ReportAndWatchRoutes());
        }
        main.setOverrideProperties(p);
        main.start();
        CamelContext camel = main.getCamelContext();
        NotifyBuilder watched = new NotifyBuilder(camel).fromRoute("watch-project").whenCompleted(3).create();

        JiraIssue created = camel.createProducerTemplate().requestBodyAndHeader("direct:report-bug",
                "Steps to reproduce: open the app.", "title", "App crashes on start", JiraIssue.class);

        assertThat(created.getKey()).startsWith("DEMO-");
        assertThat(jira.issueCount()).isEqualTo(4);
        assertThat(watched.matches(10, TimeUnit.SECONDS)).as("the consumer delivered the seeded issues").isTrue();
        JiraSpokeComponent component = camel.getComponent("jiraspoke", JiraSpokeComponent.class);
        assertThat(component.getConnections()).containsKey("jira");
        assertThat(component.getConnections().get("jira").getAuthType()).isEqualTo("basic-api-token");
    }
}
