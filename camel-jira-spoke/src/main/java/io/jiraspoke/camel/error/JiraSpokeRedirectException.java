package io.jiraspoke.camel.error;

/**
 * Jira, or the OAuth token endpoint, answered a redirect (3xx). Redirects are never followed: a token request
 * carries the client secret and the refresh token, a write carries data, and any request carries the connection's
 * credentials, none of which may reach another host; nor may another host's answer pass for Jira's. The one
 * exception is an attachment download on Jira Cloud, which follows one redirect from the connection's host to one
 * of its media hosts without credentials; any other redirect of a download, and a redirect answered by the media
 * host, is this exception too. The status is the 3xx, and {@link #getTargetOrigin()} tells where the redirect
 * pointed, without path or query (a redirect URL may carry a signed token in its query).
 */
public class JiraSpokeRedirectException extends JiraSpokeException {

    private final String targetOrigin;

    public JiraSpokeRedirectException(String message, int status, String method, String path, String targetOrigin,
                                      Throwable cause) {
        super(message, status, method, path, null, null, cause);
        this.targetOrigin = targetOrigin;
    }

    /** Scheme, host and port of the redirect's {@code Location}, or null when it had none or was unreadable. */
    public String getTargetOrigin() {
        return targetOrigin;
    }
}
