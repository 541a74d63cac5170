package io.jiraspoke.camel.error;

import java.util.List;
import java.util.Map;

/** Jira answered 401: the credentials were refused. */
public class JiraSpokeUnauthorizedException extends JiraSpokeException {

    public JiraSpokeUnauthorizedException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors) {
        super(message, status, method, path, errorMessages, errors, null);
    }

    public JiraSpokeUnauthorizedException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors, Throwable cause) {
        super(message, status, method, path, errorMessages, errors, cause);
    }
}
