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
 * Which producer class runs which action. A family (the id before the slash) has one producer class, or several
 * named by topic when it is large (the issue family: comments, attachments, ...). What is implemented is read from
 * the classes' {@code @InvokeOnHeader} methods, so an action is offered exactly when a method exists for each of
 * its catalogue variants.
 */
public final class JiraSpokeProducers {

    private static final Map<String, List<Class<? extends JiraSpokeProducer>>> FAMILIES = Map.ofEntries(
            // attachment/download shares the attachment topic (metadata, content, headers) with the issue family's
            // attachment actions, so one class serves both families
            Map.entry("attachment", List.of(IssueAttachmentProducer.class)),
            Map.entry("audit", List.of(AuditProducer.class)),
            Map.entry("board", List.of(BoardProducer.class)),
            Map.entry("field", List.of(FieldProducer.class)),
            Map.entry("group", List.of(GroupProducer.class)),
            Map.entry("issue", List.of(IssueProducer.class, IssueAttachmentProducer.class, IssueCommentProducer.class,
                    IssueWorkflowProducer.class, IssuePeopleProducer.class, IssueLinkProducer.class,
                    IssueWorklogProducer.class, IssueChangelogProducer.class)),
            Map.entry("metadata", List.of(MetadataProducer.class)),
            Map.entry("project", List.of(ProjectProducer.class)),
            Map.entry("server", List.of(ServerProducer.class)),
            Map.entry("sprint", List.of(SprintProducer.class)),
            Map.entry("story", List.of(StoryProducer.class)),
            Map.entry("user", List.of(UserProducer.class)),
            Map.entry("webhook", List.of(WebhookProducer.class, WebhookPayloadProducer.class)));

    private static final Map<String, Method> BY_KEY = new LinkedHashMap<>();
    private static final Map<String, JiraSpokeAction> IMPLEMENTED = new LinkedHashMap<>();

    static {
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            for (Class<? extends JiraSpokeProducer> type : classesOf(a)) {
                for (Method m : type.getMethods()) {
                    InvokeOnHeader on = m.getAnnotation(InvokeOnHeader.class);
                    if (on != null && a.variants().stream().anyMatch(v -> v.key().equals(on.value()))) {
                        BY_KEY.put(on.value(), m);
                    }
                }
            }
            if (a.variants().stream().allMatch(v -> BY_KEY.containsKey(v.key()))) {
                IMPLEMENTED.put(a.id(), a);
            }
        }
    }

    private JiraSpokeProducers() {
    }

    /** The producer classes of an action's family; empty when the family has none yet. */
    public static List<Class<? extends JiraSpokeProducer>> classesOf(JiraSpokeAction action) {
        return FAMILIES.getOrDefault(action.family(), List.of());
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

    /** A producer of the class whose method serves the endpoint's variant. */
    public static Producer create(JiraSpokeEndpoint endpoint) {
        Method m = BY_KEY.get(endpoint.variant().key());
        if (m == null) {
            throw new IllegalStateException("No producer for " + endpoint.variant().key());
        }
        try {
            return (Producer) m.getDeclaringClass().getConstructor(JiraSpokeEndpoint.class).newInstance(endpoint);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the producer of " + endpoint.getAction(), e);
        }
    }
}
