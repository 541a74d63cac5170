package io.jiraspoke.camel.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.jiraspoke.*} properties: the named connections
 * ({@code camel.component.jiraspoke.connections.<name>.<setting>}, bound straight onto {@link JiraSpokeConnection},
 * whose settings {@code ConnectionOption} declares), the component's own options and the OAuth consent endpoints.
 * Descriptions and value hints for IDEs come from {@code additional-spring-configuration-metadata.json}, which is
 * generated from {@code ConnectionOption} and the component's metadata. Unknown keys are refused, so a misspelt
 * setting stops the application instead of being ignored; every connection is validated at start, as Spring Boot's
 * {@code OAuth2ClientProperties} validates its registrations, with messages that name the property to fix.
 */
@ConfigurationProperties(prefix = JiraSpokeComponentConfiguration.PREFIX, ignoreUnknownFields = false)
public class JiraSpokeComponentConfiguration extends ComponentConfigurationPropertiesCommon
        implements InitializingBean {

    public static final String PREFIX = "camel.component.jiraspoke";

    private Map<String, JiraSpokeConnection> connections = new LinkedHashMap<>();
    private String defaultConnection;
    private Boolean bridgeErrorHandler;
    private Boolean lazyStartProducer;
    private Boolean autowiredEnabled;
    private Boolean healthCheckEnabled;
    private Duration healthCheckInterval;
    private final Consent consent = new Consent();

    /** The OAuth consent endpoints ({@code oauth2-authorization-code} connections only). */
    public static class Consent {

        /**
         * Whether to offer, for each oauth2-authorization-code connection, GET {path}/{connection}/authorize
         * (redirects to Atlassian's consent page) and GET {path}/{connection}/callback (stores the tokens). Whoever
         * can reach them can authorize the connection with their own Atlassian account: protect them (Spring
         * Security) or enable them only while an admin gives consent.
         */
        private boolean enabled;

        /** Where the consent endpoints live. */
        private String path = "/jiraspoke/oauth";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }

    @Override
    public void afterPropertiesSet() {
        validate();
    }

    /** Checks every connection; all problems of all connections at once, each naming its property path. */
    public void validate() {
        List<String> problems = new ArrayList<>();
        connections.forEach((name, connection) -> {
            try {
                connection.validate(name, PropertyNames.forConnection(name));
            } catch (JiraSpokeConfigurationException e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new JiraSpokeConfigurationException(String.join("\n", problems));
        }
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

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckEnabled() {
        return healthCheckEnabled;
    }

    public void setHealthCheckEnabled(Boolean healthCheckEnabled) {
        this.healthCheckEnabled = healthCheckEnabled;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public Consent getConsent() {
        return consent;
    }
}
