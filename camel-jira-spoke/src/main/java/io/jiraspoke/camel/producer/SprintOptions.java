package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code sprint} family (the agile API, the same on Cloud and Data Center). Dates are
 * ISO-8601: an instant with its offset ({@code 2026-11-02T09:00:00+01:00}, {@code 2026-11-02T08:00:00Z}) or a date
 * ({@code 2026-11-02}, its start in UTC); they are sent in the form Jira takes, e.g.
 * {@code 2026-11-02T09:00:00.000+01:00}.
 */
@UriParams
public class SprintOptions {

    @UriParam(label = "producer", description = "The sprint id (a number) to act on.")
    private String sprintId;
    @UriParam(label = "common", description = "The board id (a number): the board a new sprint is created on,"
                                              + " or whose sprints sprint/list lists.")
    private String boardId;
    @UriParam(label = "producer", description = "The name of a new sprint, or a new name on update.")
    private String sprintName;
    @UriParam(label = "producer", description = "The goal of a sprint.")
    private String sprintGoal;
    @UriParam(label = "producer", description = "When the sprint starts (ISO-8601 instant, or a date meaning its"
                                                + " start in UTC). Starting a sprint needs it, given or already set.")
    private String startDate;
    @UriParam(label = "producer", description = "When the sprint ends (ISO-8601 instant, or a date meaning its"
                                                + " start in UTC). Starting a sprint needs it, given or already set.")
    private String endDate;
    @UriParam(label = "common", description = "sprint/update: the state to move the sprint to, active (starts"
                                              + " it) or closed (completes it). sprint/list: only sprints in these"
                                              + " states, comma separated (future, active, closed; default all).")
    private String sprintState;

    public String getSprintId() {
        return sprintId;
    }

    public void setSprintId(String sprintId) {
        this.sprintId = sprintId;
    }

    public String getBoardId() {
        return boardId;
    }

    public void setBoardId(String boardId) {
        this.boardId = boardId;
    }

    public String getSprintName() {
        return sprintName;
    }

    public void setSprintName(String sprintName) {
        this.sprintName = sprintName;
    }

    public String getSprintGoal() {
        return sprintGoal;
    }

    public void setSprintGoal(String sprintGoal) {
        this.sprintGoal = sprintGoal;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getSprintState() {
        return sprintState;
    }

    public void setSprintState(String sprintState) {
        this.sprintState = sprintState;
    }
}
