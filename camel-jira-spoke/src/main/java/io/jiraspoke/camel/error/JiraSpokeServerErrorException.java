package io.jiraspoke.camel.error;

import java.util.List;
import java.util.Map;

/** Jira answered 5xx: Jira failed to process the request. */
public class JiraSpokeServerErrorException extends JiraSpokeException {

    public JiraSpokeServerErrorException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors) {
        super(message, status, method, path, errorMessages, errors, null);
    }

    public JiraSpokeServerErrorException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors, Throwable cause) {
        super(message, status, method, path, errorMessages, errors, cause);
    }
}
