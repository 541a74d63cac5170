package io.jiraspoke.camel.action;

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
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IssueUpdateCommentActionTest extends ActionTestSupport {

    private static final String UPDATE = "issue/updateComment";

    @Test
    void cloudSendsTheNewTextAsAdfAndMapsTheEditedComment() throws Exception {
        jira.stubFor(put("/rest/api/3/issue/PROJ-123/comment/10042")
                .willReturn(okJson(json("cloud-comment-10042-edited.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, UPDATE, "issueKey=PROJ-123&commentId=10042&visibilityType=role"
                                                     + "&visibilityValue=Developers"), "Deployed to production.",
                Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/comment/10042"))
                .withRequestBody(equalToJson("""
                        {"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                                  {"type":"text","text":"Deployed to production."}]}]},
                         "visibility":{"type":"role","value":"Developers"}}
                        """, false, false)));
        JiraComment c = ex.getMessage().getBody(JiraComment.class);
        assertThat(c.getBody()).isEqualTo("Deployed to production.");
        assertThat(c.isEdited()).isTrue();
        assertThat(c.getUpdated()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 14, 5, 12, 345_000_000, ZoneOffset.UTC));
        assertThat(c.getVisibilityType()).isEqualTo("role");
        assertThat(c.getVisibilityValue()).isEqualTo("Developers");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10042");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
    }

    @Test
    void dataCenterSendsWikiTextAndTheCommentHeaderWinsOverTheOption() throws Exception {
        jira.stubFor(put("/rest/api/2/issue/PROJ-123/comment/10077")
                .willReturn(okJson(json("dc-comment-10042-edited.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, UPDATE, "issueKey=PROJ-123&commentId=10042"), "Deployed to *production*.",
                Map.of(JiraSpokeConstants.COMMENT_ID, " 10077 "));

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-123/comment/10077"))
                .withRequestBody(equalToJson("{\"body\":\"Deployed to *production*.\"}", false, false)));
        assertThat(ex.getMessage().getBody(JiraComment.class).getBody()).isEqualTo("Deployed to production.");
        assertThat(ex.getMessage().getBody(JiraComment.class).getBodyWiki()).isEqualTo("Deployed to *production*.");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10077");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMissingCommentIdIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, UPDATE, "issueKey=PROJ-123"), "New text", Map.of());

        assertRefusedLocally(ex, UPDATE, "'commentId'", JiraSpokeConstants.COMMENT_ID);
    }

    @Test
    void aCommentIdThatCouldLeaveThePathIsRefused() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, UPDATE, "issueKey=PROJ-123"), "New text",
                Map.of(JiraSpokeConstants.COMMENT_ID, "10042/../../../myself"));

        assertRefusedLocally(ex, UPDATE, "'commentId'", "a number");
    }

    @Test
    void anEmptyBodyIsRefusedBeforeAnythingIsSent() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, UPDATE, "issueKey=PROJ-123&commentId=10042"), "", Map.of());

        assertRefusedLocally(ex, UPDATE, "comment text");
    }
}
