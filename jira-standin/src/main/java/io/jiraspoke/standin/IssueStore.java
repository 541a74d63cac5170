package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The stand-in's issues and projects. Every method holds the store's lock, and issues are immutable,
 * so callers may read what they get back without further locking.
 */
final class IssueStore {

    private final Map<String, Issue.Project> projectsByKey = new HashMap<>();
    private final Map<String, Integer> lastNumberByProjectKey = new HashMap<>();
    private final Map<String, Issue> issuesById = new LinkedHashMap<>();
    private final Map<String, String> idsByKey = new HashMap<>();
    private int lastIssueId = 10000;
    private int lastProjectId = 9999;

    /** Projects come into being with their first issue, so a demo or test needs no setup call. */
    synchronized Issue create(IssueInput.NewIssue input, Instant at) {
        Issue.Project project = input.projectKey() != null ? projectWithKey(input.projectKey()) : projectWithId(input.projectId());
        // Jira never reuses an issue number, even after a delete.
        int number = lastNumberByProjectKey.merge(project.key(), 1, Integer::sum);
        Issue issue = new Issue(String.valueOf(++lastIssueId), project.key() + "-" + number, project, number,
                input.fields(), at, at);
        issuesById.put(issue.id(), issue);
        idsByKey.put(issue.key(), issue.id());
        return issue;
    }

    synchronized Optional<Issue> find(String idOrKey) {
        return Optional.ofNullable(issuesById.get(idOf(idOrKey)));
    }

    synchronized Optional<Issue> edit(String idOrKey, UnaryOperator<ObjectNode> change, Instant at) {
        return find(idOrKey).map(issue -> {
            Issue edited = issue.edited(change.apply(issue.fields()), at);
            issuesById.put(edited.id(), edited);
            return edited;
        });
    }

    synchronized boolean delete(String idOrKey) {
        Issue removed = issuesById.remove(idOf(idOrKey));
        if (removed != null) {
            idsByKey.remove(removed.key());
        }
        return removed != null;
    }

    synchronized List<Issue> all() {
        return List.copyOf(issuesById.values());
    }

    synchronized int size() {
        return issuesById.size();
    }

    private String idOf(String idOrKey) {
        return issuesById.containsKey(idOrKey) ? idOrKey : idsByKey.get(idOrKey.toUpperCase(Locale.ROOT));
    }

    private Issue.Project projectWithKey(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z][A-Z0-9_]+")) {
            throw JiraError.fields(Map.of("project", "Specify a valid project ID or key"));
        }
        return projectsByKey.computeIfAbsent(upper, k -> new Issue.Project(String.valueOf(++lastProjectId), k));
    }

    private Issue.Project projectWithId(String id) {
        return projectsByKey.values().stream()
                .filter(project -> project.id().equals(id))
                .findFirst()
                .orElseThrow(() -> JiraError.fields(Map.of("project", "Specify a valid project ID or key")));
    }
}
