package io.jiraspoke.camel.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.metrics.FailureKind;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness of one named connection: whether Jira answers it and accepts its credentials ({@code myself}, or
 * {@code serverInfo} for scoped credentials without a user scope), asked once and without retries. The answer is
 * kept for the component's {@code healthCheckInterval}, so a probe every few seconds does not cost a Jira call each
 * time. DOWN says why in words a person can act on (unreachable, unauthorized, forbidden, rate limited, ...), from
 * the failure's kind; messages of this component never carry a secret.
 */
final class ConnectionHealthCheck implements HealthCheck {

    /** The longest a probe may take: a health endpoint must answer quickly, whatever callTimeout says. */
    static final long PROBE_MILLIS = 10_000;

    private final String connection;
    private final Function<String, JiraClient> clients;
    private final Duration interval;
    private volatile boolean enabled = true;
    private volatile Result last;
    private volatile long lastAt;

    ConnectionHealthCheck(String connection, Function<String, JiraClient> clients, Duration interval) {
        this.connection = connection;
        this.clients = clients;
        this.interval = interval;
    }

    @Override
    public String getGroup() {
        return "jiraspoke";
    }

    @Override
    public String getId() {
        return "jiraspoke:" + connection;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result r = last;
        if (r != null && System.nanoTime() - lastAt < interval.toNanos()) {
            return r;
        }
        synchronized (this) {
            if (last != null && System.nanoTime() - lastAt < interval.toNanos()) {
                return last;
            }
            r = probe();
            last = r;
            lastAt = System.nanoTime();
            return r;
        }
    }

    private Result probe() {
        HealthCheckResultBuilder b = HealthCheckResultBuilder.on(this).detail("connection", connection)
                .detail("checked", Instant.now().toString());
        AuthType authType = null;
        try {
            JiraClient client = clients.apply(connection);
            authType = client.authType();
            b.detail("authType", authType.id()).detail("deployment", client.deployment().id());
            b.detail("probe", client.probe(PROBE_MILLIS));
            return b.up().build();
        } catch (JiraSpokeException e) {
            FailureKind kind = FailureKind.of(e);
            b.detail("reason", kind.tag());
            if (e.getStatus() > 0) {
                b.detail("status", e.getStatus());
            }
            String reason = reason(kind, e, authType);
            // Spring Boot's Actuator shows a check's details, not its message
            return b.down().message(reason).detail("message", reason).build();
        }
    }

    /** What is wrong and what to do about it; Jira's own words (already scrubbed of credentials) follow. */
    private String reason(FailureKind kind, JiraSpokeException e, AuthType authType) {
        String c = "Jira connection '" + connection + "' ";
        String advice = switch (kind) {
            case TRANSPORT -> "cannot reach Jira (no answer: host, port, proxy, TLS or network)";
            case UNAUTHORIZED -> authType != null && authType.isOAuth()
                    ? "is unauthorized: the OAuth grant was revoked or has expired, or the client id or secret is"
                      + " wrong; renew the consent or the client credentials"
                    : "is unauthorized: the token or password was revoked or has expired, or does not belong to"
                      + " the user; create a new one and update the connection";
            case FORBIDDEN -> "is forbidden: Jira accepts the credentials but refuses access (the account lacks"
                              + " Jira product access or permission, or the credential lacks scopes)";
            case RATE_LIMITED -> "is rate limited by Jira" + retryAfter(e) + "; it recovers by itself, or lower the"
                                 + " request rate (maxRequestsPerSecond)";
            case SERVER_ERROR -> "gets server errors from Jira (" + e.getStatus() + "): Jira or a proxy in front of"
                                 + " it is failing";
            case REDIRECT -> "is redirected by Jira: check baseUrl (its scheme, host and context path)";
            case NOT_FOUND -> "finds no Jira REST API at its URL: check baseUrl or cloudId";
            case UNEXPECTED_ANSWER -> "gets answers that are not Jira's REST API (a login page or a proxy?): check"
                                      + " baseUrl";
            case CONFIGURATION -> "is misconfigured";
            default -> "fails";
        };
        return c + advice + ". " + e.getMessage();
    }

    private static String retryAfter(JiraSpokeException e) {
        if (e instanceof JiraSpokeRateLimitedException limited) {
            StringBuilder sb = new StringBuilder();
            if (limited.getRetryAfter() != null) {
                sb.append(" (retry after ").append(limited.getRetryAfter().toSeconds()).append(" s");
            }
            if (limited.getReason() != null) {
                sb.append(sb.length() == 0 ? " (" : ", ").append("reason ").append(limited.getReason());
            }
            return sb.length() == 0 ? "" : sb.append(')').toString();
        }
        return "";
    }
}
