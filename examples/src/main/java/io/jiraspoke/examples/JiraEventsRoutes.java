package io.jiraspoke.examples;

import org.apache.camel.builder.RouteBuilder;

/** docs/webhooks.md's route: Jira's webhook deliveries of new issues and comments, verified by their signature. */
public class JiraEventsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("jiraspoke:webhook/events?connection=jira&webhookPath=/jira/events"
             + "&webhookEvents=jira:issue_created,comment_created&webhookSecret={{jira.webhookSecret}}")
                .routeId("jira-events")
                .choice()
                    .when(header("CamelJiraSpokeWebhookEvent").isEqualTo("jira:issue_created"))
                        .log("New issue ${header.CamelJiraSpokeIssueKey}: ${body.issue.summary}")
                    .otherwise()
                        .log("${body.comment.author.displayName} commented on ${header.CamelJiraSpokeIssueKey}:"
                             + " ${body.comment.body}")
                .end();
    }
}
