package io.jiraspoke.camel.springboot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jiraspoke.camel.ConnectionOption;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Spring configuration metadata (what IDEs read for completion and help): the connection settings
 * and the component options come from {@code ConnectionOption} and the component's generated metadata, through
 * {@code additional-spring-configuration-metadata.json}, which this test keeps equal to them (regenerate with
 * {@code mvn -pl camel-jira-spoke-starter test -Dtest=SpringMetadataTest -Djiraspoke.updateDocs=true}). The
 * metadata the build generated from both is then read back: every property has a description, every connection
 * setting is there, and auth types and deployments have value hints.
 */
class SpringMetadataTest {

    static final Path ADDITIONAL = Path.of("src", "main", "resources", "META-INF",
            "additional-spring-configuration-metadata.json");
    static final Path GENERATED = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");
    static final String PREFIX = JiraSpokeComponentConfiguration.PREFIX;
    static final String CONNECTION = PREFIX + ".connections.*.";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void additionalMetadataIsGeneratedFromTheConnectionTableAndTheComponentMetadata() throws Exception {
        String expected = JSON.writeValueAsString(render()) + "\n";
        if (Boolean.getBoolean("jiraspoke.updateDocs")) {
            Files.writeString(ADDITIONAL, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(ADDITIONAL, StandardCharsets.UTF_8))
                .as(ADDITIONAL + " is stale: run mvn -pl camel-jira-spoke-starter test -Dtest=SpringMetadataTest"
                    + " -Djiraspoke.updateDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyPropertyHasADescriptionAndEveryConnectionSettingIsThere() throws Exception {
        JsonNode metadata = JSON.readTree(GENERATED.toFile());
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));
        assertThat(properties.keySet()).allMatch(n -> n.startsWith(PREFIX));
        properties.forEach((name, p) -> assertThat(p.path("description").asText()).as(name).isNotBlank());
        for (ConnectionOption o : ConnectionOption.values()) {
            JsonNode p = properties.get(CONNECTION + PropertyNames.kebab(o.id()));
            assertThat(p).as(o.id()).isNotNull();
            assertThat(p.path("description").asText()).as(o.id()).startsWith(o.description());
            assertThat(p.path("type").asText()).as(o.id()).isEqualTo(typeOf(o.type()));
        }
        assertThat(properties).containsKeys(PREFIX + ".connections", PREFIX + ".default-connection",
                PREFIX + ".health-check-enabled", PREFIX + ".health-check-interval", PREFIX + ".consent.enabled",
                PREFIX + ".consent.path", PREFIX + ".enabled", PREFIX + ".lazy-start-producer");
        assertThat(properties.get(CONNECTION + "api-token").path("description").asText()).contains("secret");
        assertThat(properties.get(CONNECTION + "connect-timeout").path("defaultValue").asText()).isEqualTo("10s");

        Map<String, List<String>> hints = new LinkedHashMap<>();
        metadata.path("hints").forEach(h -> {
            List<String> values = new ArrayList<>();
            h.path("values").forEach(v -> values.add(v.path("value").asText()));
            hints.put(h.path("name").asText(), values);
        });
        assertThat(hints.get(CONNECTION + "auth-type"))
                .containsExactlyElementsOf(Arrays.stream(AuthType.values()).map(AuthType::id).toList());
        assertThat(hints.get(CONNECTION + "deployment")).containsExactly("cloud", "server", "auto");
        metadata.path("hints").forEach(h -> h.path("values")
                .forEach(v -> assertThat(v.path("description").asText()).as(v.toString()).isNotBlank()));
    }

    static Map<String, Object> render() throws Exception {
        List<Map<String, Object>> properties = new ArrayList<>();
        properties.add(property(PREFIX + ".enabled", "java.lang.Boolean",
                "Whether to enable auto configuration of the jiraspoke component. This is enabled by default.",
                true));
        properties.add(property(PREFIX + ".customizer.enabled", "java.lang.Boolean",
                "Whether the component customizer of this starter configures the jiraspoke component.", true));
        JsonNode component;
        try (InputStream in = SpringMetadataTest.class.getResourceAsStream("/META-INF/io/jiraspoke/camel/jiraspoke.json")) {
            component = JSON.readTree(in).path("componentProperties");
        }
        component.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            String name = PREFIX + "." + PropertyNames.kebab(e.getKey());
            if (e.getKey().equals("connections")) {
                properties.add(property(name, "java.util.Map<java.lang.String,io.jiraspoke.camel.JiraSpokeConnection>",
                        p.path("description").asText() + " Each setting is " + CONNECTION.replace("*", "<name>")
                        + "<setting>, or " + PREFIX + ".connections[<name>].<setting>.", null));
            } else {
                properties.add(property(name, boxed(p.path("javaType").asText()), p.path("description").asText(),
                        p.has("defaultValue") ? p.get("defaultValue") : null));
            }
        });
        for (ConnectionOption o : ConnectionOption.values()) {
            Map<String, Object> p = property(CONNECTION + PropertyNames.kebab(o.id()), typeOf(o.type()),
                    o.description() + requiredBy(o) + (o.isSecret()
                            ? " A secret: masked in logs and in Actuator's env and configprops." : ""),
                    defaultOf(o.defaultValue()));
            p.put("sourceType", "io.jiraspoke.camel.JiraSpokeConnection");
            properties.add(p);
        }
        List<Map<String, Object>> authTypes = new ArrayList<>();
        for (AuthType t : AuthType.values()) {
            authTypes.add(value(t.id(), "Jira " + (t.impliedDeployment() == Deployment.CLOUD ? "Cloud" : "Data Center")
                                        + "; requires " + Arrays.stream(ConnectionOption.values())
                                                .filter(o -> o.isRequiredFor(t)).map(ConnectionOption::id)
                                                .collect(Collectors.joining(", ")) + "."));
        }
        List<Map<String, Object>> deployments = List.of(
                value("cloud", "Jira Cloud (REST v3, ADF)."),
                value("server", "Jira Data Center or Server (REST v2, wiki text)."),
                value("auto", "Asks Jira's serverInfo once and refuses to start when the answer contradicts the auth"
                              + " type."));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("properties", properties);
        root.put("hints", List.of(hint(CONNECTION + "auth-type", authTypes), hint(CONNECTION + "deployment",
                deployments)));
        return root;
    }

    private static String requiredBy(ConnectionOption o) {
        List<String> types = Arrays.stream(AuthType.values()).filter(o::isRequiredFor).map(AuthType::id).toList();
        return types.isEmpty() ? "" : " Required with authType " + String.join(", ", types) + ".";
    }

    private static Map<String, Object> property(String name, String type, String description, Object defaultValue) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("type", type);
        p.put("description", description);
        if (defaultValue != null) {
            p.put("defaultValue", defaultValue);
        }
        return p;
    }

    private static Map<String, Object> value(String value, String description) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", value);
        v.put("description", description);
        return v;
    }

    private static Map<String, Object> hint(String name, List<Map<String, Object>> values) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("name", name);
        h.put("values", values);
        return h;
    }

    static String typeOf(Class<?> type) {
        if (type == boolean.class) {
            return "java.lang.Boolean";
        } else if (type == int.class) {
            return "java.lang.Integer";
        } else if (type == double.class) {
            return "java.lang.Double";
        }
        return type.getName();
    }

    private static String boxed(String javaType) {
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            default -> javaType;
        };
    }

    /** Durations as Spring writes them (10s, 2m); other values as they are. */
    private static Object defaultOf(Object value) {
        if (value instanceof Duration d) {
            return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
        }
        return value;
    }
}
