package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of {@code issue/addWorklog}. The issue is the shared option {@code issueKey}, the issues the
 * issue/worklogs consumer follows the shared {@code jql}. Each can be overridden per message by the header
 * {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class WorklogOptions {

    @UriParam(label = "producer",
              description = "issue/addWorklog: the time spent as Jira writes durations: weeks, days, hours and"
                            + " minutes such as 3h 20m, 1d, 1.5h, or a bare number in Jira's default unit"
                            + " (minutes unless the site says otherwise). Set this or timeSpentSeconds, not both.")
    private String timeSpent;
    @UriParam(label = "producer",
              description = "issue/addWorklog: the time spent in seconds (a whole number, at least 1; camel-jira's"
                            + " minutesSpent times 60). Set this or timeSpent, not both.")
    private String timeSpentSeconds;
    @UriParam(label = "producer",
              description = "issue/addWorklog: when the work started: an ISO-8601 instant with its offset"
                            + " (2026-11-02T08:00:00Z, 2026-11-02T03:00:00-05:00), Jira's own form"
                            + " (2026-11-02T03:00:00.000-0500) or a date (its start in UTC). Sent in Jira's form"
                            + " yyyy-MM-dd'T'HH:mm:ss.SSSZ with the offset given. Default: now, by Jira's clock.")
    private String started;
    @UriParam(label = "producer", enums = "auto,new,leave,manual",
              description = "issue/addWorklog: how Jira changes the issue's remaining estimate: auto (reduce it by"
                            + " the time spent, Jira's default), new (set it to newEstimate), leave (keep it) or"
                            + " manual (reduce it by reduceBy).")
    private String adjustEstimate;
    @UriParam(label = "producer",
              description = "issue/addWorklog: the remaining estimate to set with adjustEstimate=new, as a Jira"
                            + " duration (2d, 4h 30m).")
    private String newEstimate;
    @UriParam(label = "producer",
              description = "issue/addWorklog: how much to reduce the remaining estimate by with"
                            + " adjustEstimate=manual, as a Jira duration (2d, 45m).")
    private String reduceBy;

    public String getTimeSpent() {
        return timeSpent;
    }

    public void setTimeSpent(String timeSpent) {
        this.timeSpent = timeSpent;
    }

    public String getTimeSpentSeconds() {
        return timeSpentSeconds;
    }

    public void setTimeSpentSeconds(String timeSpentSeconds) {
        this.timeSpentSeconds = timeSpentSeconds;
    }

    public String getStarted() {
        return started;
    }

    public void setStarted(String started) {
        this.started = started;
    }

    public String getAdjustEstimate() {
        return adjustEstimate;
    }

    public void setAdjustEstimate(String adjustEstimate) {
        this.adjustEstimate = adjustEstimate;
    }

    public String getNewEstimate() {
        return newEstimate;
    }

    public void setNewEstimate(String newEstimate) {
        this.newEstimate = newEstimate;
    }

    public String getReduceBy() {
        return reduceBy;
    }

    public void setReduceBy(String reduceBy) {
        this.reduceBy = reduceBy;
    }
}
