package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.standin.JiraJson.FieldSelection;
import io.jiraspoke.standin.Model.FieldKind;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.Project;
import io.jiraspoke.standin.Model.Sprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory Jira, Cloud or Data Center, serving the REST API behind camel-jira-spoke's actions on a free port of
 * 127.0.0.1, for demos and for tests of routes. docs/emulator.md lists what it serves, how it differs from Jira,
 * and the JQL it understands.
 *
 * <pre>{@code
 * @RegisterExtension
 * static JiraEmulator jira = JiraEmulator.cloud();      // or JiraEmulator.dataCenter()
 *
 * @Test
 * void reportsABug() {
 *     JiraSpokeConnection connection = JiraSpokeConnection.basicApiToken(jira.baseUrl(), jira.email(), jira.apiToken());
 *     ...
 *     jira.fault("POST /rest/api/3/issue").times(1).rateLimited();
 * }
 * }</pre>
 *
 * As a JUnit 5 extension it starts before the tests (once for a static field, per test for an instance field),
 * clears the faults after each test and stops after the last. Without JUnit, {@link #start()} and {@link #close()}
 * do the same. Configuration made before the start (projects, users, fields, sprints, seeded issues) is the
 * emulator's baseline, which {@link #reset()} returns to; made after the start it changes the running state only.
 * <p>
 * Every request acts as one user (the first of {@link #users()}, "Demo User"), who must authenticate: on Cloud with
 * Basic {@code email:apiToken} (defaults {@code demo@example.com} / {@code demo-token}), on Data Center with the
 * personal access token as Bearer (default {@code demo-pat}) or Basic {@code username:password} (default
 * {@code demo} / {@code demo}). {@code serverInfo} answers without credentials, as Jira's does. A Cloud emulator
 * is also Atlassian's OAuth 2.0 authorization server for the clients of {@link #oauthClient}, and its media host,
 * to which attachment content redirects, listens on a port of its own ({@link #mediaUrl()}).
 */
public final class JiraEmulator implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Jira Cloud (REST v3 and v2, ADF, account ids) or Jira Data Center (REST v2, wiki text, user names). */
    public enum Flavour { CLOUD, DATA_CENTER }

    /** The kinds of custom field {@link #customField} can add. */
    public enum FieldType { NUMBER, TEXT, OPTION, DATE, DATETIME, USER, LABELS }

    /**
     * One webhook delivery as it ended: the answer's status ({@code -1} when there was none) after {@code attempts}
     * tries, with the {@code X-Atlassian-Webhook-Identifier} it was sent with and the payload.
     */
    public record WebhookDelivery(String webhookId, String url, String event, String identifier, int attempts, int status, String body) {}

    static final String JQL_FIELDS = "The emulator searches on: project, issuetype (type), status, statusCategory, resolution, priority,"
            + " assignee, reporter, creator, labels, sprint, text, summary, description, environment, comment, key (issuekey, id),"
            + " created, updated, resolved, duedate, and custom fields by name or cf[id].";

    private static final String DEFAULT_PROJECT = "DEMO";
    private static final int REQUEST_LOG_SIZE = 10_000;

    private final Flavour flavour;
    private final String cloudId = UUID.randomUUID().toString();
    private final List<Consumer<Store>> baseline = new ArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    /** The newest requests; a standalone emulator running for days must not fill its heap with them. */
    private final java.util.ArrayDeque<String> requestLog = new java.util.ArrayDeque<>();
    private int port;
    private Clock clock = Clock.systemUTC();
    private String email = "demo@example.com";
    private String apiToken = "demo-token";
    private String username = "demo";
    private String password = "demo";
    private String personalAccessToken = "demo-pat";
    private String scopedEmail;
    private String scopedApiToken;
    private final OAuth oauth = new OAuth(cloudId);
    private Media media;
    private long maxBodyBytes = 100L * 1024 * 1024;
    private Duration webhookRetryDelay = Duration.ofMillis(200);

    private volatile State state;
    private Http http;
    private Webhooks webhooks;
    private boolean closed;
    private String startedBy;

    /** The parts that {@link #reset()} builds anew. */
    private record State(Store store, JiraJson json, Events events, Api api) {}

    private JiraEmulator(Flavour flavour) {
        this.flavour = Objects.requireNonNull(flavour, "flavour");
    }

    /** A Jira Cloud emulator, not yet started. */
    public static JiraEmulator cloud() {
        return new JiraEmulator(Flavour.CLOUD);
    }

    /** A Jira Data Center emulator (10.3), not yet started. */
    public static JiraEmulator dataCenter() {
        return new JiraEmulator(Flavour.DATA_CENTER);
    }

    public static JiraEmulator of(Flavour flavour) {
        return new JiraEmulator(flavour);
    }

    // configuration

    /** The port to listen on (default 0: a free one). */
    public JiraEmulator port(int port) {
        requireNotStarted("port");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        this.port = port;
        return this;
    }

    /** Jira's clock: timestamps of changes and JQL's relative dates ({@code -5m}) come from it. */
    public JiraEmulator clock(Clock clock) {
        requireNotStarted("clock");
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Cloud: the e-mail address and API token of Basic auth. Data Center: the user name and password of Basic auth. */
    public JiraEmulator credentials(String emailOrUsername, String apiTokenOrPassword) {
        requireNotStarted("credentials");
        Objects.requireNonNull(emailOrUsername, "emailOrUsername");
        Objects.requireNonNull(apiTokenOrPassword, "apiTokenOrPassword");
        if (flavour == Flavour.CLOUD) {
            this.email = emailOrUsername;
            this.apiToken = apiTokenOrPassword;
        } else {
            this.username = emailOrUsername;
            this.password = apiTokenOrPassword;
        }
        return this;
    }

    /** Data Center: the personal access token accepted as {@code Authorization: Bearer}. */
    public JiraEmulator personalAccessToken(String token) {
        requireNotStarted("personalAccessToken");
        requireFlavour(Flavour.DATA_CENTER, "personal access tokens");
        this.personalAccessToken = Objects.requireNonNull(token, "token");
        return this;
    }

    /**
     * Cloud: also accept a scoped API token, which Jira takes only through the API gateway
     * ({@code {baseUrl}/ex/jira/{cloudId}}) and answers 401 on the site URL. {@link #scopedConnectionSettings()}
     * gives a connection that uses it.
     */
    public JiraEmulator scopedApiToken(String emailAddress, String token) {
        requireNotStarted("scopedApiToken");
        requireFlavour(Flavour.CLOUD, "scoped API tokens");
        this.scopedEmail = Objects.requireNonNull(emailAddress, "emailAddress");
        this.scopedApiToken = Objects.requireNonNull(token, "token");
        return this;
    }

    /**
     * Cloud: an OAuth 2.0 client, an app's (authorization code, 3LO) or a service account's credential (client
     * credentials); it may use both grants. Its token endpoint is {@code {baseUrl}/oauth/token}, its access tokens
     * work as Bearer through the API gateway ({@code {baseUrl}/ex/jira/{cloudId}}) only, and refresh tokens rotate:
     * each refresh answers a new one and spends the old. {@link #oauthClientCredentialsSettings()} and
     * {@link #oauthAuthorizationCodeSettings()} give connections that use the first client.
     */
    public JiraEmulator oauthClient(String clientId, String clientSecret) {
        requireFlavour(Flavour.CLOUD, "OAuth 2.0 clients");
        oauth.addClient(Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"));
        return this;
    }

    /** How long the access tokens issued from now on last (default one hour, as Atlassian's). */
    public JiraEmulator oauthTokenLifetime(Duration lifetime) {
        requireFlavour(Flavour.CLOUD, "OAuth 2.0 tokens");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("An access token's lifetime must be positive: " + lifetime);
        }
        oauth.lifetime(lifetime);
        return this;
    }

    /** The largest request body (attachment uploads) taken; larger ones are answered 413. Default 100 MB. */
    public JiraEmulator maxRequestBytes(long bytes) {
        requireNotStarted("maxRequestBytes");
        if (bytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + bytes);
        }
        this.maxBodyBytes = bytes;
        return this;
    }

    /** How long the first retry of a failed webhook delivery waits (doubling for the next); default 200 ms. */
    public JiraEmulator webhookRetryDelay(Duration delay) {
        requireNotStarted("webhookRetryDelay");
        this.webhookRetryDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** Adds a project (software, led by the emulator's user). Every emulator starts with project DEMO. */
    public JiraEmulator project(String key, String name) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (!key.matches("[A-Z][A-Z0-9_]{1,9}")) {
            throw new IllegalArgumentException("A Jira project key is 2 to 10 upper-case letters, digits or _ starting with a letter: " + key);
        }
        return setup(store -> {
            if (store.project(key).isPresent()) {
                throw new IllegalArgumentException("The Jira emulator already has a project " + key);
            }
            store.addProject(key, name, "software", store.me());
        });
    }

    /** Adds a user: {@code id} is the account id on Cloud, the user name on Data Center. */
    public JiraEmulator user(String id, String displayName, String emailAddress) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        return setup(store -> store.addUser(id, displayName, emailAddress));
    }

    /**
     * Adds a group with these members (account ids on Cloud, user names on Data Center). Every emulator has
     * {@code jira-administrators} (Demo User) and {@code jira-software-users} (the three users) already.
     */
    public JiraEmulator group(String name, String... members) {
        Objects.requireNonNull(name, "name");
        List<String> ids = List.of(members);
        return setup(store -> {
            if (store.groupByName(name).isPresent()) {
                throw new IllegalArgumentException("The Jira emulator already has a group " + name);
            }
            Model.Group group = store.addGroup(name);
            for (String id : ids) {
                group.members.add(store.user(id).orElseThrow(() -> new IllegalArgumentException("No user " + id + " in the Jira emulator")));
            }
        });
    }

    /**
     * Adds a custom field, which create and update then take by id (and the component by name, from GET /field) and
     * JQL finds by name or {@code cf[id]}; {@code options} are the values of an OPTION field. {@link #fieldId} tells
     * its id. Every emulator has Story Points, Sprint and Severity (Critical, Major, Minor) already.
     */
    public JiraEmulator customField(String name, FieldType type, String... options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type == FieldType.OPTION && options.length == 0) {
            throw new IllegalArgumentException("An OPTION field needs its options: " + name);
        }
        List<String> values = List.of(options);
        return setup(store -> store.addCustomField(name, FieldKind.valueOf(type.name()), values));
    }

    /**
     * Adds a sprint (state {@code future}, {@code active} or {@code closed}) on board 1 (project DEMO's), for the
     * sprint field, JQL and the agile API; started ones began a week ago and last two weeks.
     */
    public JiraEmulator sprint(int id, String name, String sprintState) {
        Objects.requireNonNull(name, "name");
        if (!List.of("future", "active", "closed").contains(sprintState)) {
            throw new IllegalArgumentException("A sprint's state is future, active or closed: " + sprintState);
        }
        return setup(store -> {
            if (store.sprints.containsKey(id)) {
                throw new IllegalArgumentException("The Jira emulator already has a sprint " + id);
            }
            Sprint sprint = new Sprint(id, name, sprintState, 1);
            sprint.created = store.now();
            if (!sprintState.equals("future")) {
                sprint.start = sprint.created.minus(Duration.ofDays(7));
                sprint.end = sprint.start.plus(Duration.ofDays(14));
            }
            if (sprintState.equals("closed")) {
                sprint.completed = sprint.end;
            }
            store.sprints.put(id, sprint);
        });
    }

    /**
     * Creates {@code count} Tasks in the project (made if it does not exist), summaries "Seeded issue 1".."Seeded
     * issue n", created and last updated one second apart with the newest now, so that time-based JQL has
     * something to tell apart. In a fresh project their keys are KEY-1..KEY-n.
     */
    public JiraEmulator seedIssues(String projectKey, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return setup(store -> {
            Project project = store.project(projectKey).orElseGet(() -> store.addProject(projectKey, projectKey, "software", store.me()));
            Instant now = store.now();
            for (int i = 1; i <= count; i++) {
                newIssue(store, project, store.catalog.defaultIssueType().name(), "Seeded issue " + i, now.minusSeconds(count - i));
            }
        });
    }

    /** Creates an issue as the emulator's user would and answers its key; for setting a test's scene quickly. */
    public String createIssue(String projectKey, String issueType, String summary) {
        return read(store -> {
            Project project = store.project(projectKey).orElseThrow(() -> new IllegalArgumentException("No project " + projectKey));
            return newIssue(store, project, issueType, summary, store.now()).key;
        });
    }

    private static Issue newIssue(Store store, Project project, String type, String summary, Instant at) {
        Issue issue = store.newIssue(project, store.me(), at);
        issue.type = store.catalog.issueType(type).orElseThrow(() -> new IllegalArgumentException("No issue type " + type));
        issue.status = store.catalog.initialStatus();
        issue.priority = store.catalog.defaultPriority();
        issue.reporter = store.me();
        issue.summary = summary;
        return issue;
    }

    /**
     * Registers a webhook as Jira's admin webhooks are: the events ({@code jira:issue_created},
     * {@code jira:issue_updated}, {@code jira:issue_deleted}, {@code comment_created}, {@code comment_updated},
     * {@code comment_deleted}) of the issues {@code jql} matches (null: all) are POSTed to {@code url}, signed with
     * {@code X-Hub-Signature} when {@code secret} is not null. Answers the webhook's id.
     */
    public String registerWebhook(String url, String secret, String jql, String... events) {
        Objects.requireNonNull(url, "url");
        if (events.length == 0) {
            throw new IllegalArgumentException("A webhook needs at least one event");
        }
        if (jql != null) {
            Jql.parse(jql);
        }
        return read(store -> {
            String id = store.nextWebhookId();
            long now = store.clockNow().toEpochMilli();
            store.webhooks.put(id, new Webhooks.Webhook(id, "webhook " + id, url, List.of(events), jql, secret, true, false, now, now));
            return id;
        });
    }

    private JiraEmulator setup(Consumer<Store> action) {
        State s = state;
        if (s == null) {
            requireNotClosed();
            baseline.add(action);
        } else {
            synchronized (s.store()) {
                action.accept(s.store());
            }
        }
        return this;
    }

    private <T> T read(Function<Store, T> reader) {
        Store store = running().store();
        synchronized (store) {
            return reader.apply(store);
        }
    }

    // lifecycle

    /** Starts listening (once); answers this emulator. The JUnit extension calls it. */
    public synchronized JiraEmulator start() {
        requireNotClosed();
        if (http != null) {
            return this;
        }
        try {
            http = new Http(flavour, port, this::backend);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Jira emulator on 127.0.0.1:" + port, e);
        }
        try {
            webhooks = new Webhooks(webhookRetryDelay);
            if (flavour == Flavour.CLOUD) {
                media = new Media(() -> state.store());
            }
            state = newState();
        } catch (RuntimeException e) {
            // A baseline that cannot be built (a duplicate project, say) must not leave the port bound.
            http.close();
            webhooks.close();
            if (media != null) {
                media.close();
            }
            http = null;
            throw e;
        }
        http.start();
        return this;
    }

    private State newState() {
        Store store = new Store(flavour, clock);
        store.oauth = oauth;
        store.media = media;
        store.sender = webhooks;
        store.addProject(DEFAULT_PROJECT, "Demo", "software", store.me());
        baseline.forEach(action -> action.accept(store));
        JiraJson json = new JiraJson(store, http.baseUrl());
        Events events = new Events(store, json, http.baseUrl());
        return new State(store, json, events, new Api(store, json, events));
    }

    /** Back to the baseline: the configuration made before the start, no faults, no webhooks, an empty request log. */
    public synchronized void reset() {
        running();
        clearFaults();
        synchronized (requestLog) {
            requestLog.clear();
        }
        webhooks.clear();
        if (media != null) {
            media.clear();
        }
        state = newState();
    }

    public synchronized boolean isRunning() {
        return http != null && !closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (http != null) {
            http.close();
            webhooks.close();
            if (media != null) {
                media.close();
            }
        }
    }

    private State running() {
        if (state == null) {
            start();
        }
        requireNotClosed();
        return state;
    }

    private Http.Backend backend() {
        State s = state;
        return new Http.Backend() {
            @Override
            public Store store() {
                return s.store();
            }

            @Override
            public Api api() {
                return s.api();
            }

            @Override
            public Events events() {
                return s.events();
            }

            @Override
            public Webhooks webhooks() {
                return webhooks;
            }

            @Override
            public List<Fault> faults() {
                return faults;
            }

            @Override
            public void logRequest(String line) {
                synchronized (requestLog) {
                    if (requestLog.size() == REQUEST_LOG_SIZE) {
                        requestLog.removeFirst();
                    }
                    requestLog.addLast(line);
                }
            }

            @Override
            public boolean authorized(String authorization, boolean viaGateway) {
                return JiraEmulator.this.authorized(authorization, viaGateway);
            }

            @Override
            public String cloudId() {
                return cloudId;
            }

            @Override
            public long maxBodyBytes() {
                return maxBodyBytes;
            }
        };
    }

    private boolean authorized(String authorization, boolean viaGateway) {
        String[] basic = Http.basic(authorization);
        if (flavour == Flavour.CLOUD) {
            return basic != null && (basic[0].equals(email) && basic[1].equals(apiToken)
                                     || viaGateway && basic[0].equals(scopedEmail) && basic[1].equals(scopedApiToken))
                   || viaGateway && oauth.validAccess(Http.bearer(authorization));
        }
        String bearer = Http.bearer(authorization);
        return personalAccessToken.equals(bearer) || basic != null && basic[0].equals(username) && basic[1].equals(password);
    }

    // JUnit 5

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startFor(context);
    }

    private synchronized void startFor(ExtensionContext context) {
        if (!isRunning() && !closed) {
            start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clearFaults();
        stopFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopFor(context);
    }

    private synchronized void stopFor(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            close();
        }
    }

    // what tests and users read

    public Flavour flavour() {
        return flavour;
    }

    /** {@code http://127.0.0.1:<port>}; starts the emulator if it is not running yet. */
    public String baseUrl() {
        running();
        return http.baseUrl();
    }

    /** The cloud id of the emulated site; calls through {@code {baseUrl}/ex/jira/{cloudId}} reach it as the API gateway does. */
    public String cloudId() {
        return cloudId;
    }

    public String email() {
        requireFlavour(Flavour.CLOUD, "API tokens");
        return email;
    }

    public String apiToken() {
        requireFlavour(Flavour.CLOUD, "API tokens");
        return apiToken;
    }

    public String personalAccessToken() {
        requireFlavour(Flavour.DATA_CENTER, "personal access tokens");
        return personalAccessToken;
    }

    public String username() {
        requireFlavour(Flavour.DATA_CENTER, "user names and passwords");
        return username;
    }

    public String password() {
        requireFlavour(Flavour.DATA_CENTER, "user names and passwords");
        return password;
    }

    /**
     * The settings of a camel-jira-spoke connection to this emulator, by the component's setting names:
     * {@code baseUrl}, {@code authType}, and {@code email} with {@code apiToken} (Cloud) or
     * {@code personalAccessToken} (Data Center).
     */
    public Map<String, String> connectionSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl());
        if (flavour == Flavour.CLOUD) {
            settings.put("authType", "basic-api-token");
            settings.put("email", email);
            settings.put("apiToken", apiToken);
            settings.put("mediaHosts", mediaUrl());
        } else {
            settings.put("authType", "personal-access-token");
            settings.put("personalAccessToken", personalAccessToken);
        }
        return settings;
    }

    /**
     * The settings of a connection with the scoped API token of {@link #scopedApiToken}: {@code authType}
     * scoped-api-token, {@code cloudId}, {@code apiGatewayUrl} (the emulator), {@code email}, {@code apiToken} and the
     * classic {@code scopes} the emulator's actions need.
     */
    public Map<String, String> scopedConnectionSettings() {
        requireFlavour(Flavour.CLOUD, "scoped API tokens");
        if (scopedApiToken == null) {
            throw new IllegalStateException("Give the emulator a scoped API token first: scopedApiToken(email, token)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("authType", "scoped-api-token");
        settings.put("cloudId", cloudId);
        settings.put("apiGatewayUrl", baseUrl());
        settings.put("email", scopedEmail);
        settings.put("apiToken", scopedApiToken);
        settings.put("scopes", OAuth.DEFAULT_SCOPES);
        settings.put("mediaHosts", mediaUrl());
        return settings;
    }

    /**
     * The settings of an {@code oauth2-client-credentials} connection (a service account) with the first
     * {@link #oauthClient}: {@code cloudId}, {@code apiGatewayUrl} and {@code tokenUrl} on the emulator,
     * {@code clientId}, {@code clientSecret}, {@code scopes}, {@code mediaHosts}.
     */
    public Map<String, String> oauthClientCredentialsSettings() {
        return oauthSettings("oauth2-client-credentials");
    }

    /**
     * The settings of an {@code oauth2-authorization-code} connection (3LO) with the first {@link #oauthClient} and a
     * {@code refreshToken} as a consent leaves it, newly issued (it rotates on first use).
     */
    public Map<String, String> oauthAuthorizationCodeSettings() {
        Map<String, String> settings = oauthSettings("oauth2-authorization-code");
        settings.put("refreshToken", oauth.issueRefreshToken(oauth.firstClient().id(), OAuth.DEFAULT_SCOPES + " offline_access"));
        return settings;
    }

    /**
     * The same with an {@code authorizationCode} for {@code redirectUri} in place of a refresh token, as the consent
     * page hands it over: the connection exchanges it once.
     */
    public Map<String, String> oauthAuthorizationCodeSettings(String redirectUri) {
        Map<String, String> settings = oauthSettings("oauth2-authorization-code");
        settings.put("authorizationCode", authorizationCode(redirectUri));
        settings.put("redirectUri", redirectUri);
        return settings;
    }

    private Map<String, String> oauthSettings(String authType) {
        requireFlavour(Flavour.CLOUD, "OAuth 2.0");
        OAuth.Client client = oauth.firstClient();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("authType", authType);
        settings.put("cloudId", cloudId);
        settings.put("apiGatewayUrl", baseUrl());
        settings.put("tokenUrl", baseUrl() + "/oauth/token");
        if (authType.equals("oauth2-authorization-code")) {
            settings.put("authorizeUrl", baseUrl() + "/authorize");
        }
        settings.put("clientId", client.id());
        settings.put("clientSecret", client.secret());
        settings.put("scopes", OAuth.DEFAULT_SCOPES + (authType.equals("oauth2-authorization-code") ? " offline_access" : ""));
        settings.put("mediaHosts", mediaUrl());
        return settings;
    }

    /**
     * An authorization code of the first {@link #oauthClient} for {@code redirectUri}, with offline_access, as
     * Atlassian's consent page would hand it to the app: good for one exchange within ten minutes.
     */
    public String authorizationCode(String redirectUri) {
        requireFlavour(Flavour.CLOUD, "OAuth 2.0");
        return oauth.issueCode(oauth.firstClient().id(), Objects.requireNonNull(redirectUri, "redirectUri"),
                OAuth.DEFAULT_SCOPES + " offline_access");
    }

    /** How many requests reached the token endpoint ({@code POST /oauth/token}), refused ones included. */
    public int tokenRequests() {
        return oauth.tokenRequests();
    }

    /** The {@code grant_type} of each token request, oldest first. */
    public List<String> tokenGrants() {
        return oauth.grants();
    }

    /** Every access token issued so far expires now, as after an hour; refresh tokens stay good. */
    public JiraEmulator expireOAuthAccessTokens() {
        oauth.expireAccessTokens();
        return this;
    }

    /** Cloud: the origin of the media host that attachment content redirects to, as {@code mediaHosts} takes it. */
    public String mediaUrl() {
        requireFlavour(Flavour.CLOUD, "media host");
        running();
        return media.url();
    }

    /** A request the media host got: path and query, whether it carried an Authorization header, the status answered. */
    public record MediaRequest(String pathAndQuery, boolean authorization, int status) {}

    /** The requests the media host got since the start or the last reset, oldest first. */
    public List<MediaRequest> mediaRequests() {
        requireFlavour(Flavour.CLOUD, "media host");
        running();
        return media.requests().stream().map(r -> new MediaRequest(r.pathAndQuery(), r.authorization(), r.status())).toList();
    }

    /** The groups by name, each with its members (account ids on Cloud, user names on Data Center), in Jira's order. */
    public Map<String, List<String>> groups() {
        return read(store -> {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            store.groups.values().forEach(g -> groups.put(g.name, g.members.stream().map(u -> u.id(flavour)).toList()));
            return groups;
        });
    }

    /** The audit log, oldest first, each record as "summary: object" (e.g. "Group created: oncall"). */
    public List<String> auditRecords() {
        return read(store -> store.audit.stream().map(r -> r.summary() + ": " + r.object().name()).toList());
    }

    /** {@link #connectionSettings()} as camel-main properties: {@code camel.component.jiraspoke.connections[name].baseUrl} .. */
    public Properties camelProperties(String connectionName) {
        Properties p = new Properties();
        connectionSettings().forEach((k, v) -> p.setProperty("camel.component.jiraspoke.connections[" + connectionName + "]." + k, v));
        return p;
    }

    /** {@link #connectionSettings()} as Spring Boot properties: {@code camel.component.jiraspoke.connections.name.base-url} .. */
    public Properties springBootProperties(String connectionName) {
        Properties p = new Properties();
        connectionSettings().forEach((k, v) -> p.setProperty("camel.component.jiraspoke.connections." + connectionName + "."
                + k.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT), v));
        return p;
    }

    public int issueCount() {
        return read(Store::issueCount);
    }

    /** The issue as Jira's REST API answers GET issue/{key} (v3 on Cloud, v2 on Data Center), if it exists. */
    public Optional<JsonNode> issue(String idOrKey) {
        State s = running();
        synchronized (s.store()) {
            return s.store().issue(idOrKey).map(issue -> (JsonNode) s.json()
                    .issue(issue, FieldSelection.ALL, new JiraJson.Ctx(http.baseUrl(), flavour == Flavour.CLOUD ? 3 : 2)));
        }
    }

    /** The name of the issue's status. */
    public String status(String issueKey) {
        return read(store -> store.issue(issueKey).map(issue -> issue.status.name())
                .orElseThrow(() -> new IllegalArgumentException("No issue " + issueKey + " in the Jira emulator")));
    }

    /** The plain text of the issue's comments, oldest first. */
    public List<String> comments(String issueKey) {
        return read(store -> store.issue(issueKey).map(issue -> issue.comments.stream()
                        .map(c -> c.body.isTextual() ? c.body.asText() : Adf.toText(c.body)).toList())
                .orElseThrow(() -> new IllegalArgumentException("No issue " + issueKey + " in the Jira emulator")));
    }

    /** The issue's worklogs, oldest first, as GET issue/{key}/worklog answers them (v3 on Cloud, v2 on Data Center). */
    public List<JsonNode> worklogs(String issueKey) {
        return issuePart(issueKey, (s, issue, ctx) -> issue.worklogs.stream().map(w -> (JsonNode) s.json().work.worklog(w, ctx)).toList());
    }

    /** The issue's links as its {@code issuelinks} field shows them: each with the other issue, on the side it is on. */
    public List<JsonNode> links(String issueKey) {
        return issuePart(issueKey, (s, issue, ctx) -> {
            List<JsonNode> links = new ArrayList<>();
            s.json().work.issueLinks(issue, ctx).forEach(links::add);
            return links;
        });
    }

    /** The issue's change history, oldest first, as Cloud's GET issue/{key}/changelog lists its entries. */
    public List<JsonNode> changelog(String issueKey) {
        return issuePart(issueKey, (s, issue, ctx) -> issue.history.stream().map(h -> (JsonNode) s.json().work.history(h, ctx)).toList());
    }

    private interface IssuePart<T> {
        T of(State state, Issue issue, JiraJson.Ctx ctx);
    }

    private <T> T issuePart(String issueKey, IssuePart<T> part) {
        State s = running();
        synchronized (s.store()) {
            Issue issue = s.store().issue(issueKey)
                    .orElseThrow(() -> new IllegalArgumentException("No issue " + issueKey + " in the Jira emulator"));
            return part.of(s, issue, new JiraJson.Ctx(http.baseUrl(), flavour == Flavour.CLOUD ? 3 : 2));
        }
    }

    /** The users, the emulator's own first: Cloud account ids or Data Center user names. */
    public List<String> users() {
        return read(store -> store.users.stream().map(u -> u.id(flavour)).toList());
    }

    /** The id ({@code customfield_NNNNN}) of the custom field with this name. */
    public String fieldId(String name) {
        return read(store -> store.customFields.stream().filter(f -> f.name().equals(name)).findFirst()
                .map(Model.CustomField::id)
                .orElseThrow(() -> new IllegalArgumentException("No custom field named " + name + " in the Jira emulator")));
    }

    /** Marks the issue as just edited, as if someone had changed it in Jira. */
    public void touch(String issueKey) {
        read(store -> {
            Issue issue = store.issue(issueKey).orElseThrow(() -> new IllegalArgumentException("No issue " + issueKey + " in the Jira emulator"));
            issue.updated = store.now();
            return issue;
        });
    }

    /** The requests received so far (the last 10,000), oldest first, as "METHOD /path?query" exactly as sent. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    /** The bodies of the {@code issue/notify} requests Jira took, oldest first (nothing is e-mailed). */
    public List<JsonNode> notifications() {
        State s = running();
        synchronized (s.store()) {
            return s.events().notifications();
        }
    }

    /** The webhook deliveries that have ended (delivered or given up), oldest first. */
    public List<WebhookDelivery> webhookDeliveries() {
        running();
        return webhooks.outcomes();
    }

    // faults

    /** A fault for the requests matching {@code pattern} ({@code "[METHOD ]/path/glob"}); see {@link Fault}. */
    public Fault fault(String pattern) {
        Fault fault = new Fault(pattern);
        faults.add(fault);
        return fault;
    }

    /** Every request answers 401 from now on, as Jira does once a token expired or was revoked, until {@link #clearFaults()}. */
    public JiraEmulator expireTokens() {
        fault("/**").expiredToken();
        return this;
    }

    public void clearFaults() {
        faults.clear();
    }

    // standalone

    /**
     * Runs an emulator until the process is stopped: {@code --cloud} (default) or {@code --data-center},
     * {@code --port N} (default 8089), {@code --seed N} issues in project DEMO (default 5).
     */
    public static void main(String[] args) {
        JiraEmulator jira = launch(args);
        if (jira == null) {
            System.exit(2);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(jira::close));
        Flavour flavour = jira.flavour();
        System.out.println("Jira emulator (" + (flavour == Flavour.CLOUD ? "Cloud, REST v3" : "Data Center 10.3, REST v2")
                + ") listening on " + jira.baseUrl() + " with " + jira.issueCount() + " issues in project " + DEFAULT_PROJECT);
        System.out.println(flavour == Flavour.CLOUD
                ? "Authenticate with Basic " + jira.email() + ":" + jira.apiToken()
                : "Authenticate with Bearer " + jira.personalAccessToken() + " or Basic " + jira.username() + ":" + jira.password());
        System.out.println("camel-main connection properties:");
        jira.connectionSettings().forEach((k, v) -> System.out.println("  camel.component.jiraspoke.connections[jira]." + k + " = " + v));
        System.out.println("Stop with Ctrl+C.");
    }

    /** The emulator the arguments ask for, started; null (after saying why on stderr) when they make no sense. */
    static JiraEmulator launch(String[] args) {
        Flavour flavour = Flavour.CLOUD;
        int port = 8089;
        int seed = 5;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean inline = arg.contains("=");
            String name = inline ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = inline ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : null;
            switch (name) {
                case "--cloud" -> flavour = Flavour.CLOUD;
                case "--data-center", "--dc" -> flavour = Flavour.DATA_CENTER;
                case "--port", "--seed" -> {
                    if (value == null || !value.matches("\\d{1,5}") || name.equals("--port") && Integer.parseInt(value) > 65535) {
                        usage("option " + name + " needs a number" + (name.equals("--port") ? " from 0 to 65535" : ""));
                        return null;
                    }
                    if (name.equals("--port")) {
                        port = Integer.parseInt(value);
                    } else {
                        seed = Integer.parseInt(value);
                    }
                    if (!inline) {
                        i++;
                    }
                }
                default -> {
                    usage("unknown argument " + arg);
                    return null;
                }
            }
        }
        return of(flavour).port(port).seedIssues(DEFAULT_PROJECT, seed).start();
    }

    private static void usage(String problem) {
        System.err.println("jira emulator: " + problem);
        System.err.println("usage: [--cloud | --data-center] [--port N] [--seed N]");
    }

    // checks

    private void requireNotStarted(String what) {
        if (http != null) {
            throw new IllegalStateException("Set " + what + " before the Jira emulator starts");
        }
    }

    private void requireNotClosed() {
        if (closed) {
            throw new IllegalStateException("The Jira emulator has been closed");
        }
    }

    private void requireFlavour(Flavour needed, String what) {
        if (flavour != needed) {
            throw new IllegalStateException("A " + flavour + " emulator has no " + what);
        }
    }

    @Override
    public String toString() {
        // Credentials stay out of logs.
        return "JiraEmulator[" + flavour + (http == null ? ", not started" : ", " + http.baseUrl()) + "]";
    }
}
