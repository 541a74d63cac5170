package io.jiraspoke.camel.action;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IssueGetActionTest extends ActionTestSupport {

    @Test
    void cloudIssueWithAdfDescription() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-123"))
                .willReturn(okJson(json("cloud-issue-PROJ-123.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/get", "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getKey()).isEqualTo("PROJ-123");
        assertThat(issue.getId()).isEqualTo("10123");
        assertThat(issue.getSelf()).isEqualTo("https://example.atlassian.net/rest/api/3/issue/10123");
        assertThat(issue.getSummary()).isEqualTo("Checkout fails with a saved card");
        assertThat(issue.getStatus()).isEqualTo("In Progress");
        assertThat(issue.getIssueType()).isEqualTo("Bug");
        assertThat(issue.getProjectKey()).isEqualTo("PROJ");
        assertThat(issue.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 27, 15, 41, 7, 392_000_000, ZoneOffset.UTC));
        assertThat(issue.getUpdated()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 10, 15, 30, 0, ZoneOffset.UTC));
        assertThat(issue.getDescription()).isEqualTo("Paying with a saved card fails with HTTP 502.\n"
                                                     + "Reported by @Grace Hopper\n"
                                                     + "\n"
                                                     + "- Open the basket\n"
                                                     + "- Pay with the saved Visa");
        assertThat(issue.getDescriptionAdf().path("content").get(1).path("type").asText()).isEqualTo("bulletList");
        assertThat(issue.getDescriptionRaw()).isSameAs(issue.getDescriptionAdf());
        assertThat(issue.getDescriptionWiki()).isNull();
        assertThat(issue.getFieldValue("customfield_10016")).isEqualTo(5.0);
        assertThat(issue.getFieldValue("labels")).isEqualTo(List.of("checkout", "regression"));
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("10123");
        // issue/get asks for all fields by default: no fields or expand parameter
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123")));
    }

    @Test
    void dataCenterIssueWithWikiDescription() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/PROJ-123"))
                .willReturn(okJson(json("dc-issue-PROJ-123.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/get", "issueKey=PROJ-123"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getKey()).isEqualTo("PROJ-123");
        assertThat(issue.getId()).isEqualTo("20123");
        assertThat(issue.getSummary()).isEqualTo("Checkout fails with a saved card");
        // the same plain text as the Cloud issue gives, from wiki markup
        assertThat(issue.getDescription())
                .isEqualTo("Paying with a saved card fails with HTTP 502.\n\n1. Open the basket\n2. Pay with the saved Visa");
        assertThat(issue.getDescriptionWiki())
                .isEqualTo("Paying with a saved card fails with {{HTTP 502}}.\r\n\r\n# Open the basket\r\n# Pay with the saved Visa");
        assertThat(issue.getDescriptionRaw().asText()).isEqualTo(issue.getDescriptionWiki());
        assertThat(issue.getDescriptionAdf()).isNull();
        assertThat(issue.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 27, 16, 41, 7, 392_000_000, ZoneOffset.ofHours(1)));
        assertThat(issue.getFieldValue("customfield_10106")).isEqualTo(5.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> assignee = (Map<String, Object>) issue.getFieldValue("assignee");
        assertThat(assignee).containsEntry("name", "alovelace");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("20123");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-123"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void fieldsAndExpandOptionsBecomeQueryParameters(Flavor f) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(okJson(f.fixture("issue-PROJ-123"))));
        start(f);

        Exchange ex = send(uri(f, "issue/get", "issueKey=PROJ-123&fields=summary,status&expand=renderedFields,names"),
                null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlPathEqualTo(f.api + "/issue/PROJ-123"))
                .withQueryParam("fields", equalTo("summary,status"))
                .withQueryParam("expand", equalTo("renderedFields,names")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideEndpointOptions(Flavor f) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(okJson(f.fixture("issue-PROJ-123"))));
        start(f);

        Exchange ex = send(uri(f, "issue/get", "issueKey=PROJ-1&fields=summary&expand=names"), null,
                Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ-123",
                        JiraSpokeConstants.FIELDS, "summary,description,customfield_10016",
                        JiraSpokeConstants.EXPAND, "changelog"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraIssue.class).getKey()).isEqualTo("PROJ-123");
        jira.verify(1, getRequestedFor(urlPathEqualTo(f.api + "/issue/PROJ-123"))
                .withQueryParam("fields", equalTo("summary,description,customfield_10016"))
                .withQueryParam("expand", equalTo("changelog")));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }
}
