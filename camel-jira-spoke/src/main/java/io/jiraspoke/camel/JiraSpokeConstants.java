package io.jiraspoke.camel;

import org.apache.camel.spi.Metadata;

/**
 * Message headers. Every action option {@code x} has a header {@code CamelJiraSpokeX} that overrides it for one
 * message (a test keeps the two in step); result headers tell what an action or consumer acted on.
 */
public final class JiraSpokeConstants {

    @Metadata(description = "The issue id or key to act on (overrides option issueKey); on results, the key of the"
                            + " created, fetched or consumed issue.",
              javaType = "String")
    public static final String ISSUE_KEY = "CamelJiraSpokeIssueKey";
    @Metadata(description = "On results, the id of the created, fetched or consumed issue.", javaType = "String")
    public static final String ISSUE_ID = "CamelJiraSpokeIssueId";
    @Metadata(label = "producer", description = "The JQL query (overrides option jql).", javaType = "String")
    public static final String JQL = "CamelJiraSpokeJql";
    @Metadata(label = "producer", description = "The fields to return, comma separated (overrides option fields).",
              javaType = "String")
    public static final String FIELDS = "CamelJiraSpokeFields";
    @Metadata(label = "producer", description = "What to expand, comma separated (overrides option expand).",
              javaType = "String")
    public static final String EXPAND = "CamelJiraSpokeExpand";
    @Metadata(label = "producer", description = "The project key or id (overrides option projectKey).",
              javaType = "String")
    public static final String PROJECT_KEY = "CamelJiraSpokeProjectKey";
    @Metadata(label = "producer", description = "The issue type name or id of a new issue (overrides option"
                                                + " issueType).",
              javaType = "String")
    public static final String ISSUE_TYPE = "CamelJiraSpokeIssueType";
    @Metadata(label = "producer", description = "The summary of a new or updated issue (overrides option summary).",
              javaType = "String")
    public static final String SUMMARY = "CamelJiraSpokeSummary";
    @Metadata(label = "producer", description = "Whether deleting an issue also deletes its subtasks (overrides"
                                                + " option deleteSubtasks).",
              javaType = "Boolean")
    public static final String DELETE_SUBTASKS = "CamelJiraSpokeDeleteSubtasks";
    @Metadata(label = "producer", description = "Whether Jira notifies watchers of an update (overrides option"
                                                + " notifyUsers).",
              javaType = "Boolean")
    public static final String NOTIFY_USERS = "CamelJiraSpokeNotifyUsers";
    @Metadata(label = "producer", description = "The board type to list (overrides option boardType).",
              javaType = "String")
    public static final String BOARD_TYPE = "CamelJiraSpokeBoardType";
    @Metadata(label = "producer", description = "Text the names of listed boards contain (overrides option"
                                                + " boardName).",
              javaType = "String")
    public static final String BOARD_NAME = "CamelJiraSpokeBoardName";
    @Metadata(label = "consumer", description = "On board/list consumer exchanges, the id of the board.",
              javaType = "String")
    public static final String BOARD_ID = "CamelJiraSpokeBoardId";

    // comments: issue/addComment, issue/latestComment, issue/comments, issue/updateComment, issue/deleteComment,
    // webhook/issueFromComment
    @Metadata(description = "The id of the comment to update or delete (overrides option commentId); on results, the"
                            + " id of the added, updated, deleted, newest or consumed comment, or of the comment a"
                            + " webhook payload carries.",
              javaType = "String")
    public static final String COMMENT_ID = "CamelJiraSpokeCommentId";
    @Metadata(label = "producer", description = "role or group: who may see a new or updated comment (overrides"
                                                + " option visibilityType).",
              javaType = "String")
    public static final String VISIBILITY_TYPE = "CamelJiraSpokeVisibilityType";
    @Metadata(label = "producer", description = "The role or group a new or updated comment is restricted to"
                                                + " (overrides option visibilityValue).",
              javaType = "String")
    public static final String VISIBILITY_VALUE = "CamelJiraSpokeVisibilityValue";
    @Metadata(label = "producer", description = "The order issue/comments lists comments in: created, +created or"
                                                + " -created (overrides option orderBy).",
              javaType = "String")
    public static final String ORDER_BY = "CamelJiraSpokeOrderBy";
    @Metadata(label = "producer", description = "On issue/latestComment results: true when the issue has a comment"
                                                + " (the body is the newest), false when it has none (the body is"
                                                + " then null).",
              javaType = "Boolean")
    public static final String COMMENT_FOUND = "CamelJiraSpokeCommentFound";

    private JiraSpokeConstants() {
    }
}
