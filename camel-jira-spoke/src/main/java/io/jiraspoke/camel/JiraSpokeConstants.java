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
    @Metadata(label = "producer", description = "The project key or id (overrides option projectKey); on results of"
                                                + " project actions and consumers, the project's key.",
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
    @Metadata(description = "The board id (overrides option boardId); on board/list consumer exchanges, the id of"
                            + " the board, so that a route from board/list to sprint/list lists the sprints of each.",
              javaType = "String")
    public static final String BOARD_ID = "CamelJiraSpokeBoardId";

    // projects and create/edit metadata (project/*, metadata/*)
    @Metadata(description = "On results, the id of the created, fetched or consumed project.", javaType = "String")
    public static final String PROJECT_ID = "CamelJiraSpokeProjectId";
    @Metadata(label = "producer", description = "The name of a new project (overrides option projectName).",
              javaType = "String")
    public static final String PROJECT_NAME = "CamelJiraSpokeProjectName";
    @Metadata(label = "producer", description = "The type of a new project, or the types project/list lists"
                                                + " (overrides option projectTypeKey).",
              javaType = "String")
    public static final String PROJECT_TYPE_KEY = "CamelJiraSpokeProjectTypeKey";
    @Metadata(label = "producer", description = "The lead of a new project (overrides option projectLead).",
              javaType = "String")
    public static final String PROJECT_LEAD = "CamelJiraSpokeProjectLead";
    @Metadata(label = "producer", description = "The template of a new project (overrides option"
                                                + " projectTemplateKey).",
              javaType = "String")
    public static final String PROJECT_TEMPLATE_KEY = "CamelJiraSpokeProjectTemplateKey";
    @Metadata(label = "producer", description = "The default assignee type of a new project (overrides option"
                                                + " assigneeType).",
              javaType = "String")
    public static final String ASSIGNEE_TYPE = "CamelJiraSpokeAssigneeType";
    @Metadata(label = "producer", description = "The description of a new project (overrides option"
                                                + " projectDescription).",
              javaType = "String")
    public static final String PROJECT_DESCRIPTION = "CamelJiraSpokeProjectDescription";
    @Metadata(label = "producer", description = "Text the key or name of listed projects matches (overrides option"
                                                + " projectQuery).",
              javaType = "String")
    public static final String PROJECT_QUERY = "CamelJiraSpokeProjectQuery";
    @Metadata(label = "producer", description = "The order of listed projects (overrides option projectOrderBy).",
              javaType = "String")
    public static final String PROJECT_ORDER_BY = "CamelJiraSpokeProjectOrderBy";
    @Metadata(label = "producer", description = "Whether project/list also lists archived projects (overrides option"
                                                + " includeArchived).",
              javaType = "Boolean")
    public static final String INCLUDE_ARCHIVED = "CamelJiraSpokeIncludeArchived";
    @Metadata(label = "producer", description = "Text the names of listed users start with (overrides option"
                                                + " userQuery).",
              javaType = "String")
    public static final String USER_QUERY = "CamelJiraSpokeUserQuery";
    @Metadata(label = "consumer", description = "On project/assignableUsers consumer exchanges, the user's id: the"
                                                + " account id on Cloud, the user name on Data Center.",
              javaType = "String")
    public static final String USER_ID = "CamelJiraSpokeUserId";

    // fields by display name: field/lookup
    @Metadata(label = "producer", description = "The display name or id of the field to look up (overrides option"
                                                + " fieldName).",
              javaType = "String")
    public static final String FIELD_NAME = "CamelJiraSpokeFieldName";
    @Metadata(label = "producer", description = "After field/lookup of one field, its id (e.g. customfield_10016).",
              javaType = "String")
    public static final String FIELD_ID = "CamelJiraSpokeFieldId";

    // administration: audit records and webhooks
    @Metadata(label = "producer", description = "audit/logs: only records created at or after this instant"
                                                + " (overrides option from).",
              javaType = "String")
    public static final String FROM = "CamelJiraSpokeFrom";
    @Metadata(label = "producer", description = "audit/logs: only records created at or before this instant"
                                                + " (overrides option to).",
              javaType = "String")
    public static final String TO = "CamelJiraSpokeTo";
    @Metadata(label = "producer", description = "audit/logs: words the records must contain (overrides option"
                                                + " filter).",
              javaType = "String")
    public static final String FILTER = "CamelJiraSpokeFilter";
    @Metadata(description = "The id of the webhook to update or unsubscribe (overrides option webhookId); on"
                            + " results, the id of the webhook subscribed or updated, or the ids deleted, comma"
                            + " separated.",
              javaType = "String")
    public static final String WEBHOOK_ID = "CamelJiraSpokeWebhookId";
    @Metadata(label = "producer", description = "The webhook's name (overrides option webhookName).",
              javaType = "String")
    public static final String WEBHOOK_NAME = "CamelJiraSpokeWebhookName";
    @Metadata(label = "producer", description = "The URL Jira sends the events to (overrides option webhookUrl).",
              javaType = "String")
    public static final String WEBHOOK_URL = "CamelJiraSpokeWebhookUrl";
    @Metadata(label = "producer", description = "The events that trigger the webhook, comma separated (overrides"
                                                + " option webhookEvents).",
              javaType = "String")
    public static final String WEBHOOK_EVENTS = "CamelJiraSpokeWebhookEvents";
    @Metadata(label = "producer", description = "Whether deliveries leave out the event body (overrides option"
                                                + " webhookExcludeBody).",
              javaType = "Boolean")
    public static final String WEBHOOK_EXCLUDE_BODY = "CamelJiraSpokeWebhookExcludeBody";
    @Metadata(label = "producer", description = "The secret Jira signs deliveries with (overrides option"
                                                + " webhookSecret; prefer the option with a property placeholder:"
                                                + " headers may be logged).",
              javaType = "String", secret = true)
    public static final String WEBHOOK_SECRET = "CamelJiraSpokeWebhookSecret";
    @Metadata(label = "producer", description = "On results of webhook/subscribe: created, updated or unchanged; of"
                                                + " webhook/update: updated; of webhook/unsubscribe: deleted, or"
                                                + " absent when no webhook matched.",
              javaType = "String")
    public static final String WEBHOOK_OUTCOME = "CamelJiraSpokeWebhookOutcome";

    // people and sprints: the sprint, user and group families (boardId above is shared with board/list)
    @Metadata(description = "The sprint id (overrides option sprintId); on results, the id of the created, fetched,"
                            + " updated or consumed sprint.",
              javaType = "String")
    public static final String SPRINT_ID = "CamelJiraSpokeSprintId";
    @Metadata(label = "producer", description = "The name of a new sprint, or a new name (overrides option"
                                                + " sprintName).",
              javaType = "String")
    public static final String SPRINT_NAME = "CamelJiraSpokeSprintName";
    @Metadata(label = "producer", description = "The goal of a sprint (overrides option sprintGoal).",
              javaType = "String")
    public static final String SPRINT_GOAL = "CamelJiraSpokeSprintGoal";
    @Metadata(label = "producer", description = "The start of a sprint, ISO-8601 (overrides option startDate).",
              javaType = "String")
    public static final String START_DATE = "CamelJiraSpokeStartDate";
    @Metadata(label = "producer", description = "The end of a sprint, ISO-8601 (overrides option endDate).",
              javaType = "String")
    public static final String END_DATE = "CamelJiraSpokeEndDate";
    @Metadata(label = "producer", description = "The state a sprint moves to, or the states of the sprints to list,"
                                                + " comma separated (overrides option sprintState).",
              javaType = "String")
    public static final String SPRINT_STATE = "CamelJiraSpokeSprintState";
    @Metadata(description = "The user to act on, an account id on Cloud and a user name on Data Center (overrides"
                            + " option user); on results, the user created, deleted or consumed.",
              javaType = "String")
    public static final String USER = "CamelJiraSpokeUser";
    @Metadata(label = "producer", description = "The e-mail address of a new user (overrides option emailAddress).",
              javaType = "String")
    public static final String EMAIL_ADDRESS = "CamelJiraSpokeEmailAddress";
    @Metadata(label = "producer", description = "The display name of a new Data Center user (overrides option"
                                                + " displayName).",
              javaType = "String")
    public static final String DISPLAY_NAME = "CamelJiraSpokeDisplayName";
    @Metadata(label = "producer", description = "The password of a new Data Center user (overrides option"
                                                + " userPassword). Headers show in route logs that print them: prefer"
                                                + " the body or the option from a vault.",
              javaType = "String", secret = true)
    public static final String USER_PASSWORD = "CamelJiraSpokeUserPassword";
    @Metadata(label = "producer", description = "The products (application keys) a new user gets, comma separated"
                                                + " (overrides option products).",
              javaType = "String")
    public static final String PRODUCTS = "CamelJiraSpokeProducts";
    @Metadata(label = "producer", description = "The text users are searched by (overrides option query).",
              javaType = "String")
    public static final String QUERY = "CamelJiraSpokeQuery";
    @Metadata(label = "producer", description = "Whether inactive users are included (overrides option"
                                                + " includeInactive).",
              javaType = "Boolean")
    public static final String INCLUDE_INACTIVE = "CamelJiraSpokeIncludeInactive";
    @Metadata(description = "The group name (overrides option groupName); on results, the name of the created,"
                            + " changed or consumed group.",
              javaType = "String")
    public static final String GROUP_NAME = "CamelJiraSpokeGroupName";
    @Metadata(description = "The group id, Cloud only (overrides option groupId); on results, the id of the created,"
                            + " changed or consumed group (Cloud).",
              javaType = "String")
    public static final String GROUP_ID = "CamelJiraSpokeGroupId";
    @Metadata(label = "producer", description = "The group that takes over the permissions and restrictions of a"
                                                + " deleted group, by name (overrides option swapGroupName).",
              javaType = "String")
    public static final String SWAP_GROUP_NAME = "CamelJiraSpokeSwapGroupName";
    @Metadata(label = "producer", description = "The group that takes over the permissions and restrictions of a"
                                                + " deleted group, by id, Cloud only (overrides option swapGroupId).",
              javaType = "String")
    public static final String SWAP_GROUP_ID = "CamelJiraSpokeSwapGroupId";

    // rich text (descriptions, comment bodies, worklog and transition comments)
    @Metadata(label = "producer", description = "How the text of a rich-text body or field is written: text or"
                                                + " markdown (overrides option textFormat).",
              javaType = "String", enums = "text,markdown")
    public static final String TEXT_FORMAT = "CamelJiraSpokeTextFormat";

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

    // workflow and people of an issue (issue/transition, transitions, statuses, priorities, assign, watchers, notify)
    @Metadata(label = "producer", description = "The transition to do, by id or name (overrides option transition).",
              javaType = "String")
    public static final String TRANSITION = "CamelJiraSpokeTransition";
    @Metadata(label = "producer", description = "The status to move the issue to, by name or id (overrides option"
                                                + " targetStatus).",
              javaType = "String")
    public static final String TARGET_STATUS = "CamelJiraSpokeTargetStatus";
    @Metadata(label = "producer", description = "The resolution to set with a transition, by name or id (overrides"
                                                + " option resolution).",
              javaType = "String")
    public static final String RESOLUTION = "CamelJiraSpokeResolution";
    @Metadata(label = "producer", description = "A comment to add with a transition (overrides option"
                                                + " transitionComment).",
              javaType = "String")
    public static final String TRANSITION_COMMENT = "CamelJiraSpokeTransitionComment";
    @Metadata(label = "producer", description = "On issue/transition results, the id of the transition done.",
              javaType = "String")
    public static final String TRANSITION_ID = "CamelJiraSpokeTransitionId";
    @Metadata(label = "producer", description = "The id of the one priority issue/priorities returns (overrides option"
                                                + " priorityId).",
              javaType = "String")
    public static final String PRIORITY_ID = "CamelJiraSpokePriorityId";
    @Metadata(label = "producer", description = "Who to assign the issue to: an id, an e-mail address, none or default"
                                                + " (overrides option assignee).",
              javaType = "String")
    public static final String ASSIGNEE = "CamelJiraSpokeAssignee";
    @Metadata(label = "producer", description = "The watcher to add or remove: an id or an e-mail address (overrides"
                                                + " option watcher).",
              javaType = "String")
    public static final String WATCHER = "CamelJiraSpokeWatcher";
    @Metadata(label = "producer", description = "The subject of an issue/notify e-mail (overrides option subject).",
              javaType = "String")
    public static final String SUBJECT = "CamelJiraSpokeSubject";
    @Metadata(label = "producer", description = "The people of the issue an issue/notify e-mail goes to (overrides"
                                                + " option notifyTo).",
              javaType = "String")
    public static final String NOTIFY_TO = "CamelJiraSpokeNotifyTo";
    @Metadata(label = "producer", description = "Further users an issue/notify e-mail goes to (overrides option"
                                                + " notifyToUsers).",
              javaType = "String")
    public static final String NOTIFY_TO_USERS = "CamelJiraSpokeNotifyToUsers";
    @Metadata(label = "producer", description = "Groups an issue/notify e-mail goes to (overrides option"
                                                + " notifyToGroups).",
              javaType = "String")
    public static final String NOTIFY_TO_GROUPS = "CamelJiraSpokeNotifyToGroups";

    // webhook deliveries: the webhook/events consumer (CamelJiraSpokeIssueKey, IssueId and CommentId above are set too)
    @Metadata(label = "consumer", description = "On webhook/events exchanges, the event Jira delivered, e.g."
                                                + " jira:issue_created or comment_created (the payload's"
                                                + " webhookEvent).",
              javaType = "String")
    public static final String WEBHOOK_EVENT = "CamelJiraSpokeWebhookEvent";
    @Metadata(label = "consumer", description = "On webhook/events exchanges, Jira's"
                                                + " X-Atlassian-Webhook-Identifier: the same for every retry of one"
                                                + " delivery; absent when Jira sends none (Data Center).",
              javaType = "String")
    public static final String WEBHOOK_IDENTIFIER = "CamelJiraSpokeWebhookIdentifier";
    @Metadata(label = "consumer", description = "On webhook/events exchanges, how often Jira had tried the delivery"
                                                + " before (X-Atlassian-Webhook-Retry; 0 on the first attempt).",
              javaType = "Integer")
    public static final String WEBHOOK_RETRY = "CamelJiraSpokeWebhookRetry";
    @Metadata(label = "consumer", description = "On webhook/events exchanges, when Jira raised the event, in epoch"
                                                + " milliseconds (the payload's timestamp).",
              javaType = "Long")
    public static final String WEBHOOK_TIMESTAMP = "CamelJiraSpokeWebhookTimestamp";
    @Metadata(label = "consumer", description = "On webhook/events exchanges, true when the reconciling poll"
                                                + " (webhookReconcileInterval) made the event because no delivery"
                                                + " of it came: its body then holds webhookEvent, timestamp (the"
                                                + " issue's updated) and the issue as issue/search returns it, but"
                                                + " no changelog, user or comment. False on Jira's deliveries.",
              javaType = "Boolean")
    public static final String WEBHOOK_RECONCILED = "CamelJiraSpokeWebhookReconciled";

    // stories, sprint issues and counts (story/create, story/update, story/search, sprint/issues, issue/count)
    @Metadata(label = "producer", description = "On issue/count results: how many issues the JQL matches (on Cloud"
                                                + " an approximate count), as the body is.",
              javaType = "Long")
    public static final String ISSUE_COUNT = "CamelJiraSpokeIssueCount";

    // links, worklogs and change history: issue/addLink, issue/addWorklog, issue/worklogs, issue/changelog
    @Metadata(label = "producer", description = "The link type of issue/addLink, by name or id (overrides option"
                                                + " linkType).",
              javaType = "String")
    public static final String LINK_TYPE = "CamelJiraSpokeLinkType";
    @Metadata(label = "producer", description = "The issue issue/addLink puts under inwardIssue (overrides option"
                                                + " inwardIssue).",
              javaType = "String")
    public static final String INWARD_ISSUE = "CamelJiraSpokeInwardIssue";
    @Metadata(label = "producer", description = "The issue issue/addLink puts under outwardIssue (overrides option"
                                                + " outwardIssue).",
              javaType = "String")
    public static final String OUTWARD_ISSUE = "CamelJiraSpokeOutwardIssue";
    @Metadata(label = "producer", description = "The time spent of issue/addWorklog as a Jira duration such as 3h 20m"
                                                + " (overrides option timeSpent).",
              javaType = "String")
    public static final String TIME_SPENT = "CamelJiraSpokeTimeSpent";
    @Metadata(label = "producer", description = "The time spent of issue/addWorklog in seconds (overrides option"
                                                + " timeSpentSeconds).",
              javaType = "String")
    public static final String TIME_SPENT_SECONDS = "CamelJiraSpokeTimeSpentSeconds";
    @Metadata(label = "producer", description = "When the work of issue/addWorklog started (overrides option"
                                                + " started).",
              javaType = "String")
    public static final String STARTED = "CamelJiraSpokeStarted";
    @Metadata(label = "producer", description = "How issue/addWorklog changes the remaining estimate: auto, new, leave"
                                                + " or manual (overrides option adjustEstimate).",
              javaType = "String")
    public static final String ADJUST_ESTIMATE = "CamelJiraSpokeAdjustEstimate";
    @Metadata(label = "producer", description = "The remaining estimate issue/addWorklog sets with adjustEstimate=new"
                                                + " (overrides option newEstimate).",
              javaType = "String")
    public static final String NEW_ESTIMATE = "CamelJiraSpokeNewEstimate";
    @Metadata(label = "producer", description = "How much issue/addWorklog reduces the remaining estimate by with"
                                                + " adjustEstimate=manual (overrides option reduceBy).",
              javaType = "String")
    public static final String REDUCE_BY = "CamelJiraSpokeReduceBy";
    @Metadata(description = "On issue/addWorklog results and issue/worklogs consumer exchanges, the id of the worklog.",
              javaType = "String")
    public static final String WORKLOG_ID = "CamelJiraSpokeWorklogId";
    @Metadata(label = "producer", description = "The fields whose changes issue/changelog returns, comma separated"
                                                + " (overrides option watchedFields).",
              javaType = "String")
    public static final String WATCHED_FIELDS = "CamelJiraSpokeWatchedFields";
    @Metadata(label = "consumer", description = "On issue/changelog consumer exchanges, the id of the history entry"
                                                + " the change belongs to.",
              javaType = "String")
    public static final String CHANGELOG_ID = "CamelJiraSpokeChangelogId";
    @Metadata(label = "consumer", description = "On issue/changelog consumer exchanges, the changed field as the"
                                                + " history names it (camel-jira's IssueChanged).",
              javaType = "String")
    public static final String CHANGED_FIELD = "CamelJiraSpokeChangedField";

    private JiraSpokeConstants() {
    }
}
