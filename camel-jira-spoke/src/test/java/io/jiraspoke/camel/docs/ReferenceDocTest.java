package io.jiraspoke.camel.docs;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.ConnectionOption;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.catalog.ActionVariant;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.JiraSpokeConsumers;
import io.jiraspoke.camel.producer.JiraSpokeProducers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/reference.md equal to what the code says: the action catalogue (with each action's options from the
 * catalogue and its inputs and outputs from the producer method's {@link ActionDoc}), the connection settings table,
 * the option and header metadata that camel-package-maven-plugin generates into the component JSON, and the getters
 * of the result types with their javadoc. After changing any of these, regenerate with
 * {@code mvn -pl camel-jira-spoke test -Dtest=ReferenceDocTest -Djiraspoke.updateDocs=true} and commit the file.
 */
class ReferenceDocTest {

    private static final Path DOC = Path.of("..", "docs", "reference.md");
    private static final Path COMPONENT_PAGE = Path.of("src", "main", "docs", "jiraspoke-component.adoc");
    private static final Path MODEL_SOURCES = Path.of("src", "main", "java", "io", "jiraspoke", "camel", "model");
    private static final List<String> STREAM_PRODUCER_OPTIONS = List.of("pageSize", "limit", "outputType");

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

    /** The component's page in Camel's documentation format: its option and header tables are generated. */
    @Test
    void componentPageMatchesTheMetadata() throws Exception {
        String page = Files.readString(COMPONENT_PAGE, StandardCharsets.UTF_8);
        String expected = ComponentPage.render(page, componentJson());
        if (Boolean.getBoolean("jiraspoke.updateDocs")) {
            Files.writeString(COMPONENT_PAGE, expected, StandardCharsets.UTF_8);
            page = expected;
        }
        assertThat(page).as(COMPONENT_PAGE + " is stale: run mvn -pl camel-jira-spoke test -Dtest=ReferenceDocTest"
                            + " -Djiraspoke.updateDocs=true").isEqualTo(expected);
    }

    static JsonNode componentJson() throws Exception {
        try (InputStream in = ReferenceDocTest.class.getResourceAsStream("/META-INF/io/jiraspoke/camel/jiraspoke.json")) {
            return JiraJson.MAPPER.readTree(in);
        }
    }

    static String render() throws Exception {
        JsonNode json = componentJson();
        StringBuilder md = new StringBuilder();
        md.append("# jiraspoke reference\n\n")
                .append("<!-- Generated from the code by ReferenceDocTest; do not edit. Regenerate with:\n")
                .append("     mvn -pl camel-jira-spoke test -Dtest=ReferenceDocTest -Djiraspoke.updateDocs=true -->\n\n")
                .append("URI: `").append(json.path("component").path("syntax").asText()).append("[?options]`")
                .append(" where `action` is `family/verb`. Every action option can be overridden for one message"
                        + " by the header `CamelJiraSpoke<Option>` (e.g. `issueKey` by `CamelJiraSpokeIssueKey`);"
                        + " the action itself cannot. An option the action does not read refuses to start.\n\n");
        catalogue(md);
        actions(md, json.path("properties"));
        connectionSettings(md);
        md.append("## Component options\n\n");
        options(md, json.path("componentProperties"), p -> true);
        md.append("## Endpoint options\n\n")
                .append("What every endpoint may set, whatever its action. Stream options (`pageSize`, `limit`,"
                        + " `outputType`) apply to stream actions, consumer options to consumers. The action"
                        + " options below them are read only by the actions listed for each.\n\n");
        options(md, json.path("properties"), p -> !p.has("configurationField"));
        md.append("## Action options\n\n");
        actionOptions(md, json.path("properties"));
        md.append("## Message headers\n\n| header | type | description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> h = it.next();
            md.append("| `").append(h.getKey()).append("` | ").append(simpleType(h.getValue().path("javaType").asText()))
                    .append(" | ").append(cell(h.getValue().path("description").asText())).append(" |\n");
        }
        md.append('\n');
        results(md);
        return md.toString();
    }

    private static String available(JiraSpokeAction a) {
        List<String> roles = new ArrayList<>();
        if (JiraSpokeProducers.isImplemented(a)) {
            roles.add("producer");
        }
        if (JiraSpokeConsumers.isImplemented(a)) {
            roles.add("consumer");
        }
        return roles.isEmpty() ? "not yet" : String.join(", ", roles);
    }

    private static void catalogue(StringBuilder md) {
        md.append("## Actions\n\n")
                .append("Deployments: `server<=9` / `server>=10` name Data Center major versions. *Not with* lists auth"
                        + " types Jira refuses for the action. Scoped connections (scoped API token, OAuth) need"
                        + " either all classic or all granular scopes; `*` means any scope, `-` none. *Writes*:"
                        + " refused on read-only connections. *Consumer*: incremental (a watermark with overlap) or"
                        + " list (every item, or only new and changed ones). *(extension)*: a deployment the"
                        + " spoke leaves out, where the component offers the action through another API of"
                        + " Jira's.\n\n")
                .append("| action | kind | available | deployments | not with | classic scopes | granular scopes |"
                        + " writes | consumer | what it does |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            for (ActionVariant v : a.variants()) {
                md.append("| `").append(a.id()).append("` | ").append(a.kind().name().toLowerCase()).append(" | ")
                        .append(available(a)).append(" | ").append(v.deploymentsText())
                        .append(v.isExtension() ? " (extension)" : "").append(" | ")
                        .append(String.join(", ", v.excludedAuth().stream().map(AuthType::id).toList())).append(" | ")
                        .append(scopes(v, true)).append(" | ").append(scopes(v, false)).append(" | ")
                        .append(a.writes() ? "yes" : "").append(" | ")
                        .append(a.feed() == JiraSpokeAction.Feed.NO_FEED ? "" : a.feed().name().toLowerCase())
                        .append(" | ").append(cell(v.description())).append(" |\n");
            }
        }
        md.append('\n');
    }

    /** Per implemented action: what goes in (options, headers, body) and what comes out (body, headers). */
    private static void actions(StringBuilder md, JsonNode props) {
        md.append("## What each action takes and returns\n\n");
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            if (!JiraSpokeProducers.isImplemented(a) && !JiraSpokeConsumers.isImplemented(a)) {
                continue;
            }
            md.append("### `").append(a.id()).append("`\n\n").append(capital(a.variants().get(0).description()))
                    .append(". Available as ").append(available(a)).append(".\n\n");
            List<String> options = new ArrayList<>(a.options());
            if (a.isStream()) {
                options.addAll(STREAM_PRODUCER_OPTIONS);
            }
            if (options.isEmpty()) {
                md.append("- Options: none.\n");
            } else {
                md.append("- Options: ").append(String.join(", ", options.stream().map(o -> "`" + o + "`").toList()))
                        .append(".\n");
                md.append("- Headers read: ").append(a.kind() == JiraSpokeAction.Kind.EVENTS
                        ? "none (the options are read once, when the consumer starts)"
                        : a.options().isEmpty() ? "none"
                        : String.join(", ", a.options().stream().map(o -> "`" + header(o) + "`").toList()))
                        .append(".\n");
            }
            for (ActionVariant v : a.variants()) {
                Method m = JiraSpokeProducers.method(v);
                ActionDoc doc = m == null ? null : m.getAnnotation(ActionDoc.class);
                if (doc == null) {
                    continue;
                }
                String on = a.variants().size() > 1
                        ? " (" + v.deploymentsText() + (v.isExtension() ? ", extension" : "") + ")" : "";
                md.append("- Body in").append(on).append(": ").append(doc.body().isEmpty() ? "not read" : doc.body())
                        .append('\n');
                md.append("- Body out").append(on).append(": ").append(doc.returns()).append('\n');
                md.append("- Headers set").append(on).append(": ").append(headers(doc.headers())).append('\n');
            }
            Method feed = JiraSpokeConsumers.feed(a);
            if (feed != null) {
                ConsumerFeed f = feed.getAnnotation(ConsumerFeed.class);
                md.append("- As a consumer (").append(a.feed().name().toLowerCase()).append("): ").append(f.emits())
                        .append("; headers ").append(headers(f.headers())).append(".")
                        .append(a.feed() == JiraSpokeAction.Feed.EVENTS
                                ? " Jira pushes the events: the polling options do not apply; see"
                                  + " [webhooks.md](webhooks.md).\n"
                                : " Consumer options: "
                                  + (a.feed() == JiraSpokeAction.Feed.INCREMENTAL ? "`startFrom`, `overlap`"
                                          : "`startFrom`, `emit`")
                                  + ", `stateRepository`, `stateKey`, `maxMessagesPerPoll`, `maxDeliveryAttempts`,"
                                  + " `delay` and Camel's scheduler options.\n");
            }
            md.append('\n');
        }
    }

    private static String headers(String[] names) {
        return names.length == 0 ? "none" : String.join(", ", Arrays.stream(names).map(h -> "`" + h + "`").toList());
    }

    static String header(String option) {
        return "CamelJiraSpoke" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    private static void connectionSettings(StringBuilder md) {
        md.append("## Connection settings\n\n")
                .append("Set on a named connection (`camel.component.jiraspoke.connections[<name>].<setting>`, a"
                        + " `JiraSpokeConnection` bean) or inline on an endpoint as `connection.<setting>`. R:"
                        + " required, o: optional, -: refused (the connection does not start).\n\n")
                .append("| setting | type | default | secret |");
        for (AuthType t : AuthType.values()) {
            md.append(' ').append(t.id()).append(" |");
        }
        md.append(" description |\n|---|---|---|---|");
        for (int i = 0; i < AuthType.values().length; i++) {
            md.append("---|");
        }
        md.append("---|\n");
        for (ConnectionOption o : ConnectionOption.values()) {
            md.append("| `").append(o.id()).append("` | ").append(o.type().getSimpleName()).append(" | ")
                    .append(o.defaultValue() == null ? "" : "`" + o.defaultValue() + "`").append(" | ")
                    .append(o.isSecret() ? "yes" : "").append(" |");
            for (AuthType t : AuthType.values()) {
                md.append(' ').append(o.isRequiredFor(t) ? "R" : o.isAllowedFor(t) ? "o" : "-").append(" |");
            }
            md.append(' ').append(cell(o.description())).append(" |\n");
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

    private static void options(StringBuilder md, JsonNode props, java.util.function.Predicate<JsonNode> which) {
        md.append("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (which.test(e.getValue())) {
                row(md, e.getKey(), e.getValue(), null);
            }
        }
        md.append('\n');
    }

    private static void actionOptions(StringBuilder md, JsonNode props) {
        md.append("| option | type | default | read by | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().has("configurationField")) {
                List<String> readers = Arrays.stream(JiraSpokeAction.values())
                        .filter(a -> a.options().contains(e.getKey())).map(a -> "`" + a.id() + "`").toList();
                row(md, e.getKey(), e.getValue(), readers.isEmpty() ? "none yet" : String.join(", ", readers));
            }
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, JsonNode p, String readers) {
        String group = p.path("group").asText();
        if (p.path("secret").asBoolean()) {
            group = group + ", secret";
        }
        String type = p.has("enum") ? String.join(" \\| ", iterable(p.get("enum"))) : simpleType(p.path("javaType").asText());
        if ("action".equals(name)) {
            type = "see Actions";
        }
        String shown = p.has("prefix") ? "`" + p.get("prefix").asText() + "*`" : "`" + name + "`";
        md.append("| ").append(shown).append(" | ");
        if (readers == null) {
            md.append(group).append(" | ");
        }
        md.append(cell(type)).append(" | ").append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "")
                .append(" | ");
        if (readers != null) {
            md.append(readers).append(" | ");
        }
        md.append(cell(p.path("description").asText())).append(" |\n");
    }

    /** The public getters of the result types, with the first sentence of their javadoc from the sources. */
    private static void results(StringBuilder md) throws Exception {
        md.append("## Result types\n\n")
                .append("Bodies are typed objects that Simple reads by property (`${body.key}`); `getRaw()` is Jira's"
                        + " JSON as received, for anything the getters do not cover.\n\n");
        List<Path> sources;
        try (var files = Files.list(MODEL_SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path source : sources) {
            String simple = source.getFileName().toString().replace(".java", "");
            Class<?> type = Class.forName("io.jiraspoke.camel.model." + simple);
            Map<String, String> javadoc = getterDocs(Files.readString(source, StandardCharsets.UTF_8));
            List<Method> getters = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                                 && m.getParameterCount() == 0 && (m.getName().startsWith("get")
                                                                   || m.getName().startsWith("is")))
                    .sorted(Comparator.comparing(Method::getName)).toList();
            if (getters.isEmpty() || !type.getSimpleName().startsWith("Jira")) {
                continue;
            }
            md.append("### `").append(simple).append("`\n\n| property | type | description |\n|---|---|---|\n");
            for (Method m : getters) {
                String property = m.getName().startsWith("is") ? decap(m.getName().substring(2))
                        : decap(m.getName().substring(3));
                md.append("| `").append(property).append("` | ").append(cell(m.getGenericReturnType().getTypeName()
                        .replaceAll("[a-z0-9_]+\\.", ""))).append(" | ")
                        .append(cell(javadoc.getOrDefault(m.getName(), ""))).append(" |\n");
            }
            md.append('\n');
        }
    }

    /**
     * A javadoc comment (never running past its end) and the getter it documents, annotations between them skipped; unrolled, so that it does not
     * recurse once per character and overflow the stack on a javadoc of several lines.
     */
    private static final Pattern GETTER_DOC = Pattern.compile(
            "/\\*\\*([^*]*+(?:\\*(?!/)[^*]*+)*+)\\*/\\s*(?:@\\w+\\s+)*public\\s+[\\w.<>,\\s\\[\\]]+?\\s+(\\w+)\\(\\)");

    static Map<String, String> getterDocs(String source) {
        Map<String, String> docs = new LinkedHashMap<>();
        Matcher m = GETTER_DOC.matcher(source);
        while (m.find()) {
            String text = m.group(1).replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`")
                    .replaceAll("\\s+", " ").strip();
            docs.put(m.group(2), text);
        }
        return docs;
    }

    private static String decap(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Iterable<String> iterable(JsonNode array) {
        List<String> out = new ArrayList<>();
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
