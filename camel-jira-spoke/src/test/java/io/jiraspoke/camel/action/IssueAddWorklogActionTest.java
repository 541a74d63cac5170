package io.jiraspoke.camel.action;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraTime;
import io.jiraspoke.camel.model.JiraWorklog;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/addWorklog: POST .../worklog with the time spent, started in Jira's format, the comment and the estimate. */
class IssueAddWorklogActionTest extends ActionTestSupport {

    private static final String ADD = "issue/addWorklog";

    @Test
    void cloudSendsTheTimeStartedInJirasFormatAndTheCommentAsAdfAndMapsTheWorklog() throws Exception {
        jira.stubFor(post("/rest/api/3/issue/PROJ-123/worklog").willReturn(created(json("cloud-worklog-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "issueKey=PROJ-123&timeSpent=RAW(3h 20m)"
                                                  + "&started=RAW(2026-11-28T10:00:00+01:00)"),
                "Pairing on the checkout fix.\nÜbergabe an 東京.", Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/worklog")).withRequestBody(equalToJson("""
                {"timeSpent":"3h 20m","started":"2026-11-28T10:00:00.000+0100",
                 "comment":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                   {"type":"text","text":"Pairing on the checkout fix."},{"type":"hardBreak"},
                   {"type":"text","text":"Übergabe an 東京."}]}]}}
                """, false, false)));
        JiraWorklog w = ex.getMessage().getBody(JiraWorklog.class);
        assertThat(w.getId()).isEqualTo("100028");
        assertThat(w.getIssueId()).isEqualTo("10123");
        assertThat(w.getIssueKey()).isEqualTo("PROJ-123");
        assertThat(w.getTimeSpent()).isEqualTo("3h 20m");
        assertThat(w.getTimeSpentSeconds()).isEqualTo(12000L);
        assertThat(w.getStarted()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.UTC));
        assertThat(w.getComment()).isEqualTo("Pairing on the checkout fix.");
        assertThat(w.getCommentAdf().path("type").asText()).isEqualTo("doc");
        assertThat(w.getCommentWiki()).isNull();
        assertThat(w.getAuthor().getDisplayName()).isEqualTo("Integration Bot");
        assertThat(w.isEdited()).isFalse();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.WORKLOG_ID)).isEqualTo("100028");
    }

    @Test
    void dataCenterSendsSecondsAWikiCommentAndTheEstimateAdjustmentFromHeaders() throws Exception {
        jira.stubFor(post(urlPathEqualTo("/rest/api/2/issue/PROJ-123/worklog"))
                .willReturn(created(json("dc-worklog-created.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ADD, "issueKey=PROJ-123&started=2026-11-28"), "*Pairing* on {{checkout}}",
                Map.of(JiraSpokeConstants.TIME_SPENT_SECONDS, "2700", JiraSpokeConstants.ADJUST_ESTIMATE, "New",
                        JiraSpokeConstants.NEW_ESTIMATE, "2d 4h"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-123/worklog?adjustEstimate=new"
                                                   + "&newEstimate=2d%204h"))
                .withRequestBody(equalToJson("""
                        {"timeSpentSeconds":2700,"started":"2026-11-28T00:00:00.000+0000",
                         "comment":"*Pairing* on {{checkout}}"}
                        """, false, false)));
        JiraWorklog w = ex.getMessage().getBody(JiraWorklog.class);
        assertThat(w.getCommentWiki()).isEqualTo("Pairing on the checkout fix.");
        assertThat(w.getAuthor().getName()).isEqualTo("svc-camel");
        assertThat(w.getIssueId()).isEqualTo("20123");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutStartedTheWorkStartedNowByJirasClockAndWithoutABodyThereIsNoComment(Flavor f) throws Exception {
        jira.stubFor(post(urlPathEqualTo(f.api + "/issue/PROJ-123/worklog"))
                .willReturn(created(f.fixture("worklog-created"))));
        start(f);
        Instant before = Instant.now();

        Exchange ex = send(uri(f, ADD, "issueKey=PROJ-123&timeSpent=45m&adjustEstimate=manual&reduceBy=30m"), null,
                Map.of());

        assertThat(ex.getException()).isNull();
        LoggedRequest r = jira.findAll(postRequestedFor(urlPathEqualTo(f.api + "/issue/PROJ-123/worklog"))).get(0);
        assertThat(r.getUrl()).endsWith("?adjustEstimate=manual&reduceBy=30m");
        JsonNode sent = tree(r.getBodyAsString());
        assertThat(sent.has("comment")).isFalse();
        assertThat(sent.path("timeSpent").asText()).isEqualTo("45m");
        String started = sent.path("started").asText();
        assertThat(started).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
        assertThat(Duration.between(before, JiraTime.parse(started).toInstant()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aWorklogAsJiraTakesItWinsOverTheOptionsAndItsStartedIsPutInJirasFormat() throws Exception {
        jira.stubFor(post("/rest/api/3/issue/PROJ-123/worklog").willReturn(created(json("cloud-worklog-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "issueKey=PROJ-123&timeSpent=1h&started=2026-11-01T08:00:00Z"), """
                {"timeSpentSeconds":12000,"started":"2026-11-28T09:00:00Z","comment":"Review",
                 "visibility":{"type":"group","identifier":"276f955c-63d7-42c8-9520-92d01dca0625"}}
                """, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/worklog")).withRequestBody(equalToJson("""
                {"timeSpentSeconds":12000,"started":"2026-11-28T09:00:00.000+0000",
                 "comment":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                   {"type":"text","text":"Review"}]}]},
                 "visibility":{"type":"group","identifier":"276f955c-63d7-42c8-9520-92d01dca0625"}}
                """, false, false)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void badTimesAndEstimatesAreRefusedNamingTheOption(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123"), "Work", Map.of()),
                ADD, "'timeSpent'", "'timeSpentSeconds'");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&timeSpent=1h&timeSpentSeconds=3600"), null, Map.of()),
                ADD, "'timeSpent'", "'timeSpentSeconds'", "not both");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123"), null, Map.of(JiraSpokeConstants.TIME_SPENT,
                "three hours")), ADD, "'timeSpent'", JiraSpokeConstants.TIME_SPENT, "three hours");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&timeSpent=0m"), null, Map.of()),
                ADD, "'timeSpent'", "more than no time");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&timeSpentSeconds=-5"), null, Map.of()),
                ADD, "'timeSpentSeconds'", JiraSpokeConstants.TIME_SPENT_SECONDS);
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&timeSpent=1h&started=RAW(28.11.2026 10:00)"), null,
                Map.of()), ADD, "'started'", JiraSpokeConstants.STARTED);
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&timeSpent=1h&adjustEstimate=shrink"), null,
                Map.of()), ADD, "'adjustEstimate'", "auto, new, leave or manual");
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&timeSpent=1h&adjustEstimate=new"), null, Map.of()),
                ADD, "'newEstimate'", JiraSpokeConstants.NEW_ESTIMATE);
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123&timeSpent=1h&reduceBy=1h"), null, Map.of()),
                ADD, "'reduceBy'", "adjustEstimate=manual");
        assertRefusedLocally(send(uri(f, ADD, "timeSpent=1h"), null, Map.of()),
                ADD, "'issueKey'", JiraSpokeConstants.ISSUE_KEY);
        assertRefusedLocally(send(uri(f, ADD, "issueKey=PROJ-123"), "{\"timeSpent\":\"1h\",\"timeSpentSeconds\":60}",
                Map.of()), ADD, "\"timeSpent\"", "\"timeSpentSeconds\"");
    }
}
