package io.jiraspoke.camel.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the component publishes each connection's counters: to Micrometer when the application has a registry
 * (camel-micrometer's {@code metricsRegistry}, or Spring Boot's), else as JMX MXBeans. Decided once per component,
 * when the first connection comes.
 */
public final class MetricsPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsPublisher.class);
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    private final CamelContext context;
    private final Object meterRegistry;
    private final List<AutoCloseable> bindings = new CopyOnWriteArrayList<>();

    public MetricsPublisher(CamelContext context) {
        this.context = context;
        this.meterRegistry = context.getClassResolver().resolveClass(MICROMETER) != null
                ? MicrometerBinding.find(context) : null;
        LOG.debug("Jira connection metrics go to {}", meterRegistry != null ? meterRegistry : "JMX");
    }

    /** Whether the counters go to Micrometer (else to JMX). */
    public boolean usesMicrometer() {
        return meterRegistry != null;
    }

    public void publish(JiraSpokeMetrics metrics) {
        bindings.add(meterRegistry != null ? MicrometerBinding.bind(meterRegistry, metrics)
                : new JmxBinding(context.getName(), metrics));
    }

    @Override
    public void close() {
        for (AutoCloseable b : bindings) {
            try {
                b.close();
            } catch (Exception e) {
                LOG.debug("Unpublishing Jira connection metrics failed: {}", e.getMessage());
            }
        }
        bindings.clear();
    }
}
