package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IssueCreateActionTest extends ActionTestSupport {

    private static final String CREATE_BUG = "projectKey=PROJ&issueType=Bug&summary=RAW(Checkout fails with a saved card)";

    /** An ADF description as a Cloud user would pass it: a list and a mention, which plain text cannot express. */
    private static final String ADF = """
            {"type":"doc","version":1,"content":[
              {"type":"paragraph","content":[
                {"type":"text","text":"Seen by "},
                {"type":"mention","attrs":{"id":"712020:9a8b7c6d-1e2f-4a3b-8c9d-0e1f2a3b4c5d","text":"@Grace Hopper"}}]},
              {"type":"bulletList","content":[
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Open the basket"}]}]},
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Pay"}]}]}]}]}
            """;

    @Test
    void cloudPlainTextDescriptionIsSentAsAdf() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(json("cloud-issue-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", CREATE_BUG),
                "Paying with a saved card fails with HTTP 502.\nSeen since Monday.\n\nWorkaround: pay by invoice.",
                Map.of());

        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getKey()).isEqualTo("PROJ-124");
        assertThat(issue.getId()).isEqualTo("10124");
        assertThat(issue.getSelf()).isEqualTo("https://example.atlassian.net/rest/api/3/issue/10124");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-124");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("10124");
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("""
                        {"fields":{
                          "project":{"key":"PROJ"},
                          "issuetype":{"name":"Bug"},
                          "summary":"Checkout fails with a saved card",
                          "description":{"type":"doc","version":1,"content":[
                            {"type":"paragraph","content":[
                              {"type":"text","text":"Paying with a saved card fails with HTTP 502."},
                              {"type":"hardBreak"},
                              {"type":"text","text":"Seen since Monday."}]},
                            {"type":"paragraph","content":[{"type":"text","text":"Workaround: pay by invoice."}]}]}}}
                        """)));
    }

    @Test
    void cloudAdfDescriptionInTheFieldsIsSentAsIs() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(json("cloud-issue-created.json"))));
        start(Flavor.CLOUD);
        Map<String, Object> fields = Map.of(
                "description", tree(ADF),
                "labels", List.of("checkout"),
                "priority", Map.of("name", "High"),
                "customfield_10016", 5);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", CREATE_BUG), fields, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson("""
                {"fields":{
                  "project":{"key":"PROJ"},"issuetype":{"name":"Bug"},"summary":"Checkout fails with a saved card",
                  "labels":["checkout"],"priority":{"name":"High"},"customfield_10016":5,
                  "description":%s}}
                """.formatted(ADF))));
    }

    @Test
    void cloudAdfDocumentAsTheBodyIsTheDescription() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(json("cloud-issue-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", CREATE_BUG), tree(ADF), Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson("""
                {"fields":{
                  "project":{"key":"PROJ"},"issuetype":{"name":"Bug"},"summary":"Checkout fails with a saved card",
                  "description":%s}}
                """.formatted(ADF))));
    }

    @Test
    void cloudFieldsAndUpdateFromAJsonString() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(json("cloud-issue-created.json"))));
        start(Flavor.CLOUD);
        String body = """
                {"fields":{"project":{"key":"OPS"},"issuetype":{"id":"10001"},"summary":"Rotate the TLS certificate",
                           "description":"Expires on 1 December."},
                 "update":{"labels":[{"add":"security"}]}}
                """;

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", ""), body, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"OPS"},"issuetype":{"id":"10001"},"summary":"Rotate the TLS certificate",
                           "description":{"type":"doc","version":1,"content":[
                             {"type":"paragraph","content":[{"type":"text","text":"Expires on 1 December."}]}]}},
                 "update":{"labels":[{"add":"security"}]}}
                """)));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "bytes", "stream" })
    void jsonFromAStreamOrBytesBodyIsTheFields(String kind) throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(json("cloud-issue-created.json"))));
        start(Flavor.CLOUD);
        byte[] json = """
                {"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"From an HTTP request"}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Object body = kind.equals("bytes") ? json : new java.io.ByteArrayInputStream(json);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", ""), body, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"From an HTTP request"}}
                """)));
    }

    @Test
    void dataCenterDescriptionIsSentAsWikiText() throws Exception {
        jira.stubFor(post("/rest/api/2/issue").willReturn(created(json("dc-issue-created.json"))));
        start(Flavor.DC);
        String wiki = "h3. Steps\n# Open the basket\n# Pay with the *saved* card\n\n{code}HTTP 502{code}";

        // numeric project and issue type are ids
        Exchange ex = send(uri(Flavor.DC, "issue/create", "projectKey=10100&issueType=1&summary=RAW(Checkout fails)"),
                wiki, Map.of());

        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getKey()).isEqualTo("PROJ-124");
        assertThat(issue.getId()).isEqualTo("20124");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-124");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("20124");
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT))
                .withRequestBody(equalToJson("""
                        {"fields":{"project":{"id":"10100"},"issuetype":{"id":"1"},"summary":"Checkout fails",
                                   "description":"h3. Steps\\n# Open the basket\\n# Pay with the *saved* card\\n\\n{code}HTTP 502{code}"}}
                        """)));
    }

    @Test
    void dataCenterFieldsMapWithAssigneeByName() throws Exception {
        jira.stubFor(post("/rest/api/2/issue").willReturn(created(json("dc-issue-created.json"))));
        start(Flavor.DC);
        Map<String, Object> body = Map.of("fields", Map.of(
                "assignee", Map.of("name", "alovelace"),
                "description", "Pay with the *saved* card",
                "customfield_10106", 3));

        Exchange ex = send(uri(Flavor.DC, "issue/create", CREATE_BUG), body, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"PROJ"},"issuetype":{"name":"Bug"},"summary":"Checkout fails with a saved card",
                           "assignee":{"name":"alovelace"},"description":"Pay with the *saved* card","customfield_10106":3}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideEndpointOptions(Flavor f) throws Exception {
        jira.stubFor(post(f.api + "/issue").willReturn(created(f.fixture("issue-created"))));
        start(f);

        Exchange ex = send(uri(f, "issue/create", CREATE_BUG), null, Map.of(
                JiraSpokeConstants.PROJECT_KEY, "OPS",
                JiraSpokeConstants.ISSUE_TYPE, "Story",
                JiraSpokeConstants.SUMMARY, "Rotate the TLS certificate"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Story"},"summary":"Rotate the TLS certificate"}}
                """)));
    }

    /** A missing summary is the bad input of ActionContractTest's issue/create row. */
    static Stream<Arguments> missingRequiredOptions() {
        return Stream.of(Flavor.values()).flatMap(f -> Stream.of(
                Arguments.of(f, "issueType=Bug&summary=Crash", "'project'", "'projectKey'", JiraSpokeConstants.PROJECT_KEY),
                Arguments.of(f, "projectKey=PROJ&summary=Crash", "'issuetype'", "'issueType'", JiraSpokeConstants.ISSUE_TYPE)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("missingRequiredOptions")
    void missingRequiredFieldIsRefusedBeforeSending(Flavor f, String options, String field, String option,
                                                    String header) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/create", options), "A description", Map.of());

        assertRefusedLocally(ex, "issue/create", "field " + field, "option " + option, header);
    }

    @Test
    void blankSummaryHeaderIsRefused() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", "projectKey=PROJ&issueType=Bug"), null,
                Map.of(JiraSpokeConstants.SUMMARY, "  "));

        assertRefusedLocally(ex, "field 'summary'");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void bodyOfUnsupportedTypeIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/create", CREATE_BUG), 42, Map.of());

        assertRefusedLocally(ex, "issue/create", "java.lang.Integer");
    }

    @Test
    void jsonArrayBodyIsRefused() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", CREATE_BUG), tree("[{\"summary\":\"a\"}]"), Map.of());

        assertRefusedLocally(ex, "issue/create", "JSON object", "array");
    }

    @Test
    void dataCenterRefusesAnAdfDescription() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/create", CREATE_BUG), Map.of("description", tree(ADF)), Map.of());

        assertRefusedLocally(ex, "issue/create", "'description'", "Data Center");
    }

    @Test
    void dataCenterRefusesAnAdfDocumentBody() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/create", CREATE_BUG), ADF, Map.of());

        assertRefusedLocally(ex, "issue/create", "'description'", "Data Center");
    }

    @Test
    void validationErrorsOfJiraAreKeptByField() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"errorMessages\":[],\"errors\":{\"project\":\"valid project is required\","
                          + "\"issuetype\":\"Specify a valid issue type\"}}")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", CREATE_BUG.replace("PROJ", "NOPE")), null, Map.of());

        JiraSpokeBadRequestException e = failure(ex, JiraSpokeBadRequestException.class);
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getErrors()).containsOnly(Map.entry("project", "valid project is required"),
                Map.entry("issuetype", "Specify a valid issue type"));
        assertThat(e.getMessage()).contains("POST /rest/api/3/issue", "valid project is required");
    }
}
