package io.jiraspoke.examples.migration;

import org.apache.camel.builder.RouteBuilder;

/**
 * Before: routes written for Apache Camel's camel-jira ({@code jira:<type>}), as they are found in applications that
 * move to camel-jira-spoke. {@link JiraSpokeRoutes} is the same routes after the move, route by route with the same
 * ids; docs/migrating-from-camel-jira.md has the full mapping.
 * <p>
 * These compile without camel-jira (a route is built from URIs), but do not run here: camel-jira needs Atlassian's
 * jira-rest-java-client, which is not on Maven Central. MigrationRoutesTest runs the "after" routes against the Jira
 * emulator with the same messages, and checks that both classes build the same routes from the same endpoints.
 */
public class CamelJiraRoutes extends RouteBuilder {

    /** Every camel-jira endpoint repeats the server and its credentials. */
    static final String JIRA = "jiraUrl={{jira.url}}&username={{jira.email}}&password={{jira.apiToken}}";

    @Override
    public void configure() {
        // a bug report: the summary, project and type in camel-jira's headers, the description as the body
        from("direct:report").routeId("report")
                .setHeader("ProjectKey", simple("{{jira.project}}"))
                .setHeader("IssueTypeName", constant("Bug"))
                .setHeader("IssueSummary", simple("${header.title}"))
                .to("jira:addIssue?" + JIRA)
                .setHeader("IssueKey", simple("${body.key}"));

        // a comment on the issue in header IssueKey
        from("direct:comment").routeId("comment")
                .to("jira:addComment?" + JIRA);

        // closing it: camel-jira needs the transition's id, looked up by hand in the workflow
        from("direct:resolve").routeId("resolve")
                .setHeader("IssueTransitionId", simple("{{jira.resolveTransitionId}}"))
                .to("jira:transitionIssue?" + JIRA);

        // issues created in the project after the route started
        from("jira:newIssues?" + JIRA + "&jql=RAW(project = {{jira.project}})&delay=6000").routeId("new-issues")
                .log("new issue ${body.key}: ${body.summary}")
                .to("{{migration.newIssues}}");

        // status or priority changes, one exchange per changed field
        from("jira:watchUpdates?" + JIRA + "&jql=RAW(project = {{jira.project}})&watchedFields=Status,Priority"
             + "&delay=6000").routeId("watch-updates")
                .log("${header.IssueKey}: ${header.IssueChanged} changed")
                .to("{{migration.updates}}");
    }
}
