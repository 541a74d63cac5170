package io.jiraspoke.camel.error;

import java.util.List;
import java.util.Map;

/** Jira answered 403: the credentials lack a permission or an OAuth scope. */
public class JiraSpokeForbiddenException extends JiraSpokeException {

    public JiraSpokeForbiddenException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors) {
        super(message, status, method, path, errorMessages, errors, null);
    }
}
