package io.jiraspoke.camel.catalog;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.jiraspoke.camel.catalog.JiraSpokeAction.Access.READS;
import static io.jiraspoke.camel.catalog.JiraSpokeAction.Access.WRITES;
import static io.jiraspoke.camel.catalog.JiraSpokeAction.Feed.EVENTS;
import static io.jiraspoke.camel.catalog.JiraSpokeAction.Feed.INCREMENTAL;
import static io.jiraspoke.camel.catalog.JiraSpokeAction.Feed.LIST;
import static io.jiraspoke.camel.catalog.JiraSpokeAction.Feed.NO_FEED;

/**
 * The action catalogue: every jiraspoke action id with its family, kind, deployments, excluded auth types and the
 * classic/granular scopes it needs. It mirrors {@code spec/actions.tsv} row by row (a test keeps the two equal);
 * the URI enums, start-up guards and docs are derived from it.
 * <p>
 * Beyond the file, each action records whether it changes data in Jira ({@link Access}: read-only connections
 * refuse the writing ones), which generic consumer serves it when it is a stream ({@link Feed}), and the
 * action-specific endpoint options it reads (the options column; an option set on an endpoint whose action does
 * not read it refuses to start). Options every stream shares (paging, output type, consumer scheduling and state)
 * are the endpoint's own and are not listed here.
 */
public enum JiraSpokeAction {
    AUDIT_LOGS("audit/logs", "Audit Management", Kind.STREAM, READS, INCREMENTAL, "from to filter",
            variant("Look up Audit Logs Stream", "cloud,server<=9", "", "manage:jira-configuration", "read:audit-log:jira read:user:jira", "audit records (login activity and admin changes) between two instants, oldest first"),
            variant("Look up Audit Logs Stream (Server 10+)", "server>=10", "", "-", "-", "same action on Server/Data Center 10+, which moved audit records to a new API; the component picks the API from the server's version")),
    GROUP_ADD_USER("group/addUser", "Group Management", Kind.ACTION, WRITES, NO_FEED, "groupName groupId user",
            variant("Add User to Group", "cloud,server", "", "manage:jira-configuration", "write:group:jira read:avatar:jira read:group:jira read:user:jira", "adds a user to a group")),
    GROUP_CREATE("group/create", "Group Management", Kind.ACTION, WRITES, NO_FEED, "groupName",
            variant("Create Group", "cloud,server", "", "manage:jira-configuration", "read:group:jira read:user:jira write:group:jira read:avatar:jira", "creates a group")),
    GROUP_LIST("group/list", "Group Management", Kind.STREAM, READS, LIST, "",
            variant("Look up Groups Stream", "cloud", "", "read:jira-user", "read:group:jira", "all groups of the site, default groups included"),
            extension("Look up Groups (Data Center)", "server", "", "-", "-", "extension beyond the spoke: the groups of a Data Center site from its group picker, which is not paged and answers at most as many groups as Jira's jira.ajax.autocomplete.limit allows")),
    GROUP_MEMBERS("group/members", "Group Management", Kind.STREAM, READS, LIST, "groupName groupId includeInactive",
            variant("Look up Users by Group Name Stream", "cloud,server", "", "manage:jira-configuration", "read:group:jira read:user:jira read:avatar:jira", "all members of a group")),
    GROUP_DELETE("group/delete", "Group Management", Kind.ACTION, WRITES, NO_FEED, "groupName groupId swapGroupName swapGroupId",
            variant("Remove Group", "cloud,server", "", "manage:jira-configuration", "delete:group:jira", "deletes a group")),
    GROUP_REMOVE_USER("group/removeUser", "Group Management", Kind.ACTION, WRITES, NO_FEED, "groupName groupId user",
            variant("Remove User from Group", "cloud,server", "", "manage:jira-configuration", "write:group:jira", "removes a user from a group")),
    ISSUE_ADD_COMMENT("issue/addComment", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey visibilityType visibilityValue expand textFormat",
            variant("Add Comment", "cloud,server", "", "write:jira-work", "read:comment:jira read:comment.property:jira read:group:jira read:project:jira read:project-role:jira read:user:jira write:comment:jira read:avatar:jira", "adds a comment to an issue")),
    ISSUE_ADD_WATCHER("issue/addWatcher", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey watcher",
            variant("Add Watcher", "cloud,server", "", "write:jira-work", "write:issue.watcher:jira", "adds a user as watcher of an issue")),
    ISSUE_ASSIGN("issue/assign", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey assignee",
            variant("Assign Issue", "cloud,server", "", "write:jira-work", "write:issue:jira", "assigns an issue to a user (or unassigns)")),
    ISSUE_ADD_ATTACHMENT("issue/addAttachment", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey fileName contentType",
            variant("Copy Attachment", "cloud,server", "", "write:jira-work", "read:user:jira write:attachment:jira read:attachment:jira read:avatar:jira", "uploads the message body (bytes, stream or file) as an attachment of an issue")),
    ISSUE_CREATE("issue/create", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "projectKey issueType summary textFormat",
            variant("Create Issue", "cloud,server", "", "write:jira-work read:jira-work", "write:issue:jira write:comment:jira write:comment.property:jira write:attachment:jira read:issue:jira", "creates an issue (any issue type)")),
    ISSUE_DELETE_ATTACHMENT("issue/deleteAttachment", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "attachmentId",
            variant("Delete Attachment", "cloud,server", "", "write:jira-work", "delete:attachment:jira", "deletes an attachment")),
    ISSUE_DELETE("issue/delete", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey deleteSubtasks",
            variant("Delete Issue", "cloud,server", "", "write:jira-work", "delete:issue:jira", "deletes an issue (optionally its subtasks)")),
    ISSUE_REMOVE_WATCHER("issue/removeWatcher", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey watcher",
            variant("Delete Watcher", "cloud,server", "", "write:jira-work", "write:issue.watcher:jira", "removes a user from the watchers of an issue")),
    ISSUE_TRANSITION("issue/transition", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey transition targetStatus resolution transitionComment textFormat",
            variant("Do Transition", "cloud,server", "", "write:jira-work", "write:issue:jira write:issue.property:jira", "moves an issue through its workflow (by transition id or target status name), optionally setting fields")),
    ISSUE_STATUSES("issue/statuses", "Issue Management", Kind.ACTION, READS, NO_FEED, "projectKey",
            variant("Look up Issue Type Statuses by Project", "cloud,server", "", "read:jira-work", "read:issue-status:jira read:issue-type:jira read:status:jira", "the statuses of each issue type of a project")),
    ISSUE_GET("issue/get", "Issue Management", Kind.ACTION, READS, NO_FEED, "issueKey fields expand",
            variant("Look up Issue", "cloud,server", "", "read:jira-work", "read:issue-meta:jira read:issue-security-level:jira read:issue.vote:jira read:issue.changelog:jira read:avatar:jira read:issue:jira read:status:jira read:user:jira read:field-configuration:jira", "one issue by id or key")),
    ISSUE_PRIORITIES("issue/priorities", "Issue Management", Kind.ACTION, READS, NO_FEED, "priorityId",
            variant("Look up Issue Priorities", "cloud,server", "", "write:jira-work read:jira-work", "read:priority:jira", "all priorities, or one by id")),
    ISSUE_SEARCH("issue/search", "Issue Management", Kind.STREAM, READS, INCREMENTAL, "jql fields expand",
            variant("Look up Issues Stream", "cloud,server", "", "read:jira-work", "read:issue-details:jira read:audit-log:jira read:avatar:jira read:field-configuration:jira read:issue-meta:jira", "issues matching a JQL query")),
    SPRINT_ISSUES("sprint/issues", "Issue Management", Kind.STREAM, READS, INCREMENTAL, "sprintId jql fields expand",
            variant("Look up Sprint Issues Stream", "cloud,server", "", "-", "read:sprint:jira-software read:issue-details:jira read:jql:jira", "all issues of a sprint")),
    ISSUE_TRANSITIONS("issue/transitions", "Issue Management", Kind.ACTION, READS, NO_FEED, "issueKey",
            variant("Look up Transitions", "cloud,server", "", "read:jira-work", "read:issue.transition:jira read:status:jira read:field-configuration:jira", "the transitions available to an issue now")),
    ISSUE_WATCHERS("issue/watchers", "Issue Management", Kind.ACTION, READS, NO_FEED, "issueKey",
            variant("Look up Watchers", "cloud,server", "", "read:jira-work", "read:issue.watcher:jira read:user:jira read:avatar:jira", "the watchers of an issue")),
    ISSUE_UPDATE("issue/update", "Issue Management", Kind.ACTION, WRITES, NO_FEED, "issueKey summary notifyUsers textFormat",
            variant("Update Issue", "cloud,server", "", "write:jira-work read:jira-work", "write:issue:jira", "updates the given fields of an issue")),
    METADATA_CREATABLE_FIELDS("metadata/creatableFields", "Metadata Retrieval", Kind.ACTION, READS, NO_FEED, "projectKey issueType",
            variant("Get Creatable Fields (Metadata)", "cloud,server", "", "write:jira-work read:jira-work", "read:issue-meta:jira read:avatar:jira read:field-configuration:jira", "the fields that can be set when creating an issue of a type in a project")),
    METADATA_EDITABLE_FIELDS("metadata/editableFields", "Metadata Retrieval", Kind.ACTION, READS, NO_FEED, "issueKey",
            variant("Get Editable Fields (Metadata)", "cloud,server", "", "write:jira-work read:jira-work", "read:issue-meta:jira read:field-configuration:jira", "the fields that can be edited on an issue")),
    METADATA_ISSUE_TYPES("metadata/issueTypes", "Metadata Retrieval", Kind.ACTION, READS, NO_FEED, "projectKey",
            variant("Get Issue Types (Metadata)", "cloud,server", "", "write:jira-work read:jira-work", "read:issue-meta:jira read:avatar:jira read:field-configuration:jira", "the issue types that can be created in a project")),
    PROJECT_CREATE("project/create", "Project Management", Kind.ACTION, WRITES, NO_FEED, "projectKey projectName projectTypeKey projectLead projectTemplateKey assigneeType projectDescription",
            variant("Create Project", "cloud,server", "", "manage:jira-configuration", "write:project:jira read:project:jira", "creates a project")),
    PROJECT_GET("project/get", "Project Management", Kind.ACTION, READS, NO_FEED, "projectKey expand",
            variant("Look up Project", "cloud,server", "", "write:jira-work read:jira-work", "read:issue-type:jira read:project:jira read:project.property:jira read:user:jira read:application-role:jira read:avatar:jira read:group:jira read:issue-type-hierarchy:jira read:project-category:jira read:project-version:jira read:project.component:jira", "one project by id or key")),
    PROJECT_LIST("project/list", "Project Management", Kind.STREAM, READS, LIST, "projectQuery projectTypeKey projectOrderBy includeArchived expand",
            variant("Look up Projects", "server", "", "-", "-", "all projects (Server/Data Center: one unpaged list)"),
            variant("Look up Projects Stream", "cloud", "", "read:jira-work", "read:issue-type:jira read:project:jira read:project.property:jira read:user:jira read:application-role:jira read:avatar:jira read:group:jira read:issue-type-hierarchy:jira read:project-category:jira read:project-version:jira read:project.component:jira", "all projects (Cloud: paged)")),
    PROJECT_ASSIGNABLE_USERS("project/assignableUsers", "Project Management", Kind.STREAM, READS, LIST, "projectKey userQuery",
            variant("Look up Users Assignable to Projects", "cloud,server", "", "read:jira-user", "read:project:jira read:user:jira read:application-role:jira read:avatar:jira read:group:jira", "users who can be assigned issues in one or more projects")),
    SPRINT_CREATE("sprint/create", "Sprint Management", Kind.ACTION, WRITES, NO_FEED, "sprintName boardId startDate endDate sprintGoal",
            variant("Create Sprint", "cloud,server", "", "-", "write:sprint:jira-software read:board-scope:jira-software read:project:jira", "creates a sprint on a board")),
    SPRINT_DELETE("sprint/delete", "Sprint Management", Kind.ACTION, WRITES, NO_FEED, "sprintId",
            variant("Delete Sprint", "cloud,server", "", "-", "delete:sprint:jira-software", "deletes a sprint")),
    SPRINT_GET("sprint/get", "Sprint Management", Kind.ACTION, READS, NO_FEED, "sprintId",
            variant("Look up Sprint", "cloud,server", "", "-", "read:sprint:jira-software", "one sprint")),
    SPRINT_LIST("sprint/list", "Sprint Management", Kind.STREAM, READS, LIST, "boardId sprintState",
            variant("Look up Sprints by Board", "cloud,server", "", "-", "read:sprint:jira-software", "all sprints of a board (optionally by state)")),
    SPRINT_UPDATE("sprint/update", "Sprint Management", Kind.ACTION, WRITES, NO_FEED, "sprintId sprintName sprintGoal startDate endDate sprintState",
            variant("Update Sprint", "cloud,server", "", "-", "write:sprint:jira-software", "updates a sprint (name, goal, dates, state)")),
    STORY_CREATE("story/create", "Story Management", Kind.ACTION, WRITES, NO_FEED, "projectKey summary textFormat",
            variant("Create Story", "cloud,server", "", "write:jira-work", "write:issue:jira write:comment:jira write:comment.property:jira write:attachment:jira read:issue:jira", "creates an issue of type Story")),
    STORY_SEARCH("story/search", "Story Management", Kind.STREAM, READS, INCREMENTAL, "jql fields expand",
            variant("Look up Stories Stream", "cloud,server", "", "read:jira-work", "read:issue-details:jira read:field.default-value:jira read:field.option:jira read:field:jira read:group:jira", "all stories (optionally narrowed by JQL)")),
    STORY_UPDATE("story/update", "Story Management", Kind.ACTION, WRITES, NO_FEED, "issueKey summary notifyUsers textFormat",
            variant("Update Story", "cloud,server", "", "write:jira-work", "write:issue:jira", "updates the given fields of a story")),
    USER_CREATE("user/create", "User Management", Kind.ACTION, WRITES, NO_FEED, "user emailAddress displayName userPassword products",
            variant("Create User", "cloud,server", "oauth2-authorization-code,oauth2-client-credentials,scoped-api-token", "-", "-", "creates a user")),
    USER_MYSELF("user/myself", "User Management", Kind.ACTION, READS, NO_FEED, "",
            variant("Look up Authenticated User", "cloud,server", "", "read:jira-user", "read:application-role:jira read:group:jira read:user:jira read:avatar:jira", "the user the connection authenticates as")),
    USER_GROUPS("user/groups", "User Management", Kind.ACTION, READS, NO_FEED, "user",
            variant("Look up Group Memberships for User", "cloud,server", "", "read:jira-user", "read:group:jira", "the groups a user belongs to")),
    USER_LIST("user/list", "User Management", Kind.STREAM, READS, LIST, "",
            variant("Look up Users Stream", "cloud", "", "read:jira-user", "read:user:jira read:application-role:jira read:avatar:jira read:group:jira", "all users of the site")),
    USER_SEARCH("user/search", "User Management", Kind.STREAM, READS, LIST, "query includeInactive",
            variant("Look up Users Stream by Name", "server", "", "-", "-", "users whose name, e-mail or display name matches a string"),
            extension("Look up Users Stream by Name (Cloud)", "cloud", "", "read:jira-user", "read:user:jira read:user.property:jira read:application-role:jira read:avatar:jira read:group:jira", "extension beyond the spoke: the same search on Cloud, matching display name and e-mail address (Cloud has no user names)")),
    USER_DELETE("user/delete", "User Management", Kind.ACTION, WRITES, NO_FEED, "user",
            variant("Remove User", "cloud,server", "oauth2-authorization-code,oauth2-client-credentials,scoped-api-token", "-", "-", "deletes a user")),
    ATTACHMENT_DOWNLOAD("attachment/download", "Utility Actions", Kind.ACTION, READS, NO_FEED, "attachmentId attachmentUrl",
            variant("Copy Issue Attachment to Record", "cloud,server", "", "-", "-", "downloads an attachment's content (by content URL or attachment id) into the message body, streamed")),
    FIELD_LOOKUP("field/lookup", "Utility Actions", Kind.ACTION, READS, NO_FEED, "fieldName",
            variant("Look up Fields", "cloud,server", "", "read:jira-work", "read:field:jira read:avatar:jira read:project-category:jira read:project:jira read:field-configuration:jira", "the internal id (e.g. customfield_10016) and schema of a field given its label")),
    WEBHOOK_ISSUE_FROM_COMMENT("webhook/issueFromComment", "Utility Actions", Kind.ACTION, READS, NO_FEED, "",
            variant("Look up Issue from Comment", "cloud,server", "", "-", "-", "parses a comment webhook payload (the message body) and returns the issue it belongs to; calls no Jira endpoint")),
    ISSUE_LATEST_ATTACHMENT("issue/latestAttachment", "Utility Actions", Kind.ACTION, READS, NO_FEED, "issueKey",
            variant("Look up Latest Attachment on Issue", "cloud,server", "", "read:jira-work", "read:issue-meta:jira read:issue-security-level:jira read:issue.vote:jira read:issue.changelog:jira read:avatar:jira read:issue:jira read:status:jira read:user:jira read:field-configuration:jira", "the newest attachment of an issue")),
    ISSUE_LATEST_COMMENT("issue/latestComment", "Utility Actions", Kind.ACTION, READS, NO_FEED, "issueKey expand",
            variant("Look up Latest Comment on Issue", "cloud,server", "", "read:jira-work", "read:comment:jira read:comment.property:jira read:group:jira read:project:jira read:project-role:jira read:user:jira read:avatar:jira", "the newest comment of an issue")),
    SERVER_INFO("server/info", "Utility Actions", Kind.ACTION, READS, NO_FEED, "",
            variant("Look up Server", "cloud,server", "", "*", "*", "general information about the Jira instance (version, deployment type, base URL)")),
    WEBHOOK_LIST("webhook/list", "Webhook Management", Kind.ACTION, READS, NO_FEED, "",
            variant("Look up Webhooks", "cloud,server", "scoped-api-token", "-", "-", "all registered webhooks")),
    WEBHOOK_SUBSCRIBE("webhook/subscribe", "Webhook Management", Kind.ACTION, WRITES, NO_FEED, "webhookName webhookUrl webhookEvents jql webhookExcludeBody webhookSecret",
            variant("Subscribe Webhook", "cloud,server", "scoped-api-token", "-", "-", "registers a webhook")),
    WEBHOOK_UNSUBSCRIBE("webhook/unsubscribe", "Webhook Management", Kind.ACTION, WRITES, NO_FEED, "webhookId webhookName webhookUrl",
            variant("Unsubscribe Webhook", "cloud,server", "scoped-api-token", "-", "-", "deletes a registered webhook")),
    WEBHOOK_UPDATE("webhook/update", "Webhook Management", Kind.ACTION, WRITES, NO_FEED, "webhookId webhookName webhookUrl webhookEvents jql webhookExcludeBody webhookSecret",
            variant("Update Webhook", "cloud,server", "oauth2-authorization-code,oauth2-client-credentials,scoped-api-token", "-", "-", "updates a registered webhook")),
    ISSUE_COMMENTS("issue/comments", "Beyond the spoke", Kind.STREAM, READS, INCREMENTAL, "issueKey jql orderBy expand",
            variant("Look up Comments Stream", "cloud,server", "", "read:jira-work", "read:comment:jira read:comment.property:jira read:group:jira read:project:jira read:project-role:jira read:user:jira read:avatar:jira", "all comments of an issue, oldest first")),
    ISSUE_UPDATE_COMMENT("issue/updateComment", "Beyond the spoke", Kind.ACTION, WRITES, NO_FEED, "issueKey commentId visibilityType visibilityValue expand textFormat",
            variant("Update Comment", "cloud,server", "", "write:jira-work", "read:comment:jira read:comment.property:jira read:group:jira read:project:jira read:project-role:jira read:user:jira write:comment:jira read:avatar:jira", "changes the body of a comment")),
    ISSUE_DELETE_COMMENT("issue/deleteComment", "Beyond the spoke", Kind.ACTION, WRITES, NO_FEED, "issueKey commentId",
            variant("Delete Comment", "cloud,server", "", "write:jira-work", "delete:comment:jira delete:comment.property:jira", "deletes a comment")),
    ISSUE_ADD_LINK("issue/addLink", "Beyond the spoke", Kind.ACTION, WRITES, NO_FEED, "linkType inwardIssue outwardIssue textFormat",
            variant("Link Issues", "cloud,server", "", "write:jira-work", "write:comment:jira write:issue:jira write:issue-link:jira", "links two issues with a link type given by name (Blocks, Relates, Duplicate, ...) or id")),
    ISSUE_ADD_WORKLOG("issue/addWorklog", "Beyond the spoke", Kind.ACTION, WRITES, NO_FEED, "issueKey timeSpent timeSpentSeconds started adjustEstimate newEstimate reduceBy textFormat",
            variant("Add Worklog", "cloud,server", "", "write:jira-work", "write:issue-worklog:jira write:issue-worklog.property:jira read:avatar:jira read:group:jira read:issue-worklog:jira read:project-role:jira read:user:jira read:issue-worklog.property:jira", "logs time spent on an issue")),
    ISSUE_WORKLOGS("issue/worklogs", "Beyond the spoke", Kind.STREAM, READS, INCREMENTAL, "issueKey jql",
            variant("Look up Worklogs Stream", "cloud,server", "", "read:jira-work", "read:group:jira read:issue-worklog:jira read:issue-worklog.property:jira read:project-role:jira read:user:jira read:avatar:jira", "all worklogs of an issue")),
    ISSUE_CHANGELOG("issue/changelog", "Beyond the spoke", Kind.STREAM, READS, INCREMENTAL, "issueKey jql watchedFields",
            variant("Look up Changelog Stream", "cloud,server", "", "read:jira-work", "read:issue-meta:jira read:avatar:jira read:issue.changelog:jira", "the change history of an issue, oldest first")),
    ISSUE_NOTIFY("issue/notify", "Beyond the spoke", Kind.ACTION, WRITES, NO_FEED, "issueKey subject notifyTo notifyToUsers notifyToGroups",
            variant("Notify", "cloud,server", "", "write:jira-work", "send:notification:jira", "e-mails a notification about an issue to users, groups, roles, watchers, assignee or reporter")),
    ISSUE_COUNT("issue/count", "Beyond the spoke", Kind.ACTION, READS, NO_FEED, "jql",
            variant("Count Issues", "cloud,server", "", "read:jira-work", "read:issue-details:jira read:field.default-value:jira read:field.option:jira read:field:jira read:group:jira", "the number of issues matching a JQL query (Cloud: approximate count; Data Center: the search total)")),
    BOARD_LIST("board/list", "Beyond the spoke", Kind.STREAM, READS, LIST, "projectKey boardType boardName",
            variant("Look up Boards Stream", "cloud,server", "", "-", "read:board-scope:jira-software read:project:jira", "all boards, optionally of one project or type, to find the board id that sprint actions need")),
    WEBHOOK_EVENTS("webhook/events", "Beyond the spoke", Kind.EVENTS, READS, EVENTS, "webhookPath webhookUrl webhookName webhookEvents jql webhookSecret webhookAllowUnsigned webhookMaxBodySize idempotentRepository webhookRegister webhookUnregister webhookRefreshInterval webhookReconcileInterval webhookReconcileDelay",
            variant("Receive Webhook Events", "cloud,server", "scoped-api-token", "-", "-", "consumer only: receives Jira's webhook deliveries (issue, comment, sprint events) over HTTP, verified and de-duplicated, optionally registering the webhook itself"));

    /**
     * The catalogue's kind: a single call, a stream of items (a producer returning them, or a polling consumer), or
     * events Jira pushes (consumer only).
     */
    public enum Kind {
        ACTION,
        STREAM,
        EVENTS
    }

    /** Whether the action changes anything in Jira (creates, updates, deletes, sends). */
    public enum Access {
        READS,
        WRITES
    }

    /** Which generic consumer serves a stream. */
    public enum Feed {
        /** Not consumable. */
        NO_FEED,
        /** Items carry a timestamp: a watermark with overlap and de-duplication (issues, audit records, ...). */
        INCREMENTAL,
        /** Items without a usable timestamp: every item each poll, or only those new or changed since the last. */
        LIST,
        /** Pushed by Jira (webhook deliveries), not polled. */
        EVENTS
    }

    private static final Map<String, JiraSpokeAction> BY_ID;

    static {
        Map<String, JiraSpokeAction> m = new LinkedHashMap<>();
        for (JiraSpokeAction a : values()) {
            m.put(a.id, a);
        }
        BY_ID = Collections.unmodifiableMap(m);
    }

    private final String id;
    private final String family;
    private final String category;
    private final Kind kind;
    private final Access access;
    private final Feed feed;
    private final Set<String> options;
    private final List<ActionVariant> variants;

    JiraSpokeAction(String id, String category, Kind kind, Access access, Feed feed, String options,
                    ActionVariant... variants) {
        this.id = id;
        this.family = id.substring(0, id.indexOf('/'));
        this.category = category;
        this.kind = kind;
        this.access = access;
        this.feed = feed;
        this.options = options.isBlank() ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(options.trim().split("\\s+"))));
        this.variants = List.of(variants);
        for (ActionVariant v : variants) {
            v.bind(this, variants.length > 1);
        }
    }

    private static ActionVariant variant(String seedName, String deployments, String notWithAuth, String classic,
                                         String granular, String description) {
        return new ActionVariant(seedName, deployments, notWithAuth, classic, granular, description, false);
    }

    /**
     * A variant beyond {@code spec/actions.tsv}: the action offered on a deployment the spoke does not serve it on,
     * through another API of Jira's. The file stays as the spoke defines it (the catalogue test compares only the
     * file's variants); the start-up guards, the producer dispatch and the reference treat it as any variant.
     */
    private static ActionVariant extension(String name, String deployments, String notWithAuth, String classic,
                                           String granular, String description) {
        return new ActionVariant(name, deployments, notWithAuth, classic, granular, description, true);
    }

    /** The URI id, e.g. {@code issue/create}. */
    public String id() {
        return id;
    }

    /** The URI family, e.g. {@code issue}. */
    public String family() {
        return family;
    }

    /** The catalogue's category, e.g. {@code Issue Management}. */
    public String category() {
        return category;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isStream() {
        return kind == Kind.STREAM;
    }

    /** Whether the action changes data in Jira; read-only connections refuse such endpoints. */
    public boolean writes() {
        return access == Access.WRITES;
    }

    public Feed feed() {
        return feed;
    }

    /**
     * The action-specific endpoint options the action reads (each can also be given per message as the header
     * {@code CamelJiraSpoke<Option>}); the stream options of the endpoint come on top for streams.
     */
    public Set<String> options() {
        return options;
    }

    /** Whether Jira's version decides between variants (or whether the action exists at all) on Data Center. */
    public boolean dependsOnServerVersion() {
        return variants.stream().anyMatch(ActionVariant::isServerVersionBounded);
    }

    public List<ActionVariant> variants() {
        return variants;
    }

    /** The variant that applies on a deployment, or null when the action does not exist there. */
    public ActionVariant variantFor(Deployment deployment, Integer serverMajor) {
        for (ActionVariant v : variants) {
            if (v.supports(deployment, serverMajor)) {
                return v;
            }
        }
        return null;
    }

    /** The deployments this action exists on, as the catalogue writes them. */
    public String deploymentsText() {
        return variants.stream().map(ActionVariant::deploymentsText).collect(Collectors.joining(" / "));
    }

    public static JiraSpokeAction find(String id) {
        return BY_ID.get(id);
    }

    /** All ids in catalogue order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** The id closest to a mistyped one (edit distance, case-insensitive). */
    public static String nearest(String id) {
        return Arrays.stream(values()).map(JiraSpokeAction::id)
                .min((a, b) -> Integer.compare(distance(a, id), distance(b, id))).orElse(null);
    }

    private static int distance(String a, String b) {
        String x = a.toLowerCase();
        String y = b.toLowerCase();
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }

    @Override
    public String toString() {
        return id;
    }
}
