package io.jiraspoke.camel.action;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraAttachment;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/latestAttachment: only the attachment field is asked for, the newest by created wins (the same instant in
 * another offset is the same time; among equal times the highest id, compared as a number), and an issue without
 * attachments gives a null body, count 0 and no attachment id header.
 */
class IssueLatestAttachmentActionTest extends ActionTestSupport {

    @Test
    void cloudTheNewestOfEqualTimesIsTheHighestId() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-123"))
                .willReturn(okJson(json("cloud-issue-attachments.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/latestAttachment", "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraAttachment a = ex.getMessage().getBody(JiraAttachment.class);
        // 9999, 10010 (11:15:30+01:00) and 10012 were attached at the same instant; 9999 sorts last only as text
        assertThat(a.getId()).isEqualTo("10012");
        assertThat(a.getFilename()).isEqualTo("trace.txt");
        // an empty file has size 0, not "unknown"
        assertThat(a.getSize()).isZero();
        assertThat(a.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 10, 15, 30, 0, ZoneOffset.UTC));
        assertThat(a.getAuthor().getDisplayName()).isEqualTo("Grace Hopper");
        assertThat(a.getContent()).isEqualTo("https://example.atlassian.net/rest/api/3/attachment/content/10012");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID)).isEqualTo("10012");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_COUNT)).isEqualTo(4);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123?fields=attachment")));
    }

    @Test
    void dataCenterSizeMayBeMissingAndTheIssueKeyComesFromJira() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/20123")).withQueryParam("fields", equalTo("attachment"))
                .willReturn(okJson(json("dc-issue-attachments.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/latestAttachment", "issueKey=PROJ-1"), null,
                Map.of(JiraSpokeConstants.ISSUE_KEY, "20123"));

        assertThat(ex.getException()).isNull();
        JiraAttachment a = ex.getMessage().getBody(JiraAttachment.class);
        // 20005 (10:25:30Z) and 20007 (11:25:30+01:00) are the same instant
        assertThat(a.getId()).isEqualTo("20007");
        assertThat(a.getFilename()).isEqualTo("Prüfbericht ✓.txt");
        assertThat(a.getSize()).isNull();
        assertThat(a.getAuthor().getName()).isEqualTo("svc-camel");
        assertThat(a.getContent()).isEqualTo("https://jira.example.com/jira/secure/attachment/20007/Pr%C3%BCfbericht+%E2%9C%93.txt");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_COUNT)).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CLOUD | {\"id\":\"10123\",\"key\":\"PROJ-123\",\"fields\":{\"attachment\":[]}}",
            "DC    | {\"id\":\"20123\",\"key\":\"PROJ-123\",\"fields\":{\"attachment\":[]}}",
            // attachments switched off, or the field hidden from this user: Jira leaves it out
            "DC    | {\"id\":\"20123\",\"key\":\"PROJ-123\",\"fields\":{}}" })
    void anIssueWithoutAttachmentsGivesNoBodyAndCountZero(Flavor f, String answer) throws Exception {
        jira.stubFor(get(urlEqualTo(f.api + "/issue/PROJ-123?fields=attachment")).willReturn(okJson(answer)));
        start(f);

        // what an earlier step left must not pass for this issue's attachment
        Exchange ex = send(uri(f, "issue/latestAttachment", "issueKey=PROJ-123"), "earlier body",
                Map.of(JiraSpokeConstants.ATTACHMENT_ID, "10001"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_COUNT)).isEqualTo(0);
        assertThat(ex.getMessage().getHeaders()).doesNotContainKey(JiraSpokeConstants.ATTACHMENT_ID);
    }
}
