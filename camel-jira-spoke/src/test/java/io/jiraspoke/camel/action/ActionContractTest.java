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
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionVariant;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.model.JiraAttachment;
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

    /** The call of the running test, whose background requests sent() leaves out. */
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
                Row.of("field/lookup")
                        .options("fieldName=RAW(Story Points)")
                        .cloud("GET", "/rest/api/3/field", ok(json("cloud-fields.json")))
                        .dataCenter("GET", "/rest/api/2/field", ok(json("dc-fields.json")))
                        .result("${body.id} ${body.schemaType} ${header.CamelJiraSpokeFieldId}",
                                "customfield_10028 number customfield_10028", "customfield_10106 number customfield_10106")
                        // a blank name is neither a name nor the absence of one (which lists every field)
                        .badInput(BadInput.options("").headers(JiraSpokeConstants.FIELD_NAME, " ")
                                .mustSay("field/lookup", "'fieldName'", JiraSpokeConstants.FIELD_NAME)),
                Row.of("audit/logs")
                        .options("from=2026-11-01&to=2026-11-28T10:00:00Z&filter=group")
                        .cloud("GET", "/rest/api/3/auditing/record?offset=0&limit=100&filter=group"
                                      + "&from=2026-11-01T00%3A00%3A00.000%2B0000&to=2026-11-28T10%3A00%3A00.000%2B0000",
                                ok(auditRecords()))
                        .dataCenter("GET", "/rest/auditing/1.0/events?limit=100&search=group"
                                           + "&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-28T10%3A00%3A00.000Z",
                                ok(auditEvents()))
                        .dataCenterVersion("10.3.1")
                        .result("${body.size()} ${body[0].summary} / ${body[1].summary} by ${body[1].author}",
                                "2 User created / User added to group by admin")
                        .badInput(BadInput.options("from=last week")
                                .mustSay("audit/logs", "'from'", JiraSpokeConstants.FROM)),
                Row.of("webhook/list")
                        .cloud("GET", "/rest/webhooks/1.0/webhook", ok("[" + adminWebhook("https://example.atlassian.net")
                                                                       + "]"))
                        .cloudOutsideSpec("admin webhooks are not in the platform spec")
                        .dataCenter("GET", "/rest/webhooks/1.0/webhook", ok("[" + adminWebhook("https://jira.example.com")
                                                                            + "]"))
                        .dataCenterVersion("9.12.2")
                        .result("${body.size()} ${body[0].id} ${body[0].jql}", "1 3 project = PROJ")
                        .noBadInput("it reads no option, header or body"),
                Row.of("webhook/subscribe")
                        .options("webhookName=RAW(Camel bridge)&webhookUrl=https://camel.example.com/jira/events"
                                 + "&webhookEvents=jira:issue_created,jira:issue_updated&jql=RAW(project = PROJ)"
                                 + "&webhookSecret=RAW(whsec-S3CRET)")
                        .cloud("POST", "/rest/webhooks/1.0/webhook", created(adminWebhook("https://example.atlassian.net")))
                        .cloudAlso("GET", "/rest/webhooks/1.0/webhook", ok("[]"))
                        .cloudOutsideSpec("admin webhooks are not in the platform spec")
                        .dataCenter("POST", "/rest/jira-webhook/1.0/webhooks", created(dataCenterWebhook()))
                        .dataCenterAlso("GET", "/rest/jira-webhook/1.0/webhooks?start=0&limit=100", ok("[]"))
                        .dataCenterVersion("10.3.1")
                        .result("${header.CamelJiraSpokeWebhookId} ${header.CamelJiraSpokeWebhookOutcome} ${body.jql}",
                                "3 created project = PROJ")
                        .badInput(BadInput.options("webhookName=x&webhookEvents=jira:issue_created")
                                .mustSay("webhook/subscribe", "'webhookUrl'", JiraSpokeConstants.WEBHOOK_URL)),
                Row.of("webhook/update")
                        .options("webhookId=3&jql=RAW(project = PROJ AND type = Bug)")
                        .cloud("PUT", "/rest/webhooks/1.0/webhook/3", ok(adminWebhook("https://example.atlassian.net")
                                .replace("project = PROJ", "project = PROJ AND type = Bug")))
                        .cloudAlso("GET", "/rest/webhooks/1.0/webhook/3", ok(adminWebhook("https://example.atlassian.net")))
                        .cloudOutsideSpec("admin webhooks are not in the platform spec")
                        .dataCenter("PUT", "/rest/jira-webhook/1.0/webhooks/3", ok(dataCenterWebhook()
                                .replace("project = PROJ", "project = PROJ AND type = Bug")))
                        .dataCenterAlso("GET", "/rest/jira-webhook/1.0/webhooks/3", ok(dataCenterWebhook()))
                        .dataCenterVersion("10.3.1")
                        .result("${body.jql} ${header.CamelJiraSpokeWebhookId} ${header.CamelJiraSpokeWebhookOutcome}",
                                "project = PROJ AND type = Bug 3 updated")
                        .badInput(BadInput.options("jql=RAW(project = PROJ)")
                                .mustSay("webhook/update", "'webhookId'", JiraSpokeConstants.WEBHOOK_ID)),
                Row.of("webhook/unsubscribe")
                        .options("webhookId=3")
                        .cloud("DELETE", "/rest/webhooks/1.0/webhook/3", noContent())
                        .cloudOutsideSpec("admin webhooks are not in the platform spec")
                        .dataCenter("DELETE", "/rest/jira-webhook/1.0/webhooks/3", noContent())
                        .dataCenterVersion("10.3.1")
                        .result("${header.CamelJiraSpokeWebhookId} ${header.CamelJiraSpokeWebhookOutcome}", "3 deleted")
                        .badInput(BadInput.options("")
                                .mustSay("webhook/unsubscribe", "'webhookId'", "'webhookName'", "'webhookUrl'")),
                Row.of("sprint/create")
                        .options("sprintName=RAW(Checkout 13)&boardId=84&startDate=2026-11-16T08:00:00Z"
                                 + "&endDate=2026-11-30&sprintGoal=RAW(Refunds for saved cards)")
                        .cloud("POST", "/rest/agile/1.0/sprint", created(json("cloud-sprint-created.json")))
                        .dataCenter("POST", "/rest/agile/1.0/sprint", created(json("dc-sprint-created.json")))
                        .result("${body.id} ${body.state} ${header.CamelJiraSpokeSprintId}", "38 future 38")
                        .badInput(BadInput.options("sprintName=RAW(Checkout 13)&boardId=board-84")
                                .mustSay("sprint/create", "'boardId'", JiraSpokeConstants.BOARD_ID, "a number")),
                Row.of("sprint/get")
                        .options("sprintId=37")
                        .cloud("GET", "/rest/agile/1.0/sprint/37", ok(json("cloud-sprint-37.json")))
                        .dataCenter("GET", "/rest/agile/1.0/sprint/37", ok(json("dc-sprint-37.json")))
                        .result("${body.name} ${body.state} ${header.CamelJiraSpokeSprintId}", "Checkout 12 active 37")
                        .badInput(BadInput.options("")
                                .mustSay("sprint/get", "'sprintId'", JiraSpokeConstants.SPRINT_ID)),
                Row.of("sprint/update")
                        .options("sprintId=37&sprintGoal=RAW(Saved cards work again)")
                        .cloud("POST", "/rest/agile/1.0/sprint/37", ok(json("cloud-sprint-37.json")))
                        .dataCenter("POST", "/rest/agile/1.0/sprint/37", ok(json("dc-sprint-37.json")))
                        .result("${body.goal} ${header.CamelJiraSpokeSprintId}", "Saved cards work again 37")
                        // a partial update of nothing would change nothing
                        .badInput(BadInput.options("sprintId=37")
                                .mustSay("sprint/update", "nothing to change", "'sprintName'", "'sprintState'")),
                Row.of("sprint/delete")
                        .options("sprintId=37")
                        .cloud("DELETE", "/rest/agile/1.0/sprint/37", noContent())
                        .dataCenter("DELETE", "/rest/agile/1.0/sprint/37", noContent())
                        .result("${header.CamelJiraSpokeSprintId}", "37")
                        .badInput(BadInput.options("").headers(JiraSpokeConstants.SPRINT_ID, "Checkout 12")
                                .mustSay("sprint/delete", "'sprintId'", JiraSpokeConstants.SPRINT_ID, "a number")),
                Row.of("sprint/list")
                        .options("boardId=84&sprintState=active,closed&pageSize=50")
                        .cloud("GET", "/rest/agile/1.0/board/84/sprint?startAt=0&maxResults=50&state=active%2Cclosed",
                                ok(json("cloud-sprints-board-84.json")))
                        .dataCenter("GET", "/rest/agile/1.0/board/84/sprint?startAt=0&maxResults=50"
                                           + "&state=active%2Cclosed",
                                ok(json("dc-sprints-board-84.json")))
                        .result("${body.size()} ${body[1].name} ${body[1].originBoardId}", "3 Checkout 12 84")
                        .badInput(BadInput.options("boardId=84&sprintState=open")
                                .mustSay("sprint/list", "'sprintState'", JiraSpokeConstants.SPRINT_STATE, "'open'")),
                Row.of("user/create")
                        .options("emailAddress=grace.hopper@example.com&products=jira-software")
                        .cloud("POST", "/rest/api/3/user", created(json("cloud-user-created.json")))
                        .dataCenter("POST", "/rest/api/2/user", created(json("dc-user-created.json")))
                        .dataCenterOptions("user=ghopper&emailAddress=grace.hopper@example.com"
                                           + "&displayName=RAW(Grace Hopper)&userPassword=RAW(Tr0ub4dor&3)"
                                           + "&products=jira-software")
                        .result("${body.emailAddress} ${header.CamelJiraSpokeUser}",
                                "grace.hopper@example.com 712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f",
                                "grace.hopper@example.com ghopper")
                        .badInput(BadInput.options("products=jira-software")
                                .mustSay("user/create", "'emailAddress'", JiraSpokeConstants.EMAIL_ADDRESS)),
                Row.of("user/delete")
                        .options("user=5b10a2844c20165700ede21g")
                        .cloud("DELETE", "/rest/api/3/user?accountId=5b10a2844c20165700ede21g", noContent())
                        .dataCenter("DELETE", "/rest/api/2/user?username=jgross", noContent())
                        .dataCenterOptions("user=jgross")
                        .result("${header.CamelJiraSpokeUser}", "5b10a2844c20165700ede21g", "jgross")
                        .badInput(BadInput.options("").mustSay("user/delete", "'user'", JiraSpokeConstants.USER)),
                Row.of("user/groups")
                        .options("user=712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f")
                        .cloud("GET", "/rest/api/3/user/groups?accountId=712020%3A0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f",
                                ok(json("cloud-user-groups.json")))
                        .dataCenter("GET", "/rest/api/2/user?username=ghopper&expand=groups",
                                ok(json("dc-user-with-groups.json")))
                        .dataCenterOptions("user=ghopper")
                        .result("${body.size()} ${body[1].name}", "2 Zahlungsverkehr Köln")
                        .badInput(BadInput.options("").headers(JiraSpokeConstants.USER, " ")
                                .mustSay("user/groups", "'user'", JiraSpokeConstants.USER)),
                Row.of("user/list")
                        // limit = pageSize: one page answers the call, though a bare-array list ends only when empty
                        .options("pageSize=2&limit=2")
                        .cloud("GET", "/rest/api/3/users/search?startAt=0&maxResults=2", ok(json("cloud-users-search.json")))
                        .result("${body.size()} ${body[1].displayName} ${body[1].active}", "2 Jürgen Groß false")
                        .noBadInput("every option is optional and the body is not read"),
                Row.of("user/search")
                        .options("query=gr&pageSize=2&limit=2")
                        .cloud("GET", "/rest/api/3/user/search?startAt=0&maxResults=2&query=gr",
                                ok(json("cloud-users-search.json")))
                        .dataCenter("GET", "/rest/api/2/user/search?startAt=0&maxResults=2&username=gr",
                                ok(json("dc-users-search.json")))
                        .result("${body.size()} ${body[0].displayName} ${body[1].displayName}",
                                "2 Grace Hopper Jürgen Groß")
                        .badInput(BadInput.options("pageSize=2")
                                .mustSay("user/search", "'query'", JiraSpokeConstants.QUERY)),
                Row.of("group/create")
                        .options("groupName=payments-oncall")
                        .cloud("POST", "/rest/api/3/group", created(json("cloud-group-created.json")))
                        .dataCenter("POST", "/rest/api/2/group", created(json("dc-group-created.json")))
                        .result("${body.name}|${header.CamelJiraSpokeGroupId}",
                                "payments-oncall|9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718", "payments-oncall|")
                        .badInput(BadInput.options("")
                                .mustSay("group/create", "'groupName'", JiraSpokeConstants.GROUP_NAME)),
                Row.of("group/delete")
                        .options("groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718"
                                 + "&swapGroupId=276f955c-63d7-42c8-9520-92d01dca0625")
                        .cloud("DELETE", "/rest/api/3/group?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718"
                                         + "&swapGroupId=276f955c-63d7-42c8-9520-92d01dca0625", emptyOk())
                        .dataCenter("DELETE", "/rest/api/2/group?groupname=payments-oncall"
                                              + "&swapGroup=jira-software-users", emptyOk())
                        .dataCenterOptions("groupName=payments-oncall&swapGroupName=jira-software-users")
                        .result("${header.CamelJiraSpokeGroupId}|${header.CamelJiraSpokeGroupName}",
                                "9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718|", "|payments-oncall")
                        .badInput(BadInput.options("swapGroupName=jira-software-users")
                                .mustSay("group/delete", "'groupName'", JiraSpokeConstants.GROUP_NAME)),
                Row.of("group/addUser")
                        .options("groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718"
                                 + "&user=712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f")
                        .cloud("POST", "/rest/api/3/group/user?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718",
                                created(json("cloud-group-created.json")))
                        .dataCenter("POST", "/rest/api/2/group/user?groupname=payments-oncall",
                                created(json("dc-group-created.json")))
                        .dataCenterOptions("groupName=payments-oncall&user=ghopper")
                        .result("${body.name} ${header.CamelJiraSpokeUser}",
                                "payments-oncall 712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f", "payments-oncall ghopper")
                        .badInput(BadInput.options("groupName=payments-oncall")
                                .mustSay("group/addUser", "'user'", JiraSpokeConstants.USER)),
                Row.of("group/removeUser")
                        .options("groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718&user=5b10a2844c20165700ede21g")
                        .cloud("DELETE", "/rest/api/3/group/user?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718"
                                         + "&accountId=5b10a2844c20165700ede21g", emptyOk())
                        .dataCenter("DELETE", "/rest/api/2/group/user?groupname=payments-oncall&username=jgross",
                                emptyOk())
                        .dataCenterOptions("groupName=payments-oncall&user=jgross")
                        .result("${header.CamelJiraSpokeUser}", "5b10a2844c20165700ede21g", "jgross")
                        .badInput(BadInput.options("user=jgross")
                                .mustSay("group/removeUser", "'groupName'", JiraSpokeConstants.GROUP_NAME)),
                Row.of("group/list")
                        .options("pageSize=50")
                        .cloud("GET", "/rest/api/3/group/bulk?startAt=0&maxResults=50", ok(json("cloud-groups-bulk.json")))
                        // the extension to Data Center: the group picker, one unpaged list
                        .dataCenter("GET", "/rest/api/2/groups/picker?maxResults=1000", ok(json("dc-groups-picker.json")))
                        .result("${body.size()} ${body[1].name}", "3 Zahlungsverkehr Köln", "3 payments-oncall")
                        .noBadInput("every option is optional and the body is not read"),
                Row.of("group/members")
                        .options("groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718&includeInactive=false&pageSize=50")
                        .cloud("GET", "/rest/api/3/group/member?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718"
                                      + "&includeInactiveUsers=false&startAt=0&maxResults=50",
                                ok(json("cloud-group-members.json")))
                        .dataCenter("GET", "/rest/api/2/group/member?groupname=payments-oncall&includeInactiveUsers=false"
                                           + "&startAt=0&maxResults=50",
                                ok(json("dc-group-members.json")))
                        .dataCenterOptions("groupName=payments-oncall&includeInactive=false&pageSize=50")
                        .result("${body.size()} ${body[1].displayName}", "2 Jürgen Groß")
                        .badInput(BadInput.options("includeInactive=true")
                                .mustSay("group/members", "'groupName'", JiraSpokeConstants.GROUP_NAME)),
                Row.of("issue/addAttachment")
                        .options("issueKey=PROJ-123&fileName=build.log")
                        .body(BUILD_LOG.getBytes(StandardCharsets.US_ASCII))
                        .cloud("POST", "/rest/api/3/issue/PROJ-123/attachments", ok(json("cloud-attachments-added.json")))
                        .dataCenter("POST", "/rest/api/2/issue/PROJ-123/attachments",
                                ok(json("dc-attachments-added.json")))
                        .result("${body.size()} ${body[0].id} ${header.CamelJiraSpokeAttachmentId}", "1 10001 10001",
                                "1 20001 20001")
                        .badInput(BadInput.options("issueKey=PROJ-123&fileName=build.log")
                                .mustSay("issue/addAttachment", "message body")),
                Row.of("issue/deleteAttachment")
                        .options("attachmentId=10001")
                        .cloud("DELETE", "/rest/api/3/attachment/10001", noContent())
                        .dataCenter("DELETE", "/rest/api/2/attachment/10001", noContent())
                        .result("${header.CamelJiraSpokeAttachmentId}", "10001")
                        .badInput(BadInput.options("")
                                .mustSay("issue/deleteAttachment", "'attachmentId'", JiraSpokeConstants.ATTACHMENT_ID)),
                Row.of("issue/latestAttachment")
                        .options("issueKey=PROJ-123")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123?fields=attachment", ok(json("cloud-issue-attachments.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123?fields=attachment",
                                ok(json("dc-issue-attachments.json")))
                        .result("${body.id} ${body.filename} ${header.CamelJiraSpokeAttachmentCount}",
                                "10012 trace.txt 4", "20007 Prüfbericht ✓.txt 3")
                        .badInput(BadInput.options("")
                                .mustSay("issue/latestAttachment", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                // the body is what issue/latestAttachment gives: no metadata call, one request for the content. Jira
                // Cloud may answer the content itself (as with redirect=false); AttachmentDownloadActionTest follows
                // its usual 303 to the media host
                Row.of("attachment/download")
                        .body(new JiraAttachment(tree("{\"id\":\"10001\",\"filename\":\"build.log\",\"size\":42,"
                                                      + "\"mimeType\":\"text/plain\",\"content\":\"https://jira.example.com"
                                                      + "/jira/secure/attachment/10001/build.log\"}")))
                        .cloud("GET", "/rest/api/3/attachment/content/10001", content(BUILD_LOG))
                        .dataCenter("GET", "/secure/attachment/10001/build.log", content(BUILD_LOG))
                        .result("${header.CamelJiraSpokeFileName} ${header.CamelJiraSpokeFileSize}"
                                + " ${header.CamelJiraSpokeContentType}", "build.log 42 text/plain")
                        .badInput(BadInput.options("")
                                .mustSay("attachment/download", "'attachmentId'", "'attachmentUrl'",
                                        JiraSpokeConstants.ATTACHMENT_ID)),
                Row.of("issue/addComment")
                        .options("issueKey=PROJ-123")
                        .body("Looks good: deployed to staging.")
                        .cloud("POST", "/rest/api/3/issue/PROJ-123/comment", created(json("cloud-comment-10042.json")))
                        .dataCenter("POST", "/rest/api/2/issue/PROJ-123/comment",
                                created(json("dc-comment-10042.json")))
                        .result("${body.id} ${header.CamelJiraSpokeCommentId} ${body.body}",
                                "10042 10042 Looks good: deployed to staging.")
                        // a visibility needs both halves
                        .badInput(BadInput.options("issueKey=PROJ-123&visibilityType=role").body("Internal note")
                                .mustSay("issue/addComment", "'visibilityValue'", JiraSpokeConstants.VISIBILITY_VALUE)),
                Row.of("issue/latestComment")
                        .options("issueKey=PROJ-123")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123/comment?startAt=0&maxResults=1&orderBy=-created",
                                ok(json("cloud-comments-newest.json")))
                        // Data Center: the first comment tells the count; with one comment it is the newest
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123/comment?startAt=0&maxResults=1",
                                ok(json("dc-comments-newest.json")))
                        .result("${body.id} ${header.CamelJiraSpokeCommentFound}", "10042 true")
                        .badInput(BadInput.options("")
                                .mustSay("issue/latestComment", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/comments")
                        // limit = pageSize: one page answers the call, and it still has more behind it
                        .options("issueKey=PROJ-123&pageSize=2&limit=2")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123/comment?startAt=0&maxResults=2&orderBy=created",
                                ok(json("cloud-comments-page1.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123/comment?startAt=0&maxResults=2",
                                ok(json("dc-comments-page1.json")))
                        .result("${body.size()} ${body[1].id} ${body[1].issueKey}", "2 10043 PROJ-123")
                        .badInput(BadInput.options("pageSize=2").headers(JiraSpokeConstants.ISSUE_KEY, " ")
                                .mustSay("issue/comments", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/updateComment")
                        .options("issueKey=PROJ-123&commentId=10042")
                        .body("Deployed to production.")
                        .cloud("PUT", "/rest/api/3/issue/PROJ-123/comment/10042",
                                ok(json("cloud-comment-10042-edited.json")))
                        .dataCenter("PUT", "/rest/api/2/issue/PROJ-123/comment/10042",
                                ok(json("dc-comment-10042-edited.json")))
                        .result("${body.id} ${body.edited} ${body.visibilityValue}", "10042 true Developers")
                        .badInput(BadInput.options("issueKey=PROJ-123&commentId=latest").body("Deployed.")
                                .mustSay("issue/updateComment", "'commentId'", JiraSpokeConstants.COMMENT_ID,
                                        "a number")),
                Row.of("issue/deleteComment")
                        .options("issueKey=PROJ-123&commentId=10042")
                        .cloud("DELETE", "/rest/api/3/issue/PROJ-123/comment/10042", noContent())
                        .dataCenter("DELETE", "/rest/api/2/issue/PROJ-123/comment/10042", noContent())
                        .result("${header.CamelJiraSpokeIssueKey} ${header.CamelJiraSpokeCommentId}",
                                "PROJ-123 10042")
                        .badInput(BadInput.options("issueKey=PROJ-123")
                                .mustSay("issue/deleteComment", "'commentId'", JiraSpokeConstants.COMMENT_ID)),
                Row.of("webhook/issueFromComment")
                        // a payload without 'issue' (as Data Center sends): the issue is fetched by the id in
                        // comment.self; a Cloud payload carrying its issue calls nothing (WebhookIssueFromCommentActionTest)
                        .body(json("dc-webhook-comment_created.json"))
                        .cloud("GET", "/rest/api/3/issue/20123", ok(json("cloud-issue-PROJ-123.json")))
                        .dataCenter("GET", "/rest/api/2/issue/20123", ok(json("dc-issue-PROJ-123.json")))
                        .result("${body.key} ${header.CamelJiraSpokeCommentId}", "PROJ-123 10042")
                        .badInput(BadInput.options("")
                                .body("{\"webhookEvent\":\"jira:issue_created\",\"issue\":{\"key\":\"PROJ-124\"}}")
                                .mustSay("webhook/issueFromComment", "'comment'")),
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
                                        "'notifyToUsers'", "'notifyToGroups'")),
                Row.of("story/create")
                        .options("projectKey=PROJ&summary=RAW(Remove a saved card)")
                        .body("Saved cards can be removed from the account page.")
                        .cloud("POST", "/rest/api/3/issue", created(json("cloud-issue-created.json")))
                        .dataCenter("POST", "/rest/api/2/issue", created(json("dc-issue-created.json")))
                        .result("${body.key} ${header.CamelJiraSpokeIssueId}", "PROJ-124 10124", "PROJ-124 20124")
                        // a story of another type is not a story
                        .badInput(BadInput.options("projectKey=PROJ&summary=RAW(Remove a saved card)")
                                .body(Map.of("issuetype", "Bug"))
                                .mustSay("story/create", "type Story", "'issuetype'", "issue/create")),
                Row.of("story/update")
                        .options("issueKey=PROJ-130&summary=RAW(Remove a saved card)")
                        .cloud("PUT", "/rest/api/3/issue/PROJ-130", noContent())
                        .dataCenter("PUT", "/rest/api/2/issue/PROJ-130", noContent())
                        .result("${header.CamelJiraSpokeIssueKey}", "PROJ-130")
                        .badInput(BadInput.options("issueKey=PROJ-130")
                                .body(Map.of("fields", Map.of("issuetype", Map.of("id", "10004"))))
                                .mustSay("story/update", "type Story", "'issuetype'", "issue/update")),
                Row.of("story/search")
                        .options("jql=RAW(project = PROJ)&fields=summary,status,issuetype,updated&pageSize=2&limit=2")
                        .cloud("POST", "/rest/api/3/search/jql", ok(json("cloud-search-jql-stories.json")))
                        .dataCenter("POST", "/rest/api/2/search", ok(json("dc-search-stories.json")))
                        .result("${body.size()} ${body[0].issueType} ${body[1].key}", "2 Story PROJ-131")
                        .noBadInput("every option is optional (without jql it finds every story) and the body is not"
                                    + " read"),
                Row.of("sprint/issues")
                        .options("sprintId=37&jql=RAW(status != Done)&fields=summary,status,issuetype,updated"
                                 + "&pageSize=50")
                        .cloud("GET", "/rest/agile/1.0/sprint/37/issue?startAt=0&maxResults=50"
                                      + "&jql=status%20%21%3D%20Done&fields=summary%2Cstatus%2Cissuetype%2Cupdated",
                                ok(json("cloud-sprint-37-issues.json")))
                        .dataCenter("GET", "/rest/agile/1.0/sprint/37/issue?startAt=0&maxResults=50"
                                           + "&jql=status%20%21%3D%20Done&fields=summary%2Cstatus%2Cissuetype%2Cupdated",
                                ok(json("dc-sprint-37-issues.json")))
                        .result("${body.size()} ${body[1].key} ${body[1].issueType} ${header.CamelJiraSpokeSprintId}",
                                "3 PROJ-130 Story 37")
                        .badInput(BadInput.options("sprintId=sprint-37")
                                .mustSay("sprint/issues", "'sprintId'", JiraSpokeConstants.SPRINT_ID, "a number")),
                Row.of("issue/count")
                        .options("jql=RAW(project = PROJ AND statusCategory != Done)")
                        .cloud("POST", "/rest/api/3/search/approximate-count", ok("{\"count\":153}"))
                        .dataCenter("GET", "/rest/api/2/search?jql=project%20%3D%20PROJ%20AND%20statusCategory%20%21%3D"
                                           + "%20Done&maxResults=0",
                                ok("{\"expand\":\"schema,names\",\"startAt\":0,\"maxResults\":0,\"total\":148,"
                                   + "\"issues\":[]}"))
                        .result("${body} ${header.CamelJiraSpokeIssueCount}", "153 153", "148 148")
                        .badInput(BadInput.options("").headers(JiraSpokeConstants.JQL, " ")
                                .mustSay("issue/count", "'jql'", JiraSpokeConstants.JQL)),
                Row.of("issue/addLink")
                        .options("linkType=Blocks&inwardIssue=PROJ-123&outwardIssue=PROJ-124")
                        .body("Blocks the release of the saved-card fix.")
                        // 201 without content; Data Center says where the link is, Cloud does not
                        .cloud("POST", "/rest/api/3/issueLink", WireMock.aResponse().withStatus(201))
                        .dataCenter("POST", "/rest/api/2/issueLink", WireMock.aResponse().withStatus(201)
                                .withHeader("Location", "https://jira.example.com/rest/api/2/issueLink/30198"))
                        .result("${body}", "Blocks the release of the saved-card fix.")
                        .badInput(BadInput.options("linkType=Blocks&inwardIssue=PROJ-123")
                                .mustSay("issue/addLink", "'outwardIssue'", JiraSpokeConstants.OUTWARD_ISSUE)),
                Row.of("issue/addWorklog")
                        .options("issueKey=PROJ-123&timeSpent=RAW(3h 20m)&started=2026-11-28T09:00:00Z")
                        .body("Pairing on the checkout fix.")
                        .cloud("POST", "/rest/api/3/issue/PROJ-123/worklog", created(json("cloud-worklog-created.json")))
                        .dataCenter("POST", "/rest/api/2/issue/PROJ-123/worklog",
                                created(json("dc-worklog-created.json")))
                        .result("${body.id} ${header.CamelJiraSpokeWorklogId} ${body.timeSpentSeconds} ${body.comment}",
                                "100028 100028 12000 Pairing on the checkout fix.")
                        // a worklog without time spent is no worklog
                        .badInput(BadInput.options("issueKey=PROJ-123").body("Pairing on the checkout fix.")
                                .mustSay("issue/addWorklog", "'timeSpent'", JiraSpokeConstants.TIME_SPENT,
                                        "'timeSpentSeconds'")),
                Row.of("issue/worklogs")
                        // limit = pageSize: one page answers the call, and it still has more behind it
                        .options("issueKey=PROJ-123&pageSize=2&limit=2")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123/worklog?startAt=0&maxResults=2",
                                ok(json("cloud-worklogs-page1.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123/worklog?startAt=0&maxResults=2",
                                ok(json("dc-worklogs-page1.json")))
                        .result("${body.size()} ${body[1].id} ${body[1].issueKey} ${body[1].timeSpent}",
                                "2 100028 PROJ-123 3h 20m")
                        .badInput(BadInput.options("pageSize=2").headers(JiraSpokeConstants.ISSUE_KEY, " ")
                                .mustSay("issue/worklogs", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)),
                Row.of("issue/changelog")
                        // Cloud: limit = pageSize, one page answers the call; Data Center answers the whole history
                        .options("issueKey=PROJ-123&pageSize=2&limit=2")
                        .cloud("GET", "/rest/api/3/issue/PROJ-123/changelog?startAt=0&maxResults=2",
                                ok(json("cloud-changelog-page1.json")))
                        .dataCenter("GET", "/rest/api/2/issue/PROJ-123?fields=updated&expand=changelog",
                                ok(json("dc-issue-PROJ-123-changelog.json")))
                        .result("${body.size()} ${body[1].id} ${body[1].items[0].toText} ${body[1].items[1].field}",
                                "2 10501 In Progress Sprint")
                        .badInput(BadInput.options("").headers(JiraSpokeConstants.ISSUE_KEY, "")
                                .mustSay("issue/changelog", "'issueKey'", JiraSpokeConstants.ISSUE_KEY)));
    }

    /** GET auditing/record as Cloud answers it: newest first. */
    private static String auditRecords() {
        return """
                {"offset":0,"limit":100,"total":2,"records":[
                  {"id":11,"summary":"User added to group","remoteAddress":"192.168.1.1","authorKey":"admin",
                   "authorAccountId":"5ab8f18d741e9c2c7e9d4538","created":"2026-11-20T09:15:00.000+0000",
                   "category":"group management","eventSource":"Browser",
                   "objectItem":{"id":"jira-software-users","name":"jira-software-users","typeName":"GROUP",
                                 "parentId":"1","parentName":"Jira Internal Directory"},
                   "changedValues":[],"associatedItems":[{"id":"admin","name":"admin","typeName":"USER"}]},
                  {"id":10,"summary":"User created","remoteAddress":"192.168.1.1","authorKey":"admin",
                   "created":"2026-11-20T09:14:00.000+0000","category":"user management","eventSource":"Browser",
                   "objectItem":{"id":"alovelace","name":"alovelace","typeName":"USER"},
                   "changedValues":[{"fieldName":"email","changedTo":"ada@example.com"}],"associatedItems":[]}]}
                """;
    }

    /** GET /rest/auditing/1.0/events as Data Center 10 answers it: newest first, no ids, one page. */
    private static String auditEvents() {
        return """
                {"entities":[
                  {"timestamp":"2026-11-20T09:15:00.000Z","author":{"name":"admin","type":"ApplicationUser",
                   "id":"JIRAUSER10000"},"type":{"category":"group management","action":"User added to group"},
                   "affectedObjects":[{"name":"jira-software-users","type":"GROUP"},{"name":"admin","type":"USER",
                   "id":"JIRAUSER10000"}],"changedValues":[],"source":"10.0.0.7","system":"https://jira.example.com",
                   "method":"Browser"},
                  {"timestamp":"2026-11-20T09:14:00.000Z","author":{"name":"admin","type":"ApplicationUser",
                   "id":"JIRAUSER10000"},"type":{"category":"user management","action":"User created"},
                   "affectedObjects":[{"name":"alovelace","type":"USER","id":"JIRAUSER10100"}],
                   "changedValues":[{"key":"Email","from":"","to":"ada@example.com"}],"source":"10.0.0.7",
                   "method":"Browser"}],
                 "pagingInfo":{"limit":100,"size":2,"lastPage":true}}
                """;
    }

    /** An admin webhook as /rest/webhooks/1.0/webhook lists it: no id, only self. */
    private static String adminWebhook(String site) {
        return """
                {"name":"Camel bridge","url":"https://camel.example.com/jira/events","excludeBody":false,
                 "filters":{"issue-related-events-section":"project = PROJ"},
                 "events":["jira:issue_created","jira:issue_updated"],"enabled":true,
                 "self":"%s/rest/webhooks/1.0/webhook/3","lastUpdatedUser":"admin",
                 "lastUpdatedDisplayName":"Administrator","lastUpdated":1795000000000}
                """.formatted(site);
    }

    /** A webhook as Data Center 10's /rest/jira-webhook/1.0/webhooks answers it. */
    private static String dataCenterWebhook() {
        return """
                {"id":3,"name":"Camel bridge","url":"https://camel.example.com/jira/events",
                 "events":["jira:issue_created","jira:issue_updated"],"createdDate":1795000000000,
                 "updatedDate":1795000000000,"configuration":{"FILTERS":"project = PROJ","EXCLUDE_BODY":"false"},
                 "active":true,"scopeType":"GLOBAL","sslVerificationRequired":true}
                """;
    }

    /** A 200 without a body, as Jira answers the group deletions. */
    private static ResponseDefinitionBuilder emptyOk() {
        return WireMock.aResponse().withStatus(200);
    }

    /** 42 bytes, as the attachment rows' metadata says. */
    private static final String BUILD_LOG = "Build 4711 passed: 318 tests, 0 failures.\n";

    private static ResponseDefinitionBuilder content(String text) {
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/plain;charset=UTF-8")
                .withBody(text);
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

        Exchange ex = sendValid(row, via);

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

        Exchange ex = sendValid(row, via);

        assertThat(ex.getException()).as("exception").isNull();
        List<LoggedRequest> sent = sent();
        // a request no spec covers would pass the check unseen; a row that says its API is outside the specs is
        // held to that, so that the exemption goes when a spec comes to cover it
        if (call.outsideSpec() == null) {
            assertThat(sent).isNotEmpty().allMatch(OpenApiContract::isCovered, "covered by a spec");
        } else {
            assertThat(sent).as("outside the specs because " + call.outsideSpec()).isNotEmpty()
                    .noneMatch(OpenApiContract::isCovered);
        }
        assertThat(OpenApiContract.problems(sent)).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("rowsByJiraError")
    void jiraErrorsBecomeTypedExceptionsNamingTheRequest(Row row, JiraError error) throws Exception {
        Via via = Via.of(error.flavor());
        Call call = row.call(via);
        stub(via, call, error.response());
        start(via, row);

        Exchange ex = sendValid(row, via);

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

        Exchange ex = sendValid(row, via);

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

        Exchange ex = sendValid(row, via);

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

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("rowsByRefusedConnection")
    void anActionRefusedForTheCredentialsRefusesToStartThere(Row row, Via via) {
        String message = startFailure(Map.of("jira", via.connection(this, row)), sendingTo(uri(row.action(),
                row.options(via))));

        assertThat(message).contains("Endpoint jiraspoke:" + row.action() + " cannot start on connection 'jira'")
                .contains("cannot be used with authType " + via.authType().id());
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    // sources

    static Stream<Arguments> rowsByConnection() {
        return rows().stream().flatMap(r -> Stream.of(Via.values()).filter(v -> r.runsVia(v) && !r.refusesAuthOf(v))
                .map(v -> Arguments.of(r, v)));
    }

    /** The actions Jira refuses for some credentials, with each connection that has them. */
    static Stream<Arguments> rowsByRefusedConnection() {
        return rows().stream().flatMap(r -> Stream.of(Via.values()).filter(v -> r.call(v) != null && r.refusesAuthOf(v))
                .map(v -> Arguments.of(r, v)));
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
        for (Stub s : current.background()) {
            jira.stubFor(WireMock.request(s.method(), urlEqualTo(via.prefix() + s.pathAndQuery()))
                    .willReturn(s.answer()));
        }
        start(Map.of("jira", via.connection(this, row)));
        if (current.background().stream().anyMatch(s -> s.pathAndQuery().equals(SERVER_INFO))) {
            // the connection learns the server's version once, as a route's start would; not part of the call
            context.getEndpoint("jiraspoke:server/info?connection=jira", JiraSpokeEndpoint.class).getClient()
                    .serverInfo();
            jira.resetRequests();
        }
    }

    private Exchange sendValid(Row row, Via via) {
        return send(uri(row.action(), row.options(via)), row.body(), row.headers());
    }

    private static String uri(String action, String options) {
        return "jiraspoke:" + action + "?connection=jira" + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * The requests of the call under test, in order: without the ones its row stubs as background, and without
     * serverInfo, since learning the server's version is the connection's business, unless the action itself calls it.
     */
    private List<LoggedRequest> sent() {
        return jira.getAllServeEvents().stream().map(ServeEvent::getRequest).filter(r -> !isBackground(r))
                .filter(r -> !r.getUrl().endsWith(SERVER_INFO) || current.pathAndQuery().endsWith(SERVER_INFO))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate())).toList();
    }

    private boolean isBackground(LoggedRequest r) {
        return current != null && current.background().stream()
                .anyMatch(s -> s.method().equals(r.getMethod().getName()) && r.getUrl().endsWith(s.pathAndQuery()));
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

        AuthType authType() {
            return switch (this) {
                case CLOUD_SITE -> AuthType.BASIC_API_TOKEN;
                case DATA_CENTER -> AuthType.PERSONAL_ACCESS_TOKEN;
                case CLOUD_GATEWAY -> AuthType.SCOPED_API_TOKEN;
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

    /**
     * The request a valid call makes on one deployment, and Jira's usual answer to it; the requests the call makes
     * besides (a lookup before a write, the server's version), stubbed to answer as Jira does and left out of the
     * checks; why no spec covers the call, where none does; and the options of the call on this deployment where
     * they differ from the row's (a user is an account id on Cloud, a name on Data Center).
     */
    record Call(String method, String pathAndQuery, ResponseDefinitionBuilder answer, List<Stub> background,
                String outsideSpec, String options) {

        Call(String method, String pathAndQuery, ResponseDefinitionBuilder answer) {
            this(method, pathAndQuery, answer, List.of(), null, null);
        }

        Call also(Stub stub) {
            List<Stub> b = new java.util.ArrayList<>(background);
            b.add(stub);
            return new Call(method, pathAndQuery, answer, List.copyOf(b), outsideSpec, options);
        }

        Call outside(String because) {
            return new Call(method, pathAndQuery, answer, background, because, options);
        }

        Call withOptions(String deploymentOptions) {
            return new Call(method, pathAndQuery, answer, background, outsideSpec, deploymentOptions);
        }
    }

    /** A request stubbed as background of a call. */
    record Stub(String method, String pathAndQuery, ResponseDefinitionBuilder answer) {
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

        /** A request Cloud also makes, before or after the call. */
        Row cloudAlso(String method, String pathAndQuery, ResponseDefinitionBuilder answer) {
            return new Row(action, options, body, headers, cloud.also(new Stub(method, pathAndQuery, answer)),
                    dataCenter, resultExpression, cloudResult, dataCenterResult, badInput, noBadInputBecause);
        }

        /** A request Data Center also makes, before or after the call. */
        Row dataCenterAlso(String method, String pathAndQuery, ResponseDefinitionBuilder answer) {
            return new Row(action, options, body, headers, cloud,
                    dataCenter.also(new Stub(method, pathAndQuery, answer)), resultExpression, cloudResult,
                    dataCenterResult, badInput, noBadInputBecause);
        }

        /** The Data Center version serverInfo reports, for actions whose API depends on it. */
        Row dataCenterVersion(String version) {
            return dataCenterAlso("GET", SERVER_INFO, ok("{\"baseUrl\":\"https://jira.example.com\","
                                                                     + "\"version\":\"" + version + "\","
                                                                     + "\"deploymentType\":\"Server\","
                                                                     + "\"serverTitle\":\"Jira\"}"));
        }

        /** Says why no OpenAPI spec covers the Cloud call; the spec check then asserts that none does. */
        Row cloudOutsideSpec(String because) {
            return new Row(action, options, body, headers, cloud.outside(because), dataCenter, resultExpression,
                    cloudResult, dataCenterResult, badInput, noBadInputBecause);
        }

        /** Options for the deployment of {@code via}, where the action needs other ones there. */
        Row dataCenterOptions(String options) {
            return new Row(action, this.options, body, headers, cloud, dataCenter.withOptions(options),
                    resultExpression, cloudResult, dataCenterResult, badInput, noBadInputBecause);
        }

        /** Whether the action exists on the deployment and takes the credential of this way in. */
        boolean runsVia(Via via) {
            return call(via) != null && !refusesAuthOf(via);
        }

        /** Whether Jira refuses the action for the credentials of {@code via} (the start-up guard says so). */
        boolean refusesAuthOf(Via via) {
            ActionVariant v = JiraSpokeAction.find(action).variantFor(via.flavour == Flavor.CLOUD ? Deployment.CLOUD
                    : Deployment.SERVER, null);
            return v != null && v.excludedAuth().contains(via.authType());
        }

        String options(Via via) {
            Call call = call(via);
            return call != null && call.options() != null ? call.options() : options;
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
