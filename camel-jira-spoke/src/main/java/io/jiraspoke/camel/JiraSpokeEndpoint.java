package io.jiraspoke.camel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.jiraspoke.camel.catalog.ActionVariant;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.consumer.JiraSpokeIssueSearchConsumer;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.producer.JiraSpokeProducers;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Runs one action of the Jira Cloud or Data Center REST API on a named or inline connection. Stream actions can also
 * be consumed: a polling consumer emits each new or updated item once.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jiraspoke", title = "Jira Spoke", syntax = "jiraspoke:action",
             category = { Category.API, Category.CLOUD }, headersClass = JiraSpokeConstants.class)
public class JiraSpokeEndpoint extends ScheduledPollEndpoint {

    @UriPath(enums = "audit/logs,group/addUser,group/create,group/list,group/members,group/delete,group/removeUser,issue/addComment,issue/addWatcher,issue/assign,issue/addAttachment,issue/create,issue/deleteAttachment,issue/delete,issue/removeWatcher,issue/transition,issue/statuses,issue/get,issue/priorities,issue/search,sprint/issues,issue/transitions,issue/watchers,issue/update,metadata/creatableFields,metadata/editableFields,metadata/issueTypes,project/create,project/get,project/list,project/assignableUsers,sprint/create,sprint/delete,sprint/get,sprint/list,sprint/update,story/create,story/search,story/update,user/create,user/myself,user/groups,user/list,user/search,user/delete,attachment/download,field/lookup,webhook/issueFromComment,issue/latestAttachment,issue/latestComment,server/info,webhook/list,webhook/subscribe,webhook/unsubscribe,webhook/update",
             description = "The action, as family/verb (e.g. issue/create). See the action reference for what each"
                           + " one does, on which deployments, and the scopes it needs.")
    @Metadata(required = true)
    private String action;

    @UriParam(label = "common", description = "The name of a connection configured on the component. May be"
                                              + " omitted when the component has exactly one connection, or when the"
                                              + " connection is given inline with the connection options.")
    private String connection;
    @UriParam
    private JiraSpokeConnection configuration = new JiraSpokeConnection();

    @UriParam(label = "producer", description = "The issue id or key to act on (header CamelJiraSpokeIssueKey"
                                                + " overrides it).")
    private String issueKey;
    @UriParam(label = "common", description = "The JQL query of issue/search (header CamelJiraSpokeJql overrides it"
                                              + " for producers). A consumer adds its own updated-since condition"
                                              + " and ordering.")
    private String jql;
    @UriParam(label = "common", description = "The fields to return, comma separated (e.g. summary,status,"
                                              + "customfield_10016). issue/search defaults to *navigable; issue/get"
                                              + " to all fields.")
    private String fields;
    @UriParam(label = "common", description = "What Jira should expand, comma separated (e.g. changelog,names).")
    private String expand;
    @UriParam(label = "common", defaultValue = "100", description = "Items asked for per page.")
    private int pageSize = 100;
    @UriParam(label = "producer", defaultValue = "0", description = "Stop a stream after this many items (0: all).")
    private long limit;
    @UriParam(label = "producer", enums = "list,iterator", defaultValue = "list",
              description = "What a stream action returns: a list of all items, or a lazy iterator that fetches"
                            + " pages as it is read (use with split(body()).streaming() for large results).")
    private String outputType = "list";
    @UriParam(label = "producer", description = "The project key of a new issue.")
    private String projectKey;
    @UriParam(label = "producer", description = "The issue type of a new issue: a name (Task, Bug, Story) or an id.")
    private String issueType;
    @UriParam(label = "producer", description = "The summary of a new issue, or a new summary on update.")
    private String summary;
    @UriParam(label = "producer", defaultValue = "false", description = "issue/delete: also delete the subtasks"
                                                                        + " (Jira refuses to delete an issue that"
                                                                        + " has subtasks otherwise).")
    private boolean deleteSubtasks;
    @UriParam(label = "producer", description = "issue/update: whether Jira e-mails watchers (Jira's default: true).")
    private Boolean notifyUsers;

    @UriParam(label = "consumer", defaultValue = "5m", javaType = "java.time.Duration",
              description = "How far before the watermark each poll looks again, so that issues Jira indexed late or"
                            + " stamped with a skewed clock are not missed; already delivered ones are skipped.")
    private long overlap = 300_000;
    @UriParam(label = "consumer", description = "Where the consumer keeps its watermark. Default: in memory (lost on"
                                                + " restart); use a FileStateRepository or a shared one to resume"
                                                + " after a restart.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced", description = "The key under which the watermark is kept. Default:"
                                                         + " derived from the connection, action and JQL.")
    private String stateKey;
    @UriParam(label = "consumer", defaultValue = "0", description = "The most items one poll emits (0: no limit);"
                                                                    + " the rest follow on the next poll.")
    private int maxMessagesPerPoll;

    private final JiraSpokeAction catalogAction;
    private JiraClient client;

    public JiraSpokeEndpoint(String uri, JiraSpokeComponent component, JiraSpokeAction action) {
        super(uri, component);
        this.catalogAction = action;
        this.action = action.id();
        setDelay(60_000);
    }

    @Override
    public JiraSpokeComponent getComponent() {
        return (JiraSpokeComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        verifyImplemented();
        return JiraSpokeProducers.create(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!catalogAction.isStream()) {
            throw new JiraSpokeConfigurationException("jiraspoke:" + action + " is a single action, not a stream: use"
                                                      + " it in to(), not from(). Stream actions: "
                                                      + streamIds());
        }
        if (catalogAction != JiraSpokeAction.ISSUE_SEARCH) {
            throw new JiraSpokeConfigurationException("jiraspoke:" + action + " cannot be consumed yet: only"
                                                      + " issue/search has a polling consumer in this version");
        }
        JiraSpokeIssueSearchConsumer consumer = new JiraSpokeIssueSearchConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private static String streamIds() {
        return String.join(", ", Arrays.stream(JiraSpokeAction.values()).filter(JiraSpokeAction::isStream)
                .map(JiraSpokeAction::id).toList());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getComponent().clientFor(this);
        // The guards come before the not-implemented check: what the connection can never do is worth more to the
        // user than what a later version will add.
        verifyUsable(client);
        verifyImplemented();
        if (stateRepository == null) {
            stateRepository = new MemoryStateRepository();
        }
    }

    /** Refuses to start when the action cannot work on the connection: wrong deployment, auth type or scopes. */
    void verifyUsable(JiraClient c) {
        String where = "Endpoint jiraspoke:" + action + " cannot start on connection '" + c.name() + "': ";
        Deployment deployment = c.deployment();
        ActionVariant variant = catalogAction.variantFor(deployment, null);
        if (variant == null) {
            throw new JiraSpokeConfigurationException(
                    where + "action " + action + " does not exist on Jira " + deployment.id() + "; it exists on: "
                                                      + catalogAction.deploymentsText());
        }
        AuthType auth = c.authType();
        if (variant.excludedAuth().contains(auth)) {
            List<String> allowed = new ArrayList<>();
            for (AuthType t : AuthType.values()) {
                if (!variant.excludedAuth().contains(t) && t.impliedDeployment() == deployment) {
                    allowed.add(t.id());
                }
            }
            throw new JiraSpokeConfigurationException(
                    where + "action " + action + " cannot be used with authType " + auth.id()
                                                      + " (Jira does not allow it for these credentials); use a"
                                                      + " connection with one of: " + String.join(", ", allowed));
        }
        Set<String> granted = c.scopes();
        if (auth.isScoped() && !variant.isAllowedWith(granted)) {
            List<String> alternatives = new ArrayList<>();
            if (!variant.classicScopes().isEmpty()) {
                alternatives.add("classic scopes " + variant.classicScopes() + " (missing "
                                 + missingOf(variant.classicScopes(), granted) + ")");
            }
            if (!variant.granularScopes().isEmpty()) {
                alternatives.add("granular scopes " + variant.granularScopes() + " (missing "
                                 + missingOf(variant.granularScopes(), granted) + ")");
            }
            throw new JiraSpokeConfigurationException(
                    where + "action " + action + " needs scopes the connection does not list. Grant either "
                                                      + String.join(" or ", alternatives)
                                                      + ", and list them in the connection's 'scopes' option.");
        }
    }

    private void verifyImplemented() {
        if (!JiraSpokeProducers.isImplemented(catalogAction)) {
            throw new JiraSpokeConfigurationException(
                    "jiraspoke action '" + action + "' is in the catalogue but not implemented in this version of"
                                                      + " camel-jira-spoke yet. Implemented: "
                                                      + String.join(", ", JiraSpokeProducers.implementedIds()));
        }
    }

    private static List<String> missingOf(Set<String> needed, Set<String> granted) {
        return needed.stream().filter(s -> !granted.contains(s)).toList();
    }

    /** The connection's client; available once the endpoint has started. */
    public JiraClient getClient() {
        if (client == null) {
            client = getComponent().clientFor(this);
        }
        return client;
    }

    public JiraSpokeAction getCatalogAction() {
        return catalogAction;
    }

    /** An option's value for one message: the header when present, else the endpoint option. */
    public static String option(Exchange exchange, String header, String endpointValue) {
        String v = exchange.getIn().getHeader(header, String.class);
        return v != null ? v : endpointValue;
    }

    public static Boolean option(Exchange exchange, String header, Boolean endpointValue) {
        Boolean v = exchange.getIn().getHeader(header, Boolean.class);
        return v != null ? v : endpointValue;
    }

    public static List<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    // options

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public JiraSpokeConnection getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JiraSpokeConnection configuration) {
        this.configuration = configuration;
    }

    public String getIssueKey() {
        return issueKey;
    }

    public void setIssueKey(String issueKey) {
        this.issueKey = issueKey;
    }

    public String getJql() {
        return jql;
    }

    public void setJql(String jql) {
        this.jql = jql;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("Option 'pageSize' must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    public long getLimit() {
        return limit;
    }

    public void setLimit(long limit) {
        this.limit = limit;
    }

    public String getOutputType() {
        return outputType;
    }

    public void setOutputType(String outputType) {
        if (!"list".equals(outputType) && !"iterator".equals(outputType)) {
            throw new IllegalArgumentException("Option 'outputType' must be list or iterator, was " + outputType);
        }
        this.outputType = outputType;
    }

    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    public String getIssueType() {
        return issueType;
    }

    public void setIssueType(String issueType) {
        this.issueType = issueType;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public boolean isDeleteSubtasks() {
        return deleteSubtasks;
    }

    public void setDeleteSubtasks(boolean deleteSubtasks) {
        this.deleteSubtasks = deleteSubtasks;
    }

    public Boolean getNotifyUsers() {
        return notifyUsers;
    }

    public void setNotifyUsers(Boolean notifyUsers) {
        this.notifyUsers = notifyUsers;
    }

    public long getOverlap() {
        return overlap;
    }

    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }
}
