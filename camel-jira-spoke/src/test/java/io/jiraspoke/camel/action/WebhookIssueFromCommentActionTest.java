package io.jiraspoke.camel.action;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * webhook/issueFromComment: a Cloud comment payload carries its issue and costs no request; a Data Center
 * comment_created payload names the issue only in comment.self, and the issue is fetched by that id.
 */
class WebhookIssueFromCommentActionTest extends ActionTestSupport {

    private static final String ACTION = "webhook/issueFromComment";

    static Stream<Arguments> bodyForms() {
        String json = json("cloud-webhook-comment_created.json");
        return Stream.of(
                Arguments.of("String", json),
                Arguments.of("bytes", json.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("stream", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))),
                Arguments.of("JsonNode", tree(json)),
                Arguments.of("Map", JiraJson.MAPPER.convertValue(tree(json), new TypeReference<Map<String, Object>>() {
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyForms")
    void aCloudPayloadGivesItsIssueWithoutCallingJira(String form, Object body) throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, ""), body, Map.of());

        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getKey()).isEqualTo("PROJ-123");
        assertThat(issue.getId()).isEqualTo("10123");
        assertThat(issue.getSummary()).isEqualTo("Checkout fails with a saved card");
        assertThat(issue.getStatus()).isEqualTo("In Progress");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("10123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10042");
        jira.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aDataCenterPayloadWithoutItsIssueFetchesItByTheIdInCommentSelf() throws Exception {
        jira.stubFor(get("/rest/api/2/issue/20123").willReturn(okJson(json("dc-issue-PROJ-123.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ACTION, ""), json("dc-webhook-comment_created.json"), Map.of());

        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getKey()).isEqualTo("PROJ-123");
        assertThat(issue.getId()).isEqualTo("20123");
        assertThat(issue.getDescription()).startsWith("Paying with a saved card");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10042");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/issue/20123")));
    }

    @Test
    void onlyTheIdOfCommentSelfIsUsedNeverItsHost() throws Exception {
        jira.stubFor(get("/rest/api/2/issue/20123").willReturn(okJson(json("dc-issue-PROJ-123.json"))));
        start(Flavor.DC);
        ObjectNode payload = (ObjectNode) tree(json("dc-webhook-comment_created.json"));
        ((ObjectNode) payload.get("comment")).put("self", "https://attacker.example/jira/rest/api/2/issue/20123/comment/10042");

        Exchange ex = send(uri(Flavor.DC, ACTION, ""), payload, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/issue/20123")));
    }

    @Test
    void aCommentIdSentAsANumberIsReadAsText() throws Exception {
        start(Flavor.CLOUD);
        ObjectNode payload = (ObjectNode) tree(json("cloud-webhook-comment_created.json"));
        ((ObjectNode) payload.get("comment")).put("id", 10042);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, ""), payload, Map.of());

        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10042");
    }

    static Stream<Arguments> notCommentPayloads() {
        return Stream.of(
                Arguments.of("not JSON", "comment_created", new String[] { "JSON object", "'comment_created'" }),
                Arguments.of("a JSON array", "[{\"comment\":{}}]", new String[] { "JSON object" }),
                Arguments.of("no comment", "{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"PROJ-1\"}}",
                        new String[] { "no 'comment' object" }),
                Arguments.of("comment is text", "{\"webhookEvent\":\"comment_created\",\"comment\":\"hello\"}",
                        new String[] { "'comment'", "the text 'hello'" }),
                Arguments.of("a foreign event", "{\"webhookEvent\":\"page_created\",\"comment\":{\"id\":\"1\"}}",
                        new String[] { "webhookEvent", "'page_created'" }),
                Arguments.of("a GitHub issue_comment", "{\"action\":\"created\",\"issue\":{\"id\":1,\"number\":7},"
                                                       + "\"comment\":{\"id\":99,\"body\":\"hi\"}}",
                        new String[] { "issue.key", "missing" }),
                Arguments.of("issue is a number", "{\"webhookEvent\":\"comment_created\",\"issue\":42,"
                                                  + "\"comment\":{\"id\":\"1\"}}",
                        new String[] { "'issue'", "number" }),
                Arguments.of("no issue and no self", "{\"webhookEvent\":\"comment_created\",\"comment\":{\"id\":\"1\"}}",
                        new String[] { "comment.self", "missing" }),
                Arguments.of("self is not a Jira comment URL", "{\"webhookEvent\":\"comment_created\",\"comment\":"
                                                               + "{\"id\":\"1\",\"self\":\"https://jira.example.com/x\"}}",
                        new String[] { "comment.self", "not a Jira comment URL" }),
                Arguments.of("self names a path, not an issue", "{\"comment\":{\"id\":\"1\",\"self\":"
                                                                + "\"https://j/rest/api/2/issue/..%2F..%2Fmyself/comment/1\"}}",
                        new String[] { "not a Jira comment URL" }),
                Arguments.of("comment id is not a number", "{\"webhookEvent\":\"comment_updated\",\"issue\":"
                                                           + "{\"key\":\"PROJ-1\"},\"comment\":{\"id\":\"x\"}}",
                        new String[] { "comment.id", "the text 'x'" }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCommentPayloads")
    void whatIsNoJiraCommentPayloadIsRefusedClearly(String what, String body, String[] words) throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ACTION, ""), body, Map.of());

        assertRefusedLocally(ex, ACTION);
        assertRefusedLocally(ex, words);
    }

    @Test
    void anEmptyBodyIsRefused() throws Exception {
        start(Flavor.CLOUD);

        assertRefusedLocally(send(uri(Flavor.CLOUD, ACTION, ""), null, Map.of()), ACTION, "empty");
    }
}
