package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.model.JiraFieldMeta;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * metadata/creatableFields: Cloud's {@code fields[]}, Data Center 9+'s {@code values[]}, older Data Center's global
 * create metadata; one list of JiraFieldMeta whichever answered. An issue type given by name is found among the
 * project's issue types.
 */
class MetadataCreatableFieldsActionTest extends ActionTestSupport {

    static final String CLOUD_TYPES = MetadataIssueTypesActionTest.CLOUD_TYPES;
    static final String DC_TYPES = MetadataIssueTypesActionTest.DC_TYPES;
    static final String LEGACY = MetadataIssueTypesActionTest.LEGACY;

    private void stubDataCenter(String version) {
        jira.stubFor(get(urlEqualTo("/rest/api/2/serverInfo")).willReturn(okJson(
                "{\"baseUrl\":\"https://jira.example.com\",\"version\":\"" + version + "\",\"deploymentType\":"
                + "\"Server\",\"serverTitle\":\"Jira\"}")));
    }

    private static List<JiraFieldMeta> fields(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        @SuppressWarnings("unchecked")
        List<JiraFieldMeta> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudFieldsOfAnIssueTypeGivenById() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES + "/10001")).willReturn(okJson(json("cloud-createmeta-fields.json"))));
        start(Flavor.CLOUD);

        List<JiraFieldMeta> list = fields(send(uri(Flavor.CLOUD, "metadata/creatableFields",
                "projectKey=PROJ&issueType=10001"), null, Map.of()));

        assertThat(list).extracting(JiraFieldMeta::getId)
                .containsExactly("summary", "priority", "labels", "customfield_10016");
        JiraFieldMeta priority = list.get(1);
        assertThat(priority.getName()).isEqualTo("Priority");
        assertThat(priority.isRequired()).isFalse();
        assertThat(priority.isHasDefaultValue()).isTrue();
        assertThat(priority.getDefaultValue().path("name").asText()).isEqualTo("Medium");
        assertThat(priority.getAllowedValues()).extracting(v -> (Object) ((Map<?, ?>) v).get("name"))
                .containsExactly("Highest", "Medium");
        assertThat(priority.getSchemaType()).isEqualTo("priority");
        assertThat(priority.getSchema().path("system").asText()).isEqualTo("priority");
        assertThat(list.get(0).isRequired()).isTrue();
        assertThat(list.get(2).getSchemaItems()).isEqualTo("string");
        assertThat(list.get(2).getAutoCompleteUrl()).endsWith("/labels/suggest?query=");
        assertThat(list.get(3).getName()).isEqualTo("Story Points");
        assertThat(list.get(3).getSchemaCustom()).endsWith(":float");
        assertThat(list.get(3).getSchemaItems()).isNull();
        assertThat(list.get(3)).hasToString("JiraFieldMeta[customfield_10016, Story Points]");
        jira.verify(1, getRequestedFor(urlEqualTo(CLOUD_TYPES + "/10001?startAt=0&maxResults=50")));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @Test
    void cloudPagesByStartAtUntilTotal() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES + "/10001")).withQueryParam("startAt", equalTo("0"))
                .willReturn(okJson("""
                        {"maxResults":2,"startAt":0,"total":3,"fields":[
                          {"required":true,"schema":{"type":"string","system":"summary"},"name":"Summary",
                           "key":"summary","hasDefaultValue":false,"operations":["set"],"fieldId":"summary"},
                          {"required":true,"schema":{"type":"issuetype","system":"issuetype"},"name":"Issue Type",
                           "key":"issuetype","hasDefaultValue":false,"operations":[],"fieldId":"issuetype"}]}""")));
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES + "/10001")).withQueryParam("startAt", equalTo("2"))
                .willReturn(okJson("""
                        {"maxResults":2,"startAt":2,"total":3,"fields":[
                          {"required":false,"schema":{"type":"user","system":"reporter"},"name":"Reporter",
                           "key":"reporter","hasDefaultValue":true,"operations":["set"],"fieldId":"reporter",
                           "autoCompleteUrl":"https://example.atlassian.net/rest/api/3/user/search?query="}]}""")));
        start(Flavor.CLOUD);

        List<JiraFieldMeta> list = fields(send(uri(Flavor.CLOUD, "metadata/creatableFields",
                "projectKey=PROJ&issueType=10001"), null, Map.of()));

        assertThat(list).extracting(JiraFieldMeta::getId).containsExactly("summary", "issuetype", "reporter");
        assertThat(list.get(1).getOperations()).isEmpty();
        jira.verify(2, getRequestedFor(urlPathEqualTo(CLOUD_TYPES + "/10001")));
    }

    @Test
    void cloudResolvesANameAmongTheProjectsIssueTypesIgnoringCaseAndUnicodeForm() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES)).willReturn(okJson("""
                {"maxResults":50,"startAt":0,"total":3,"issueTypes":[
                  {"id":"10001","name":"Bug","subtask":false},
                  {"id":"10010","name":"Störung","subtask":false},
                  {"id":"10011","name":"Aufgabe","subtask":false}]}""")));
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES + "/10010")).willReturn(okJson(json("cloud-createmeta-fields.json"))));
        start(Flavor.CLOUD);

        // "STÖRUNG" typed with a combining diaeresis (O + U+0308)
        List<JiraFieldMeta> list = fields(send(uri(Flavor.CLOUD, "metadata/creatableFields", "projectKey=PROJ"), null,
                Map.of(JiraSpokeConstants.ISSUE_TYPE, "ST\u004F\u0308RUNG")));

        assertThat(list).hasSize(4);
        jira.verify(1, getRequestedFor(urlPathEqualTo(CLOUD_TYPES)));
        jira.verify(1, getRequestedFor(urlPathEqualTo(CLOUD_TYPES + "/10010")));
    }

    @Test
    void anUnknownNameIsRefusedListingTheProjectsIssueTypes() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES)).willReturn(okJson(json("cloud-createmeta-issuetypes.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "metadata/creatableFields", "projectKey=PROJ&issueType=Epic"), null,
                Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("'Epic'", "option 'issueType'", JiraSpokeConstants.ISSUE_TYPE,
                "project PROJ", "Bug (10001)", "Story (10004)", "Subtask (10003)");
        jira.verify(0, getRequestedFor(urlPathEqualTo(CLOUD_TYPES + "/10001")));
    }

    @Test
    void aNameTwoIssueTypesShareIsRefusedNamingBothIds() throws Exception {
        // a company-managed and a team-managed type of one name
        jira.stubFor(get(urlPathEqualTo(CLOUD_TYPES)).willReturn(okJson("""
                {"maxResults":50,"startAt":0,"total":2,"issueTypes":[
                  {"id":"10001","name":"Task","subtask":false,"hierarchyLevel":0},
                  {"id":"10042","name":"Task","subtask":false,"hierarchyLevel":0,
                   "scope":{"type":"PROJECT","project":{"id":"10000"}}}]}""")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "metadata/creatableFields", "projectKey=PROJ&issueType=task"), null,
                Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("several issue types", "Task (10001)", "Task (10042)", "give the id");
    }

    @Test
    void dataCenterNineAnswersValuesWithIsLast() throws Exception {
        stubDataCenter("10.3.1");
        jira.stubFor(get(urlPathEqualTo(DC_TYPES + "/1")).willReturn(okJson(json("dc-createmeta-fields.json"))));
        start(Flavor.DC);

        List<JiraFieldMeta> list = fields(send(uri(Flavor.DC, "metadata/creatableFields",
                "projectKey=PROJ&issueType=1"), null, Map.of()));

        assertThat(list).extracting(JiraFieldMeta::getId)
                .containsExactly("summary", "priority", "labels", "customfield_10106");
        assertThat(list).extracting(JiraFieldMeta::getKey).as("no key on Data Center: the id")
                .containsExactly("summary", "priority", "labels", "customfield_10106");
        assertThat(list.get(1).getAllowedValues()).hasSize(2);
        jira.verify(1, getRequestedFor(urlEqualTo(DC_TYPES + "/1?startAt=0&maxResults=50")));
        jira.verify(0, getRequestedFor(urlPathEqualTo(LEGACY)));
    }

    @Test
    void dataCenterEightByIdReadsTheFieldsObjectOfTheGlobalCreateMetadata() throws Exception {
        stubDataCenter("8.20.30");
        jira.stubFor(get(urlPathEqualTo(LEGACY)).willReturn(okJson(json("dc8-createmeta-fields.json"))));
        start(Flavor.DC);

        List<JiraFieldMeta> list = fields(send(uri(Flavor.DC, "metadata/creatableFields",
                "projectKey=PROJ&issueType=1"), null, Map.of()));

        assertThat(list).extracting(JiraFieldMeta::getId).containsExactly("summary", "priority", "customfield_10106");
        JiraFieldMeta points = list.get(2);
        assertThat(points.getName()).isEqualTo("Story Points");
        assertThat(points.getSchemaCustom()).endsWith(":float");
        assertThat(list.get(1).isHasDefaultValue()).isTrue();
        assertThat(list.get(0).isRequired()).isTrue();
        jira.verify(1, getRequestedFor(urlPathEqualTo(LEGACY)).withQueryParam("projectKeys", equalTo("PROJ"))
                .withQueryParam("issuetypeIds", equalTo("1"))
                .withQueryParam("expand", equalTo("projects.issuetypes.fields")));
        jira.verify(0, getRequestedFor(urlPathEqualTo(DC_TYPES + "/1")));
    }

    @Test
    void dataCenterEightByNameLooksTheTypeUpFirst() throws Exception {
        stubDataCenter("8.13.0");
        jira.stubFor(get(urlEqualTo(LEGACY + "?projectIds=10100"))
                .willReturn(okJson(json("dc8-createmeta-issuetypes.json"))));
        jira.stubFor(get(urlPathEqualTo(LEGACY)).withQueryParam("issuetypeIds", equalTo("1"))
                .willReturn(okJson(json("dc8-createmeta-fields.json"))));
        start(Flavor.DC);

        List<JiraFieldMeta> list = fields(send(uri(Flavor.DC, "metadata/creatableFields",
                "projectKey=10100&issueType=bug"), null, Map.of()));

        assertThat(list).hasSize(3);
        jira.verify(1, getRequestedFor(urlPathEqualTo(LEGACY)).withQueryParam("projectIds", equalTo("10100"))
                .withQueryParam("issuetypeIds", equalTo("1")));
    }

    @Test
    void dataCenterEightWithoutTheIssueTypeIsNotFound() throws Exception {
        stubDataCenter("8.20.30");
        jira.stubFor(get(urlPathEqualTo(LEGACY)).willReturn(okJson("""
                {"expand":"projects","projects":[{"expand":"issuetypes","id":"10100","key":"PROJ","name":"Web shop",
                  "issuetypes":[]}]}""")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "metadata/creatableFields", "projectKey=PROJ&issueType=77"), null,
                Map.of());

        JiraSpokeNotFoundException e = failure(ex, JiraSpokeNotFoundException.class);
        assertThat(e.getMessage()).contains("project PROJ", "no issue type 77");
    }
}
