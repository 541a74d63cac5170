package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User and group administration and the audit log over HTTP, on Cloud (account ids, group ids) and Data Center (names). */
class AdminTest {

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void cloudInvitesUsersByEmailAndKnowsGroupsByIdAndName() {
        try (JiraEmulator jira = JiraEmulator.cloud().start()) {
            Rest rest = new Rest(jira);
            assertThat(jira.groups()).containsOnlyKeys("jira-administrators", "jira-software-users");

            assertThat(rest.post("/rest/api/3/user", "{\"emailAddress\":\"zoe@example.com\"}").json().path("errors").has("products"))
                    .as("products are required").isTrue();
            assertThat(rest.post("/rest/api/3/user", "{\"products\":[]}").json().path("errors").has("emailAddress")).isTrue();
            assertThat(rest.post("/rest/api/3/user", "{\"emailAddress\":\"zoe@example.com\",\"products\":[\"jira-nope\"]}").status())
                    .isEqualTo(400);
            Rest.Response created = rest.post("/rest/api/3/user", "{\"emailAddress\":\"zoe@example.com\",\"products\":[\"jira-software\"],"
                    + "\"displayName\":\"ignored on Cloud\"}");
            assertThat(created.status()).isEqualTo(201);
            String zoe = created.json().path("accountId").asText();
            assertThat(zoe).startsWith("712020:");
            assertThat(created.json().path("displayName").asText()).as("Cloud takes no display name").isEqualTo("zoe");
            assertThat(jira.users()).contains(zoe);
            assertThat(jira.groups().get("jira-software-users")).contains(zoe);
            Rest.Response again = rest.post("/rest/api/3/user", "{\"emailAddress\":\"ZOE@example.com\",\"products\":[]}");
            assertThat(again.status()).as("an existing user with access is answered as created").isEqualTo(201);
            assertThat(again.json().path("accountId").asText()).isEqualTo(zoe);

            Rest.Response group = rest.post("/rest/api/3/group", "{\"name\":\"Payments On-call\"}");
            assertThat(group.status()).isEqualTo(201);
            String groupId = group.json().path("groupId").asText();
            assertThat(group.json().path("self").asText()).isEqualTo(jira.baseUrl() + "/rest/api/3/group?groupId=" + groupId);
            assertThat(rest.post("/rest/api/3/group", "{\"name\":\"payments on-call\"}").status()).as("names are case-insensitive").isEqualTo(400);

            Rest.Response added = rest.post("/rest/api/3/group/user?groupId=" + groupId, "{\"accountId\":\"" + zoe + "\"}");
            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().path("users").path("size").asInt()).isEqualTo(1);
            assertThat(rest.post("/rest/api/3/group/user?groupname=" + enc("Payments On-call"), "{\"accountId\":\"" + jira.users().get(1) + "\"}")
                    .status()).isEqualTo(201);
            assertThat(rest.post("/rest/api/3/group/user?groupId=" + groupId, "{\"accountId\":\"" + zoe + "\"}").status())
                    .as("already a member").isEqualTo(400);
            assertThat(rest.post("/rest/api/3/group/user?groupId=nope", "{\"accountId\":\"" + zoe + "\"}").status()).isEqualTo(404);
            assertThat(rest.post("/rest/api/3/group/user?groupId=" + groupId + "&groupname=x", "{\"accountId\":\"" + zoe + "\"}").status())
                    .as("id and name together").isEqualTo(400);

            JsonNode page1 = rest.get("/rest/api/3/group/member?groupId=" + groupId + "&maxResults=1").json();
            assertThat(page1.path("total").asInt()).isEqualTo(2);
            assertThat(page1.path("isLast").asBoolean()).isFalse();
            assertThat(page1.path("values").path(0).path("displayName").asText()).isEqualTo("Ada Lovelace");
            assertThat(page1.path("nextPage").asText()).contains("startAt=1");
            assertThat(rest.get("/rest/api/3/group/member?groupId=" + groupId + "&startAt=1&maxResults=1").json().path("values").path(0)
                    .path("accountId").asText()).isEqualTo(zoe);
            assertThat(rest.get("/rest/api/3/group/member?groupname=x").status()).isEqualTo(404);

            JsonNode groups = rest.get("/rest/api/3/user/groups?accountId=" + zoe).json();
            assertThat(groups).extracting(g -> g.path("name").asText()).containsExactly("jira-software-users", "Payments On-call");
            assertThat(groups.path(1).path("groupId").asText()).isEqualTo(groupId);
            assertThat(rest.get("/rest/api/3/user?accountId=" + zoe + "&expand=groups").json().path("groups").path("size").asInt()).isEqualTo(2);

            JsonNode bulk = rest.get("/rest/api/3/group/bulk?maxResults=2").json();
            assertThat(bulk.path("total").asInt()).isEqualTo(3);
            assertThat(bulk.path("values")).extracting(g -> g.path("name").asText()).containsExactly("jira-administrators", "jira-software-users");
            assertThat(rest.get("/rest/api/3/group/bulk?startAt=2&maxResults=2").json().path("isLast").asBoolean()).isTrue();
            JsonNode picked = rest.get("/rest/api/3/groups/picker?query=call").json();
            assertThat(picked.path("groups").path(0).path("html").asText()).isEqualTo("Payments On-<b>call</b>");
            assertThat(picked.path("header").asText()).isEqualTo("Showing 1 of 1 matching groups");

            assertThat(rest.delete("/rest/api/3/group/user?groupId=" + groupId + "&accountId=" + zoe).status()).isEqualTo(200);
            assertThat(rest.delete("/rest/api/3/group/user?groupId=" + groupId + "&accountId=" + zoe).status()).isEqualTo(400);
            assertThat(rest.delete("/rest/api/3/group?groupId=" + groupId).status()).isEqualTo(200);
            assertThat(jira.groups()).doesNotContainKey("Payments On-call");
            assertThat(rest.delete("/rest/api/3/user?accountId=" + jira.users().get(0)).status()).as("not yourself").isEqualTo(400);
            assertThat(rest.delete("/rest/api/3/user?accountId=" + zoe).status()).isEqualTo(204);
            assertThat(jira.users()).doesNotContain(zoe);
            assertThat(rest.delete("/rest/api/3/user?accountId=" + zoe).status()).isEqualTo(404);

            assertThat(jira.auditRecords()).containsExactly("User created: zoe", "Group created: Payments On-call",
                    "User added to group: Payments On-call", "User added to group: Payments On-call",
                    "User removed from group: Payments On-call", "Group deleted: Payments On-call", "User deleted: zoe");
        }
    }

    @Test
    void cloudAuditRecordsAreNewestFirstWithinInclusiveBounds() throws Exception {
        try (JiraEmulator jira = JiraEmulator.cloud().start()) {
            Rest rest = new Rest(jira);
            List<Instant> created = new ArrayList<>();
            for (String name : List.of("alpha", "beta", "gamma")) {
                rest.post("/rest/api/3/group", "{\"name\":\"" + name + "\"}");
                JsonNode newest = rest.get("/rest/api/3/auditing/record?limit=1").json().path("records").path(0);
                created.add(java.time.OffsetDateTime.parse(newest.path("created").asText(),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant());
                Thread.sleep(5);
            }
            JsonNode all = rest.get("/rest/api/3/auditing/record").json();
            assertThat(all.path("total").asInt()).isEqualTo(3);
            assertThat(all.path("limit").asInt()).isEqualTo(1000);
            assertThat(all.path("records")).extracting(r -> r.path("objectItem").path("name").asText()).containsExactly("gamma", "beta", "alpha");
            assertThat(all.path("records").path(0).path("id").isIntegralNumber()).isTrue();
            assertThat(all.path("records").path(0).path("authorAccountId").asText()).isEqualTo(jira.users().get(0));
            String from = enc(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC)
                    .format(created.get(1)));
            assertThat(rest.get("/rest/api/3/auditing/record?from=" + from).json().path("records"))
                    .extracting(r -> r.path("objectItem").path("name").asText()).containsExactly("gamma", "beta");
            assertThat(rest.get("/rest/api/3/auditing/record?from=" + from + "&to=" + from).json().path("records"))
                    .extracting(r -> r.path("objectItem").path("name").asText()).as("both bounds inclusive").containsExactly("beta");
            assertThat(rest.get("/rest/api/3/auditing/record?offset=1&limit=1").json().path("records").path(0).path("objectItem")
                    .path("name").asText()).isEqualTo("beta");
            assertThat(rest.get("/rest/api/3/auditing/record?filter=gam").json().path("records")).hasSize(1);
            assertThat(rest.get("/rest/api/3/auditing/record?from=yesterday").status()).isEqualTo(400);
            assertThat(rest.get("/rest/auditing/1.0/events").status()).as("Cloud has no Data Center audit API").isEqualTo(404);
        }
    }

    @Test
    void dataCenterCreatesAccountsAndKnowsGroupsByName() {
        try (JiraEmulator jira = JiraEmulator.dataCenter().start()) {
            Rest rest = new Rest(jira);
            JsonNode refused = rest.post("/rest/api/2/user", "{\"name\":\"alovelace\",\"emailAddress\":\"no-at-sign\"}").json();
            assertThat(refused.path("errors").fieldNames()).toIterable().containsExactly("username", "fullname", "email");
            Rest.Response created = rest.post("/rest/api/2/user", "{\"name\":\"zoe\",\"password\":\"s3cret\",\"emailAddress\":\"zoe@example.com\","
                    + "\"displayName\":\"Zoë Ångström\",\"applicationKeys\":[\"jira-software\"]}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("key").asText()).startsWith("JIRAUSER");
            assertThat(created.json().path("displayName").asText()).isEqualTo("Zoë Ångström");
            assertThat(created.json().has("accountId")).isFalse();
            assertThat(created.header("Location")).isEqualTo(jira.baseUrl() + "/rest/api/2/user?username=zoe");
            assertThat(jira.groups().get("jira-software-users")).contains("zoe");

            Rest.Response group = rest.post("/rest/api/2/group", "{\"name\":\"Zahlungsverkehr Köln\"}");
            assertThat(group.status()).isEqualTo(201);
            assertThat(group.json().has("groupId")).as("Data Center groups have names only").isFalse();
            assertThat(group.json().path("self").asText()).isEqualTo(jira.baseUrl() + "/rest/api/2/group?groupname=" + enc("Zahlungsverkehr Köln"));
            String köln = enc("Zahlungsverkehr Köln");
            assertThat(rest.post("/rest/api/2/group/user?groupname=" + köln, "{\"name\":\"zoe\"}").status()).isEqualTo(201);
            assertThat(rest.post("/rest/api/2/group/user?groupname=" + köln, "{\"accountId\":\"zoe\"}").status())
                    .as("Data Center takes the user name").isEqualTo(400);
            assertThat(rest.post("/rest/api/2/group/user?groupId=x", "{\"name\":\"zoe\"}").status()).as("no group ids").isEqualTo(400);

            JsonNode user = rest.get("/rest/api/2/user?username=zoe&expand=groups").json().path("groups");
            assertThat(user.path("size").asInt()).isEqualTo(2);
            assertThat(user.path("items")).extracting(g -> g.path("name").asText()).containsExactly("jira-software-users", "Zahlungsverkehr Köln");
            assertThat(rest.get("/rest/api/2/user/groups?username=zoe").status()).as("no user/groups on Data Center").isEqualTo(404);
            JsonNode members = rest.get("/rest/api/2/group/member?groupname=" + köln).json();
            assertThat(members.path("values").path(0).path("name").asText()).isEqualTo("zoe");
            assertThat(rest.get("/rest/api/2/group/bulk").status()).as("Cloud only").isEqualTo(404);
            JsonNode picker = rest.get("/rest/api/2/groups/picker?maxResults=1000").json();
            assertThat(picker.path("total").asInt()).isEqualTo(3);
            assertThat(picker.path("groups").path(0).has("groupId")).isFalse();

            assertThat(rest.delete("/rest/api/2/group/user?groupname=" + köln + "&username=zoe").status()).isEqualTo(200);
            assertThat(rest.delete("/rest/api/2/group?groupname=" + köln + "&swapGroup=jira-software-users").status()).isEqualTo(200);
            assertThat(rest.delete("/rest/api/2/group?groupname=" + köln).status()).isEqualTo(404);
            assertThat(rest.delete("/rest/api/2/user?username=zoe").status()).isEqualTo(204);
            assertThat(jira.users()).containsExactly("demo", "alovelace", "ghopper");
        }
    }

    @Test
    void dataCenterTenServesTheNewAuditApiOnlyPagedByCursor() {
        try (JiraEmulator jira = JiraEmulator.dataCenter().start()) {
            Rest rest = new Rest(jira);
            for (String name : List.of("alpha", "beta", "gamma")) {
                assertThat(rest.post("/rest/api/2/group", "{\"name\":\"" + name + "\"}").status()).isEqualTo(201);
            }
            assertThat(rest.get("/rest/api/2/auditing/record").status()).as("removed in Data Center 10").isEqualTo(404);
            JsonNode first = rest.get("/rest/auditing/1.0/events?limit=2").json();
            assertThat(first.path("entities")).extracting(e -> e.path("affectedObjects").path(0).path("name").asText())
                    .containsExactly("gamma", "beta");
            JsonNode event = first.path("entities").path(0);
            assertThat(event.has("id")).as("events have no id").isFalse();
            assertThat(event.path("type").path("action").asText()).isEqualTo("Group created");
            assertThat(event.path("author").path("name").asText()).isEqualTo("demo");
            assertThat(event.path("timestamp").asText()).endsWith("Z");
            assertThat(first.path("pagingInfo").path("lastPage").asBoolean()).isFalse();
            String cursor = first.path("pagingInfo").path("nextPageCursor").asText();
            // a new event does not shift the next page
            rest.post("/rest/api/2/group", "{\"name\":\"delta\"}");
            JsonNode second = rest.get("/rest/auditing/1.0/events?limit=2&pageCursor=" + enc(cursor)).json();
            assertThat(second.path("entities")).extracting(e -> e.path("affectedObjects").path(0).path("name").asText()).containsExactly("alpha");
            assertThat(second.path("pagingInfo").path("lastPage").asBoolean()).isTrue();
            assertThat(second.path("pagingInfo").path("nextPageCursor").isNull()).isTrue();
            String from = event.path("timestamp").asText();
            assertThat(rest.get("/rest/auditing/1.0/events?from=" + from + "&to=" + from).json().path("entities")).hasSize(1);
            assertThat(rest.get("/rest/auditing/1.0/events?search=delta").json().path("entities")).hasSize(1);
            assertThat(rest.get("/rest/auditing/1.0/events?pageCursor=garbage").status()).isEqualTo(400);
        }
    }
}
