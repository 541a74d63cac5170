package io.jiraspoke.camel.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.Adf;
import io.jiraspoke.camel.model.JiraIssue;
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
     * Whether every version of this deployment sorts an issue's comments by {@code orderBy}. Cloud does. Data Center
     * documents it, but older servers ignore the parameter (and page size) and list every comment oldest first, and
     * an answer does not tell which happened: a request there that needs the newest comment must not rely on it.
     */
    public boolean ordersComments() {
        return this == CLOUD;
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
