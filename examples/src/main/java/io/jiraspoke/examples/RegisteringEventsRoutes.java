package io.jiraspoke.examples;

import org.apache.camel.builder.RouteBuilder;

/** docs/webhooks.md's route that registers its own webhook when it starts (and finds it again after a restart). */
public class RegisteringEventsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("jiraspoke:webhook/events?connection=jira&webhookRegister=true&webhookName=camel-ops"
             + "&webhookUrl=https://camel.example.com/jira/events&webhookSecret={{jira.webhookSecret}}"
             + "&webhookEvents=jira:issue_created,comment_created&jql=project = OPS")
                .log("${header.CamelJiraSpokeWebhookEvent} on ${header.CamelJiraSpokeIssueKey}");
    }
}
