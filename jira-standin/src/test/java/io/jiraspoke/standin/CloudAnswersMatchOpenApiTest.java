package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every answer the Cloud emulator gives, to every endpoint it serves, successes and errors, is checked against
 * Atlassian's OpenAPI spec of the platform REST API (the file the component's request checks use), so that the
 * emulator cannot drift from real Jira's shapes: unknown or missing properties where the spec forbids them, wrong
 * types, undeclared status codes.
 */
class CloudAnswersMatchOpenApiTest {

    @RegisterExtension
    static final JiraEmulator jira = JiraEmulator.cloud().sprint(7, "DEMO Sprint 7", "active")
            .oauthClient("app-id", "app-secret");

    private static OpenApiInteractionValidator validator;
    private static OpenApiInteractionValidator agile;
    private Rest rest;

    @BeforeAll
    static void loadSpec() {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(corrected(read("/openapi/jira-platform-cloud.v3.json")))
                .build();
        agile = OpenApiInteractionValidator.createForInlineApiSpecification(read("/openapi/jira-software-cloud.v3.json")).build();
    }

    /**
     * The platform spec with five known gaps closed in memory (the file stays as Atlassian published it). Each
     * correction fails when its target no longer looks as described, so that a fixed spec is noticed.
     * <ul>
     * <li>Many {@code 204} answers declare an {@code application/json} body with the empty schema {@code {}}; a 204
     * carries no body (RFC 9110) and Jira sends none. Those bodies are removed.</li>
     * <li>Most error answers (4xx, 5xx) declare no body, yet Jira answers every error with its ErrorCollection
     * ({@code {"errorMessages":[..],"errors":{..}}}), as the spec says where it declares one. Error answers without a
     * body get that one.</li>
     * <li>{@code GET /rest/api/3/attachment/content/{id}} declares no body for its 200, which is the attachment's
     * content (with {@code redirect=false}; without it the answer is a 303 to the media host). It gets any type of
     * binary body.</li>
     * <li>{@code POST /rest/api/3/issueLink} declares a {@code 201} body with the empty schema {@code {}}; Jira answers
     * 201 with no body (the operation's description says it "returns nothing"). That body is removed.</li>
     * <li>ChangeDetails types {@code from}, {@code fromString}, {@code to} and {@code toString} as strings, yet Jira
     * answers {@code null} for a value that was or becomes empty, as the spec's own changelog example shows
     * ({@code "from":null}). They are made nullable.</li>
     * <li>{@code AuditRecordBean} does not declare {@code authorAccountId}, which Cloud's audit records carry (the
     * spec's own example of {@code GET /rest/api/3/auditing/record} has it, and {@code authorKey} is deprecated in
     * its favour). It is declared.</li>
     * </ul>
     */
    static String corrected(String spec) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) Rest.MAPPER.readTree(spec);
            if (!root.path("components").path("schemas").has("ErrorCollection")) {
                throw new IllegalStateException("The platform spec has no ErrorCollection schema any more: review the error correction");
            }
            int emptied = 0;
            int errorBodies = 0;
            for (com.fasterxml.jackson.databind.JsonNode operations : root.path("paths")) {
                for (com.fasterxml.jackson.databind.JsonNode operation : operations) {
                    for (java.util.Iterator<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it =
                                 operation.path("responses").fields(); it.hasNext(); ) {
                        java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> response = it.next();
                        com.fasterxml.jackson.databind.node.ObjectNode r = (com.fasterxml.jackson.databind.node.ObjectNode) response.getValue();
                        if (response.getKey().equals("204") && r.path("content").path("application/json").path("schema").isEmpty()
                            && r.has("content")) {
                            r.remove("content");
                            emptied++;
                        } else if (response.getKey().matches("[45]\\d\\d") && !r.has("content")) {
                            r.putObject("content").putObject("application/json").putObject("schema")
                                    .put("$ref", "#/components/schemas/ErrorCollection");
                            errorBodies++;
                        }
                    }
                }
            }
            com.fasterxml.jackson.databind.node.ObjectNode content = (com.fasterxml.jackson.databind.node.ObjectNode) root.path("paths")
                    .path("/rest/api/3/attachment/content/{id}").path("get").path("responses").path("200");
            if (emptied == 0 || errorBodies == 0 || content.isMissingNode() || content.has("content")) {
                throw new IllegalStateException("The platform spec no longer has the gaps CloudAnswersMatchOpenApiTest corrects: "
                        + emptied + " 204 bodies, " + errorBodies + " error answers without a body, attachment content " + content);
            }
            content.putObject("content").putObject("*/*").putObject("schema").put("type", "string").put("format", "binary");
            com.fasterxml.jackson.databind.node.ObjectNode linked = (com.fasterxml.jackson.databind.node.ObjectNode) root.path("paths")
                    .path("/rest/api/3/issueLink").path("post").path("responses").path("201");
            if (!linked.path("content").path("application/json").path("schema").isObject()
                || !linked.path("content").path("application/json").path("schema").isEmpty()) {
                throw new IllegalStateException("POST /rest/api/3/issueLink no longer declares an empty 201 body: " + linked);
            }
            linked.remove("content");
            com.fasterxml.jackson.databind.JsonNode change = root.path("components").path("schemas").path("ChangeDetails").path("properties");
            for (String value : List.of("from", "fromString", "to", "toString")) {
                if (!change.path(value).path("type").asText().equals("string") || change.path(value).path("nullable").asBoolean()) {
                    throw new IllegalStateException("ChangeDetails." + value + " is no longer a string that cannot be null: " + change.path(value));
                }
                ((com.fasterxml.jackson.databind.node.ObjectNode) change.path(value)).put("nullable", true);
            }
            com.fasterxml.jackson.databind.node.ObjectNode audit = (com.fasterxml.jackson.databind.node.ObjectNode) root.path("components")
                    .path("schemas").path("AuditRecordBean").path("properties");
            if (audit.isMissingNode() || audit.has("authorAccountId")) {
                throw new IllegalStateException("The platform spec's AuditRecordBean no longer lacks authorAccountId: review the correction");
            }
            audit.putObject("authorAccountId").put("type", "string").put("readOnly", true);
            return Rest.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = CloudAnswersMatchOpenApiTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void resetJira() {
        jira.reset();
    }

    /** The problems the spec finds in the recorded answers; empty when they all match. */
    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Rest.Response r : rest.recorded) {
            String path = (r.path().contains("?") ? r.path().substring(0, r.path().indexOf('?')) : r.path())
                    .replaceFirst("^/ex/jira/[^/]+/", "/");
            SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status());
            r.headers().map().forEach((name, values) -> response.withHeader(name, values));
            if (r.bytes().length > 0) {
                response.withBody(r.text());
            }
            ValidationReport report = (path.startsWith("/rest/agile/") ? agile : validator)
                    .validateResponse(path, Request.Method.valueOf(r.method()), response.build());
            for (ValidationReport.Message m : report.getMessages()) {
                if (m.getLevel() == ValidationReport.Level.ERROR) {
                    problems.add(r.method() + " " + r.path() + " -> " + r.status() + ": " + m.getKey() + " " + m.getMessage());
                }
            }
        }
        return problems;
    }

    @Test
    void everyAnswerOfAnIssuesLifeMatchesTheSpec() {
        rest = new Rest(jira);
        String me = jira.users().get(0);
        String ada = jira.users().get(1);
        String doc = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Printer on fire\"}]}]}";

        assertThat(rest.get("/rest/api/3/serverInfo").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/myself").status()).isEqualTo(200);
        Rest.Response created = rest.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Bug\"},"
                + "\"summary\":\"Printer on fire\",\"description\":" + doc + ",\"labels\":[\"office\"],\"priority\":{\"name\":\"High\"},"
                + "\"customfield_10016\":5,\"customfield_10020\":7,\"customfield_10101\":{\"value\":\"Major\"},\"duedate\":\"2026-12-24\"}}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().path("key").asText();
        assertThat(rest.get("/rest/api/3/issue/" + key).status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/" + key + "?fields=summary,status&expand=names").status()).isEqualTo(200);
        assertThat(rest.put("/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"Printer still on fire\"}}").status()).isEqualTo(204);
        assertThat(rest.put("/rest/api/3/issue/" + key + "?returnIssue=true", "{\"update\":{\"labels\":[{\"add\":\"urgent\"}]}}").status())
                .isEqualTo(200);

        Rest.Response comment = rest.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":" + doc + "}");
        assertThat(comment.status()).isEqualTo(201);
        String commentId = comment.json().path("id").asText();
        rest.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":" + doc + ",\"visibility\":{\"type\":\"role\",\"value\":\"Developers\"}}");
        assertThat(rest.get("/rest/api/3/issue/" + key + "/comment?startAt=0&maxResults=1&orderBy=-created").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/" + key + "/comment/" + commentId).status()).isEqualTo(200);
        assertThat(rest.put("/rest/api/3/issue/" + key + "/comment/" + commentId, "{\"body\":" + doc + "}").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/issue/" + key + "/comment/" + commentId).status()).isEqualTo(204);

        assertThat(rest.get("/rest/api/3/issue/" + key + "/transitions?expand=transitions.fields").status()).isEqualTo(200);
        assertThat(rest.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"21\"}}").status()).isEqualTo(204);
        assertThat(rest.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":\"" + ada + "\"}").status()).isEqualTo(204);
        assertThat(rest.post("/rest/api/3/issue/" + key + "/watchers", "\"" + ada + "\"").status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/issue/" + key + "/watchers").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/issue/" + key + "/watchers?accountId=" + ada).status()).isEqualTo(204);
        assertThat(rest.post("/rest/api/3/issue/" + key + "/notify", "{\"subject\":\"Fire\",\"textBody\":\"Bring water\","
                + "\"to\":{\"watchers\":true,\"users\":[{\"accountId\":\"" + me + "\"}]}}").status()).isEqualTo(204);

        Rest.Response uploaded = rest.upload("/rest/api/3/issue/" + key + "/attachments", "smoke.txt", "lots of smoke");
        assertThat(uploaded.status()).isEqualTo(200);
        String attachment = uploaded.json().path(0).path("id").asText();
        assertThat(rest.get("/rest/api/3/attachment/" + attachment).status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/attachment/content/" + attachment).status()).isEqualTo(303);
        assertThat(rest.get("/rest/api/3/attachment/content/" + attachment + "?redirect=false").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/" + key + "?fields=attachment").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/attachment/" + attachment).status()).isEqualTo(204);

        assertThat(rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO ORDER BY key\",\"maxResults\":1,"
                + "\"fields\":[\"summary\",\"status\"]}").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/search/jql?jql=project%20%3D%20DEMO").status()).isEqualTo(200);
        assertThat(rest.post("/rest/api/3/search/approximate-count", "{\"jql\":\"project = DEMO\"}").status()).isEqualTo(200);

        assertThat(rest.delete("/rest/api/3/issue/" + key + "?deleteSubtasks=false").status()).isEqualTo(204);
        assertThat(problems()).isEmpty();
    }

    @Test
    void everyAnswerOfTheSiteMetadataMatchesTheSpec() {
        rest = new Rest(jira);
        String me = jira.users().get(0);
        for (String path : List.of("/field", "/project", "/project/search?startAt=0&maxResults=1", "/project/DEMO",
                "/project/DEMO/statuses", "/priority", "/priority/search?startAt=0&maxResults=50", "/priority/3", "/status",
                "/issuetype", "/resolution", "/user?accountId=" + me, "/user/search?query=ada",
                "/user/assignable/multiProjectSearch?projectKeys=DEMO&query=a&startAt=0&maxResults=2",
                "/users/search?startAt=0&maxResults=2")) {
            assertThat(rest.get("/rest/api/3" + path).status()).as(path).isEqualTo(200);
        }
        assertThat(rest.post("/rest/api/3/project", "{\"key\":\"OPS\",\"name\":\"Operations\",\"projectTypeKey\":\"software\","
                + "\"leadAccountId\":\"" + me + "\"}").status()).isEqualTo(201);
        assertThat(problems()).isEmpty();
    }

    @Test
    void everyAnswerOfLinksWorklogsAndHistoryMatchesTheSpec() {
        rest = new Rest(jira);
        String doc = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Fan\"}]}]}";
        String a = jira.createIssue("DEMO", "Task", "Fan broken");
        String b = jira.createIssue("DEMO", "Bug", "Server hot");
        assertThat(rest.get("/rest/api/3/issueLinkType").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issueLinkType/10000").status()).isEqualTo(200);
        assertThat(rest.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"},\"comment\":{\"body\":" + doc + "}}").status()).isEqualTo(201);
        Rest.Response withLinks = rest.get("/rest/api/3/issue/" + a + "?fields=issuelinks,timetracking,worklog");
        String link = withLinks.json().path("fields").path("issuelinks").path(0).path("id").asText();
        assertThat(rest.get("/rest/api/3/issueLink/" + link).status()).isEqualTo(200);

        assertThat(rest.put("/rest/api/3/issue/" + a, "{\"fields\":{\"timetracking\":{\"originalEstimate\":\"1d\"}}}").status()).isEqualTo(204);
        Rest.Response logged = rest.post("/rest/api/3/issue/" + a + "/worklog?adjustEstimate=auto",
                "{\"timeSpent\":\"3h 20m\",\"started\":\"2026-01-17T12:34:00.000+0000\",\"comment\":" + doc
                + ",\"visibility\":{\"type\":\"group\",\"value\":\"jira-developers\"}}");
        assertThat(logged.status()).isEqualTo(201);
        String worklog = logged.json().path("id").asText();
        assertThat(rest.get("/rest/api/3/issue/" + a + "/worklog?startAt=0&maxResults=10").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/" + a + "/worklog/" + worklog).status()).isEqualTo(200);
        assertThat(rest.put("/rest/api/3/issue/" + a + "/worklog/" + worklog, "{\"timeSpentSeconds\":7200}").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/" + a).status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/worklog/updated?since=0").status()).isEqualTo(200);
        assertThat(rest.post("/rest/api/3/worklog/list", "{\"ids\":[" + worklog + "]}").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/issue/" + a + "/worklog/" + worklog).status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/worklog/deleted?since=0").status()).isEqualTo(200);

        assertThat(rest.post("/rest/api/3/issue/" + a + "/transitions", "{\"transition\":{\"id\":\"21\"}}").status()).isEqualTo(204);
        Rest.Response history = rest.get("/rest/api/3/issue/" + a + "/changelog?startAt=0&maxResults=2");
        assertThat(history.json().path("values")).hasSize(2);
        String entry = history.json().path("values").path(0).path("id").asText();
        assertThat(rest.post("/rest/api/3/issue/" + a + "/changelog/list", "{\"changelogIds\":[" + entry + "]}").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/" + a + "?expand=changelog").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/issueLink/" + link).status()).isEqualTo(204);

        assertThat(rest.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Fixes\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"}}").status()).isEqualTo(404);
        assertThat(rest.get("/rest/api/3/issueLink/1").status()).isEqualTo(404);
        assertThat(rest.post("/rest/api/3/issue/" + a + "/worklog", "{\"started\":\"2026-01-17T12:34:00.000+0000\"}").status()).isEqualTo(400);
        assertThat(rest.get("/rest/api/3/issue/DEMO-999/worklog").status()).isEqualTo(404);
        assertThat(rest.get("/rest/api/3/issue/DEMO-999/changelog").status()).isEqualTo(404);
        assertThat(problems()).isEmpty();
    }

    @Test
    void everyAnswerOfUserAndGroupAdministrationAndTheAuditLogMatchesTheSpec() {
        rest = new Rest(jira);
        String ada = jira.users().get(1);
        Rest.Response user = rest.post("/rest/api/3/user", "{\"emailAddress\":\"zoe@example.com\",\"products\":[\"jira-software\"]}");
        assertThat(user.status()).isEqualTo(201);
        String zoe = user.json().path("accountId").asText();
        assertThat(rest.post("/rest/api/3/user", "{\"emailAddress\":\"\",\"products\":[]}").status()).isEqualTo(400);
        Rest.Response group = rest.post("/rest/api/3/group", "{\"name\":\"payments-oncall\"}");
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.json().path("groupId").asText();
        assertThat(rest.post("/rest/api/3/group", "{\"name\":\"payments-oncall\"}").status()).isEqualTo(400);
        assertThat(rest.post("/rest/api/3/group/user?groupId=" + groupId, "{\"accountId\":\"" + zoe + "\"}").status()).isEqualTo(201);
        assertThat(rest.post("/rest/api/3/group/user?groupname=payments-oncall", "{\"accountId\":\"" + ada + "\"}").status()).isEqualTo(201);
        assertThat(rest.post("/rest/api/3/group/user?groupId=nope", "{\"accountId\":\"" + ada + "\"}").status()).isEqualTo(404);
        assertThat(rest.get("/rest/api/3/group/member?groupId=" + groupId + "&startAt=0&maxResults=1").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/group/member?groupname=payments-oncall&includeInactiveUsers=true").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/group/bulk?startAt=0&maxResults=2").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/groups/picker?query=pay&maxResults=10").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/user/groups?accountId=" + zoe).status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/user?accountId=" + zoe + "&expand=groups").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/group/user?groupId=" + groupId + "&accountId=" + ada).status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/group?groupId=" + groupId + "&swapGroup=jira-software-users").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/api/3/group?groupname=payments-oncall").status()).isEqualTo(404);
        assertThat(rest.delete("/rest/api/3/user?accountId=" + zoe).status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/auditing/record?offset=0&limit=100&filter=group").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/auditing/record").json().path("records")).hasSize(7);
        assertThat(rest.get("/rest/api/3/auditing/record?from=2020-01-01T00:00:00.000%2B0000&to=2099-01-01").status()).isEqualTo(200);
        assertThat(problems()).isEmpty();
    }

    @Test
    void everyAnswerOfCreateAndEditMetadataAndOfAppWebhooksMatchesTheSpec() {
        rest = new Rest(jira);
        String key = jira.createIssue("DEMO", "Story", "Described");
        assertThat(rest.get("/rest/api/3/issue/createmeta/DEMO/issuetypes").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/createmeta/DEMO/issuetypes?startAt=1&maxResults=2").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/createmeta/DEMO/issuetypes?maxResults=500").status()).isEqualTo(400);
        for (com.fasterxml.jackson.databind.JsonNode type : rest.get("/rest/api/3/issue/createmeta/DEMO/issuetypes").json().path("issueTypes")) {
            assertThat(rest.get("/rest/api/3/issue/createmeta/DEMO/issuetypes/" + type.path("id").asText()).status()).isEqualTo(200);
        }
        assertThat(rest.get("/rest/api/3/issue/createmeta/DEMO/issuetypes/10001?startAt=2&maxResults=3").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/createmeta/NOPE/issuetypes").status()).isEqualTo(400);
        assertThat(rest.get("/rest/api/3/issue/" + key + "/editmeta").status()).isEqualTo(200);
        assertThat(rest.get("/rest/api/3/issue/DEMO-999/editmeta").status()).isEqualTo(404);

        assertThat(rest.get("/rest/api/3/webhook").status()).as("not an app").isEqualTo(403);
        String token = new Rest(jira.baseUrl(), null).post("/oauth/token", "{\"grant_type\":\"client_credentials\","
                + "\"client_id\":\"app-id\",\"client_secret\":\"app-secret\"}").json().path("access_token").asText();
        Rest app = new Rest(jira.baseUrl(), "Bearer " + token);
        app.recorded.clear();
        String webhook = "/ex/jira/" + jira.cloudId() + "/rest/api/3/webhook";
        Rest.Response registered = app.post(webhook, "{\"url\":\"https://app.example.com/hook\",\"webhooks\":["
                + "{\"events\":[\"jira:issue_created\"],\"jqlFilter\":\"project = DEMO\"},"
                + "{\"events\":[\"jira:issue_created\"],\"jqlFilter\":\"labels = x\"}]}");
        assertThat(registered.status()).isEqualTo(200);
        String id = registered.json().path("webhookRegistrationResult").path(0).path("createdWebhookId").asText();
        assertThat(app.get(webhook + "?startAt=0&maxResults=10").status()).isEqualTo(200);
        assertThat(app.put(webhook + "/refresh", "{\"webhookIds\":[" + id + "]}").status()).isEqualTo(200);
        assertThat(app.get(webhook + "/failed?maxResults=10").status()).isEqualTo(200);
        assertThat(app.delete(webhook, "{\"webhookIds\":[" + id + "]}").status()).isEqualTo(202);
        assertThat(app.delete(webhook, "{}").status()).isEqualTo(400);
        rest.recorded.addAll(app.recorded);
        assertThat(problems()).isEmpty();
    }

    /** The agile spec declares schemas for boards only; sprints and their issues are checked as far as it goes. */
    @Test
    void agileAnswersMatchTheSoftwareSpec() {
        rest = new Rest(jira);
        assertThat(rest.get("/rest/agile/1.0/board?projectKeyOrId=DEMO").status()).isEqualTo(200);
        Rest.Response created = rest.post("/rest/agile/1.0/sprint", "{\"name\":\"DEMO 8\",\"originBoardId\":1,"
                + "\"startDate\":\"2026-11-16T08:00:00Z\",\"endDate\":\"2026-11-30T08:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        String sprint = created.json().path("id").asText();
        assertThat(rest.get("/rest/agile/1.0/sprint/" + sprint).status()).isEqualTo(200);
        assertThat(rest.post("/rest/agile/1.0/sprint/" + sprint, "{\"goal\":\"Ship it\"}").status()).isEqualTo(200);
        assertThat(rest.get("/rest/agile/1.0/board/1/sprint?startAt=0&maxResults=50&state=active,future").status()).isEqualTo(200);
        jira.createIssue("DEMO", "Task", "Planned");
        assertThat(rest.post("/rest/agile/1.0/sprint/" + sprint + "/issue", "{\"issues\":[\"DEMO-1\"]}").status()).isEqualTo(204);
        assertThat(rest.get("/rest/agile/1.0/sprint/" + sprint + "/issue?fields=summary").status()).isEqualTo(200);
        assertThat(rest.delete("/rest/agile/1.0/sprint/" + sprint).status()).isEqualTo(204);
        assertThat(problems()).isEmpty();
    }

    @Test
    void errorAnswersMatchTheSpec() {
        rest = new Rest(jira);
        assertThat(rest.get("/rest/api/3/issue/DEMO-999").status()).isEqualTo(404);
        assertThat(rest.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"}}}").status()).isEqualTo(400);
        assertThat(rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = \"}").status()).isEqualTo(400);
        assertThat(rest.get("/rest/api/3/project/NOPE").status()).isEqualTo(404);
        assertThat(new Rest(jira).authorization(Rest.basic("demo@example.com", "wrong")).get("/rest/api/3/myself").status())
                .isEqualTo(401);
        assertThat(problems()).isEmpty();
    }

    @Test
    void theCheckCanFail() {
        rest = new Rest(jira);
        rest.recorded.add(new Rest.Response("GET", "/rest/api/3/myself", 200,
                java.net.http.HttpHeaders.of(java.util.Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                "{\"accountId\":5,\"colour\":\"green\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(problems()).hasSizeGreaterThanOrEqualTo(2).allMatch(p -> p.startsWith("GET /rest/api/3/myself -> 200"));
    }
}
