package io.jiraspoke.camel.producer;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import org.apache.camel.Producer;
import org.apache.camel.spi.InvokeOnHeader;

/**
 * Which family producer runs which action. What is implemented is read from the producers' {@code @InvokeOnHeader}
 * methods, so an action is offered exactly when its method exists.
 */
public final class JiraSpokeProducers {

    private static final Map<String, Class<? extends JiraSpokeProducer>> FAMILIES = Map.of(
            "issue", IssueProducer.class,
            "server", ServerProducer.class,
            "user", UserProducer.class);

    private static final Map<String, Class<? extends JiraSpokeProducer>> BY_ACTION = new LinkedHashMap<>();

    static {
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            Class<? extends JiraSpokeProducer> type = FAMILIES.get(a.family());
            if (type != null && handles(type, a.id())) {
                BY_ACTION.put(a.id(), type);
            }
        }
    }

    private JiraSpokeProducers() {
    }

    private static boolean handles(Class<?> type, String id) {
        for (Method m : type.getMethods()) {
            InvokeOnHeader on = m.getAnnotation(InvokeOnHeader.class);
            if (on != null && on.value().equals(id)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isImplemented(JiraSpokeAction action) {
        return BY_ACTION.containsKey(action.id());
    }

    public static List<String> implementedIds() {
        return List.copyOf(BY_ACTION.keySet());
    }

    public static Producer create(JiraSpokeEndpoint endpoint) {
        Class<? extends JiraSpokeProducer> type = FAMILIES.get(endpoint.getCatalogAction().family());
        if (type == null) {
            throw new IllegalStateException("No producer for " + endpoint.getAction());
        }
        try {
            return type.getConstructor(JiraSpokeEndpoint.class).newInstance(endpoint);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the producer of " + endpoint.getAction(), e);
        }
    }
}
