package io.jiraspoke.camel.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.catalog.Deployment;

/** Jira's {@code serverInfo}: version, deployment type and base URL. */
public final class JiraServerInfo {

    private final JsonNode raw;

    public JiraServerInfo(JsonNode raw) {
        this.raw = raw;
    }

    public String getBaseUrl() {
        return JiraIssue.text(raw, "baseUrl");
    }

    public String getVersion() {
        return JiraIssue.text(raw, "version");
    }

    /** The major version, e.g. 10 for Data Center 10.3.1; null when Jira did not say. */
    public Integer getMajorVersion() {
        JsonNode numbers = raw.get("versionNumbers");
        return numbers != null && numbers.isArray() && !numbers.isEmpty() ? numbers.get(0).asInt() : null;
    }

    /** {@code Cloud}, {@code Server} or {@code DataCenter}, as Jira says. */
    public String getDeploymentType() {
        return JiraIssue.text(raw, "deploymentType");
    }

    public Deployment getDeployment() {
        return "Cloud".equalsIgnoreCase(getDeploymentType()) ? Deployment.CLOUD : Deployment.SERVER;
    }

    public String getServerTitle() {
        return JiraIssue.text(raw, "serverTitle");
    }

    public long getBuildNumber() {
        return raw.path("buildNumber").asLong();
    }

    public JsonNode getRaw() {
        return raw;
    }

    @Override
    public String toString() {
        return "JiraServerInfo[" + getDeploymentType() + " " + getVersion() + ", " + getBaseUrl() + "]";
    }
}
