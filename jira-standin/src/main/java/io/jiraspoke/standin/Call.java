package io.jiraspoke.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request as the API handlers see it: the path below any gateway prefix, the path variables of the route it
 * matched, query parameters, the headers handlers care about, and the whole body (already read, outside the lock).
 */
final class Call {

    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?\\d{1,9}");

    final String method;
    final String path;
    final JiraJson.Ctx ctx;
    final Map<String, List<String>> params;
    final Map<String, String> vars;
    final String contentType;
    final String atlassianToken;
    /** The Authorization header, for the endpoints that check credentials of their own (OAuth's). */
    private final String authorization;
    final byte[] body;
    /** A fault switched on for this path: Cloud's search answers the page token it was given, not the next one. */
    final boolean repeatPageToken;

    Call(String method, String path, JiraJson.Ctx ctx, Map<String, List<String>> params, Map<String, String> vars,
         String contentType, String atlassianToken, byte[] body, boolean repeatPageToken) {
        this(method, path, ctx, params, vars, contentType, atlassianToken, body, repeatPageToken, null);
    }

    Call(String method, String path, JiraJson.Ctx ctx, Map<String, List<String>> params, Map<String, String> vars,
         String contentType, String atlassianToken, byte[] body, boolean repeatPageToken, String authorization) {
        this.method = method;
        this.path = path;
        this.ctx = ctx;
        this.params = params;
        this.vars = vars;
        this.contentType = contentType;
        this.atlassianToken = atlassianToken;
        this.body = body;
        this.repeatPageToken = repeatPageToken;
        this.authorization = authorization;
    }

    Call withVars(Map<String, String> matched, JiraJson.Ctx matchedCtx) {
        return new Call(method, path, matchedCtx, params, matched, contentType, atlassianToken, body, repeatPageToken, authorization);
    }

    String authorization() {
        return authorization;
    }

    String var(String name) {
        return vars.get(name);
    }

    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Repeated and comma-separated values alike ({@code fields=a,b&fields=c}). */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    int intParam(String name, int defaultValue) {
        String value = param(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw JiraError.badRequest("The value '" + value + "' is not valid for the parameter '" + name + "'.");
        }
        return Integer.parseInt(value);
    }

    boolean hasBody() {
        return body.length > 0;
    }

    JsonNode json() {
        try {
            JsonNode json = JiraJson.MAPPER.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw JiraError.badRequest("No content to map due to end-of-input");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw JiraError.badRequest("Unexpected character in the request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode object() {
        JsonNode json = json();
        if (!json.isObject()) {
            throw JiraError.badRequest("The request body must be a JSON object.");
        }
        return (ObjectNode) json;
    }
}
