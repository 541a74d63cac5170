package io.jiraspoke.standin;

import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.CustomField;
import io.jiraspoke.standin.Model.FieldKind;
import io.jiraspoke.standin.Model.IssueType;
import io.jiraspoke.standin.Model.Priority;
import io.jiraspoke.standin.Model.Resolution;
import io.jiraspoke.standin.Model.Status;
import io.jiraspoke.standin.Model.StatusCategory;
import io.jiraspoke.standin.Model.Transition;
import io.jiraspoke.standin.Model.User;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a fresh site of each flavour comes with: Cloud's defaults of a company-managed software project (To Do,
 * In Progress, Done with global transitions; Highest..Lowest) and Data Center's classic ones (Jira's default
 * workflow Open, In Progress, Resolved, Reopened, Closed; Blocker..Trivial), with the ids those sites use.
 */
final class Catalog {

    static final StatusCategory NEW = new StatusCategory(2, "new", "To Do", "blue-gray");
    static final StatusCategory IN_PROGRESS = new StatusCategory(4, "indeterminate", "In Progress", "yellow");
    static final StatusCategory DONE = new StatusCategory(3, "done", "Done", "green");
    // Data Center names the same categories' colours differently.
    private static final StatusCategory DC_NEW = new StatusCategory(2, "new", "To Do", "default");
    private static final StatusCategory DC_IN_PROGRESS = new StatusCategory(4, "indeterminate", "In Progress", "inprogress");
    private static final StatusCategory DC_DONE = new StatusCategory(3, "done", "Done", "success");

    final Flavour flavour;
    final List<IssueType> issueTypes;
    final List<Status> statuses;
    final List<StatusCategory> statusCategories;
    final List<Transition> transitions;
    final List<Priority> priorities;
    final List<Resolution> resolutions;
    /** The custom fields every site of the flavour has; tests add their own. */
    final List<CustomField> customFields;
    final List<User> users;

    private Catalog(Flavour flavour, List<IssueType> issueTypes, List<Status> statuses, List<StatusCategory> categories,
                    List<Transition> transitions, List<Priority> priorities, List<Resolution> resolutions,
                    List<CustomField> customFields, List<User> users) {
        this.flavour = flavour;
        this.issueTypes = issueTypes;
        this.statuses = statuses;
        this.statusCategories = categories;
        this.transitions = transitions;
        this.priorities = priorities;
        this.resolutions = resolutions;
        this.customFields = customFields;
        this.users = users;
    }

    static Catalog of(Flavour flavour) {
        return flavour == Flavour.CLOUD ? cloud() : dataCenter();
    }

    private static Catalog cloud() {
        Status toDo = new Status("10000", "To Do", "", NEW, "/");
        Status inProgress = new Status("3", "In Progress", "This issue is being actively worked on at the moment by the assignee.",
                IN_PROGRESS, "/images/icons/statuses/inprogress.png");
        Status done = new Status("10001", "Done", "", DONE, "/");
        return new Catalog(Flavour.CLOUD,
                List.of(new IssueType("10000", "Epic", "A big user story that needs to be broken down.", false, 1, 10307),
                        new IssueType("10001", "Task", "A small, distinct piece of work.", false, 0, 10318),
                        new IssueType("10002", "Bug", "A problem or error.", false, 0, 10303),
                        new IssueType("10003", "Story", "A user story.", false, 0, 10315),
                        new IssueType("10004", "Subtask", "A small piece of work that's part of a larger task.", true, -1, 10316)),
                List.of(toDo, inProgress, done),
                List.of(NEW, IN_PROGRESS, DONE),
                List.of(new Transition("11", "To Do", toDo, List.of(), false),
                        new Transition("21", "In Progress", inProgress, List.of(), false),
                        new Transition("31", "Done", done, List.of(), true)),
                List.of(new Priority("1", "Highest", "This problem will block progress.", "#d04437", "highest", 1, false),
                        new Priority("2", "High", "Serious problem that could block progress.", "#f15C75", "high", 2, false),
                        new Priority("3", "Medium", "Has the potential to affect progress.", "#f79232", "medium", 3, true),
                        new Priority("4", "Low", "Minor problem or easily worked around.", "#707070", "low", 4, false),
                        new Priority("5", "Lowest", "Trivial problem with little or no impact on progress.", "#999999", "lowest", 5, false)),
                List.of(new Resolution("10000", "Done", "Work has been completed on this issue."),
                        new Resolution("10001", "Won't Do", "This issue won't be actioned."),
                        new Resolution("10002", "Duplicate", "The problem is a duplicate of an existing issue."),
                        new Resolution("10003", "Cannot Reproduce", "All attempts at reproducing this issue failed.")),
                List.of(new CustomField("customfield_10016", "Story point estimate", FieldKind.NUMBER, List.of()),
                        new CustomField("customfield_10020", "Sprint", FieldKind.SPRINT, List.of()),
                        new CustomField("customfield_10028", "Story Points", FieldKind.NUMBER, List.of()),
                        new CustomField("customfield_10101", "Severity", FieldKind.OPTION, List.of("Critical", "Major", "Minor"))),
                List.of(new User("5b10ac8d82e05b22cc7d4ef5", null, null, "Demo User", "demo@example.com", "UTC"),
                        new User("712020:3f1c7a0e-5d2b-4c8a-9e61-0b7d2f4a9c55", null, null, "Ada Lovelace", "ada@example.com", "Europe/London"),
                        new User("712020:9a8b7c6d-1e2f-4a3b-8c9d-0e1f2a3b4c5d", null, null, "Grace Hopper", "grace@example.com", "America/New_York")));
    }

    private static Catalog dataCenter() {
        Status open = new Status("1", "Open", "The issue is open and ready for the assignee to start work on it.",
                DC_NEW, "/images/icons/statuses/open.png");
        Status inProgress = new Status("3", "In Progress", "This issue is being actively worked on at the moment by the assignee.",
                DC_IN_PROGRESS, "/images/icons/statuses/inprogress.png");
        Status reopened = new Status("4", "Reopened", "This issue was once resolved, but the resolution was deemed incorrect.",
                DC_NEW, "/images/icons/statuses/reopened.png");
        Status resolved = new Status("5", "Resolved", "A resolution has been taken, and it is awaiting verification by reporter.",
                DC_DONE, "/images/icons/statuses/resolved.png");
        Status closed = new Status("6", "Closed", "The issue is considered finished, the resolution is correct.",
                DC_DONE, "/images/icons/statuses/closed.png");
        // Jira's default workflow ("classic"), with its transition ids.
        List<String> working = List.of(open.id(), inProgress.id(), reopened.id());
        return new Catalog(Flavour.DATA_CENTER,
                List.of(new IssueType("1", "Bug", "A problem which impairs or prevents the functions of the product.", false, 0, 10303),
                        new IssueType("3", "Task", "A task that needs to be done.", false, 0, 10318),
                        new IssueType("5", "Sub-task", "The sub-task of the issue", true, -1, 10316),
                        new IssueType("10000", "Epic", "Created by Jira Software - do not edit or delete. Issue type for a big user story that needs to be broken down.", false, 1, 10307),
                        new IssueType("10001", "Story", "Created by Jira Software - do not edit or delete. Issue type for a user story.", false, 0, 10315)),
                List.of(open, inProgress, reopened, resolved, closed),
                List.of(DC_NEW, DC_IN_PROGRESS, DC_DONE),
                List.of(new Transition("4", "Start Progress", inProgress, List.of(open.id(), reopened.id()), false),
                        new Transition("301", "Stop Progress", open, List.of(inProgress.id()), false),
                        new Transition("5", "Resolve Issue", resolved, working, true),
                        new Transition("2", "Close Issue", closed, working, true),
                        new Transition("701", "Close Issue", closed, List.of(resolved.id()), false),
                        new Transition("3", "Reopen Issue", reopened, List.of(resolved.id(), closed.id()), false)),
                List.of(new Priority("1", "Blocker", "Blocks development and/or testing work, production could not run.", "#d04437", "blocker", 1, false),
                        new Priority("2", "Critical", "Crashes, loss of data, severe memory leak.", "#f15C75", "critical", 2, false),
                        new Priority("3", "Major", "Major loss of function.", "#f79232", "major", 3, true),
                        new Priority("4", "Minor", "Minor loss of function, or other problem where easy workaround is present.", "#707070", "minor", 4, false),
                        new Priority("5", "Trivial", "Cosmetic problem like misspelt words or misaligned text.", "#999999", "trivial", 5, false)),
                List.of(new Resolution("1", "Fixed", "A fix for this issue is checked into the tree and tested."),
                        new Resolution("2", "Won't Fix", "The problem described is an issue which will never be fixed."),
                        new Resolution("3", "Duplicate", "The problem is a duplicate of an existing issue."),
                        new Resolution("4", "Incomplete", "The problem is not completely described."),
                        new Resolution("5", "Cannot Reproduce", "All attempts at reproducing this issue failed, or not enough information was available to reproduce the issue.")),
                List.of(new CustomField("customfield_10104", "Sprint", FieldKind.SPRINT, List.of()),
                        new CustomField("customfield_10106", "Story Points", FieldKind.NUMBER, List.of()),
                        new CustomField("customfield_11201", "Severity", FieldKind.OPTION, List.of("Critical", "Major", "Minor"))),
                List.of(new User(null, "demo", "JIRAUSER10000", "Demo User", "demo@example.com", "UTC"),
                        new User(null, "alovelace", "JIRAUSER10100", "Ada Lovelace", "ada@example.com", "Europe/London"),
                        new User(null, "ghopper", "JIRAUSER10101", "Grace Hopper", "grace@example.com", "America/New_York")));
    }

    IssueType defaultIssueType() {
        return issueTypes.stream().filter(t -> t.name().equals("Task")).findFirst().orElseThrow();
    }

    Status initialStatus() {
        return statuses.get(0);
    }

    Priority defaultPriority() {
        return priorities.stream().filter(Priority::isDefault).findFirst().orElseThrow();
    }

    /**
     * The resolution a transition into a done status sets when the request names none, as the post function of
     * Jira's default workflows does: Done on Cloud, Fixed on Data Center.
     */
    Resolution defaultResolution() {
        return resolutions.get(0);
    }

    Optional<IssueType> issueType(String idOrName) {
        return issueTypes.stream().filter(t -> t.id().equals(idOrName) || t.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    Optional<Status> status(String idOrName) {
        return statuses.stream().filter(s -> s.id().equals(idOrName) || s.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    Optional<Priority> priority(String idOrName) {
        return priorities.stream().filter(p -> p.id().equals(idOrName) || p.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    Optional<Resolution> resolution(String idOrName) {
        return resolutions.stream().filter(r -> r.id().equals(idOrName) || r.name().equalsIgnoreCase(idOrName)).findFirst();
    }

    Optional<StatusCategory> statusCategory(String idKeyOrName) {
        String v = idKeyOrName.toLowerCase(Locale.ROOT);
        return statusCategories.stream()
                .filter(c -> String.valueOf(c.id()).equals(v) || c.key().equals(v) || c.name().toLowerCase(Locale.ROOT).equals(v))
                .findFirst();
    }

    Optional<Transition> transition(String id) {
        return transitions.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
