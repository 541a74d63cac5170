package io.jiraspoke.camel.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.HttpEntity;

/**
 * One HTTP request to Jira: method, path relative to the connection's base URL, query and an optional body. Built
 * once per call; a JSON body is serialized once so that retries resend the same bytes. A body that is not JSON (a
 * multipart upload) is an {@link HttpEntity} of its own: one that cannot be repeated (it streams from an
 * {@code InputStream}) is sent at most once after it was read, whatever Jira answers.
 */
public final class JiraRequest {

    /** What a 2xx answer must hold; anything else is a {@code JiraSpokeUnexpectedAnswerException}. */
    public enum Expect {
        /** A JSON object. */
        OBJECT,
        /** A JSON array (lists that Jira does not page, bare-array pages). */
        ARRAY,
        /** No content is needed: 204, an empty body or any JSON is accepted, and the call answers null. */
        NOTHING,
        /** Any JSON value, or no content (the call answers null). */
        ANY
    }

    private final String method;
    private final StringBuilder pathAndQuery;
    private boolean hasQuery;
    private Object body;
    private HttpEntity entity;
    private Map<String, String> headers = Map.of();
    private boolean followMediaRedirect;
    private String absoluteUrl;
    private Boolean idempotent;
    private Expect expect;
    private List<String> secrets = List.of();
    private long probeMillis;

    private JiraRequest(String method, String path) {
        this.method = method;
        this.pathAndQuery = new StringBuilder(path.length() + 64).append(path);
        this.hasQuery = path.indexOf('?') >= 0;
    }

    public static JiraRequest get(String path) {
        return new JiraRequest("GET", path);
    }

    public static JiraRequest post(String path) {
        return new JiraRequest("POST", path);
    }

    public static JiraRequest put(String path) {
        return new JiraRequest("PUT", path);
    }

    public static JiraRequest delete(String path) {
        return new JiraRequest("DELETE", path);
    }

    /** A request to an absolute URL outside the connection's base (e.g. the OAuth token endpoint). */
    public static JiraRequest postAbsolute(String url, String displayPath) {
        JiraRequest r = new JiraRequest("POST", displayPath);
        r.absoluteUrl = url;
        return r;
    }

    /** A GET of an absolute URL outside the connection's base (e.g. the OAuth accessible-resources list). */
    public static JiraRequest getAbsolute(String url, String displayPath) {
        JiraRequest r = new JiraRequest("GET", displayPath);
        r.absoluteUrl = url;
        return r;
    }

    /**
     * A probe (health checks): sent once, never retried, and given at most {@code millis} (or the connection's
     * callTimeout if shorter), so that a rate-limited or hung Jira answers the probe at once instead of holding it
     * for minutes.
     */
    public JiraRequest probe(long millis) {
        this.probeMillis = millis;
        return this;
    }

    /** The time a probe may take; 0 for an ordinary call. */
    long probeMillis() {
        return probeMillis;
    }

    /** Adds a query parameter unless the value is null. */
    public JiraRequest query(String name, Object value) {
        if (value != null) {
            pathAndQuery.append(hasQuery ? '&' : '?').append(name).append('=').append(encode(value.toString()));
            hasQuery = true;
        }
        return this;
    }

    /** Adds a comma-separated query parameter unless the values are null or empty. */
    public JiraRequest query(String name, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            query(name, String.join(",", values));
        }
        return this;
    }

    /** The JSON body: a Jackson tree, a Map/List, or any object Jackson can write. */
    public JiraRequest body(Object body) {
        this.body = body;
        return this;
    }

    /**
     * A body that is not JSON, sent as it is. A repeatable entity (bytes, a file it reopens) is sent again on a
     * retry; one that is not is sent again only when it was not read (the connection failed before the request
     * went out, or Jira answered before {@code 100 Continue}).
     */
    public JiraRequest entity(HttpEntity entity) {
        this.entity = entity;
        return this;
    }

    /**
     * A request header of this request alone, e.g. {@code X-Atlassian-Token}, or {@code Accept} in place of
     * {@code application/json}. Never a credential: the transport adds those.
     */
    public JiraRequest header(String name, String value) {
        if (headers.isEmpty()) {
            headers = new LinkedHashMap<>(4);
        }
        headers.put(name, value);
        return this;
    }

    /**
     * Lets a GET follow one redirect from the connection's host to one of the connection's media hosts (Jira
     * Cloud's attachment content answers 303 to {@code api.media.atlassian.com}), without the connection's
     * credentials: the redirect URL carries its own token. Every other redirect is still an error.
     */
    public JiraRequest followMediaRedirect() {
        this.followMediaRedirect = true;
        return this;
    }

    public String method() {
        return method;
    }

    /** Path and query, as shown in errors and logs (never contains credentials). */
    public String pathAndQuery() {
        return pathAndQuery.toString();
    }

    Object body() {
        return body;
    }

    HttpEntity entity() {
        return entity;
    }

    Map<String, String> headers() {
        return headers;
    }

    boolean followsMediaRedirect() {
        return followMediaRedirect;
    }

    String absoluteUrl() {
        return absoluteUrl;
    }

    /**
     * What a 2xx answer must hold. Default: {@link Expect#OBJECT} for GET and POST, {@link Expect#ANY} for PUT and
     * DELETE, which Jira mostly answers with 204.
     */
    public JiraRequest expect(Expect expect) {
        this.expect = expect;
        return this;
    }

    public Expect expected() {
        if (expect != null) {
            return expect;
        }
        return "GET".equals(method) || "POST".equals(method) ? Expect.OBJECT : Expect.ANY;
    }

    /**
     * A value the body carries that must never appear in an error text, should the answer echo it (the client
     * secret and refresh token of a token request). The Authorization header is scrubbed without being named.
     */
    public JiraRequest secret(String value) {
        if (value != null) {
            if (secrets.isEmpty()) {
                secrets = new ArrayList<>(4);
            }
            secrets.add(value);
        }
        return this;
    }

    List<String> secrets() {
        return secrets;
    }

    /** Marks a POST that only reads (a search), so it may be repeated when the outcome is unknown. */
    public JiraRequest readOnly() {
        this.idempotent = true;
        return this;
    }

    /** GET, PUT and DELETE may be repeated when the outcome is unknown; POST may not unless it only reads. */
    boolean isIdempotent() {
        return idempotent != null ? idempotent : !"POST".equals(method);
    }

    /** Encodes a path segment such as an issue key. */
    public static String segment(String value) {
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
