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

    /**
     * The items as {@link #since(Instant)} gives them, for a source whose items are stamped with the time of what
     * holds them (a comment with its issue's {@code updated}, which is the order Jira can list them in) and which
     * also drops items by their own time (a comment's own {@code updated}). Dropping them by {@code since} would
     * lose some after a poll that stopped early: the watermark then stands at the holder's time, later than the
     * own time of items not yet delivered. {@code unfinishedSince} is the lower bound of the oldest poll that did
     * not run to its end (or {@code since} when the last poll did; null for everything): every item not yet
     * delivered has an own time at or after it.
     */
    default Iterable<T> since(Instant since, Instant unfinishedSince) {
        return since(since);
    }

    /** The item's timestamp; null when Jira sent none, which the consumer reports as an error. */
    Instant timestamp(T item);

    /** A stable identity of the item (an issue id, a record id). */
    String id(T item);

    /**
     * Whether {@link #id} names one version of an item (a comment id with the time of its last edit) rather than
     * the item. An id the consumer remembers delivering is then not delivered again even when it comes with a later
     * timestamp: the timestamp is its holder's, which also moves for other reasons (an issue edited after its
     * comment was delivered).
     */
    default boolean versionedIds() {
        return false;
    }

    /** How the item is named in logs (an issue key). */
    String describe(T item);

    /** Sets the exchange headers the item carries. */
    void headers(T item, Message message);

    /** What selects the items (e.g. the JQL), for the default state key. */
    String stateKeyBasis();
}
