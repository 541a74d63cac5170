package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import io.jiraspoke.camel.model.JiraChangelog;
import io.jiraspoke.camel.model.JiraFieldChange;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/changelog as a producer: Cloud's paged changelog ({@code values}, {@code isLast}), and Data Center's whole
 * history from {@code expand=changelog}, put oldest first.
 */
class IssueChangelogActionTest extends ActionTestSupport {

    private static final String CHANGELOG = "issue/changelog";
    private static final String CLOUD_PAGE = "/rest/api/3/issue/PROJ-123/changelog?startAt=%d&maxResults=2";
    private static final String DC_ISSUE = "/rest/api/2/issue/PROJ-123?fields=updated&expand=changelog";

    @Test
    void cloudPagesUntilIsLastAndMapsEntriesAndTheirChanges() throws Exception {
        jira.stubFor(get(urlEqualTo(CLOUD_PAGE.formatted(0))).willReturn(okJson(json("cloud-changelog-page1.json"))));
        jira.stubFor(get(urlEqualTo(CLOUD_PAGE.formatted(2))).willReturn(okJson("""
                {"startAt":2,"maxResults":2,"total":3,"isLast":true,"values":[
                  {"id":"10502","created":"2026-11-28T09:30:00.000+0000","items":[
                    {"field":"resolution","fieldtype":"jira","fieldId":"resolution","from":null,"fromString":null,
                     "to":"10000","toString":"Done"}]}]}
                """)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, CHANGELOG, "issueKey=PROJ-123&pageSize=2"), null, Map.of());

        assertThat(ex.getException()).isNull();
        List<?> entries = ex.getMessage().getBody(List.class);
        assertThat(entries).extracting(e -> ((JiraChangelog) e).getId()).containsExactly("10500", "10501", "10502");
        JiraChangelog second = (JiraChangelog) entries.get(1);
        assertThat(second.getAuthor().getDisplayName()).isEqualTo("Integration Bot");
        assertThat(second.getCreated().toInstant()).hasToString("2026-11-28T09:01:00Z");
        assertThat(second.getIssueKey()).isEqualTo("PROJ-123");
        List<JiraFieldChange> changes = second.getItems();
        assertThat(changes).extracting(JiraFieldChange::getField).containsExactly("status", "Sprint");
        JiraFieldChange status = changes.get(0);
        assertThat(status.getFieldId()).isEqualTo("status");
        assertThat(status.getFieldType()).isEqualTo("jira");
        assertThat(status.getFrom()).isEqualTo("10000");
        assertThat(status.getFromText()).isEqualTo("To Do");
        assertThat(status.getTo()).isEqualTo("3");
        assertThat(status.getToText()).isEqualTo("In Progress");
        assertThat(status.getChangelogId()).isEqualTo("10501");
        assertThat(status.getIssueKey()).isEqualTo("PROJ-123");
        assertThat(changes.get(1).getFieldId()).isEqualTo("customfield_10020");
        assertThat(((JiraChangelog) entries.get(2)).getAuthor()).as("no author: an automation").isNull();
        JiraFieldChange assigned = ((JiraChangelog) entries.get(0)).getItems().get(0);
        assertThat(assigned.getFrom()).isNull();
        assertThat(assigned.getFromText()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void dataCenterReadsTheWholeHistoryInOneRequestAndPutsItOldestFirst() throws Exception {
        jira.stubFor(get(urlEqualTo(DC_ISSUE)).willReturn(okJson("""
                {"id":"20123","key":"PROJ-123","fields":{"updated":"2026-11-28T10:30:00.000+0100"},
                 "changelog":{"startAt":0,"maxResults":4,"total":4,"histories":[
                   {"id":"10502","created":"2026-11-28T10:30:00.000+0100","items":[
                     {"field":"Attachment","fieldtype":"jira","from":null,"fromString":null,"to":"20001",
                      "toString":"build-4711.log"}]},
                   {"id":10500,"created":"2026-11-27T11:05:00.000+0100","items":[
                     {"field":"assignee","fieldtype":"jira","from":null,"fromString":null,"to":"svc-camel",
                      "toString":"Camel Service Account"}]},
                   {"id":"10510","created":"2026-11-28T09:30:00.000+0000","items":[
                     {"field":"summary","fieldtype":"jira","from":null,"fromString":"Checkout failt",
                      "to":null,"toString":"Checkout fails – Zahlung mit gespeicherter Karte"}]},
                   {"id":"10501","created":"2026-11-28T10:01:00.000+0100","items":[
                     {"field":"status","fieldtype":"jira","from":"10000","fromString":"To Do","to":"3",
                      "toString":"In Progress"}]}]}}
                """)));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, CHANGELOG, "issueKey=PROJ-123&pageSize=2"), null, Map.of());

        assertThat(ex.getException()).isNull();
        List<?> entries = ex.getMessage().getBody(List.class);
        // 10510 at 09:30 UTC is the same instant as 10502 at 10:30+01:00: the id decides
        assertThat(entries).extracting(e -> ((JiraChangelog) e).getId())
                .containsExactly("10500", "10501", "10502", "10510");
        assertThat(((JiraChangelog) entries.get(3)).getItems().get(0).getToText())
                .isEqualTo("Checkout fails – Zahlung mit gespeicherter Karte");
        assertThat(((JiraChangelog) entries.get(0)).getItems().get(0).getFieldId()).as("Data Center sends none")
                .isNull();
        jira.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void watchedFieldsKeepOnlyEntriesChangingThemWithOnlyThoseChangesAndTheLimitCountsWhatIsReturned()
            throws Exception {
        jira.stubFor(get(urlEqualTo(CLOUD_PAGE.formatted(0))).willReturn(okJson(json("cloud-changelog-page1.json"))));
        jira.stubFor(get(urlEqualTo(CLOUD_PAGE.formatted(2))).willReturn(okJson("""
                {"startAt":2,"maxResults":2,"total":4,"isLast":true,"values":[
                  {"id":"10502","created":"2026-11-28T09:30:00.000+0000","items":[
                    {"field":"Rank","fieldtype":"custom","fieldId":"customfield_10019","from":"","fromString":"",
                     "to":"","toString":"Ranked higher"}]},
                  {"id":"10503","created":"2026-11-28T09:40:00.000+0000","items":[
                    {"field":"Sprint","fieldtype":"custom","fieldId":"customfield_10020","from":"37",
                     "fromString":"Checkout sprint 12","to":"38","toString":"Checkout sprint 13"}]}]}
                """)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, CHANGELOG, "issueKey=PROJ-123&pageSize=2&limit=1"), null,
                Map.of(JiraSpokeConstants.WATCHED_FIELDS, "STATUS, customfield_10020"));

        assertThat(ex.getException()).isNull();
        List<?> entries = ex.getMessage().getBody(List.class);
        assertThat(entries).extracting(e -> ((JiraChangelog) e).getId()).containsExactly("10501");
        assertThat(((JiraChangelog) entries.get(0)).getItems()).extracting(JiraFieldChange::getField)
                .containsExactly("status", "Sprint");
        jira.verify(0, getRequestedFor(urlEqualTo(CLOUD_PAGE.formatted(2))));

        Exchange all = send(uri(Flavor.CLOUD, CHANGELOG, "issueKey=PROJ-123&pageSize=2&outputType=iterator"
                                                         + "&watchedFields=sprint"), null, Map.of());

        Iterator<?> it = all.getMessage().getBody(Iterator.class);
        assertThat(((JiraChangelog) it.next()).getId()).isEqualTo("10501");
        JiraChangelog later = (JiraChangelog) it.next();
        assertThat(later.getId()).isEqualTo("10503");
        assertThat(later.getItems()).singleElement().extracting(JiraFieldChange::getToText)
                .isEqualTo("Checkout sprint 13");
        assertThat(later.getRaw().path("items").size()).as("the raw entry stays whole").isEqualTo(1);
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void aDataCenterAnswerWithoutTheHistoryIsAnUnexpectedAnswer() throws Exception {
        jira.stubFor(get(urlEqualTo(DC_ISSUE)).willReturn(okJson("""
                {"id":"20123","key":"PROJ-123","fields":{"updated":"2026-11-28T10:30:00.000+0100"}}
                """)));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, CHANGELOG, "issueKey=PROJ-123"), null, Map.of());

        JiraSpokeUnexpectedAnswerException e = failure(ex, JiraSpokeUnexpectedAnswerException.class);
        assertThat(e.getMessage()).contains("changelog.histories", "missing", DC_ISSUE);
    }

    @Test
    void theProducerRefusesToStartWithAJqlQuery() {
        String message = startFailure(Map.of("dc", server()),
                sendingTo("jiraspoke:issue/changelog?connection=dc&jql=project = PROJ"));

        assertThat(message).contains("issue/changelog", "'issueKey'", "'jql'", "consumer");
        jira.verify(0, anyRequestedFor(anyUrl()));
    }
}
