package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of {@code issue/changelog}. The issue of the producer is the shared option {@code issueKey},
 * the issues the consumer follows the shared {@code jql}; each can be overridden per message by the header
 * {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class ChangelogOptions {

    @UriParam(label = "common",
              description = "issue/changelog: only changes of these fields, comma separated, by the name the history"
                            + " gives them (status, assignee, Sprint; ignoring case) or by id (customfield_10020);"
                            + " camel-jira's watchedFields (Status,Priority). The producer leaves out history"
                            + " entries without such a change and the others carry only those changes; the consumer"
                            + " emits only those changes. Default: every change.")
    private String watchedFields;

    public String getWatchedFields() {
        return watchedFields;
    }

    public void setWatchedFields(String watchedFields) {
        this.watchedFields = watchedFields;
    }
}
