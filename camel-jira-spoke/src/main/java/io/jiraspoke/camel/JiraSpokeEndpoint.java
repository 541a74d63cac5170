package io.jiraspoke.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jiraspoke.camel.catalog.ActionVariant;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.consumer.JiraSpokeConsumers;
import io.jiraspoke.camel.consumer.StartFrom;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.producer.AttachmentOptions;
import io.jiraspoke.camel.producer.AuditOptions;
import io.jiraspoke.camel.producer.BoardOptions;
import io.jiraspoke.camel.producer.ChangelogOptions;
import io.jiraspoke.camel.producer.CommentOptions;
import io.jiraspoke.camel.producer.FieldOptions;
import io.jiraspoke.camel.producer.GroupOptions;
import io.jiraspoke.camel.producer.IssueOptions;
import io.jiraspoke.camel.producer.JiraSpokeProducers;
import io.jiraspoke.camel.producer.LinkOptions;
import io.jiraspoke.camel.producer.PeopleOptions;
import io.jiraspoke.camel.producer.ProjectOptions;
import io.jiraspoke.camel.producer.SprintOptions;
import io.jiraspoke.camel.producer.UserOptions;
import io.jiraspoke.camel.producer.WebhookOptions;
import io.jiraspoke.camel.producer.WorkflowOptions;
import io.jiraspoke.camel.producer.WorklogOptions;
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
 * be consumed: a polling consumer emits each new or changed item once. The endpoint holds what every action shares
 * (connection, paging, output type, consumer scheduling and state); each family's options live in its own class,
 * and the catalogue says which action reads which: an option the action does not read refuses to start.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jiraspoke", title = "Jira Spoke", syntax = "jiraspoke:action",
             category = { Category.API, Category.CLOUD }, headersClass = JiraSpokeConstants.class)
public class JiraSpokeEndpoint extends ScheduledPollEndpoint {

    /** Consumers poll Jira every minute unless told otherwise: Camel's usual 500 ms would burn Jira's rate limits. */
    static final long DEFAULT_DELAY = 60_000;

    @UriPath(enums = "audit/logs,group/addUser,group/create,group/list,group/members,group/delete,group/removeUser,issue/addComment,issue/addWatcher,issue/assign,issue/addAttachment,issue/create,issue/deleteAttachment,issue/delete,issue/removeWatcher,issue/transition,issue/statuses,issue/get,issue/priorities,issue/search,sprint/issues,issue/transitions,issue/watchers,issue/update,metadata/creatableFields,metadata/editableFields,metadata/issueTypes,project/create,project/get,project/list,project/assignableUsers,sprint/create,sprint/delete,sprint/get,sprint/list,sprint/update,story/create,story/search,story/update,user/create,user/myself,user/groups,user/list,user/search,user/delete,attachment/download,field/lookup,webhook/issueFromComment,issue/latestAttachment,issue/latestComment,server/info,webhook/list,webhook/subscribe,webhook/unsubscribe,webhook/update,issue/comments,issue/updateComment,issue/deleteComment,issue/addLink,issue/addWorklog,issue/worklogs,issue/changelog,issue/notify,issue/count,board/list,webhook/events",
             description = "The action, as family/verb (e.g. issue/create). See the action reference for what each"
                           + " one does, on which deployments, the options it reads and what it returns.")
    @Metadata(required = true)
    private String action;

    @UriParam(label = "common", description = "The name of a connection configured on the component or declared as"
                                              + " a JiraSpokeConnection bean. May be omitted when there is exactly"
                                              + " one connection, or when the connection is given inline with the"
                                              + " connection. prefix.")
    private String connection;
    @UriParam(label = "security", prefix = "connection.", multiValue = true,
              description = "An inline connection instead of a named one: any connection setting with the prefix"
                            + " connection. (connection.baseUrl, connection.authType, connection.apiToken, ...; see"
                            + " Connection settings). Credentials then sit in the endpoint URI: prefer named"
                            + " connections.")
    private Map<String, Object> connectionOptions;

    @UriParam(label = "common", defaultValue = "100", description = "Stream actions: items asked for per page"
                                                                    + " (1 to 1000; Jira may cap it lower).")
    private int pageSize = 100;
    @UriParam(label = "producer", defaultValue = "0", description = "Stream actions: stop after this many items"
                                                                    + " (0: all).")
    private long limit;
    @UriParam(label = "producer", enums = "list,iterator", defaultValue = "list",
              description = "Stream actions: return a list of all items, or a lazy iterator that fetches pages as it"
                            + " is read (use with split(body()).streaming() for large results; a Jira error on a"
                            + " later page is then raised while the splitter reads).")
    private String outputType = "list";

    @UriParam(label = "consumer", defaultValue = "now",
              description = "Where a new consumer (one without saved state) starts: now (only items created or"
                            + " changed from the consumer's start on), beginning (everything the stream holds,"
                            + " oldest first), or an instant (ISO-8601 like 2026-11-01T00:00:00Z, or a date"
                            + " 2026-11-01 meaning its start in UTC). A consumer with saved state resumes where it"
                            + " stopped. For list streams with emit=changed, now takes the first poll as the"
                            + " baseline without emitting it.")
    private String startFrom = "now";
    @UriParam(label = "consumer", defaultValue = "5m", javaType = "java.time.Duration",
              description = "Incremental streams: how far before the watermark each poll looks again, so that items"
                            + " Jira indexed late are not missed; items already delivered are skipped.")
    private Duration overlap = Duration.ofMinutes(5);
    @UriParam(label = "consumer", enums = "all,changed", defaultValue = "all",
              description = "List streams (projects, users, groups, boards, sprints): emit every item each poll, or"
                            + " only the items new or changed since the last poll.")
    private String emit = "all";
    @UriParam(label = "consumer", description = "Where the consumer keeps its state (watermark, delivered items)."
                                                + " Default: in memory (lost on restart); use Camel's"
                                                + " FileStateRepository to resume after a restart, and"
                                                + " SharedFileStateRepository (or another repository several"
                                                + " instances may share, see docs/scale-out.md) behind a master:"
                                                + " endpoint on several instances.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced", description = "The key under which the state is kept. Default: derived"
                                                         + " from the connection, the action and its options.")
    private String stateKey;
    @UriParam(label = "consumer", defaultValue = "0", description = "The most items one poll emits (0: no limit);"
                                                                    + " the rest follow on the next poll.")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer", defaultValue = "0",
              description = "How many polls may try to deliver one item whose exchange keeps failing before the"
                            + " consumer gives up on it, logs a WARN naming it and moves past it. 0: never give up"
                            + " (the item and everything after it are polled again until the route succeeds)."
                            + " Exchanges the route handles (onException handled, dead letter channel) count as"
                            + " delivered.")
    private int maxDeliveryAttempts;

    /** Shadows Camel's own delay option so that the component's metadata documents this component's default. */
    @UriParam(label = "consumer,scheduler", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Milliseconds (or a duration such as 5m) between the end of one poll and the start of"
                            + " the next. One minute by default, not Camel's usual 500 ms, to spare Jira's rate"
                            + " limits.")
    private long delay = DEFAULT_DELAY;

    @UriParam
    private IssueOptions issue = new IssueOptions();
    @UriParam
    private BoardOptions board = new BoardOptions();
    @UriParam
    private ProjectOptions project = new ProjectOptions();
    @UriParam
    private FieldOptions field = new FieldOptions();
    @UriParam
    private AuditOptions audit = new AuditOptions();
    @UriParam
    private WebhookOptions webhook = new WebhookOptions();
    @UriParam
    private SprintOptions sprint = new SprintOptions();
    @UriParam
    private UserOptions user = new UserOptions();
    @UriParam
    private GroupOptions group = new GroupOptions();
    @UriParam
    private AttachmentOptions attachment = new AttachmentOptions();
    @UriParam
    private CommentOptions comment = new CommentOptions();
    @UriParam
    private WorkflowOptions workflow = new WorkflowOptions();
    @UriParam
    private PeopleOptions people = new PeopleOptions();
    @UriParam
    private LinkOptions link = new LinkOptions();
    @UriParam
    private WorklogOptions worklog = new WorklogOptions();
    @UriParam
    private ChangelogOptions changelog = new ChangelogOptions();

    /** The URI as written, secrets and all: only compared, never shown (see equals). */
    private final String identity;
    private final JiraSpokeAction catalogAction;
    private final Set<String> setOptions;
    private JiraSpokeConnection inlineConnection;
    private volatile JiraClient client;
    private volatile ActionVariant variant;

    public JiraSpokeEndpoint(String uri, JiraSpokeComponent component, JiraSpokeAction action,
                             Set<String> setOptions) {
        this(uri, uri, component, action, setOptions);
    }

    /**
     * @param uri      the URI Camel shows (logs, JMX, the route dump), secrets masked
     * @param identity what tells this endpoint from another: the URI as written, never shown
     */
    JiraSpokeEndpoint(String uri, String identity, JiraSpokeComponent component, JiraSpokeAction action,
                      Set<String> setOptions) {
        super(uri, component);
        this.identity = identity;
        this.catalogAction = action;
        this.action = action.id();
        this.setOptions = setOptions;
        setDelay(DEFAULT_DELAY);
    }

    /**
     * Endpoints are told apart by their URI as written, not by the masked one Camel compares by default: Camel masks
     * options whose names look secret, among them {@code user} and {@code emailAddress}, so two endpoints that differ
     * only in the user they add to a group would otherwise be equal, and a producer cache would send the second
     * exchange to the first one's producer.
     */
    @Override
    public boolean equals(Object object) {
        if (this == object) {
            return true;
        }
        if (!(object instanceof JiraSpokeEndpoint that)) {
            return false;
        }
        return identity.equals(that.identity)
               && java.util.Objects.equals(contextName(this), contextName(that));
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    private static String contextName(JiraSpokeEndpoint endpoint) {
        return endpoint.getCamelContext() == null ? null : endpoint.getCamelContext().getName();
    }

    @Override
    public JiraSpokeComponent getComponent() {
        return (JiraSpokeComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        EndpointOptions.verify(this, setOptions, false);
        verifyImplemented(JiraSpokeProducers.isImplemented(catalogAction), "producer",
                JiraSpokeProducers.implementedIds());
        return JiraSpokeProducers.create(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (catalogAction.feed() == JiraSpokeAction.Feed.NO_FEED) {
            throw new JiraSpokeConfigurationException("jiraspoke:" + action + " is a single action, not a stream: use"
                                                      + " it in to(), not from(). Actions that can be consumed: "
                                                      + String.join(", ", consumableIds()));
        }
        EndpointOptions.verify(this, setOptions, true);
        verifyImplemented(JiraSpokeConsumers.isImplemented(catalogAction), "consumer",
                JiraSpokeConsumers.implementedIds());
        Consumer consumer = JiraSpokeConsumers.create(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private static List<String> consumableIds() {
        return Arrays.stream(JiraSpokeAction.values()).filter(a -> a.feed() != JiraSpokeAction.Feed.NO_FEED)
                .map(JiraSpokeAction::id).toList();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        variant();
        if (stateRepository == null) {
            stateRepository = new MemoryStateRepository();
        }
    }

    /**
     * The catalogue variant that applies on this endpoint's connection, checked once: it refuses (with a message
     * naming connection, action and what is missing) when the action does not exist on the deployment or server
     * version, is excluded for the auth type, needs scopes the connection does not list, or writes on a read-only
     * connection.
     */
    public ActionVariant variant() {
        ActionVariant v = variant;
        if (v == null) {
            synchronized (this) {
                if (variant == null) {
                    variant = verifyUsable(getClient());
                }
                v = variant;
            }
        }
        return v;
    }

    ActionVariant verifyUsable(JiraClient c) {
        String where = "Endpoint jiraspoke:" + action + " cannot start on connection '" + c.name() + "': ";
        Deployment deployment = c.deployment();
        Integer major = deployment == Deployment.SERVER && catalogAction.dependsOnServerVersion()
                ? c.serverMajorVersion() : null;
        ActionVariant found = catalogAction.variantFor(deployment, major);
        if (found == null) {
            throw new JiraSpokeConfigurationException(
                    where + "action " + action + " does not exist on Jira " + deployment.id()
                                                      + (major != null ? " " + major : "") + "; it exists on: "
                                                      + catalogAction.deploymentsText());
        }
        AuthType auth = c.authType();
        if (found.excludedAuth().contains(auth)) {
            List<String> allowed = new ArrayList<>();
            for (AuthType t : AuthType.values()) {
                if (!found.excludedAuth().contains(t) && t.impliedDeployment() == deployment) {
                    allowed.add(t.id());
                }
            }
            throw new JiraSpokeConfigurationException(
                    where + "action " + action + " cannot be used with authType " + auth.id()
                                                      + " (Jira does not allow it for these credentials); use a"
                                                      + " connection with one of: " + String.join(", ", allowed));
        }
        Set<String> granted = c.scopes();
        if (auth.isScoped() && !found.isAllowedWith(granted)) {
            List<String> alternatives = new ArrayList<>();
            if (!found.classicScopes().isEmpty()) {
                alternatives.add("classic scopes " + found.classicScopes() + " (missing "
                                 + missingOf(found.classicScopes(), granted) + ")");
            }
            if (!found.granularScopes().isEmpty()) {
                alternatives.add("granular scopes " + found.granularScopes() + " (missing "
                                 + missingOf(found.granularScopes(), granted) + ")");
            }
            throw new JiraSpokeConfigurationException(
                    where + "action " + action + " needs scopes the connection does not list. Grant either "
                                                      + String.join(" or ", alternatives)
                                                      + ", and list them in the connection's 'scopes' option.");
        }
        if (c.isReadOnly() && catalogAction.writes()) {
            throw new JiraSpokeConfigurationException(
                    where + "the connection is read-only (readOnly=true) and action " + action + " changes data in"
                                                      + " Jira; use a connection that may write");
        }
        return found;
    }

    /** The guards come first: what the connection can never do is worth more than what a later version will add. */
    private void verifyImplemented(boolean implemented, String role, List<String> implementedIds) {
        variant();
        if (!implemented) {
            throw new JiraSpokeConfigurationException(
                    "jiraspoke action '" + action + "' is in the catalogue but its " + role + " is not implemented"
                                                      + " in this version of camel-jira-spoke yet. Implemented: "
                                                      + String.join(", ", implementedIds));
        }
    }

    private static List<String> missingOf(Set<String> needed, Set<String> granted) {
        return needed.stream().filter(s -> !granted.contains(s)).toList();
    }

    /** The connection's client; shared with every endpoint of the connection. Read on every exchange: no lock. */
    public JiraClient getClient() {
        JiraClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = getComponent().clientFor(this);
                }
                c = client;
            }
        }
        return c;
    }

    public JiraSpokeAction getCatalogAction() {
        return catalogAction;
    }

    /** The inline connection from the connection.* options, or null. */
    JiraSpokeConnection getInlineConnection() {
        if (inlineConnection == null && connectionOptions != null && !connectionOptions.isEmpty()) {
            inlineConnection = getComponent().bindInline(this, connectionOptions);
        }
        return inlineConnection;
    }

    void setInlineConnection(JiraSpokeConnection inlineConnection) {
        this.inlineConnection = inlineConnection;
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

    public Map<String, Object> getConnectionOptions() {
        return connectionOptions;
    }

    public void setConnectionOptions(Map<String, Object> connectionOptions) {
        this.connectionOptions = connectionOptions == null ? null : new LinkedHashMap<>(connectionOptions);
        this.inlineConnection = null;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        EndpointOptions.range("pageSize", pageSize, 1, 1000);
        this.pageSize = pageSize;
    }

    public long getLimit() {
        return limit;
    }

    public void setLimit(long limit) {
        EndpointOptions.range("limit", limit, 0, Long.MAX_VALUE);
        this.limit = limit;
    }

    public String getOutputType() {
        return outputType;
    }

    public void setOutputType(String outputType) {
        EndpointOptions.oneOf("outputType", outputType, "list", "iterator");
        this.outputType = outputType;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        StartFrom.parse(startFrom);
        this.startFrom = startFrom;
    }

    public Duration getOverlap() {
        return overlap;
    }

    public void setOverlap(Duration overlap) {
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException("Option 'overlap' must be a duration of zero or more (e.g. 5m), was "
                                               + overlap);
        }
        this.overlap = overlap;
    }

    public String getEmit() {
        return emit;
    }

    public void setEmit(String emit) {
        EndpointOptions.oneOf("emit", emit, "all", "changed");
        this.emit = emit;
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
        EndpointOptions.range("maxMessagesPerPoll", maxMessagesPerPoll, 0, Integer.MAX_VALUE);
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public int getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        EndpointOptions.range("maxDeliveryAttempts", maxDeliveryAttempts, 0, Integer.MAX_VALUE);
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    @Override
    public void setDelay(long delay) {
        EndpointOptions.range("delay", delay, 1, Long.MAX_VALUE);
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public void setInitialDelay(long initialDelay) {
        EndpointOptions.range("initialDelay", initialDelay, 0, Long.MAX_VALUE);
        super.setInitialDelay(initialDelay);
    }

    public IssueOptions getIssue() {
        return issue;
    }

    public void setIssue(IssueOptions issue) {
        this.issue = issue;
    }

    public BoardOptions getBoard() {
        return board;
    }

    public void setBoard(BoardOptions board) {
        this.board = board;
    }

    public ProjectOptions getProject() {
        return project;
    }

    public void setProject(ProjectOptions project) {
        this.project = project;
    }

    public FieldOptions getField() {
        return field;
    }

    public void setField(FieldOptions field) {
        this.field = field;
    }

    public AuditOptions getAudit() {
        return audit;
    }

    public void setAudit(AuditOptions audit) {
        this.audit = audit;
    }

    public WebhookOptions getWebhook() {
        return webhook;
    }

    public void setWebhook(WebhookOptions webhook) {
        this.webhook = webhook;
    }

    public SprintOptions getSprint() {
        return sprint;
    }

    public void setSprint(SprintOptions sprint) {
        this.sprint = sprint;
    }

    public UserOptions getUser() {
        return user;
    }

    public void setUser(UserOptions user) {
        this.user = user;
    }

    public GroupOptions getGroup() {
        return group;
    }

    public void setGroup(GroupOptions group) {
        this.group = group;
    }

    public AttachmentOptions getAttachment() {
        return attachment;
    }

    public void setAttachment(AttachmentOptions attachment) {
        this.attachment = attachment;
    }

    public CommentOptions getComment() {
        return comment;
    }

    public void setComment(CommentOptions comment) {
        this.comment = comment;
    }

    public WorkflowOptions getWorkflow() {
        return workflow;
    }

    public void setWorkflow(WorkflowOptions workflow) {
        this.workflow = workflow;
    }

    public PeopleOptions getPeople() {
        return people;
    }

    public void setPeople(PeopleOptions people) {
        this.people = people;
    }

    public LinkOptions getLink() {
        return link;
    }

    public void setLink(LinkOptions link) {
        this.link = link;
    }

    public WorklogOptions getWorklog() {
        return worklog;
    }

    public void setWorklog(WorklogOptions worklog) {
        this.worklog = worklog;
    }

    public ChangelogOptions getChangelog() {
        return changelog;
    }

    public void setChangelog(ChangelogOptions changelog) {
        this.changelog = changelog;
    }
}
