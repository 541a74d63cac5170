package io.jiraspoke.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraComment;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The examples' scenario in Java DSL: a bridge between an incident tool and Jira. Incidents arrive as JSON files in
 * {@code {{incident.inbox}}}:
 * <ul>
 * <li>{@code {"id":"INC-42","status":"open","title":..,"severity":"Critical","details":..}} opens a Bug, with fields by
 * display name (Summary, Description, Severity, Labels), labelled {@code incident-INC-42} so that later events find
 * it by JQL, and comments where it came from;</li>
 * <li>{@code {"id":"INC-42","status":"note","text":..}} adds the note as a comment;</li>
 * <li>{@code {"id":"INC-42","status":"resolved","resolution":..}} transitions the issue to
 * {@code {{incident.resolvedStatus}}} with the resolution as its comment.</li>
 * </ul>
 * Back from Jira, two consumers stream what people do there: the comments written in Jira (not the bridge's own,
 * which start with {@code Incident bridge:}) to {@code {{incident.comments}}}, and every new or changed incident issue to
 * {@code {{incident.changes}}}, both as JSON. application.properties holds the settings and their environment
 * variables; IncidentRoutesTest runs it against the Jira emulator, Cloud and Data Center.
 */
public class IncidentRoutes extends RouteBuilder {

    // Plain words: "[incident]" would be a link in Data Center's wiki markup and read back as "incident".
    static final String BRIDGE_MARK = "Incident bridge: ";

    /** Runs the bridge with camel-main and application.properties, against the Jira the environment names. */
    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new IncidentRoutes());
        main.run(args);
    }

    @Override
    public void configure() {
        from("file:{{incident.inbox}}?include=.*\\.json&move=.done&moveFailed=.failed")
                .routeId("incident-inbox")
                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .setProperty("incident", body())
                .setHeader("incident", simple("${body[id]}"))
                .choice()
                    .when(simple("${body[status]} == 'open'")).to("direct:incident-opened")
                    .when(simple("${body[status]} == 'note'")).to("direct:incident-note")
                    .when(simple("${body[status]} == 'resolved'")).to("direct:incident-resolved")
                    .otherwise().throwException(IllegalArgumentException.class, "Unknown incident status in ${header.CamelFileName}");

        from("direct:incident-opened").routeId("incident-opened")
                .process(IncidentRoutes::issueFields)
                .to("jiraspoke:issue/create?connection=jira&projectKey={{jira.project}}&issueType=Bug")
                .setBody(simple(BRIDGE_MARK + "Opened from ${header.incident} (${header.CamelFileName})"))
                .to("jiraspoke:issue/addComment?connection=jira")
                .log("${header.incident} opened as ${header.CamelJiraSpokeIssueKey}");

        from("direct:incident-note").routeId("incident-note")
                .to("direct:find-issue")
                .setBody(simple(BRIDGE_MARK + "${exchangeProperty.incident[text]}"))
                .to("jiraspoke:issue/addComment?connection=jira");

        from("direct:incident-resolved").routeId("incident-resolved")
                .to("direct:find-issue")
                .process(e -> e.getMessage().setBody(Map.of("comment",
                        BRIDGE_MARK + "Resolved: " + e.getProperty("incident", Map.class).get("resolution"))))
                .to("jiraspoke:issue/transition?connection=jira&targetStatus={{incident.resolvedStatus}}")
                .log("${header.incident} resolved: ${header.CamelJiraSpokeIssueKey} moved to {{incident.resolvedStatus}}");

        // the issue of an incident, by its label: CamelJiraSpokeIssueKey, or a failed exchange when there is none
        from("direct:find-issue").routeId("incident-find-issue")
                .setHeader(JiraSpokeConstants.JQL,
                        simple("project = {{jira.project}} AND labels = \"incident-${header.incident}\" ORDER BY created"))
                .to("jiraspoke:issue/search?connection=jira&fields=summary,status&limit=1")
                .choice()
                    .when(simple("${body.size()} == 0"))
                        .throwException(IllegalStateException.class, "No Jira issue for incident ${header.incident}")
                    .otherwise()
                        .setHeader(JiraSpokeConstants.ISSUE_KEY, simple("${body[0].key}"));

        from("jiraspoke:issue/comments?connection=jira&jql=project = {{jira.project}} AND labels = incident"
             + "&delay={{incident.pollDelay}}")
                .routeId("incident-comments-from-jira")
                .filter(e -> !e.getMessage().getBody(JiraComment.class).getBody().startsWith(BRIDGE_MARK))
                .process(IncidentRoutes::commentJson)
                .marshal().json(JsonLibrary.Jackson)
                .to("{{incident.comments}}");

        from("jiraspoke:issue/search?connection=jira&jql=project = {{jira.project}} AND labels = incident"
             + "&delay={{incident.pollDelay}}")
                .routeId("incident-changes-from-jira")
                .process(IncidentRoutes::issueJson)
                .marshal().json(JsonLibrary.Jackson)
                .to("{{incident.changes}}");
    }

    /** Fields by display name, which the component turns into ids with the connection's field list. */
    private static void issueFields(Exchange e) {
        Map<?, ?> incident = e.getMessage().getBody(Map.class);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Summary", incident.get("id") + ": " + incident.get("title"));
        fields.put("Description", String.valueOf(incident.get("details")));
        fields.put("Severity", incident.get("severity"));
        fields.put("Labels", List.of("incident", "incident-" + incident.get("id")));
        e.getMessage().setBody(fields);
    }

    private static void commentJson(Exchange e) {
        JiraComment comment = e.getMessage().getBody(JiraComment.class);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issue", e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY));
        json.put("author", comment.getAuthor() == null ? null : comment.getAuthor().getDisplayName());
        json.put("text", comment.getBody());
        json.put("edited", comment.isEdited());
        e.getMessage().setBody(json);
    }

    private static void issueJson(Exchange e) {
        JiraIssue issue = e.getMessage().getBody(JiraIssue.class);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issue", issue.getKey());
        json.put("summary", issue.getSummary());
        json.put("status", issue.getStatus());
        json.put("labels", issue.getLabels());
        e.getMessage().setBody(json);
    }
}
