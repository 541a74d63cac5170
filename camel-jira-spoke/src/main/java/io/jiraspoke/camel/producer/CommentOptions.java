package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the comment actions ({@code issue/addComment}, {@code issue/comments},
 * {@code issue/updateComment}, ...). The issue is the shared option {@code issueKey}, the issues a comment consumer
 * follows the shared {@code jql}, and what Jira expands the shared {@code expand}.
 */
@UriParams
public class CommentOptions {

    @UriParam(label = "producer", description = "The id of the comment to update or delete (a number, e.g. 10042).")
    private String commentId;
    @UriParam(label = "producer", enums = "role,group",
              description = "Who may see a new or updated comment: role (a project role) or group. Set together"
                            + " with visibilityValue; when neither is set the comment is visible to everyone who"
                            + " may see the issue.")
    private String visibilityType;
    @UriParam(label = "producer", description = "The project role (e.g. Administrators) or group (e.g."
                                                + " jira-developers) a new or updated comment is restricted to; set"
                                                + " together with visibilityType.")
    private String visibilityValue;
    @UriParam(label = "producer", enums = "created,-created,+created",
              description = "The order issue/comments lists an issue's comments in: created or +created (oldest"
                            + " first, Jira's default) or -created (newest first). Data Center servers older than"
                            + " the documented API ignore it and list oldest first.")
    private String orderBy;

    public String getCommentId() {
        return commentId;
    }

    public void setCommentId(String commentId) {
        this.commentId = commentId;
    }

    public String getVisibilityType() {
        return visibilityType;
    }

    public void setVisibilityType(String visibilityType) {
        this.visibilityType = visibilityType;
    }

    public String getVisibilityValue() {
        return visibilityValue;
    }

    public void setVisibilityValue(String visibilityValue) {
        this.visibilityValue = visibilityValue;
    }

    public String getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(String orderBy) {
        this.orderBy = orderBy;
    }
}
