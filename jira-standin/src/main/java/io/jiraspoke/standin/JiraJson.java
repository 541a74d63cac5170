package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** Renders the stand-in's state in the JSON shapes real Jira Cloud and Server produce. */
final class JiraJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final String BUILD_DATE = "2026-01-05T00:00:00.000+0000";
    private static final String ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";
    private static final String ACCOUNT_ID = "5b10ac8d82e05b22cc7d4ef5";

    /** Which issue fields a response carries: everything, or the named ones. */
    record FieldSelection(boolean all, Set<String> names) {

        static final FieldSelection ALL = new FieldSelection(true, Set.of());

        static FieldSelection of(List<String> requested) {
            return requested.contains("*all") || requested.contains("*navigable")
                    ? ALL
                    : new FieldSelection(false, Set.copyOf(requested));
        }

        boolean includes(String field) {
            return all || names.contains(field);
        }
    }

    private final String baseUrl;
    private final JiraStandIn.Flavour flavour;

    JiraJson(String baseUrl, JiraStandIn.Flavour flavour) {
        this.baseUrl = baseUrl;
        this.flavour = flavour;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static ObjectNode error(JiraError error) {
        ObjectNode body = MAPPER.createObjectNode();
        error.errorMessages().forEach(body.putArray("errorMessages")::add);
        ObjectNode errors = body.putObject("errors");
        error.errors().forEach(errors::put);
        return body;
    }

    ObjectNode serverInfo() {
        boolean cloud = flavour == JiraStandIn.Flavour.CLOUD;
        ObjectNode info = MAPPER.createObjectNode()
                .put("baseUrl", baseUrl)
                .put("version", cloud ? "1001.0.0-SNAPSHOT" : "10.3.1");
        if (cloud) {
            info.putArray("versionNumbers").add(1001).add(0).add(0);
        } else {
            info.putArray("versionNumbers").add(10).add(3).add(1);
        }
        return info.put("deploymentType", cloud ? "Cloud" : "Server")
                .put("buildNumber", cloud ? 100289 : 10030001)
                .put("buildDate", BUILD_DATE)
                .put("serverTime", timestamp(Instant.now()))
                .put("scmInfo", "0000000000000000000000000000000000000000")
                .put("serverTitle", "Jira stand-in");
    }

    ObjectNode myself(int apiVersion) {
        ObjectNode user = user(apiVersion);
        return flavour == JiraStandIn.Flavour.CLOUD ? user.put("locale", "en_US") : user;
    }

    ObjectNode createdIssue(Issue issue, int apiVersion) {
        return MAPPER.createObjectNode()
                .put("id", issue.id())
                .put("key", issue.key())
                .put("self", issueUrl(issue, apiVersion));
    }

    /** Cloud's enhanced search returns only ids unless fields are asked for. */
    static ObjectNode idOnly(Issue issue) {
        return MAPPER.createObjectNode().put("id", issue.id());
    }

    ObjectNode issue(Issue issue, FieldSelection selection, int apiVersion) {
        ObjectNode all = MAPPER.createObjectNode();
        all.set("summary", issue.fields().get("summary"));
        all.set("description", description(issue.fields().get("description"), apiVersion));
        all.set("status", status());
        all.set("issuetype", issue.fields().get("issuetype"));
        all.set("project", project(issue.project(), apiVersion));
        all.put("created", timestamp(issue.created()));
        all.put("updated", timestamp(issue.updated()));
        all.set("reporter", user(apiVersion));
        issue.fields().properties().forEach(field -> all.putIfAbsent(field.getKey(), field.getValue()));

        ObjectNode fields = MAPPER.createObjectNode();
        all.properties().stream()
                .filter(field -> selection.includes(field.getKey()))
                .forEach(field -> fields.set(field.getKey(), field.getValue()));
        ObjectNode json = MAPPER.createObjectNode()
                .put("expand", ISSUE_EXPAND)
                .put("id", issue.id())
                .put("self", issueUrl(issue, apiVersion))
                .put("key", issue.key());
        json.set("fields", fields);
        return json;
    }

    private JsonNode description(JsonNode stored, int apiVersion) {
        if (stored.isNull()) {
            return stored;
        }
        if (apiVersion == 3) {
            return stored.isTextual() ? Adf.fromText(stored.asText()) : stored;
        }
        return stored.isTextual() ? stored : MAPPER.getNodeFactory().textNode(Adf.toText(stored));
    }

    private ObjectNode user(int apiVersion) {
        ObjectNode user = MAPPER.createObjectNode();
        if (flavour == JiraStandIn.Flavour.CLOUD) {
            user.put("self", api(apiVersion) + "/user?accountId=" + ACCOUNT_ID)
                    .put("accountId", ACCOUNT_ID)
                    .put("accountType", "atlassian");
        } else {
            user.put("self", api(apiVersion) + "/user?username=demo")
                    .put("key", "JIRAUSER10000")
                    .put("name", "demo");
        }
        return user.put("emailAddress", "demo@example.com")
                .put("displayName", "Demo User")
                .put("active", true)
                .put("timeZone", "UTC");
    }

    private ObjectNode status() {
        ObjectNode status = MAPPER.createObjectNode().put("name", "To Do").put("id", "10000");
        status.putObject("statusCategory").put("id", 2).put("key", "new").put("colorName", "blue-gray").put("name", "To Do");
        return status;
    }

    private ObjectNode project(Issue.Project project, int apiVersion) {
        return MAPPER.createObjectNode()
                .put("self", api(apiVersion) + "/project/" + project.id())
                .put("id", project.id())
                .put("key", project.key())
                .put("name", project.key())
                .put("projectTypeKey", "software");
    }

    private String issueUrl(Issue issue, int apiVersion) {
        return api(apiVersion) + "/issue/" + issue.id();
    }

    private String api(int apiVersion) {
        return baseUrl + "/rest/api/" + apiVersion;
    }
}
