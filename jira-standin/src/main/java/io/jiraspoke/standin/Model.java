package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The emulator's entities. The mutable ones are only touched while holding the {@link Store}'s lock, and are
 * rendered to JSON under it, so no reader ever sees half an edit.
 */
final class Model {

    private Model() {}

    /** A Jira user: Cloud knows it by {@code accountId}, Data Center by {@code name} (and an internal {@code key}). */
    record User(String accountId, String name, String key, String displayName, String email, String timeZone) {

        /** The id the flavour's API speaks: account id on Cloud, user name on Data Center. */
        String id(JiraEmulator.Flavour flavour) {
            return flavour == JiraEmulator.Flavour.CLOUD ? accountId : name;
        }
    }

    static final class Project {
        final String id;
        final String key;
        String name;
        String typeKey;
        String description;
        User lead;

        Project(String id, String key, String name, String typeKey, User lead) {
            this.id = id;
            this.key = key;
            this.name = name;
            this.typeKey = typeKey;
            this.lead = lead;
        }
    }

    record IssueType(String id, String name, String description, boolean subtask, int hierarchyLevel, int avatarId) {}

    record StatusCategory(int id, String key, String name, String colorName) {}

    record Status(String id, String name, String description, StatusCategory category, String iconUrl) {}

    /** {@code rank} 1 is the most important, as JQL's {@code priority > X} reads it. */
    record Priority(String id, String name, String description, String color, String icon, int rank, boolean isDefault) {}

    record Resolution(String id, String name, String description) {}

    /** A workflow transition; {@code from} empty means a global transition, available from every other status. */
    record Transition(String id, String name, Status to, List<String> from, boolean screen) {

        boolean availableFrom(Status current) {
            return from.isEmpty() ? !current.id().equals(to.id()) : from.contains(current.id());
        }
    }

    /** The kinds of custom field the emulator checks and stores. */
    enum FieldKind { NUMBER, TEXT, OPTION, DATE, DATETIME, USER, LABELS, SPRINT }

    /** A custom field; system fields are fixed per flavour in {@link Catalog}. */
    record CustomField(String id, String name, FieldKind kind, List<String> options) {

        int numericId() {
            return Integer.parseInt(id.substring("customfield_".length()));
        }
    }

    /** A board of a project; sprints belong to their origin board. */
    record Board(int id, String name, String type, Project project) {}

    static final class Sprint {
        final int id;
        String name;
        String state;
        final int boardId;
        String goal = "";
        Instant start;
        Instant end;
        Instant completed;
        Instant created;

        Sprint(int id, String name, String state, int boardId) {
            this.id = id;
            this.name = name;
            this.state = state;
            this.boardId = boardId;
        }
    }

    static final class Issue {
        final String id;
        final String key;
        final Project project;
        final int number;
        IssueType type;
        Status status;
        Priority priority;
        Resolution resolution;
        User assignee;
        User reporter;
        final User creator;
        String summary;
        /** ADF on Cloud, wiki text on Data Center; {@code null} when there is none. */
        JsonNode description;
        JsonNode environment;
        List<String> labels = new ArrayList<>();
        String dueDate;
        /** Custom field values by field id, as the flavour renders them. */
        ObjectNode custom = JiraJson.MAPPER.createObjectNode();
        final Instant created;
        Instant updated;
        Instant statusCategoryChanged;
        Instant resolved;
        final List<Comment> comments = new ArrayList<>();
        final List<Attachment> attachments = new ArrayList<>();
        final Set<User> watchers = new LinkedHashSet<>();
        final List<Worklog> worklogs = new ArrayList<>();
        /** The links on either side of the issue, oldest first; each link is held by both of its issues. */
        final List<Link> links = new ArrayList<>();
        /** The change history, oldest first, as {@link History} records it. */
        final List<HistoryEntry> history = new ArrayList<>();
        /** Time tracking in seconds; null when not estimated. */
        Long originalEstimate;
        Long remainingEstimate;

        Issue(String id, String key, Project project, int number, User creator, Instant created) {
            this.id = id;
            this.key = key;
            this.project = project;
            this.number = number;
            this.creator = creator;
            this.created = created;
            this.updated = created;
            this.statusCategoryChanged = created;
        }
    }

    static final class Comment {
        final String id;
        final Issue issue;
        final User author;
        User updateAuthor;
        /** ADF on Cloud, wiki text on Data Center. */
        JsonNode body;
        ObjectNode visibility;
        final Instant created;
        Instant updated;

        Comment(String id, Issue issue, User author, JsonNode body, Instant created) {
            this.id = id;
            this.issue = issue;
            this.author = author;
            this.updateAuthor = author;
            this.body = body;
            this.created = created;
            this.updated = created;
        }
    }

    record Attachment(String id, Issue issue, String filename, User author, Instant created, String mimeType, byte[] content) {}

    /** Time logged on an issue; {@code started} is when the work began, which the client says. */
    static final class Worklog {
        final String id;
        final Issue issue;
        final User author;
        User updateAuthor;
        /** ADF on Cloud, wiki text on Data Center; {@code null} when there is none. */
        JsonNode comment;
        ObjectNode visibility;
        Instant started;
        long timeSpentSeconds;
        final Instant created;
        Instant updated;

        Worklog(String id, Issue issue, User author, Instant created) {
            this.id = id;
            this.issue = issue;
            this.author = author;
            this.updateAuthor = author;
            this.created = created;
            this.updated = created;
        }
    }

    /** A worklog deletion, which {@code worklog/deleted} lists. */
    record DeletedWorklog(String id, Instant at) {}

    /** A kind of link: the outward text reads from the link's source, the inward one from its destination. */
    record LinkType(String id, String name, String inward, String outward) {}

    /** A link: {@code source} [outward] {@code destination}, e.g. "source blocks destination". */
    record Link(String id, LinkType type, Issue source, Issue destination) {

        Issue other(Issue issue) {
            return issue == source ? destination : source;
        }
    }

    /** One change of a field in a history entry; {@code fieldId} is Cloud's, and null for links. */
    record HistoryItem(String field, String fieldtype, String fieldId, String from, String fromText, String to, String toText) {}

    /** One entry of an issue's change history: what one request changed. */
    record HistoryEntry(String id, User author, Instant created, List<HistoryItem> items) {}

    /** A group: Cloud knows it by {@code groupId} and name, Data Center by name only ({@code id} null). */
    static final class Group {
        final String id;
        final String name;
        /** Members in the order they joined. */
        final Set<User> members = new LinkedHashSet<>();

        Group(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** Something an audit record names: a user, a group, a project. */
    record AuditItem(String id, String name, String typeName) {}

    /** One value an audited change changed. */
    record AuditChange(String field, String from, String to) {}

    /** One entry of the audit log, as both audit APIs render it. */
    record AuditRecord(long id, Instant created, String summary, String category, User author, AuditItem object,
                       List<AuditItem> associated, List<AuditChange> changes) {}
}
