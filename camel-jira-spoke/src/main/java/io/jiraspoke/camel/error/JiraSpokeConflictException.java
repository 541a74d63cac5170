package io.jiraspoke.camel.error;

import java.util.List;
import java.util.Map;

/** Jira answered 409: the request conflicts with the current state. */
public class JiraSpokeConflictException extends JiraSpokeException {

    public JiraSpokeConflictException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors) {
        super(message, status, method, path, errorMessages, errors, null);
    }
}
