package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.Comment;
import io.jiraspoke.standin.Model.CustomField;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.IssueType;
import io.jiraspoke.standin.Model.Project;
import io.jiraspoke.standin.Model.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Checks the body of a create, edit or transition request the way Jira does and turns it into edits of an issue.
 * Every problem is collected first, so that one 400 reports all of them as Jira's does, and nothing changes unless
 * everything is valid.
 */
final class IssueInput {

    /** A checked change, applied with the instant of the request. */
    interface Edit extends BiConsumer<Issue, Instant> {}

    /** What a valid create request makes. */
    record Creation(Project project, IssueType type, Edit edits) {}

    private static final DateTimeFormatter JIRA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Store store;
    private final int api;
    private final boolean resolutionOnScreen;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<Edit> edits = new ArrayList<>();

    private IssueInput(Store store, int api, boolean resolutionOnScreen) {
        this.store = store;
        this.api = api;
        this.resolutionOnScreen = resolutionOnScreen;
    }

    static Creation forCreate(Store store, JsonNode body, int api) {
        IssueInput input = new IssueInput(store, api, false);
        if (body.has("transition")) {
            throw JiraError.badRequest("The Jira emulator does not support a transition in the create request; transition the issue after creating it.");
        }
        JsonNode fields = body.path("fields");
        JsonNode projectRef = fields.path("project");
        Project project = null;
        String projectId = projectRef.path("id").isValueNode() ? projectRef.path("id").asText() : projectRef.path("key").asText(null);
        if (projectId == null) {
            input.errors.put("project", "Specify a valid project ID or key");
        } else {
            project = store.project(projectId).orElse(null);
            if (project == null) {
                input.errors.put("project", "valid project is required");
            }
        }
        IssueType type = null;
        if (!fields.has("issuetype")) {
            input.errors.put("issuetype", "Specify an issue type");
        } else {
            type = input.issueType(fields.get("issuetype"));
        }
        if (!fields.path("summary").isTextual() && !body.path("update").has("summary")) {
            input.errors.put("summary", "You must specify a summary of the issue.");
        }
        input.read(body, true);
        input.failOnErrors();
        return new Creation(project, type, input.combined());
    }

    static Edit forEdit(Store store, JsonNode body, int api) {
        IssueInput input = new IssueInput(store, api, false);
        input.read(body, false);
        input.failOnErrors();
        return input.combined();
    }

    /** The fields and updates of a transition; a transition with a screen may set the resolution. */
    static Edit forTransition(Store store, JsonNode body, int api, boolean screen) {
        IssueInput input = new IssueInput(store, api, screen);
        input.read(body, false);
        input.failOnErrors();
        return input.combined();
    }

    private Edit combined() {
        List<Edit> all = List.copyOf(edits);
        return (issue, at) -> all.forEach(edit -> edit.accept(issue, at));
    }

    private void read(JsonNode body, boolean creating) {
        if (!body.path("fields").isMissingNode() && !body.path("fields").isObject()) {
            throw JiraError.badRequest("Can not deserialize instance of fields out of " + body.path("fields").getNodeType() + " token");
        }
        for (Map.Entry<String, JsonNode> field : body.path("fields").properties()) {
            String id = field.getKey();
            if (creating && (id.equals("project") || id.equals("issuetype"))) {
                continue; // read by forCreate
            }
            if (id.equals("project")) {
                errors.put(id, cannotBeSet(id));
            } else {
                set(id, field.getValue());
            }
        }
        for (Map.Entry<String, JsonNode> field : body.path("update").properties()) {
            if (!field.getValue().isArray()) {
                errors.put(field.getKey(), "Operation value must be an array of operations.");
                continue;
            }
            for (JsonNode operation : field.getValue()) {
                for (Map.Entry<String, JsonNode> op : operation.properties()) {
                    update(field.getKey(), op.getKey(), op.getValue());
                }
            }
        }
    }

    private void update(String field, String operation, JsonNode value) {
        if (operation.equals("set")) {
            set(field, value);
        } else if (field.equals("labels") && (operation.equals("add") || operation.equals("remove"))) {
            if (!isLabel(value)) {
                errors.put(field, "The label '" + value.asText() + "' contains spaces which is invalid.");
                return;
            }
            String label = value.asText();
            edits.add((issue, at) -> {
                issue.labels.remove(label);
                if (operation.equals("add")) {
                    issue.labels.add(label);
                }
            });
        } else if (field.equals("comment") && operation.equals("add")) {
            JsonNode body = richText("comment", value.path("body"));
            if (body != null && !body.isNull()) {
                edits.add((issue, at) -> issue.comments.add(
                        new Comment(store.nextCommentId(), issue, store.me(), body, at)));
            } else if (body != null) {
                errors.put("comment", "Comment body can not be empty!");
            }
        } else {
            // An honest refusal: silently ignoring an edit would let a client believe it worked.
            errors.put(field, "The Jira emulator does not support the '" + operation + "' operation on field '" + field + "'.");
        }
    }

    private void set(String field, JsonNode value) {
        switch (field) {
            case "summary" -> {
                if (!value.isTextual() || value.asText().isBlank()) {
                    errors.put(field, "You must specify a summary of the issue.");
                } else if (value.asText().length() > 255) {
                    errors.put(field, "Summary must be less than 255 characters.");
                } else {
                    String summary = value.asText();
                    edits.add((issue, at) -> issue.summary = summary);
                }
            }
            case "description", "environment" -> {
                JsonNode text = richText(field, value);
                if (text != null) {
                    edits.add((issue, at) -> {
                        if (field.equals("description")) {
                            issue.description = text.isNull() ? null : text;
                        } else {
                            issue.environment = text.isNull() ? null : text;
                        }
                    });
                }
            }
            case "issuetype" -> {
                IssueType type = issueType(value);
                if (type != null) {
                    edits.add((issue, at) -> issue.type = type);
                }
            }
            case "priority" -> {
                String ref = value.path("id").asText(value.path("name").asText(null));
                store.catalog.priority(ref == null ? "" : ref).ifPresentOrElse(
                        p -> edits.add((issue, at) -> issue.priority = p),
                        () -> errors.put(field, "The priority selected is invalid."));
            }
            case "labels" -> {
                if (!value.isArray()) {
                    errors.put(field, "data was not an array");
                    return;
                }
                List<String> labels = new ArrayList<>();
                for (JsonNode label : value) {
                    if (!isLabel(label)) {
                        errors.put(field, "The label '" + label.asText() + "' contains spaces which is invalid.");
                        return;
                    }
                    if (!labels.contains(label.asText())) {
                        labels.add(label.asText());
                    }
                }
                edits.add((issue, at) -> issue.labels = new ArrayList<>(labels));
            }
            case "assignee", "reporter" -> {
                if (value.isNull()) {
                    edits.add((issue, at) -> assign(issue, field, null));
                } else {
                    User user = user(field, value);
                    if (user != null) {
                        edits.add((issue, at) -> assign(issue, field, user));
                    }
                }
            }
            case "duedate" -> {
                if (value.isNull()) {
                    edits.add((issue, at) -> issue.dueDate = null);
                } else if (isDate(value)) {
                    String date = value.asText();
                    edits.add((issue, at) -> issue.dueDate = date);
                } else {
                    errors.put(field, "Error parsing date string: " + value.asText());
                }
            }
            case "resolution" -> {
                if (!resolutionOnScreen) {
                    errors.put(field, cannotBeSet(field));
                    return;
                }
                String ref = value.path("id").asText(value.path("name").asText(""));
                store.catalog.resolution(ref).ifPresentOrElse(
                        r -> edits.add((issue, at) -> issue.resolution = r),
                        () -> errors.put(field, "Could not find valid 'id' or 'name' in resolution object."));
            }
            case "timetracking" -> {
                Long original = estimate(field, value, "originalEstimate");
                Long remaining = estimate(field, value, "remainingEstimate");
                if (!errors.containsKey(field)) {
                    edits.add((issue, at) -> {
                        if (value.has("originalEstimate")) {
                            issue.originalEstimate = original;
                        }
                        if (value.has("remainingEstimate")) {
                            issue.remainingEstimate = remaining;
                        } else if (issue.remainingEstimate == null) {
                            // Jira starts the remaining estimate at the original one
                            issue.remainingEstimate = original;
                        }
                    });
                }
            }
            default -> {
                CustomField custom = store.customField(field).orElse(null);
                if (custom == null) {
                    errors.put(field, cannotBeSet(field));
                } else {
                    setCustom(custom, value);
                }
            }
        }
    }

    /** A Jira duration of the timetracking field ({@code "2d 4h"}), null when absent or cleared. */
    private Long estimate(String field, JsonNode value, String name) {
        JsonNode estimate = value.path(name);
        if (!value.isObject()) {
            errors.put(field, "The timetracking field takes an object: {\"originalEstimate\": \"2d\", \"remainingEstimate\": \"1d\"}.");
            return null;
        }
        if (estimate.isMissingNode() || estimate.isNull()) {
            return null;
        }
        Long seconds = estimate.isTextual() ? WorkJson.parseDuration(estimate.asText()) : null;
        if (seconds == null) {
            errors.put(field, "Invalid time duration entered for " + name + ": " + estimate.asText());
        }
        return seconds;
    }

    private static void assign(Issue issue, String field, User user) {
        if (field.equals("assignee")) {
            issue.assignee = user;
        } else {
            issue.reporter = user;
        }
    }

    private void setCustom(CustomField field, JsonNode value) {
        String id = field.id();
        if (value.isNull()) {
            edits.add((issue, at) -> issue.custom.remove(id));
            return;
        }
        JsonNode stored = switch (field.kind()) {
            case NUMBER -> value.isNumber() ? value : reject(id, "Operation value must be a number");
            case TEXT -> value.isTextual() ? value : reject(id, "Operation value must be a string");
            case OPTION -> {
                String byValue = value.path("value").asText(null);
                String byId = value.path("id").asText(null);
                String chosen = field.options().stream()
                        .filter(o -> o.equals(byValue) || JiraJson.optionId(field, o).equals(byId))
                        .findFirst().orElse(null);
                yield chosen != null ? JiraJson.NODES.textNode(chosen)
                        : reject(id, byId != null ? "Option id '" + byId + "' is not valid" : "Option value '" + byValue + "' is not valid");
            }
            case DATE -> isDate(value) ? value : reject(id, "Error parsing date string: " + value.asText());
            case DATETIME -> isDateTime(value) ? value : reject(id, "Error parsing date string: " + value.asText());
            case USER -> {
                User user = user(id, value);
                yield user == null ? null : JiraJson.NODES.textNode(user.id(store.flavour));
            }
            case LABELS -> {
                boolean valid = value.isArray();
                for (JsonNode label : value) {
                    valid &= isLabel(label);
                }
                yield valid ? value : reject(id, "Labels must be an array of strings without spaces.");
            }
            case SPRINT -> sprint(id, value);
        };
        if (stored != null) {
            edits.add((issue, at) -> issue.custom.set(id, stored));
        }
    }

    /** Jira takes one sprint id (a number) for the sprint field; it stores the issue's sprints as a list. */
    private JsonNode sprint(String id, JsonNode value) {
        if (!value.canConvertToInt() || !value.isNumber()) {
            return reject(id, "Number value expected as the Sprint id.");
        }
        if (!store.sprints.containsKey(value.asInt())) {
            return reject(id, "Sprint with id " + value.asInt() + " does not exist.");
        }
        ArrayNode ids = JiraJson.MAPPER.createArrayNode().add(value.asInt());
        return ids;
    }

    private JsonNode reject(String field, String message) {
        errors.put(field, message);
        return null;
    }

    private IssueType issueType(JsonNode value) {
        String ref = value.path("id").isValueNode() ? value.path("id").asText() : value.path("name").asText(null);
        IssueType type = ref == null ? null : store.catalog.issueType(ref).orElse(null);
        if (type == null) {
            errors.put("issuetype", "Specify a valid issue type");
        } else if (type.subtask()) {
            errors.put("issuetype", "The Jira emulator does not support sub-tasks (they need a parent issue).");
            return null;
        }
        return type;
    }

    /** A user by the flavour's reference: {@code {"accountId": ..}} on Cloud, {@code {"name": ..}} on Data Center. */
    private User user(String field, JsonNode value) {
        String ref = store.flavour == Flavour.CLOUD ? value.path("accountId").asText(null) : value.path("name").asText(null);
        if (ref == null) {
            errors.put(field, store.flavour == Flavour.CLOUD
                    ? "Specify the user by accountId: {\"accountId\": \"...\"}"
                    : "Specify the user by name: {\"name\": \"...\"}");
            return null;
        }
        User user = store.user(ref).orElse(null);
        if (user == null) {
            errors.put(field, "User '" + ref + "' does not exist.");
        }
        return user;
    }

    /**
     * Rich text as the request's API takes it: an ADF document on Cloud's v3, a string on v2 (which Cloud keeps as
     * ADF) and on Data Center. Returns null after recording an error, a JSON null to clear the field.
     */
    private JsonNode richText(String field, JsonNode value) {
        if (value.isNull()) {
            return value;
        }
        if (store.flavour == Flavour.CLOUD && api == 3) {
            return Adf.isDocument(value) ? value
                    : reject(field, "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
        }
        if (!value.isTextual()) {
            return reject(field, "Operation value must be a string");
        }
        return store.flavour == Flavour.CLOUD ? Adf.fromText(value.asText()) : value;
    }

    private static boolean isDate(JsonNode value) {
        try {
            LocalDate.parse(value.asText());
            return value.isTextual();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.asText(), JIRA_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(value.asText());
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
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
}
