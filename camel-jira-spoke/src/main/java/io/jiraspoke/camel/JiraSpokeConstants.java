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

    // attachments: issue/addAttachment, issue/deleteAttachment, issue/latestAttachment, attachment/download
    @Metadata(description = "The attachment id to delete or download (overrides option attachmentId); on results,"
                            + " the id of the uploaded (first), newest or downloaded attachment.",
              javaType = "String")
    public static final String ATTACHMENT_ID = "CamelJiraSpokeAttachmentId";
    @Metadata(label = "producer", description = "The content URL of the attachment to download (overrides option"
                                                + " attachmentUrl).",
              javaType = "String")
    public static final String ATTACHMENT_URL = "CamelJiraSpokeAttachmentUrl";
    @Metadata(description = "The file name of an upload (overrides option fileName); on downloads, the file name of"
                            + " the attachment.",
              javaType = "String")
    public static final String FILE_NAME = "CamelJiraSpokeFileName";
    @Metadata(description = "The MIME type of an upload (overrides option contentType); on downloads, the MIME type"
                            + " of the attachment.",
              javaType = "String")
    public static final String CONTENT_TYPE = "CamelJiraSpokeContentType";
    @Metadata(label = "producer", description = "On downloads, the size of the attachment in bytes; absent when"
                                                + " neither Jira's metadata nor the answer says.",
              javaType = "Long")
    public static final String FILE_SIZE = "CamelJiraSpokeFileSize";
    @Metadata(label = "producer", description = "On issue/latestAttachment, how many attachments the issue has (0:"
                                                + " none, and the body is null); on issue/addAttachment, how many"
                                                + " Jira answered.",
              javaType = "Integer")
    public static final String ATTACHMENT_COUNT = "CamelJiraSpokeAttachmentCount";

    private JiraSpokeConstants() {
    }
}
