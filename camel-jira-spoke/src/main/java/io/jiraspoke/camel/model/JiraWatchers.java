package io.jiraspoke.camel.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The watchers of an issue, as issue/watchers returns them. Jira lists only the watchers the connection's user may
 * see (Data Center needs the "View Voters and Watchers" permission for any), so {@link #getWatchCount()} can be
 * larger than {@link #getWatchers()}.
 */
public final class JiraWatchers {

    private final JsonNode raw;

    public JiraWatchers(JsonNode raw) {
        this.raw = raw;
    }

    /** Whether the connection's own user watches the issue. */
    public boolean getIsWatching() {
        JsonNode v = raw.get("isWatching");
        return v != null && (v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText().trim()));
    }

    /**
     * How many users watch the issue, as Jira counts them (hidden watchers included); the number of listed watchers
     * when Jira sends no count.
     */
    public int getWatchCount() {
        JsonNode v = raw.get("watchCount");
        if (v != null && v.canConvertToInt() && v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v != null && v.isTextual()) {
            try {
                return Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException notANumber) {
                // fall through to the list: a count Jira cannot spell is no count
            }
        }
        return getWatchers().size();
    }

    /** The watchers the connection's user may see: account ids on Cloud, user names on Data Center. */
    public List<JiraUser> getWatchers() {
        List<JiraUser> out = new ArrayList<>();
        JsonNode watchers = raw.get("watchers");
        if (watchers != null && watchers.isArray()) {
            watchers.forEach(w -> {
                if (w.isObject()) {
                    out.add(new JiraUser(w));
                }
            });
        }
        return out;
    }

    /** The ids of the listed watchers ({@link JiraUser#getId()}), for Simple and quick checks. */
    public List<String> getWatcherIds() {
        List<String> ids = new ArrayList<>();
        for (JiraUser u : getWatchers()) {
            if (u.getId() != null) {
                ids.add(u.getId());
            }
        }
        return ids;
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraWatchers[count=" + getWatchCount() + "]";
    }
}
