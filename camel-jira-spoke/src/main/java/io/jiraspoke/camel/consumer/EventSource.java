package io.jiraspoke.camel.consumer;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Message;

/**
 * What an events consumer (a stream Jira pushes rather than one that is polled) needs from its family: how a
 * delivery's payload becomes the exchange's body and headers, which events the route asked for, and the
 * registration of the webhook with Jira at start and stop. The consumer does the rest: the HTTP endpoint,
 * signatures, size limits, de-duplication and the answer to Jira.
 *
 * @param <T> the typed body of one delivery
 */
public interface EventSource<T> {

    /** Refuses a configuration that cannot work, naming the option; then registers the webhook when asked. */
    void start();

    /** Extends the life of a registration that expires; called every {@link #renewInterval()}. */
    void renew();

    /** How often {@link #renew()} is due; null when there is nothing to renew. */
    Duration renewInterval();

    /** Unregisters the webhook when asked; called once when the consumer stops. */
    void stop();

    /** The typed body of a payload, which is a JSON object; a JiraSpokeInputException when it is not one Jira sends. */
    T read(JsonNode payload);

    /** Whether the route asked for this event; the others are acknowledged to Jira and dropped. */
    boolean wanted(T event);

    /** Sets the headers the event carries (event type, issue key, timestamp, ...). */
    void headers(T event, Message message);

    /** The event as logs name it, without its content. */
    String describe(T event);

    /** The reconciling poll the endpoint asks for, or null when it asks for none. */
    default Reconciliation<T> reconciliation() {
        return null;
    }
}
