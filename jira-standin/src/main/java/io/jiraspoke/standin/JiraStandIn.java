package io.jiraspoke.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for the parts of Jira's REST API a client needs to connect, create, read, edit,
 * delete and search issues, answering in the shapes of either Jira Cloud or Jira Server / Data Center.
 * Everything lives in memory and dies with {@link #close()}.
 */
public final class JiraStandIn implements AutoCloseable {

    public enum Flavour { CLOUD, SERVER }

    private static final String JSON_CONTENT_TYPE = "application/json;charset=UTF-8";
    // Cloud calls made with OAuth 2.0 or scoped API tokens arrive as api.atlassian.com/ex/jira/{cloudId}/rest/...
    private static final Pattern REST_PATH = Pattern.compile("(?:/ex/jira/[^/]+)?/rest/api/([23])/(.+?)/?");
    private static final Pattern ISSUE_PATH = Pattern.compile("issue/([^/]+)");
    private static final int DEFAULT_MAX_RESULTS = 50;
    private static final int CLOUD_MAX_RESULTS = 5000;
    private static final int SERVER_MAX_RESULTS = 1000;

    private final Flavour flavour;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String baseUrl;
    private final JiraJson json;
    private final IssueStore store = new IssueStore();
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private volatile String requiredAuthorization;

    private JiraStandIn(Flavour flavour, int port) throws IOException {
        this.flavour = Objects.requireNonNull(flavour, "flavour");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.json = new JiraJson(baseUrl, flavour);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a stand-in on a free port of 127.0.0.1. */
    public static JiraStandIn start(Flavour flavour) {
        return start(flavour, 0);
    }

    public static JiraStandIn start(Flavour flavour, int port) {
        try {
            return new JiraStandIn(flavour, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Jira stand-in on 127.0.0.1:" + port, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Flavour flavour() {
        return flavour;
    }

    /**
     * Accepts only requests whose Authorization header is exactly this value; {@code null} goes back to the
     * default of accepting any Basic or Bearer credentials.
     */
    public JiraStandIn requireAuthorization(String exactHeaderValue) {
        this.requiredAuthorization = exactHeaderValue;
        return this;
    }

    /**
     * Creates {@code count} Tasks in the project, summaries "Seeded issue 1".."Seeded issue n", created and
     * last updated one second apart with the newest now, so time-based JQL has something to tell apart.
     * In a fresh project their keys are KEY-1..KEY-n.
     */
    public JiraStandIn seedIssues(String projectKey, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Instant now = now();
        for (int i = 1; i <= count; i++) {
            ObjectNode body = JiraJson.MAPPER.createObjectNode();
            ObjectNode fields = body.putObject("fields");
            fields.putObject("project").put("key", projectKey);
            fields.putObject("issuetype").put("name", "Task");
            fields.put("summary", "Seeded issue " + i);
            store.create(IssueInput.forCreate(body, 2), now.minusSeconds(count - i));
        }
        return this;
    }

    public int issueCount() {
        return store.size();
    }

    /** Marks the issue as just edited, as if someone had changed it in Jira. */
    public void touch(String issueKey) {
        store.edit(issueKey, fields -> fields, now())
                .orElseThrow(() -> new IllegalArgumentException("No issue " + issueKey + " in the Jira stand-in"));
    }

    /** Every request received so far, oldest first, as "METHOD /path?query" exactly as sent. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Runs a Cloud stand-in with five DEMO issues until the process is killed. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        JiraStandIn standIn = start(Flavour.CLOUD, port).seedIssues("DEMO", 5);
        // The server's threads are not daemons, so the JVM stays up after main returns.
        System.out.println("Jira stand-in (Cloud) listening on " + standIn.baseUrl());
    }

    private record Reply(int status, JsonNode body) {

        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }

        static Reply noContent() {
            return new Reply(204, null);
        }
    }

    private record Call(String method, String path, int apiVersion, Map<String, List<String>> params, InputStream body) {

        void allow(String... methods) {
            if (!Arrays.asList(methods).contains(method)) {
                throw notAllowed(methods);
            }
        }

        JiraError notAllowed(String... methods) {
            return JiraError.message(405, "Method " + method + " is not allowed for " + path + "; allowed: " + String.join(", ", methods));
        }

        ObjectNode json() {
            try {
                JsonNode json = JiraJson.MAPPER.readTree(body.readAllBytes());
                if (json == null || !json.isObject()) {
                    throw JiraError.message(400, "The request body must be a JSON object.");
                }
                return (ObjectNode) json;
            } catch (JsonProcessingException e) {
                throw JiraError.message(400, e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            requestLog.add(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            Reply reply;
            try {
                authorize(exchange.getRequestHeaders().getFirst("Authorization"));
                reply = route(method, uri, exchange.getRequestBody());
            } catch (JiraError e) {
                reply = new Reply(e.status(), JiraJson.error(e));
            } catch (RuntimeException e) {
                // A bug in the stand-in should reach the client as an answer, not a dropped connection.
                reply = new Reply(500, JiraJson.error(JiraError.message(500, e.toString())));
            }
            send(exchange, reply);
        } catch (IOException e) {
            // The client has gone; there is no one left to answer.
        } finally {
            exchange.close();
        }
    }

    private void authorize(String authorization) {
        String required = requiredAuthorization;
        boolean accepted = required != null
                ? required.equals(authorization)
                : authorization != null && (hasScheme(authorization, "Basic ") || hasScheme(authorization, "Bearer "));
        if (!accepted) {
            throw JiraError.message(401, "You are not authenticated. Authentication required to perform this operation.");
        }
    }

    private static boolean hasScheme(String authorization, String scheme) {
        return authorization.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    private Reply route(String method, URI uri, InputStream body) {
        String path = uri.getPath();
        Matcher rest = REST_PATH.matcher(path);
        if (!rest.matches() || (flavour == Flavour.SERVER && rest.group(1).equals("3"))) {
            throw noResource(method, path);
        }
        Call call = new Call(method, path, Integer.parseInt(rest.group(1)), queryParams(uri.getRawQuery()), body);
        String resource = rest.group(2);
        Matcher issue = ISSUE_PATH.matcher(resource);
        if (issue.matches()) {
            return switch (method) {
                case "GET" -> getIssue(call, issue.group(1));
                case "PUT" -> editIssue(call, issue.group(1));
                case "DELETE" -> deleteIssue(issue.group(1));
                default -> throw call.notAllowed("GET", "PUT", "DELETE");
            };
        }
        switch (resource) {
            case "serverInfo":
                call.allow("GET");
                return Reply.ok(json.serverInfo());
            case "myself":
                call.allow("GET");
                return Reply.ok(json.myself(call.apiVersion()));
            case "issue":
                call.allow("POST");
                return createIssue(call);
            case "search":
                if (flavour == Flavour.CLOUD) {
                    throw JiraError.message(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."
                            + " A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046");
                }
                call.allow("GET", "POST");
                return searchServer(call);
            case "search/jql":
                if (flavour == Flavour.SERVER) {
                    throw noResource(method, path);
                }
                call.allow("GET", "POST");
                return searchCloud(call);
            default:
                throw noResource(method, path);
        }
    }

    private Reply createIssue(Call call) {
        Issue issue = store.create(IssueInput.forCreate(call.json(), call.apiVersion()), now());
        return new Reply(201, json.createdIssue(issue, call.apiVersion()));
    }

    private Reply getIssue(Call call, String idOrKey) {
        Issue issue = store.find(idOrKey).orElseThrow(JiraError::issueNotFound);
        List<String> fields = fieldNames(options(call).get("fields"));
        JiraJson.FieldSelection selection = fields.isEmpty() ? JiraJson.FieldSelection.ALL : JiraJson.FieldSelection.of(fields);
        return Reply.ok(json.issue(issue, selection, call.apiVersion()));
    }

    private Reply editIssue(Call call, String idOrKey) {
        // Jira reports a missing issue before it looks at the body.
        store.find(idOrKey).orElseThrow(JiraError::issueNotFound);
        store.edit(idOrKey, IssueInput.forEdit(call.json(), call.apiVersion()), now()).orElseThrow(JiraError::issueNotFound);
        return Reply.noContent();
    }

    private Reply deleteIssue(String idOrKey) {
        if (!store.delete(idOrKey)) {
            throw JiraError.issueNotFound();
        }
        return Reply.noContent();
    }

    /** Cloud's enhanced search: opaque page tokens, no total, ids only unless fields are named. */
    private Reply searchCloud(Call call) {
        ObjectNode request = options(call);
        Jql.Query query = Jql.parse(request.path("jql").asText(""), now());
        if (!query.bounded()) {
            throw JiraError.message(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        int maxResults = Math.min(Math.max(intOption(request, "maxResults", DEFAULT_MAX_RESULTS), 1), CLOUD_MAX_RESULTS);
        int startAt = request.hasNonNull("nextPageToken") ? pageOffset(request.get("nextPageToken").asText()) : 0;
        List<String> fields = fieldNames(request.get("fields"));
        JiraJson.FieldSelection selection = fields.isEmpty() ? null : JiraJson.FieldSelection.of(fields);

        List<Issue> matches = search(query);
        List<Issue> page = matches.subList(Math.min(startAt, matches.size()), Math.min(startAt + maxResults, matches.size()));
        ObjectNode result = JiraJson.MAPPER.createObjectNode();
        ArrayNode issues = result.putArray("issues");
        page.forEach(issue -> issues.add(selection == null ? JiraJson.idOnly(issue) : json.issue(issue, selection, call.apiVersion())));
        int end = startAt + page.size();
        if (end < matches.size()) {
            result.put("nextPageToken", pageToken(end));
        }
        return Reply.ok(result.put("isLast", end >= matches.size()));
    }

    /** Server's classic search: startAt paging with a total, all navigable fields by default. */
    private Reply searchServer(Call call) {
        ObjectNode request = options(call);
        Jql.Query query = Jql.parse(request.path("jql").asText(""), now());
        int startAt = Math.max(intOption(request, "startAt", 0), 0);
        int maxResults = Math.min(Math.max(intOption(request, "maxResults", DEFAULT_MAX_RESULTS), 0), SERVER_MAX_RESULTS);
        List<String> fields = fieldNames(request.get("fields"));
        JiraJson.FieldSelection selection = fields.isEmpty() ? JiraJson.FieldSelection.ALL : JiraJson.FieldSelection.of(fields);

        List<Issue> matches = search(query);
        ObjectNode result = JiraJson.MAPPER.createObjectNode()
                .put("expand", "schema,names")
                .put("startAt", startAt)
                .put("maxResults", maxResults)
                .put("total", matches.size());
        ArrayNode issues = result.putArray("issues");
        matches.stream().skip(startAt).limit(maxResults).forEach(issue -> issues.add(json.issue(issue, selection, call.apiVersion())));
        return Reply.ok(result);
    }

    private List<Issue> search(Jql.Query query) {
        return store.all().stream().filter(query.filter()).sorted(query.order()).toList();
    }

    /** A POST carries its options as a JSON body, a GET as query parameters; both read the same from here. */
    private static ObjectNode options(Call call) {
        if (call.method().equals("POST")) {
            return call.json();
        }
        ObjectNode request = JiraJson.MAPPER.createObjectNode();
        call.params().forEach((name, values) -> {
            if (name.equals("fields")) {
                values.forEach(request.withArray("fields")::add);
            } else {
                request.put(name, values.get(0));
            }
        });
        return request;
    }

    private static int intOption(ObjectNode request, String name, int defaultValue) {
        JsonNode value = request.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (value.isInt() || (value.isTextual() && value.asText().matches("-?\\d{1,9}"))) {
            return value.asInt();
        }
        throw JiraError.message(400, "The value '" + value.asText() + "' is not valid for '" + name + "'.");
    }

    /** Field lists come as arrays, comma-separated strings, or both (repeated query parameters). */
    private static List<String> fieldNames(JsonNode value) {
        List<String> names = new ArrayList<>();
        if (value != null) {
            Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
            for (JsonNode item : items) {
                for (String name : item.asText().split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
        }
        return names;
    }

    private static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int pageOffset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.matches("offset:\\d{1,9}")) {
                return Integer.parseInt(decoded.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // not Base64: reported below like any other foreign token
        }
        throw JiraError.message(400, "The provided next page token is invalid or expired.");
    }

    private static Map<String, List<String>> queryParams(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return params;
    }

    private static JiraError noResource(String method, String path) {
        return JiraError.message(404, "No resource found for " + method + " " + path);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = JiraJson.MAPPER.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", JSON_CONTENT_TYPE);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Jira keeps millisecond timestamps; finer ones would make JQL bounds and rendered values disagree. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
