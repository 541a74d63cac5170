package io.jiraspoke.examples;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's routes, written in Java DSL, YAML and XML, with camel-main and the connection configured from
 * properties exactly as in application.properties, against the Jira emulator.
 */
class ReportAndWatchRoutesTest {

    @RegisterExtension
    final JiraEmulator jira = JiraEmulator.cloud().seedIssues("DEMO", 3);

    private Main main;

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "java", "yaml", "xml" })
    void reportsABugAndWatchesTheProject(String dsl) throws Exception {
        Properties p = new Properties();
        p.setProperty("jira.project", "DEMO");
        // camel.component.jiraspoke.connections[jira].baseUrl, .email, .apiToken as application.properties has them
        p.putAll(jira.camelProperties("jira"));
        main = new Main();
        switch (dsl) {
            case "yaml" -> p.setProperty("camel.main.routes-include-pattern", "classpath:routes/report-and-watch.yaml");
            case "xml" -> p.setProperty("camel.main.routes-include-pattern", "classpath:routes/report-and-watch.xml");
            default -> main.configure().addRoutesBuilder(new ReportAndWatchRoutes());
        }
        main.setOverrideProperties(p);
        main.start();
        CamelContext camel = main.getCamelContext();
        List<String> watched = new CopyOnWriteArrayList<>();
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent done
                    && "watch-project".equals(done.getExchange().getFromRouteId())) {
                    watched.add(done.getExchange().getMessage().getBody(JiraIssue.class).getKey());
                }
            }
        });

        JiraIssue created = camel.createProducerTemplate().requestBodyAndHeader("direct:report-bug",
                "Steps to reproduce: open the app.", "title", "App crashes on start", JiraIssue.class);

        assertThat(created.getKey()).startsWith("DEMO-");
        assertThat(jira.issueCount()).isEqualTo(4);
        // the consumer starts from now (the default): the three seeded issues are history, the reported bug is new
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (watched.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(watched).as("the consumer delivered the reported bug, and only it").containsExactly(created.getKey());
        JiraSpokeComponent component = camel.getComponent("jiraspoke", JiraSpokeComponent.class);
        assertThat(component.getConnections()).containsKey("jira");
        assertThat(component.getConnections().get("jira").getAuthType()).isEqualTo("basic-api-token");
    }
}
