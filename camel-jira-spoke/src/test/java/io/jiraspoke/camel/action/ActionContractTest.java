package io.jiraspoke.camel.action;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.catalog.ActionVariant;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.producer.JiraSpokeProducers;
import io.jiraspoke.camel.support.OpenApiContract;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every implemented action must do, whatever it does: one row per action, checked on Cloud and Data Center.
 * The per-action tests keep what is particular to an action (request and body mapping, result mapping, paging,
 * its own validations); this table holds what is common, so that a new action is held to it by adding one row to
 * {@link #rows()}.
 */
class ActionContractTest extends ActionTestSupport {

    private static final String CLOUD_ID = "11111111-2222-3333-4444-555555555555";
    private static final String SCOPED_API_TOKEN = "scoped-api-token-S3CRET";
    /** Data Center is often installed under a context path; a request that drops it misses the base URL. */
    private static final String DC_CONTEXT_PATH = "/jira";
    private static final String SERVER_INFO = "/rest/api/2/serverInfo";
    private static final String INTERNAL_SERVER_ERROR = "{\"errorMessages\":[\"Internal server error\"],\"errors\":{}}";

    /** The call of the row under test. */
    private Call current;

    // the table

    static List<Row> rows() {
        return List.of(
                Row.of("server/info")
                        .cloud("GET", "/rest/api/3/serverInfo", ok(json("cloud-serverInfo.json")))
                        .dataCenter("GET", "/rest/api/2/serverInfo", ok(json("dc-serverInfo.json")))
                        .result("${body.serverTitle} ${body.deploymentType}", "Jira Cloud", "Jira Server")
                        .noBadInput("it reads no option, header or body"),
                Row.of("user/myself")
                        .cloud("GET", "/rest/api/3/myself", ok(json("cloud-myself.json")))
                        .dataCenter("GET", "/rest/api/2/myself", ok(json("dc-myself.json")))
                        .result("${body.id}", "712020:5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b", "svc-camel")
                        .noBadInput("it reads no option, header or body"),
                Row.of("issue/create")
                        .options("projectKey=PROJ&issueType=Bug&summary=RAW(Checkout fails with a saved card)")
                        .body("Paying with a saved card fails with HTTP 502.")
                        .cloud("POST", "/rest/api/3/issue", created(json("cloud-issue-created.json")))
                        .dataCenter("POST", "/rest/api/2/issue", created(json("dc-issue-created.json")))
                        .result("${body.key} ${header.CamelJiraSpokeIssueId}", "PROJ-124 10124", "PROJ-124 20124")
                        // a description alone does not make an issue
                        .badInput(BadInput.options("projectKey=PROJ&issueType=Bug").body("A description")
                                .mustSay("issue/create", "field 'summary'", "option 'summary'",
                                        JiraSpokeConstants.SUMMARY)),
                Row.of("issue/get")
                        .options("issueKey=PROJ-123")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123", ok(json("cloud-issue-PROJ-123.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123", ok(json("dc-issue-PROJ-123.json")))
                        .result("${body.summary} ${header.CamelJiraSpokeIssueKey} ${header.CamelJiraSpokeIssueId}",
                                "Checkout fails with a saved card PROJ-123 10123",
                                "Checkout fails with a saved card PROJ-123 20123")
                        .badInput(BadInput.options("")
                                .mustSay("issue/get", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/update")
                        .options("issueKey=PROJ-123&summary=RAW(Checkout works again)")
                        .cloud("PUT", "/rest/api/3/issue/PROJ-123", noContent())
                        .dataCenter("PUT", "/rest/api/2/issue/PROJ-123", noContent())
                        .result("${header.CamelJiraSpokeIssueKey}", "PROJ-123")
                        .badInput(BadInput.options("summary=RAW(Checkout works again)")
                                .mustSay("issue/update", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/delete")
                        .options("issueKey=PROJ-123")
                        .cloud("DELETE", "/rest/api/3/issue/PROJ-123?deleteSubtasks=false", noContent())
                        .dataCenter("DELETE", "/rest/api/2/issue/PROJ-123?deleteSubtasks=false", noContent())
                        .result("${header.CamelJiraSpokeIssueKey}", "PROJ-123")
                        // a blank header is no key either, and it must not fall back to anything
                        .badInput(BadInput.options("deleteSubtasks=true").headers(JiraSpokeConstants.ISSUE_KEY, "")
                                .mustSay("issue/delete", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/search")
                        // limit = pageSize: one page answers the call, and it still has more behind it
                        .options("jql=RAW(project = PROJ ORDER BY key)&fields=summary,status,updated&pageSize=2"
                                 + "&limit=2")
                        .cloud("POST", "/rest/api/3/search/jql", ok(json("cloud-search-jql-page1.json")))
                        .dataCenter("POST", "/rest/api/2/search", ok(json("dc-search-page1.json")))
                        .result("${body.size()} ${body[1].key}", "2 PROJ-2")
                        .badInput(BadInput.options("fields=summary").headers(JiraSpokeConstants.JQL, " ")
                                .mustSay("issue/search", "'jql'", JiraSpokeConstants.JQL)),
                Row.of("board/list")
                        .options("projectKey=PROJ&boardName=Checkout")
                        .cloud("GET", "/rest/agile/1.0/board?startAt=0&maxResults=100&projectKeyOrId=PROJ&name=Checkout",
                                ok(boards("https://example.atlassian.net", 10000)))
                        .dataCenter("GET", "/rest/agile/1.0/board?startAt=0&maxResults=100&projectKeyOrId=PROJ"
                                           + "&name=Checkout",
                                ok(boards("https://jira.example.com", 10100)))
                        .result("${body.size()} ${body[0].id} ${body[0].type} ${body[0].projectKey}",
                                "1 84 scrum PROJ")
                        .noBadInput("every option is optional and the body is not read"),
                Row.of("project/create")
                        .options("projectKey=NEW&projectName=RAW(Neuer Webshop)&projectTypeKey=software&projectLead="
                                 + "5b10a2844c20165700ede21g")
                        .cloud("POST", "/rest/api/3/project", created(json("cloud-project-created.json")))
                        .dataCenter("POST", "/rest/api/2/project", created(json("dc-project-created.json")))
                        .result("${body.key} ${body.id} ${header.CamelJiraSpokeProjectId}", "NEW 10042 10042",
                                "NEW 10142 10142")
                        .badInput(BadInput.options("projectKey=NEW&projectTypeKey=software&projectLead=alovelace")
                                .mustSay("project/create", "field 'name'", "option 'projectName'",
                                        JiraSpokeConstants.PROJECT_NAME)),
                Row.of("project/get")
                        .options("projectKey=PROJ")
                        .cloud("GET", "/rest/api/3/project/PROJ", ok(json("cloud-project-PROJ.json")))
                        .dataCenter("GET", "/rest/api/2/project/PROJ", ok(json("dc-project-PROJ.json")))
                        .result("${body.name} ${body.lead.displayName} ${header.CamelJiraSpokeProjectId}",
                                "Web shop Mia Krystof 10000", "Web shop Ada Lovelace 10100")
                        .badInput(BadInput.options("expand=lead")
                                .mustSay("project/get", "'projectKey'", JiraSpokeConstants.PROJECT_KEY)),
                Row.of("project/list")
                        .cloud("GET", "/rest/api/3/project/search?startAt=0&maxResults=100",
                                ok(json("cloud-project-search.json")))
                        .dataCenter("GET", "/rest/api/2/project", ok(json("dc-projects.json")))
                        .result("${body.size()} ${body[1].key} ${body[1].projectTypeKey}", "2 SUP service_desk")
                        .noBadInput("every option is optional and the body is not read"),
                Row.of("project/assignableUsers")
                        // limit = pageSize: one window answers the call
                        .options("projectKey=PROJ&userQuery=a&pageSize=2&limit=2")
                        .cloud("GET", "/rest/api/3/user/assignable/multiProjectSearch?projectKeys=PROJ&query=a"
                                      + "&startAt=0&maxResults=2", ok(json("cloud-assignable-users.json")))
                        .dataCenter("GET", "/rest/api/2/user/assignable/multiProjectSearch?projectKeys=PROJ"
                                           + "&username=a&startAt=0&maxResults=2", ok(json("dc-assignable-users.json")))
                        .result("${body.size()} ${body[1].id}", "2 5b10ac8d82e05b22cc7d4ef5", "2 ghopper")
                        .badInput(BadInput.options("userQuery=a").headers(JiraSpokeConstants.PROJECT_KEY, " , ")
                                .mustSay("project/assignableUsers", "'projectKey'", JiraSpokeConstants.PROJECT_KEY)),
                Row.of("metadata/issueTypes")
                        .options("projectKey=PROJ")
                        .cloud("GET", "/rest/api/3/issue/createmeta/PROJ/issuetypes?startAt=0&maxResults=50",
                                ok(json("cloud-createmeta-issuetypes.json")))
                        .dataCenter("GET", "/rest/api/2/issue/createmeta/PROJ/issuetypes?startAt=0&maxResults=50",
                                ok(json("dc-createmeta-issuetypes.json")))
                        .result("${body.size()} ${body[0].name} ${body[2].subtask}", "3 Bug true")
                        .badInput(BadInput.options("")
                                .mustSay("metadata/issueTypes", "'projectKey'", JiraSpokeConstants.PROJECT_KEY)),
                Row.of("metadata/creatableFields")
                        .options("projectKey=PROJ&issueType=10001")
                        .cloud("GET", "/rest/api/3/issue/createmeta/PROJ/issuetypes/10001?startAt=0&maxResults=50",
                                ok(json("cloud-createmeta-fields.json")))
                        .dataCenter("GET", "/rest/api/2/issue/createmeta/PROJ/issuetypes/10001?startAt=0"
                                           + "&maxResults=50", ok(json("dc-createmeta-fields.json")))
                        .result("${body.size()} ${body[0].id} ${body[0].required} ${body[3].name}",
                                "4 summary true Story Points")
                        .badInput(BadInput.options("projectKey=PROJ")
                                .mustSay("metadata/creatableFields", "'issueType'", JiraSpokeConstants.ISSUE_TYPE)),
                Row.of("metadata/editableFields")
                        .options("issueKey=PROJ-123")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123/editmeta", ok(json("cloud-editmeta-PROJ-123.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123/editmeta", ok(json("dc-editmeta-PROJ-123.json")))
                        .result("${body.size()} ${body[0].id} ${body[0].required}", "3 summary true")
                        .badInput(BadInput.options("")
                                .mustSay("metadata/editableFields", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/transitions")
                        .options("issueKey=PROJ-123")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123/transitions?expand=transitions.fields",
                                ok(json("cloud-transitions-PROJ-123.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123/transitions?expand=transitions.fields",
                                ok(json("dc-transitions-PROJ-123.json")))
                        .result("${body.size()} ${body[1].toStatus} ${body[1].fields.size()}", "3 In Progress 0",
                                "3 Resolved 1")
                        .badInput(BadInput.options("")
                                .mustSay("issue/transitions", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/transition")
                        // an id is sent as is: one request
                        .options("issueKey=PROJ-123&transition=31")
                        .cloud("POST", "/rest/api/3/issue/PROJ-123/transitions", noContent())
                        .dataCenter("POST", "/rest/api/2/issue/PROJ-123/transitions", noContent())
                        .result("${header.CamelJiraSpokeIssueKey} ${header.CamelJiraSpokeTransitionId}", "PROJ-123 31")
                        .badInput(BadInput.options("issueKey=PROJ-123").body("Fixed in 4.2")
                                .mustSay("issue/transition", "'transition'", JiraSpokeConstants.TRANSITION,
                                        "'targetStatus'", JiraSpokeConstants.TARGET_STATUS)),
                Row.of("issue/statuses")
                        .options("projectKey=PROJ")
                        .cloud("GET", "/rest/api/3/project/PROJ/statuses", ok(json("cloud-project-statuses.json")))
                        .dataCenter("GET", "/rest/api/2/project/PROJ/statuses", ok(json("dc-project-statuses.json")))
                        .result("${body.size()} ${body[1].subtask} ${body[0].statuses[1].category}",
                                "2 true indeterminate")
                        .badInput(BadInput.options("")
                                .mustSay("issue/statuses", "'projectKey'", JiraSpokeConstants.PROJECT_KEY)),
                Row.of("issue/priorities")
                        .cloud("GET", "/rest/api/3/priority/search?startAt=0&maxResults=50",
                                ok(json("cloud-priority-search.json")))
                        .dataCenter("GET", "/rest/api/2/priority", ok(json("dc-priorities.json")))
                        .result("${body.size()} ${body[2].name} ${body[2].statusColor}", "5 Medium #f79232",
                                "5 Major #f79232")
                        // a name is not an id: Jira would answer 404, the component says what to do
                        .badInput(BadInput.options("priorityId=Medium")
                                .mustSay("issue/priorities", "'priorityId'", JiraSpokeConstants.PRIORITY_ID)),
                Row.of("issue/assign")
                        .options("issueKey=PROJ-123&assignee=default")
                        .cloud("PUT", "/rest/api/3/issue/PROJ-123/assignee", noContent())
                        .dataCenter("PUT", "/rest/api/2/issue/PROJ-123/assignee", noContent())
                        .result("${header.CamelJiraSpokeIssueKey}", "PROJ-123")
                        .badInput(BadInput.options("issueKey=PROJ-123").headers(JiraSpokeConstants.ASSIGNEE, " ")
                                .mustSay("issue/assign", "'assignee'", JiraSpokeConstants.ASSIGNEE)),
                Row.of("issue/addWatcher")
                        .options("issueKey=PROJ-123&watcher=5b10ac8d82e05b22cc7d4ef5")
                        .cloud("POST", "/rest/api/3/issue/PROJ-123/watchers", noContent())
                        .dataCenter("POST", "/rest/api/2/issue/PROJ-123/watchers", noContent())
                        .result("${header.CamelJiraSpokeIssueKey}", "PROJ-123")
                        .badInput(BadInput.options("issueKey=PROJ-123")
                                .mustSay("issue/addWatcher", "'watcher'", JiraSpokeConstants.WATCHER)),
                Row.of("issue/removeWatcher")
                        .options("issueKey=PROJ-123&watcher=5b10ac8d82e05b22cc7d4ef5")
                        .cloud("DELETE", "/rest/api/3/issue/PROJ-123/watchers?accountId=5b10ac8d82e05b22cc7d4ef5",
                                noContent())
                        .dataCenter("DELETE", "/rest/api/2/issue/PROJ-123/watchers?username=5b10ac8d82e05b22cc7d4ef5",
                                noContent())
                        .result("${header.CamelJiraSpokeIssueKey}", "PROJ-123")
                        .badInput(BadInput.options("watcher=5b10ac8d82e05b22cc7d4ef5")
                                .mustSay("issue/removeWatcher", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/watchers")
                        .options("issueKey=PROJ-123")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123/watchers", ok(json("cloud-watchers-PROJ-123.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123/watchers", ok(json("dc-watchers-PROJ-123.json")))
                        .result("${body.watchCount} ${body.watchers[0].id} ${header.CamelJiraSpokeIssueKey}",
                                "2 5b10a2844c20165700ede21g PROJ-123", "2 alovelace PROJ-123")
                        .badInput(BadInput.options("")
                                .mustSay("issue/watchers", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/notify")
                        .options("issueKey=PROJ-123&subject=RAW(Checkout fixed)&notifyTo=watchers,assignee")
                        .body("The fix for the saved-card payments is live.")
                        .cloud("POST", "/rest/api/3/issue/PROJ-123/notify", noContent())
                        .dataCenter("POST", "/rest/api/2/issue/PROJ-123/notify", noContent())
                        .result("${header.CamelJiraSpokeIssueKey}", "PROJ-123")
                        // an e-mail to nobody is refused before it is queued
                        .badInput(BadInput.options("issueKey=PROJ-123&subject=RAW(Checkout fixed)")
                                .body("The fix is live.")
                                .mustSay("issue/notify", "recipients", "'notifyTo'", JiraSpokeConstants.NOTIFY_TO,
                                        "'notifyToUsers'", "'notifyToGroups'")));
    }

    /** GET /rest/agile/1.0/board as both deployments answer it: one page, the board located in its project. */
    private static String boards(String site, int projectId) {
        return """
                {"maxResults":100,"startAt":0,"total":1,"isLast":true,"values":[
                  {"id":84,"self":"%1$s/rest/agile/1.0/board/84","name":"Checkout board","type":"scrum",
                   "location":{"projectId":%2$d,"displayName":"Web shop (PROJ)","projectName":"Web shop",
                               "projectKey":"PROJ","projectTypeKey":"software",
                               "avatarURI":"%1$s/rest/api/2/universal_avatar/view/type/project/avatar/10411?size=small",
                               "name":"Web shop (PROJ)"}}]}
                """.formatted(site, projectId);
    }

    // the checks

    @Test
    void everyImplementedActionHasARowForEachDeploymentItExistsOn() {
        assertThat(rows()).extracting(Row::action)
                .as("rows of ActionContractTest").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(JiraSpokeProducers.implementedIds());
        for (Row row : rows()) {
            JiraSpokeAction action = JiraSpokeAction.find(row.action());
            assertThat(row.resultExpression()).as(row + " says what the result is").isNotBlank();
            assertThat(row.badInput() != null || row.noBadInputBecause() != null)
                    .as(row + " has a bad input or says why not").isTrue();
            assertThat(row.cloud() != null).as(row + " has a Cloud call")
                    .isEqualTo(action.variantFor(Deployment.CLOUD, null) != null);
            assertThat(row.dataCenter() != null).as(row + " has a Data Center call")
                    .isEqualTo(action.variantFor(Deployment.SERVER, null) != null);
        }
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("rowsByConnection")
    void aValidCallGoesToTheBaseUrlWithTheCredentialAndSucceeds(Row row, Via via) throws Exception {
        Call call = row.call(via);
        stub(via, call, call.answer());
        start(via, row);

        Exchange ex = sendValid(row);

        assertThat(ex.getException()).as("exception").isNull();
        assertThat(result(ex, row)).isEqualTo(row.expected(via));
        assertThat(sent()).singleElement().satisfies(r -> {
            assertThat(r.getMethod().getName()).isEqualTo(call.method());
            assertThat(r.getUrl()).isEqualTo(via.prefix() + call.pathAndQuery());
            assertThat(r.getHeader("Authorization")).isEqualTo(via.authorization());
        });
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("rowsByCloudConnection")
    void cloudRequestsMatchAtlassiansOpenApiSpec(Row row, Via via) throws Exception {
        Call call = row.call(via);
        stub(via, call, call.answer());
        start(via, row);

        Exchange ex = sendValid(row);

        assertThat(ex.getException()).as("exception").isNull();
        List<LoggedRequest> sent = sent();
        // a request no spec covers would pass the check unseen
        assertThat(sent).isNotEmpty().allMatch(OpenApiContract::isCovered, "covered by a spec");
        assertThat(OpenApiContract.problems(sent)).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("rowsByJiraError")
    void jiraErrorsBecomeTypedExceptionsNamingTheRequest(Row row, JiraError error) throws Exception {
        Via via = Via.of(error.flavor());
        Call call = row.call(via);
        stub(via, call, error.response());
        start(via, row);

        Exchange ex = sendValid(row);

        assertJiraError(ex, error, call.method(), call.pathAndQuery());
        assertNoResultHeaders(ex, row);
        assertThat(sent()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("rowsByFlavour")
    void rateLimitedOnceThenTheSameRequestSucceeds(Row row, Via via) throws Exception {
        Call call = row.call(via);
        // Retry-After: 0 keeps 16 cases fast; this checks the retry, JiraHttpRetryTest measures the waits
        stubRateLimitedOnce(() -> WireMock.request(call.method(), urlEqualTo(via.prefix() + call.pathAndQuery())),
                call.answer(), 0);
        start(via, row);

        Exchange ex = sendValid(row);

        assertThat(ex.getException()).as("exception").isNull();
        assertThat(result(ex, row)).isEqualTo(row.expected(via));
        List<LoggedRequest> sent = sent();
        assertThat(sent).hasSize(2);
        LoggedRequest first = sent.get(0);
        LoggedRequest again = sent.get(1);
        assertThat(again.getMethod()).isEqualTo(first.getMethod());
        assertThat(again.getUrl()).isEqualTo(first.getUrl());
        assertThat(again.getBodyAsString()).as("body sent again").isEqualTo(first.getBodyAsString());
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("rowsByFlavour")
    void internalServerErrorIsAServerErrorAfterOneRequest(Row row, Via via) throws Exception {
        Call call = row.call(via);
        // a write may have been done before Jira failed, and a 500 does not go away on a retry: both are sent once
        stub(via, call, WireMock.aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(INTERNAL_SERVER_ERROR));
        start(via, row);

        Exchange ex = sendValid(row);

        JiraSpokeServerErrorException e = failure(ex, JiraSpokeServerErrorException.class);
        assertThat(e.getStatus()).isEqualTo(500);
        assertThat(e.getMethod()).isEqualTo(call.method());
        assertThat(e.getPath()).isEqualTo(call.pathAndQuery());
        assertThat(e.getErrorMessages()).containsExactly("Internal server error");
        assertThat(e.getMessage()).contains("500", call.method() + " " + call.pathAndQuery(), "Internal server error")
                .doesNotContain(CLOUD_API_TOKEN, DC_PAT);
        assertNoResultHeaders(ex, row);
        assertThat(sent()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("rowsWithBadInputByFlavour")
    void badInputIsRefusedBeforeAnythingIsSent(Row row, Via via) throws Exception {
        Call call = row.call(via);
        // were the input sent, Jira would accept it: the refusal must come from the component
        stub(via, call, call.answer());
        start(via, row);
        BadInput bad = row.badInput();

        Exchange ex = send(uri(row.action(), bad.options()), bad.body(), bad.headers());

        assertRefusedLocally(ex, bad.words().toArray(String[]::new));
    }

    // sources

    static Stream<Arguments> rowsByConnection() {
        return rows().stream().flatMap(r -> Stream.of(Via.values()).filter(r::runsVia).map(v -> Arguments.of(r, v)));
    }

    static Stream<Arguments> rowsByCloudConnection() {
        return rowsByConnection().filter(a -> ((Via) a.get()[1]).flavour == Flavor.CLOUD);
    }

    static Stream<Arguments> rowsByFlavour() {
        return rowsByConnection().filter(a -> a.get()[1] != Via.CLOUD_GATEWAY);
    }

    static Stream<Arguments> rowsWithBadInputByFlavour() {
        return rowsByFlavour().filter(a -> ((Row) a.get()[0]).badInput() != null);
    }

    static Stream<Arguments> rowsByJiraError() {
        List<JiraError> errors = jiraErrors().map(a -> (JiraError) a.get()[0]).toList();
        return rows().stream().flatMap(r -> errors.stream().filter(e -> r.runsVia(Via.of(e.flavor())))
                .map(e -> Arguments.of(r, e)));
    }

    // helpers

    private void stub(Via via, Call call, ResponseDefinitionBuilder answer) {
        MappingBuilder request = WireMock.request(call.method(), urlEqualTo(via.prefix() + call.pathAndQuery()));
        jira.stubFor(request.willReturn(answer));
    }

    private void start(Via via, Row row) throws Exception {
        current = row.call(via);
        if (via == Via.DATA_CENTER) {
            // the version a connection learns once, for actions whose API depends on it; a row's own stub wins
            jira.stubFor(WireMock.get(urlEqualTo(DC_CONTEXT_PATH + SERVER_INFO)).atPriority(10)
                    .willReturn(ok(json("dc-serverInfo.json"))));
        }
        start(Map.of("jira", via.connection(this, row)));
    }

    private Exchange sendValid(Row row) {
        return send(uri(row.action(), row.options()), row.body(), row.headers());
    }

    private static String uri(String action, String options) {
        return "jiraspoke:" + action + "?connection=jira" + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * The requests the action sent, in order. Learning the server's version is the connection's business, not the
     * action's request, so serverInfo counts only for an action that calls it itself.
     */
    private List<LoggedRequest> sent() {
        return jira.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(r -> !r.getUrl().endsWith(SERVER_INFO) || current.pathAndQuery().endsWith(SERVER_INFO))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    private String result(Exchange ex, Row row) {
        return context.resolveLanguage("simple").createExpression(row.resultExpression()).evaluate(ex, String.class);
    }

    /** A failed call leaves no result header behind that a later step could take for an outcome. */
    private static void assertNoResultHeaders(Exchange ex, Row row) {
        Set<String> added = ex.getMessage().getHeaders().keySet().stream()
                .filter(h -> h.startsWith("CamelJiraSpoke") && !row.headers().containsKey(h))
                .collect(Collectors.toSet());
        assertThat(added).as("result headers after a failure").isEmpty();
    }

    private static ResponseDefinitionBuilder ok(String json) {
        return okJson(json);
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The scopes the catalogue asks of the action on Cloud: what a scoped token for it would be granted. */
    private static String scopesFor(String action) {
        ActionVariant v = JiraSpokeAction.find(action).variantFor(Deployment.CLOUD, null);
        Set<String> scopes = !v.granularScopes().isEmpty() ? v.granularScopes() : v.classicScopes();
        // an action that takes any scope still needs a token that has one
        return scopes.isEmpty() ? "read:jira-user" : String.join(" ", scopes);
    }

    // the row type

    /** How the call reaches Jira: which deployment, base URL and credential. */
    enum Via {
        CLOUD_SITE(Flavor.CLOUD, "Cloud site, basic-api-token"),
        DATA_CENTER(Flavor.DC, "Data Center under " + DC_CONTEXT_PATH + ", personal-access-token"),
        CLOUD_GATEWAY(Flavor.CLOUD, "Cloud API gateway, scoped-api-token");

        final Flavor flavour;
        private final String label;

        Via(Flavor flavour, String label) {
            this.flavour = flavour;
            this.label = label;
        }

        static Via of(Flavor flavour) {
            return flavour == Flavor.CLOUD ? CLOUD_SITE : DATA_CENTER;
        }

        /** Where the connection's base URL puts the API paths on the WireMock server. */
        String prefix() {
            return switch (this) {
                case CLOUD_SITE -> "";
                case DATA_CENTER -> DC_CONTEXT_PATH;
                case CLOUD_GATEWAY -> "/ex/jira/" + CLOUD_ID;
            };
        }

        String authorization() {
            return switch (this) {
                case CLOUD_SITE -> basic(CLOUD_EMAIL, CLOUD_API_TOKEN);
                case DATA_CENTER -> "Bearer " + DC_PAT;
                case CLOUD_GATEWAY -> basic(CLOUD_EMAIL, SCOPED_API_TOKEN);
            };
        }

        JiraSpokeConnection connection(ActionContractTest test, Row row) {
            String wiremock = test.jira.baseUrl();
            return switch (this) {
                case CLOUD_SITE -> JiraSpokeConnection.basicApiToken(wiremock, CLOUD_EMAIL, CLOUD_API_TOKEN);
                case DATA_CENTER -> JiraSpokeConnection.personalAccessToken(wiremock + DC_CONTEXT_PATH, DC_PAT);
                case CLOUD_GATEWAY -> {
                    JiraSpokeConnection c = new JiraSpokeConnection();
                    c.setAuthType("scoped-api-token");
                    c.setCloudId(CLOUD_ID);
                    c.setEmail(CLOUD_EMAIL);
                    c.setApiToken(SCOPED_API_TOKEN);
                    c.setScopes(scopesFor(row.action()));
                    c.setApiGatewayUrl(wiremock);
                    yield c;
                }
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The request a valid call makes on one deployment, and Jira's usual answer to it. */
    record Call(String method, String pathAndQuery, ResponseDefinitionBuilder answer) {
    }

    /** A message that cannot make a request, and the words (the option and header to set) its refusal must say. */
    record BadInput(String options, Object body, Map<String, Object> headers, List<String> words) {

        static BadInput options(String options) {
            return new BadInput(options, null, Map.of(), List.of());
        }

        BadInput body(Object body) {
            return new BadInput(options, body, headers, words);
        }

        BadInput headers(String name, Object value) {
            Map<String, Object> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new BadInput(options, body, Map.copyOf(h), words);
        }

        BadInput mustSay(String... words) {
            return new BadInput(options, body, headers, List.of(words));
        }
    }

    /**
     * One action in the contract: a valid call (options, body, headers), the request it makes and Jira's answer on
     * each deployment (null where the action does not exist), a Simple expression over the resulting exchange with
     * its value per deployment, and a bad input, or why the action has none.
     */
    record Row(String action, String options, Object body, Map<String, Object> headers, Call cloud, Call dataCenter,
               String resultExpression, String cloudResult, String dataCenterResult, BadInput badInput,
               String noBadInputBecause) {

        static Row of(String action) {
            return new Row(action, "", null, Map.of(), null, null, null, null, null, null, null);
        }

        Row options(String options) {
            return new Row(action, options, body, headers, cloud, dataCenter, resultExpression, cloudResult,
                    dataCenterResult, badInput, noBadInputBecause);
        }

        Row body(Object body) {
            return new Row(action, options, body, headers, cloud, dataCenter, resultExpression, cloudResult,
                    dataCenterResult, badInput, noBadInputBecause);
        }

        Row cloud(String method, String pathAndQuery, ResponseDefinitionBuilder answer) {
            return new Row(action, options, body, headers, new Call(method, pathAndQuery, answer), dataCenter,
                    resultExpression, cloudResult, dataCenterResult, badInput, noBadInputBecause);
        }

        Row dataCenter(String method, String pathAndQuery, ResponseDefinitionBuilder answer) {
            return new Row(action, options, body, headers, cloud, new Call(method, pathAndQuery, answer),
                    resultExpression, cloudResult, dataCenterResult, badInput, noBadInputBecause);
        }

        Row result(String expression, String onBoth) {
            return result(expression, onBoth, onBoth);
        }

        Row result(String expression, String onCloud, String onDataCenter) {
            return new Row(action, options, body, headers, cloud, dataCenter, expression, onCloud, onDataCenter,
                    badInput, noBadInputBecause);
        }

        Row badInput(BadInput bad) {
            return new Row(action, options, body, headers, cloud, dataCenter, resultExpression, cloudResult,
                    dataCenterResult, bad, null);
        }

        /** Says why no message can fail before a request, so that leaving check 6 out is a decision. */
        Row noBadInput(String because) {
            return new Row(action, options, body, headers, cloud, dataCenter, resultExpression, cloudResult,
                    dataCenterResult, null, because);
        }

        boolean runsVia(Via via) {
            return call(via) != null;
        }

        Call call(Via via) {
            return via.flavour == Flavor.CLOUD ? cloud : dataCenter;
        }

        String expected(Via via) {
            return via.flavour == Flavor.CLOUD ? cloudResult : dataCenterResult;
        }

        @Override
        public String toString() {
            return action;
        }
    }
}
