package io.jiraspoke.camel.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Checks requests the component sent against Atlassian's OpenAPI specs (copied into test resources, see
 * openapi/SOURCES.md): Cloud platform v3 for {@code /rest/api/3}, Jira Software for {@code /rest/agile/1.0}. The
 * {@code /ex/jira/{cloudId}} prefix of gateway calls is removed first. Data Center ({@code /rest/api/2}) and OAuth
 * token requests have no spec here and are not checked. Known errors of the specs are corrected in memory, each
 * named in {@link #corrected(String)} (agile) or {@link #correctedPlatform(String)} (platform).
 */
public final class OpenApiContract {

    private static volatile OpenApiInteractionValidator platform;
    private static volatile OpenApiInteractionValidator agile;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenApiContract() {
    }

    private static synchronized OpenApiInteractionValidator platform() {
        if (platform == null) {
            platform = OpenApiInteractionValidator.createForInlineApiSpecification(correctedPlatform(
                    read("/openapi/jira-platform-cloud.v3.json"))).build();
        }
        return platform;
    }

    private static synchronized OpenApiInteractionValidator agile() {
        if (agile == null) {
            agile = OpenApiInteractionValidator.createForInlineApiSpecification(corrected(
                    read("/openapi/jira-software-cloud.v3.json"))).build();
        }
        return agile;
    }

    /**
     * The agile spec with its known errors corrected in memory (the file stays as Atlassian published it).
     * <p>
     * {@code GET /rest/agile/1.0/board} declares its {@code type} query parameter (at paths,
     * {@code /rest/agile/1.0/board}, get, parameters, the one named {@code type}) with the schema
     * {@code {"type":"object","additionalProperties":false}}, so the validator parses {@code type=scrum} as JSON and refuses it. No query string can carry that object as
     * {@code type=...}: the parameter's own description ("boards of the specified types. Valid values: scrum, kanban,
     * simple") and Jira take the type as text; the spec generator seems to have turned a Java set into an object
     * (Atlassian's reference page, rendered from the spec, shows "object" too). The schema is replaced by an array of
     * those three values, which takes {@code type=scrum} and still refuses any other value. A correction whose target
     * no longer looks as described fails, so that a fixed or changed spec is noticed instead of silently patched.
     * <p>
     * {@code GET /rest/agile/1.0/board/{boardId}/sprint} declares its {@code state} query parameter the same way. Its
     * description says "Filters results to sprints in specified states. Valid values: future, active, closed. You can
     * define multiple states separated by commas, e.g. state=active,closed": the schema becomes a string of those
     * values, comma separated, which takes {@code state=active,closed} and refuses any other state.
     * <p>
     * {@code GET /rest/agile/1.0/sprint/{sprintId}/issue} declares its {@code fields} query parameter an array of
     * {@code {"type":"object","additionalProperties":false}} items, so the validator parses {@code fields=summary} as
     * JSON and refuses it. Its description ("The list of fields to return for each issue") and Jira take field ids,
     * as the platform search's {@code fields} (an array of strings) does: the items become strings.
     */
    static String corrected(String agileSpec) {
        try {
            JsonNode spec = MAPPER.readTree(agileSpec);
            ObjectNode type = objectTyped(spec, "/rest/agile/1.0/board", "type");
            ObjectNode items = MAPPER.createObjectNode().put("type", "string");
            items.putArray("enum").add("scrum").add("kanban").add("simple");
            ObjectNode schema = MAPPER.createObjectNode().put("type", "array");
            schema.set("items", items);
            type.set("schema", schema);
            ObjectNode state = objectTyped(spec, "/rest/agile/1.0/board/{boardId}/sprint", "state");
            state.set("schema", MAPPER.createObjectNode().put("type", "string")
                    .put("pattern", "^(future|active|closed)(,(future|active|closed))*$"));
            ObjectNode fields = queryParameter(spec, "/rest/agile/1.0/sprint/{sprintId}/issue", "fields");
            JsonNode fieldItems = fields.path("schema").path("items");
            if (!"array".equals(fields.path("schema").path("type").asText())
                || !"object".equals(fieldItems.path("type").asText())) {
                throw new IllegalStateException("The agile spec's GET /rest/agile/1.0/sprint/{sprintId}/issue 'fields'"
                                                + " parameter no longer has object items: drop its correction. Now: "
                                                + fields);
            }
            ((ObjectNode) fields.path("schema")).set("items", MAPPER.createObjectNode().put("type", "string"));
            return MAPPER.writeValueAsString(spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A query parameter the spec declares an object, as the correction expects; anything else fails. */
    private static ObjectNode objectTyped(JsonNode spec, String path, String name) {
        ObjectNode parameter = queryParameter(spec, path, name);
        if (!"object".equals(parameter.path("schema").path("type").asText())) {
            throw new IllegalStateException("The agile spec's GET " + path + " '" + name + "' parameter is no longer"
                                            + " an object schema: drop its correction. Now: " + parameter);
        }
        return parameter;
    }

    /**
     * The platform spec with its known errors corrected in memory (the file stays as Atlassian published it).
     * <p>
     * {@code PUT /rest/api/3/issue/{issueIdOrKey}/assignee} says in its description that an {@code accountId} of
     * {@code null} unassigns the issue (and {@code "-1"} picks the project's default assignee), but its request body
     * is the shared {@code User} schema, whose {@code accountId} is a non-nullable string, so the validator refuses
     * the one documented way to unassign. The operation gets a copy of {@code User} whose {@code accountId} is
     * nullable; every other use of {@code User} keeps refusing null. A correction whose target no longer looks as
     * described fails, so that a fixed or changed spec is noticed instead of silently patched.
     */
    static String correctedPlatform(String platformSpec) {
        try {
            JsonNode spec = MAPPER.readTree(platformSpec);
            JsonNode media = spec.path("paths").path("/rest/api/3/issue/{issueIdOrKey}/assignee").path("put")
                    .path("requestBody").path("content").path("application/json");
            JsonNode user = spec.path("components").path("schemas").path("User");
            JsonNode accountId = user.path("properties").path("accountId");
            if (!"#/components/schemas/User".equals(media.path("schema").path("$ref").asText())
                || !"string".equals(accountId.path("type").asText()) || accountId.path("nullable").asBoolean(false)) {
                throw new IllegalStateException("The platform spec's PUT /rest/api/3/issue/{issueIdOrKey}/assignee no"
                                                + " longer takes the User schema with a non-nullable accountId: drop"
                                                + " its correction. Now: " + media.path("schema") + ", accountId "
                                                + accountId);
            }
            ObjectNode assignee = user.deepCopy();
            ((ObjectNode) assignee.path("properties").path("accountId")).put("nullable", true);
            ((ObjectNode) spec.path("components").path("schemas")).set("UserToAssign", assignee);
            ((ObjectNode) media.path("schema")).put("$ref", "#/components/schemas/UserToAssign");
            return MAPPER.writeValueAsString(spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode queryParameter(JsonNode spec, String path, String name) {
        for (JsonNode p : spec.path("paths").path(path).path("get").path("parameters")) {
            if (name.equals(p.path("name").asText()) && "query".equals(p.path("in").asText())) {
                return (ObjectNode) p;
            }
        }
        throw new IllegalStateException("The agile spec has no query parameter '" + name + "' on GET " + path);
    }

    private static String read(String name) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
