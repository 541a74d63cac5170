package io.jiraspoke.camel.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import io.jiraspoke.camel.model.Adf;
import io.jiraspoke.camel.model.JiraAttachment;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraPriority;
import io.jiraspoke.camel.model.JiraTime;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What differs between Jira Cloud and Data Center for the same action: the REST prefix, rich text (ADF or wiki
 * markup), how users are identified, and the search API with its paging. A connection's client holds one dialect;
 * producers ask it and never test the deployment themselves. Where a whole API differs by deployment or Data Center
 * version (audit, webhooks, project list), the catalogue has one variant per API and each variant its own producer
 * method instead.
 */
public enum JiraDialect {

    /** Jira Cloud: REST v3, ADF, account ids, {@code /search/jql} with {@code nextPageToken}. */
    CLOUD(Deployment.CLOUD, "/rest/api/3", "accountId", "accountId") {
        @Override
        public Object richText(Object value, TextFormat format, String action, String field) {
            String text = plain(value);
            if (text != null) {
                return format == TextFormat.MARKDOWN ? Markdown.toAdf(text) : Adf.fromText(text);
            }
            if (isDocument(value)) {
                return value;
            }
            throw new JiraSpokeInputException(action + ": field '" + field + "' must be text or an ADF document"
                                              + " ({\"type\":\"doc\",\"version\":1,\"content\":[..]}), got "
                                              + describe(value));
        }

        @Override
        public JiraPager<JiraIssue> searchIssues(JiraClient client, String jql, List<String> fields, String expand,
                                                 int pageSize, long limit) {
            return JiraPager.of(PagingStyle.NEXT_PAGE_TOKEN, page -> {
                Map<String, Object> body = searchBody(jql, page, fields);
                if (expand != null) {
                    body.put("expand", expand);
                }
                return client.call(JiraRequest.post("/rest/api/3/search/jql").readOnly().body(body));
            }, "issues", pageSize, limit, issue -> new JiraIssue(issue, client.fields()));
        }

        @Override
        public JiraRequest attachmentContent(String id, JiraAttachment attachment) {
            return attachmentContentAt("/rest/api/3/attachment/content/" + JiraRequest.segment(id));
        }

        @Override
        public JiraRequest attachmentContentAt(String path) {
            return content(path).followMediaRedirect();
        }
    },

    /** Jira Server and Data Center: REST v2, wiki markup, user names, {@code /search} with {@code startAt}. */
    DATA_CENTER(Deployment.SERVER, "/rest/api/2", "name", "username") {
        @Override
        public Object richText(Object value, TextFormat format, String action, String field) {
            String text = plain(value);
            if (text != null) {
                return format == TextFormat.MARKDOWN ? Markdown.toWiki(text) : text;
            }
            throw new JiraSpokeInputException(action + ": field '" + field + "' must be text on Jira Data Center"
                                              + " (wiki markup, or Markdown with textFormat=markdown); ADF documents"
                                              + " are only understood by Jira Cloud, got " + describe(value));
        }

        @Override
        public JiraPager<JiraIssue> searchIssues(JiraClient client, String jql, List<String> fields, String expand,
                                                 int pageSize, long limit) {
            List<String> expandList = expand == null ? null : new ArrayList<>(Arrays.asList(expand.split("\\s*,\\s*")));
            return JiraPager.of(PagingStyle.START_AT, page -> {
                Map<String, Object> body = searchBody(jql, page, fields);
                if (expandList != null) {
                    body.put("expand", expandList);
                }
                return client.call(JiraRequest.post("/rest/api/2/search").readOnly().body(body));
            }, "issues", pageSize, limit, issue -> new JiraIssue(issue, client.fields()));
        }

        @Override
        public JiraRequest attachmentContent(String id, JiraAttachment attachment) {
            String tail = servletTail(attachment.getContent(), id);
            if (tail == null) {
                String fileName = attachment.getFilename();
                if (fileName == null || fileName.isBlank()) {
                    throw new JiraSpokeInputException("attachment " + id + " has neither a file name nor a content"
                                                      + " URL, and Jira Data Center serves attachment content only"
                                                      + " by id and file name");
                }
                tail = JiraRequest.segment(id) + "/" + JiraRequest.segment(fileName);
            }
            return content("/secure/attachment/" + tail);
        }

        @Override
        public JiraRequest attachmentContentAt(String path) {
            return content(path);
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(JiraDialect.class);
    private static final String SERVLET = "/secure/attachment/";
    /** What a path may hold as it is, percent escapes included. */
    private static final Pattern URI_SAFE = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=:@/-]+");
    /** History entries by creation, then by id; an entry without a readable time goes last. */
    private static final Comparator<JsonNode> OLDEST_FIRST = Comparator
            .comparing((JsonNode h) -> JiraTime.parse(h.path("created").asText(null)),
                    Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant)))
            .thenComparing(h -> h.path("id").asText(""), Comparator.comparing(JiraDialect::idNumber));

    private final Deployment deployment;
    private final String api;
    private final String userField;
    private final String userParameter;

    JiraDialect(Deployment deployment, String api, String userField, String userParameter) {
        this.deployment = deployment;
        this.api = api;
        this.userField = userField;
        this.userParameter = userParameter;
    }

    public static JiraDialect of(Deployment deployment) {
        return deployment == Deployment.CLOUD ? CLOUD : DATA_CENTER;
    }

    public Deployment deployment() {
        return deployment;
    }

    /** The platform REST prefix: {@code /rest/api/3} on Cloud, {@code /rest/api/2} on Data Center. */
    public String api() {
        return api;
    }

    /**
     * A rich-text value (description, comment body, worklog or transition comment) as this deployment takes it.
     * Text (a String or a JSON string) is read in {@code format}: on Cloud, {@link TextFormat#TEXT} becomes ADF
     * paragraphs and hard breaks and {@link TextFormat#MARKDOWN} an ADF document with its structure; on Data Center,
     * text is sent as is (it may carry wiki markup) and Markdown becomes wiki markup. An ADF document (a Map or JSON
     * object of {@code "type": "doc"}) goes to Cloud as is whatever the format and is refused by Data Center; other
     * values are refused. A null format is {@link TextFormat#TEXT}.
     *
     * @param action the action id, and {@code field} the field, that a refusal names
     * @throws JiraSpokeInputException when the value cannot be rich text on this deployment
     */
    public abstract Object richText(Object value, TextFormat format, String action, String field);

    /**
     * The plain text of a rich-text value as Jira returned it: ADF rendered by {@link Adf#toText}, wiki markup
     * stripped by {@link io.jiraspoke.camel.model.WikiText#toText}; null stays null.
     */
    public String text(JsonNode value) {
        return Adf.toText(value);
    }

    private static String plain(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        return value instanceof JsonNode node && node.isTextual() ? node.asText() : null;
    }

    private static boolean isDocument(Object value) {
        if (value instanceof JsonNode node) {
            return Adf.isDocument(node);
        }
        return value instanceof Map<?, ?> map && "doc".equals(map.get("type"));
    }

    /** What a refused value was, by kind, never by content (which may be long or private). */
    private static String describe(Object value) {
        if (value instanceof JsonNode node) {
            return node.isObject() && node.has("type") ? "a JSON object of type '" + node.path("type").asText() + "'"
                    : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Map<?, ?> map) {
            return map.get("type") != null ? "a map of type '" + map.get("type") + "'" : "a map without \"type\"";
        }
        return "a " + value.getClass().getName();
    }

    /** A user in a request body: {@code {"accountId": ..}} on Cloud, {@code {"name": ..}} on Data Center. */
    public Map<String, Object> user(String id) {
        Map<String, Object> m = new LinkedHashMap<>(2);
        m.put(userField, id);
        return m;
    }

    /** The query parameter naming a user: {@code accountId} on Cloud, {@code username} on Data Center. */
    public String userParameter() {
        return userParameter;
    }

    /**
     * The query parameter that finds users by the start of their name, display name or e-mail address:
     * {@code query} on Cloud, {@code username} on Data Center (which also matches display names and e-mail).
     */
    public String userQueryParameter() {
        return this == CLOUD ? "query" : "username";
    }

    /** The field of a new project's lead: {@code leadAccountId} on Cloud, {@code lead} (a user name) on Data Center. */
    public String projectLeadField() {
        return this == CLOUD ? "leadAccountId" : "lead";
    }

    /**
     * Whether this Jira has the per-project create metadata ({@code issue/createmeta/{project}/issuetypes[/{id}]}).
     * Cloud and Data Center 9 and later do (9 removed the global {@code issue/createmeta?expand=projects.issuetypes.fields}
     * form); older Data Center is asked the global form, which every version before 9 has, while the per-project
     * one only came with 8.4. The version is learnt once per connection; a Jira that does not say its version is
     * taken to be current.
     */
    public boolean hasProjectCreateMeta(JiraClient client) {
        if (this == CLOUD) {
            return true;
        }
        Integer major = client.serverMajorVersion();
        return major == null || major >= 9;
    }

    /**
     * Whether every version of this deployment sorts an issue's comments by {@code orderBy}. Cloud does. Data Center
     * documents it, but older servers ignore the parameter (and page size) and list every comment oldest first, and
     * an answer does not tell which happened: a request there that needs the newest comment must not rely on it.
     */
    public boolean ordersComments() {
        return this == CLOUD;
    }

    /**
     * An issue's change history, oldest first, lazily. Cloud: the paged {@code issue/{key}/changelog}
     * ({@code startAt}, {@code values}, {@code isLast}). Data Center has no paged endpoint: {@code issue/{key}} with
     * {@code expand=changelog} answers the whole history at once ({@code changelog.histories}), read as one page
     * with its entries put oldest first by creation and id, since Jira does not promise their order there.
     */
    public <T> JiraPager<T> changelog(JiraClient client, String issue, int pageSize, long limit,
                                      Function<JsonNode, T> mapper) {
        String path = api + "/issue/" + JiraRequest.segment(issue);
        if (this == CLOUD) {
            return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get(path + "/changelog")
                    .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))),
                    "values", pageSize, limit, mapper);
        }
        return JiraPager.of(PagingStyle.START_AT, page -> {
            JiraRequest request = JiraRequest.get(path).query("fields", "updated").query("expand", "changelog");
            JsonNode changelog = client.call(request).path("changelog");
            JsonNode histories = changelog.path("histories");
            if (!histories.isArray()) {
                throw new JiraSpokeUnexpectedAnswerException("Jira answered GET " + request.pathAndQuery()
                                                             + " without the issue's history ('changelog.histories'"
                                                             + " is " + (histories.isMissingNode() ? "missing"
                                                                     : "not an array") + ")",
                        200, "GET", request.pathAndQuery(), null);
            }
            long total = changelog.path("total").asLong(histories.size());
            if (total > histories.size()) {
                LOG.warn("Jira answered {} of the {} history entries of issue {} on connection '{}'",
                        histories.size(), total, issue, client.name());
            }
            List<JsonNode> entries = new ArrayList<>(histories.size());
            histories.forEach(entries::add);
            entries.sort(OLDEST_FIRST);
            ArrayNode sorted = JiraJson.MAPPER.createArrayNode();
            sorted.addAll(entries);
            return onePage(sorted);
        }, "values", pageSize, limit, mapper);
    }

    private static long idNumber(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Every issue priority, lazily. Cloud: the paged {@code priority/search} ({@code startAt}, {@code values}), which
     * also says which priority is the default; the Dec 2025 spec flags it deprecated as it does the unpaged
     * {@code priority}, and documents no replacement for either. Data Center: the unpaged {@code priority} array,
     * which every version has ({@code priority/page} came later), read as one page.
     */
    public JiraPager<JiraPriority> priorities(JiraClient client, int pageSize) {
        if (this == CLOUD) {
            return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get(api + "/priority/search")
                    .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))),
                    "values", pageSize, 0, JiraPriority::new);
        }
        return JiraPager.of(PagingStyle.START_AT, page -> onePage(client.call(JiraRequest.get(api + "/priority")
                .expect(JiraRequest.Expect.ARRAY))), "values", pageSize, 0, JiraPriority::new);
    }

    /** An unpaged array as the one and last page of a walk. */
    private static JsonNode onePage(JsonNode array) {
        ObjectNode page = JiraJson.MAPPER.createObjectNode();
        page.set("values", array);
        page.put("isLast", true);
        return page;
    }

    /** Issues matching a JQL query, lazily page by page, with the deployment's search API and paging. */
    public abstract JiraPager<JiraIssue> searchIssues(JiraClient client, String jql, List<String> fields,
                                                      String expand, int pageSize, long limit);

    /**
     * How many issues match a JQL query. Cloud: {@code POST /rest/api/3/search/approximate-count}, whose
     * {@code count} is an estimate (recent changes may be missing) and which takes only bounded JQL; its
     * {@code /search/jql} has no total. Data Center: the {@code total} of {@code GET /rest/api/2/search} asked for
     * no issues ({@code maxResults=0}).
     */
    public long countIssues(JiraClient client, String jql) {
        JiraRequest request;
        String field;
        if (this == CLOUD) {
            request = JiraRequest.post("/rest/api/3/search/approximate-count").readOnly().body(Map.of("jql", jql));
            field = "count";
        } else {
            request = JiraRequest.get("/rest/api/2/search").query("jql", jql).query("maxResults", 0);
            field = "total";
        }
        JsonNode v = client.call(request).get(field);
        // a count as text (as some proxies and old servers send numbers) is still the count
        String digits = v == null ? null : v.isIntegralNumber() || v.isTextual() ? v.asText().strip() : null;
        if (digits != null && !digits.isEmpty() && digits.length() <= 18
            && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(digits);
        }
        throw new JiraSpokeUnexpectedAnswerException("Jira answered " + request.method() + " "
                                                     + request.pathAndQuery() + " without a count: '" + field
                                                     + "' is " + (v == null ? "missing" : describe(v)), 200,
                request.method(), request.pathAndQuery(), null);
    }

    // users and groups

    /**
     * The body of a new user as this deployment takes it, from the fields given in the body (as Jira names them)
     * and the options, which fill in what the body does not set. Cloud takes an e-mail address and products and
     * invites the user, who sets up name and password; a name, display name or password for Cloud is refused rather
     * than dropped. Data Center takes a user name, password (generated when absent), e-mail address, display name
     * and application keys.
     */
    public Map<String, Object> newUser(Map<String, Object> body, NewUser given) {
        Map<String, Object> user = new LinkedHashMap<>(body);
        if (this == CLOUD) {
            refuseOnCloud(given.name(), "user", "Jira Cloud assigns the account id of a new user");
            refuseOnCloud(given.displayName(), "displayName", "Jira Cloud takes no display name for a new user (the"
                                                              + " user sets it up when invited)");
            refuseOnCloud(given.password(), "userPassword", "Jira Cloud takes no password for a new user (the user"
                                                            + " sets it up when invited)");
            putIfGiven(user, "emailAddress", given.emailAddress());
            putIfGiven(user, "products", given.products());
            requireField(user, "emailAddress", "emailAddress", JiraSpokeConstants.EMAIL_ADDRESS);
            if (!(user.get("products") instanceof List<?>)) {
                throw new JiraSpokeInputException("user/create on Jira Cloud needs field 'products', the products the"
                                                  + " user gets (Jira requires them): set option 'products' (e.g."
                                                  + " jira-software), header " + JiraSpokeConstants.PRODUCTS
                                                  + ", or \"products\" in the body; \"products\": [] creates a"
                                                  + " user without product access");
            }
        } else {
            putIfGiven(user, "name", given.name());
            putIfGiven(user, "password", given.password());
            putIfGiven(user, "emailAddress", given.emailAddress());
            putIfGiven(user, "displayName", given.displayName());
            putIfGiven(user, "applicationKeys", given.products());
            requireField(user, "emailAddress", "emailAddress", JiraSpokeConstants.EMAIL_ADDRESS);
            requireField(user, "name", "user", JiraSpokeConstants.USER);
        }
        return user;
    }

    /** What the options say of a new user; null where an option is not set. */
    public record NewUser(String name, String emailAddress, String displayName, String password,
                          List<String> products) {

        @Override
        public String toString() {
            // the password stays out of every log and exception
            return "NewUser[" + name + ", " + emailAddress + "]";
        }
    }

    /**
     * The groups a user belongs to: Cloud answers them on their own, Data Center only inside the user
     * ({@code expand=groups}), where a {@code size} larger than the items says Jira cut the list.
     */
    public JsonNode userGroups(JiraClient client, String user) {
        if (this == CLOUD) {
            return client.call(JiraRequest.get("/rest/api/3/user/groups").query("accountId", user)
                    .expect(JiraRequest.Expect.ARRAY));
        }
        JiraRequest request = JiraRequest.get("/rest/api/2/user").query("username", user).query("expand", "groups");
        JsonNode groups = client.call(request).path("groups");
        JsonNode items = groups.path("items");
        if (!items.isArray()) {
            throw new JiraSpokeUnexpectedAnswerException("Jira answered GET " + request.pathAndQuery()
                                                         + " without the user's groups ('groups.items' is "
                                                         + (items.isMissingNode() ? "missing" : "not an array")
                                                         + ")", 200, "GET", request.pathAndQuery(), null);
        }
        long size = groups.path("size").asLong(items.size());
        if (size > items.size()) {
            LOG.warn("Jira answered {} of the {} groups of user {} on connection '{}' (Data Center cuts the groups it"
                     + " expands into a user)", items.size(), size, user, client.name());
        }
        return items;
    }

    /** Whether groups have ids besides their names (Cloud); Data Center knows groups by name only. */
    public boolean groupsHaveIds() {
        return this == CLOUD;
    }

    private static void refuseOnCloud(Object value, String option, String why) {
        if (value != null) {
            throw new JiraSpokeInputException("user/create: " + why + "; leave option '" + option + "' (and its"
                                              + " header) unset");
        }
    }

    private static void putIfGiven(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.putIfAbsent(field, value);
        }
    }

    private static void requireField(Map<String, Object> body, String field, String option, String header) {
        Object v = body.get(field);
        if (v == null || (v instanceof String text && text.isBlank())) {
            throw new JiraSpokeInputException("user/create needs field '" + field + "': set option '" + option
                                              + "', header " + header + ", or \"" + field + "\" in the body");
        }
    }

    /**
     * The request for an attachment's content. Cloud: {@code GET /rest/api/3/attachment/content/{id}}, which
     * answers 303 to the media service (followed once, without credentials). Data Center has no REST endpoint for
     * it: the content servlet {@code /secure/attachment/{id}/{fileName}} under the base URL, with the connection's
     * credentials, by the {@code {id}/{file name}} of the attachment's content URL as Jira encoded it (whatever host
     * that URL names: Jira's own base URL setting may differ from the connection's), else by its file name.
     */
    public abstract JiraRequest attachmentContent(String id, JiraAttachment attachment);

    /** The request for attachment content at a path below the base URL (a content URL Jira gave). */
    public abstract JiraRequest attachmentContentAt(String path);

    /** {@code {id}/{encoded name}} after {@code /secure/attachment/} of a content URL, when it is this attachment's. */
    private static String servletTail(String url, String id) {
        int at = url == null ? -1 : url.indexOf(SERVLET);
        if (at < 0) {
            return null;
        }
        String tail = url.substring(at + SERVLET.length());
        int end = tail.length();
        for (char stop : new char[] { '?', '#' }) {
            int i = tail.indexOf(stop);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        tail = tail.substring(0, end);
        int slash = tail.indexOf('/');
        boolean mine = slash > 0 && tail.substring(0, slash).equals(id) && slash < tail.length() - 1
                       && tail.indexOf('/', slash + 1) < 0 && !tail.contains("..");
        return mine && URI_SAFE.matcher(tail).matches() ? tail : null;
    }

    /**
     * Any type, and the bytes as stored: compressing a zip or an image again gains nothing, and the length must be
     * the metadata's size.
     */
    private static JiraRequest content(String path) {
        return JiraRequest.get(path).header("Accept", "*/*").header("Accept-Encoding", "identity");
    }

    private static Map<String, Object> searchBody(String jql, Map<String, Object> page, List<String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jql", jql);
        body.putAll(page);
        if (fields != null && !fields.isEmpty()) {
            body.put("fields", fields);
        }
        return body;
    }
}
