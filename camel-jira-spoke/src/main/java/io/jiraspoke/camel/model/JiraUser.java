package io.jiraspoke.camel.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** A Jira user: Cloud identifies users by {@code accountId}, Data Center by {@code name}/{@code key}. */
public final class JiraUser {

    private final JsonNode raw;

    public JiraUser(JsonNode raw) {
        this.raw = raw;
    }

    /** Cloud account id (null on Data Center). */
    public String getAccountId() {
        return JiraIssue.text(raw, "accountId");
    }

    /** Data Center user name (null on Cloud). */
    public String getName() {
        return JiraIssue.text(raw, "name");
    }

    /** Data Center user key (null on Cloud). */
    public String getKey() {
        return JiraIssue.text(raw, "key");
    }

    /** The id to use in requests: account id on Cloud, name on Data Center. */
    public String getId() {
        String accountId = getAccountId();
        return accountId != null ? accountId : getName();
    }

    /** The name shown in Jira. */
    public String getDisplayName() {
        return JiraIssue.text(raw, "displayName");
    }

    /** The e-mail address; null when the user's privacy settings hide it. */
    public String getEmailAddress() {
        return JiraIssue.text(raw, "emailAddress");
    }

    /** Whether the account is active. */
    public boolean isActive() {
        return raw.path("active").asBoolean(false);
    }

    /** The user's time zone, e.g. {@code Europe/Berlin}. */
    public String getTimeZone() {
        return JiraIssue.text(raw, "timeZone");
    }

    /** The REST URL of the user. */
    public String getSelf() {
        return JiraIssue.text(raw, "self");
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraUser[" + getId() + ", " + getDisplayName() + "]";
    }
}
