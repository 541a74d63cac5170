package io.jiraspoke.examples;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraComment;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The demo: server/info, user/myself, issue/create, issue/update, issue/addComment, issue/transition, issue/search,
 * issue/get, an issue/search consumer and issue/delete, against the embedded Jira emulator (module jira-standin), or
 * against a real Jira when JIRASPOKE_* environment variables are set:
 * <ul>
 * <li>Cloud: JIRASPOKE_BASE_URL (https://your-site.atlassian.net), JIRASPOKE_EMAIL, JIRASPOKE_API_TOKEN</li>
 * <li>Data Center: JIRASPOKE_BASE_URL, JIRASPOKE_PAT</li>
 * <li>both: JIRASPOKE_PROJECT (default DEMO), JIRASPOKE_ISSUE_TYPE (default Task)</li>
 * </ul>
 * Against a real Jira the demo creates one issue in the project and deletes it again at the end.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv());
    }

    /** Runs the demo; answers the number of issues the consumer saw. */
    public static int run(Map<String, String> env) throws Exception {
        JiraSpokeConnection connection = fromEnvironment(env);
        String project = env.getOrDefault("JIRASPOKE_PROJECT", "DEMO");
        String issueType = env.getOrDefault("JIRASPOKE_ISSUE_TYPE", "Task");
        JiraEmulator emulator = null;
        if (connection == null) {
            emulator = JiraEmulator.cloud().seedIssues(project, 5).start();
            connection = JiraSpokeConnection.basicApiToken(emulator.baseUrl(), emulator.email(), emulator.apiToken());
            System.out.println("No JIRASPOKE_* settings: using the embedded Jira emulator (Cloud) at " + emulator.baseUrl()
                               + ", project " + project + " with 5 issues");
        }
        AtomicInteger seen = new AtomicInteger();
        try (CamelContext camel = new DefaultCamelContext()) {
            JiraSpokeComponent jira = new JiraSpokeComponent();
            jira.addConnection("demo", connection);
            camel.addComponent("jiraspoke", jira);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("jiraspoke:issue/search?connection=demo&startFrom=beginning&initialDelay=0&delay=5000"
                         + "&jql=project = " + project)
                            .routeId("watch-project").autoStartup(false)
                            .process(e -> seen.incrementAndGet());
                }
            });
            camel.start();
            ProducerTemplate t = camel.createProducerTemplate();

            JiraServerInfo info = t.requestBody("jiraspoke:server/info?connection=demo", null, JiraServerInfo.class);
            line("server/info", info.getDeploymentType() + " " + info.getVersion());
            JiraUser me = t.requestBody("jiraspoke:user/myself?connection=demo", null, JiraUser.class);
            line("user/myself", me.getDisplayName() + " (" + me.getId() + ")");

            JiraIssue created = t.requestBodyAndHeader(
                    "jiraspoke:issue/create?connection=demo&projectKey=" + project + "&issueType=" + issueType,
                    "Created by the camel-jira-spoke demo.\n\nPlain text becomes ADF on Jira Cloud.",
                    JiraSpokeConstants.SUMMARY, "Hello from Apache Camel", JiraIssue.class);
            String key = created.getKey();
            line("issue/create", key + " \"Hello from Apache Camel\"");
            t.sendBodyAndHeaders("jiraspoke:issue/update?connection=demo", Map.of("labels", List.of("camel")),
                    Map.of(JiraSpokeConstants.ISSUE_KEY, key, JiraSpokeConstants.SUMMARY, "Hello from Apache Camel (updated)"));
            line("issue/update", key + " renamed and labelled camel");
            JiraComment comment = t.requestBodyAndHeader("jiraspoke:issue/addComment?connection=demo",
                    "Picked up by the demo route.", JiraSpokeConstants.ISSUE_KEY, key, JiraComment.class);
            line("issue/addComment", key + " comment " + comment.getId() + ": " + comment.getBody());
            transition(t, key);

            @SuppressWarnings("unchecked")
            List<JiraIssue> found = t.requestBody("jiraspoke:issue/search?connection=demo&fields=summary,status&jql=project = "
                                                  + project + " AND labels = camel", null, List.class);
            line("issue/search", found.size() + " issue(s) in " + project + " labelled camel: "
                                 + found.stream().map(JiraIssue::getKey).toList());
            JiraIssue fetched = t.requestBodyAndHeader("jiraspoke:issue/get?connection=demo", null,
                    JiraSpokeConstants.ISSUE_KEY, key, JiraIssue.class);
            line("issue/get", key + " \"" + fetched.getSummary() + "\" [" + fetched.getStatus() + "] labels "
                              + fetched.getFieldValue("labels") + ": " + fetched.getDescription().replace('\n', ' '));

            camel.getRouteController().startRoute("watch-project");
            waitForConsumer(seen);
            line("consumer", "issue/search streamed " + seen.get() + " new or updated issue(s) of " + project);

            t.sendBodyAndHeader("jiraspoke:issue/delete?connection=demo", null, JiraSpokeConstants.ISSUE_KEY, key);
            line("issue/delete", key);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
        return seen.get();
    }

    private static void line(String action, String what) {
        System.out.printf("%-17s %s%n", action, what);
    }

    /** To the status "In Progress", which both Jira's default workflows have; a workflow without it skips the step. */
    private static void transition(ProducerTemplate t, String key) {
        try {
            t.sendBodyAndHeader("jiraspoke:issue/transition?connection=demo&targetStatus=In Progress", null,
                    JiraSpokeConstants.ISSUE_KEY, key);
            line("issue/transition", key + " moved to In Progress");
        } catch (CamelExecutionException e) {
            line("issue/transition", key + " not moved: " + e.getCause().getMessage());
        }
    }

    /** Waits until the consumer has delivered something and then stayed quiet for half a second. */
    private static void waitForConsumer(AtomicInteger seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int last = -1;
        while (System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            int now = seen.get();
            if (now > 0 && now == last) {
                return;
            }
            last = now;
        }
    }

    static JiraSpokeConnection fromEnvironment(Map<String, String> env) {
        String baseUrl = env.get("JIRASPOKE_BASE_URL");
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        if (env.get("JIRASPOKE_PAT") != null) {
            return JiraSpokeConnection.personalAccessToken(baseUrl, env.get("JIRASPOKE_PAT"));
        }
        return JiraSpokeConnection.basicApiToken(baseUrl, env.get("JIRASPOKE_EMAIL"), env.get("JIRASPOKE_API_TOKEN"));
    }
}
