package io.jiraspoke.camel;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.jiraspoke.camel.auth.OAuthConsent;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.health.JiraSpokeHealthCheckRepository;
import io.jiraspoke.camel.metrics.MetricsPublisher;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jiraspoke} component: holds the named Jira connections and one live client per connection, shared by
 * all endpoints that use it.
 */
@Component("jiraspoke")
public class JiraSpokeComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(JiraSpokeComponent.class);

    /** The secret connection settings, from the one declaration of them, so a new secret is masked too. */
    private static final List<String> SECRET_OPTIONS = ConnectionOption.secretIds();

    static {
        // Camel masks URI options whose names look secret (most of ours contain "token", "secret" or "password");
        // only the others are added, because Camel masks just the first option per URI that matches an added
        // keyword (so an added name it already masks would hide a later one), and each call replaces the
        // keywords of the previous one.
        List<String> unmasked = SECRET_OPTIONS.stream()
                .filter(option -> URISupport.sanitizeUri("jiraspoke:probe?" + option + "=probe").endsWith("=probe"))
                .toList();
        if (!unmasked.isEmpty()) {
            URISupport.addSanitizeKeywords(String.join(",", unmasked));
        }
    }

    @Metadata(label = "common", description = "The named Jira connections, by name. An endpoint picks one with its"
                                               + " connection option. Properties set them per connection name and"
                                               + " setting (the README's Connections section shows the form; the"
                                               + " reference lists the settings). JiraSpokeConnection beans in the"
                                               + " registry are connections too, under their bean names.")
    private Map<String, JiraSpokeConnection> connections = new LinkedHashMap<>();

    @Metadata(label = "common", description = "The connection of endpoints that name none (no connection option and"
                                               + " no inline connection.* settings). Without it an endpoint may omit"
                                               + " connection only when there is exactly one connection.")
    private String defaultConnection;

    @Metadata(label = "health", defaultValue = "true",
              description = "Whether each named connection has a readiness health check (id"
                            + " jiraspoke:jira for connection jira) in Camel's health check registry, when the"
                            + " application has one (camel-health).")
    private boolean healthCheckEnabled = true;

    @Metadata(label = "health", defaultValue = "30s", javaType = "java.time.Duration",
              description = "How long a connection's health check keeps Jira's answer before it asks again, so that"
                            + " a probe every few seconds does not cost a Jira call each time.")
    private Duration healthCheckInterval = Duration.ofSeconds(30);

    private final Map<String, JiraClient> clients = new HashMap<>();
    private MetricsPublisher metrics;
    private JiraSpokeHealthCheckRepository healthChecks;

    /**
     * Registers the secret option names with the context as soon as the component has one: camel-main logs
     * {@code camel.component.jiraspoke.connections[...]} properties while it binds them, before anything starts,
     * and masks only keys it knows to be sensitive.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            addSensitiveKeywords(camelContext.getCamelContextExtension());
        }
    }

    /** Adds the secret option names to the context's additional sensitive keywords, keeping those already set. */
    private static void addSensitiveKeywords(ExtendedCamelContext extension) {
        String configured = extension.getAdditionalSensitiveKeywords();
        List<String> keywords = new ArrayList<>(keywords(configured));
        List<String> lowerCase = keywords.stream().map(k -> k.toLowerCase(Locale.ENGLISH)).toList();
        boolean added = false;
        for (String option : SECRET_OPTIONS) {
            // Camel compares the last segment of a key, lower-cased, against these keywords
            String keyword = option.toLowerCase(Locale.ENGLISH);
            if (!lowerCase.contains(keyword)) {
                keywords.add(keyword);
                added = true;
            }
        }
        if (added) {
            extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
        }
    }

    /** Camel's comma-separated keyword setting as a list. */
    private static List<String> keywords(String configured) {
        if (configured == null) {
            return List.of();
        }
        return Arrays.stream(configured.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JiraSpokeAction action = JiraSpokeAction.find(remaining);
        if (action == null) {
            throw new JiraSpokeConfigurationException(
                    "Unknown jiraspoke action '" + remaining + "'. Did you mean '" + JiraSpokeAction.nearest(remaining)
                                                      + "'? Valid actions: "
                                                      + String.join(", ", JiraSpokeAction.ids()));
        }
        refuseUnprefixedConnectionSettings(action, parameters);
        EndpointOptions.verifyDurations(parameters);
        Map<String, Object> inline = PropertiesHelper.extractProperties(parameters, "connection.");
        Set<String> set = EndpointOptions.canonicalNames(parameters.keySet());
        JiraSpokeEndpoint endpoint = new JiraSpokeEndpoint(sanitize(uri), uri, this, action, set);
        if (!inline.isEmpty()) {
            endpoint.setInlineConnection(bindInline(endpoint, inline));
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * Inline connection settings carry the prefix {@code connection.} since action options such as a user name
     * share their names. Without the prefix they would be unknown endpoint options, and Camel's own message would
     * print their values: a credential among them.
     */
    private static void refuseUnprefixedConnectionSettings(JiraSpokeAction action, Map<String, Object> parameters) {
        List<String> misplaced = new ArrayList<>();
        for (String key : parameters.keySet()) {
            ConnectionOption o = ConnectionOption.find(key);
            if (o != null && !EndpointOptions.isEndpointOption(key)) {
                misplaced.add(o.id());
            }
        }
        if (!misplaced.isEmpty()) {
            throw new JiraSpokeConfigurationException(
                    "Endpoint jiraspoke:" + action.id() + ": " + misplaced + " are connection settings, not endpoint"
                                                      + " options. Configure a named connection and set"
                                                      + " connection=<name> (recommended), or give them inline with"
                                                      + " the prefix connection. (e.g. connection."
                                                      + misplaced.get(0) + "=...)");
        }
    }

    /** A connection from an endpoint's connection.* options; unknown settings are refused by name. */
    JiraSpokeConnection bindInline(JiraSpokeEndpoint endpoint, Map<String, Object> options) {
        JiraSpokeConnection c = new JiraSpokeConnection();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            ConnectionOption o = ConnectionOption.find(e.getKey());
            if (o == null) {
                throw new JiraSpokeConfigurationException(
                        "Endpoint jiraspoke:" + endpoint.getAction() + ": unknown connection setting 'connection."
                                                          + e.getKey() + "'; valid settings: "
                                                          + String.join(", ", ConnectionOption.ids()));
            }
            PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true)
                    .bind(getCamelContext(), c, o.id(), e.getValue());
        }
        return c;
    }

    /**
     * The URI Camel shows for an endpoint, with every secret option and every option named by the context's
     * additional sensitive keywords masked. Camel's own sanitizing is not enough: it masks only the first option
     * per URI that matches an added keyword, and its keywords are one JVM-wide setting that any context replaces.
     */
    private String sanitize(String uri) {
        List<String> keywords = new ArrayList<>(SECRET_OPTIONS);
        if (getCamelContext() != null) {
            keywords.addAll(keywords(getCamelContext().getCamelContextExtension().getAdditionalSensitiveKeywords()));
        }
        String alternatives = keywords.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        // same shape as Camel's own pattern, so RAW(...) and RAW{...} values are masked whole
        Pattern options = Pattern.compile(
                "([?&][^=&]*(?:" + alternatives + ")[^=&]*)=(RAW(\\{[^}]*}|\\([^)]*\\))|[^&]*)",
                Pattern.CASE_INSENSITIVE);
        return options.matcher(URISupport.sanitizeUri(uri)).replaceAll("$1=xxxxxx");
    }

    /** The client of the endpoint's connection, created once per connection and shared. */
    synchronized JiraClient clientFor(JiraSpokeEndpoint endpoint) {
        String name = endpoint.getConnection();
        JiraSpokeConnection inline = endpoint.getInlineConnection();
        if (name != null) {
            if (inline != null) {
                throw new JiraSpokeConfigurationException(
                        "Endpoint jiraspoke:" + endpoint.getAction() + " names connection '" + name
                                                          + "' and also sets connection.* options inline; use one"
                                                          + " or the other");
            }
            return named(name);
        }
        if (inline != null) {
            String label = "inline:" + (inline.getBaseUrl() != null ? inline.getBaseUrl() : inline.getCloudId());
            return clients.computeIfAbsent("inline:" + inline.fingerprint(), k -> observed(new JiraClient(label,
                    inline)));
        }
        if (defaultConnection != null && !defaultConnection.isBlank()) {
            return named(defaultConnection.trim());
        }
        Map<String, JiraSpokeConnection> all = allConnections();
        if (all.size() == 1) {
            return named(all.keySet().iterator().next());
        }
        throw new JiraSpokeConfigurationException(
                "Endpoint jiraspoke:" + endpoint.getAction() + " names no connection: set connection=<name>"
                                                  + (all.isEmpty()
                                                          ? " after configuring one on the component or as a bean,"
                                                            + " or give the connection settings inline"
                                                            + " (connection.baseUrl, connection.authType, ...)"
                                                          : " (configured: " + String.join(", ", all.keySet())
                                                            + "), or set the component's defaultConnection"));
    }

    private JiraClient named(String name) {
        JiraClient client = clients.get("named:" + name);
        if (client != null) {
            return client;
        }
        Map<String, JiraSpokeConnection> all = allConnections();
        JiraSpokeConnection settings = all.get(name);
        if (settings == null) {
            throw new JiraSpokeConfigurationException(
                    "Unknown Jira connection '" + name + "'; configured: "
                                                      + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
        }
        return clients.computeIfAbsent("named:" + name, k -> observed(new JiraClient(name, settings)));
    }

    /** The client of a named connection, created on first use as for an endpoint (health checks, the consent). */
    public synchronized JiraClient client(String name) {
        return named(name);
    }

    /** The names of the named connections: the component's and the JiraSpokeConnection beans. */
    public synchronized Set<String> connectionNames() {
        return new TreeSet<>(allConnections().keySet());
    }

    /**
     * The OAuth consent of a named {@code oauth2-authorization-code} connection: its tokens go to the connection's
     * token store and are used from the next call on.
     */
    public synchronized OAuthConsent consent(String name) {
        JiraClient client = named(name);
        return OAuthConsent.of(client, allConnections().get(name));
    }

    /** A new client's counters are published (Micrometer or JMX) for as long as it lives. */
    private JiraClient observed(JiraClient client) {
        if (metrics == null && getCamelContext() != null) {
            metrics = new MetricsPublisher(getCamelContext());
        }
        if (metrics != null) {
            metrics.publish(client.http().metrics());
        }
        return client;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (healthCheckEnabled && registry != null) {
            healthChecks = new JiraSpokeHealthCheckRepository(this::connectionNames, this::client,
                    healthCheckInterval);
            registry.register(healthChecks);
        }
    }

    /**
     * The component's connections, plus JiraSpokeConnection beans of the registry (declared in YAML, XML or Spring)
     * under their bean names; on a clash the component's own entry wins.
     */
    private Map<String, JiraSpokeConnection> allConnections() {
        Map<String, JiraSpokeConnection> all = new TreeMap<>();
        if (getCamelContext() != null) {
            all.putAll(getCamelContext().getRegistry().findByTypeWithName(JiraSpokeConnection.class));
        }
        all.putAll(connections);
        return all;
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.unregister(healthChecks);
            }
            healthChecks = null;
        }
        synchronized (this) {
            if (metrics != null) {
                metrics.close();
                metrics = null;
            }
            for (JiraClient c : clients.values()) {
                try {
                    c.close();
                } catch (IOException e) {
                    LOG.debug("Closing Jira connection {} failed: {}", c.name(), e.getMessage());
                }
            }
            clients.clear();
        }
        super.doStop();
    }

    public Map<String, JiraSpokeConnection> getConnections() {
        return connections;
    }

    public void setConnections(Map<String, JiraSpokeConnection> connections) {
        this.connections = connections;
    }

    public String getDefaultConnection() {
        return defaultConnection;
    }

    public void setDefaultConnection(String defaultConnection) {
        this.defaultConnection = defaultConnection;
    }

    public boolean isHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    public void setHealthCheckEnabled(boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    /** Camel reads text it cannot read as a duration as zero: zero and less are refused. */
    public void setHealthCheckInterval(Duration healthCheckInterval) {
        if (healthCheckInterval == null || healthCheckInterval.isZero() || healthCheckInterval.isNegative()) {
            throw new IllegalArgumentException("Option 'healthCheckInterval' must be a positive duration such as"
                                               + " 30s, was " + healthCheckInterval);
        }
        this.healthCheckInterval = healthCheckInterval;
    }

    /** Adds a named connection (Java DSL convenience). */
    public JiraSpokeComponent addConnection(String name, JiraSpokeConnection connection) {
        connections.put(name, connection);
        return this;
    }
}
