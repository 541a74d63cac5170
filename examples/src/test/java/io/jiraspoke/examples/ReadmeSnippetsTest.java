package io.jiraspoke.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The routes of the README and of docs/webhooks.md are the example files (compiled, most run as tests), word for word. */
class ReadmeSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private static List<String> blocks(String language) throws Exception {
        return blocks("README.md", language);
    }

    private static List<String> blocks(String document, String language) throws Exception {
        String readme = Files.readString(Path.of("..", document), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        Matcher m = FENCE.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                out.add(m.group(2).strip());
            }
        }
        return out;
    }

    private static String source(String path) throws Exception {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    @Test
    void javaRouteIsTheExampleClass() throws Exception {
        String java = source("src/main/java/io/jiraspoke/examples/ReportAndWatchRoutes.java");
        String cls = java.substring(java.indexOf("public class ReportAndWatchRoutes")).strip();
        assertThat(blocks("java")).contains(cls);
    }

    @Test
    void resumableConsumerIsTheExampleClass() throws Exception {
        assertThat(blocks("java")).contains(configureBody("ResumableWatchRoutes"));
    }

    @Test
    void webhookRoutesAreTheExampleClasses() throws Exception {
        String java = source("src/main/java/io/jiraspoke/examples/JiraEventsRoutes.java");
        String cls = java.substring(java.indexOf("public class JiraEventsRoutes")).strip();
        assertThat(blocks("docs/webhooks.md", "java")).contains(cls, configureBody("RegisteringEventsRoutes"));
    }

    /** What an example class's configure() holds, indented as a block of its own. */
    private static String configureBody(String exampleClass) throws Exception {
        String java = source("src/main/java/io/jiraspoke/examples/" + exampleClass + ".java");
        String body = java.substring(java.indexOf("public void configure() {") + "public void configure() {".length(),
                java.lastIndexOf("}", java.lastIndexOf("}") - 1));
        return body.strip().lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
    }

    @Test
    void yamlRouteIsTheExampleFile() throws Exception {
        String yaml = source("src/main/resources/routes/report-and-watch.yaml");
        String routes = yaml.substring(yaml.indexOf("- route:")).strip();
        assertThat(blocks("yaml")).contains(routes);
    }

    @Test
    void beanConnectionYamlIsTheExampleFile() throws Exception {
        String yaml = source("src/main/resources/routes/whoami-bean-connection.yaml");
        assertThat(blocks("yaml")).contains(yaml.substring(yaml.indexOf("- beans:")).strip());
    }

    @Test
    void propertiesMatchTheExampleConfiguration() throws Exception {
        String props = source("src/main/resources/application.properties");
        String readmeBlock = blocks("properties").get(0);
        for (String line : readmeBlock.split("\n")) {
            assertThat(props).contains(line);
        }
    }
}
