package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Checks the body of a create or edit request the way Jira does and turns it into edits of an issue's
 * stored fields. Every problem is collected first so one 400 reports all of them, as Jira's does.
 */
final class IssueInput {

    /** What a create request asks for; the project is resolved by the store, which knows the projects. */
    record NewIssue(String projectKey, String projectId, ObjectNode fields) {}

    private static final Map<String, String> ISSUE_TYPES =
            Map.of("10000", "Epic", "10001", "Task", "10002", "Bug", "10003", "Story", "10004", "Subtask");
    private static final Map<String, String> PRIORITIES =
            Map.of("1", "Highest", "2", "High", "3", "Medium", "4", "Low", "5", "Lowest");

    private final int apiVersion;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<Consumer<ObjectNode>> edits = new ArrayList<>();

    private IssueInput(int apiVersion) {
        this.apiVersion = apiVersion;
    }

    static NewIssue forCreate(JsonNode body, int apiVersion) {
        IssueInput input = new IssueInput(apiVersion);
        JsonNode project = body.path("fields").path("project");
        String projectKey = project.path("key").textValue();
        String projectId = project.path("id").isValueNode() ? project.path("id").asText() : null;
        if (projectKey == null && projectId == null) {
            input.errors.put("project", "Specify a valid project ID or key");
        }
        input.read(body, true);

        ObjectNode fields = JiraJson.MAPPER.createObjectNode();
        fields.putNull("description");
        fields.putArray("labels");
        fields.set("priority", named("3", "Medium"));
        fields.putNull("assignee");
        input.edits.forEach(edit -> edit.accept(fields));
        if (!fields.path("summary").isTextual()) {
            input.errors.putIfAbsent("summary", "You must specify a summary of the issue.");
        }
        if (!fields.path("issuetype").isObject()) {
            input.errors.putIfAbsent("issuetype", "Specify an issue type");
        }
        input.failOnErrors();
        return new NewIssue(projectKey, projectId, fields);
    }

    static UnaryOperator<ObjectNode> forEdit(JsonNode body, int apiVersion) {
        IssueInput input = new IssueInput(apiVersion);
        input.read(body, false);
        input.failOnErrors();
        return current -> {
            ObjectNode edited = current.deepCopy();
            input.edits.forEach(edit -> edit.accept(edited));
            return edited;
        };
    }

    private void read(JsonNode body, boolean creating) {
        for (Map.Entry<String, JsonNode> field : body.path("fields").properties()) {
            if (!field.getKey().equals("project")) {
                set(field.getKey(), field.getValue());
            } else if (!creating) {
                errors.put("project", cannotBeSet("project"));
            }
        }
        for (Map.Entry<String, JsonNode> field : body.path("update").properties()) {
            if (!field.getValue().isArray()) {
                errors.put(field.getKey(), "Operation value must be an array of operations.");
            }
            for (JsonNode operation : field.getValue()) {
                for (Map.Entry<String, JsonNode> op : operation.properties()) {
                    update(field.getKey(), op.getKey(), op.getValue());
                }
            }
        }
    }

    private void set(String field, JsonNode value) {
        JsonNode checked = check(field, value);
        if (checked != null) {
            edits.add(fields -> fields.set(field, checked));
        }
    }

    private void update(String field, String operation, JsonNode value) {
        if (operation.equals("set")) {
            set(field, value);
        } else if (field.equals("labels") && (operation.equals("add") || operation.equals("remove")) && isLabel(value)) {
            edits.add(fields -> {
                ArrayNode labels = JiraJson.MAPPER.createArrayNode();
                fields.path("labels").forEach(label -> {
                    if (!label.equals(value)) {
                        labels.add(label);
                    }
                });
                if (operation.equals("add")) {
                    labels.add(value);
                }
                fields.set("labels", labels);
            });
        } else {
            // Honest refusal: silently ignoring an edit would let a client believe it worked.
            errors.put(field, "The Jira stand-in does not support the '" + operation + "' operation on field '" + field + "'.");
        }
    }

    /** Returns the value to store, or {@code null} after recording why it cannot be stored. */
    private JsonNode check(String field, JsonNode value) {
        switch (field) {
            case "summary":
                if (!value.isTextual() || value.asText().isBlank()) {
                    return reject(field, "You must specify a summary of the issue.");
                }
                return value.asText().length() > 255 ? reject(field, "Summary must be less than 255 characters.") : value;
            case "description":
                if (value.isNull()) {
                    return value;
                }
                if (apiVersion == 3) {
                    return Adf.isDocument(value) ? value : reject(field, "Operation value must be an Atlassian Document");
                }
                return value.isTextual() ? value : reject(field, "Operation value must be a string");
            case "issuetype":
                return lookup(ISSUE_TYPES, value, field, "Specify a valid issue type");
            case "priority":
                return lookup(PRIORITIES, value, field, "The priority selected is invalid.");
            case "labels":
                if (value.isArray()) {
                    boolean allLabels = true;
                    for (JsonNode label : value) {
                        allLabels &= isLabel(label);
                    }
                    if (allLabels) {
                        return value;
                    }
                }
                return reject(field, "Labels must be an array of strings without spaces.");
            case "assignee":
            case "duedate":
                return value;
            default:
                return field.matches("customfield_\\d+") ? value : reject(field, cannotBeSet(field));
        }
    }

    private JsonNode lookup(Map<String, String> namesById, JsonNode value, String field, String error) {
        String id = value.path("id").asText(null);
        String name = value.path("name").asText(null);
        for (Map.Entry<String, String> known : namesById.entrySet()) {
            if (known.getKey().equals(id) || known.getValue().equalsIgnoreCase(name)) {
                return named(known.getKey(), known.getValue());
            }
        }
        return reject(field, error);
    }

    private JsonNode reject(String field, String error) {
        errors.put(field, error);
        return null;
    }

    private void failOnErrors() {
        if (!errors.isEmpty()) {
            throw JiraError.fields(errors);
        }
    }

    private static boolean isLabel(JsonNode value) {
        return value.isTextual() && !value.asText().isEmpty() && value.asText().chars().noneMatch(Character::isWhitespace);
    }

    private static String cannotBeSet(String field) {
        return "Field '" + field + "' cannot be set. It is not on the appropriate screen, or unknown.";
    }

    private static ObjectNode named(String id, String name) {
        return JiraJson.MAPPER.createObjectNode().put("id", id).put("name", name);
    }
}
