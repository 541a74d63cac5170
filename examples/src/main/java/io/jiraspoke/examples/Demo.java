package io.jiraspoke.examples;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.standin.JiraStandIn;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The demo: server/info, user/myself, issue/create, issue/get, issue/update, issue/delete and an issue/search
 * consumer, against an embedded Jira stand-in, or against a real Jira when JIRASPOKE_* environment variables are
 * set:
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
        JiraStandIn standIn = null;
        if (connection == null) {
            standIn = JiraStandIn.start(JiraStandIn.Flavour.CLOUD).seedIssues(project, 5);
            connection = JiraSpokeConnection.basicApiToken(standIn.baseUrl(), "demo@example.com", "demo-token");
            System.out.println("No JIRASPOKE_* settings: using the embedded Jira stand-in at " + standIn.baseUrl());
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
                            .process(e -> seen.incrementAndGet())
                            .log("consumer: ${body.key} [${body.status}] ${body.summary}");
                }
            });
            camel.start();
            ProducerTemplate t = camel.createProducerTemplate();

            JiraServerInfo info = t.requestBody("jiraspoke:server/info?connection=demo", null, JiraServerInfo.class);
            System.out.println("server/info:  " + info.getDeploymentType() + " " + info.getVersion());
            JiraUser me = t.requestBody("jiraspoke:user/myself?connection=demo", null, JiraUser.class);
            System.out.println("user/myself:  " + me.getDisplayName() + " (" + me.getId() + ")");

            JiraIssue created = t.requestBodyAndHeader(
                    "jiraspoke:issue/create?connection=demo&projectKey=" + project + "&issueType=" + issueType,
                    "Created by the camel-jira-spoke demo.\n\nPlain text becomes ADF on Jira Cloud.",
                    JiraSpokeConstants.SUMMARY, "Hello from Apache Camel", JiraIssue.class);
            System.out.println("issue/create: " + created.getKey());
            t.sendBodyAndHeaders("jiraspoke:issue/update?connection=demo", Map.of("labels", java.util.List.of("camel")),
                    Map.of(JiraSpokeConstants.ISSUE_KEY, created.getKey(),
                            JiraSpokeConstants.SUMMARY, "Hello from Apache Camel (updated)"));
            JiraIssue fetched = t.requestBodyAndHeader("jiraspoke:issue/get?connection=demo", null,
                    JiraSpokeConstants.ISSUE_KEY, created.getKey(), JiraIssue.class);
            System.out.println("issue/get:    " + fetched.getKey() + " \"" + fetched.getSummary() + "\" labels "
                               + fetched.getFieldValue("labels") + ": " + fetched.getDescription().replace('\n', ' '));

            camel.getRouteController().startRoute("watch-project");
            waitForConsumer(seen);
            System.out.println("consumer:     saw " + seen.get() + " new or updated issue(s) in " + project);

            t.sendBodyAndHeader("jiraspoke:issue/delete?connection=demo", null, JiraSpokeConstants.ISSUE_KEY,
                    created.getKey());
            System.out.println("issue/delete: " + created.getKey());
        } finally {
            if (standIn != null) {
                standIn.close();
            }
        }
        return seen.get();
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
