package io.jiraspoke.camel.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.catalog.Deployment;

/** Jira's {@code serverInfo}: version, deployment type and base URL. */
public final class JiraServerInfo {

    private final JsonNode raw;

    public JiraServerInfo(JsonNode raw) {
        this.raw = raw;
    }

    /** The base URL Jira knows itself by. */
    public String getBaseUrl() {
        return JiraIssue.text(raw, "baseUrl");
    }

    /** The version, e.g. {@code 10.3.1} or {@code 1001.0.0-SNAPSHOT} on Cloud. */
    public String getVersion() {
        return JiraIssue.text(raw, "version");
    }

    /**
     * The major version, e.g. 10 for Data Center 10.3.1: the first of {@code versionNumbers}, else the leading
     * number of {@code version} ({@code "4.2-SNAPSHOT"} is 4); null when Jira says neither.
     */
    public Integer getMajorVersion() {
        JsonNode numbers = raw.get("versionNumbers");
        if (numbers != null && numbers.isArray() && !numbers.isEmpty()) {
            JsonNode first = numbers.get(0);
            if (first.canConvertToInt() || (first.isTextual() && first.asText().matches("\\d{1,9}"))) {
                return first.asInt();
            }
        }
        String version = getVersion();
        if (version != null) {
            int end = 0;
            String v = version.strip();
            while (end < v.length() && end < 9 && Character.isDigit(v.charAt(end))) {
                end++;
            }
            if (end > 0) {
                return Integer.parseInt(v.substring(0, end));
            }
        }
        return null;
    }

    /** Jira's clock when it answered ({@code serverTime}); null when absent or unreadable. */
    public Instant getServerTime() {
        try {
            OffsetDateTime t = JiraTime.parse(JiraIssue.text(raw, "serverTime"));
            return t == null ? null : t.toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Cloud}, {@code Server} or {@code DataCenter}, as Jira says; a Jira too old to say is a Server. */
    public String getDeploymentType() {
        return JiraIssue.text(raw, "deploymentType");
    }

    /** {@code cloud} or {@code server}: what the component makes of {@code deploymentType}. */
    public Deployment getDeployment() {
        return "Cloud".equalsIgnoreCase(getDeploymentType()) ? Deployment.CLOUD : Deployment.SERVER;
    }

    /** The title of the instance. */
    public String getServerTitle() {
        return JiraIssue.text(raw, "serverTitle");
    }

    /** The build number; 0 when absent. */
    public long getBuildNumber() {
        return raw.path("buildNumber").asLong();
    }

    /** Jira's JSON as received, which is also what Jackson writes for this object (marshal().json()). */
    @JsonValue
    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraServerInfo[" + getDeploymentType() + " " + getVersion() + ", " + getBaseUrl() + "]";
    }
}
