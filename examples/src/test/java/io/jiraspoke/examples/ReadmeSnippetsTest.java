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

/** The README's first routes are the example files that run as tests, word for word. */
class ReadmeSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private static List<String> blocks(String language) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
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
        String java = source("src/main/java/io/jiraspoke/examples/ResumableWatchRoutes.java");
        String body = java.substring(java.indexOf("public void configure() {") + "public void configure() {".length(),
                java.lastIndexOf("}", java.lastIndexOf("}") - 1));
        String dedented = body.strip().lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(blocks("java")).contains(dedented);
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
