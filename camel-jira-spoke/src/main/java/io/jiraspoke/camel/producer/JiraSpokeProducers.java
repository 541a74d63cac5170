package io.jiraspoke.camel.producer;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionVariant;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import org.apache.camel.Producer;
import org.apache.camel.spi.InvokeOnHeader;

/**
 * Which family producer runs which action. What is implemented is read from the producers' {@code @InvokeOnHeader}
 * methods, so an action is offered exactly when a method exists for each of its catalogue variants.
 */
public final class JiraSpokeProducers {

    private static final Map<String, Class<? extends JiraSpokeProducer>> FAMILIES = Map.of(
            "board", BoardProducer.class,
            "issue", IssueProducer.class,
            "server", ServerProducer.class,
            "user", UserProducer.class);

    private static final Map<String, Method> BY_KEY = new LinkedHashMap<>();
    private static final Map<String, JiraSpokeAction> IMPLEMENTED = new LinkedHashMap<>();

    static {
        for (Class<? extends JiraSpokeProducer> type : FAMILIES.values()) {
            for (Method m : type.getMethods()) {
                InvokeOnHeader on = m.getAnnotation(InvokeOnHeader.class);
                if (on != null) {
                    BY_KEY.put(on.value(), m);
                }
            }
        }
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            if (a.variants().stream().allMatch(v -> BY_KEY.containsKey(v.key())
                                                    && familyOf(a) == BY_KEY.get(v.key()).getDeclaringClass())) {
                IMPLEMENTED.put(a.id(), a);
            }
        }
    }

    private JiraSpokeProducers() {
    }

    /** The producer class of an action's family, or null when the family has none yet. */
    public static Class<? extends JiraSpokeProducer> familyOf(JiraSpokeAction action) {
        return FAMILIES.get(action.family());
    }

    public static boolean isImplemented(JiraSpokeAction action) {
        return IMPLEMENTED.containsKey(action.id());
    }

    public static List<String> implementedIds() {
        return List.copyOf(IMPLEMENTED.keySet());
    }

    /** The producer method of a catalogue variant, or null (the reference reads its documentation from it). */
    public static Method method(ActionVariant variant) {
        return BY_KEY.get(variant.key());
    }

    public static Producer create(JiraSpokeEndpoint endpoint) {
        Class<? extends JiraSpokeProducer> type = familyOf(endpoint.getCatalogAction());
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
