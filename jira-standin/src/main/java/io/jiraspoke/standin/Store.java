package io.jiraspoke.standin;

import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.Attachment;
import io.jiraspoke.standin.Model.Comment;
import io.jiraspoke.standin.Model.CustomField;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Project;
import io.jiraspoke.standin.Model.Sprint;
import io.jiraspoke.standin.Model.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's state. Callers hold the store's monitor ({@code synchronized (store)}) for a whole request, so
 * that every request sees and leaves a consistent Jira; requests are short and in memory, so one lock is plenty.
 */
final class Store {

    final Flavour flavour;
    final Catalog catalog;
    private final Clock clock;
    final List<User> users = new ArrayList<>();
    final Map<String, Project> projects = new LinkedHashMap<>();
    final List<CustomField> customFields = new ArrayList<>();
    final Map<Integer, Sprint> sprints = new LinkedHashMap<>();
    final Map<Integer, Model.Board> boards = new LinkedHashMap<>();
    private final Map<String, Issue> issuesById = new LinkedHashMap<>();
    private final Map<String, String> idsByKey = new HashMap<>();
    private final Map<String, Integer> lastNumberByProject = new HashMap<>();
    private final Map<String, Attachment> attachments = new HashMap<>();
    final Map<String, Webhooks.Webhook> webhooks = new LinkedHashMap<>();
    private int lastWebhookId = 0;
    private int lastIssueId = 10000;
    private int lastProjectId = 9999;
    private int lastCommentId = 9999;
    private int lastAttachmentId = 9999;
    private int lastCustomFieldId = 10199;
    private Instant lastTick = Instant.EPOCH;
    // worklogs, links and change history (WorkApi, History)
    final History history = new History(this);
    final List<Model.DeletedWorklog> deletedWorklogs = new ArrayList<>();
    private int lastWorklogId = 9999;
    private int lastLinkId = 9999;
    private int lastHistoryId = 9999;
    /** Groups by lower-case name: Jira's group names are case-insensitive. */
    final Map<String, Model.Group> groups = new LinkedHashMap<>();
    final List<Model.AuditRecord> audit = new ArrayList<>();
    private long lastAuditId = 9999;
    /** The app webhooks of OAuth apps ({@link AppWebhookApi}) by id, and the sender, which records their failed deliveries. */
    final Map<String, Webhooks.AppWebhook> appWebhooks = new LinkedHashMap<>();
    private int lastAppWebhookId = 9999;
    Webhooks sender;
    /** OAuth 2.0 clients and tokens, and the media host: set by the emulator before the API is built, kept over a reset. */
    OAuth oauth;
    Media media;

    Store(Flavour flavour, Clock clock) {
        this.flavour = flavour;
        this.catalog = Catalog.of(flavour);
        this.clock = clock;
        users.addAll(catalog.users);
        customFields.addAll(catalog.customFields);
        addGroup("jira-administrators").members.add(me());
        addGroup("jira-software-users").members.addAll(users);
    }

    /**
     * Jira's clock, in the milliseconds Jira keeps, and never standing still or going back: two changes of one
     * issue in the same millisecond would share an {@code updated} value, which consumers that poll by time cannot
     * tell apart.
     */
    synchronized Instant now() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        lastTick = now.isAfter(lastTick) ? now : lastTick.plusMillis(1);
        return lastTick;
    }

    /** The instant JQL's relative dates count from: the clock as it is, not advanced. */
    Instant clockNow() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The user every request acts as (the emulator has one set of credentials). */
    User me() {
        return users.get(0);
    }

    Optional<User> user(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return users.stream().filter(u -> flavour == Flavour.CLOUD
                ? id.equals(u.accountId())
                : id.equals(u.name()) || id.equals(u.key())).findFirst();
    }

    User addUser(String id, String displayName, String email) {
        if (user(id).isPresent()) {
            throw new IllegalArgumentException("The Jira emulator already has a user " + id);
        }
        User user = flavour == Flavour.CLOUD
                ? new User(id, null, null, displayName, email, "UTC")
                : new User(null, id, "JIRAUSER" + (10200 + users.size()), displayName, email, "UTC");
        users.add(user);
        return user;
    }

    Optional<Project> project(String idOrKey) {
        if (idOrKey == null) {
            return Optional.empty();
        }
        Project byKey = projects.get(idOrKey.toUpperCase(Locale.ROOT));
        if (byKey != null) {
            return Optional.of(byKey);
        }
        return projects.values().stream().filter(p -> p.id.equals(idOrKey)).findFirst();
    }

    /** A project comes with a scrum board, as a software project made from Jira's scrum template does. */
    Project addProject(String key, String name, String typeKey, User lead) {
        String upper = key.toUpperCase(Locale.ROOT);
        Project project = new Project(String.valueOf(++lastProjectId), upper, name, typeKey, lead);
        projects.put(upper, project);
        int board = boards.size() + 1;
        boards.put(board, new Model.Board(board, upper + " board", "scrum", project));
        return project;
    }

    int nextSprintId() {
        return sprints.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    Issue newIssue(Project project, User creator, Instant at) {
        // Jira never reuses an issue number, even after a delete.
        int number = lastNumberByProject.merge(project.key, 1, Integer::sum);
        Issue issue = new Issue(String.valueOf(++lastIssueId), project.key + "-" + number, project, number, creator, at);
        issuesById.put(issue.id, issue);
        idsByKey.put(issue.key, issue.id);
        return issue;
    }

    Optional<Issue> issue(String idOrKey) {
        if (idOrKey == null) {
            return Optional.empty();
        }
        Issue byId = issuesById.get(idOrKey);
        Optional<Issue> found = byId != null ? Optional.of(byId)
                : Optional.ofNullable(issuesById.get(idsByKey.get(idOrKey.toUpperCase(Locale.ROOT))));
        // A request may change what it looks up: its history entry compares the issue before and after.
        found.ifPresent(history::watch);
        return found;
    }

    void delete(Issue issue) {
        issuesById.remove(issue.id);
        idsByKey.remove(issue.key);
        issue.attachments.forEach(a -> attachments.remove(a.id()));
        // Jira deletes an issue's links with it, and its worklogs, which worklog/deleted then lists.
        issue.links.forEach(l -> l.other(issue).links.remove(l));
        issue.worklogs.forEach(w -> deletedWorklogs.add(new Model.DeletedWorklog(w.id, now())));
    }

    List<Issue> issues() {
        return new ArrayList<>(issuesById.values());
    }

    int issueCount() {
        return issuesById.size();
    }

    String nextCommentId() {
        return String.valueOf(++lastCommentId);
    }

    Attachment addAttachment(Issue issue, String filename, String mimeType, byte[] content, Instant at) {
        Attachment a = new Attachment(String.valueOf(++lastAttachmentId), issue, filename, me(), at, mimeType, content);
        attachments.put(a.id(), a);
        issue.attachments.add(a);
        return a;
    }

    Optional<Attachment> attachment(String id) {
        return Optional.ofNullable(attachments.get(id));
    }

    void deleteAttachment(Attachment a) {
        attachments.remove(a.id());
        a.issue().attachments.remove(a);
    }

    Optional<Comment> comment(Issue issue, String id) {
        return issue.comments.stream().filter(c -> c.id.equals(id)).findFirst();
    }

    CustomField addCustomField(String name, Model.FieldKind kind, List<String> options) {
        CustomField field = new CustomField("customfield_" + (++lastCustomFieldId), name, kind, List.copyOf(options));
        customFields.add(field);
        return field;
    }

    Optional<CustomField> customField(String id) {
        return customFields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    String nextWebhookId() {
        return String.valueOf(++lastWebhookId);
    }

    String nextAppWebhookId() {
        return String.valueOf(++lastAppWebhookId);
    }

    /** The sprint field of the flavour (Cloud customfield_10020, Data Center customfield_10104). */
    CustomField sprintField() {
        return customFields.stream().filter(f -> f.kind() == Model.FieldKind.SPRINT).findFirst().orElseThrow();
    }

    String nextWorklogId() {
        return String.valueOf(++lastWorklogId);
    }

    String nextLinkId() {
        return String.valueOf(++lastLinkId);
    }

    String nextHistoryId() {
        return String.valueOf(++lastHistoryId);
    }

    /** A new group; Cloud gives it an id, Data Center knows it by name only. */
    Model.Group addGroup(String name) {
        Model.Group group = new Model.Group(flavour == Flavour.CLOUD ? java.util.UUID.randomUUID().toString() : null, name);
        groups.put(name.toLowerCase(Locale.ROOT), group);
        return group;
    }

    Optional<Model.Group> groupById(String id) {
        return groups.values().stream().filter(g -> g.id != null && g.id.equals(id)).findFirst();
    }

    Optional<Model.Group> groupByName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(groups.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The user leaves Jira and every group; issues keep what they say of the user, as Jira's do. */
    void removeUser(User user) {
        users.remove(user);
        groups.values().forEach(g -> g.members.remove(user));
    }

    Model.AuditRecord audit(String summary, String category, Model.AuditItem object, List<Model.AuditItem> associated,
                            List<Model.AuditChange> changes) {
        Model.AuditRecord record = new Model.AuditRecord(++lastAuditId, now(), summary, category, me(), object,
                List.copyOf(associated), List.copyOf(changes));
        audit.add(record);
        return record;
    }
}
