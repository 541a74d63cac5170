package io.jiraspoke.camel.action;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraComment;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IssueAddCommentActionTest extends ActionTestSupport {

    private static final String ADD = "issue/addComment";

    @Test
    void cloudTurnsTextIntoAdfParagraphsAndMapsTheCreatedComment() throws Exception {
        jira.stubFor(post("/rest/api/3/issue/PROJ-123/comment").willReturn(created(json("cloud-comment-10042.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "issueKey=PROJ-123"),
                "Looks good: deployed to staging.\nRollout at 14:00.\n\nÜbergabe an das Team in 東京.", Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/comment")).withRequestBody(equalToJson("""
                {"body":{"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Looks good: deployed to staging."},
                                                 {"type":"hardBreak"},{"type":"text","text":"Rollout at 14:00."}]},
                  {"type":"paragraph","content":[{"type":"text","text":"Übergabe an das Team in 東京."}]}]}}
                """, false, false)));
        JiraComment c = ex.getMessage().getBody(JiraComment.class);
        assertThat(c.getId()).isEqualTo("10042");
        assertThat(c.getBody()).isEqualTo("Looks good: deployed to staging.");
        assertThat(c.getBodyAdf().path("type").asText()).isEqualTo("doc");
        assertThat(c.getAuthor().getAccountId()).isEqualTo("712020:5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b");
        assertThat(c.getUpdateAuthor().getDisplayName()).isEqualTo("Integration Bot");
        assertThat(c.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 10, 20, 0, 0, ZoneOffset.UTC));
        assertThat(c.isEdited()).isFalse();
        assertThat(c.getVisibilityType()).isNull();
        assertThat(c.getIssueKey()).isEqualTo("PROJ-123");
        assertThat(c.getIssueId()).as("read from the comment's self").isEqualTo("10123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10042");
    }

    @Test
    void dataCenterSendsWikiTextAsIsWithTheVisibility() throws Exception {
        jira.stubFor(post("/rest/api/2/issue/PROJ-123/comment").willReturn(created(json("dc-comment-10042.json"))));
        start(Flavor.DC);
        String wiki = "h3. Deployed\n* to *staging*\n* {{build 42}}\n\n[~alovelace] please verify";

        Exchange ex = send(uri(Flavor.DC, ADD, "issueKey=PROJ-123&visibilityType=Role&visibilityValue=Developers"),
                wiki, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-123/comment")).withRequestBody(equalToJson("""
                {"body":"h3. Deployed\\n* to *staging*\\n* {{build 42}}\\n\\n[~alovelace] please verify",
                 "visibility":{"type":"role","value":"Developers"}}
                """, false, false)));
        JiraComment c = ex.getMessage().getBody(JiraComment.class);
        assertThat(c.getBody()).isEqualTo("Looks good: deployed to staging.");
        assertThat(c.getBodyAdf()).isNull();
        assertThat(c.getAuthor().getName()).isEqualTo("svc-camel");
        assertThat(c.getIssueId()).isEqualTo("20123");
    }

    @Test
    void cloudSendsAnAdfDocumentAsIsAndRestrictsToAGroup() throws Exception {
        jira.stubFor(post("/rest/api/3/issue/PROJ-123/comment").willReturn(created(json("cloud-comment-10042.json"))));
        start(Flavor.CLOUD);
        String adf = """
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                  {"type":"text","text":"Deployed ","marks":[{"type":"strong"}]},
                  {"type":"mention","attrs":{"id":"5b10a2844c20165700ede21g","text":"@Grace Hopper"}}]}]}
                """;

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "issueKey=PROJ-123"), tree(adf), Map.of(
                JiraSpokeConstants.VISIBILITY_TYPE, "group", JiraSpokeConstants.VISIBILITY_VALUE, "jira-developers"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/comment")).withRequestBody(equalToJson(
                "{\"body\":" + adf + ",\"visibility\":{\"type\":\"group\",\"value\":\"jira-developers\"}}", false,
                false)));
    }

    @Test
    void aCommentAsJiraTakesItKeepsItsOwnVisibilityAndPropertiesOverTheOptions() throws Exception {
        jira.stubFor(post("/rest/api/3/issue/PROJ-123/comment?expand=renderedBody")
                .willReturn(created(json("cloud-comment-10042.json"))));
        start(Flavor.CLOUD);
        byte[] body = """
                {"body":"Internal: rollback plan attached",
                 "visibility":{"type":"role","value":"Administrators"},
                 "properties":[{"key":"sd.public.comment","value":{"internal":true}}]}
                """.getBytes(StandardCharsets.UTF_8);

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "issueKey=PROJ-123&visibilityType=role&visibilityValue=Developers"
                                                  + "&expand=renderedBody"), new ByteArrayInputStream(body), Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/comment?expand=renderedBody"))
                .withRequestBody(equalToJson("""
                        {"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                                  {"type":"text","text":"Internal: rollback plan attached"}]}]},
                         "visibility":{"type":"role","value":"Administrators"},
                         "properties":[{"key":"sd.public.comment","value":{"internal":true}}]}
                        """, false, false)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theIssueHeaderWinsOverTheOption(Flavor f) throws Exception {
        jira.stubFor(post(f.api + "/issue/OPS-7/comment").willReturn(created(f.fixture("comment-10042"))));
        start(f);

        Exchange ex = send(uri(f, ADD, "issueKey=PROJ-123"), "Escalated", Map.of(JiraSpokeConstants.ISSUE_KEY, "OPS-7"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue/OPS-7/comment")));
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("OPS-7");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anEmptyOrBlankBodyIsRefused(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123"), null, Map.of()), ADD, "comment text", "empty");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123"), "  \n ", Map.of()), ADD, "blank");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123"), Map.of("body", " "), Map.of()), ADD,
                "'body'", "empty");
    }

    @Test
    void aJsonObjectThatIsNeitherACommentNorAdfIsRefused() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "issueKey=PROJ-123"), Map.of("text", "hello"), Map.of());

        assertRefusedLocally(ex, ADD, "no 'body'", "ADF");
    }

    @Test
    void dataCenterRefusesAnAdfDocument() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ADD, "issueKey=PROJ-123"),
                "{\"type\":\"doc\",\"version\":1,\"content\":[]}", Map.of());

        assertRefusedLocally(ex, ADD, "'body'", "Data Center");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anUnknownVisibilityTypeOrAHalfVisibilityIsRefused(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&visibilityType=team&visibilityValue=Ops"), "x",
                Map.of()), ADD, "'visibilityType'", JiraSpokeConstants.VISIBILITY_TYPE, "role or group", "'team'");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&visibilityValue=Ops"), "x", Map.of()), ADD,
                "'visibilityType'", JiraSpokeConstants.VISIBILITY_TYPE);
    }
}
