package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.model.JiraIssueType;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * metadata/issueTypes: Cloud's {@code issueTypes[]} and Data Center 9+'s {@code values[]} from the per-project create
 * metadata, and on older Data Center the project's {@code issuetypes} of the global create metadata.
 */
class MetadataIssueTypesActionTest extends ActionTestSupport {

    static final String CLOUD_TYPES = "/rest/api/3/issue/createmeta/PROJ/issuetypes";
    static final String DC_TYPES = "/rest/api/2/issue/createmeta/PROJ/issuetypes";
    static final String LEGACY = "/rest/api/2/issue/createmeta";

    /** Data Center of a version, as its serverInfo says. */
    void stubDataCenter(String version) {
        jira.stubFor(get(urlEqualTo("/rest/api/2/serverInfo")).willReturn(okJson(
                "{\"baseUrl\":\"https://jira.example.com\",\"version\":\"" + version + "\",\"deploymentType\":"
                + "\"Server\",\"buildNumber\":820010,\"serverTitle\":\"Jira\"}")));
    }

    private static List<JiraIssueType> types(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        @SuppressWarnings("unchecked")
        List<JiraIssueType> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudIssueTypesWithTheirHierarchyLevel() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES)).willReturn(okJson(json("cloud-createmeta-issuetypes.json"))));
        start(Flavor.CLOUD);

        List<JiraIssueType> list = types(send(uri(Flavor.CLOUD, "metadata/issueTypes", "projectKey=PROJ"), null,
                Map.of()));

        assertThat(list).extracting(JiraIssueType::getName).containsExactly("Bug", "Story", "Subtask");
        JiraIssueType subtask = list.get(2);
        assertThat(subtask.getId()).isEqualTo("10003");
        assertThat(subtask.isSubtask()).isTrue();
        assertThat(subtask.getHierarchyLevel()).isEqualTo(-1);
        assertThat(list.get(0).getHierarchyLevel()).isZero();
        assertThat(list.get(0).getDescription()).isEqualTo("A problem or error.");
        assertThat(list.get(0).getIconUrl()).startsWith("https://example.atlassian.net/rest/api/2/universal_avatar");
        // no serverInfo: Cloud always has the per-project form
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @Test
    void cloudPagesUntilAnEmptyPageWhenTotalPromisedMore() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES)).withQueryParam("startAt", equalTo("0")).willReturn(okJson("""
                {"maxResults":50,"startAt":0,"total":7,"issueTypes":[
                  {"id":10001,"name":"Bug","subtask":false,"hierarchyLevel":0},
                  {"id":"10004","name":"Story","subtask":false,"hierarchyLevel":"0"}]}""")));
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES)).withQueryParam("startAt", equalTo("2")).willReturn(okJson(
                "{\"maxResults\":50,\"startAt\":2,\"total\":7,\"issueTypes\":[]}")));
        start(Flavor.CLOUD);

        List<JiraIssueType> list = types(send(uri(Flavor.CLOUD, "metadata/issueTypes", "projectKey=PROJ"), null,
                Map.of()));

        // ids as numbers and as strings, a hierarchy level given as text
        assertThat(list).extracting(JiraIssueType::getId).containsExactly("10001", "10004");
        assertThat(list.get(1).getHierarchyLevel()).isZero();
        jira.verify(1, getRequestedFor(urlPathEqualTo(CLOUD_TYPES)).withQueryParam("maxResults", equalTo("50"))
                .withQueryParam("startAt", equalTo("2")));
        jira.verify(2, getRequestedFor(urlPathEqualTo(CLOUD_TYPES)));
    }

    @Test
    void dataCenterNineAndLaterAnswersValuesAndIsLast() throws Exception {
        stubDataCenter("9.12.2");
        jira.stubFor(get(urlPathEqualTo(DC_TYPES)).willReturn(okJson(json("dc-createmeta-issuetypes.json"))));
        start(Flavor.DC);

        List<JiraIssueType> list = types(send(uri(Flavor.DC, "metadata/issueTypes", "projectKey=PROJ"), null,
                Map.of()));

        assertThat(list).extracting(JiraIssueType::getName).containsExactly("Bug", "Story", "Sub-task");
        assertThat(list.get(2).isSubtask()).isTrue();
        assertThat(list.get(0).getHierarchyLevel()).as("Data Center does not say").isNull();
        jira.verify(1, getRequestedFor(urlPathEqualTo(DC_TYPES)));
        jira.verify(0, getRequestedFor(urlPathEqualTo(LEGACY)));
    }

    @Test
    void dataCenterEightIsAskedTheGlobalCreateMetadataAndItsVersionOnlyOnce() throws Exception {
        stubDataCenter("8.20.30");
        jira.stubFor(get(urlPathEqualTo(LEGACY)).willReturn(okJson(json("dc8-createmeta-issuetypes.json"))));
        start(Flavor.DC);

        List<JiraIssueType> byKey = types(send(uri(Flavor.DC, "metadata/issueTypes", "projectKey=PROJ"), null,
                Map.of()));
        types(send(uri(Flavor.DC, "metadata/issueTypes", "projectKey=10100"), null, Map.of()));

        assertThat(byKey).extracting(JiraIssueType::getName).containsExactly("Bug", "Story");
        assertThat(byKey.get(1).getId()).isEqualTo("10001");
        jira.verify(1, getRequestedFor(urlEqualTo(LEGACY + "?projectKeys=PROJ")));
        jira.verify(1, getRequestedFor(urlEqualTo(LEGACY + "?projectIds=10100")));
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
        jira.verify(0, getRequestedFor(urlPathEqualTo(DC_TYPES)));
    }

    @Test
    void dataCenterEightListingNoProjectIsNotFound() throws Exception {
        stubDataCenter("8.5.0");
        jira.stubFor(get(urlPathEqualTo(LEGACY)).willReturn(okJson("{\"expand\":\"projects\",\"projects\":[]}")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "metadata/issueTypes", "projectKey=NOPE"), null, Map.of());

        JiraSpokeNotFoundException e = failure(ex, JiraSpokeNotFoundException.class);
        assertThat(e.getMessage()).contains("lists no project NOPE", "GET " + LEGACY + "?projectKeys=NOPE");
        assertThat(e.getPath()).isEqualTo(LEGACY + "?projectKeys=NOPE");
    }

    @Test
    void aDataCenterThatDoesNotSayItsVersionIsTakenToBeCurrent() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/2/serverInfo")).willReturn(okJson("{\"serverTitle\":\"Jira\"}")));
        jira.stubFor(get(urlPathEqualTo(DC_TYPES)).willReturn(okJson(json("dc-createmeta-issuetypes.json"))));
        start(Flavor.DC);

        assertThat(types(send(uri(Flavor.DC, "metadata/issueTypes", "projectKey=PROJ"), null, Map.of()))).hasSize(3);
        jira.verify(0, getRequestedFor(urlPathEqualTo(LEGACY)));
    }
}
