package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code audit} family. Which action reads which option is recorded in the catalogue;
 * each can be overridden per message by the header {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class AuditOptions {

    @UriParam(label = "producer", description = "audit/logs: only records created at or after this instant"
                                                + " (ISO-8601 like 2026-11-01T00:00:00Z, or a date 2026-11-01"
                                                + " meaning its start in UTC). Consumers start with startFrom"
                                                + " instead.")
    private String from;
    @UriParam(label = "producer", description = "audit/logs: only records created at or before this instant"
                                                + " (ISO-8601 or a date, as for from).")
    private String to;
    @UriParam(label = "common", description = "audit/logs: only records with these words in one of their fields"
                                              + " (summary, category, object, changed values, address), space"
                                              + " separated; on Data Center 10 and later, Jira's search expression.")
    private String filter;

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
