package io.jiraspoke.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The README's first route in Java DSL: report bugs into Jira, and watch a project for new and updated issues. The
 * connection named {@code jira} is configured on the component (see application.properties).
 */
public class ReportAndWatchRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:report-bug")
                .setHeader("CamelJiraSpokeSummary", simple("${header.title}"))
                .to("jiraspoke:issue/create?connection=jira&projectKey={{jira.project}}&issueType=Bug")
                .log("Reported ${header.CamelJiraSpokeIssueKey}");

        from("jiraspoke:issue/search?connection=jira&jql=project = {{jira.project}}&delay=60000")
                .routeId("watch-project")
                .log("${body.key} changed: ${body.summary} [${body.status}]");
    }
}
