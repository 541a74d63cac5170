package io.jiraspoke.examples.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Mirrors Cloud issues labelled {@code mirror} (project {@code {{mirror.from}}}) into the Data Center project
 * {@code {{mirror.to}}}: a new one is created there, labelled {@code cloud-<key>}, and the Cloud issue gets a comment
 * naming its copy; a changed one updates its copy's summary and description. Both connections come from properties.
 */
@Component
public class MirrorRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("jiraspoke:issue/search?connection=cloud&jql=project = {{mirror.from}} AND labels = mirror"
             + "&delay={{mirror.pollDelay}}")
                .routeId("mirror-cloud-to-datacenter")
                .setProperty("source", body())
                .setHeader(JiraSpokeConstants.JQL, simple("project = {{mirror.to}} AND labels = \"cloud-${body.key}\""))
                .to("jiraspoke:issue/search?connection=datacenter&fields=summary&limit=1")
                .choice()
                    .when(simple("${body.size()} == 0"))
                        .process(e -> e.getMessage().setBody(copy(source(e), true)))
                        .to("jiraspoke:issue/create?connection=datacenter&projectKey={{mirror.to}}&issueType=Task")
                        .setBody(simple("Mirrored to Jira Data Center as ${header.CamelJiraSpokeIssueKey}"))
                        .setHeader(JiraSpokeConstants.ISSUE_KEY, simple("${exchangeProperty.source.key}"))
                        .to("jiraspoke:issue/addComment?connection=cloud")
                        .log("${exchangeProperty.source.key} mirrored")
                    .otherwise()
                        .setHeader(JiraSpokeConstants.ISSUE_KEY, simple("${body[0].key}"))
                        .process(e -> e.getMessage().setBody(copy(source(e), false)))
                        .to("jiraspoke:issue/update?connection=datacenter")
                        .log("${exchangeProperty.source.key} updated its copy ${header.CamelJiraSpokeIssueKey}");
    }

    private static JiraIssue source(Exchange e) {
        return e.getProperty("source", JiraIssue.class);
    }

    /** The copy's fields, by display name; the description goes over as text (ADF on Cloud, wiki text on Data Center). */
    private static Map<String, Object> copy(JiraIssue source, boolean create) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Summary", source.getSummary());
        fields.put("Description", source.getDescription() == null ? "" : source.getDescription());
        if (create) {
            fields.put("Labels", List.of("mirrored", "cloud-" + source.getKey()));
        }
        return fields;
    }
}
