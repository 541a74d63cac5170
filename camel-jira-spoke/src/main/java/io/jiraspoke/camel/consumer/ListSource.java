package io.jiraspoke.camel.consumer;

import org.apache.camel.Message;

/**
 * The items of a list stream (projects, users, groups, boards, sprints): no timestamp Jira can filter on, so each
 * poll reads the whole list and the consumer tells new and changed items by their content.
 *
 * @param <T> the item type, as the producer of the same action returns it
 */
public interface ListSource<T> {

    /** Checks the endpoint's options once, when the consumer starts. */
    default void verify() {
    }

    /** Every item, read lazily page by page. */
    Iterable<T> all();

    /** A stable identity of the item (a project id, a user's account id). */
    String id(T item);

    /** What changes when the item changes, e.g. a digest of its JSON. */
    String version(T item);

    /** How the item is named in logs. */
    String describe(T item);

    /** Sets the exchange headers the item carries. */
    void headers(T item, Message message);

    /** What selects the items, for the default state key. */
    String stateKeyBasis();
}
