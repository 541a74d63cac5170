package io.jiraspoke.examples.migration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * After: the routes of {@link CamelJiraRoutes} on camel-jira-spoke. What changed, route by route:
 * <ul>
 * <li>the server and credentials are one named connection ({@code connection=jira}, configured once from
 * {@code camel.component.jiraspoke.connections[jira].*}), not options of every endpoint;</li>
 * <li>camel-jira's input headers become options, or headers named {@code CamelJiraSpoke<Option>}
 * ({@code IssueSummary} is {@code CamelJiraSpokeSummary}, {@code IssueKey} is {@code CamelJiraSpokeIssueKey});</li>
 * <li>results set their headers ({@code CamelJiraSpokeIssueKey} after issue/create), so no {@code ${body.key}} step;</li>
 * <li>a transition is named by the status to reach ({@code targetStatus}), no transition id to look up;</li>
 * <li>{@code newIssues} becomes the issue/search consumer, which emits new <em>and</em> updated issues; Camel's
 * idempotent consumer keeps the first exchange of each issue, which for an issue created after the start is its
 * creation, as camel-jira emitted it (an issue created before the start comes once too, at its first change after
 * the start; narrow the JQL with {@code created >= "2026-12-01"} to leave those out);</li>
 * <li>{@code watchUpdates} becomes the issue/changelog consumer: Jira's history instead of copies of every issue in
 * memory, so each change comes once, also two changes between polls; {@code IssueChanged} is
 * {@code CamelJiraSpokeChangedField}.</li>
 * </ul>
 */
public class JiraSpokeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:report").routeId("report")
                .setHeader("CamelJiraSpokeSummary", simple("${header.title}"))
                .to("jiraspoke:issue/create?connection=jira&projectKey={{jira.project}}&issueType=Bug");

        from("direct:comment").routeId("comment")
                .to("jiraspoke:issue/addComment?connection=jira");

        from("direct:resolve").routeId("resolve")
                .to("jiraspoke:issue/transition?connection=jira&targetStatus={{jira.resolvedStatus}}");

        from("jiraspoke:issue/search?connection=jira&jql=RAW(project = {{jira.project}})&delay={{migration.delay}}")
                .routeId("new-issues")
                .idempotentConsumer(header("CamelJiraSpokeIssueId"),
                        MemoryIdempotentRepository.memoryIdempotentRepository(10_000))
                    .log("new issue ${body.key}: ${body.summary}")
                    .to("{{migration.newIssues}}");

        from("jiraspoke:issue/changelog?connection=jira&jql=RAW(project = {{jira.project}})"
             + "&watchedFields=Status,Priority&delay={{migration.delay}}").routeId("watch-updates")
                .log("${header.CamelJiraSpokeIssueKey}: ${header.CamelJiraSpokeChangedField} changed")
                .to("{{migration.updates}}");
    }
}
