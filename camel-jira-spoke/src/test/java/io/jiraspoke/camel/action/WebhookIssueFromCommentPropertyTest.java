package io.jiraspoke.camel.action;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import io.jiraspoke.camel.support.OpenApiContract;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives as a "comment webhook payload" (mutated real payloads, random JSON, truncated text, values of
 * the wrong type, huge and non-ASCII strings, in every body form), webhook/issueFromComment either answers an
 * issue or fails with an exception of the component's {@link JiraSpokeException} hierarchy: never a
 * NullPointerException, ClassCastException or anything else a route's error handling would not expect. Payloads
 * that lead to a request get answers of every kind from the stand-in Jira (an issue, 404, an HTML page).
 */
class WebhookIssueFromCommentPropertyTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("webhookEvent", "issue", "comment", "key", "id", "self", "fields",
            "body", "author", "timestamp", "issue_event_type_name");
    private static final List<String> PATHS = List.of("", "webhookEvent", "issue", "issue.key", "issue.id",
            "issue.fields", "issue.self", "comment", "comment.id", "comment.self", "comment.body", "comment.author");

    private static WireMockServer jira;
    private static CamelContext context;
    private static ProducerTemplate template;
    private static JsonNode cloudPayload;
    private static JsonNode dcPayload;

    @BeforeContainer
    static void startJiraAndCamel() throws Exception {
        jira = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .notifier(new com.github.tomakehurst.wiremock.common.Slf4jNotifier(false)));
        jira.start();
        jira.stubFor(get(urlPathMatching("/rest/api/[23]/issue/[^/]*")).atPriority(10)
                .willReturn(json(read("dc-issue-PROJ-123.json"))));
        jira.stubFor(get(urlPathMatching("/rest/api/[23]/issue/[^/]*7")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"Issue Does Not Exist\"],\"errors\":{}}")));
        jira.stubFor(get(urlPathMatching("/rest/api/[23]/issue/[^/]*9")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Log in</body></html>")));
        context = new DefaultCamelContext();
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("cloud", JiraSpokeConnection.basicApiToken(jira.baseUrl(),
                JiraSpokeTestSupport.CLOUD_EMAIL, JiraSpokeTestSupport.CLOUD_API_TOKEN));
        component.addConnection("dc", JiraSpokeConnection.personalAccessToken(jira.baseUrl(),
                JiraSpokeTestSupport.DC_PAT));
        context.addComponent("jiraspoke", component);
        context.start();
        template = context.createProducerTemplate();
        cloudPayload = JiraJson.MAPPER.readTree(read("cloud-webhook-comment_created.json"));
        dcPayload = JiraJson.MAPPER.readTree(read("dc-webhook-comment_created.json"));
    }

    @AfterContainer
    static void stopAll() throws Exception {
        try {
            context.stop();
            List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent = jira.getAllServeEvents().stream()
                    .map(ServeEvent::getRequest).toList();
            assertThat(OpenApiContract.problems(sent)).as("requests not matching the Jira Cloud OpenAPI spec")
                    .isEmpty();
        } finally {
            jira.stop();
        }
    }

    @Property(tries = 400)
    void mutatedPayloadsAnswerAnIssueOrAJiraSpokeException(@ForAll("mutatedPayloads") JsonNode payload,
                                                            @ForAll("bodyForms") Function<JsonNode, Object> form,
                                                            @ForAll boolean cloud) {
        assertOnlyJiraSpokeExceptions(form.apply(payload), cloud);
    }

    @Property(tries = 200)
    void truncatedPayloadsAnswerAnIssueOrAJiraSpokeException(@ForAll("truncatedPayloads") String text,
                                                             @ForAll boolean cloud) {
        assertOnlyJiraSpokeExceptions(text, cloud);
        assertOnlyJiraSpokeExceptions(text.getBytes(StandardCharsets.UTF_8), cloud);
    }

    @Property(tries = 200)
    void randomJsonAnswersAnIssueOrAJiraSpokeException(@ForAll("anyJson") JsonNode node,
                                                       @ForAll("bodyForms") Function<JsonNode, Object> form,
                                                       @ForAll boolean cloud) {
        assertOnlyJiraSpokeExceptions(form.apply(node), cloud);
    }

    @Property(tries = 100)
    void randomBytesAndTextAnswerAJiraSpokeException(@ForAll("anyBytes") byte[] bytes, @ForAll boolean cloud) {
        assertOnlyJiraSpokeExceptions(bytes, cloud);
        assertOnlyJiraSpokeExceptions(new String(bytes, StandardCharsets.ISO_8859_1), cloud);
    }

    private static void assertOnlyJiraSpokeExceptions(Object body, boolean cloud) {
        Exchange ex = template.send("jiraspoke:webhook/issueFromComment?connection=" + (cloud ? "cloud" : "dc"),
                e -> e.getIn().setBody(body));
        Exception e = ex.getException();
        if (e != null) {
            assertThat(e).as("the failure of a payload").isInstanceOf(JiraSpokeException.class);
            assertThat(e.getMessage()).as("its message").isNotBlank().hasSizeLessThan(2_000);
        } else {
            JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
            assertThat(issue).as("the answer").isNotNull();
            assertThat(issue.getKey()).as("the issue's key").isNotBlank();
            String commentId = ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID, String.class);
            assertThat(commentId == null || commentId.chars().allMatch(Character::isDigit)).as(commentId).isTrue();
        }
    }

    // generators

    @Provide
    Arbitrary<JsonNode> mutatedPayloads() {
        Arbitrary<Function<JsonNode, JsonNode>> mutation = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(PATHS), value(3))
                        .as((path, v) -> (Function<JsonNode, JsonNode>) n -> set(n, path, v)),
                Arbitraries.of(PATHS).map(path -> (Function<JsonNode, JsonNode>) n -> remove(n, path)),
                Combinators.combine(Arbitraries.of("comment.self", "issue.key", "comment.id"), selfLike())
                        .as((path, v) -> (Function<JsonNode, JsonNode>) n -> set(n, path, TextNode.valueOf(v))));
        return Combinators.combine(Arbitraries.of(true, false), mutation.list().ofMinSize(1).ofMaxSize(3))
                .as((cloud, mutations) -> {
                    JsonNode n = (cloud ? cloudPayload : dcPayload).deepCopy();
                    for (Function<JsonNode, JsonNode> m : mutations) {
                        n = m.apply(n);
                    }
                    return n;
                });
    }

    @Provide
    Arbitrary<String> truncatedPayloads() {
        return Combinators.combine(Arbitraries.of(cloudPayload.toString(), dcPayload.toString()),
                Arbitraries.doubles().between(0, 1)).as((text, cut) -> text.substring(0, (int) (text.length() * cut)));
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return value(4);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<Function<JsonNode, Object>> bodyForms() {
        return Arbitraries.<Function<JsonNode, Object>>of(
                n -> n,
                JsonNode::toString,
                n -> n.toString().getBytes(StandardCharsets.UTF_8),
                n -> new ByteArrayInputStream(n.toString().getBytes(StandardCharsets.UTF_8)),
                n -> n.isObject() ? JiraJson.MAPPER.convertValue(n, new TypeReference<Map<String, Object>>() {
                }) : n.toString());
    }

    /** Strings a payload might carry: short ones of any characters, Jira-like URLs and ids, and huge ones. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(2, Arbitraries.strings().withChars("äöü東京😀\u0000\u202e\"\\/").ofMaxLength(20)),
                Tuple.of(3, selfLike()),
                Tuple.of(1, Arbitraries.integers().between(50_000, 200_000)
                        .flatMap(n -> Arbitraries.of("x", "é", "😀", "/").map(s -> s.repeat(n)))));
    }

    /** Comment URLs with every kind of issue segment, and ids and keys that look almost right. */
    private static Arbitrary<String> selfLike() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(5)
                        .map(p -> p + "-" + Math.abs(p.hashCode() % 1000)),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("..", "%2e%2e", "ABC-", "-1", "9".repeat(25), "ABC-1?x=1", "ABC-1#x"));
        return Combinators.combine(Arbitraries.of("https://jira.example.com", "", "http://[::1]", "jira"),
                Arbitraries.of("/rest/api/2/issue/", "/rest/api/3/issue/", "/rest/api/latest/issue/", "/issue/"),
                segment, Arbitraries.of("/comment/", "/comment", "/"), segment)
                .as((host, api, issue, comment, id) -> host + api + issue + comment + id);
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.just(NullNode.getInstance()),
                Arbitraries.of(true, false).map(BooleanNode::valueOf),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.doubles().map(DoubleNode::valueOf),
                text().map(TextNode::valueOf));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode a = F.arrayNode();
            a.addAll(items);
            return a;
        });
        Arbitrary<JsonNode> object = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().all().ofMaxLength(10)).list()
                        .ofMaxSize(4),
                value(depth - 1).list().ofSize(4)).as((keys, values) -> {
                    ObjectNode o = F.objectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        o.set(keys.get(i), values.get(i));
                    }
                    return o;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(2, object));
    }

    /** The payload with the value at a dotted path replaced (the whole payload for the empty path). */
    private static JsonNode set(JsonNode root, String path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        List<String> parts = new ArrayList<>(List.of(path.split("\\.")));
        String last = parts.remove(parts.size() - 1);
        JsonNode parent = root;
        for (String p : parts) {
            parent = parent.path(p);
        }
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        }
        return root;
    }

    private static JsonNode remove(JsonNode root, String path) {
        if (path.isEmpty()) {
            return F.objectNode();
        }
        List<String> parts = new ArrayList<>(List.of(path.split("\\.")));
        String last = parts.remove(parts.size() - 1);
        JsonNode parent = root;
        for (String p : parts) {
            parent = parent.path(p);
        }
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        }
        return root;
    }

    private static String read(String name) {
        try (var in = WebhookIssueFromCommentPropertyTest.class.getResourceAsStream("/jira/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }
}
