package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the workflow actions on issues (issue/transition, issue/priorities). Which action reads
 * which option is recorded in the catalogue; each can be overridden per message by the header
 * {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class WorkflowOptions {

    @UriParam(label = "producer",
              description = "issue/transition: the transition to do, by id (all digits, sent as is) or by name (e.g."
                            + " Start Progress; looked up among the issue's transitions, ignoring case). Set this or"
                            + " targetStatus, not both.")
    private String transition;
    @UriParam(label = "producer",
              description = "issue/transition: the status to move the issue to, by name (ignoring case) or id; the"
                            + " transition that leads there from the issue's current status is looked up. Refused"
                            + " when none or several do, naming the transitions there are. Set this or transition,"
                            + " not both.")
    private String targetStatus;
    @UriParam(label = "producer",
              description = "issue/transition: the resolution to set with the transition, by name (e.g. Fixed) or id;"
                            + " the transition's screen must have the resolution field. A resolution in the body"
                            + " wins.")
    private String resolution;
    @UriParam(label = "producer",
              description = "issue/transition: a comment to add with the transition (plain text, wiki markup on Data"
                            + " Center; made ADF on Cloud). A plain text message body, or a comment entry in the"
                            + " body's fields, is the comment too and wins.")
    private String transitionComment;
    @UriParam(label = "producer",
              description = "issue/priorities: the id of the one priority to return; all priorities when not set.")
    private String priorityId;

    public String getTransition() {
        return transition;
    }

    public void setTransition(String transition) {
        this.transition = transition;
    }

    public String getTargetStatus() {
        return targetStatus;
    }

    public void setTargetStatus(String targetStatus) {
        this.targetStatus = targetStatus;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getTransitionComment() {
        return transitionComment;
    }

    public void setTransitionComment(String transitionComment) {
        this.transitionComment = transitionComment;
    }

    public String getPriorityId() {
        return priorityId;
    }

    public void setPriorityId(String priorityId) {
        this.priorityId = priorityId;
    }
}
