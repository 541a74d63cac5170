package io.jiraspoke.camel.metrics;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a connection's counters as MXBeans on the platform MBean server:
 * {@code io.jiraspoke.camel:context=<camel context>,type=connection,name=<connection>} with the totals, and one
 * {@code ...,type=action,connection=<connection>,name=<action>} per action. They read the counters when asked.
 */
final class JmxBinding implements JiraSpokeMetrics.Listener, AutoCloseable {

    static final String DOMAIN = "io.jiraspoke.camel";
    private static final Logger LOG = LoggerFactory.getLogger(JmxBinding.class);

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String context;
    private final JiraSpokeMetrics metrics;
    private final List<ObjectName> registered = new CopyOnWriteArrayList<>();

    JmxBinding(String context, JiraSpokeMetrics metrics) {
        this.context = context;
        this.metrics = metrics;
        register("type=connection,name=" + ObjectName.quote(metrics.connection()), new ConnectionView(metrics),
                ConnectionMetricsMXBean.class);
        metrics.listen(this);
    }

    @Override
    public void actionAdded(ActionCounters counters) {
        register("type=action,connection=" + ObjectName.quote(metrics.connection()) + ",name="
                 + ObjectName.quote(counters.action()), new ActionView(counters), ActionMetricsMXBean.class);
    }

    @Override
    public void reasonAdded(ActionCounters counters, String reason) {
        // a map attribute of the action's MBean: nothing to register
    }

    private <T> void register(String keys, T view, Class<T> type) {
        try {
            ObjectName name = new ObjectName(DOMAIN + ":context=" + ObjectName.quote(context) + "," + keys);
            StandardMBean bean = new StandardMBean(view, type, true);
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException e) {
                // a context of the same name that was not stopped: the live one wins
                server.unregisterMBean(name);
                server.registerMBean(bean, name);
            }
            registered.add(name);
        } catch (JMException e) {
            LOG.warn("Cannot publish the metrics of Jira connection '{}' over JMX: {}", metrics.connection(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        metrics.unlisten(this);
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("Unregistering {} failed: {}", name, e.getMessage());
            }
        }
        registered.clear();
    }

    private record ConnectionView(JiraSpokeMetrics m) implements ConnectionMetricsMXBean {
        @Override
        public String getConnection() {
            return m.connection();
        }

        @Override
        public long getRequests() {
            return m.requests();
        }

        @Override
        public Map<String, Long> getFailures() {
            return m.failuresByKind();
        }

        @Override
        public long getRetries() {
            return m.retries();
        }

        @Override
        public long getRateLimited() {
            return m.rateLimited();
        }

        @Override
        public Map<String, Long> getRateLimitedByReason() {
            return m.rateLimitedByReason();
        }

        @Override
        public long getRetryWaitMillis() {
            return m.retryWaitMillis();
        }

        @Override
        public long getThrottleWaitMillis() {
            return m.throttleWaitMillis();
        }

        @Override
        public long getTokenRefreshes() {
            return m.tokenRefreshes();
        }
    }

    private record ActionView(ActionCounters c) implements ActionMetricsMXBean {
        @Override
        public String getConnection() {
            return c.owner().connection();
        }

        @Override
        public String getAction() {
            return c.action();
        }

        @Override
        public long getRequests() {
            return c.requests();
        }

        @Override
        public Map<String, Long> getFailures() {
            return c.failuresByKind();
        }

        @Override
        public long getRetries() {
            return c.retries();
        }

        @Override
        public long getRateLimited() {
            return c.rateLimited();
        }

        @Override
        public Map<String, Long> getRateLimitedByReason() {
            return c.rateLimitedByReason();
        }

        @Override
        public long getRetryWaitMillis() {
            return c.retryWaitMillis();
        }

        @Override
        public long getThrottleWaitMillis() {
            return c.throttleWaitMillis();
        }

        @Override
        public long getItemsDelivered() {
            return c.itemsDelivered();
        }

        @Override
        public long getWatermarkLagMillis() {
            return c.watermarkLagMillis();
        }
    }
}
