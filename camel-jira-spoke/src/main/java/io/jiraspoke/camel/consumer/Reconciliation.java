package io.jiraspoke.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The reconciling poll of an event source: what Jira lists at a long interval (the issues of the JQL changed since
 * an instant), so that the events whose delivery never came are made from it. Deliveries and the poll share the
 * consumer's {@code IdempotentRepository} through <em>version keys</em> (an issue's id with its {@code updated}): an
 * event delivered one way is not delivered the other way.
 *
 * @param <T> the event type, as the webhook deliveries give it
 */
public interface Reconciliation<T> {

    /** How often the poll runs. */
    Duration interval();

    /**
     * How old a change must be before the poll makes an event of it: a younger one may still be on its way as a
     * delivery, which carries more (the changelog, the user) than the poll can tell.
     */
    Duration delay();

    /** Refuses options that cannot work, naming them; called once, when the consumer starts. */
    void verify();

    /** What selects the changes (the JQL), for the default key of the poll's state. */
    String stateKeyBasis();

    /** The version keys a delivered event carries, which a poll finding the same versions skips; may be empty. */
    List<String> versions(T event);

    /** What changed at or after {@code since}, oldest first, read lazily page by page. */
    Iterable<Change<T>> since(Instant since);

    /** One changed item the poll found. */
    interface Change<T> {

        /** When it changed, in Jira's clock; null when Jira did not say. */
        Instant time();

        /** Every version key an event about this change could have been delivered under. */
        List<String> versions();

        /**
         * The event to deliver for what was not delivered yet, with the version keys it claims; null when every
         * version the route asked for was delivered.
         *
         * @param delivered whether an event under a version key was delivered (or is being delivered)
         * @param since     the lower bound of this poll: a creation before it is not this poll's to report
         */
        Missed<T> missed(Predicate<String> delivered, Instant since);

        /** How logs name it (an issue key), without its content. */
        String describe();
    }

    /** An event the poll delivers, and the version keys it claims. */
    record Missed<T>(T event, List<String> versions) {
    }
}
