package io.jiraspoke.examples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's actions that the emulator serves (docs/emulator.md lists them), each called against the emulator
 * on Cloud and on Data Center, as a user's route test would: the emulator answers what the actions ask, and its
 * state shows what they did.
 */
class EveryActionAgainstTheEmulatorTest {

    private JiraEmulator jira;
    private CamelContext camel;
    private ProducerTemplate t;

    @AfterEach
    void stop() throws Exception {
        camel.close();
        jira.close();
    }

    private void start(JiraEmulator.Flavour flavour) throws Exception {
        jira = JiraEmulator.of(flavour).start();
        JiraSpokeConnection connection = flavour == JiraEmulator.Flavour.CLOUD
                ? JiraSpokeConnection.basicApiToken(jira.baseUrl(), jira.email(), jira.apiToken())
                : JiraSpokeConnection.personalAccessToken(jira.baseUrl(), jira.personalAccessToken());
        if (flavour == JiraEmulator.Flavour.CLOUD) {
            // Cloud's attachment content answers 303 to the emulator's media host, which is another origin
            connection.setMediaHosts(jira.mediaUrl());
        }
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", connection);
        camel = new DefaultCamelContext();
        camel.addComponent("jiraspoke", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the content streams until the exchange completes: read it in the route
                from("direct:download").to("jiraspoke:attachment/download?connection=jira").convertBodyTo(String.class);
            }
        });
        camel.start();
        t = camel.createProducerTemplate();
    }

    /** Calls an action and answers the Simple expression over its result. */
    private String call(String action, Object body, Map<String, Object> headers, String result) {
        String uri = action.contains("connection=") ? action : action + (action.contains("?") ? "&" : "?") + "connection=jira";
        Exchange ex = t.request("jiraspoke:" + uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        if (ex.getException() != null) {
            throw new AssertionError(action + " failed", ex.getException());
        }
        return camel.resolveLanguage("simple").createExpression(result).evaluate(ex, String.class);
    }

    private String call(String action, String result) {
        return call(action, null, Map.of(), result);
    }

    private static Map<String, Object> key(String key) {
        return Map.of("CamelJiraSpokeIssueKey", key);
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void everyAction(JiraEmulator.Flavour flavour) throws Exception {
        start(flavour);
        boolean cloud = flavour == JiraEmulator.Flavour.CLOUD;
        String ada = jira.users().get(1);

        assertThat(call("server/info", "${body.deploymentType}")).isEqualTo(cloud ? "Cloud" : "Server");
        assertThat(call("user/myself", "${body.displayName}")).isEqualTo("Demo User");

        String issue = call("issue/create?projectKey=DEMO&issueType=Task&summary=RAW(Printer on fire)",
                Map.of("Story Points", 3, "Severity", "Major"), Map.of(), "${body.key}");
        assertThat(issue).isEqualTo("DEMO-1");
        assertThat(call("issue/get", null, key(issue), "${body.summary} ${body.field[Story Points]}")).isEqualTo("Printer on fire 3");
        call("issue/update?summary=RAW(Printer still on fire)", Map.of("labels", List.of("office")), key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(call("issue/search?jql=RAW(project = DEMO AND labels = office)&fields=summary", "${body[0].summary}"))
                .isEqualTo("Printer still on fire");
        assertThat(call("field/lookup?fieldName=RAW(Story Points)", "${body.id}")).isEqualTo(jira.fieldId("Story Points"));

        call("issue/addComment", "First look", key(issue), "${body.id}");
        String second = call("issue/addComment", "Second look", key(issue), "${body.id}");
        assertThat(call("issue/latestComment", null, key(issue), "${body.body}")).isEqualTo("Second look");
        assertThat(call("issue/comments", null, key(issue), "${body.size()}")).isEqualTo("2");
        call("issue/updateComment?commentId=" + second, "Second look, edited", key(issue), "${body.id}");
        call("issue/deleteComment?commentId=" + second, null, key(issue), "${header.CamelJiraSpokeCommentId}");
        assertThat(jira.comments(issue)).containsExactly("First look");

        String attachment = call("issue/addAttachment?fileName=build.log", "Build 4711 passed".getBytes(StandardCharsets.UTF_8),
                key(issue), "${header.CamelJiraSpokeAttachmentId}");
        assertThat(call("issue/latestAttachment", null, key(issue), "${body.filename}")).isEqualTo("build.log");
        assertThat(t.requestBodyAndHeader("direct:download", null, "CamelJiraSpokeAttachmentId", attachment, String.class))
                .isEqualTo("Build 4711 passed");
        if (cloud) {
            assertThat(jira.mediaRequests()).as("the download followed the 303 to the media host, without Jira's credentials")
                    .singleElement().satisfies(r -> {
                        assertThat(r.authorization()).isFalse();
                        assertThat(r.status()).isEqualTo(200);
                    });
        }
        call("issue/deleteAttachment?attachmentId=" + attachment, "${header.CamelJiraSpokeAttachmentId}");
        assertThat(jira.issue(issue).orElseThrow().path("fields").path("attachment")).isEmpty();

        assertThat(call("issue/transitions", null, key(issue), "${body.size()}")).isEqualTo(cloud ? "2" : "3");
        call("issue/transition?targetStatus=In Progress", null, key(issue), "${header.CamelJiraSpokeTransitionId}");
        assertThat(jira.status(issue)).isEqualTo("In Progress");
        call("issue/transition?transition=" + (cloud ? "Done" : "Resolve Issue"), "Fixed the paper feed", key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(jira.status(issue)).isEqualTo(cloud ? "Done" : "Resolved");
        assertThat(jira.comments(issue)).last().isEqualTo("Fixed the paper feed");
        assertThat(call("issue/statuses?projectKey=DEMO", "${body[0].statuses.size()}")).isEqualTo(cloud ? "3" : "5");
        assertThat(call("issue/priorities", "${body.size()}")).isEqualTo("5");

        call("issue/assign?assignee=" + ada, null, key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(jira.issue(issue).orElseThrow().path("fields").path("assignee").path("displayName").asText()).isEqualTo("Ada Lovelace");
        call("issue/assign?assignee=grace@example.com", null, key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(jira.issue(issue).orElseThrow().path("fields").path("assignee").path("displayName").asText())
                .as("a user by e-mail address, found with user/search").isEqualTo("Grace Hopper");
        call("issue/addWatcher?watcher=" + ada, null, key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(call("issue/watchers", null, key(issue), "${body.watchCount}")).isEqualTo("1");
        call("issue/removeWatcher?watcher=" + ada, null, key(issue), "${header.CamelJiraSpokeIssueKey}");
        call("issue/notify?subject=Fixed&notifyTo=watchers,assignee", "The printer works again.", key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(jira.notifications()).singleElement().satisfies(n -> assertThat(n.path("textBody").asText()).isEqualTo("The printer works again."));

        assertThat(call("project/get?projectKey=DEMO", "${body.name}")).isEqualTo("Demo");
        assertThat(call("project/list", "${body.size()}")).isEqualTo("1");
        assertThat(call("project/assignableUsers?projectKey=DEMO&userQuery=ada", "${body[0].displayName}")).isEqualTo("Ada Lovelace");
        assertThat(call("project/create?projectKey=OPS&projectName=Operations&projectTypeKey=software&projectLead="
                        + jira.users().get(0), "${body.key}")).isEqualTo("OPS");
        assertThat(call("project/list", "${body.size()}")).isEqualTo("2");
        assertThat(call("user/search?query=grace", "${body[0].displayName}")).isEqualTo("Grace Hopper");

        call("webhook/subscribe?webhookName=Bridge&webhookUrl=http://127.0.0.1:9/hook&webhookEvents=jira:issue_created"
             + "&jql=RAW(project = DEMO)&webhookSecret=s3cret", "${header.CamelJiraSpokeWebhookId}");
        String webhook = call("webhook/list", "${body[0].id}");
        assertThat(call("webhook/list", "${body.size()} ${body[0].jql}")).isEqualTo("1 project = DEMO");
        call("webhook/unsubscribe?webhookId=" + webhook, "${header.CamelJiraSpokeWebhookOutcome}");
        assertThat(call("webhook/list", "${body.size()}")).isEqualTo("0");

        assertThat(call("board/list?projectKey=DEMO", "${body.size()} ${body[0].id} ${body[0].type}")).isEqualTo("1 1 scrum");
        String sprint = call("sprint/create?sprintName=RAW(DEMO 1)&boardId=1&startDate=2026-11-16T08:00:00Z&endDate=2026-11-30"
                             + "&sprintGoal=RAW(Fix the printer)", "${header.CamelJiraSpokeSprintId}");
        assertThat(call("sprint/get?sprintId=" + sprint, "${body.name} ${body.state}")).isEqualTo("DEMO 1 future");
        assertThat(call("sprint/update?sprintId=" + sprint + "&sprintState=active", "${body.state} ${body.goal}"))
                .isEqualTo("active Fix the printer");
        assertThat(call("sprint/list?boardId=1&sprintState=active", "${body.size()}")).isEqualTo("1");
        call("issue/update", Map.of("Sprint", Integer.parseInt(sprint)), key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(call("issue/get", null, key(issue), "${body.sprint.name}")).isEqualTo("DEMO 1");
        call("sprint/delete?sprintId=" + sprint, "${header.CamelJiraSpokeSprintId}");

        call("issue/delete", null, key(issue), "${header.CamelJiraSpokeIssueKey}");
        assertThat(jira.issueCount()).isZero();
        assertThat(jira.requestLog()).allMatch(line -> !line.contains("/rest/api/" + (cloud ? "2" : "3") + "/"));
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void metadataStoriesSprintIssuesCountsAndWebhookEdits(JiraEmulator.Flavour flavour) throws Exception {
        start(flavour);
        boolean cloud = flavour == JiraEmulator.Flavour.CLOUD;
        List<String> types = ((List<?>) t.requestBody("jiraspoke:metadata/issueTypes?connection=jira&projectKey=DEMO", null, List.class))
                .stream().map(type -> ((io.jiraspoke.camel.model.JiraIssueType) type).getName()).toList();
        assertThat(types).containsExactlyInAnyOrder("Epic", "Task", "Bug", "Story");
        List<io.jiraspoke.camel.model.JiraFieldMeta> creatable = metas("metadata/creatableFields?projectKey=DEMO&issueType=Story", Map.of());
        assertThat(creatable).filteredOn(io.jiraspoke.camel.model.JiraFieldMeta::isRequired)
                .extracting(io.jiraspoke.camel.model.JiraFieldMeta::getId).containsExactlyInAnyOrder("summary", "issuetype", "project");
        assertThat(creatable).filteredOn(f -> f.getId().equals(jira.fieldId("Severity"))).singleElement()
                .satisfies(f -> assertThat(f.getAllowedValues()).extracting(v -> (Object) ((Map<?, ?>) v).get("value")).containsExactly("Critical", "Major", "Minor"));
        assertThat(creatable).extracting(io.jiraspoke.camel.model.JiraFieldMeta::getName).contains("Story Points", "Sprint");

        String story = call("story/create?projectKey=DEMO&summary=RAW(Paper tray)", Map.of("Story Points", 5, "Severity", "Minor"),
                Map.of(), "${body.key}");
        String task = call("issue/create?projectKey=DEMO&issueType=Task&summary=RAW(Toner)", "${body.key}");
        assertThat(jira.issue(story).orElseThrow().path("fields").path("issuetype").path("name").asText()).isEqualTo("Story");
        List<io.jiraspoke.camel.model.JiraFieldMeta> editable = metas("metadata/editableFields", key(story));
        assertThat(editable).extracting(io.jiraspoke.camel.model.JiraFieldMeta::getId).contains("summary", "comment", jira.fieldId("Story Points"))
                .doesNotContain("project");
        call("story/update?summary=RAW(Paper tray jammed)", Map.of("Story Points", 8), key(story), "${header.CamelJiraSpokeIssueKey}");
        assertThat(jira.issue(story).orElseThrow().path("fields").path(jira.fieldId("Story Points")).asInt()).isEqualTo(8);
        assertThat(call("story/search?jql=RAW(project = DEMO)", "${body.size()} ${body[0].key} ${body[0].summary}"))
                .as("the task is not a story").isEqualTo("1 " + story + " Paper tray jammed");
        assertThat(call("issue/count?jql=RAW(project = DEMO)", "${body} ${header.CamelJiraSpokeIssueCount}")).isEqualTo("2 2");
        assertThat(call("issue/count?jql=RAW(project = DEMO AND issuetype = Story)", "${body}")).isEqualTo("1");

        String sprint = call("sprint/create?sprintName=RAW(DEMO 2)&boardId=1", "${header.CamelJiraSpokeSprintId}");
        call("story/update", Map.of("Sprint", Integer.parseInt(sprint)), key(story), "${header.CamelJiraSpokeIssueKey}");
        assertThat(call("sprint/issues?sprintId=" + sprint, "${body.size()} ${body[0].key}")).isEqualTo("1 " + story);
        assertThat(call("sprint/issues?sprintId=" + sprint + "&jql=RAW(issuetype = Task)", "${body.size()}")).isEqualTo("0");

        // a receiver of the emulator's deliveries, whose comment payload webhook/issueFromComment reads
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String webhook = call("webhook/subscribe?webhookName=Comments&webhookUrl=" + hookUrl + "&webhookEvents=comment_created"
                                  + "&jql=RAW(project = DEMO)&webhookSecret=s3cret", "${header.CamelJiraSpokeWebhookId}");
            call("issue/addComment", "Tray cleared", key(story), "${body.id}");
            Await.until("the first delivery", () -> bodies.size() == 1);
            assertThat(call("webhook/issueFromComment", bodies.get(0), Map.of(),
                    "${body.key} ${header.CamelJiraSpokeIssueKey} ${header.CamelJiraSpokeCommentId}"))
                    .startsWith(story + " " + story + " ");
            assertThat(jira.requestLog()).as("Data Center's comment payload has no issue: it is fetched by the id in comment.self")
                    .filteredOn(line -> line.startsWith("GET /rest/api/2/issue/" + jira.issue(story).orElseThrow().path("id").asText()))
                    .hasSize(cloud ? 0 : 1);

            assertThat(call("webhook/update?webhookId=" + webhook + "&webhookEvents=comment_created,jira:issue_created&webhookSecret=s3cret",
                    "${header.CamelJiraSpokeWebhookOutcome} ${body.events.size()}")).isEqualTo("updated 2");
            assertThat(call("webhook/list", "${body.size()} ${body[0].name} ${body[0].jql}")).isEqualTo("1 Comments project = DEMO");
            String third = call("story/create?projectKey=DEMO&summary=RAW(Staples)", "${body.key}");
            Await.until("the second delivery", () -> bodies.size() == 2);
            assertThat(bodies.get(1)).as("the updated webhook sends the new event").contains("\"jira:issue_created\"", "\"" + third + "\"");
        } finally {
            receiver.stop(0);
        }
        assertThat(jira.requestLog()).anyMatch(line -> line.startsWith(cloud ? "POST /rest/api/3/search/approximate-count"
                : "GET /rest/api/2/search?") && (cloud || line.contains("maxResults=0")))
                .anyMatch(line -> line.startsWith("GET /rest/api/" + (cloud ? "3" : "2") + "/issue/createmeta/DEMO/issuetypes/"))
                .anyMatch(line -> line.startsWith("GET /rest/api/" + (cloud ? "3" : "2") + "/issue/" + story + "/editmeta"))
                .anyMatch(line -> line.startsWith("GET /rest/agile/1.0/sprint/" + sprint + "/issue"));
    }

    @SuppressWarnings("unchecked")
    private List<io.jiraspoke.camel.model.JiraFieldMeta> metas(String action, Map<String, Object> headers) {
        return t.requestBodyAndHeaders("jiraspoke:" + action + (action.contains("?") ? "&" : "?") + "connection=jira", null,
                new java.util.HashMap<>(headers), List.class);
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void linksWorklogsAndHistory(JiraEmulator.Flavour flavour) throws Exception {
        start(flavour);
        boolean cloud = flavour == JiraEmulator.Flavour.CLOUD;
        String fan = call("issue/create?projectKey=DEMO&issueType=Task&summary=RAW(Fan broken)", "${body.key}");
        String server = call("issue/create?projectKey=DEMO&issueType=Task&summary=RAW(Server hot)", "${body.key}");

        call("issue/addLink?linkType=Blocks&inwardIssue=" + fan + "&outwardIssue=" + server, "Blocked until the fan works", Map.of(),
                "${body}");
        assertThat(jira.links(fan)).singleElement().satisfies(l -> {
            assertThat(l.path("type").path("name").asText()).isEqualTo("Blocks");
            assertThat(l.path("outwardIssue").path("key").asText()).as(fan + " blocks " + server).isEqualTo(server);
        });
        assertThat(jira.links(server).get(0).path("inwardIssue").path("key").asText()).isEqualTo(fan);
        assertThat(jira.comments(server)).containsExactly("Blocked until the fan works");
        assertThat(call("issue/get", null, key(server), "${body.raw.path('fields').path('issuelinks').size()}")).isEqualTo("1");

        assertThat(call("issue/addWorklog?timeSpent=RAW(3h 20m)&started=2026-01-17T12:34:00Z", "Cleaned the fan", key(fan),
                "${body.timeSpentSeconds} ${body.timeSpent} ${body.comment}")).isEqualTo("12000 3h 20m Cleaned the fan");
        String second = call("issue/addWorklog?timeSpentSeconds=1800", null, key(fan), "${header.CamelJiraSpokeWorklogId}");
        assertThat(jira.worklogs(fan)).extracting(w -> w.path("timeSpentSeconds").asLong()).containsExactly(12000L, 1800L);
        assertThat(jira.worklogs(fan).get(1).path("id").asText()).isEqualTo(second);
        assertThat(jira.issue(fan).orElseThrow().path("fields").path("timetracking").path("timeSpent").asText()).isEqualTo("3h 50m");
        assertThat(call("issue/worklogs", null, key(fan), "${body.size()} ${body[0].timeSpent} ${body[0].comment} ${body[1].id}"))
                .isEqualTo("2 3h 20m Cleaned the fan " + second);

        call("issue/update?summary=RAW(Fan replaced)", null, key(fan), "${header.CamelJiraSpokeIssueKey}");
        call("issue/transition?targetStatus=In Progress", null, key(fan), "${header.CamelJiraSpokeIssueKey}");
        List<?> history = t.requestBodyAndHeader("jiraspoke:issue/changelog?connection=jira", null, "CamelJiraSpokeIssueKey", fan,
                List.class);
        assertThat(history).hasSize(jira.changelog(fan).size()).hasSize(5);
        assertThat(call("issue/changelog", null, key(fan), "${body[0].items[0].field} ${body[0].items[0].toText}"))
                .isEqualTo("Link This issue blocks " + server);
        assertThat(call("issue/changelog", null, key(fan), "${body[3].items[0].fromText} -> ${body[3].items[0].toText}"))
                .isEqualTo("Fan broken -> Fan replaced");
        assertThat(call("issue/changelog?watchedFields=status", null, key(fan),
                "${body.size()} ${body[0].items.size()} ${body[0].items[0].fromText} -> ${body[0].items[0].toText}"))
                .isEqualTo("1 1 " + (cloud ? "To Do" : "Open") + " -> In Progress");
        assertThat(jira.requestLog()).anyMatch(line -> line.startsWith(cloud ? "GET /rest/api/3/issue/" + fan + "/changelog"
                : "GET /rest/api/2/issue/" + fan + "?") && (cloud || line.contains("expand=changelog")));
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void worklogAndChangelogFeedsDeliverEachChangeOnce(JiraEmulator.Flavour flavour) throws Exception {
        start(flavour);
        String fan = call("issue/create?projectKey=DEMO&issueType=Task&summary=RAW(Fan broken)", "${body.key}");
        call("issue/addWorklog?timeSpent=1h", null, key(fan), "${body.id}");
        call("issue/update?summary=RAW(Fan broken again)", null, key(fan), "${header.CamelJiraSpokeIssueKey}");
        // A consumer's "now" is Jira's clock when it asked, less the time since it started: the answer's latency
        // earlier than the start itself (it errs towards delivering, never towards skipping). Changes made a moment
        // before the start may come; a second before, they do not.
        Thread.sleep(1000);
        List<String> worklogs = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/worklogs?connection=jira&jql=RAW(project = DEMO)&delay=100")
                        .process(e -> worklogs.add(e.getMessage().getHeader("CamelJiraSpokeIssueKey") + " "
                                + e.getMessage().getBody(io.jiraspoke.camel.model.JiraWorklog.class).getTimeSpent()));
                from("jiraspoke:issue/changelog?connection=jira&jql=RAW(project = DEMO)&watchedFields=status,summary&delay=100")
                        .process(e -> {
                            io.jiraspoke.camel.model.JiraFieldChange change = e.getMessage().getBody(io.jiraspoke.camel.model.JiraFieldChange.class);
                            changes.add(change.getIssueKey() + " " + change.getField() + ": " + change.getFromText() + " -> " + change.getToText());
                        });
            }
        });
        // the consumers start from now: the worklog and the edit made before are history
        Thread.sleep(500);
        call("issue/addWorklog?timeSpent=2h", "Replaced it", key(fan), "${body.id}");
        call("issue/transition?targetStatus=In Progress", null, key(fan), "${header.CamelJiraSpokeIssueKey}");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while ((worklogs.isEmpty() || changes.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // more polls, and another change of the issue, bring nothing delivered again
        call("issue/assign?assignee=" + jira.users().get(1), null, key(fan), "${header.CamelJiraSpokeIssueKey}");
        Thread.sleep(1000);
        assertThat(worklogs).containsExactly(fan + " 2h");
        assertThat(changes).containsExactly(fan + " status: " + (flavour == JiraEmulator.Flavour.CLOUD ? "To Do" : "Open") + " -> In Progress");
    }

    @org.junit.jupiter.api.Test
    void scopedApiTokensGoThroughTheGateway() throws Exception {
        jira = JiraEmulator.cloud().scopedApiToken("bot@example.com", "scoped-t0ken").start();
        camel = new DefaultCamelContext();
        // a connection from its settings, as properties bind them
        JiraSpokeConnection scoped = new JiraSpokeConnection();
        org.apache.camel.support.PropertyBindingSupport.build().bind(camel, scoped, new java.util.HashMap<>(jira.scopedConnectionSettings()));
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", scoped);
        camel.addComponent("jiraspoke", component);
        camel.start();
        t = camel.createProducerTemplate();

        assertThat(call("issue/create?projectKey=DEMO&issueType=Task&summary=Scoped", "${body.key}")).isEqualTo("DEMO-1");
        assertThat(jira.requestLog()).allMatch(line -> line.contains(" /ex/jira/" + jira.cloudId() + "/rest/api/3/"));
    }

    @ParameterizedTest
    @EnumSource(JiraEmulator.Flavour.class)
    void usersGroupsAndTheAuditLog(JiraEmulator.Flavour flavour) throws Exception {
        start(flavour);
        boolean cloud = flavour == JiraEmulator.Flavour.CLOUD;
        String ada = jira.users().get(1);

        String zoe = cloud
                ? call("user/create?emailAddress=zoe@example.com&products=jira-software", "${header.CamelJiraSpokeUser}")
                : call("user/create?user=zoe&emailAddress=zoe@example.com&displayName=RAW(Zoë Ångström)&userPassword=RAW(s3cret)",
                        "${header.CamelJiraSpokeUser}");
        assertThat(jira.users()).hasSize(4).contains(zoe);
        if (cloud) {
            assertThat(zoe).startsWith("712020:");
            assertThat(call("user/list?pageSize=2", "${body.size()}")).as("paged through").isEqualTo("4");
        } else {
            assertThat(zoe).isEqualTo("zoe");
        }

        String group = call("group/create?groupName=RAW(Payments On-call)",
                cloud ? "${header.CamelJiraSpokeGroupId}" : "${header.CamelJiraSpokeGroupName}");
        assertThat(jira.groups()).containsKey("Payments On-call");
        // Cloud by group id, Data Center by name
        String which = cloud ? "groupId=" + group : "groupName=RAW(Payments On-call)";
        // the user goes in a header: Camel masks an option named "user" in endpoint URIs, so that endpoints differing
        // only in it are equal, and a ProducerTemplate's producer cache hands one the other's producer
        assertThat(call("group/addUser?" + which, null, user(zoe), "${body.name}")).isEqualTo("Payments On-call");
        call("group/addUser?" + which, null, user(ada), "${header.CamelJiraSpokeUser}");
        assertThat(jira.groups().get("Payments On-call")).containsExactlyInAnyOrder(zoe, ada);
        assertThat(call("group/members?" + which + "&pageSize=1", "${body.size()} ${body[0].displayName}")).isEqualTo("2 Ada Lovelace");
        assertThat(call("user/groups", null, user(zoe), "${body.size()} ${body[1].name}")).isEqualTo("2 Payments On-call");
        assertThat(call("group/list", "${body.size()}")).isEqualTo("3");
        call("group/removeUser?" + which, null, user(ada), "${header.CamelJiraSpokeUser}");
        assertThat(jira.groups().get("Payments On-call")).containsExactly(zoe);
        call("group/delete?" + which, "${header.CamelJiraSpokeGroupName}");
        assertThat(jira.groups()).doesNotContainKey("Payments On-call");
        call("user/delete", null, user(zoe), "${header.CamelJiraSpokeUser}");
        assertThat(jira.users()).doesNotContain(zoe);

        assertThat(jira.auditRecords()).hasSize(7);
        assertThat(call("audit/logs?pageSize=2", "${body.size()} ${body[0].summary} / ${body[6].summary}"))
                .as("oldest first, however the API pages").isEqualTo("7 User created / User deleted");
        assertThat(call("audit/logs?filter=RAW(group)&pageSize=2", "${body.size()}")).as("the group changes").isEqualTo("5");
        assertThat(jira.requestLog()).anyMatch(line -> line.startsWith(cloud ? "GET /rest/api/3/auditing/record?" : "GET /rest/auditing/1.0/events?"))
                .noneMatch(line -> line.startsWith(cloud ? "GET /rest/auditing/" : "GET /rest/api/2/auditing/"));

        // the incremental consumer: everything from the beginning, then what is new
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:audit/logs?connection=jira&startFrom=beginning&delay=100&pageSize=3")
                        .process(e -> seen.add(e.getMessage().getBody(io.jiraspoke.camel.model.JiraAuditRecord.class).getSummary()));
            }
        });
        Await.until("the seven audit records", () -> seen.size() == 7);
        call("group/create?groupName=latecomers", "${header.CamelJiraSpokeGroupName}");
        Await.until("the new audit record", () -> seen.size() == 8);
        assertThat(seen).startsWith("User created").endsWith("User deleted", "Group created");
    }

    private static Map<String, Object> user(String user) {
        return Map.of("CamelJiraSpokeUser", user);
    }


    @org.junit.jupiter.api.Test
    void oauthConnectionsGetRenewAndRotateTheirTokensAtTheEmulator() throws Exception {
        String redirect = "https://app.example.com/callback";
        jira = JiraEmulator.cloud().oauthClient("app-id", "app-secret").start();
        camel = new DefaultCamelContext();
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("service", bound(jira.oauthClientCredentialsSettings()));
        java.util.Map<String, String> app = jira.oauthAuthorizationCodeSettings();
        component.addConnection("app", bound(app));
        component.addConnection("consented", bound(jira.oauthAuthorizationCodeSettings(redirect)));
        camel.addComponent("jiraspoke", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to("jiraspoke:attachment/download?connection=app").convertBodyTo(String.class);
            }
        });
        camel.start();
        t = camel.createProducerTemplate();

        String issue = call("issue/create?projectKey=DEMO&issueType=Task&summary=Service&connection=service", "${body.key}");
        assertThat(call("user/myself?connection=service", "${body.displayName}")).isEqualTo("Demo User");
        assertThat(jira.tokenGrants()).as("one token, reused").containsExactly("client_credentials");

        assertThat(call("issue/get?connection=app", null, key(issue), "${body.summary}")).isEqualTo("Service");
        assertThat(call("group/list?connection=app", "${body.size()}")).isEqualTo("2");
        assertThat(jira.tokenGrants()).containsExactly("client_credentials", "refresh_token");
        assertThat(call("issue/get?connection=consented", null, key(issue), "${body.key}")).isEqualTo(issue);
        assertThat(jira.tokenGrants()).endsWith("authorization_code");

        // an hour later: every connection renews once; the 3LO one with the refresh token the first refresh rotated in
        jira.expireOAuthAccessTokens();
        assertThat(call("issue/get?connection=app", null, key(issue), "${body.key}")).isEqualTo(issue);
        assertThat(call("issue/get?connection=consented", null, key(issue), "${body.key}")).isEqualTo(issue);
        assertThat(call("issue/get?connection=service", null, key(issue), "${body.key}")).isEqualTo(issue);
        assertThat(jira.tokenGrants()).containsExactly("client_credentials", "refresh_token", "authorization_code",
                "refresh_token", "refresh_token", "client_credentials");
        assertThat(jira.tokenRequests()).isEqualTo(6);
        java.net.http.HttpResponse<String> spent = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(app.get("tokenUrl"))).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"refresh_token\",\"client_id\":\"app-id\","
                        + "\"client_secret\":\"app-secret\",\"refresh_token\":\"" + app.get("refreshToken") + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(spent.statusCode()).as("the configured refresh token was spent by the first refresh").isEqualTo(403);

        String attachment = call("issue/addAttachment?fileName=build.log&connection=app", "Build 4712 passed".getBytes(StandardCharsets.UTF_8),
                key(issue), "${header.CamelJiraSpokeAttachmentId}");
        assertThat(t.requestBodyAndHeader("direct:download", null, "CamelJiraSpokeAttachmentId", attachment, String.class))
                .isEqualTo("Build 4712 passed");
        assertThat(jira.mediaRequests()).singleElement().satisfies(r -> assertThat(r.authorization()).isFalse());
        assertThat(jira.requestLog()).filteredOn(line -> line.contains("/rest/"))
                .allMatch(line -> line.contains(" /ex/jira/" + jira.cloudId() + "/rest/api/3/"));
    }

    /** A connection from its settings, as properties bind them. */
    private JiraSpokeConnection bound(java.util.Map<String, String> settings) {
        JiraSpokeConnection connection = new JiraSpokeConnection();
        org.apache.camel.support.PropertyBindingSupport.build().bind(camel, connection, new java.util.HashMap<>(settings));
        return connection;
    }
}
