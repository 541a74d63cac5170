package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraFieldMeta;
import io.jiraspoke.camel.model.JiraStatus;
import io.jiraspoke.camel.model.JiraTransition;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/transitions: {@code GET /rest/api/{3|2}/issue/{key}/transitions?expand=transitions.fields}. */
class IssueTransitionsActionTest extends ActionTestSupport {

    private List<JiraTransition> transitions(Flavor f, String key, String answer, Map<String, Object> headers)
            throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/issue/" + key + "/transitions")).willReturn(okJson(answer)));
        start(f);
        Exchange ex = send(uri(f, "issue/transitions", "issueKey=PROJ-123"), null, headers);
        assertThat(ex.getException()).as("exception").isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo(key);
        @SuppressWarnings("unchecked")
        List<JiraTransition> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudTransitionsWithTargetStatusesAndScreenFields() throws Exception {
        List<JiraTransition> list = transitions(Flavor.CLOUD, "PROJ-123", json("cloud-transitions-PROJ-123.json"),
                Map.of());

        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/transitions?expand=transitions.fields")));
        assertThat(list).extracting(JiraTransition::getId).containsExactly("11", "21", "31");
        assertThat(list).extracting(JiraTransition::getName).containsExactly("To Do", "In Progress", "Done");
        JiraTransition done = list.get(2);
        JiraStatus to = done.getTo();
        assertThat(to.getId()).isEqualTo("10001");
        assertThat(to.getName()).isEqualTo("Done");
        assertThat(to.getCategory()).isEqualTo("done");
        assertThat(to.getCategoryName()).isEqualTo("Done");
        assertThat(done.getToStatus()).isEqualTo("Done");
        assertThat(done.getHasScreen()).isTrue();
        assertThat(done.getIsConditional()).isTrue();
        assertThat(list.get(0).getHasScreen()).isFalse();
        assertThat(list.get(0).getFields()).isEmpty();
        List<JiraFieldMeta> fields = done.getFields();
        assertThat(fields).singleElement().satisfies(field -> {
            assertThat(field.getId()).isEqualTo("resolution");
            assertThat(field.isRequired()).isTrue();
            assertThat(field.getSchemaType()).isEqualTo("resolution");
        });
        assertThat(done.getRaw().path("isGlobal").asBoolean()).isTrue();
    }

    @Test
    void dataCenterSaysNothingOfScreensOrConditionsAndKeepsNonAsciiNames() throws Exception {
        List<JiraTransition> list = transitions(Flavor.DC, "PROJ-123", json("dc-transitions-PROJ-123.json"),
                Map.of());

        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-123/transitions?expand=transitions.fields")));
        assertThat(list).extracting(JiraTransition::getName)
                .containsExactly("Start Progress", "Resolve Issue", "Zur Prüfung");
        assertThat(list).extracting(JiraTransition::getToStatus).containsExactly("In Progress", "Resolved", "In Prüfung");
        assertThat(list.get(0).getHasScreen()).isNull();
        assertThat(list.get(0).getIsConditional()).isNull();
        // Data Center names the field by fieldId and sends no key
        assertThat(list.get(1).getFields()).extracting(JiraFieldMeta::getId).containsExactly("resolution");
        assertThat(list.get(2).getTo().getCategory()).isEqualTo("indeterminate");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void numbersForIdsTransitionsWithoutTargetAndOddEntriesAreRead(Flavor f) throws Exception {
        String answer = """
                {"transitions":[
                  {"id":41,"name":"Close","to":{"id":6,"name":"Closed"},"hasScreen":"true"},
                  {"id":"71","name":"Archive","fields":null},
                  "not a transition",
                  {"name":"No id"}]}
                """;

        List<JiraTransition> list = transitions(f, "PROJ-7", answer, Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ-7"));

        assertThat(list).hasSize(3);
        assertThat(list.get(0).getId()).isEqualTo("41");
        assertThat(list.get(0).getTo().getId()).isEqualTo("6");
        assertThat(list.get(0).getTo().getCategory()).isNull();
        assertThat(list.get(0).getHasScreen()).isTrue();
        assertThat(list.get(1).getTo()).isNull();
        assertThat(list.get(1).getToStatus()).isNull();
        assertThat(list.get(1).getFields()).isEmpty();
        assertThat(list.get(2).getId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anIssueWithoutTransitionsIsAnEmptyList(Flavor f) throws Exception {
        assertThat(transitions(f, "PROJ-123", "{\"expand\":\"transitions\",\"transitions\":[]}", Map.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anIssueKeyIsEncodedInThePath(Flavor f) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/issue/PROJ%20123/transitions"))
                .willReturn(okJson("{\"transitions\":[]}")));
        start(f);

        Exchange ex = send(uri(f, "issue/transitions", ""), null, Map.of(JiraSpokeConstants.ISSUE_KEY, " PROJ 123 "));

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + "/issue/PROJ%20123/transitions?expand=transitions.fields")));
    }
}
