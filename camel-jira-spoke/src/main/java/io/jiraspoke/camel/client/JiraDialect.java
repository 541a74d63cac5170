package io.jiraspoke.camel.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.Adf;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraPriority;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;

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
        public Object richText(Object value, String action, String field) {
            return value instanceof CharSequence text ? Adf.fromText(text.toString()) : value;
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
            }, "issues", pageSize, limit, JiraIssue::new);
        }
    },

    /** Jira Server and Data Center: REST v2, wiki markup, user names, {@code /search} with {@code startAt}. */
    DATA_CENTER(Deployment.SERVER, "/rest/api/2", "name", "username") {
        @Override
        public Object richText(Object value, String action, String field) {
            if (value instanceof CharSequence text) {
                return text.toString();
            }
            throw new JiraSpokeInputException(action + ": field '" + field + "' must be text on Jira Data Center"
                                              + " (wiki markup); ADF documents are only understood by Jira Cloud");
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
            }, "issues", pageSize, limit, JiraIssue::new);
        }
    };

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
     * A rich-text value (description, comment body) as this deployment takes it: plain text becomes ADF on Cloud
     * and stays wiki text on Data Center; an ADF document goes to Cloud as is and is refused by Data Center.
     */
    public abstract Object richText(Object value, String action, String field);

    /** The plain text of a rich-text value as Jira returned it (ADF flattened, wiki text as is); null stays null. */
    public String text(JsonNode value) {
        return Adf.toText(value);
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
