package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Cloud emulator over HTTP: what each endpoint takes, answers and changes, in Cloud's shapes. */
class CloudEmulatorTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000";
    private static final String DOC = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
            + "[{\"type\":\"text\",\"text\":\"First line\"}]},{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Second line\"}]}]}";

    @RegisterExtension
    final JiraEmulator jira = JiraEmulator.cloud().project("OPS", "Operations").sprint(7, "Sprint 7", "active");

    private Rest rest() {
        return new Rest(jira);
    }

    private String create(String summary) {
        Rest.Response created = rest().post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"" + summary + "\"}}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    @Test
    void issueRoundTrip() {
        Rest rest = rest();
        Rest.Response created = rest.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Bug\"},"
                + "\"summary\":\"Printer on fire\",\"description\":" + DOC + ",\"customfield_10028\":5,\"customfield_10020\":7,"
                + "\"customfield_10101\":{\"value\":\"Major\"},\"labels\":[\"office\"]}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("key").asText()).isEqualTo("DEMO-1");
        assertThat(created.json().path("self").asText()).isEqualTo(jira.baseUrl() + "/rest/api/3/issue/" + created.json().path("id").asText());

        Rest.Response fetched = rest.get("/rest/api/3/issue/DEMO-1");
        assertThat(fetched.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        JsonNode fields = fetched.json().path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("Printer on fire");
        assertThat(fields.path("description")).isEqualTo(Rest.json(DOC));
        assertThat(fields.path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(fields.path("issuetype").path("id").asText()).isEqualTo("10002");
        assertThat(fields.path("reporter").path("accountId").asText()).isEqualTo(jira.users().get(0));
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("Medium");
        assertThat(fields.path("customfield_10028").asInt()).isEqualTo(5);
        assertThat(fields.path("customfield_10020").path(0).path("name").asText()).isEqualTo("Sprint 7");
        assertThat(fields.path("customfield_10101").path("value").asText()).isEqualTo("Major");
        assertThat(fields.path("created").asText()).matches(TIMESTAMP);
        assertThat(fields.path("assignee").isNull()).isTrue();
        assertThat(rest.get("/rest/api/2/issue/DEMO-1").json().path("fields").path("description").asText())
                .as("v2 speaks text even for an issue written in ADF").isEqualTo("First line\n\nSecond line");
        assertThat(rest.get("/rest/api/3/issue/DEMO-1?fields=summary,status").json().path("fields").properties())
                .extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("summary", "status");
        assertThat(rest.get("/rest/api/3/issue/DEMO-1?fields=*all,-comment").json().path("fields").has("comment")).isFalse();

        assertThat(rest.put("/rest/api/3/issue/DEMO-1", "{\"fields\":{\"summary\":\"Printer still on fire\"},"
                + "\"update\":{\"labels\":[{\"add\":\"urgent\"},{\"remove\":\"office\"}]}}").status()).isEqualTo(204);
        JsonNode edited = rest.get("/rest/api/3/issue/" + created.json().path("id").asText()).json().path("fields");
        assertThat(edited.path("summary").asText()).isEqualTo("Printer still on fire");
        assertThat(edited.path("labels").toString()).isEqualTo("[\"urgent\"]");
        assertThat(edited.path("updated").asText()).isGreaterThan(fields.path("updated").asText());
        // v2 writes text, which Cloud keeps as ADF
        rest.put("/rest/api/2/issue/DEMO-1", "{\"fields\":{\"description\":\"One\\n\\nTwo\"}}");
        assertThat(rest.get("/rest/api/3/issue/DEMO-1").json().path("fields").path("description").path("content")).hasSize(2);

        assertThat(rest.delete("/rest/api/3/issue/DEMO-1").status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/issue/DEMO-1").status()).isEqualTo(404);
        assertThat(jira.issueCount()).isZero();
        assertThat(create("Next")).as("Jira never reuses an issue number").isEqualTo("DEMO-2");
    }

    @Test
    void createAndEditAreCheckedAsJiraChecksThem() {
        Rest rest = rest();
        Rest.Response missing = rest.post("/rest/api/3/issue", "{\"fields\":{}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errorMessages")).isEmpty();
        assertThat(missing.json().path("errors").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("project", "issuetype", "summary");
        assertThat(rest.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"NOPE\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"x\"}}").json().path("errors").path("project").asText()).isEqualTo("valid project is required");
        Rest.Response text = rest.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"x\",\"description\":\"plain text\"}}");
        assertThat(text.json().path("errors").path("description").asText()).startsWith("Operation value must be an Atlassian Document");
        assertThat(jira.issueCount()).as("nothing is created from a refused request").isZero();

        String key = create("Edit me");
        Rest.Response bad = rest.put("/rest/api/3/issue/" + key, "{\"fields\":{\"colour\":\"red\",\"customfield_10028\":\"five\","
                + "\"customfield_10101\":{\"value\":\"Huge\"},\"customfield_10020\":\"Sprint 7\",\"labels\":[\"two words\"],"
                + "\"assignee\":{\"accountId\":\"nobody\"},\"resolution\":{\"name\":\"Done\"},\"summary\":\"changed\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").path("colour").asText()).isEqualTo("Field 'colour' cannot be set. It is not on the appropriate screen, or unknown.");
        assertThat(bad.json().path("errors").path("customfield_10028").asText()).isEqualTo("Operation value must be a number");
        assertThat(bad.json().path("errors").path("customfield_10101").asText()).isEqualTo("Option value 'Huge' is not valid");
        assertThat(bad.json().path("errors").path("customfield_10020").asText()).isEqualTo("Number value expected as the Sprint id.");
        assertThat(bad.json().path("errors").path("labels").asText()).contains("two words");
        assertThat(bad.json().path("errors").path("assignee").asText()).isEqualTo("User 'nobody' does not exist.");
        assertThat(bad.json().path("errors").has("resolution")).as("resolution is set by transitions only").isTrue();
        assertThat(jira.issue(key).orElseThrow().path("fields").path("summary").asText()).as("nothing changed").isEqualTo("Edit me");
    }

    @Test
    void commentsAreAddedListedPagedEditedAndDeleted() {
        Rest rest = rest();
        String key = create("Discuss");
        String before = jira.issue(key).orElseThrow().path("fields").path("updated").asText();
        Rest.Response first = rest.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":" + DOC + "}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("author").path("accountId").asText()).isEqualTo(jira.users().get(0));
        assertThat(first.json().path("jsdPublic").asBoolean()).isTrue();
        rest.post("/rest/api/2/issue/" + key + "/comment", "{\"body\":\"Second\",\"visibility\":{\"type\":\"role\",\"value\":\"Developers\"}}");
        assertThat(jira.issue(key).orElseThrow().path("fields").path("updated").asText()).as("a comment updates its issue").isGreaterThan(before);
        assertThat(jira.comments(key)).containsExactly("First line\n\nSecond line", "Second");

        JsonNode page = rest.get("/rest/api/3/issue/" + key + "/comment?startAt=0&maxResults=1&orderBy=-created").json();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("maxResults").asInt()).isEqualTo(1);
        assertThat(page.path("comments")).hasSize(1);
        assertThat(page.path("comments").path(0).path("visibility").path("value").asText()).isEqualTo("Developers");
        assertThat(rest.get("/rest/api/3/issue/" + key + "/comment?startAt=1&maxResults=5").json().path("comments").path(0)
                .path("body").path("type").asText()).as("v3 answers ADF").isEqualTo("doc");

        String id = first.json().path("id").asText();
        Rest.Response edited = rest.put("/rest/api/2/issue/" + key + "/comment/" + id, "{\"body\":\"Edited\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("body").asText()).isEqualTo("Edited");
        assertThat(edited.json().path("updated").asText()).isGreaterThan(edited.json().path("created").asText());
        assertThat(rest.delete("/rest/api/3/issue/" + key + "/comment/" + id).status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/issue/" + key + "/comment/" + id).status()).isEqualTo(404);
        assertThat(rest.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":\"not ADF\"}").status()).isEqualTo(400);
        assertThat(rest.post("/rest/api/3/issue/" + key + "/comment", "{}").json().path("errors").path("comment").asText())
                .isEqualTo("Comment body can not be empty!");
        assertThat(jira.comments(key)).containsExactly("Second");
    }

    @Test
    void transitionsFollowTheWorkflowAndSetTheResolution() {
        Rest rest = rest();
        String key = create("Fix it");
        JsonNode transitions = rest.get("/rest/api/3/issue/" + key + "/transitions?expand=transitions.fields").json();
        assertThat(transitions.path("transitions")).extracting(t -> t.path("name").asText()).containsExactly("In Progress", "Done");
        assertThat(transitions.path("transitions").path(1).path("fields").path("resolution").path("allowedValues")).hasSize(4);
        assertThat(rest.get("/rest/api/3/issue/" + key + "/transitions").json().path("transitions").path(1).has("fields")).isFalse();

        assertThat(rest.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"},"
                + "\"fields\":{\"resolution\":{\"name\":\"Won't Do\"}},\"update\":{\"comment\":[{\"add\":{\"body\":" + DOC + "}}]}}")
                .status()).isEqualTo(204);
        JsonNode fields = jira.issue(key).orElseThrow().path("fields");
        assertThat(fields.path("status").path("name").asText()).isEqualTo("Done");
        assertThat(fields.path("resolution").path("name").asText()).isEqualTo("Won't Do");
        assertThat(fields.path("resolutiondate").asText()).matches(TIMESTAMP);
        assertThat(jira.comments(key)).hasSize(1);

        Rest.Response again = rest.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"}}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("errorMessages").path(0).asText()).contains("(Done) that is not valid for the current state of this issue (" + key + ")");
        assertThat(rest.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"99\"}}").json()
                .path("errorMessages").path(0).asText()).isEqualTo("Transition id '99' is not valid for this issue.");
        assertThat(rest.post("/rest/api/3/issue/" + key + "/transitions", "{}").status()).isEqualTo(400);

        rest.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"11\"}}");
        assertThat(jira.issue(key).orElseThrow().path("fields").path("resolution").isNull()).as("reopening clears the resolution").isTrue();
        assertThat(jira.status(key)).isEqualTo("To Do");
    }

    @Test
    void assigneeAndWatchers() {
        Rest rest = rest();
        String key = create("Who");
        String ada = jira.users().get(1);
        assertThat(rest.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":\"" + ada + "\"}").status()).isEqualTo(204);
        assertThat(jira.issue(key).orElseThrow().path("fields").path("assignee").path("displayName").asText()).isEqualTo("Ada Lovelace");
        rest.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":null}");
        assertThat(jira.issue(key).orElseThrow().path("fields").path("assignee").isNull()).isTrue();
        rest.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":\"-1\"}");
        assertThat(jira.issue(key).orElseThrow().path("fields").path("assignee").path("accountId").asText())
                .as("-1: the project's default assignee, its lead").isEqualTo(jira.users().get(0));
        assertThat(rest.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":\"nobody\"}").status()).isEqualTo(400);

        assertThat(rest.post("/rest/api/3/issue/" + key + "/watchers", "\"" + ada + "\"").status()).isEqualTo(204);
        assertThat(rest.send("POST", "/rest/api/3/issue/" + key + "/watchers", null, null).status()).as("no body: oneself").isEqualTo(204);
        JsonNode watchers = rest.get("/rest/api/3/issue/" + key + "/watchers").json();
        assertThat(watchers.path("watchCount").asInt()).isEqualTo(2);
        assertThat(watchers.path("isWatching").asBoolean()).isTrue();
        assertThat(rest.delete("/rest/api/3/issue/" + key + "/watchers?accountId=" + ada).status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/issue/" + key + "/watchers").json().path("watchCount").asInt()).isEqualTo(1);
        assertThat(rest.post("/rest/api/3/issue/" + key + "/watchers", "\"nobody\"").status()).isEqualTo(404);
        assertThat(rest.delete("/rest/api/3/issue/" + key + "/watchers").status()).isEqualTo(400);

        assertThat(rest.post("/rest/api/3/issue/" + key + "/notify", "{\"subject\":\"Hi\",\"textBody\":\"Body\"}").status()).isEqualTo(204);
        assertThat(jira.notifications()).singleElement().satisfies(n -> assertThat(n.path("subject").asText()).isEqualTo("Hi"));
    }

    @Test
    void attachmentsAreUploadedListedDownloadedAndDeleted() {
        Rest rest = rest();
        String key = create("Logs");
        Rest.Response noToken = rest.send("POST", "/rest/api/3/issue/" + key + "/attachments", "x".getBytes(),
                "multipart/form-data; boundary=b", null);
        assertThat(noToken.status()).as("Jira's XSRF check").isEqualTo(403);
        Rest.Response uploaded = rest.upload("/rest/api/3/issue/" + key + "/attachments", "Prüfbericht ✓.txt", "all green", "b.log", "bb");
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.json()).hasSize(2);
        JsonNode first = uploaded.json().path(0);
        assertThat(first.path("filename").asText()).isEqualTo("Prüfbericht ✓.txt");
        assertThat(first.path("size").asInt()).isEqualTo(9);
        assertThat(first.path("mimeType").asText()).isEqualTo("text/plain");
        String id = first.path("id").asText();
        assertThat(first.path("content").asText()).isEqualTo(jira.baseUrl() + "/rest/api/3/attachment/content/" + id);

        assertThat(rest.get("/rest/api/3/issue/" + key + "?fields=attachment").json().path("fields").path("attachment")).hasSize(2);
        assertThat(rest.get("/rest/api/3/attachment/" + id).json().path("id").isNumber()).as("as Cloud's metadata answers it").isTrue();
        Rest.Response redirect = rest.get("/rest/api/3/attachment/content/" + id);
        assertThat(redirect.status()).as("Cloud sends the client to its media host").isEqualTo(303);
        assertThat(redirect.header("Location")).startsWith(jira.mediaUrl() + "/file/").contains("/binary?token=");
        Rest.Response media = new Rest(jira.mediaUrl(), null).get(redirect.header("Location").substring(jira.mediaUrl().length()));
        assertThat(media.text()).isEqualTo("all green");
        assertThat(media.header("Content-Type")).isEqualTo("text/plain");
        Rest.Response content = rest.get("/rest/api/3/attachment/content/" + id + "?redirect=false");
        assertThat(content.text()).isEqualTo("all green");
        assertThat(content.header("Content-Type")).isEqualTo("text/plain");
        assertThat(rest.delete("/rest/api/3/attachment/" + id).status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/attachment/" + id).status()).isEqualTo(404);
        assertThat(rest.get("/rest/api/3/issue/" + key + "?fields=attachment").json().path("fields").path("attachment")).hasSize(1);
    }

    @Test
    void searchPagesWithTokensAndReturnsIdsUnlessFieldsAreNamed() {
        jira.seedIssues("OPS", 5);
        Rest rest = rest();
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = OPS ORDER BY created\",\"maxResults\":2"
                    + (token == null ? "" : ",\"nextPageToken\":\"" + token + "\"") + "}").json();
            page.path("issues").forEach(i -> {
                assertThat(i.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("id");
                ids.add(i.path("id").asText());
            });
            token = page.path("nextPageToken").asText(null);
            assertThat(page.path("isLast").asBoolean()).isEqualTo(token == null);
            assertThat(page.has("total")).isFalse();
        } while (token != null && ++pages < 10);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();

        JsonNode withFields = rest.get("/rest/api/3/search/jql?jql=project%3DOPS%20AND%20summary~%22issue%205%22&fields=summary,status").json();
        assertThat(withFields.path("issues")).singleElement().satisfies(i -> {
            assertThat(i.path("key").asText()).isEqualTo("OPS-5");
            assertThat(i.path("fields").path("summary").asText()).isEqualTo("Seeded issue 5");
        });
        assertThat(rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO\",\"nextPageToken\":\"bm9wZQ\"}").status()).isEqualTo(400);
        Rest.Response unbounded = rest.post("/rest/api/3/search/jql", "{\"jql\":\"ORDER BY created\"}");
        assertThat(unbounded.json().path("errorMessages").path(0).asText()).startsWith("Unbounded JQL queries are not allowed here.");
        assertThat(rest.get("/rest/api/3/search?jql=project%3DOPS").status()).as("the old search is gone on Cloud").isEqualTo(410);
        assertThat(rest.post("/rest/api/3/search/approximate-count", "{\"jql\":\"project = OPS AND created >= -1d\"}").json()
                .path("count").asInt()).isEqualTo(5);
        Rest.Response bad = rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = OPS AND fixVersion = 1\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").isObject()).isTrue();
        assertThat(bad.json().path("errorMessages").path(0).asText()).contains("does not support the field 'fixVersion'");
    }

    @Test
    void metadataProjectsPrioritiesUsersFields() {
        Rest rest = rest();
        assertThat(rest.get("/rest/api/3/field").json()).extracting(f -> f.path("name").asText())
                .contains("Summary", "Story Points", "Sprint", "Severity");
        jira.customField("Customer", JiraEmulator.FieldType.TEXT);
        assertThat(jira.fieldId("Customer")).startsWith("customfield_");
        assertThat(rest.get("/rest/api/3/project/OPS").json().path("lead").path("displayName").asText()).isEqualTo("Demo User");
        assertThat(rest.get("/rest/api/3/project/NOPE").json().path("errorMessages").path(0).asText())
                .isEqualTo("No project could be found with key 'NOPE'.");
        JsonNode page = rest.get("/rest/api/3/project/search?startAt=0&maxResults=1").json();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("isLast").asBoolean()).isFalse();
        assertThat(page.path("nextPage").asText()).contains("startAt=1");
        assertThat(rest.get("/rest/api/3/project/search?query=oper").json().path("values")).hasSize(1);
        assertThat(rest.get("/rest/api/3/project/DEMO/statuses").json().path(0).path("statuses")).hasSize(3);
        assertThat(rest.get("/rest/api/3/priority/search?startAt=0&maxResults=50").json().path("values").path(2).path("isDefault").asBoolean())
                .isTrue();
        assertThat(rest.get("/rest/api/3/priority/1").json().path("name").asText()).isEqualTo("Highest");
        assertThat(rest.get("/rest/api/3/user/search?query=grace@example.com").json()).singleElement()
                .satisfies(u -> assertThat(u.path("displayName").asText()).isEqualTo("Grace Hopper"));
        assertThat(rest.get("/rest/api/3/users/search?maxResults=2").json()).hasSize(2);
        assertThat(rest.post("/rest/api/3/project", "{\"key\":\"NEW\",\"name\":\"New\",\"projectTypeKey\":\"software\"}").status()).isEqualTo(201);
        assertThat(rest.post("/rest/api/3/project", "{\"key\":\"NEW\",\"name\":\"New\",\"projectTypeKey\":\"software\"}").json()
                .path("errors").path("projectKey").asText()).contains("uses this project key");
    }

    @Test
    void credentialsAreChecked() {
        assertThat(new Rest(jira).authorization(null).get("/rest/api/3/myself").status()).isEqualTo(401);
        assertThat(new Rest(jira).authorization(Rest.basic("demo@example.com", "wrong")).get("/rest/api/3/myself").json()
                .path("errorMessages").path(0).asText()).isEqualTo("Client must be authenticated to access this resource.");
        assertThat(new Rest(jira).authorization("Bearer demo-token").get("/rest/api/3/myself").status()).isEqualTo(401);
        assertThat(new Rest(jira).authorization(null).get("/rest/api/3/serverInfo").status()).as("serverInfo is public").isEqualTo(200);
        JsonNode me = rest().get("/ex/jira/" + jira.cloudId() + "/rest/api/3/myself").json();
        assertThat(me.path("self").asText()).as("the gateway prefix stays in links")
                .startsWith(jira.baseUrl() + "/ex/jira/" + jira.cloudId() + "/rest/api/3/user?accountId=");
        assertThat(rest().get("/rest/api/3/serverInfo").json().path("deploymentType").asText()).isEqualTo("Cloud");
        assertThat(rest().get("/rest/api/3/issues").status()).isEqualTo(404);
        assertThat(rest().send("PATCH", "/rest/api/3/myself", null, null).status()).isEqualTo(405);
    }

    @Test
    void scopedTokensWorkThroughTheGatewayOnlyAndTheGatewayKnowsItsSite() {
        try (JiraEmulator scoped = JiraEmulator.cloud().scopedApiToken("bot@example.com", "scoped-t0ken").start()) {
            Rest rest = new Rest(scoped).authorization(Rest.basic("bot@example.com", "scoped-t0ken"));
            assertThat(rest.get("/ex/jira/" + scoped.cloudId() + "/rest/api/3/myself").status()).isEqualTo(200);
            assertThat(rest.get("/rest/api/3/myself").status()).as("a scoped token on the site URL").isEqualTo(401);
            assertThat(rest.get("/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself").status()).isEqualTo(404);
            assertThat(new Rest(scoped).get("/ex/jira/" + scoped.cloudId() + "/rest/api/3/myself").status())
                    .as("classic tokens work through the gateway too").isEqualTo(200);
            assertThat(scoped.scopedConnectionSettings()).containsEntry("authType", "scoped-api-token")
                    .containsEntry("cloudId", scoped.cloudId()).containsEntry("apiGatewayUrl", scoped.baseUrl());
        }
        assertThatThrownByIllegalState(() -> jira.scopedConnectionSettings());
    }

    private static void assertThatThrownByIllegalState(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requestLogAndConcurrentCreates() {
        List<CompletableFuture<String>> creates = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> creates.add(CompletableFuture.supplyAsync(() -> create("Parallel " + i))));
        Set<String> keys = new HashSet<>();
        creates.forEach(f -> keys.add(f.join()));
        assertThat(keys).hasSize(20);
        assertThat(jira.requestLog()).hasSize(20).allMatch(line -> line.equals("POST /rest/api/3/issue"));
        rest().get("/rest/api/3/issue/DEMO-1?fields=summary");
        assertThat(jira.requestLog()).last().isEqualTo("GET /rest/api/3/issue/DEMO-1?fields=summary");
    }
}
