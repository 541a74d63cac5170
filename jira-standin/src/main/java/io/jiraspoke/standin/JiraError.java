package io.jiraspoke.standin;

import java.util.List;
import java.util.Map;

/** A failed request, answered in Jira's error shape: {@code {"errorMessages":[..],"errors":{..}}}. */
final class JiraError extends RuntimeException {

    private final int status;
    private final List<String> errorMessages;
    private final Map<String, String> errors;

    JiraError(int status, List<String> errorMessages, Map<String, String> errors) {
        super(status + " " + errorMessages + " " + errors, null, false, false);
        this.status = status;
        this.errorMessages = List.copyOf(errorMessages);
        // Jira lists field errors in the order it found them.
        this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }

    static JiraError message(int status, String message) {
        return new JiraError(status, List.of(message), Map.of());
    }

    static JiraError badRequest(String message) {
        return message(400, message);
    }

    static JiraError fields(Map<String, String> errors) {
        return new JiraError(400, List.of(), errors);
    }

    static JiraError issueNotFound() {
        return message(404, "Issue does not exist or you do not have permission to see it.");
    }

    int status() {
        return status;
    }

    List<String> errorMessages() {
        return errorMessages;
    }

    Map<String, String> errors() {
        return errors;
    }
}
