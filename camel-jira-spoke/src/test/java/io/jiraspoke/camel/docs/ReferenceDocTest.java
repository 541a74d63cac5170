package io.jiraspoke.camel.docs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.catalog.ActionVariant;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.producer.JiraSpokeProducers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/reference.md equal to what the code says: the action catalogue and the option/header metadata that
 * camel-package-maven-plugin generates into the component JSON. After changing options or actions, regenerate with
 * {@code mvn -pl camel-jira-spoke test -Dtest=ReferenceDocTest -Djiraspoke.updateDocs=true} and commit the file.
 */
class ReferenceDocTest {

    private static final Path DOC = Path.of("..", "docs", "reference.md");

    @Test
    void referenceDocMatchesTheCode() throws Exception {
        String expected = render();
        if (Boolean.getBoolean("jiraspoke.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC.toAbsolutePath() + " exists").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/reference.md is stale: run mvn -pl camel-jira-spoke test -Dtest=ReferenceDocTest"
                    + " -Djiraspoke.updateDocs=true")
                .isEqualTo(expected);
    }

    static String render() throws Exception {
        JsonNode json;
        try (InputStream in = ReferenceDocTest.class.getResourceAsStream("/META-INF/io/jiraspoke/camel/jiraspoke.json")) {
            json = JiraJson.MAPPER.readTree(in);
        }
        StringBuilder md = new StringBuilder();
        md.append("# jiraspoke reference\n\n")
                .append("<!-- Generated from the code by ReferenceDocTest; do not edit. Regenerate with:\n")
                .append("     mvn -pl camel-jira-spoke test -Dtest=ReferenceDocTest -Djiraspoke.updateDocs=true -->\n\n")
                .append("URI: `").append(json.path("component").path("syntax").asText()).append("[?options]`")
                .append(" where `action` is `family/verb`.\n\n");
        actions(md);
        md.append("## Component options\n\n");
        options(md, json.path("componentProperties"));
        md.append("## Endpoint options\n\n")
                .append("Options marked *connection* configure an inline connection; on a named connection they"
                        + " are set without the prefix (`camel.component.jiraspoke.connections[<name>].<option>`)."
                        + " Consumers of this component poll every 60 s by default (`delay=60000`), not Camel's"
                        + " usual 500 ms.\n\n");
        options(md, json.path("properties"));
        md.append("## Message headers\n\n| header | type | description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            md.append("| `").append(h.getKey()).append("` | ").append(simpleType(h.getValue().path("javaType").asText()))
                    .append(" | ").append(cell(h.getValue().path("description").asText())).append(" |\n");
        }
        return md.toString();
    }

    private static void actions(StringBuilder md) {
        md.append("## Actions\n\n")
                .append("Deployments: `server<=9` / `server>=10` name Data Center major versions. *Not with* lists auth"
                        + " types Jira refuses for the action. Scoped connections (scoped API token, OAuth) need"
                        + " either all classic or all granular scopes; `*` means any scope, `-` none.\n\n")
                .append("| action | kind | available | deployments | not with | classic scopes | granular scopes |"
                        + " what it does |\n|---|---|---|---|---|---|---|---|\n");
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            for (ActionVariant v : a.variants()) {
                String available = JiraSpokeProducers.isImplemented(a)
                        ? (a == JiraSpokeAction.ISSUE_SEARCH ? "producer, consumer" : "producer") : "not yet";
                md.append("| `").append(a.id()).append("` | ").append(a.kind().name().toLowerCase()).append(" | ")
                        .append(available).append(" | ").append(v.deploymentsText()).append(" | ")
                        .append(String.join(", ", v.excludedAuth().stream().map(AuthType::id).toList())).append(" | ")
                        .append(scopes(v, true)).append(" | ").append(scopes(v, false)).append(" | ")
                        .append(cell(v.description())).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static String scopes(ActionVariant v, boolean classic) {
        if (v.acceptsAnyScope()) {
            return "*";
        }
        var s = classic ? v.classicScopes() : v.granularScopes();
        return s.isEmpty() ? "-" : String.join(" ", s);
    }

    private static void options(StringBuilder md, JsonNode props) {
        md.append("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String group = p.path("group").asText();
            if (p.has("configurationField")) {
                group = group + ", connection";
            }
            if (p.path("secret").asBoolean()) {
                group = group + ", secret";
            }
            String type = p.has("enum") ? String.join(" \\| ", iterable(p.get("enum"))) : simpleType(p.path("javaType").asText());
            if ("action".equals(e.getKey())) {
                type = "see Actions";
            }
            md.append("| `").append(e.getKey()).append("` | ").append(group).append(" | ").append(cell(type))
                    .append(" | ").append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "")
                    .append(" | ").append(cell(p.path("description").asText())).append(" |\n");
        }
        md.append('\n');
    }

    private static Iterable<String> iterable(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String simpleType(String javaType) {
        return javaType.replaceAll("[a-z0-9_]+\\.", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
