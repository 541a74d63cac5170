package io.jiraspoke.camel;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Which endpoint options an endpoint may set: action options only when the catalogue says its action reads them,
 * stream options only on streams, producer options only on producers, consumer options only on consumers (and the
 * incremental or list ones only on that kind of stream). Roles are read once from the {@code @UriParam} annotations
 * of the endpoint, its family option classes and Camel's own endpoint classes. Camel takes {@code bridgeErrorHandler}
 * and {@code lazyStartProducer} out of the URI before the component sees it (they may also be set component-wide),
 * so those two are accepted on any endpoint.
 */
final class EndpointOptions {

    enum Role {
        /** Read whatever the action and use (connection, ...). */
        COMMON,
        /** A family option: read only by the actions whose catalogue entry lists it. */
        ACTION,
        /** Read by stream actions, as producer and consumer. */
        STREAM,
        /** Read by stream actions used as producers. */
        STREAM_PRODUCER,
        /** Read by producers only (Camel's lazyStartProducer, ...). */
        PRODUCER,
        /** Read by consumers only (scheduling, state). */
        CONSUMER,
        /** Read by consumers of incremental streams. */
        INCREMENTAL,
        /** Read by consumers of list streams. */
        LIST
    }

    /** The consumer options a consumer that Jira pushes to reads: Camel's own, none of the polling ones. */
    private static final Set<String> PUSHED = Set.of("bridgeErrorHandler", "exceptionHandler", "exchangePattern");
    /** What a pushed consumer's reconciling poll (webhookReconcileInterval) reads besides. */
    private static final Set<String> RECONCILING = Set.of("overlap", "stateRepository", "stateKey",
            "maxMessagesPerPoll", "pageSize");
    private static final String RECONCILE = "webhookReconcileInterval";

    private static final Map<String, Role> DECLARED = Map.of(
            "pageSize", Role.STREAM,
            "limit", Role.STREAM_PRODUCER,
            "outputType", Role.STREAM_PRODUCER,
            "overlap", Role.INCREMENTAL,
            "emit", Role.LIST,
            "connection", Role.COMMON,
            "connectionOptions", Role.COMMON);

    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
    private static final Map<String, Role> ROLES = new LinkedHashMap<>();
    private static final Map<String, Role> PREFIXES = new LinkedHashMap<>();
    /** Camel's generated configurer reads the scheduler's long delays as durations too, without saying so. */
    private static final Set<String> DURATIONS = new LinkedHashSet<>(List.of("delay", "initialDelay"));

    static {
        for (Class<?> c = JiraSpokeEndpoint.class; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                UriParam p = f.getAnnotation(UriParam.class);
                if (p == null) {
                    continue;
                }
                if (f.getType().isAnnotationPresent(UriParams.class)) {
                    for (Field nested : f.getType().getDeclaredFields()) {
                        if (nested.isAnnotationPresent(UriParam.class)) {
                            add(name(nested, nested.getAnnotation(UriParam.class)), Role.ACTION);
                        }
                    }
                    continue;
                }
                String name = name(f, p);
                if (f.getType() == Duration.class || "java.time.Duration".equals(p.javaType())) {
                    DURATIONS.add(name);
                }
                Role role = DECLARED.getOrDefault(name, byLabel(p.label()));
                add(name, role);
                if (!p.prefix().isEmpty()) {
                    PREFIXES.put(p.prefix(), role);
                }
            }
        }
    }

    private EndpointOptions() {
    }

    private static String name(Field f, UriParam p) {
        return p.name().isEmpty() ? f.getName() : p.name();
    }

    private static void add(String name, Role role) {
        CANONICAL.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        ROLES.putIfAbsent(name, role);
    }

    private static Role byLabel(String label) {
        List<String> labels = Arrays.asList(label.split(","));
        if (labels.contains("consumer")) {
            return Role.CONSUMER;
        }
        return labels.contains("producer") ? Role.PRODUCER : Role.COMMON;
    }

    /** The option's name as declared, for a URI key in any case; the key itself when it is no endpoint option. */
    static String canonical(String key) {
        String name = CANONICAL.get(key.toLowerCase(Locale.ROOT));
        return name != null ? name : key;
    }

    /** Whether the endpoint has an option of this name (any case); prefixed map options do not count. */
    static boolean isEndpointOption(String key) {
        return CANONICAL.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** Every family option, i.e. every name the catalogue's options column may list. */
    static Set<String> actionOptions() {
        Set<String> names = new TreeSet<>();
        ROLES.forEach((name, role) -> {
            if (role == Role.ACTION) {
                names.add(name);
            }
        });
        return Collections.unmodifiableSet(names);
    }

    private static Role roleOf(String key) {
        Role role = ROLES.get(canonical(key));
        if (role != null) {
            return role;
        }
        for (Map.Entry<String, Role> p : PREFIXES.entrySet()) {
            if (key.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return Role.COMMON;
    }

    /** Refuses, naming each option, when the endpoint sets options its action and role do not read. */
    static void verify(JiraSpokeEndpoint endpoint, Set<String> set, boolean consumer) {
        JiraSpokeAction action = endpoint.getCatalogAction();
        String use = consumer ? "consumer" : "producer";
        List<String> problems = new ArrayList<>();
        boolean reconciling = consumer && action.feed() == JiraSpokeAction.Feed.EVENTS
                              && canonicalNames(set).contains(RECONCILE);
        for (String key : set) {
            String name = canonical(key);
            if (reconciling && RECONCILING.contains(name)) {
                continue;
            }
            switch (roleOf(key)) {
                case ACTION -> {
                    if (!action.options().contains(name)) {
                        problems.add("option '" + name + "' is not read by " + action.id()
                                     + (action.options().isEmpty() ? " (it reads no action options)"
                                             : " (it reads: " + String.join(", ", action.options()) + ")")
                                     + "; it is read by: " + readers(name));
                    }
                }
                case STREAM -> {
                    if (consumer && action.feed() == JiraSpokeAction.Feed.EVENTS) {
                        problems.add(reconcilingOnly(name, action));
                    } else if (!action.isStream()) {
                        problems.add("option '" + name + "' is read only by stream actions, and " + action.id()
                                     + " is a single action");
                    }
                }
                case STREAM_PRODUCER -> {
                    if (!action.isStream() || consumer) {
                        problems.add("option '" + name + "' is read only by stream actions used as producers (to),"
                                     + " and this endpoint is " + (action.isStream() ? "a consumer (from);"
                                             + " maxMessagesPerPoll bounds what one poll emits" : "a single action"));
                    }
                }
                case PRODUCER -> {
                    if (consumer) {
                        problems.add("option '" + name + "' is a producer option, and this endpoint is a consumer");
                    }
                }
                case CONSUMER, INCREMENTAL, LIST -> {
                    Role role = roleOf(key);
                    if (!consumer) {
                        problems.add("option '" + name + "' is a consumer option (from), and this endpoint is a"
                                     + " producer (to)");
                    } else if (action.feed() == JiraSpokeAction.Feed.EVENTS && RECONCILING.contains(name)) {
                        problems.add(reconcilingOnly(name, action));
                    } else if (action.feed() == JiraSpokeAction.Feed.EVENTS && !PUSHED.contains(name)) {
                        problems.add("option '" + name + "' is read only by polling consumers, and " + action.id()
                                     + " receives what Jira sends (it does not poll)");
                    } else if (role == Role.INCREMENTAL && action.feed() != JiraSpokeAction.Feed.INCREMENTAL
                               || role == Role.LIST && action.feed() != JiraSpokeAction.Feed.LIST) {
                        problems.add("option '" + name + "' is read only by consumers of "
                                     + (role == Role.INCREMENTAL ? "incremental" : "list") + " streams ("
                                     + String.join(", ", feeds(role == Role.INCREMENTAL
                                             ? JiraSpokeAction.Feed.INCREMENTAL : JiraSpokeAction.Feed.LIST))
                                     + ")");
                    }
                }
                default -> {
                    // read by every endpoint
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new JiraSpokeConfigurationException(
                    "Endpoint jiraspoke:" + action.id() + " (" + use + ") sets options its action does not read: "
                                                      + String.join("; ", problems));
        }
    }

    private static String reconcilingOnly(String name, JiraSpokeAction action) {
        return "option '" + name + "' is read by " + action.id() + " only with " + RECONCILE + " (its reconciling"
               + " poll), which is not set";
    }

    private static String readers(String option) {
        List<String> ids = Arrays.stream(JiraSpokeAction.values()).filter(a -> a.options().contains(option))
                .map(JiraSpokeAction::id).toList();
        return ids.isEmpty() ? "no action yet" : String.join(", ", ids);
    }

    private static List<String> feeds(JiraSpokeAction.Feed feed) {
        return Arrays.stream(JiraSpokeAction.values()).filter(a -> a.feed() == feed).map(JiraSpokeAction::id)
                .toList();
    }

    /**
     * Refuses duration options whose text Camel's converter would silently read as zero ({@code abc},
     * {@code -5m}), naming the option and the value.
     */
    static void verifyDurations(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            String name = canonical(e.getKey());
            if (DURATIONS.contains(name) && e.getValue() instanceof String text) {
                Durations.parse(name, text);
            }
        }
    }

    /** The canonical names of the option keys an endpoint URI sets. */
    static Set<String> canonicalNames(Set<String> keys) {
        Set<String> names = new LinkedHashSet<>();
        for (String k : keys) {
            names.add(canonical(k));
        }
        return names;
    }

    static void range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Option '" + option + "' must be "
                                               + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                                                       ? "at least " + min : "between " + min + " and " + max)
                                               + ", was " + value);
        }
    }

    static void oneOf(String option, String value, String... allowed) {
        if (value == null || !Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException("Option '" + option + "' must be one of "
                                               + String.join(", ", allowed) + ", was " + value);
        }
    }
}
