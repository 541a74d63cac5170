package io.jiraspoke.camel.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.jiraspoke.camel.model.JiraAttachment;
import io.jiraspoke.camel.model.JiraComment;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraSprint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed getters of JiraIssue on issues read with issue/get, and fields read by display name: through the
 * connection's field list on Cloud, through the names Jira sends with expand=names on Data Center.
 */
class IssueTypedFieldsTest extends ActionTestSupport {

    private String simple(Exchange ex, String expression) {
        return context.resolveLanguage("simple").createExpression(expression).evaluate(ex, String.class);
    }

    private Exchange getIssue(Flavor f, String fixture, String options) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/issue/PROJ-125")).willReturn(okJson(f.fixture(fixture))));
        jira.stubFor(get(f.api + "/field").willReturn(okJson(f.fixture("fields"))));
        start(f);
        Exchange ex = send(uri(f, "issue/get", "issueKey=PROJ-125" + options), null, Map.of());
        assertThat(ex.getException()).as("exception").isNull();
        return ex;
    }

    @Test
    void cloudGettersReadTheCommonFields() throws Exception {
        Exchange ex = getIssue(Flavor.CLOUD, "issue-PROJ-125", "");
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);

        assertThat(issue.getAssignee()).as("unassigned").isNull();
        assertThat(issue.hasField("assignee")).as("yet the field was returned").isTrue();
        assertThat(issue.getReporter().getAccountId()).isEqualTo("712020:9a8b7c6d-1e2f-4a3b-8c9d-0e1f2a3b4c5d");
        assertThat(issue.getReporter().getDisplayName()).isEqualTo("Grace Hopper");
        assertThat(issue.getCreator()).as("not returned").isNull();
        assertThat(issue.getPriority()).isEqualTo("Medium");
        assertThat(issue.getLabels()).as("returned, none set").isEmpty();
        assertThat(issue.getComponents()).containsExactly("Web shop", "Kasse (Österreich)");
        assertThat(issue.getResolution()).isEqualTo("Done");
        assertThat(issue.getResolved()).isTrue();
        assertThat(issue.getResolutionDate()).isEqualTo(OffsetDateTime.of(2026, 11, 30, 17, 2, 44, 145_000_000,
                ZoneOffset.UTC));
        assertThat(issue.getParent()).isEqualTo("PROJ-100");
        assertThat(issue.getDueDate()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(issue.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 9, 12, 0, 0, ZoneOffset.UTC));

        assertThat(issue.getAttachments()).singleElement().satisfies(a -> {
            assertThat(a.getId()).as("a number in Jira's JSON").isEqualTo("10000");
            assertThat(a.getFilename()).isEqualTo("declined-card.png");
            assertThat(a.getSize()).isEqualTo(23123L);
            assertThat(a.getMimeType()).isEqualTo("image/png");
            assertThat(a.getAuthor().getDisplayName()).isEqualTo("Grace Hopper");
            assertThat(a.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 21, 10, 15, 3, 0, ZoneOffset.UTC));
            assertThat(a.getContent()).isEqualTo("https://example.atlassian.net/rest/api/3/attachment/content/10000");
            assertThat(a.getRaw().path("thumbnail").asText()).isEqualTo(a.getThumbnail());
        });
        // one comment returned out of three: the total says so
        assertThat(issue.getCommentTotal()).isEqualTo(3);
        assertThat(issue.getComments()).singleElement().satisfies(c -> {
            assertThat(c.getId()).isEqualTo("10040");
            assertThat(c.getBody()).isEqualTo("Deployed to staging.");
            assertThat(c.getBodyAdf().path("type").asText()).isEqualTo("doc");
            assertThat(c.getAuthor().getDisplayName()).isEqualTo("Ada Lovelace");
            assertThat(c.getUpdateAuthor().getAccountId()).isEqualTo("712020:3f1c7a0e-5d2b-4c8a-9e61-0b7d2f4a9c55");
            assertThat(c.getUpdated()).isAfter(c.getCreated());
            assertThat(c.getRaw().path("jsdPublic").asBoolean()).isTrue();
        });
        // numbers stay numbers, and 0 is not absent
        assertThat(issue.getFieldValue("customfield_10016")).isEqualTo(0.0);
        assertThat(issue.getFieldValue("customfield_10001")).as("returned empty").isNull();
        assertThat(issue.hasField("customfield_10001")).isTrue();
        assertThat(issue.hasField("customfield_10107")).isFalse();
    }

    @Test
    void cloudSprintIsFoundThroughTheFieldListOnce() throws Exception {
        Exchange ex = getIssue(Flavor.CLOUD, "issue-PROJ-125", "");
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);

        assertThat(issue.getSprints()).extracting(JiraSprint::getName).containsExactly("PROJ Sprint 11", "PROJ Sprint 12");
        JiraSprint closed = issue.getSprints().get(0);
        assertThat(closed.getId()).isEqualTo("6");
        assertThat(closed.getState()).isEqualTo("closed");
        assertThat(closed.getBoardId()).isEqualTo("1");
        assertThat(closed.getGoal()).isEqualTo("Tokenised cards");
        assertThat(closed.getCompleteDate()).isEqualTo(OffsetDateTime.of(2026, 11, 24, 8, 41, 12, 331_000_000,
                ZoneOffset.UTC));
        assertThat(simple(ex, "${body.sprint.name} ${body.sprint.state} ${body.sprint.id}"))
                .isEqualTo("PROJ Sprint 12 active 7");
        assertThat(issue.getSprint().getGoal()).as("an empty goal stays empty").isEmpty();
        assertThat(issue.getSprint().getCompleteDate()).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/field")));
    }

    @Test
    void cloudFieldsByDisplayNameInSimple() throws Exception {
        Exchange ex = getIssue(Flavor.CLOUD, "issue-PROJ-125", "");

        assertThat(simple(ex, "${body.field[Story Points]}")).isEqualTo("8.0");
        assertThat(simple(ex, "${body.field[story points]}")).as("case does not matter").isEqualTo("8.0");
        assertThat(simple(ex, "${body.field[customfield_10028]}")).isEqualTo("8.0");
        assertThat(simple(ex, "${body.field[Story point estimate]}")).isEqualTo("0.0");
        assertThat(simple(ex, "${body.field[Priority][name]}")).isEqualTo("Medium");
        assertThat(simple(ex, "${body.reporter.displayName}")).isEqualTo("Grace Hopper");
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getFieldValue("Deployed at")).as("a field that exists but was not returned").isNull();
        assertThat(issue.hasField("Deployed at")).isFalse();
        // two fields are named Team on this site: which one is meant cannot be guessed
        assertThatThrownBy(() -> issue.getFieldValue("Team")).hasMessageContaining("'Team' is ambiguous")
                .hasMessageContaining("customfield_10001").hasMessageContaining("customfield_10100");
        assertThatThrownBy(() -> issue.getFieldValue("Story Pionts")).hasMessageContaining("no field is named")
                .hasMessageContaining("'Story Points' (customfield_10028");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/field")));
    }

    @Test
    void cloudSchemaInTheAnswerIsUsedFirst() throws Exception {
        String withSchema = Flavor.CLOUD.fixture("issue-PROJ-125").replaceFirst("\\{", """
                {"schema":{"customfield_10020":{"type":"array","items":"json",
                  "custom":"com.pyxis.greenhopper.jira:gh-sprint","customId":10020},
                  "summary":{"type":"string","system":"summary"}},
                """);
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-125")).willReturn(okJson(withSchema)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/get", "issueKey=PROJ-125&expand=schema"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(simple(ex, "${body.sprint.name}")).isEqualTo("PROJ Sprint 12");
        jira.verify(0, getRequestedFor(urlEqualTo("/rest/api/3/field")));
    }

    @Test
    void fieldsNotAskedForAreNullWhileEmptyOnesAreEmpty() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-125")).willReturn(okJson("""
                {"id":"10125","key":"PROJ-125","self":"https://example.atlassian.net/rest/api/3/issue/10125",
                 "fields":{"summary":"Saved cards survive a token refresh","labels":[],"comment":{"comments":[],
                 "maxResults":0,"total":0,"startAt":0}}}
                """)));
        jira.stubFor(get("/rest/api/3/field").willReturn(okJson(Flavor.CLOUD.fixture("fields"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/get", "issueKey=PROJ-125&fields=summary,labels,comment"), null,
                Map.of());

        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getLabels()).isEmpty();
        assertThat(issue.getComments()).isEmpty();
        assertThat(issue.getCommentTotal()).isZero();
        assertThat(issue.getComponents()).isNull();
        assertThat(issue.getAttachments()).isNull();
        assertThat(issue.getResolved()).isNull();
        assertThat(issue.getSprints()).isNull();
        assertThat(issue.getSprint()).isNull();
        assertThat(issue.getPriority()).isNull();
    }

    @Test
    void dataCenterSprintTextAndNamesFromExpand() throws Exception {
        Exchange ex = getIssue(Flavor.DC, "issue-PROJ-125", "&expand=names");
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);

        assertThat(issue.getAssignee().getName()).isEqualTo("alovelace");
        assertThat(issue.getAssignee().getId()).isEqualTo("alovelace");
        assertThat(issue.getReporter().getKey()).isEqualTo("JIRAUSER10000");
        assertThat(issue.getLabels()).containsExactly("checkout");
        assertThat(issue.getComponents()).isEmpty();
        assertThat(issue.getResolution()).isNull();
        assertThat(issue.getResolved()).as("returned, unresolved").isFalse();
        assertThat(issue.getDueDate()).isNull();
        assertThat(issue.getParent()).isNull();
        assertThat(issue.getAttachments()).isEmpty();
        assertThat(issue.getCommentTotal()).isZero();

        // Data Center's v2 API sends Jira Software's text form of a sprint
        assertThat(issue.getSprints()).hasSize(2);
        JiraSprint closed = issue.getSprints().get(0);
        assertThat(closed.getId()).isEqualTo("6");
        assertThat(closed.getBoardId()).isEqualTo("1");
        assertThat(closed.getState()).isEqualTo("closed");
        assertThat(closed.getGoal()).as("a comma inside the goal").isEqualTo("Tokenised cards, 3DS");
        assertThat(closed.getStartDate()).isEqualTo(OffsetDateTime.of(2026, 11, 10, 10, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(closed.getRaw().isTextual()).isTrue();
        JiraSprint future = issue.getSprint();
        assertThat(future.getName()).as("no sprint active: the last").isEqualTo("PROJ Sprint 12");
        assertThat(future.getState()).isEqualTo("future");
        assertThat(future.getStartDate()).isNull();
        assertThat(future.getGoal()).isNull();

        // names come with the issue: the field list is needed only for the sprint field
        assertThat(simple(ex, "${body.field[Story Points]}")).isEqualTo("0.0");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/field")));
    }

    @Test
    void dataCenterAmbiguousNameSentWithTheIssue() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/issue/PROJ-125"))
                .willReturn(okJson(Flavor.DC.fixture("issue-PROJ-125"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/get", "issueKey=PROJ-125&expand=names"), null, Map.of());
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);

        assertThatThrownBy(() -> issue.getFieldValue("Team")).hasMessageContaining("'Team' is ambiguous")
                .hasMessageContaining("customfield_10400").hasMessageContaining("customfield_11200");
        assertThat(issue.getFieldValue("Component/s")).isEqualTo(java.util.List.of());
        jira.verify(0, getRequestedFor(urlEqualTo("/rest/api/2/field")));
    }

    @Test
    void anIssueBuiltByHandCannotResolveNames() {
        JiraIssue issue = new JiraIssue(tree(Flavor.CLOUD.fixture("issue-PROJ-123")));

        assertThat(issue.getFieldValue("customfield_10016")).isEqualTo(5.0);
        assertThat(issue.getSprints()).as("no schema, no connection").isNull();
        assertThatThrownBy(() -> issue.getFieldValue("Story Points")).hasMessageContaining("use the field id");
        assertThat(new JiraAttachment(tree("{\"id\":\"1\"}")).getSize()).isNull();
        assertThat(new JiraComment(tree("{\"id\":\"1\"}")).getBody()).isNull();
    }
}
