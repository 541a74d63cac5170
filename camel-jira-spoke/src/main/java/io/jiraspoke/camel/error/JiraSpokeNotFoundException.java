package io.jiraspoke.camel.error;

import java.util.List;
import java.util.Map;

/** Jira answered 404 Not Found: the issue, project or resource does not exist or the connection may not see it. */
public class JiraSpokeNotFoundException extends JiraSpokeException {

    public JiraSpokeNotFoundException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors) {
        super(message, status, method, path, errorMessages, errors, null);
    }
}
