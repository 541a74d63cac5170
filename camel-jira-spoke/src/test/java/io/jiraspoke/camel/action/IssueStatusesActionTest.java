package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssueTypeStatuses;
import io.jiraspoke.camel.model.JiraStatus;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/statuses: {@code GET /rest/api/{3|2}/project/{projectIdOrKey}/statuses}, a bare array of issue types. */
class IssueStatusesActionTest extends ActionTestSupport {

    private List<JiraIssueTypeStatuses> statuses(Flavor f, String options, Map<String, Object> headers, String path,
                                                 String answer) throws Exception {
        jira.stubFor(get(urlEqualTo(f.api + path)).willReturn(okJson(answer)));
        start(f);
        Exchange ex = send(uri(f, "issue/statuses", options), null, headers);
        assertThat(ex.getException()).as("exception").isNull();
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + path)));
        @SuppressWarnings("unchecked")
        List<JiraIssueTypeStatuses> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudIssueTypesWithTheirStatuses() throws Exception {
        List<JiraIssueTypeStatuses> types = statuses(Flavor.CLOUD, "projectKey=PROJ", Map.of(),
                "/project/PROJ/statuses", json("cloud-project-statuses.json"));

        assertThat(types).extracting(JiraIssueTypeStatuses::getName).containsExactly("Bug", "Subtask");
        assertThat(types).extracting(JiraIssueTypeStatuses::getId).containsExactly("10001", "10003");
        assertThat(types).extracting(JiraIssueTypeStatuses::isSubtask).containsExactly(false, true);
        List<JiraStatus> bug = types.get(0).getStatuses();
        assertThat(bug).extracting(JiraStatus::getName).containsExactly("To Do", "In Progress", "Done");
        assertThat(bug).extracting(JiraStatus::getId).containsExactly("10000", "3", "10001");
        assertThat(bug).extracting(JiraStatus::getCategory).containsExactly("new", "indeterminate", "done");
        assertThat(bug.get(1).getUntranslatedName()).isEqualTo("In Progress");
        assertThat(bug.get(1).getDescription()).startsWith("This issue is being actively worked on");
    }

    @Test
    void dataCenterIssueTypesWithTheirStatuses() throws Exception {
        List<JiraIssueTypeStatuses> types = statuses(Flavor.DC, "", Map.of(JiraSpokeConstants.PROJECT_KEY, "10100"),
                "/project/10100/statuses", json("dc-project-statuses.json"));

        assertThat(types).extracting(JiraIssueTypeStatuses::getName).containsExactly("Bug", "Sub-task");
        assertThat(types.get(1).getStatuses()).extracting(JiraStatus::getName).containsExactly("Open", "Closed");
        assertThat(types.get(1).getStatuses()).extracting(JiraStatus::getCategoryName).containsExactly("To Do", "Done");
        assertThat(types.get(0).getStatuses().get(0).getUntranslatedName()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void statusesWithoutCategoryIdsAsNumbersAndNonAsciiNamesAreRead(Flavor f) throws Exception {
        // the shape of Atlassian's own example: no statusCategory
        String answer = """
                [{"id":3,"name":"Aufgabe","subtask":"false","statuses":[
                   {"id":10000,"name":"In Prüfung","description":"Wird geprüft"},
                   "odd",
                   {"name":"Erledigt ✓"}]},
                 {"id":"4","name":"Epic"},
                 42]
                """;

        List<JiraIssueTypeStatuses> types = statuses(f, "projectKey=PROJ", Map.of(), "/project/PROJ/statuses", answer);

        assertThat(types).hasSize(2);
        assertThat(types.get(0).getId()).isEqualTo("3");
        assertThat(types.get(0).isSubtask()).isFalse();
        assertThat(types.get(0).getStatuses()).extracting(JiraStatus::getName).containsExactly("In Prüfung",
                "Erledigt ✓");
        assertThat(types.get(0).getStatuses().get(0).getId()).isEqualTo("10000");
        assertThat(types.get(0).getStatuses().get(0).getCategory()).isNull();
        assertThat(types.get(0).getStatuses().get(1).getId()).isNull();
        assertThat(types.get(1).getStatuses()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aBlankProjectKeyIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/statuses", "projectKey=PROJ"), null, Map.of(JiraSpokeConstants.PROJECT_KEY, " "));

        assertRefusedLocally(ex, "issue/statuses", "'projectKey'", JiraSpokeConstants.PROJECT_KEY);
    }
}
