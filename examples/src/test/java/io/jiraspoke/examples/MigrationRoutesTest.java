package io.jiraspoke.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraFieldChange;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.examples.migration.CamelJiraRoutes;
import io.jiraspoke.examples.migration.JiraSpokeRoutes;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration example: the camel-jira routes (CamelJiraRoutes) and the same routes on camel-jira-spoke
 * (JiraSpokeRoutes). The camel-jira side cannot run here (its client library is not on Maven Central), so the test
 * checks that both build the same routes, each camel-jira endpoint replaced by the jiraspoke action that
 * docs/migrating-from-camel-jira.md names for it; then it runs the jiraspoke side against the Jira emulator with the
 * messages the camel-jira routes took.
 */
class MigrationRoutesTest {

    /** A row of the guide's tables: | `jira:addIssue` ... | its inputs | `issue/create` ... | */
    private static final Pattern ROW = Pattern.compile("^\\| `jira:(\\w+)`[^|]*\\|[^|]*\\| `([a-z]+/[A-Za-z]+)`");

    private Main main;
    private JiraEmulator jira;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void eachCamelJiraEndpointBecomesTheActionTheGuideNames() throws Exception {
        Map<String, String> guide = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/migrating-from-camel-jira.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                guide.put(m.group(1), m.group(2));
            }
        }
        assertThat(guide).as("the guide's tables").containsEntry("addIssue", "issue/create")
                .containsEntry("watchUpdates", "issue/changelog").hasSizeGreaterThanOrEqualTo(14);

        Map<String, List<String>> before = endpoints(new CamelJiraRoutes());
        Map<String, List<String>> after = endpoints(new JiraSpokeRoutes());

        assertThat(after.keySet()).as("the same routes, by id").containsExactlyElementsOf(before.keySet());
        before.forEach((route, uris) -> {
            List<String> expected = uris.stream().map(uri -> {
                if (!uri.startsWith("jira:")) {
                    return uri;
                }
                String type = uri.substring("jira:".length()).replaceAll("\\?.*", "");
                assertThat(guide).as("the guide maps jira:" + type).containsKey(type);
                return "jiraspoke:" + guide.get(type);
            }).toList();
            List<String> actual = after.get(route).stream().map(uri -> uri.replaceAll("\\?.*", "")).toList();
            assertThat(actual).as("route " + route).containsExactlyElementsOf(expected);
        });
        assertThat(before.values().stream().flatMap(List::stream).filter(u -> u.startsWith("jira:")))
                .as("every camel-jira route uses camel-jira").hasSize(5);
    }

    /** Route id to its endpoints, from first to last, without the query. */
    private static Map<String, List<String>> endpoints(RouteBuilder builder) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            builder.setCamelContext(camel);
            builder.configure();
            for (RouteDefinition r : builder.getRouteCollection().getRoutes()) {
                List<String> uris = new ArrayList<>();
                uris.add(r.getInput().getEndpointUri().replaceAll("\\?.*", ""));
                collect(r.getOutputs(), uris);
                out.put(r.getRouteId(), uris);
            }
        }
        return out;
    }

    private static void collect(List<ProcessorDefinition<?>> outputs, List<String> uris) {
        for (ProcessorDefinition<?> p : outputs) {
            if (p instanceof ToDefinition to) {
                uris.add(to.getUri().replaceAll("\\?.*", ""));
            }
            collect(p.getOutputs(), uris);
        }
    }

    @Test
    void theJiraSpokeRoutesDoWhatTheCamelJiraOnesDid() throws Exception {
        jira = JiraEmulator.cloud().project("OPS", "Operations").start();
        List<JiraIssue> newIssues = new CopyOnWriteArrayList<>();
        List<JiraFieldChange> updates = new CopyOnWriteArrayList<>();
        Properties p = new Properties();
        p.putAll(jira.camelProperties("jira"));
        p.setProperty("jira.project", "OPS");
        p.setProperty("jira.resolvedStatus", "Done");
        p.setProperty("migration.delay", "200");
        p.setProperty("migration.newIssues", "direct:new-issues-out");
        p.setProperty("migration.updates", "direct:updates-out");
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().addRoutesBuilder(new JiraSpokeRoutes());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:new-issues-out").process(e -> newIssues.add(e.getMessage().getBody(JiraIssue.class)));
                from("direct:updates-out").process(e -> updates.add(e.getMessage().getBody(JiraFieldChange.class)));
            }
        });
        main.setOverrideProperties(p);
        main.start();
        ProducerTemplate t = main.getCamelContext().createProducerTemplate();

        // what the camel-jira route took: a title header and the description as the body
        JiraIssue created = t.requestBodyAndHeader("direct:report", "Steps: open the app.", "title", "App crashes",
                JiraIssue.class);
        String key = created.getKey();
        assertThat(key).isEqualTo("OPS-1");
        assertThat(jira.issue(key).orElseThrow().path("fields").path("summary").asText()).isEqualTo("App crashes");
        Await.until("the new issue", () -> !newIssues.isEmpty());

        t.sendBodyAndHeader("direct:comment", "Reproduced on 4.2", JiraSpokeConstants.ISSUE_KEY, key);
        t.sendBodyAndHeader("direct:resolve", null, JiraSpokeConstants.ISSUE_KEY, key);
        assertThat(jira.comments(key)).containsExactly("Reproduced on 4.2");
        assertThat(jira.status(key)).isEqualTo("Done");

        Await.until("the status change", () -> !updates.isEmpty());
        Thread.sleep(600);
        assertThat(newIssues).extracting(JiraIssue::getKey).as("once, though it changed twice since").containsExactly(key);
        assertThat(updates).singleElement().satisfies(c -> {
            assertThat(c.getField()).isEqualToIgnoringCase("status");
            assertThat(c.getToText()).isEqualTo("Done");
        });
    }

}
