package io.jiraspoke.camel.error;

/**
 * Jira answered 2xx, but not with what the request expects: no body where a JSON object is due, an array or a
 * string instead of an object, an HTML page (often a login page of a proxy or SSO in front of Jira), or a body that
 * is not JSON at all. The message names method, path and what came, with a short sanitized start of a non-JSON body.
 */
public class JiraSpokeUnexpectedAnswerException extends JiraSpokeException {

    public JiraSpokeUnexpectedAnswerException(String message, int status, String method, String path,
                                              Throwable cause) {
        super(message, status, method, path, null, null, cause);
    }
}
