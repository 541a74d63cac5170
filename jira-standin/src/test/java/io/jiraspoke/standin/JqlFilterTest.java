package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.Comment;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Project;
import io.jiraspoke.standin.Model.Sprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * JQL evaluated against a small Jira: which issues each field, operator, value and function selects, the order
 * ORDER BY gives, and the 400s for what does not exist or is not supported.
 */
class JqlFilterTest {

    /** Jira's clock in these tests: Wednesday, 2026-11-25 12:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final Store store = new Store(Flavour.CLOUD, Clock.fixed(NOW, ZoneOffset.UTC));
    private final String ada;
    private final String grace;

    JqlFilterTest() {
        Project demo = store.addProject("DEMO", "Demo", "software", store.me());
        store.addProject("OPS", "Operations", "software", store.me());
        ada = store.users.get(1).accountId();
        grace = store.users.get(2).accountId();
        store.sprints.put(7, new Sprint(7, "DEMO Sprint 7", "active", 1));
        store.sprints.put(6, new Sprint(6, "DEMO Sprint 6", "closed", 1));
        // DEMO-1: a bug, two days old, assigned to Ada, in sprint 7, labelled
        issue(demo, "Bug", "Printer on fire", Duration.ofDays(2), i -> {
            i.labels.add("office");
            i.labels.add("Urgent");
            i.assignee = store.users.get(1);
            i.priority = store.catalog.priority("High").orElseThrow();
            i.custom.set(store.sprintField().id(), JiraJson.MAPPER.createArrayNode().add(7));
            i.custom.put("customfield_10028", 5);
            i.description = Adf.fromText("The printer in room 4 is burning.\n\nNobody noticed the smoke.");
        });
        // DEMO-2: a task, one hour old, done
        issue(demo, "Task", "Order new toner", Duration.ofHours(1), i -> {
            i.status = store.catalog.status("Done").orElseThrow();
            i.resolution = store.catalog.defaultResolution();
            i.resolved = NOW.minus(Duration.ofMinutes(30));
            i.custom.put("customfield_10028", 2);
            i.dueDate = "2026-11-30";
        });
        // DEMO-3: a story, four minutes old, reported by Grace, in the closed sprint, with a comment
        issue(demo, "Story", "Faster printing", Duration.ofMinutes(4), i -> {
            i.reporter = store.users.get(2);
            i.priority = store.catalog.priority("Lowest").orElseThrow();
            i.custom.set(store.sprintField().id(), JiraJson.MAPPER.createArrayNode().add(6));
            i.comments.add(new Comment("10000", i, store.me(), Adf.fromText("Customers asked for duplex printing"), NOW));
        });
        // OPS-1: eight days old
        issue(store.project("OPS").orElseThrow(), "Task", "Rotate the keys", Duration.ofDays(8), i -> i.labels.add("security"));
    }

    private void issue(Project project, String type, String summary, Duration age, Consumer<Issue> more) {
        Issue issue = store.newIssue(project, store.me(), NOW.minus(age));
        issue.type = store.catalog.issueType(type).orElseThrow();
        issue.status = store.catalog.initialStatus();
        issue.priority = store.catalog.defaultPriority();
        issue.reporter = store.me();
        issue.summary = summary;
        more.accept(issue);
    }

    private List<String> keys(String jql) {
        JqlFilter.Compiled query = JqlFilter.compile(Jql.parse(jql), store, NOW);
        return store.issues().stream().filter(query.filter()).sorted(query.order()).map(i -> i.key).toList();
    }

    private String error(String jql) {
        try {
            keys(jql);
        } catch (JiraError e) {
            assertThat(e.status()).isEqualTo(400);
            return e.errorMessages().get(0);
        }
        throw new AssertionError("no error for " + jql);
    }

    @Test
    void projectsByKeyIdOrName() {
        assertThat(keys("project = DEMO")).containsExactly("DEMO-1", "DEMO-2", "DEMO-3");
        assertThat(keys("project = demo")).hasSize(3);
        assertThat(keys("project = " + store.project("OPS").orElseThrow().id)).containsExactly("OPS-1");
        assertThat(keys("project = \"Operations\"")).containsExactly("OPS-1");
        assertThat(keys("project in (DEMO, OPS)")).hasSize(4);
        assertThat(keys("project != DEMO")).containsExactly("OPS-1");
        assertThat(keys("project not in (DEMO)")).containsExactly("OPS-1");
        assertThat(error("project = NOPE")).isEqualTo("The value 'NOPE' does not exist for the field 'project'.");
    }

    @Test
    void typeStatusCategoryResolutionPriority() {
        assertThat(keys("issuetype = Bug")).containsExactly("DEMO-1");
        assertThat(keys("type in (Story, Task) AND project = DEMO")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("status = \"To Do\"")).containsExactly("DEMO-1", "DEMO-3", "OPS-1");
        assertThat(keys("status = 10001")).containsExactly("DEMO-2");
        assertThat(keys("statusCategory = Done")).containsExactly("DEMO-2");
        assertThat(keys("statusCategory != done")).hasSize(3);
        assertThat(keys("resolution is EMPTY")).hasSize(3);
        assertThat(keys("resolution = Done")).containsExactly("DEMO-2");
        assertThat(keys("priority = High")).containsExactly("DEMO-1");
        assertThat(keys("priority > Medium")).containsExactly("DEMO-1");
        assertThat(keys("priority <= Medium")).containsExactly("DEMO-2", "DEMO-3", "OPS-1");
        assertThat(keys("priority < Low")).containsExactly("DEMO-3");
        assertThat(error("status = Flying")).isEqualTo("The value 'Flying' does not exist for the field 'status'.");
        assertThat(error("issuetype = EMPTY")).contains("does not support searching for EMPTY");
        assertThat(error("status > Done")).isEqualTo("The operator '>' is not supported by the 'status' field.");
        assertThat(keys("issuetype in standardIssueTypes()")).hasSize(4);
    }

    @Test
    void peopleByAccountIdCurrentUserOrEmpty() {
        assertThat(keys("assignee = \"" + ada + "\"")).containsExactly("DEMO-1");
        assertThat(keys("assignee is EMPTY")).containsExactly("DEMO-2", "DEMO-3", "OPS-1");
        assertThat(keys("assignee = EMPTY")).containsExactly("DEMO-2", "DEMO-3", "OPS-1");
        assertThat(keys("assignee is not empty")).containsExactly("DEMO-1");
        // as in Jira, != does not match issues whose field is empty
        assertThat(keys("assignee != \"" + grace + "\"")).containsExactly("DEMO-1");
        assertThat(keys("assignee in (EMPTY, \"" + ada + "\")")).hasSize(4);
        assertThat(keys("reporter = \"" + grace + "\"")).containsExactly("DEMO-3");
        assertThat(keys("reporter = currentUser()")).containsExactly("DEMO-1", "DEMO-2", "OPS-1");
        assertThat(keys("creator = currentUser()")).hasSize(4);
        // Cloud has no user names (GDPR): a display name is not a user there
        assertThat(error("assignee = \"Ada Lovelace\"")).isEqualTo("The value 'Ada Lovelace' does not exist for the field 'assignee'.");
        assertThat(error("project = currentUser()")).contains("currentUser").contains("'project'");
    }

    @Test
    void labelsAndSprints() {
        assertThat(keys("labels = office")).containsExactly("DEMO-1");
        assertThat(keys("labels = urgent")).as("labels compare case-insensitively").containsExactly("DEMO-1");
        assertThat(keys("labels in (security, office)")).containsExactly("DEMO-1", "OPS-1");
        assertThat(keys("labels != office")).as("issues without labels are not matched by !=").containsExactly("OPS-1");
        assertThat(keys("labels is EMPTY")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("sprint = 7")).containsExactly("DEMO-1");
        assertThat(keys("sprint = \"DEMO Sprint 6\"")).containsExactly("DEMO-3");
        assertThat(keys("sprint in openSprints()")).containsExactly("DEMO-1");
        assertThat(keys("sprint in closedSprints()")).containsExactly("DEMO-3");
        assertThat(keys("sprint in futureSprints()")).isEmpty();
        assertThat(keys("sprint is EMPTY")).containsExactly("DEMO-2", "OPS-1");
        assertThat(error("sprint = 99")).isEqualTo("The value '99' does not exist for the field 'sprint'.");
    }

    @Test
    void textSearch() {
        assertThat(keys("text ~ printer")).containsExactly("DEMO-1");
        assertThat(keys("text ~ \"printing\"")).as("stemmed: printing, not printer").containsExactly("DEMO-3");
        assertThat(keys("text ~ duplex")).as("comments are text").containsExactly("DEMO-3");
        assertThat(keys("text ~ \"smoke printer\"")).as("every term, anywhere").containsExactly("DEMO-1");
        assertThat(keys("text ~ \"\\\"room 4\\\"\"")).as("a phrase").containsExactly("DEMO-1");
        assertThat(keys("text ~ \"\\\"4 room\\\"\"")).isEmpty();
        assertThat(keys("summary ~ \"print*\"")).containsExactly("DEMO-1", "DEMO-3");
        assertThat(keys("summary ~ fire")).containsExactly("DEMO-1");
        assertThat(keys("description ~ burning")).containsExactly("DEMO-1");
        assertThat(keys("comment ~ customers")).containsExactly("DEMO-3");
        assertThat(keys("summary !~ printer AND project = DEMO")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("description is EMPTY")).containsExactly("DEMO-2", "DEMO-3", "OPS-1");
        assertThat(error("summary ~ \"*fire\"")).contains("is not allowed to start with a wildcard");
        assertThat(error("summary = fire")).isEqualTo("The operator '=' is not supported by the 'summary' field.");
    }

    @Test
    void keysAndIds() {
        assertThat(keys("key = DEMO-2")).containsExactly("DEMO-2");
        assertThat(keys("issuekey in (DEMO-1, OPS-1)")).containsExactly("DEMO-1", "OPS-1");
        assertThat(keys("key not in (DEMO-1, OPS-1)")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("id = " + store.issue("DEMO-3").orElseThrow().id)).containsExactly("DEMO-3");
        assertThat(keys("key > DEMO-1")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("key <= DEMO-2")).containsExactly("DEMO-1", "DEMO-2");
        assertThat(error("key = DEMO-99")).isEqualTo("An issue with key 'DEMO-99' does not exist for field 'key'.");
    }

    @Test
    void datesAbsoluteRelativeAndFunctions() {
        assertThat(keys("created >= -5m")).containsExactly("DEMO-3");
        assertThat(keys("created > -1d")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("created < -1w")).containsExactly("OPS-1");
        assertThat(keys("created >= \"-1w 2d\"")).as("combined periods: 9 days").hasSize(4);
        assertThat(keys("updated >= \"2026/11/23\"")).containsExactly("DEMO-1", "DEMO-2", "DEMO-3");
        assertThat(keys("updated >= \"2026-11-25 11:00\"")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("created <= 2026-11-18")).as("a date is its midnight").containsExactly("OPS-1");
        assertThat(keys("created <= 2026-11-17")).isEmpty();
        assertThat(keys("createdDate > startOfDay()")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("created > startOfDay(-1)")).containsExactly("DEMO-2", "DEMO-3");
        assertThat(keys("created >= startOfDay(\"-2d\")")).containsExactly("DEMO-1", "DEMO-2", "DEMO-3");
        assertThat(keys("created >= startOfWeek()")).as("weeks start on Sunday, 2026-11-22").containsExactly("DEMO-1", "DEMO-2", "DEMO-3");
        assertThat(keys("created >= startOfMonth()")).hasSize(4);
        assertThat(keys("created < endOfDay() AND created > now()")).isEmpty();
        assertThat(keys("resolved >= -1h")).containsExactly("DEMO-2");
        assertThat(keys("resolved is EMPTY")).hasSize(3);
        assertThat(keys("due <= 2026-11-30")).containsExactly("DEMO-2");
        assertThat(error("created > yesterday")).startsWith("Date value 'yesterday' for field 'created' is invalid.");
        assertThat(error("created > tomorrow()")).isEqualTo("Unable to find JQL function 'tomorrow()'.");
        assertThat(error("created ~ -1d")).isEqualTo("The operator '~' is not supported by the 'created' field.");
    }

    @Test
    void andOrNotAndParentheses() {
        assertThat(keys("project = OPS OR labels = office AND priority = High")).containsExactly("DEMO-1", "OPS-1");
        assertThat(keys("(project = OPS OR labels = office) AND priority = High")).containsExactly("DEMO-1");
        assertThat(keys("NOT project = DEMO")).containsExactly("OPS-1");
        assertThat(keys("project = DEMO AND NOT (type = Bug OR status = Done)")).containsExactly("DEMO-3");
    }

    @Test
    void customFieldsByNameOrClause() {
        assertThat(keys("\"Story Points\" > 3")).containsExactly("DEMO-1");
        assertThat(keys("cf[10028] in (2, 5)")).containsExactly("DEMO-1", "DEMO-2");
        assertThat(keys("\"Story Points\" is EMPTY")).containsExactly("DEMO-3", "OPS-1");
        assertThat(error("\"Story Points\" > many")).contains("please specify a number");
    }

    @Test
    void orderBy() {
        assertThat(keys("project = DEMO ORDER BY created DESC")).containsExactly("DEMO-3", "DEMO-2", "DEMO-1");
        assertThat(keys("project = DEMO ORDER BY priority DESC")).as("most important first").containsExactly("DEMO-1", "DEMO-2", "DEMO-3");
        assertThat(keys("project = DEMO ORDER BY priority")).containsExactly("DEMO-3", "DEMO-2", "DEMO-1");
        assertThat(keys("project = DEMO ORDER BY duedate")).as("empty last when ascending").containsExactly("DEMO-2", "DEMO-1", "DEMO-3");
        assertThat(keys("project = DEMO ORDER BY status DESC, key DESC")).containsExactly("DEMO-2", "DEMO-3", "DEMO-1");
        assertThat(keys("ORDER BY summary")).containsExactly("DEMO-3", "DEMO-2", "DEMO-1", "OPS-1");
        assertThat(keys("project = DEMO ORDER BY \"Story Points\" DESC")).containsExactly("DEMO-3", "DEMO-1", "DEMO-2");
        assertThat(error("project = DEMO ORDER BY labels")).isEqualTo("Not able to sort using field 'labels'.");
        assertThat(error("project = DEMO ORDER BY flavour")).isEqualTo("Field 'flavour' does not exist or you do not have permission to view it.");
    }

    @Test
    void unknownAndUnsupportedAreToldApart() {
        assertThat(error("colour = red")).isEqualTo("Field 'colour' does not exist or you do not have permission to view it.");
        assertThat(error("fixVersion = 1.0")).startsWith("The Jira emulator does not support the field 'fixVersion' in JQL.");
        assertThat(error("assignee in membersOf(\"jira-users\")")).isEqualTo("The Jira emulator does not support the JQL function 'membersOf()'.");
        assertThat(JqlFilter.compile(Jql.parse("ORDER BY key"), store, NOW).bounded()).isFalse();
        assertThat(JqlFilter.compile(Jql.parse("project = DEMO"), store, NOW).bounded()).isTrue();
    }

    @Nested
    class OnDataCenter {

        private final Store dc = new Store(Flavour.DATA_CENTER, Clock.fixed(NOW, ZoneOffset.UTC));

        @Test
        void usersByNameKeyEmailOrFullName() {
            Project ops = dc.addProject("OPS", "Operations", "software", dc.me());
            Issue issue = dc.newIssue(ops, dc.me(), NOW);
            issue.type = dc.catalog.defaultIssueType();
            issue.status = dc.catalog.initialStatus();
            issue.priority = dc.catalog.defaultPriority();
            issue.summary = "Disk full";
            issue.assignee = dc.user("alovelace").orElseThrow();
            for (String who : List.of("alovelace", "JIRAUSER10100", "ada@example.com", "\"Ada Lovelace\"")) {
                JqlFilter.Compiled query = JqlFilter.compile(Jql.parse("assignee = " + who), dc, NOW);
                assertThat(query.filter().test(issue)).as(who).isTrue();
            }
            assertThat(JqlFilter.compile(Jql.parse("status = Open AND priority = Major"), dc, NOW).filter().test(issue)).isTrue();
            assertThatThrownBy(() -> JqlFilter.compile(Jql.parse("assignee = nobody"), dc, NOW))
                    .hasMessageContaining("The value 'nobody' does not exist for the field 'assignee'.");
        }
    }
}
