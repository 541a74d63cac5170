package io.jiraspoke.camel.consumer;

import java.time.Instant;

import org.apache.camel.Message;

/**
 * The items of an incremental stream: each carries a timestamp in Jira's clock (an issue's {@code updated}, an
 * audit record's {@code created}), and Jira can list those at or after an instant, oldest first.
 *
 * @param <T> the item type, as the producer of the same action returns it
 */
public interface IncrementalSource<T> {

    /** Checks the endpoint's options once, when the consumer starts. */
    default void verify() {
    }

    /**
     * The items stamped at or after {@code since} (everything when null), oldest first, read lazily page by page.
     * Items stamped a little earlier may come too (query granularity); the consumer skips them.
     */
    Iterable<T> since(Instant since);

    /** The item's timestamp; null when Jira sent none, which the consumer reports as an error. */
    Instant timestamp(T item);

    /** A stable identity of the item (an issue id, a record id). */
    String id(T item);

    /** How the item is named in logs (an issue key). */
    String describe(T item);

    /** Sets the exchange headers the item carries. */
    void headers(T item, Message message);

    /** What selects the items (e.g. the JQL), for the default state key. */
    String stateKeyBasis();
}
