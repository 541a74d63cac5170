package io.jiraspoke.camel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
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

    static {
        // Camel masks URI options whose names look secret; authorizationCode is not among its defaults.
        URISupport.addSanitizeKeywords("authorizationCode");
    }

    @Metadata(label = "common", description = "Named Jira connections (name to settings). Endpoints pick one with"
                                               + " connection=<name>. From properties:"
                                               + " camel.component.jiraspoke.connections[<name>].<option>=<value>."
                                               + " JiraSpokeConnection beans in the registry are connections too,"
                                               + " named by their bean name.")
    private Map<String, JiraSpokeConnection> connections = new LinkedHashMap<>();

    private final Map<String, JiraClient> clients = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JiraSpokeAction action = JiraSpokeAction.find(remaining);
        if (action == null) {
            throw new JiraSpokeConfigurationException(
                    "Unknown jiraspoke action '" + remaining + "'. Did you mean '" + JiraSpokeAction.nearest(remaining)
                                                      + "'? Valid actions: "
                                                      + String.join(", ", JiraSpokeAction.ids()));
        }
        JiraSpokeEndpoint endpoint = new JiraSpokeEndpoint(URISupport.sanitizeUri(uri), this, action);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The client of the endpoint's connection, created once per connection and shared. */
    synchronized JiraClient clientFor(JiraSpokeEndpoint endpoint) {
        String name = endpoint.getConnection();
        JiraSpokeConnection inline = endpoint.getConfiguration();
        if (name != null) {
            if (inline.isConfigured()) {
                throw new JiraSpokeConfigurationException(
                        "Endpoint jiraspoke:" + endpoint.getAction() + " names connection '" + name
                                                          + "' and also sets connection options inline; use one or"
                                                          + " the other");
            }
            return named(name);
        }
        if (inline.isConfigured()) {
            String label = "inline:" + (inline.getBaseUrl() != null ? inline.getBaseUrl() : inline.getCloudId());
            return clients.computeIfAbsent("inline:" + fingerprint(inline), k -> new JiraClient(label, inline));
        }
        Map<String, JiraSpokeConnection> all = allConnections();
        if (all.size() == 1) {
            return named(all.keySet().iterator().next());
        }
        throw new JiraSpokeConfigurationException(
                "Endpoint jiraspoke:" + endpoint.getAction() + " names no connection: set connection=<name>"
                                                  + (all.isEmpty()
                                                          ? " after configuring one on the component or as a bean,"
                                                            + " or give the connection options (baseUrl, authType,"
                                                            + " ...) inline"
                                                          : " (configured: " + String.join(", ", all.keySet()) + ")"));
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
        return clients.computeIfAbsent("named:" + name, k -> new JiraClient(name, settings));
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

    /** Identifies equal inline settings without keeping secrets in a map key. */
    private static String fingerprint(JiraSpokeConnection c) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object v : new Object[] {
                    c.getBaseUrl(), c.getCloudId(), c.getDeployment(), c.getAuthType(), c.getEmail(), c.getApiToken(),
                    c.getUsername(), c.getPassword(), c.getPersonalAccessToken(), c.getClientId(), c.getClientSecret(),
                    c.getRefreshToken(), c.getAuthorizationCode(), c.getRedirectUri(), c.getScopes(),
                    c.getTokenStoreFile(), c.getTokenUrl(), c.getApiGatewayUrl(), c.getConnectTimeout(),
                    c.getResponseTimeout(), c.getMaxAttempts(), c.getMaxRetryWait(), c.getMaxConnections(),
                    c.getCallTimeout(), c.getMaxRequestsPerSecond(), c.getMaxConcurrentRequests(), c.getTrustStore(),
                    c.getTrustStorePassword(), c.getTrustStoreType(), c.getProxy(), c.getProxyUsername(),
                    c.getProxyPassword() }) {
                md.update(String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            md.update(String.valueOf(System.identityHashCode(c.getTokenStore())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
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

    /** Adds a named connection (Java DSL convenience). */
    public JiraSpokeComponent addConnection(String name, JiraSpokeConnection connection) {
        connections.put(name, connection);
        return this;
    }
}
