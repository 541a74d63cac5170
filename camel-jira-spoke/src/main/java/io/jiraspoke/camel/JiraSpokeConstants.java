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
    @Metadata(label = "consumer", description = "On board/list consumer exchanges, the id of the board.",
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

    private JiraSpokeConstants() {
    }
}
