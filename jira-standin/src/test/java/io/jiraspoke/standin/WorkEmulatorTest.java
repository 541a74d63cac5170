package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue links, worklogs and change history over HTTP, on Cloud (v3 and v2 shapes) and Data Center (v2): what each
 * endpoint takes and answers, and what it changes in the issue.
 */
class WorkEmulatorTest {

    private static final String DOC = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
            + "[{\"type\":\"text\",\"text\":\"Fixed the fan\"}]}]}";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000";

    @RegisterExtension
    final JiraEmulator cloud = JiraEmulator.cloud();

    @RegisterExtension
    final JiraEmulator dataCenter = JiraEmulator.dataCenter();

    private static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    // links

    @Test
    void linkTypesAreJirasDefaults() {
        for (JiraEmulator jira : List.of(cloud, dataCenter)) {
            String api = jira == cloud ? "/rest/api/3" : "/rest/api/2";
            JsonNode types = new Rest(jira).get(api + "/issueLinkType").json().path("issueLinkTypes");
            assertThat(texts(types, "name")).containsExactly("Blocks", "Cloners", "Duplicate", "Relates");
            assertThat(types.path(0).path("inward").asText()).isEqualTo("is blocked by");
            assertThat(types.path(0).path("outward").asText()).isEqualTo("blocks");
            assertThat(types.path(0).path("self").asText()).isEqualTo(jira.baseUrl() + api + "/issueLinkType/10000");
            assertThat(new Rest(jira).get(api + "/issueLinkType/10002").json().path("outward").asText()).isEqualTo("duplicates");
            assertThat(new Rest(jira).get(api + "/issueLinkType/99").status()).isEqualTo(404);
        }
    }

    @Test
    void aLinkShowsOnBothIssuesFromEachSideAndInTheirHistory() {
        Rest rest = new Rest(cloud);
        String a = cloud.createIssue("DEMO", "Task", "Fan broken");
        String b = cloud.createIssue("DEMO", "Task", "Server hot");
        String before = cloud.issue(b).orElseThrow().path("fields").path("updated").asText();
        Rest.Response linked = rest.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"},\"comment\":{\"body\":" + DOC + "}}");
        assertThat(linked.status()).isEqualTo(201);
        assertThat(linked.bytes()).as("Jira answers no body, and no link id").isEmpty();

        JsonNode fromA = cloud.links(a).get(0);
        assertThat(fromA.path("type").path("name").asText()).isEqualTo("Blocks");
        assertThat(fromA.path("outwardIssue").path("key").asText()).as(a + " blocks " + b).isEqualTo(b);
        assertThat(fromA.has("inwardIssue")).isFalse();
        assertThat(fromA.path("outwardIssue").path("fields").path("summary").asText()).isEqualTo("Server hot");
        assertThat(fromA.path("outwardIssue").path("fields").path("status").path("name").asText()).isEqualTo("To Do");
        JsonNode fromB = cloud.issue(b).orElseThrow().path("fields").path("issuelinks").get(0);
        assertThat(fromB.path("inwardIssue").path("key").asText()).as(b + " is blocked by " + a).isEqualTo(a);
        assertThat(fromB.path("id").asText()).isEqualTo(fromA.path("id").asText());
        assertThat(cloud.comments(b)).as("the comment goes on the outward issue").containsExactly("Fixed the fan");
        assertThat(cloud.comments(a)).isEmpty();
        assertThat(cloud.issue(b).orElseThrow().path("fields").path("updated").asText()).isGreaterThan(before);

        JsonNode link = rest.get("/rest/api/3/issueLink/" + fromA.path("id").asText()).json();
        assertThat(link.path("inwardIssue").path("key").asText()).isEqualTo(a);
        assertThat(link.path("outwardIssue").path("key").asText()).isEqualTo(b);

        JsonNode itemOfA = cloud.changelog(a).get(0).path("items").get(0);
        assertThat(itemOfA.path("field").asText()).isEqualTo("Link");
        assertThat(itemOfA.path("to").asText()).isEqualTo(b);
        assertThat(itemOfA.path("toString").asText()).isEqualTo("This issue blocks " + b);
        assertThat(itemOfA.path("from").isNull()).isTrue();
        assertThat(cloud.changelog(b).get(0).path("items").get(0).path("toString").asText()).isEqualTo("This issue is blocked by " + a);

        assertThat(rest.post("/rest/api/3/issueLink", "{\"type\":{\"id\":\"10000\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"}}").status()).as("the same link again").isEqualTo(201);
        assertThat(cloud.links(a)).as("is not made twice").hasSize(1);
        assertThat(cloud.changelog(a)).hasSize(1);

        assertThat(rest.delete("/rest/api/3/issueLink/" + fromA.path("id").asText()).status()).isEqualTo(204);
        assertThat(cloud.links(a)).isEmpty();
        assertThat(cloud.links(b)).isEmpty();
        JsonNode unlinked = cloud.changelog(b).get(1).path("items").get(0);
        assertThat(unlinked.path("from").asText()).isEqualTo(a);
        assertThat(unlinked.path("fromString").asText()).isEqualTo("This issue is blocked by " + a);
        assertThat(unlinked.path("to").isNull()).isTrue();
        assertThat(rest.get("/rest/api/3/issueLink/" + fromA.path("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void badLinksAreRefusedAndChangeNothing() {
        Rest rest = new Rest(cloud);
        String a = cloud.createIssue("DEMO", "Task", "One");
        String b = cloud.createIssue("DEMO", "Task", "Two");
        Rest.Response unknownType = rest.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Fixes\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"}}");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.json().path("errorMessages").get(0).asText()).contains("Fixes");
        assertThat(rest.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"DEMO-99\"}}").status()).isEqualTo(404);
        assertThat(rest.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"" + a + "\"}}").status()).isEqualTo(400);
        assertThat(rest.post("/rest/api/3/issueLink", "{\"inwardIssue\":{\"key\":\"" + a + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"}}")
                .status()).isEqualTo(400);
        assertThat(rest.post("/rest/api/3/issueLink", "{\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"key\":\"" + b + "\"},\"comment\":{\"body\":\"text on v3\"}}").status())
                .as("a v3 comment is ADF").isEqualTo(400);
        assertThat(cloud.links(a)).isEmpty();
        assertThat(cloud.comments(b)).isEmpty();
        assertThat(cloud.changelog(a)).isEmpty();
        assertThat(cloud.changelog(b)).isEmpty();
    }

    @Test
    void dataCenterLinksSpeakV2() {
        Rest rest = new Rest(dataCenter);
        String a = dataCenter.createIssue("DEMO", "Task", "One");
        String b = dataCenter.createIssue("DEMO", "Task", "Two");
        assertThat(rest.post("/rest/api/2/issueLink", "{\"type\":{\"name\":\"duplicate\"},\"inwardIssue\":{\"key\":\"" + a
                + "\"},\"outwardIssue\":{\"id\":\"" + dataCenter.issue(b).orElseThrow().path("id").asText() + "\"},\"comment\":{\"body\":\"Same *thing*\"}}")
                .status()).isEqualTo(201);
        assertThat(rest.get("/rest/api/2/issue/" + a).json().path("fields").path("issuelinks").get(0).path("outwardIssue").path("key").asText())
                .isEqualTo(b);
        assertThat(dataCenter.links(b).get(0).path("type").path("inward").asText()).isEqualTo("is duplicated by");
        assertThat(dataCenter.comments(b)).containsExactly("Same *thing*");
        assertThat(rest.post("/rest/api/3/issueLink", "{}").status()).as("no REST v3 on Data Center").isEqualTo(404);
        JsonNode item = dataCenter.changelog(a).get(0).path("items").get(0);
        assertThat(item.path("toString").asText()).isEqualTo("This issue duplicates " + b);
        assertThat(item.has("fieldId")).as("Data Center's history items have no fieldId").isFalse();
    }

    // worklogs

    @Test
    void worklogsAreLoggedListedEditedAndDeletedOnCloud() {
        Rest rest = new Rest(cloud);
        String key = cloud.createIssue("DEMO", "Task", "Fan broken");
        String before = cloud.issue(key).orElseThrow().path("fields").path("updated").asText();
        Rest.Response logged = rest.post("/rest/api/3/issue/" + key + "/worklog",
                "{\"timeSpent\":\"3h 20m\",\"started\":\"2026-01-17T12:34:00.000+0000\",\"comment\":" + DOC + "}");
        assertThat(logged.status()).isEqualTo(201);
        JsonNode w = logged.json();
        String issueId = cloud.issue(key).orElseThrow().path("id").asText();
        assertThat(w.path("timeSpent").asText()).isEqualTo("3h 20m");
        assertThat(w.path("timeSpentSeconds").asLong()).isEqualTo(12000);
        assertThat(w.path("started").asText()).isEqualTo("2026-01-17T12:34:00.000+0000");
        assertThat(w.path("created").asText()).matches(TIMESTAMP);
        assertThat(w.path("comment")).isEqualTo(Rest.json(DOC));
        assertThat(w.path("author").path("accountId").asText()).isEqualTo(cloud.users().get(0));
        assertThat(w.path("issueId").asText()).isEqualTo(issueId);
        assertThat(w.path("self").asText()).isEqualTo(cloud.baseUrl() + "/rest/api/3/issue/" + issueId + "/worklog/" + w.path("id").asText());

        JsonNode fields = cloud.issue(key).orElseThrow().path("fields");
        assertThat(fields.path("updated").asText()).isGreaterThan(before);
        assertThat(fields.path("timetracking").path("timeSpentSeconds").asLong()).isEqualTo(12000);
        assertThat(fields.path("timespent").asLong()).isEqualTo(12000);
        assertThat(fields.path("worklog").path("total").asInt()).isEqualTo(1);
        assertThat(rest.get("/rest/api/2/issue/" + key + "/worklog").json().path("worklogs").get(0).path("comment").asText())
                .as("v2 speaks text").isEqualTo("Fixed the fan");

        rest.post("/rest/api/3/issue/" + key + "/worklog", "{\"timeSpentSeconds\":1800,\"started\":\"2026-01-18T09:00:00.000+0000\"}");
        rest.post("/rest/api/2/issue/" + key + "/worklog", "{\"timeSpent\":\"1d\",\"started\":\"2026-01-19T09:00:00.000+0000\",\"comment\":\"Long day\"}");
        assertThat(cloud.worklogs(key)).extracting(n -> n.path("timeSpent").asText()).containsExactly("3h 20m", "30m", "1d");
        JsonNode page = rest.get("/rest/api/3/issue/" + key + "/worklog?startAt=1&maxResults=1").json();
        assertThat(page.path("startAt").asInt()).isEqualTo(1);
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("worklogs")).hasSize(1);
        assertThat(page.path("worklogs").get(0).path("timeSpentSeconds").asLong()).isEqualTo(1800);
        long jan18 = Instant.parse("2026-01-18T00:00:00Z").toEpochMilli();
        assertThat(rest.get("/rest/api/3/issue/" + key + "/worklog?startedAfter=" + jan18).json().path("worklogs")).hasSize(2);

        String id = w.path("id").asText();
        Rest.Response edited = rest.put("/rest/api/3/issue/" + key + "/worklog/" + id, "{\"timeSpent\":\"4h\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("timeSpentSeconds").asLong()).isEqualTo(14400);
        assertThat(edited.json().path("updated").asText()).isGreaterThan(w.path("updated").asText());
        assertThat(edited.json().path("comment")).as("what the edit leaves out stays").isEqualTo(Rest.json(DOC));
        assertThat(rest.get("/rest/api/3/issue/" + key + "/worklog/" + id).json().path("timeSpent").asText()).isEqualTo("4h");
        assertThat(rest.delete("/rest/api/3/issue/" + key + "/worklog/" + id).status()).isEqualTo(204);
        assertThat(rest.get("/rest/api/3/issue/" + key + "/worklog/" + id).status()).isEqualTo(404);
        assertThat(cloud.worklogs(key)).hasSize(2);
        assertThat(cloud.issue(key).orElseThrow().path("fields").path("timespent").asLong()).isEqualTo(1800 + 8 * 3600);
    }

    @Test
    void worklogsAdjustTheRemainingEstimate() {
        Rest rest = new Rest(cloud);
        String key = cloud.createIssue("DEMO", "Task", "Estimated");
        assertThat(rest.put("/rest/api/3/issue/" + key, "{\"fields\":{\"timetracking\":{\"originalEstimate\":\"1d\"}}}").status()).isEqualTo(204);
        String path = "/rest/api/3/issue/" + key + "/worklog";
        String body = "{\"timeSpent\":\"2h\",\"started\":\"2026-01-17T12:34:00.000+0000\"}";
        rest.post(path, body);
        assertThat(remaining(key)).as("auto: reduced by the time spent").isEqualTo(6 * 3600);
        rest.post(path + "?adjustEstimate=leave", body);
        assertThat(remaining(key)).isEqualTo(6 * 3600);
        rest.post(path + "?adjustEstimate=new&newEstimate=3h", body);
        assertThat(remaining(key)).isEqualTo(3 * 3600);
        rest.post(path + "?adjustEstimate=manual&reduceBy=30m", body);
        assertThat(remaining(key)).isEqualTo(2 * 3600 + 1800);
        JsonNode tracking = cloud.issue(key).orElseThrow().path("fields").path("timetracking");
        assertThat(tracking.path("originalEstimate").asText()).isEqualTo("1d");
        assertThat(tracking.path("remainingEstimate").asText()).isEqualTo("2h 30m");
        assertThat(tracking.path("timeSpent").asText()).isEqualTo("1d");
        assertThat(cloud.issue(key).orElseThrow().path("fields").path("workratio").asLong()).isEqualTo(100);
        assertThat(rest.post(path + "?adjustEstimate=new", body).status()).as("new needs newEstimate").isEqualTo(400);
        assertThat(rest.post(path + "?adjustEstimate=sometimes", body).status()).isEqualTo(400);
        assertThat(cloud.worklogs(key)).hasSize(4);
        List<String> fields = cloud.changelog(key).stream().flatMap(h -> java.util.stream.StreamSupport.stream(h.path("items").spliterator(), false))
                .map(i -> i.path("field").asText()).distinct().toList();
        assertThat(fields).contains("timeoriginalestimate", "timeestimate", "timespent", "WorklogId");
    }

    private long remaining(String key) {
        return cloud.issue(key).orElseThrow().path("fields").path("timeestimate").asLong();
    }

    @Test
    void badWorklogsAreRefusedAsJiraRefusesThem() {
        Rest rest = new Rest(cloud);
        String key = cloud.createIssue("DEMO", "Task", "Careful");
        String path = "/rest/api/3/issue/" + key + "/worklog";
        Rest.Response none = rest.post(path, "{\"started\":\"2026-01-17T12:34:00.000+0000\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("errors").path("timeLogged").asText()).isEqualTo("You must indicate the time spent working.");
        assertThat(rest.post(path, "{\"timeSpent\":\"1h\",\"timeSpentSeconds\":3600,\"started\":\"2026-01-17T12:34:00.000+0000\"}")
                .json().path("errors").has("timeLogged")).isTrue();
        assertThat(rest.post(path, "{\"timeSpent\":\"a while\",\"started\":\"2026-01-17T12:34:00.000+0000\"}")
                .json().path("errors").path("timeLogged").asText()).isEqualTo("Invalid time duration entered.");
        Rest.Response many = rest.post(path, "{\"timeSpent\":\"1h\",\"started\":\"yesterday\",\"comment\":\"text on v3\"}");
        assertThat(many.json().path("errors").properties()).extracting(Map.Entry::getKey).containsExactly("startDate", "comment");
        assertThat(rest.post("/rest/api/3/issue/DEMO-99/worklog", "{\"timeSpent\":\"1h\"}").status()).isEqualTo(404);
        assertThat(cloud.worklogs(key)).isEmpty();
        assertThat(cloud.changelog(key)).isEmpty();
    }

    @Test
    void dataCenterWorklogsSpeakWikiTextAndComeAllAtOnce() {
        Rest rest = new Rest(dataCenter);
        String key = dataCenter.createIssue("DEMO", "Task", "Disk full");
        for (int i = 1; i <= 3; i++) {
            assertThat(rest.post("/rest/api/2/issue/" + key + "/worklog", "{\"timeSpent\":\"" + i + "h\",\"started\":\"2026-01-1" + i
                    + "T09:00:00.000+0000\"" + (i == 1 ? ",\"comment\":\"Cleaned *logs*\"" : "") + "}").status()).isEqualTo(201);
        }
        JsonNode page = rest.get("/rest/api/2/issue/" + key + "/worklog").json();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("maxResults").asInt()).isEqualTo(3);
        assertThat(page.path("worklogs").get(0).path("comment").asText()).isEqualTo("Cleaned *logs*");
        assertThat(page.path("worklogs").get(1).path("comment").asText()).isEmpty();
        assertThat(page.path("worklogs").get(0).path("author").path("name").asText()).isEqualTo("demo");
        assertThat(dataCenter.issue(key).orElseThrow().path("fields").path("timetracking").path("timeSpent").asText()).isEqualTo("6h");
        assertThat(rest.post("/rest/api/3/issue/" + key + "/worklog", "{}").status()).isEqualTo(404);
    }

    @Test
    void siteWideWorklogChangesLeaveOutTheLastMinute() {
        MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (JiraEmulator jira = JiraEmulator.cloud().clock(clock).start()) {
            Rest rest = new Rest(jira);
            String key = jira.createIssue("DEMO", "Task", "Timed");
            String first = rest.post("/rest/api/3/issue/" + key + "/worklog", "{\"timeSpent\":\"1h\",\"started\":\"2026-03-02T09:00:00.000+0000\"}")
                    .json().path("id").asText();
            String second = rest.post("/rest/api/3/issue/" + key + "/worklog", "{\"timeSpent\":\"2h\",\"started\":\"2026-03-02T09:00:00.000+0000\"}")
                    .json().path("id").asText();
            assertThat(rest.get("/rest/api/3/worklog/updated?since=0").json().path("values")).as("not settled yet").isEmpty();
            clock.advance(Duration.ofMinutes(2));
            JsonNode updated = rest.get("/rest/api/3/worklog/updated?since=0").json();
            assertThat(texts(updated.path("values"), "worklogId")).containsExactly(first, second);
            assertThat(updated.path("lastPage").asBoolean()).isTrue();
            long until = updated.path("until").asLong();
            assertThat(until).isEqualTo(updated.path("values").get(1).path("updatedTime").asLong());
            assertThat(rest.get("/rest/api/3/worklog/updated?since=" + until).json().path("values")).isEmpty();

            JsonNode listed = rest.post("/rest/api/3/worklog/list", "{\"ids\":[" + first + ",\"" + second + "\",424242]}").json();
            assertThat(texts(listed, "timeSpent")).containsExactly("1h", "2h");

            rest.delete("/rest/api/3/issue/" + key + "/worklog/" + first);
            clock.advance(Duration.ofMinutes(2));
            assertThat(texts(rest.get("/rest/api/3/worklog/deleted?since=0").json().path("values"), "worklogId")).containsExactly(first);
            assertThat(rest.get("/rest/api/2/worklog/updated?since=0").json().path("values")).hasSize(1);
        }
    }

    /** A clock a test moves on. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    // change history

    @Test
    void everyChangeOnCloudIsInTheHistoryPagedOldestFirst() {
        Rest rest = new Rest(cloud);
        String me = cloud.users().get(0);
        String ada = cloud.users().get(1);
        String key = cloud.createIssue("DEMO", "Task", "Printer");
        rest.put("/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"Printer on fire\",\"labels\":[\"office\",\"urgent\"]}}");
        rest.post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"}}");
        rest.put("/rest/api/3/issue/" + key + "/assignee", "{\"accountId\":\"" + ada + "\"}");
        rest.upload("/rest/api/3/issue/" + key + "/attachments", "smoke.txt", "lots of smoke");
        rest.get("/rest/api/3/issue/" + key);
        rest.put("/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"\"}}");
        rest.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":" + DOC + "}");

        JsonNode all = rest.get("/rest/api/3/issue/" + key + "/changelog").json();
        assertThat(all.path("total").asInt()).as("reads, refused edits and comments are no changes").isEqualTo(4);
        assertThat(all.path("isLast").asBoolean()).isTrue();
        JsonNode edit = all.path("values").get(0);
        assertThat(edit.path("author").path("accountId").asText()).isEqualTo(me);
        assertThat(edit.path("created").asText()).matches(TIMESTAMP);
        assertThat(edit.path("items")).hasSize(2);
        JsonNode summary = edit.path("items").get(0);
        assertThat(summary.path("field").asText()).isEqualTo("summary");
        assertThat(summary.path("fieldtype").asText()).isEqualTo("jira");
        assertThat(summary.path("fieldId").asText()).isEqualTo("summary");
        assertThat(summary.path("fromString").asText()).isEqualTo("Printer");
        assertThat(summary.path("toString").asText()).isEqualTo("Printer on fire");
        assertThat(edit.path("items").get(1).path("toString").asText()).isEqualTo("office urgent");

        JsonNode transition = all.path("values").get(1).path("items");
        assertThat(transition).extracting(i -> i.path("field").asText()).containsExactly("status", "resolution");
        assertThat(transition.get(0).path("from").asText()).isEqualTo("10000");
        assertThat(transition.get(0).path("fromString").asText()).isEqualTo("To Do");
        assertThat(transition.get(0).path("toString").asText()).isEqualTo("Done");
        assertThat(transition.get(1).path("toString").asText()).isEqualTo("Done");
        JsonNode assignee = all.path("values").get(2).path("items").get(0);
        assertThat(assignee.path("from").isNull()).isTrue();
        assertThat(assignee.path("to").asText()).isEqualTo(ada);
        assertThat(assignee.path("toString").asText()).isEqualTo("Ada Lovelace");
        JsonNode attachment = all.path("values").get(3).path("items").get(0);
        assertThat(attachment.path("field").asText()).isEqualTo("Attachment");
        assertThat(attachment.path("toString").asText()).isEqualTo("smoke.txt");
        assertThat(all.path("values").get(3).path("created").asText()).as("an entry is dated when its change was made")
                .isEqualTo(cloud.issue(key).orElseThrow().path("fields").path("attachment").get(0).path("created").asText());
        List<String> ids = texts(all.path("values"), "id");
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        JsonNode page = rest.get("/rest/api/3/issue/" + key + "/changelog?startAt=1&maxResults=2").json();
        assertThat(texts(page.path("values"), "id")).containsExactly(ids.get(1), ids.get(2));
        assertThat(page.path("isLast").asBoolean()).isFalse();
        assertThat(page.path("nextPage").asText()).endsWith("/changelog?startAt=3&maxResults=2");
        JsonNode listed = rest.post("/rest/api/3/issue/" + key + "/changelog/list", "{\"changelogIds\":[" + ids.get(2) + "]}").json();
        assertThat(texts(listed.path("histories"), "id")).containsExactly(ids.get(2));
        JsonNode expanded = rest.get("/rest/api/3/issue/" + key + "?fields=updated&expand=changelog").json().path("changelog");
        assertThat(expanded.path("total").asInt()).isEqualTo(4);
        assertThat(texts(expanded.path("histories"), "id")).isEqualTo(ids);
        assertThat(cloud.changelog(key)).hasSize(4);
    }

    @Test
    void dataCenterHistoryComesWithTheIssue() {
        Rest rest = new Rest(dataCenter);
        String key = dataCenter.createIssue("DEMO", "Task", "Disk full");
        rest.post("/rest/api/2/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"4\"}}");
        rest.put("/rest/api/2/issue/" + key + "/assignee", "{\"name\":\"alovelace\"}");
        rest.put("/rest/api/2/issue/" + key, "{\"fields\":{\"duedate\":\"2026-12-24\",\"priority\":{\"name\":\"Critical\"}}}");
        assertThat(rest.get("/rest/api/2/issue/" + key + "/changelog").status()).as("Data Center has no paged changelog").isEqualTo(404);
        JsonNode answer = rest.get("/rest/api/2/issue/" + key + "?fields=updated&expand=changelog").json();
        assertThat(answer.path("fields").properties()).extracting(Map.Entry::getKey).containsExactly("updated");
        JsonNode changelog = answer.path("changelog");
        assertThat(changelog.path("total").asInt()).isEqualTo(3);
        JsonNode histories = changelog.path("histories");
        assertThat(histories.get(0).path("items").get(0).path("fromString").asText()).isEqualTo("Open");
        assertThat(histories.get(0).path("items").get(0).path("toString").asText()).isEqualTo("In Progress");
        assertThat(histories.get(0).path("items").get(0).has("fieldId")).isFalse();
        assertThat(histories.get(0).path("author").path("name").asText()).isEqualTo("demo");
        JsonNode assignee = histories.get(1).path("items").get(0);
        assertThat(assignee.path("to").asText()).as("Data Center's history names users by key").startsWith("JIRAUSER");
        assertThat(assignee.path("toString").asText()).isEqualTo("Ada Lovelace");
        assertThat(histories.get(2).path("items")).extracting(i -> i.path("field").asText() + "=" + i.path("toString").asText())
                .containsExactly("priority=Critical", "duedate=2026-12-24 00:00:00.0");
        assertThat(rest.get("/rest/api/2/issue/" + key).json().has("changelog")).as("only when expanded").isFalse();
    }
}
