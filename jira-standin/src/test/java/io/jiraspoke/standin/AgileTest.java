package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The agile API on both flavours: boards per project, the sprint lifecycle, and a sprint's issues. */
class AgileTest {

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void boardsSprintsAndSprintIssues(JiraEmulator.Flavour flavour) {
        try (JiraEmulator jira = JiraEmulator.of(flavour).project("OPS", "Operations").seedIssues("OPS", 3).start()) {
            Rest rest = new Rest(jira);
            JsonNode boards = rest.get("/rest/agile/1.0/board?projectKeyOrId=OPS").json();
            assertThat(boards.path("total").asInt()).isEqualTo(1);
            JsonNode board = boards.path("values").path(0);
            assertThat(board.path("location").path("projectKey").asText()).isEqualTo("OPS");
            assertThat(board.path("type").asText()).isEqualTo("scrum");
            int boardId = board.path("id").asInt();
            assertThat(rest.get("/rest/agile/1.0/board").json().path("total").asInt()).as("DEMO's and OPS's").isEqualTo(2);

            Rest.Response created = rest.post("/rest/agile/1.0/sprint", "{\"name\":\"OPS 1\",\"originBoardId\":" + boardId
                    + ",\"goal\":\"Keys rotated\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("state").asText()).isEqualTo("future");
            int sprint = created.json().path("id").asInt();
            assertThat(rest.post("/rest/agile/1.0/sprint/" + sprint, "{\"state\":\"active\"}").json().path("errors").has("startDate"))
                    .as("a sprint starts with dates").isTrue();
            JsonNode started = rest.post("/rest/agile/1.0/sprint/" + sprint, "{\"state\":\"active\",\"startDate\":\"2026-11-16T08:00:00Z\","
                    + "\"endDate\":\"2026-11-30T08:00:00.000+0100\"}").json();
            assertThat(started.path("state").asText()).isEqualTo("active");
            assertThat(started.path("goal").asText()).as("a partial update keeps the goal").isEqualTo("Keys rotated");
            assertThat(started.path("endDate").asText()).isEqualTo("2026-11-30T07:00:00.000Z");

            assertThat(rest.post("/rest/agile/1.0/sprint/" + sprint + "/issue", "{\"issues\":[\"OPS-1\",\"OPS-3\"]}").status()).isEqualTo(204);
            JsonNode issues = rest.get("/rest/agile/1.0/sprint/" + sprint + "/issue?fields=summary&jql=key%20%3E%20OPS-1").json();
            assertThat(issues.path("total").asInt()).isEqualTo(1);
            assertThat(issues.path("issues").path(0).path("key").asText()).isEqualTo("OPS-3");
            assertThat(new Rest(jira).post(flavour == JiraEmulator.Flavour.CLOUD ? "/rest/api/3/search/jql" : "/rest/api/2/search",
                    "{\"jql\":\"sprint in openSprints()\",\"fields\":[\"summary\"]}").json().path("issues")).hasSize(2);

            assertThat(rest.get("/rest/agile/1.0/board/" + boardId + "/sprint?state=active").json().path("values")).hasSize(1);
            assertThat(rest.get("/rest/agile/1.0/board/" + boardId + "/sprint?state=open").status()).isEqualTo(400);
            JsonNode closed = rest.post("/rest/agile/1.0/sprint/" + sprint, "{\"state\":\"closed\"}").json();
            assertThat(closed.path("completeDate").asText()).isNotEmpty();
            assertThat(rest.post("/rest/agile/1.0/sprint/" + sprint, "{\"name\":\"again\"}").status()).isEqualTo(400);
            assertThat(rest.delete("/rest/agile/1.0/sprint/" + sprint).status()).isEqualTo(204);
            assertThat(rest.get("/rest/agile/1.0/sprint/" + sprint).status()).isEqualTo(404);
            assertThat(rest.post("/rest/agile/1.0/sprint", "{\"originBoardId\":99}").json().path("errors").properties())
                    .extracting(java.util.Map.Entry::getKey).containsExactly("name", "originBoardId");
        }
    }
}
