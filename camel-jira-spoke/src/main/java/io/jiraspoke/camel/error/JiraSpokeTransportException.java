package io.jiraspoke.camel.error;

/** No answer came from Jira (connection refused, timeout, reset) after the allowed retries. */
public class JiraSpokeTransportException extends JiraSpokeException {

    public JiraSpokeTransportException(String message, String method, String path, Throwable cause) {
        super(message, 0, method, path, null, null, cause);
    }
}
