package io.jiraspoke.camel.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraDialect;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.ListSource;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraProject;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code project} family. {@code project/list} has one method per catalogue variant, as Cloud and Data
 * Center list projects with different APIs (Cloud's paged {@code project/search}, Data Center's one unpaged array);
 * both give the same result type.
 */
public class ProjectProducer extends JiraSpokeProducer {

    static final String LIST_CLOUD = "project/list[cloud]";
    static final String LIST_SERVER = "project/list[server]";

    private static final String LIST_RETURNS = "List<JiraProject>, or with outputType=iterator an Iterator<JiraProject>"
                                               + " that fetches pages as it is read";
    private static final String CREATE_BODY = "Optional: a Map or JSON object of Jira's create-project fields (e.g."
                                              + " categoryId, permissionScheme, url), sent as they are; options fill"
                                              + " in the fields the body leaves out. A plain text body is the"
                                              + " description.";

    public ProjectProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private ProjectOptions options() {
        return getEndpoint().getProject();
    }

    /** POST /rest/api/{3|2}/project: the lead is {@code leadAccountId} on Cloud, {@code lead} on Data Center. */
    @InvokeOnHeader("project/create")
    @ActionDoc(body = CREATE_BODY,
               returns = "JiraProject with only id, key and self (Jira answers no more; use project/get for the rest)",
               headers = { JiraSpokeConstants.PROJECT_KEY, JiraSpokeConstants.PROJECT_ID })
    public JiraProject create(Exchange exchange) {
        ProjectOptions o = options();
        Map<String, Object> fields = createFields(exchange);
        putIfMissing(fields, "key", option(exchange, JiraSpokeConstants.PROJECT_KEY,
                getEndpoint().getIssue().getProjectKey()));
        putIfMissing(fields, "name", option(exchange, JiraSpokeConstants.PROJECT_NAME, o.getProjectName()));
        putIfMissing(fields, "projectTypeKey", option(exchange, JiraSpokeConstants.PROJECT_TYPE_KEY,
                o.getProjectTypeKey()));
        putIfMissing(fields, "projectTemplateKey", option(exchange, JiraSpokeConstants.PROJECT_TEMPLATE_KEY,
                o.getProjectTemplateKey()));
        putIfMissing(fields, "assigneeType", option(exchange, JiraSpokeConstants.ASSIGNEE_TYPE, o.getAssigneeType()));
        putIfMissing(fields, "description", option(exchange, JiraSpokeConstants.PROJECT_DESCRIPTION,
                o.getProjectDescription()));
        String lead = option(exchange, JiraSpokeConstants.PROJECT_LEAD, o.getProjectLead());
        if (!given(fields.get("lead")) && !given(fields.get("leadAccountId"))) {
            putIfMissing(fields, dialect().projectLeadField(), lead);
        }
        requireCreate(fields, "key", "option 'projectKey', header " + JiraSpokeConstants.PROJECT_KEY);
        requireCreate(fields, "name", "option 'projectName', header " + JiraSpokeConstants.PROJECT_NAME);
        if (!given(fields.get("lead")) && !given(fields.get("leadAccountId"))) {
            throw new JiraSpokeInputException("project/create needs a project lead: set option 'projectLead', header "
                                              + JiraSpokeConstants.PROJECT_LEAD + ", or "
                                              + dialect().projectLeadField() + " in the body");
        }
        if (!given(fields.get("projectTypeKey")) && !given(fields.get("projectTemplateKey"))) {
            throw new JiraSpokeInputException("project/create needs a project type: set option 'projectTypeKey'"
                                              + " (header " + JiraSpokeConstants.PROJECT_TYPE_KEY + ") or"
                                              + " 'projectTemplateKey' (header "
                                              + JiraSpokeConstants.PROJECT_TEMPLATE_KEY + "), or either in the body");
        }
        JiraProject project = new JiraProject(client().call(JiraRequest.post(dialect().api() + "/project")
                .body(fields)));
        setResultHeaders(exchange.getMessage(), project);
        return project;
    }

    /** GET /rest/api/{3|2}/project/{projectIdOrKey}. */
    @InvokeOnHeader("project/get")
    @ActionDoc(returns = "JiraProject (with lead, issue types, components and versions as Jira includes them)",
               headers = { JiraSpokeConstants.PROJECT_KEY, JiraSpokeConstants.PROJECT_ID })
    public JiraProject get(Exchange exchange) {
        String key = option(exchange, JiraSpokeConstants.PROJECT_KEY, getEndpoint().getIssue().getProjectKey());
        if (!given(key)) {
            throw new JiraSpokeInputException("project/get needs a project: set option 'projectKey' (a key or an id)"
                                              + " or header " + JiraSpokeConstants.PROJECT_KEY);
        }
        JiraProject project = new JiraProject(client().call(JiraRequest.get(dialect().api() + "/project/"
                                                                             + JiraRequest.segment(key.trim()))
                .query("expand", option(exchange, JiraSpokeConstants.EXPAND, getEndpoint().getIssue().getExpand()))));
        setResultHeaders(exchange.getMessage(), project);
        return project;
    }

    /** GET /rest/api/3/project/search (startAt paging, {@code values}, {@code isLast}). */
    @InvokeOnHeader(LIST_CLOUD)
    @ActionDoc(returns = LIST_RETURNS)
    public Object listCloud(Exchange exchange) {
        return output(cloudProjects(client(), ListQuery.of(exchange, getEndpoint()), getEndpoint().getPageSize(),
                getEndpoint().getLimit()));
    }

    /**
     * GET /rest/api/2/project: one unpaged array, read whole (Data Center has no paged project list). It cannot
     * filter or order, so the Cloud-only options are refused rather than ignored.
     */
    @InvokeOnHeader(LIST_SERVER)
    @ActionDoc(returns = LIST_RETURNS)
    public Object listServer(Exchange exchange) {
        ListQuery q = ListQuery.of(exchange, getEndpoint());
        String refused = q.cloudOnlyOptions();
        if (refused != null) {
            throw new JiraSpokeInputException(refused);
        }
        return output(serverProjects(client(), q, getEndpoint().getPageSize(), getEndpoint().getLimit()));
    }

    /**
     * GET /rest/api/{3|2}/user/assignable/multiProjectSearch: bare arrays. Jira takes the users in the window that
     * startAt and maxResults choose and answers only those assignable to the projects, so short pages are normal:
     * the walk goes on window by window until one is empty. Cloud looks at the first 1000 users only, Data Center
     * answers at most the first 100.
     */
    @InvokeOnHeader("project/assignableUsers")
    @ActionDoc(returns = "List<JiraUser>, or with outputType=iterator an Iterator<JiraUser> that fetches pages as it"
                         + " is read")
    public Object assignableUsers(Exchange exchange) {
        String keys = projectKeys(option(exchange, JiraSpokeConstants.PROJECT_KEY,
                getEndpoint().getIssue().getProjectKey()));
        if (keys == null) {
            throw new JiraSpokeInputException("project/assignableUsers needs one or more project keys (comma"
                                              + " separated): set option 'projectKey' or header "
                                              + JiraSpokeConstants.PROJECT_KEY);
        }
        return output(assignable(client(), keys, option(exchange, JiraSpokeConstants.USER_QUERY,
                options().getUserQuery()), getEndpoint().getPageSize(), getEndpoint().getLimit()));
    }

    /** The project/list consumer: every project each poll, or only new and changed ones. */
    @ConsumerFeed(value = "project/list", emits = "one JiraProject per project (emit=all) or per new or changed"
                                                  + " project (emit=changed)",
                  headers = { JiraSpokeConstants.PROJECT_KEY, JiraSpokeConstants.PROJECT_ID })
    public static ListSource<JiraProject> listFeed(JiraSpokeEndpoint endpoint) {
        ListQuery q = ListQuery.of(endpoint);
        return new ListSource<>() {
            @Override
            public void verify() {
                String refused = onServer() ? q.cloudOnlyOptions() : null;
                if (refused != null) {
                    throw new JiraSpokeConfigurationException("Consumer jiraspoke:project/list: " + refused);
                }
            }

            private boolean onServer() {
                return LIST_SERVER.equals(endpoint.variant().key());
            }

            @Override
            public Iterable<JiraProject> all() {
                return onServer() ? serverProjects(endpoint.getClient(), q, endpoint.getPageSize(), 0)
                        : cloudProjects(endpoint.getClient(), q, endpoint.getPageSize(), 0);
            }

            @Override
            public String id(JiraProject project) {
                // a project without an id is still told apart by its key, which Jira keeps unique
                if (project.getId() != null) {
                    return project.getId();
                }
                return project.getKey() != null ? "key:" + project.getKey() : "self:" + project.getSelf();
            }

            @Override
            public String version(JiraProject project) {
                return Digests.of(project.getRaw());
            }

            @Override
            public String describe(JiraProject project) {
                return "project " + project.getKey() + " (" + project.getName() + ")";
            }

            @Override
            public void headers(JiraProject project, Message message) {
                setResultHeaders(message, project);
            }

            @Override
            public String stateKeyBasis() {
                return q.query + "|" + q.typeKey + "|" + q.orderBy + "|" + q.includeArchived + "|" + q.expand;
            }
        };
    }

    /** The project/assignableUsers consumer: every assignable user each poll, or only new and changed ones. */
    @ConsumerFeed(value = "project/assignableUsers", emits = "one JiraUser per assignable user (emit=all) or per new"
                                                             + " or changed one (emit=changed)",
                  headers = { JiraSpokeConstants.USER_ID })
    public static ListSource<JiraUser> assignableUsersFeed(JiraSpokeEndpoint endpoint) {
        String keys = projectKeys(endpoint.getIssue().getProjectKey());
        String query = endpoint.getProject().getUserQuery();
        return new ListSource<>() {
            @Override
            public void verify() {
                if (keys == null) {
                    throw new JiraSpokeConfigurationException("Consumer jiraspoke:project/assignableUsers needs one"
                                                              + " or more project keys: set option 'projectKey'");
                }
            }

            @Override
            public Iterable<JiraUser> all() {
                return assignable(endpoint.getClient(), keys, query, endpoint.getPageSize(), 0);
            }

            @Override
            public String id(JiraUser user) {
                return user.getId() != null ? user.getId() : "key:" + user.getKey();
            }

            @Override
            public String version(JiraUser user) {
                return Digests.of(user.getRaw());
            }

            @Override
            public String describe(JiraUser user) {
                return "user " + id(user) + " (" + user.getDisplayName() + ")";
            }

            @Override
            public void headers(JiraUser user, Message message) {
                message.setHeader(JiraSpokeConstants.USER_ID, user.getId());
            }

            @Override
            public String stateKeyBasis() {
                return keys + "|" + query;
            }
        };
    }

    static JiraPager<JiraProject> cloudProjects(JiraClient client, ListQuery q, int pageSize, long limit) {
        String path = client.dialect().api() + "/project/search";
        return JiraPager.of(PagingStyle.START_AT, page -> {
            JiraRequest r = JiraRequest.get(path).query("startAt", page.get("startAt"))
                    .query("maxResults", page.get("maxResults")).query("query", q.query)
                    .query("typeKey", q.typeKey).query("orderBy", q.orderBy).query("expand", q.expand);
            if (Boolean.TRUE.equals(q.includeArchived)) {
                r.query("status", "live").query("status", "archived");
            }
            return client.call(r);
        }, "values", pageSize, limit, JiraProject::new);
    }

    static JiraPager<JiraProject> serverProjects(JiraClient client, ListQuery q, int pageSize, long limit) {
        String path = client.dialect().api() + "/project";
        return JiraPager.of(PagingStyle.START_AT, page -> wholeList(client.call(JiraRequest.get(path)
                .query("includeArchived", q.includeArchived).query("expand", q.expand)
                .expect(JiraRequest.Expect.ARRAY))), "values", pageSize, limit, JiraProject::new);
    }

    /** An unpaged array as the one and last page of a walk, so that it is delivered (and limited) like any list. */
    private static JsonNode wholeList(JsonNode array) {
        ObjectNode page = JiraJson.MAPPER.createObjectNode();
        page.set("values", array);
        page.put("isLast", true);
        return page;
    }

    static JiraPager<JiraUser> assignable(JiraClient client, String keys, String query, int pageSize, long limit) {
        JiraDialect d = client.dialect();
        String path = d.api() + "/user/assignable/multiProjectSearch";
        return JiraPager.of(PagingStyle.FILTERED_WINDOW, page -> client.call(JiraRequest.get(path)
                .query("projectKeys", keys).query(d.userQueryParameter(), query)
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .expect(JiraRequest.Expect.ARRAY)), null, pageSize, limit, JiraUser::new);
    }

    /** Project keys as Jira takes them (comma separated, no blanks); null when there are none. */
    private static String projectKeys(String value) {
        List<String> keys = commaList(value);
        return keys.isEmpty() ? null : String.join(",", keys);
    }

    static void setResultHeaders(Message message, JiraProject project) {
        message.setHeader(JiraSpokeConstants.PROJECT_KEY, project.getKey());
        message.setHeader(JiraSpokeConstants.PROJECT_ID, project.getId());
    }

    private Map<String, Object> createFields(Exchange exchange) {
        Object body = exchange.getIn().getBody() instanceof JiraProject ? null
                : Bodies.objectOrText(exchange, "project/create");
        Map<String, Object> fields = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> m) {
            m.forEach((k, v) -> fields.put(String.valueOf(k), v));
        } else if (body instanceof String text && !text.isBlank()) {
            fields.put("description", text);
        }
        return fields;
    }

    private static void putIfMissing(Map<String, Object> fields, String field, String value) {
        if (given(value) && !given(fields.get(field))) {
            fields.put(field, value);
        }
    }

    private static void requireCreate(Map<String, Object> fields, String field, String how) {
        if (!given(fields.get(field))) {
            throw new JiraSpokeInputException("project/create needs field '" + field + "': set " + how + ", or "
                                              + field + " in the body");
        }
    }

    private static boolean given(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }

    /** What project/list asks for, from the endpoint options (and for a producer, the message's headers). */
    static final class ListQuery {
        final String query;
        final String typeKey;
        final String orderBy;
        final Boolean includeArchived;
        final String expand;

        private ListQuery(String query, String typeKey, String orderBy, Boolean includeArchived, String expand) {
            this.query = query;
            this.typeKey = typeKey;
            this.orderBy = orderBy;
            this.includeArchived = includeArchived;
            this.expand = expand;
        }

        static ListQuery of(JiraSpokeEndpoint endpoint) {
            ProjectOptions o = endpoint.getProject();
            return new ListQuery(o.getProjectQuery(), o.getProjectTypeKey(), o.getProjectOrderBy(),
                    o.getIncludeArchived(), endpoint.getIssue().getExpand());
        }

        static ListQuery of(Exchange exchange, JiraSpokeEndpoint endpoint) {
            ProjectOptions o = endpoint.getProject();
            return new ListQuery(option(exchange, JiraSpokeConstants.PROJECT_QUERY, o.getProjectQuery()),
                    option(exchange, JiraSpokeConstants.PROJECT_TYPE_KEY, o.getProjectTypeKey()),
                    option(exchange, JiraSpokeConstants.PROJECT_ORDER_BY, o.getProjectOrderBy()),
                    option(exchange, JiraSpokeConstants.INCLUDE_ARCHIVED, o.getIncludeArchived()),
                    option(exchange, JiraSpokeConstants.EXPAND, endpoint.getIssue().getExpand()));
        }

        /** Why Data Center cannot answer this query, naming the options; null when it can. */
        String cloudOnlyOptions() {
            List<String> set = new ArrayList<>(3);
            if (query != null) {
                set.add("projectQuery (header " + JiraSpokeConstants.PROJECT_QUERY + ")");
            }
            if (typeKey != null) {
                set.add("projectTypeKey (header " + JiraSpokeConstants.PROJECT_TYPE_KEY + ")");
            }
            if (orderBy != null) {
                set.add("projectOrderBy (header " + JiraSpokeConstants.PROJECT_ORDER_BY + ")");
            }
            return set.isEmpty() ? null
                    : "project/list on Jira Data Center lists every project in one unpaged answer and can neither"
                      + " filter nor order it; leave out " + String.join(", ", set)
                      + " and filter in the route instead";
        }
    }
}
