package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiraspoke.standin.JiraStandIn.Flavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JiraStandInTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("demo@example.com:api-token".getBytes(StandardCharsets.UTF_8));
    private static final String JIRA_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000";
    private static final String ADF_DESCRIPTION =
            "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"First line\"}]},"
                    + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Second line\"}]}]}";

    private JiraStandIn jira;

    private record Response(int status, JsonNode body, String contentType) {}

    @AfterEach
    void stop() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void cloudIssueRoundTrip() {
        jira = JiraStandIn.start(Flavour.CLOUD);

        Response created = send("POST", "/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Printer on fire\",\"description\":" + ADF_DESCRIPTION + "}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("id").asText()).isEqualTo("10001");
        assertThat(created.body().path("key").asText()).isEqualTo("DEMO-1");
        assertThat(created.body().path("self").asText()).isEqualTo(jira.baseUrl() + "/rest/api/3/issue/10001");

        Response fetched = send("GET", "/rest/api/3/issue/DEMO-1", null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.contentType()).isEqualTo("application/json;charset=UTF-8");
        JsonNode fields = fetched.body().path("fields");
        assertThat(fetched.body().path("id").asText()).isEqualTo("10001");
        assertThat(fields.path("summary").asText()).isEqualTo("Printer on fire");
        assertThat(fields.path("description")).isEqualTo(json(ADF_DESCRIPTION));
        assertThat(fields.path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(fields.path("status").path("statusCategory").path("key").asText()).isEqualTo("new");
        assertThat(fields.path("issuetype").path("id").asText()).isEqualTo("10001");
        assertThat(fields.path("project").path("key").asText()).isEqualTo("DEMO");
        assertThat(fields.path("reporter").path("accountId").asText()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("Medium");
        assertThat(fields.path("labels").isArray()).isTrue();
        assertThat(fields.path("assignee").isNull()).isTrue();
        assertThat(fields.path("created").asText()).matches(JIRA_TIMESTAMP);
        assertThat(fields.path("updated").asText()).matches(JIRA_TIMESTAMP);

        assertThat(send("GET", "/rest/api/2/issue/10001", null).body().path("fields").path("description").asText())
                .as("v2 speaks plain text even for an issue written in ADF")
                .isEqualTo("First line\nSecond line");

        assertThat(send("GET", "/rest/api/3/issue/DEMO-1?fields=summary,status", null).body().path("fields").properties())
                .extracting(field -> field.getKey())
                .containsExactlyInAnyOrder("summary", "status");

        Response edited = send("PUT", "/rest/api/3/issue/DEMO-1",
                "{\"fields\":{\"summary\":\"Printer still on fire\"},\"update\":{\"labels\":[{\"add\":\"urgent\"}]}}");
        assertThat(edited.status()).isEqualTo(204);
        JsonNode afterEdit = send("GET", "/rest/api/3/issue/10001", null).body().path("fields");
        assertThat(afterEdit.path("summary").asText()).isEqualTo("Printer still on fire");
        assertThat(afterEdit.path("labels")).containsExactly(MAPPER.getNodeFactory().textNode("urgent"));
        assertThat(afterEdit.path("updated").asText()).isGreaterThanOrEqualTo(fields.path("updated").asText());

        assertThat(send("DELETE", "/rest/api/3/issue/DEMO-1?deleteSubtasks=true", null).status()).isEqualTo(204);
        assertThat(send("GET", "/rest/api/3/issue/DEMO-1", null).status()).isEqualTo(404);
        assertThat(jira.issueCount()).isZero();
    }

    @Test
    void serverIssueRoundTrip() {
        jira = JiraStandIn.start(Flavour.SERVER);

        Response created = send("POST", "/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"OPS\"},\"issuetype\":{\"id\":\"10002\"},"
                + "\"summary\":\"Disk full\",\"description\":\"Line one\\nLine two\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("key").asText()).isEqualTo("OPS-1");
        assertThat(created.body().path("self").asText()).isEqualTo(jira.baseUrl() + "/rest/api/2/issue/10001");

        JsonNode fields = send("GET", "/rest/api/2/issue/OPS-1", null).body().path("fields");
        assertThat(fields.path("description").asText()).isEqualTo("Line one\nLine two");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("reporter").path("name").asText()).isEqualTo("demo");
        assertThat(fields.path("reporter").has("accountId")).isFalse();

        assertThat(send("PUT", "/rest/api/2/issue/OPS-1", "{\"fields\":{\"description\":\"Cleaned up\",\"labels\":[\"disk\"]}}").status())
                .isEqualTo(204);
        JsonNode edited = send("GET", "/rest/api/2/issue/10001", null).body().path("fields");
        assertThat(edited.path("description").asText()).isEqualTo("Cleaned up");
        assertThat(edited.path("summary").asText()).as("fields not sent are kept").isEqualTo("Disk full");
        assertThat(edited.path("labels").get(0).asText()).isEqualTo("disk");

        assertThat(send("DELETE", "/rest/api/2/issue/OPS-1", null).status()).isEqualTo(204);
        assertThat(send("DELETE", "/rest/api/2/issue/OPS-1", null).status()).isEqualTo(404);
        assertThat(send("PUT", "/rest/api/2/issue/OPS-1", "{\"fields\":{\"summary\":\"x\"}}").status()).isEqualTo(404);
    }

    @Test
    void serverInfoAndMyselfHaveEachFlavoursShape() {
        jira = JiraStandIn.start(Flavour.CLOUD);
        JsonNode cloudInfo = send("GET", "/rest/api/3/serverInfo", null).body();
        assertThat(cloudInfo.path("deploymentType").asText()).isEqualTo("Cloud");
        assertThat(cloudInfo.path("baseUrl").asText()).isEqualTo(jira.baseUrl());
        assertThat(cloudInfo.path("versionNumbers").get(0).asInt()).isEqualTo(1001);
        assertThat(cloudInfo.path("serverTime").asText()).matches(JIRA_TIMESTAMP);
        JsonNode cloudUser = send("GET", "/rest/api/3/myself", null).body();
        assertThat(cloudUser.path("accountId").asText()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(cloudUser.path("locale").asText()).isEqualTo("en_US");
        jira.close();

        jira = JiraStandIn.start(Flavour.SERVER);
        JsonNode serverInfo = send("GET", "/rest/api/2/serverInfo", null).body();
        assertThat(serverInfo.path("deploymentType").asText()).isEqualTo("Server");
        assertThat(serverInfo.path("version").asText()).isEqualTo("10.3.1");
        JsonNode serverUser = send("GET", "/rest/api/2/myself", null).body();
        assertThat(serverUser.path("name").asText()).isEqualTo("demo");
        assertThat(serverUser.path("key").asText()).isEqualTo("JIRAUSER10000");
        assertThat(send("GET", "/rest/api/3/myself", null).status()).as("Server has no v3 API").isEqualTo(404);
    }

    @Test
    void cloudAlsoAnswersUnderTheOAuthGatewayPrefix() {
        jira = JiraStandIn.start(Flavour.CLOUD).seedIssues("DEMO", 1);

        Response issue = send("GET", "/ex/jira/11223344-a1b2-3b33-c444-def123456789/rest/api/3/issue/DEMO-1", null);

        assertThat(issue.status()).isEqualTo(200);
        assertThat(issue.body().path("fields").path("summary").asText()).isEqualTo("Seeded issue 1");
    }

    @Test
    void createReportsEveryMissingRequiredField() {
        jira = JiraStandIn.start(Flavour.CLOUD);

        Response response = send("POST", "/rest/api/3/issue", "{\"fields\":{}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errorMessages").isEmpty()).isTrue();
        assertThat(response.body().path("errors").path("summary").asText()).isEqualTo("You must specify a summary of the issue.");
        assertThat(response.body().path("errors").has("project")).isTrue();
        assertThat(response.body().path("errors").has("issuetype")).isTrue();
        assertThat(jira.issueCount()).isZero();
    }

    @Test
    void descriptionMustMatchTheApiVersion() {
        jira = JiraStandIn.start(Flavour.CLOUD);
        String base = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"s\",\"description\":";

        Response plainOnV3 = send("POST", "/rest/api/3/issue", base + "\"plain text\"}}");
        Response adfOnV2 = send("POST", "/rest/api/2/issue", base + ADF_DESCRIPTION + "}}");

        assertThat(plainOnV3.status()).isEqualTo(400);
        assertThat(plainOnV3.body().path("errors").path("description").asText()).isEqualTo("Operation value must be an Atlassian Document");
        assertThat(adfOnV2.status()).isEqualTo(400);
        assertThat(adfOnV2.body().path("errors").path("description").asText()).isEqualTo("Operation value must be a string");
        assertThat(send("POST", "/rest/api/2/issue", base + "\"plain text\"}}").status()).isEqualTo(201);
    }

    @Test
    void editRejectsFieldsItCannotSet() {
        jira = JiraStandIn.start(Flavour.CLOUD).seedIssues("DEMO", 1);

        Response response = send("PUT", "/rest/api/3/issue/DEMO-1", "{\"fields\":{\"flavour\":\"vanilla\",\"project\":{\"key\":\"X\"}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").path("flavour").asText()).contains("cannot be set");
        assertThat(response.body().path("errors").path("project").asText()).contains("cannot be set");
    }

    @Test
    void requestsWithoutCredentialsAreUnauthorized() {
        jira = JiraStandIn.start(Flavour.CLOUD);

        Response anonymous = send("GET", "/rest/api/3/myself", null, null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("errorMessages").get(0).asText()).startsWith("You are not authenticated");
        assertThat(anonymous.body().path("errors").isObject()).isTrue();
        assertThat(send("GET", "/rest/api/3/myself", null, "Bearer some-oauth-token").status()).isEqualTo(200);
        assertThat(send("GET", "/rest/api/3/myself", null, "Digest whatever").status()).isEqualTo(401);
    }

    @Test
    void requiredAuthorizationMustMatchExactly() {
        jira = JiraStandIn.start(Flavour.SERVER).requireAuthorization("Bearer personal-access-token");

        assertThat(send("GET", "/rest/api/2/myself", null, BASIC).status()).isEqualTo(401);
        assertThat(send("GET", "/rest/api/2/myself", null, "Bearer wrong-token").status()).isEqualTo(401);
        assertThat(send("GET", "/rest/api/2/myself", null, "Bearer personal-access-token").status()).isEqualTo(200);
    }

    @Test
    void cloudSearchPagesWithTokens() {
        jira = JiraStandIn.start(Flavour.CLOUD).seedIssues("DEMO", 120);

        List<JsonNode> pages = new ArrayList<>();
        String token = null;
        do {
            String query = "/rest/api/3/search/jql?jql=" + encode("project = DEMO") + "&maxResults=50"
                    + (token == null ? "" : "&nextPageToken=" + encode(token));
            JsonNode page = send("GET", query, null).body();
            pages.add(page);
            token = page.path("nextPageToken").textValue();
        } while (token != null && pages.size() < 10);

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(page -> page.path("issues").size()).containsExactly(50, 50, 20);
        assertThat(pages).extracting(page -> page.path("isLast").asBoolean()).containsExactly(false, false, true);
        assertThat(pages).allSatisfy(page -> assertThat(page.has("total")).isFalse());
        assertThat(pages.get(2).has("nextPageToken")).isFalse();
        Set<String> ids = new HashSet<>();
        pages.forEach(page -> page.path("issues").forEach(issue -> ids.add(issue.path("id").asText())));
        assertThat(ids).hasSize(120);
        assertThat(pages.get(0).path("issues").get(0).size()).as("only the id without fields").isEqualTo(1);
    }

    @Test
    void cloudSearchByPostReturnsOnlyRequestedFields() {
        jira = JiraStandIn.start(Flavour.CLOUD).seedIssues("DEMO", 3);

        JsonNode result = send("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = DEMO ORDER BY key DESC\",\"maxResults\":2,\"fields\":[\"summary\"]}").body();

        assertThat(result.path("issues")).extracting(issue -> issue.path("key").asText()).containsExactly("DEMO-3", "DEMO-2");
        assertThat(result.path("issues").get(0).path("fields").properties())
                .extracting(field -> field.getKey())
                .containsExactly("summary");
        assertThat(result.path("isLast").asBoolean()).isFalse();
        assertThat(result.path("nextPageToken").isTextual()).isTrue();
    }

    @Test
    void cloudRejectsUnboundedSearchAndTheRemovedSearchApi() {
        jira = JiraStandIn.start(Flavour.CLOUD).seedIssues("DEMO", 1);

        Response unbounded = send("GET", "/rest/api/3/search/jql?jql=" + encode("ORDER BY key"), null);
        Response removed = send("GET", "/rest/api/3/search?jql=" + encode("project = DEMO"), null);

        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(unbounded.body().path("errorMessages").get(0).asText()).startsWith("Unbounded JQL queries are not allowed");
        assertThat(removed.status()).isEqualTo(410);
        assertThat(removed.body().path("errorMessages").get(0).asText()).contains("/rest/api/3/search/jql");
    }

    @Test
    void serverSearchPagesWithStartAtAndTotal() {
        jira = JiraStandIn.start(Flavour.SERVER).seedIssues("OPS", 120);

        JsonNode first = send("GET", "/rest/api/2/search?jql=" + encode("project = OPS") + "&maxResults=50", null).body();
        JsonNode second = send("GET", "/rest/api/2/search?jql=" + encode("project = OPS") + "&startAt=50&maxResults=50", null).body();
        JsonNode last = send("POST", "/rest/api/2/search", "{\"jql\":\"project = OPS\",\"startAt\":100,\"maxResults\":50}").body();

        assertThat(List.of(first, second, last)).extracting(page -> page.path("total").asInt()).containsOnly(120);
        assertThat(List.of(first, second, last)).extracting(page -> page.path("startAt").asInt()).containsExactly(0, 50, 100);
        assertThat(List.of(first, second, last)).extracting(page -> page.path("issues").size()).containsExactly(50, 50, 20);
        assertThat(first.path("issues").get(0).path("key").asText()).isEqualTo("OPS-1");
        assertThat(second.path("issues").get(0).path("key").asText()).as("numeric, not lexical, key order").isEqualTo("OPS-51");
        assertThat(last.path("issues").get(19).path("key").asText()).isEqualTo("OPS-120");
        assertThat(first.path("issues").get(0).path("fields").path("summary").asText()).as("all fields by default").isEqualTo("Seeded issue 1");
        assertThat(send("GET", "/rest/api/2/search/jql?jql=" + encode("project = OPS"), null).status())
                .as("Server has no enhanced search").isEqualTo(404);
    }

    @Test
    void relativeUpdatedFilterSeesTouchedIssues() {
        jira = JiraStandIn.start(Flavour.CLOUD).seedIssues("DEMO", 120);
        // Seeded a second apart ending now: DEMO-1 was last updated two minutes ago.
        String recent = "/rest/api/3/search/jql?maxResults=200&fields=updated&jql=" + encode("(project = DEMO) AND updated >= \"-1m\" ORDER BY updated DESC, key ASC");

        List<String> before = keys(send("GET", recent, null).body());
        jira.touch("DEMO-1");
        List<String> after = keys(send("GET", recent, null).body());

        assertThat(before).isNotEmpty().hasSizeLessThan(120).doesNotContain("DEMO-1", "DEMO-2");
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.get(0)).as("most recently updated first").isEqualTo("DEMO-1");
    }

    @Test
    void absoluteDatesAndKeysFilter() {
        jira = JiraStandIn.start(Flavour.SERVER).seedIssues("OPS", 3).seedIssues("DEV", 2);

        JsonNode future = send("GET", "/rest/api/2/search?jql=" + encode("updated > \"2999/01/01 00:00\""), null).body();
        JsonNode past = send("GET", "/rest/api/2/search?jql=" + encode("project = 'DEV' and created >= 2000-01-01"), null).body();
        JsonNode one = send("GET", "/rest/api/2/search?jql=" + encode("key = OPS-2"), null).body();

        assertThat(future.path("total").asInt()).isZero();
        assertThat(keys(past)).containsExactly("DEV-1", "DEV-2");
        assertThat(keys(one)).containsExactly("OPS-2");
    }

    @Test
    void jqlItCannotHonourIsRejected() {
        jira = JiraStandIn.start(Flavour.CLOUD).seedIssues("DEMO", 1);

        for (String jql : List.of("project = DEMO OR key = DEMO-1", "status = Done", "updated >= \"yesterday\"",
                "project in (DEMO, OPS)", "project = DEMO ORDER BY summary", "(project = DEMO", "project =")) {
            Response response = send("GET", "/rest/api/3/search/jql?jql=" + encode(jql), null);
            assertThat(response.status()).as(jql).isEqualTo(400);
            assertThat(response.body().path("errorMessages").get(0).asText()).as(jql).startsWith("Error in the JQL Query: ");
        }
    }

    @Test
    void unknownThingsGetJiraShapedErrors() {
        jira = JiraStandIn.start(Flavour.CLOUD);

        Response missingIssue = send("GET", "/rest/api/3/issue/NOPE-1", null);
        Response unknownPath = send("GET", "/rest/api/3/dashboard", null);
        Response wrongMethod = send("PATCH", "/rest/api/3/issue/NOPE-1", "{}");

        assertThat(missingIssue.status()).isEqualTo(404);
        assertThat(missingIssue.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(missingIssue.body()).isEqualTo(json(
                "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}"));
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.body().path("errorMessages").isArray()).isTrue();
        assertThat(wrongMethod.status()).isEqualTo(405);
    }

    @Test
    void logsEveryRequestAsSent() {
        jira = JiraStandIn.start(Flavour.CLOUD);

        send("GET", "/rest/api/3/myself", null, null);
        send("GET", "/rest/api/3/search/jql?jql=project%20%3D%20DEMO", null);

        assertThat(jira.requestLog()).containsExactly("GET /rest/api/3/myself", "GET /rest/api/3/search/jql?jql=project%20%3D%20DEMO");
    }

    @Test
    void concurrentCreatesGetDistinctKeys() {
        jira = JiraStandIn.start(Flavour.CLOUD);
        String body = "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"parallel\"}}";

        List<String> keys = IntStream.range(0, 40)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> send("POST", "/rest/api/2/issue", body)))
                .toList().stream()
                .map(future -> future.join().body().path("key").asText())
                .toList();

        assertThat(keys).doesNotHaveDuplicates().hasSize(40);
        assertThat(jira.issueCount()).isEqualTo(40);
    }

    @Test
    void touchingAnUnknownIssueFails() {
        jira = JiraStandIn.start(Flavour.CLOUD);

        assertThatThrownBy(() -> jira.touch("DEMO-9")).isInstanceOf(IllegalArgumentException.class);
    }

    private Response send(String method, String path, String body) {
        return send(method, path, body, BASIC);
    }

    private Response send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body().isEmpty() ? null : json(response.body()),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(JsonNode searchResult) {
        List<String> keys = new ArrayList<>();
        searchResult.path("issues").forEach(issue -> keys.add(issue.path("key").asText()));
        return keys;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
