package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.client.TextFormat;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code issue} family (and of other families that act on issues). Which action reads
 * which option is recorded in the catalogue; each can be overridden per message by the header
 * {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class IssueOptions {

    @UriParam(label = "producer", description = "The issue id or key to act on.")
    private String issueKey;
    @UriParam(label = "common", description = "The JQL query. A consumer adds its own time condition and ordering"
                                              + " and replaces any ORDER BY. On story/search and sprint/issues it"
                                              + " is optional and narrows the stories or the sprint's issues. On"
                                              + " webhooks: the JQL that narrows the issue events Jira sends.")
    private String jql;
    @UriParam(label = "common", description = "The fields to return, comma separated (e.g. summary,status,"
                                              + "customfield_10016). Searches default to the navigable fields"
                                              + " (sprint/issues to the navigable and Jira Software fields),"
                                              + " issue/get to all fields.")
    private String fields;
    @UriParam(label = "common", description = "What Jira should expand, comma separated (e.g. changelog,names).")
    private String expand;
    @UriParam(label = "producer", description = "The project, by key or id: the project of a new issue, the"
                                                + " project whose boards board/list lists, the project project/get"
                                                + " and metadata actions look at, or the key of a new project."
                                                + " project/assignableUsers takes several keys, comma separated.")
    private String projectKey;
    @UriParam(label = "producer", description = "The issue type of a new issue, or whose create screen"
                                                + " metadata/creatableFields describes: a name (Task, Bug, Story) or"
                                                + " an id.")
    private String issueType;
    @UriParam(label = "producer", description = "The summary of a new issue, or a new summary on update.")
    private String summary;
    @UriParam(label = "producer", defaultValue = "false", description = "Also delete the subtasks (Jira refuses to"
                                                                        + " delete an issue that has subtasks"
                                                                        + " otherwise).")
    private boolean deleteSubtasks;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether Jira e-mails the watchers about the change. When not set the parameter is not"
                            + " sent and Jira's own default applies, which is true: watchers are notified. false"
                            + " needs the project admin permission.")
    private Boolean notifyUsers;
    @UriParam(label = "producer", enums = "text,markdown", defaultValue = "text",
              description = "How text for a rich-text field (a description, a comment body, a worklog or transition"
                            + " comment) is written. text: plain text; on Cloud blank lines separate paragraphs and"
                            + " single newlines are line breaks, on Data Center the text is sent as is, so it may"
                            + " carry wiki markup. markdown: CommonMark (headings, bullet and numbered lists,"
                            + " bold, italic, strikethrough, inline code, links, fenced code blocks with a language,"
                            + " block quotes, rules, hard breaks) with mentions in Jira's wiki syntax, by account id"
                            + " on Cloud and by user name on Data Center (see Rich text in the README); it becomes"
                            + " ADF on Cloud and wiki markup on Data Center. An ADF document is sent to Cloud as is"
                            + " whatever this says.")
    private String textFormat = TextFormat.TEXT.id();

    public String getIssueKey() {
        return issueKey;
    }

    public void setIssueKey(String issueKey) {
        this.issueKey = issueKey;
    }

    public String getJql() {
        return jql;
    }

    public void setJql(String jql) {
        this.jql = jql;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public String getIssueType() {
        return issueType;
    }

    public void setIssueType(String issueType) {
        this.issueType = issueType;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public boolean isDeleteSubtasks() {
        return deleteSubtasks;
    }

    public void setDeleteSubtasks(boolean deleteSubtasks) {
        this.deleteSubtasks = deleteSubtasks;
    }

    public String getTextFormat() {
        return textFormat;
    }

    public void setTextFormat(String textFormat) {
        try {
            TextFormat.fromId(textFormat);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option 'textFormat' " + e.getMessage(), e);
        }
        this.textFormat = textFormat;
    }

    public Boolean getNotifyUsers() {
        return notifyUsers;
    }

    public void setNotifyUsers(Boolean notifyUsers) {
        this.notifyUsers = notifyUsers;
    }
}
