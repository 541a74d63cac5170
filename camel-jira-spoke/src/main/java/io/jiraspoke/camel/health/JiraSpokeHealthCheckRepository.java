package io.jiraspoke.camel.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.jiraspoke.camel.client.JiraClient;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;

/**
 * The health checks of the component: one readiness check per named connection, {@code jiraspoke:<name>}, as the
 * component knows them when a probe comes (connections on the component and {@code JiraSpokeConnection} beans).
 * Registered with Camel's health check registry when the context has one (camel-health: camel-main with
 * {@code camel.health.enabled}, and Camel's Spring Boot starter, which shows it in Actuator's health).
 */
public final class JiraSpokeHealthCheckRepository implements HealthCheckRepository {

    private final Supplier<Iterable<String>> names;
    private final Function<String, JiraClient> clients;
    private final Duration interval;
    private final Map<String, ConnectionHealthCheck> checks = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    /**
     * @param names    the names of the connections there are now
     * @param clients  the client of a connection by name
     * @param interval how long an answer is kept before Jira is asked again
     */
    public JiraSpokeHealthCheckRepository(Supplier<Iterable<String>> names, Function<String, JiraClient> clients,
                                          Duration interval) {
        this.names = names;
        this.clients = clients;
        this.interval = interval;
    }

    @Override
    public String getId() {
        return "jiraspoke";
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Stream<HealthCheck> stream() {
        if (!enabled) {
            return Stream.empty();
        }
        Stream.Builder<HealthCheck> all = Stream.builder();
        for (String name : names.get()) {
            all.add(checks.computeIfAbsent(name, n -> new ConnectionHealthCheck(n, clients, interval)));
        }
        return all.build();
    }
}
