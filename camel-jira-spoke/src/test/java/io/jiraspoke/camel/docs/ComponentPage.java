package io.jiraspoke.camel.docs;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generated parts of {@code src/main/docs/jiraspoke-component.adoc}, the component's page in Camel's own
 * documentation format: the option and header tables between Camel's {@code // ... options: START} and
 * {@code END} markers, from the component JSON that camel-package-maven-plugin generates. The prose around them is
 * written by hand and kept as it is.
 */
final class ComponentPage {

    private ComponentPage() {
    }

    /** The page with every generated section rendered anew from the component JSON. */
    static String render(String page, JsonNode json) {
        String out = section(page, "component options", table(json.path("componentProperties"), p -> true,
                "The Jira Spoke component supports " + json.path("componentProperties").size()
                                                                    + " options, which are listed below."));
        out = section(out, "endpoint options", table(json.path("properties"), p -> true,
                "The Jira Spoke endpoint is configured using URI syntax:\n\n----\n"
                                                                                         + json.path("component")
                                                                                                 .path("syntax")
                                                                                                 .asText()
                                                                                         + "\n----\n\nwith the"
                                                                                         + " following path and"
                                                                                         + " query parameters ("
                                                                                         + json.path("properties")
                                                                                                 .size()
                                                                                         + " in all)."));
        return section(out, "endpoint headers", headers(json.path("headers")));
    }

    private static String section(String page, String name, String body) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int s = page.indexOf(start);
        int e = page.indexOf(end);
        if (s < 0 || e < s) {
            throw new IllegalStateException("jiraspoke-component.adoc has no '" + start.trim() + "' ... '" + end
                                            + "' section");
        }
        return page.substring(0, s + start.length()) + body + "\n" + page.substring(e);
    }

    private static String table(JsonNode options, Predicate<JsonNode> include, String intro) {
        StringBuilder sb = new StringBuilder(intro).append("\n\n[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n")
                .append("|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!include.test(p)) {
                continue;
            }
            sb.append("| *").append(e.getKey()).append("* (").append(p.path("group").asText()).append(") | ")
                    .append(p.path("required").asBoolean() ? "*Required* " : "")
                    .append(cell(p.path("description").asText()));
            if (p.has("enum") && !"action".equals(e.getKey())) {
                sb.append(" Values: ");
                p.path("enum").forEach(v -> sb.append('`').append(v.asText()).append("` "));
            }
            sb.append(" | ").append(p.has("defaultValue") ? cell(p.get("defaultValue").asText()) : "")
                    .append(" | ").append(cell(shortType(p.path("javaType").asText()))).append('\n');
        }
        return sb.append("|===").toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder("The Jira Spoke component supports ").append(headers.size())
                .append(" message headers, which are listed below.\n\n")
                .append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n")
                .append("|===\n| Name | Description | Default | Type\n");
        headers.fields().forEachRemaining(e -> sb.append("| `").append(e.getKey()).append("` | ")
                .append(cell(e.getValue().path("description").asText())).append(" | | ")
                .append(cell(shortType(e.getValue().path("javaType").asText()))).append('\n'));
        return sb.append("|===").toString();
    }

    private static String shortType(String javaType) {
        return javaType.replaceAll("(?:[a-z][a-z0-9_]*\\.)+([A-Z])", "$1");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
