package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Create and edit metadata on both flavours, in each one's shape, and in agreement with the emulator's own checks of
 * issue bodies: a body built from the metadata alone passes, one without a required field fails naming just that
 * field, and a field the metadata does not offer is refused.
 */
class MetaEmulatorTest {

    private static final String DOC = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                                      + "[{\"type\":\"text\",\"text\":\"From the metadata\"}]}]}";

    private static JiraEmulator start(JiraEmulator.Flavour flavour) {
        return JiraEmulator.of(flavour).sprint(7, "DEMO Sprint 7", "active").start();
    }

    private static String api(JiraEmulator jira) {
        return jira.flavour() == JiraEmulator.Flavour.CLOUD ? "/rest/api/3" : "/rest/api/2";
    }

    /** Every page of a create metadata list, read with a small page size. */
    private static List<JsonNode> all(Rest rest, String path, String items) {
        List<JsonNode> out = new ArrayList<>();
        for (int startAt = 0, pages = 0; pages < 20; pages++) {
            JsonNode page = rest.get(path + "?startAt=" + startAt + "&maxResults=3").json();
            assertThat(page.path("maxResults").asInt()).isEqualTo(3);
            assertThat(page.path("startAt").asInt()).isEqualTo(startAt);
            page.path(items).forEach(out::add);
            startAt += page.path(items).size();
            if (page.path(items).isEmpty() || startAt >= page.path("total").asInt()) {
                return out;
            }
        }
        throw new AssertionError("more than 20 pages");
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void issueTypesArePagedInTheFlavoursShape(JiraEmulator.Flavour flavour) {
        try (JiraEmulator jira = start(flavour)) {
            boolean cloud = flavour == JiraEmulator.Flavour.CLOUD;
            Rest rest = new Rest(jira);
            String items = cloud ? "issueTypes" : "values";
            JsonNode first = rest.get(api(jira) + "/issue/createmeta/DEMO/issuetypes?maxResults=3").json();
            assertThat(first.path("total").asInt()).isEqualTo(4);
            assertThat(first.path(items)).hasSize(3);
            assertThat(first.has("isLast")).as("Cloud's page has no isLast, Data Center's has").isEqualTo(!cloud);
            if (!cloud) {
                assertThat(first.path("isLast").asBoolean()).isFalse();
            }
            List<JsonNode> types = all(rest, api(jira) + "/issue/createmeta/DEMO/issuetypes", items);
            assertThat(types).extracting(t -> t.path("name").asText()).as("no sub-task type: the emulator cannot create one")
                    .containsExactlyElementsOf(cloud ? List.of("Epic", "Task", "Bug", "Story") : List.of("Bug", "Task", "Epic", "Story"));
            assertThat(types).allMatch(t -> !t.path("subtask").asBoolean() && t.path("id").isTextual());
            String projectId = jira.issue(jira.createIssue("DEMO", "Task", "probe")).orElseThrow().path("fields").path("project").path("id").asText();
            assertThat(rest.get(api(jira) + "/issue/createmeta/" + projectId + "/issuetypes").json().path("total").asInt())
                    .as("by project id too").isEqualTo(4);
            assertThat(rest.get(api(jira) + "/issue/createmeta/NOPE/issuetypes").status()).isEqualTo(cloud ? 400 : 404);
            assertThat(rest.get(api(jira) + "/issue/createmeta/DEMO/issuetypes/999").status()).isEqualTo(cloud ? 400 : 404);
            String subtask = cloud ? "10004" : "5";
            assertThat(rest.get(api(jira) + "/issue/createmeta/DEMO/issuetypes/" + subtask).status()).isEqualTo(cloud ? 400 : 404);
            if (cloud) {
                assertThat(rest.get("/rest/api/3/issue/createmeta/DEMO/issuetypes?maxResults=201").json().path("errorMessages").path(0)
                        .asText()).isEqualTo("Parameter 'maxResults' must not exceed the limit '200'");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void theCreateMetadataOfEveryTypeDescribesWhatCreateAccepts(JiraEmulator.Flavour flavour) {
        try (JiraEmulator jira = start(flavour)) {
            boolean cloud = flavour == JiraEmulator.Flavour.CLOUD;
            Rest rest = new Rest(jira);
            List<JsonNode> types = all(rest, api(jira) + "/issue/createmeta/DEMO/issuetypes", cloud ? "issueTypes" : "values");
            for (JsonNode type : types) {
                String path = api(jira) + "/issue/createmeta/DEMO/issuetypes/" + type.path("id").asText();
                JsonNode page = rest.get(path).json();
                assertThat(page.has(cloud ? "fields" : "values")).isTrue();
                assertThat(page.has("isLast")).isEqualTo(!cloud);
                Map<String, JsonNode> fields = new TreeMap<>();
                for (JsonNode f : all(rest, path, cloud ? "fields" : "values")) {
                    fields.put(f.path("fieldId").asText(), f);
                    assertThat(f.has("key")).as("Cloud names the key too, Data Center only the fieldId").isEqualTo(cloud);
                    assertThat(f.path("operations").isArray()).isTrue();
                    assertThat(f.path("schema").path("type").isTextual()).isTrue();
                }
                assertThat(fields).containsKeys("summary", "issuetype", "project", "priority", "labels", "assignee", "reporter",
                        "description", "duedate", "timetracking", jira.fieldId("Story Points"), jira.fieldId("Severity"),
                        jira.fieldId("Sprint")).doesNotContainKeys("resolution", "status", "comment", "attachment");
                assertThat(fields.values()).filteredOn(f -> f.path("required").asBoolean()).extracting(f -> f.path("fieldId").asText())
                        .containsExactlyInAnyOrder("summary", "issuetype", "project");
                assertThat(fields.get(jira.fieldId("Severity")).path("allowedValues")).extracting(v -> v.path("value").asText())
                        .containsExactly("Critical", "Major", "Minor");
                assertThat(fields.get("issuetype").path("allowedValues")).singleElement()
                        .satisfies(v -> assertThat(v.path("id").asText()).isEqualTo(type.path("id").asText()));
                assertThat(fields.get("priority").path("hasDefaultValue").asBoolean()).isTrue();
                assertThat(fields.get("priority").path("defaultValue").path("name").asText()).isEqualTo(cloud ? "Medium" : "Major");
                assertThat(fields.get(jira.fieldId("Sprint")).path("schema").path("custom").asText())
                        .isEqualTo("com.pyxis.greenhopper.jira:gh-sprint");

                // without the required fields but the given ones: exactly the missing one is named
                Rest.Response missing = rest.post(api(jira) + "/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"id\":\""
                        + type.path("id").asText() + "\"}}}");
                assertThat(missing.status()).isEqualTo(400);
                assertThat(missing.json().path("errors").properties()).extracting(Map.Entry::getKey).containsExactly("summary");

                // every field the metadata offers, valued from the metadata alone, is accepted
                ObjectNode body = Rest.MAPPER.createObjectNode();
                ObjectNode values = body.putObject("fields");
                fields.forEach((id, f) -> values.set(id, valueFor(jira, f)));
                Rest.Response created = rest.post(api(jira) + "/issue", body.toString());
                assertThat(created.status()).as(type.path("name").asText() + ": " + created.text()).isEqualTo(201);
                JsonNode issue = jira.issue(created.json().path("key").asText()).orElseThrow().path("fields");
                assertThat(issue.path("issuetype").path("id").asText()).isEqualTo(type.path("id").asText());
                assertThat(issue.path(jira.fieldId("Severity")).path("value").asText()).isEqualTo("Critical");
                assertThat(issue.path(jira.fieldId("Story Points")).asInt()).isEqualTo(3);

                values.putObject("resolution").put("name", cloud ? "Done" : "Fixed");
                assertThat(rest.post(api(jira) + "/issue", body.toString()).json().path("errors").path("resolution").asText())
                        .as("a field the metadata does not offer").contains("cannot be set");
            }
        }
    }

    /** A value of the field from what its metadata says: an allowed value, or one of its schema's type. */
    private static JsonNode valueFor(JiraEmulator jira, JsonNode field) {
        boolean cloud = jira.flavour() == JiraEmulator.Flavour.CLOUD;
        JsonNode allowed = field.path("allowedValues");
        if (allowed.isArray() && !allowed.isEmpty()) {
            return Rest.MAPPER.createObjectNode().put("id", allowed.path(0).path("id").asText());
        }
        String type = field.path("schema").path("type").asText();
        return switch (type) {
            case "string" -> field.path("schema").path("system").asText().matches("description|environment") && cloud
                    ? Rest.json(DOC) : Rest.MAPPER.getNodeFactory().textNode("From the metadata");
            case "user" -> cloud ? Rest.MAPPER.createObjectNode().put("accountId", jira.users().get(1))
                    : Rest.MAPPER.createObjectNode().put("name", jira.users().get(1));
            case "date" -> Rest.MAPPER.getNodeFactory().textNode("2026-12-24");
            case "number" -> Rest.MAPPER.getNodeFactory().numberNode(3);
            case "timetracking" -> Rest.MAPPER.createObjectNode().put("originalEstimate", "1d");
            case "array" -> field.path("schema").path("custom").asText().endsWith("gh-sprint")
                    ? Rest.MAPPER.getNodeFactory().numberNode(7) : Rest.MAPPER.createArrayNode().add("metadata");
            default -> throw new AssertionError("no value for " + field);
        };
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void theEditMetadataDescribesWhatAnEditAccepts(JiraEmulator.Flavour flavour) {
        try (JiraEmulator jira = start(flavour)) {
            boolean cloud = flavour == JiraEmulator.Flavour.CLOUD;
            Rest rest = new Rest(jira);
            String key = jira.createIssue("DEMO", "Story", "Editable");
            JsonNode fields = rest.get(api(jira) + "/issue/" + key + "/editmeta").json().path("fields");
            assertThat(fields.has("project")).as("an edit cannot move the issue").isFalse();
            assertThat(fields.has("resolution")).isFalse();
            assertThat(fields.path("summary").path("required").asBoolean()).isTrue();
            assertThat(fields.path("comment").path("operations")).extracting(JsonNode::asText).containsExactly("add");
            assertThat(fields.path("labels").path("operations")).extracting(JsonNode::asText).containsExactlyInAnyOrder("add", "set", "remove");
            assertThat(fields.path(jira.fieldId("Story Points")).path("name").asText()).isEqualTo("Story Points");
            fields.properties().forEach(e -> {
                assertThat(e.getValue().has("fieldId")).as("Cloud's editmeta has key only").isEqualTo(!cloud);
                assertThat(e.getValue().has("key")).isEqualTo(cloud);
                assertThat(e.getValue().path("operations").isArray()).isTrue();
            });
            String comment = cloud ? DOC : "\"From the metadata\"";
            assertThat(rest.put(api(jira) + "/issue/" + key, "{\"fields\":{\"" + jira.fieldId("Severity") + "\":{\"id\":\""
                    + fields.path(jira.fieldId("Severity")).path("allowedValues").path(1).path("id").asText() + "\"}},"
                    + "\"update\":{\"labels\":[{\"add\":\"edited\"}],\"comment\":[{\"add\":{\"body\":" + comment + "}}]}}").status())
                    .isEqualTo(204);
            JsonNode issue = jira.issue(key).orElseThrow().path("fields");
            assertThat(issue.path(jira.fieldId("Severity")).path("value").asText()).isEqualTo("Major");
            assertThat(issue.path("labels")).extracting(JsonNode::asText).containsExactly("edited");
            assertThat(jira.comments(key)).containsExactly("From the metadata");
            assertThat(rest.put(api(jira) + "/issue/" + key, "{\"fields\":{\"project\":{\"key\":\"DEMO\"}}}").status()).isEqualTo(400);
            assertThat(rest.get(api(jira) + "/issue/DEMO-999/editmeta").status()).isEqualTo(404);
        }
    }
}
