package io.jiraspoke.camel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Checks requests the component sent against Atlassian's OpenAPI specs (copied into test resources, see
 * openapi/SOURCES.md): Cloud platform v3 for {@code /rest/api/3}, Jira Software for {@code /rest/agile/1.0}. The
 * {@code /ex/jira/{cloudId}} prefix of gateway calls is removed first. Data Center ({@code /rest/api/2}) and OAuth
 * token requests have no spec here and are not checked.
 */
public final class OpenApiContract {

    private static volatile OpenApiInteractionValidator platform;
    private static volatile OpenApiInteractionValidator agile;

    private OpenApiContract() {
    }

    private static synchronized OpenApiInteractionValidator platform() {
        if (platform == null) {
            platform = OpenApiInteractionValidator
                    .createForSpecificationUrl(resource("/openapi/jira-platform-cloud.v3.json")).build();
        }
        return platform;
    }

    private static synchronized OpenApiInteractionValidator agile() {
        if (agile == null) {
            agile = OpenApiInteractionValidator
                    .createForSpecificationUrl(resource("/openapi/jira-software-cloud.v3.json")).build();
        }
        return agile;
    }

    private static String resource(String name) {
        return OpenApiContract.class.getResource(name).toExternalForm();
    }

    /** The path as the spec knows it, or null when no spec covers it. */
    static String specPath(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (path.startsWith("/ex/jira/")) {
            int next = path.indexOf('/', "/ex/jira/".length());
            path = next < 0 ? "/" : path.substring(next);
        }
        return path.startsWith("/rest/api/3/") || path.startsWith("/rest/agile/1.0/") ? path : null;
    }

    /** Whether a request falls under a spec here (Cloud v3 or agile). */
    public static boolean isCovered(LoggedRequest r) {
        return specPath(r.getUrl()) != null;
    }

    /** The validation problems of one request; empty when it matches the spec (or no spec covers it). */
    public static List<String> problems(LoggedRequest r) {
        String path = specPath(r.getUrl());
        if (path == null) {
            return List.of();
        }
        SimpleRequest.Builder b = new SimpleRequest.Builder(r.getMethod().getName(), path);
        for (Map.Entry<String, QueryParameter> q : r.getQueryParams().entrySet()) {
            b.withQueryParam(q.getKey(), q.getValue().values());
        }
        if (r.getHeader("Authorization") != null) {
            b.withAuthorization(r.getHeader("Authorization"));
        }
        if (r.getHeader("Content-Type") != null) {
            b.withContentType(r.getHeader("Content-Type"));
        }
        if (r.getBody() != null && r.getBody().length > 0) {
            b.withBody(r.getBodyAsString());
        }
        Request request = b.build();
        ValidationReport report = (path.startsWith("/rest/agile/") ? agile() : platform()).validateRequest(request);
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(r.getMethod() + " " + r.getUrl() + ": " + m.getKey() + " " + m.getMessage());
            }
        }
        return out;
    }

    /** Problems of all given requests. */
    public static List<String> problems(List<LoggedRequest> requests) {
        List<String> out = new ArrayList<>();
        for (LoggedRequest r : requests) {
            out.addAll(problems(r));
        }
        return out;
    }
}
