package io.jiraspoke.camel.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;

/**
 * Publishes a connection's counters to the application's Micrometer registry, found the way camel-micrometer finds
 * it (the bean {@code metricsRegistry}, else the only {@code MeterRegistry} in the registry, which is Spring Boot's).
 * Meters read the counters when scraped. Only this class touches Micrometer, so the component runs without it.
 */
final class MicrometerBinding implements JiraSpokeMetrics.Listener, AutoCloseable {

    /** The bean name camel-micrometer binds its registry under. */
    static final String REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final JiraSpokeMetrics metrics;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    private MicrometerBinding(MeterRegistry registry, JiraSpokeMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        meters.add(FunctionCounter.builder("jiraspoke.token.refreshes", metrics, JiraSpokeMetrics::tokenRefreshes)
                .description("OAuth access tokens obtained").tag("connection", metrics.connection())
                .register(registry));
        metrics.listen(this);
    }

    /** The application's registry, or null when it has none. */
    static Object find(CamelContext context) {
        MeterRegistry r = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        return r != null ? r : context.getRegistry().findSingleByType(MeterRegistry.class);
    }

    static AutoCloseable bind(Object registry, JiraSpokeMetrics metrics) {
        return new MicrometerBinding((MeterRegistry) registry, metrics);
    }

    @Override
    public void actionAdded(ActionCounters c) {
        Tags tags = Tags.of("connection", metrics.connection(), "action", c.action());
        counter("jiraspoke.requests", "Requests sent to Jira, attempts included", c, tags, null,
                ActionCounters::requests);
        for (FailureKind kind : FailureKind.values()) {
            counter("jiraspoke.failures", "Calls to Jira that failed, by kind", c, tags.and("kind", kind.tag()),
                    null, x -> x.failures(kind));
        }
        counter("jiraspoke.retries", "Attempts made again after a 429, a 5xx or a failed connection", c, tags,
                null, ActionCounters::retries);
        counter("jiraspoke.retry.wait", "Time spent waiting between attempts", c, tags, "seconds",
                x -> x.retryWaitMillis() / 1000.0);
        counter("jiraspoke.throttle.wait", "Time requests waited for the connection's own limits", c, tags,
                "seconds", x -> x.throttleWaitMillis() / 1000.0);
        JiraSpokeAction action = c.catalogAction();
        if (action != null && action.isStream()) {
            counter("jiraspoke.consumer.items", "Items the consumers delivered", c, tags, null,
                    ActionCounters::itemsDelivered);
        }
        if (action != null && action.feed() == JiraSpokeAction.Feed.INCREMENTAL) {
            meters.add(Gauge.builder("jiraspoke.consumer.watermark.lag", c, x -> {
                long lag = x.watermarkLagMillis();
                return lag < 0 ? Double.NaN : lag / 1000.0;
            }).description("Jira's now minus the incremental consumer's watermark").baseUnit("seconds").tags(tags)
                    .register(registry));
        }
    }

    @Override
    public void reasonAdded(ActionCounters c, String reason) {
        counter("jiraspoke.rate.limited", "429 answers, by RateLimit-Reason", c,
                Tags.of("connection", metrics.connection(), "action", c.action(), "reason", reason), null,
                x -> x.rateLimitedFor(reason));
    }

    private void counter(String name, String description, ActionCounters c, Tags tags, String unit,
                         java.util.function.ToDoubleFunction<ActionCounters> f) {
        FunctionCounter.Builder<ActionCounters> b = FunctionCounter.builder(name, c, f).description(description)
                .tags(tags);
        if (unit != null) {
            b.baseUnit(unit);
        }
        meters.add(b.register(registry));
    }

    @Override
    public void close() {
        metrics.unlisten(this);
        meters.forEach(registry::remove);
        meters.clear();
    }
}
