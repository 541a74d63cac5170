package io.jiraspoke.camel.producer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.model.JiraFieldMeta;
import io.jiraspoke.camel.model.JiraIssueType;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code metadata} family: what can be created and edited. Cloud and Data Center 9+ answer the
 * per-project create metadata, paged ({@code issueTypes[]} or {@code fields[]} on Cloud, {@code values[]} on Data
 * Center); Data Center before 9 is asked the global create metadata, which nests the same information under
 * {@code projects[].issuetypes[]}. The dialect chooses by the server's version, learnt once per connection: a
 * fallback on 404 could not tell a missing API from a missing project, and would cost a failed request on every
 * call to an old server. Either way the result has one shape.
 */
public class MetadataProducer extends JiraSpokeProducer {

    /** Jira's own default page of create metadata; Cloud allows up to 200, Data Center documents no maximum. */
    static final int PAGE_SIZE = 50;

    private static final List<String> PAGING_FIELDS = List.of("startAt", "maxResults", "total", "isLast");

    public MetadataProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** GET /rest/api/{3|2}/issue/createmeta/{projectIdOrKey}/issuetypes (older Data Center: issue/createmeta). */
    @InvokeOnHeader("metadata/issueTypes")
    @ActionDoc(returns = "List<JiraIssueType>: the issue types the connection may create issues of in the project")
    public List<JiraIssueType> issueTypes(Exchange exchange) {
        String project = projectKey(exchange, "metadata/issueTypes");
        List<JiraIssueType> types = new ArrayList<>();
        issueTypesOf(client(), project).forEach(types::add);
        return types;
    }

    /**
     * GET /rest/api/{3|2}/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId} (older Data Center:
     * issue/createmeta?expand=projects.issuetypes.fields). An issue type given by name is looked up among the
     * project's issue types first.
     */
    @InvokeOnHeader("metadata/creatableFields")
    @ActionDoc(returns = "List<JiraFieldMeta>: the fields of the create screen of the issue type in the project")
    public List<JiraFieldMeta> creatableFields(Exchange exchange) {
        String project = projectKey(exchange, "metadata/creatableFields");
        String type = option(exchange, JiraSpokeConstants.ISSUE_TYPE, getEndpoint().getIssue().getIssueType());
        if (type == null || type.isBlank()) {
            throw new JiraSpokeInputException("metadata/creatableFields needs an issue type (a name such as Bug, or"
                                              + " an id): set option 'issueType' or header "
                                              + JiraSpokeConstants.ISSUE_TYPE);
        }
        JiraClient c = client();
        String typeId = isNumeric(type.trim()) ? type.trim() : byName(issueTypesOf(c, project), project, type).getId();
        if (c.dialect().hasProjectCreateMeta(c)) {
            String path = c.dialect().api() + "/issue/createmeta/" + JiraRequest.segment(project) + "/issuetypes/"
                          + JiraRequest.segment(typeId);
            List<JiraFieldMeta> fields = new ArrayList<>();
            pages(c, path, "fields", "results", "values").forEach(f -> fields.add(new JiraFieldMeta(f)));
            return fields;
        }
        JiraRequest r = legacyRequest(c, project).query("issuetypeIds", typeId)
                .query("expand", "projects.issuetypes.fields");
        JsonNode types = legacyProject(c, r, project).path("issuetypes");
        if (!types.isArray() || types.isEmpty()) {
            throw new JiraSpokeNotFoundException("Jira's create metadata of project " + project + " has no issue type "
                                                 + typeId + " the connection may create issues of (GET "
                                                 + r.pathAndQuery() + ")", 200, r.method(), r.pathAndQuery(),
                    List.of(), Map.of());
        }
        return fieldsOf(types.get(0).path("fields"));
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}/editmeta. */
    @InvokeOnHeader("metadata/editableFields")
    @ActionDoc(returns = "List<JiraFieldMeta>: the fields of the issue the connection may edit, in Jira's order")
    public List<JiraFieldMeta> editableFields(Exchange exchange) {
        String key = option(exchange, JiraSpokeConstants.ISSUE_KEY, getEndpoint().getIssue().getIssueKey());
        if (key == null || key.isBlank()) {
            throw new JiraSpokeInputException("metadata/editableFields needs an issue: set option 'issueKey' or"
                                              + " header " + JiraSpokeConstants.ISSUE_KEY);
        }
        JsonNode meta = client().call(JiraRequest.get(dialect().api() + "/issue/" + JiraRequest.segment(key.trim())
                                                      + "/editmeta"));
        return fieldsOf(meta.path("fields"));
    }

    private String projectKey(Exchange exchange, String action) {
        String project = option(exchange, JiraSpokeConstants.PROJECT_KEY, getEndpoint().getIssue().getProjectKey());
        if (project == null || project.isBlank()) {
            throw new JiraSpokeInputException(action + " needs a project (a key or an id): set option 'projectKey' or"
                                              + " header " + JiraSpokeConstants.PROJECT_KEY);
        }
        return project.trim();
    }

    /** The issue types of a project, lazily page by page where Jira pages them. */
    static Iterable<JiraIssueType> issueTypesOf(JiraClient c, String project) {
        if (c.dialect().hasProjectCreateMeta(c)) {
            String path = c.dialect().api() + "/issue/createmeta/" + JiraRequest.segment(project) + "/issuetypes";
            JiraPager<JsonNode> pages = pages(c, path, "issueTypes", "createMetaIssueType", "values");
            return () -> {
                Iterator<JsonNode> it = pages.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public JiraIssueType next() {
                        return new JiraIssueType(it.next());
                    }
                };
            };
        }
        JsonNode types = legacyProject(c, legacyRequest(c, project), project).path("issuetypes");
        List<JiraIssueType> out = new ArrayList<>();
        types.forEach(t -> out.add(new JiraIssueType(t)));
        return out;
    }

    /**
     * The issue type a name means in the project: the one of exactly that name, else the one whose name differs only
     * in case. Names are compared in Unicode NFC, so a name typed with combining accents finds its Jira spelling.
     */
    static JiraIssueType byName(Iterable<JiraIssueType> types, String project, String name) {
        String wanted = nfc(name.trim());
        List<JiraIssueType> exact = new ArrayList<>();
        List<JiraIssueType> ignoringCase = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (JiraIssueType t : types) {
            String n = t.getName() == null ? "" : nfc(t.getName());
            known.add(t.getName() + " (" + t.getId() + ")");
            if (n.equals(wanted)) {
                exact.add(t);
            } else if (n.equalsIgnoreCase(wanted)) {
                ignoringCase.add(t);
            }
        }
        List<JiraIssueType> found = !exact.isEmpty() ? exact : ignoringCase;
        if (found.size() == 1) {
            return found.get(0);
        }
        String where = "metadata/creatableFields: the issue type '" + name + "' (option 'issueType', header "
                       + JiraSpokeConstants.ISSUE_TYPE + ")";
        if (found.isEmpty()) {
            throw new JiraSpokeInputException(where + " is not one project " + project + " may create; its issue"
                                              + " types are: " + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        List<String> ids = found.stream().map(t -> t.getName() + " (" + t.getId() + ")").toList();
        throw new JiraSpokeInputException(where + " names several issue types of project " + project + ": "
                                          + String.join(", ", ids) + "; give the id instead");
    }

    /**
     * Pages of create metadata. Jira names the items differently by deployment and version ({@code issueTypes} or
     * {@code fields} on Cloud, {@code values} on Data Center), so each page's first array of those names is read.
     */
    private static JiraPager<JsonNode> pages(JiraClient c, String path, String... itemNames) {
        return JiraPager.of(PagingStyle.START_AT, page -> items(c.call(JiraRequest.get(path)
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))), itemNames),
                "values", PAGE_SIZE, 0, item -> item);
    }

    private static JsonNode items(JsonNode page, String... names) {
        ObjectNode normal = JiraJson.MAPPER.createObjectNode();
        for (String paging : PAGING_FIELDS) {
            JsonNode v = page.get(paging);
            if (v != null) {
                normal.set(paging, v);
            }
        }
        for (String name : names) {
            JsonNode v = page.get(name);
            if (v != null && !v.isNull()) {
                normal.set("values", v);
                break;
            }
        }
        return normal;
    }

    /** The global create metadata of one project (older Data Center), by key or by id. */
    private static JiraRequest legacyRequest(JiraClient c, String project) {
        return JiraRequest.get(c.dialect().api() + "/issue/createmeta")
                .query(isNumeric(project) ? "projectIds" : "projectKeys", project);
    }

    private static JsonNode legacyProject(JiraClient c, JiraRequest r, String project) {
        JsonNode projects = c.call(r).path("projects");
        if (!projects.isArray() || projects.isEmpty()) {
            // the per-project form answers 404 here; the global one just lists no project
            throw new JiraSpokeNotFoundException("Jira's create metadata lists no project " + project + ": it does not"
                                                 + " exist or the connection may not create issues in it (GET "
                                                 + r.pathAndQuery() + ")", 200, r.method(), r.pathAndQuery(),
                    List.of(), Map.of());
        }
        return projects.get(0);
    }

    /** The fields of an {@code editmeta} or older create metadata answer: an object keyed by field id. */
    private static List<JiraFieldMeta> fieldsOf(JsonNode fields) {
        List<JiraFieldMeta> out = new ArrayList<>();
        if (fields.isObject()) {
            fields.properties().forEach(e -> out.add(new JiraFieldMeta(e.getKey(), e.getValue())));
        } else if (fields.isArray()) {
            fields.forEach(f -> out.add(new JiraFieldMeta(f)));
        }
        return out;
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }
}
