package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraAttachment;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/deleteAttachment: the attachment by option, header or a JiraAttachment body; a non-numeric id is refused. */
class IssueDeleteAttachmentActionTest extends ActionTestSupport {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theHeaderWinsOverTheOptionAndTheBodyStays(Flavor f) throws Exception {
        jira.stubFor(delete(urlEqualTo(f.api + "/attachment/10044")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/deleteAttachment", "attachmentId=10001"), "kept",
                Map.of(JiraSpokeConstants.ATTACHMENT_ID, "10044"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("kept");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID)).isEqualTo("10044");
        jira.verify(1, deleteRequestedFor(urlEqualTo(f.api + "/attachment/10044"))
                .withHeader("Authorization", f == Flavor.DC ? equalTo("Bearer " + DC_PAT)
                        : equalTo("Basic " + java.util.Base64.getEncoder().encodeToString(
                                (CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes()))));
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aJiraAttachmentBodyNamesTheAttachment(Flavor f) throws Exception {
        jira.stubFor(delete(urlEqualTo(f.api + "/attachment/20005")).willReturn(noContent()));
        start(f);
        // as issue/latestAttachment left it: Data Center sends the id as a string, Cloud's metadata as a number
        JiraAttachment latest = new JiraAttachment(tree("{\"id\":20005,\"filename\":\"notes.txt\"}"));

        Exchange ex = send(uri(f, "issue/deleteAttachment", ""), latest, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID)).isEqualTo("20005");
        jira.verify(1, deleteRequestedFor(urlEqualTo(f.api + "/attachment/20005")));
    }

    @Test
    void anIdThatIsNotANumberIsRefused() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/deleteAttachment", "attachmentId=PROJ-1"), null, Map.of());

        assertRefusedLocally(ex, "issue/deleteAttachment", "'attachmentId'", "numeric", "'PROJ-1'");
    }

    @Test
    void aBodyWithoutAnIdIsNoAttachment() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/deleteAttachment", ""),
                new JiraAttachment(tree("{\"filename\":\"notes.txt\"}")), Map.of());

        assertRefusedLocally(ex, "issue/deleteAttachment", "'attachmentId'", JiraSpokeConstants.ATTACHMENT_ID,
                "JiraAttachment");
    }
}
