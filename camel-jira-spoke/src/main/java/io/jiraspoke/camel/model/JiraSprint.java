package io.jiraspoke.camel.model;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Jira Software sprint as an issue's sprint field holds it: an object on Jira Cloud and in the agile API, or on
 * Data Center's {@code /rest/api/2} the text Jira Software writes for it
 * ({@code com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=7,rapidViewId=1,state=ACTIVE,name=..,..]}), which
 * is read key by key; {@link #getRaw()} keeps what Jira sent.
 */
public final class JiraSprint {

    private static final Pattern LEGACY = Pattern.compile("^[\\w.$]+@\\w*\\[(.*)]$", Pattern.DOTALL);
    /** A comma that starts the next {@code key=}: sprint names and goals may hold commas of their own. */
    private static final Pattern LEGACY_SEPARATOR = Pattern.compile(",(?=[A-Za-z]+=)");

    /** The issue field says boardId, the agile API originBoardId, Data Center's text form rapidViewId. */
    private static final String[] BOARD_FIELDS = { "boardId", "originBoardId", "rapidViewId" };

    private final JsonNode raw;
    private final JsonNode values;

    public JiraSprint(JsonNode raw) {
        this.raw = raw;
        this.values = raw != null && raw.isTextual() ? legacy(raw.asText()) : raw;
    }

    private static JsonNode legacy(String text) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Matcher m = LEGACY.matcher(text.strip());
        if (m.matches()) {
            for (String pair : LEGACY_SEPARATOR.split(m.group(1))) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (!"<null>".equals(value)) {
                        node.put(pair.substring(0, eq), value);
                    }
                }
            }
        }
        return node;
    }

    /** The sprint id (a number as text), which the sprint actions take; null when Jira did not send one. */
    public String getId() {
        return idText("id");
    }

    /** The sprint's name, e.g. {@code PROJ Sprint 12}. */
    public String getName() {
        return JiraIssue.text(values, "name");
    }

    /** {@code active}, {@code closed} or {@code future} (lower case on every deployment). */
    public String getState() {
        String s = JiraIssue.text(values, "state");
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /**
     * The id of the board the sprint was created on, as text: {@code originBoardId} in the agile API,
     * {@code boardId} in an issue's sprint field, {@code rapidViewId} in Data Center's text form; null on old
     * servers that do not say.
     */
    public String getBoardId() {
        for (String field : BOARD_FIELDS) {
            String id = idText(field);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** The agile API's {@code originBoardId} alone; null when Jira did not send it. */
    public String getOriginBoardId() {
        return idText("originBoardId");
    }

    /** The REST URL of the sprint; null in an issue's sprint field. */
    public String getSelf() {
        return JiraIssue.text(values, "self");
    }

    /** The sprint goal; empty when Jira sent an empty one, null when it sent none. */
    public String getGoal() {
        return JiraIssue.text(values, "goal");
    }

    /** When the sprint started (or is planned to); null for a sprint without dates. */
    public OffsetDateTime getStartDate() {
        return JiraTime.parse(JiraIssue.text(values, "startDate"));
    }

    /** When the sprint is planned to end. */
    public OffsetDateTime getEndDate() {
        return JiraTime.parse(JiraIssue.text(values, "endDate"));
    }

    /** When the sprint was completed; null unless it is closed. */
    public OffsetDateTime getCompleteDate() {
        return JiraTime.parse(JiraIssue.text(values, "completeDate"));
    }

    /** Jira's JSON as received: an object, or the text form of Data Center. */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    /** A whole-number id as text, whether Jira sent a number or a string; null when absent or not a number. */
    private String idText(String field) {
        JsonNode v = values == null ? null : values.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        String t = v.asText().strip();
        return !t.isEmpty() && t.length() < 19 && t.chars().allMatch(Character::isDigit) ? t : null;
    }

    @Override
    public String toString() {
        return "JiraSprint[" + getId() + ", " + getName() + ", " + getState() + "]";
    }
}
