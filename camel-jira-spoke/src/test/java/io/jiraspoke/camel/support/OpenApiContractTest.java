package io.jiraspoke.camel.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract check that every HTTP test relies on must be able to fail: real requests are sent to WireMock and
 * the logged ones validated. The request log is cleared after each check, since the base class asserts that the
 * log holds no contract problems.
 */
class OpenApiContractTest extends JiraSpokeTestSupport {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void answerEverything() {
        jira.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    /** Sends one request as the component would and answers the contract problems WireMock's log shows for it. */
    private List<String> problemsOf(String method, String pathAndQuery, String jsonBody) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(jira.baseUrl() + pathAndQuery))
                .header("Authorization", BASIC)
                .header("Accept", "application/json");
        if (jsonBody != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        List<LoggedRequest> logged = jira.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
        jira.resetRequests();
        assertThat(logged).hasSize(1);
        return OpenApiContract.problems(logged);
    }

    @Test
    void unknownPathIsAProblem() throws Exception {
        List<String> problems = problemsOf("GET", "/rest/api/3/issues/PROJ-1", null);

        assertThat(problems).singleElement().asString()
                .contains("GET /rest/api/3/issues/PROJ-1", "validation.request.path.missing");
    }

    @Test
    void parameterOfTheWrongTypeIsAProblem() throws Exception {
        List<String> problems = problemsOf("GET", "/rest/api/3/search/jql?jql=project%3DPROJ&maxResults=abc", null);

        assertThat(problems).isNotEmpty();
        assertThat(String.join("\n", problems)).contains("maxResults", "abc");
    }

    @Test
    void dataCenterPagingInACloudSearchBodyIsAProblem() throws Exception {
        List<String> problems = problemsOf("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = PROJ\",\"startAt\":50,\"maxResults\":50}");

        assertThat(String.join("\n", problems)).contains("startAt");
    }

    @Test
    void bodyFieldOfTheWrongTypeIsAProblem() throws Exception {
        List<String> problems = problemsOf("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = PROJ\",\"maxResults\":\"fifty\"}");

        assertThat(String.join("\n", problems)).contains("maxResults");
    }

    @Test
    void validRequestsHaveNoProblems() throws Exception {
        assertThat(problemsOf("GET", "/rest/api/3/issue/PROJ-1?fields=summary%2Cstatus&expand=names", null)).isEmpty();
        assertThat(problemsOf("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = PROJ\",\"maxResults\":50,\"fields\":[\"summary\"],"
                                                                  + "\"nextPageToken\":\"Ch0jU3RyaW5n\"}")).isEmpty();
        assertThat(problemsOf("DELETE", "/rest/api/3/issue/PROJ-1?deleteSubtasks=false", null)).isEmpty();
    }

    @Test
    void aBoardTypeIsTakenAsTextAndOnlyTheThreeTypesPass() throws Exception {
        // the published agile spec declares 'type' an object, refusing every real request; see corrected()
        assertThat(problemsOf("GET", "/rest/agile/1.0/board?startAt=0&maxResults=50&type=scrum", null)).isEmpty();
        assertThat(problemsOf("GET", "/rest/agile/1.0/board?type=kanban", null)).isEmpty();
        assertThat(problemsOf("GET", "/rest/agile/1.0/board?type=simple", null)).isEmpty();

        assertThat(String.join("\n", problemsOf("GET", "/rest/agile/1.0/board?type=agility", null)))
                .contains("type", "agility");
    }

    @Test
    void sprintStatesAreTakenAsACommaListOfTheThreeStates() throws Exception {
        // declared an object as the board type is; see corrected()
        assertThat(problemsOf("GET", "/rest/agile/1.0/board/84/sprint?startAt=0&maxResults=50&state=active", null))
                .isEmpty();
        assertThat(problemsOf("GET", "/rest/agile/1.0/board/84/sprint?state=future%2Cactive%2Cclosed", null))
                .isEmpty();

        assertThat(String.join("\n", problemsOf("GET", "/rest/agile/1.0/board/84/sprint?state=active%2Copen", null)))
                .contains("state");
        assertThat(problemsOf("GET", "/rest/agile/1.0/board/84/sprint?state=", null)).isNotEmpty();
    }

    @Test
    void theBoardTypeCorrectionRefusesASpecThatNoLongerNeedsIt() {
        String fixed = "{\"paths\":{\"/rest/agile/1.0/board\":{\"get\":{\"parameters\":[{\"in\":\"query\","
                       + "\"name\":\"type\",\"schema\":{\"type\":\"string\"}}]}}}}";

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OpenApiContract.corrected(fixed)))
                .hasMessageContaining("no longer an object schema");
    }

    @Test
    void theSprintStateCorrectionRefusesASpecThatNoLongerNeedsIt() {
        String fixed = "{\"paths\":{\"/rest/agile/1.0/board\":{\"get\":{\"parameters\":[{\"in\":\"query\","
                       + "\"name\":\"type\",\"schema\":{\"type\":\"object\"}}]}},"
                       + "\"/rest/agile/1.0/board/{boardId}/sprint\":{\"get\":{\"parameters\":[{\"in\":\"query\","
                       + "\"name\":\"state\",\"schema\":{\"type\":\"string\"}}]}}}}";

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OpenApiContract.corrected(fixed)))
                .hasMessageContaining("/rest/agile/1.0/board/{boardId}/sprint 'state' parameter is no longer an"
                                      + " object schema");
    }

    @Test
    void theFieldsOfASprintsIssuesAreTakenAsText() throws Exception {
        // declared an array of objects; see corrected()
        assertThat(problemsOf("GET", "/rest/agile/1.0/sprint/37/issue?startAt=0&maxResults=50"
                                     + "&fields=summary%2Cstatus%2Cupdated", null)).isEmpty();
        assertThat(problemsOf("GET", "/rest/agile/1.0/sprint/37/issue?fields=summary&fields=updated", null)).isEmpty();

        assertThat(String.join("\n", problemsOf("GET", "/rest/agile/1.0/sprint/37/issue?maxResults=many", null)))
                .contains("maxResults");
    }

    @Test
    void theSprintIssueFieldsCorrectionRefusesASpecThatNoLongerNeedsIt() {
        String fixed = "{\"paths\":{\"/rest/agile/1.0/board\":{\"get\":{\"parameters\":[{\"in\":\"query\","
                       + "\"name\":\"type\",\"schema\":{\"type\":\"object\"}}]}},"
                       + "\"/rest/agile/1.0/board/{boardId}/sprint\":{\"get\":{\"parameters\":[{\"in\":\"query\","
                       + "\"name\":\"state\",\"schema\":{\"type\":\"object\"}}]}},"
                       + "\"/rest/agile/1.0/sprint/{sprintId}/issue\":{\"get\":{\"parameters\":[{\"in\":\"query\","
                       + "\"name\":\"fields\",\"schema\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}]}}}}";

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OpenApiContract.corrected(fixed)))
                .hasMessageContaining("/rest/agile/1.0/sprint/{sprintId}/issue 'fields' parameter no longer has"
                                      + " object items");
    }

    @Test
    void aNullAssigneeUnassignsAsTheOperationSaysAndOtherTypesStillFail() throws Exception {
        // the published spec refuses the null its own description documents; see correctedPlatform()
        assertThat(problemsOf("PUT", "/rest/api/3/issue/PROJ-1/assignee", "{\"accountId\":null}")).isEmpty();
        assertThat(problemsOf("PUT", "/rest/api/3/issue/PROJ-1/assignee", "{\"accountId\":\"-1\"}")).isEmpty();

        assertThat(String.join("\n", problemsOf("PUT", "/rest/api/3/issue/PROJ-1/assignee", "{\"accountId\":42}")))
                .contains("accountId");
        assertThat(String.join("\n", problemsOf("PUT", "/rest/api/3/issue/PROJ-1/assignee",
                "{\"accountId\":\"5b10\",\"colour\":\"red\"}"))).contains("colour");
    }

    @Test
    void theAssigneeCorrectionRefusesASpecThatNoLongerNeedsIt() {
        String fixed = "{\"paths\":{\"/rest/api/3/issue/{issueIdOrKey}/assignee\":{\"put\":{\"requestBody\":{"
                       + "\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/User\"}}}}}}},"
                       + "\"components\":{\"schemas\":{\"User\":{\"properties\":{\"accountId\":{\"type\":\"string\","
                       + "\"nullable\":true}}}}}}";

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OpenApiContract.correctedPlatform(fixed)))
                .hasMessageContaining("drop its correction");
    }

    @Test
    void aWatcherIsABareJsonStringAndAnObjectIsAProblem() throws Exception {
        assertThat(problemsOf("POST", "/rest/api/3/issue/PROJ-1/watchers", "\"5b10ac8d82e05b22cc7d4ef5\"")).isEmpty();

        assertThat(problemsOf("POST", "/rest/api/3/issue/PROJ-1/watchers",
                "{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}")).isNotEmpty();
    }

    @Test
    void dataCenterRequestsAreNotChecked() throws Exception {
        List<String> problems = problemsOf("GET", "/rest/api/2/no/such/resource?maxResults=abc", null);

        assertThat(problems).isEmpty();
    }
}
