package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IssueDeleteCommentActionTest extends ActionTestSupport {

    private static final String DELETE = "issue/deleteComment";

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deletesTheCommentAndLeavesTheBodyAsItWas(Flavor f) throws Exception {
        jira.stubFor(delete(f.api + "/issue/PROJ-123/comment/10042").willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, DELETE, "issueKey=PROJ-123"), "the body",
                Map.of(JiraSpokeConstants.COMMENT_ID, "10042"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/comment/10042")));
        assertThat(ex.getMessage().getBody()).isEqualTo("the body");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.COMMENT_ID)).isEqualTo("10042");
    }

    @Test
    void anIssueKeyIsEncodedAsOnePathSegment() throws Exception {
        jira.stubFor(delete("/rest/api/3/issue/PROJ%2F1%3F/comment/10042").willReturn(noContent()));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, DELETE, "commentId=10042"), null,
                Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ/1?"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ%2F1%3F/comment/10042")));
    }

    @Test
    void jiraRefusingTheDeleteIsABadRequestNamingTheRequest() throws Exception {
        // Cloud answers 400 when the user may not delete the comment
        jira.stubFor(delete("/rest/api/3/issue/PROJ-123/comment/10042").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"errorMessages\":[\"You do not have the permission to delete this comment.\"],"
                          + "\"errors\":{}}")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, DELETE, "issueKey=PROJ-123&commentId=10042"), null, Map.of());

        JiraSpokeBadRequestException e = failure(ex, JiraSpokeBadRequestException.class);
        assertThat(e.getMessage()).contains("DELETE /rest/api/3/issue/PROJ-123/comment/10042",
                "You do not have the permission to delete this comment.");
        assertThat(ex.getMessage().getHeaders()).doesNotContainKey(JiraSpokeConstants.COMMENT_ID);
    }
}
