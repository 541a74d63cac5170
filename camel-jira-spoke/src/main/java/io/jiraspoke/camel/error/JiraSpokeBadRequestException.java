package io.jiraspoke.camel.error;

import java.util.List;
import java.util.Map;

/** Jira answered 400 or another 4xx: Jira rejected the request as invalid. */
public class JiraSpokeBadRequestException extends JiraSpokeException {

    public JiraSpokeBadRequestException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors) {
        super(message, status, method, path, errorMessages, errors, null);
    }
}
