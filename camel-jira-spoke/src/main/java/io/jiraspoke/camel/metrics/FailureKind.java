package io.jiraspoke.camel.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeConflictException;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeForbiddenException;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.error.JiraSpokeRedirectException;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;

/** What kind of failure a call to Jira ended in: one per exception of the {@link JiraSpokeException} hierarchy. */
public enum FailureKind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    SERVER_ERROR,
    REDIRECT,
    UNEXPECTED_ANSWER,
    TRANSPORT,
    CONFIGURATION,
    OTHER;

    private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The kind's name in metric tags and JMX keys, e.g. {@code rate-limited}. */
    public String tag() {
        return tag;
    }

    /** A count per kind, by tag, every kind present (zero when none failed so). */
    static Map<String, Long> tally(ToLongFunction<FailureKind> count) {
        Map<String, Long> m = new TreeMap<>();
        for (FailureKind k : values()) {
            m.put(k.tag(), count.applyAsLong(k));
        }
        return m;
    }

    public static FailureKind of(JiraSpokeException e) {
        if (e instanceof JiraSpokeUnauthorizedException) {
            return UNAUTHORIZED;
        } else if (e instanceof JiraSpokeForbiddenException) {
            return FORBIDDEN;
        } else if (e instanceof JiraSpokeNotFoundException) {
            return NOT_FOUND;
        } else if (e instanceof JiraSpokeConflictException) {
            return CONFLICT;
        } else if (e instanceof JiraSpokeRateLimitedException) {
            return RATE_LIMITED;
        } else if (e instanceof JiraSpokeServerErrorException) {
            return SERVER_ERROR;
        } else if (e instanceof JiraSpokeRedirectException) {
            return REDIRECT;
        } else if (e instanceof JiraSpokeUnexpectedAnswerException) {
            return UNEXPECTED_ANSWER;
        } else if (e instanceof JiraSpokeTransportException) {
            return TRANSPORT;
        } else if (e instanceof JiraSpokeBadRequestException) {
            return BAD_REQUEST;
        } else if (e instanceof JiraSpokeConfigurationException) {
            return CONFIGURATION;
        }
        return OTHER;
    }
}
