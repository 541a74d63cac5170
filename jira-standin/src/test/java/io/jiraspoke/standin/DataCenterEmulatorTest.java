package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Data Center emulator over HTTP: REST v2 only, wiki text, user names, startAt paging, the classic workflow. */
class DataCenterEmulatorTest {

    @RegisterExtension
    final JiraEmulator jira = JiraEmulator.dataCenter().project("OPS", "Operations").sprint(3, "OPS Sprint 3", "active");

    private Rest rest() {
        return new Rest(jira);
    }

    private String create(String summary) {
        Rest.Response created = rest().post("/rest/api/2/issue", "{\"fields\":{\"project\":{\"key\":\"OPS\"},\"issuetype\":{\"id\":\"1\"},"
                + "\"summary\":\"" + summary + "\",\"description\":\"Line one\\nLine *two*\",\"customfield_10104\":3}}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    @Test
    void issuesSpeakWikiTextAndUserNames() {
        String key = create("Disk full");
        assertThat(key).isEqualTo("OPS-1");
        JsonNode fields = rest().get("/rest/api/2/issue/OPS-1").json().path("fields");
        assertThat(fields.path("description").asText()).isEqualTo("Line one\nLine *two*");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Bug");
        assertThat(fields.path("status").path("name").asText()).isEqualTo("Open");
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("Major");
        assertThat(fields.path("reporter").path("name").asText()).isEqualTo("demo");
        assertThat(fields.path("reporter").path("key").asText()).isEqualTo("JIRAUSER10000");
        assertThat(fields.path("reporter").has("accountId")).isFalse();
        assertThat(fields.path("customfield_10104").path(0).asText())
                .as("Data Center's sprint field is GreenHopper's text").startsWith("com.atlassian.greenhopper.service.sprint.Sprint@")
                .contains("id=3,", "state=ACTIVE,", "name=OPS Sprint 3,");
        assertThat(rest().get("/rest/api/3/issue/OPS-1").status()).as("no REST v3 on Data Center").isEqualTo(404);
        assertThat(rest().put("/rest/api/2/issue/OPS-1", "{\"fields\":{\"assignee\":{\"name\":\"alovelace\"}}}").status()).isEqualTo(204);
        assertThat(jira.issue("OPS-1").orElseThrow().path("fields").path("assignee").path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(rest().put("/rest/api/2/issue/OPS-1", "{\"fields\":{\"assignee\":{\"accountId\":\"x\"}}}").json()
                .path("errors").path("assignee").asText()).contains("by name");
    }

    @Test
    void classicWorkflow() {
        String key = create("Broken");
        JsonNode open = rest().get("/rest/api/2/issue/" + key + "/transitions").json().path("transitions");
        assertThat(open).extracting(t -> t.path("id").asText() + " " + t.path("name").asText())
                .containsExactly("4 Start Progress", "5 Resolve Issue", "2 Close Issue");
        assertThat(open.path(0).path("opsbarSequence").isInt()).isTrue();
        rest().post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"4\"}}");
        assertThat(jira.status(key)).isEqualTo("In Progress");
        rest().post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"5\"},"
                + "\"fields\":{\"resolution\":{\"name\":\"Won't Fix\"}},\"update\":{\"comment\":[{\"add\":{\"body\":\"Not ours\"}}]}}");
        JsonNode fields = jira.issue(key).orElseThrow().path("fields");
        assertThat(fields.path("status").path("name").asText()).isEqualTo("Resolved");
        assertThat(fields.path("resolution").path("name").asText()).isEqualTo("Won't Fix");
        assertThat(jira.comments(key)).containsExactly("Not ours");
        assertThat(rest().post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"4\"}}").status())
                .as("Start Progress is not available from Resolved").isEqualTo(400);
        rest().post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"701\"}}");
        assertThat(jira.status(key)).isEqualTo("Closed");
        assertThat(jira.issue(key).orElseThrow().path("fields").path("resolution").path("name").asText())
                .as("closing keeps the resolution").isEqualTo("Won't Fix");
        rest().post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"3\"}}");
        assertThat(jira.status(key)).isEqualTo("Reopened");
        assertThat(jira.issue(key).orElseThrow().path("fields").path("resolution").isNull()).isTrue();
    }

    @Test
    void searchPagesWithStartAtAndTotal() {
        jira.seedIssues("OPS", 5);
        List<String> keys = new ArrayList<>();
        for (int startAt = 0; startAt < 10; startAt += 2) {
            JsonNode page = rest().post("/rest/api/2/search", "{\"jql\":\"project = OPS ORDER BY key DESC\",\"startAt\":" + startAt
                    + ",\"maxResults\":2,\"fields\":[\"summary\"]}").json();
            assertThat(page.path("total").asInt()).isEqualTo(5);
            assertThat(page.path("startAt").asInt()).isEqualTo(startAt);
            page.path("issues").forEach(i -> keys.add(i.path("key").asText()));
            if (page.path("issues").size() < 2) {
                break;
            }
        }
        assertThat(keys).containsExactly("OPS-5", "OPS-4", "OPS-3", "OPS-2", "OPS-1");
        JsonNode all = rest().get("/rest/api/2/search?jql=project%3DOPS").json();
        assertThat(all.path("issues").path(0).path("fields").has("status")).as("all navigable fields by default").isTrue();
        assertThat(rest().get("/rest/api/2/search?jql=project%3DOPS&maxResults=0").json().path("total").asInt()).isEqualTo(5);
        assertThat(rest().get("/rest/api/2/search?jql=ORDER%20BY%20key").json().path("total").asInt())
                .as("Data Center allows unbounded queries").isEqualTo(5);
        assertThat(rest().post("/rest/api/2/search/jql", "{\"jql\":\"project = OPS\"}").status()).isEqualTo(404);
        assertThat(rest().get("/rest/api/2/search?jql=assignee%3Dalovelace").json().path("total").asInt()).isZero();
    }

    @Test
    void attachmentsDownloadThroughTheServlet() {
        String key = create("Logs");
        JsonNode added = rest().upload("/rest/api/2/issue/" + key + "/attachments", "Prüfbericht ✓.txt", "all green").json().path(0);
        String content = added.path("content").asText();
        assertThat(content).isEqualTo(jira.baseUrl() + "/secure/attachment/" + added.path("id").asText() + "/Pr%C3%BCfbericht+%E2%9C%93.txt");
        assertThat(rest().get(content.substring(jira.baseUrl().length())).text()).isEqualTo("all green");
        assertThat(rest().get("/secure/attachment/" + added.path("id").asText() + "/other.txt").status()).isEqualTo(404);
        assertThat(rest().get("/rest/api/2/attachment/content/" + added.path("id").asText()).status())
                .as("no REST content endpoint on Data Center").isEqualTo(404);
        assertThat(rest().get("/rest/api/2/attachment/" + added.path("id").asText()).json().path("id").isTextual()).isTrue();
    }

    @Test
    void watchersAndAssigneeByUserName() {
        String key = create("People");
        assertThat(rest().post("/rest/api/2/issue/" + key + "/watchers", "\"ghopper\"").status()).isEqualTo(204);
        assertThat(rest().get("/rest/api/2/issue/" + key + "/watchers").json().path("watchers").path(0).path("name").asText())
                .isEqualTo("ghopper");
        assertThat(rest().delete("/rest/api/2/issue/" + key + "/watchers?username=ghopper").status()).isEqualTo(204);
        assertThat(rest().put("/rest/api/2/issue/" + key + "/assignee", "{\"name\":\"alovelace\"}").status()).isEqualTo(204);
        assertThat(rest().get("/rest/api/2/user/search?username=grace@example.com").json()).singleElement()
                .satisfies(u -> assertThat(u.path("name").asText()).isEqualTo("ghopper"));
        assertThat(rest().get("/rest/api/2/user?username=alovelace&expand=groups").json().path("groups").path("items")).hasSize(1);
    }

    @Test
    void credentialsArePatOrUserAndPassword() {
        assertThat(new Rest(jira).authorization("Bearer " + jira.personalAccessToken()).get("/rest/api/2/myself").json()
                .path("name").asText()).isEqualTo("demo");
        assertThat(new Rest(jira).authorization(Rest.basic(jira.username(), jira.password())).get("/rest/api/2/myself").status())
                .isEqualTo(200);
        Rest.Response wrong = new Rest(jira).authorization("Bearer nope").get("/rest/api/2/myself");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("errorMessages").path(0).asText()).startsWith("You are not authenticated.");
        JsonNode info = rest().get("/rest/api/2/serverInfo").json();
        assertThat(info.path("deploymentType").asText()).isEqualTo("Server");
        assertThat(info.path("versionNumbers").toString()).isEqualTo("[10,3,1]");
        assertThat(rest().get("/ex/jira/" + jira.cloudId() + "/rest/api/2/myself").status())
                .as("Data Center has no API gateway").isEqualTo(404);
    }
}
