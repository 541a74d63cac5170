package io.jiraspoke.camel.consumer;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.producer.JiraSpokeProducer;
import io.jiraspoke.camel.producer.JiraSpokeProducers;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/**
 * Which generic consumer serves which stream: the catalogue's feed picks the consumer (incremental, list, or events
 * that Jira pushes), and a producer class of the family gives the items through its {@link ConsumerFeed} method. A stream is consumable exactly when that method exists.
 */
public final class JiraSpokeConsumers {

    private static final Map<String, Method> FEEDS = new LinkedHashMap<>();

    static {
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            for (Class<? extends JiraSpokeProducer> type : JiraSpokeProducers.classesOf(a)) {
                for (Method m : type.getMethods()) {
                    ConsumerFeed feed = m.getAnnotation(ConsumerFeed.class);
                    if (feed != null && feed.value().equals(a.id()) && Modifier.isStatic(m.getModifiers())
                        && returns(m, a.feed())) {
                        FEEDS.put(a.id(), m);
                    }
                }
            }
        }
    }

    private JiraSpokeConsumers() {
    }

    private static boolean returns(Method m, JiraSpokeAction.Feed feed) {
        return switch (feed) {
            case INCREMENTAL -> IncrementalSource.class.isAssignableFrom(m.getReturnType());
            case LIST -> ListSource.class.isAssignableFrom(m.getReturnType());
            case EVENTS -> EventSource.class.isAssignableFrom(m.getReturnType());
            default -> false;
        };
    }

    public static boolean isImplemented(JiraSpokeAction action) {
        return FEEDS.containsKey(action.id());
    }

    public static List<String> implementedIds() {
        return List.copyOf(FEEDS.keySet());
    }

    /** The feed method of a stream (the reference reads its documentation from it), or null. */
    public static Method feed(JiraSpokeAction action) {
        return FEEDS.get(action.id());
    }

    public static Consumer create(JiraSpokeEndpoint endpoint, Processor processor) {
        JiraSpokeAction action = endpoint.getCatalogAction();
        Object source;
        try {
            source = FEEDS.get(action.id()).invoke(null, endpoint);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the feed of " + action.id(), e);
        }
        return switch (action.feed()) {
            case INCREMENTAL -> new IncrementalConsumer<>(endpoint, processor, (IncrementalSource<?>) source);
            case LIST -> new ListConsumer<>(endpoint, processor, (ListSource<?>) source);
            case EVENTS -> new WebhookConsumer<>(endpoint, processor, (EventSource<?>) source);
            default -> throw new IllegalStateException(action.id() + " has no feed");
        };
    }
}
