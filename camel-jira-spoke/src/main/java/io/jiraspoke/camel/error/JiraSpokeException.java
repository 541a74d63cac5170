package io.jiraspoke.camel.error;

import java.util.List;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;

/**
 * A call to Jira failed. Carries the HTTP status, Jira's {@code errorMessages} and field {@code errors}, the method
 * and the path (with query) of the request; never a credential. Subclasses tell the failure kinds apart so routes
 * can {@code onException} them.
 */
public class JiraSpokeException extends RuntimeCamelException {

    private final int status;
    private final String method;
    private final String path;
    private final List<String> errorMessages;
    private final Map<String, String> errors;

    public JiraSpokeException(String message) {
        this(message, 0, null, null, List.of(), Map.of(), null);
    }

    public JiraSpokeException(String message, Throwable cause) {
        this(message, 0, null, null, List.of(), Map.of(), cause);
    }

    public JiraSpokeException(String message, int status, String method, String path, List<String> errorMessages,
                              Map<String, String> errors, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.method = method;
        this.path = path;
        this.errorMessages = errorMessages == null ? List.of() : List.copyOf(errorMessages);
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** The HTTP status Jira answered, or 0 when no answer was received. */
    public int getStatus() {
        return status;
    }

    public String getMethod() {
        return method;
    }

    /** The request path with its query string, without the base URL. */
    public String getPath() {
        return path;
    }

    /** Jira's {@code errorMessages}. */
    public List<String> getErrorMessages() {
        return errorMessages;
    }

    /** Jira's {@code errors}: field id to message. */
    public Map<String, String> getErrors() {
        return errors;
    }
}
