package io.jiraspoke.camel.producer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraIssue;

/**
 * What an issue holds (comments, worklogs, change history) that changed since an instant, for the issues a JQL
 * query matches: the feed of the consumers of issue/comments, issue/worklogs and issue/changelog. Jira cannot list
 * these across issues by time, but a change to any of them updates its issue, so the feed walks the issues updated
 * since the lower bound ({@link JqlIssueFeed}, oldest first) and, issue by issue, what the issue holds that changed
 * since then. One page of issues and one page of the issue's items are held at a time.
 * <p>
 * Each item is stamped with its issue's {@code updated}, which rises along the walk, so the watermark never passes
 * an item not yet delivered; stamped with its own time instead, an old item on an issue not reached yet would lie
 * behind a watermark moved on by a newer item of an earlier issue. Its identity names one version of it
 * ({@link #versionedIds()}): an item seen again because its issue changed for another reason is not delivered twice
 * while the overlap window remembers it, and dropped by its own time after that. After a poll that stopped early,
 * items are dropped by their own time only from that poll's lower bound on, so none on an issue not reached yet is
 * lost (see {@link IncrementalSource#since(Instant, Instant)}).
 *
 * @param <T> the item type, carrying its issue's key, id and {@code updated} as the walk found them
 */
abstract class IssueItemFeed<T> implements IncrementalSource<T> {

    protected final JiraSpokeEndpoint endpoint;
    private final String action;
    private final JqlIssueFeed issues;

    IssueItemFeed(JiraSpokeEndpoint endpoint, String action) {
        this.endpoint = endpoint;
        this.action = action;
        // an issue's key, id and updated are all the walk needs of it
        this.issues = new JqlIssueFeed(endpoint, action, endpoint.getIssue().getJql(), "updated", null);
    }

    /** The items of one issue, oldest first as Jira lists them, each carrying the issue as the walk found it. */
    abstract Iterator<T> itemsOf(String issueIdOrKey, String key, String id, OffsetDateTime updated);

    /** When the item itself was last changed (else made); null when Jira sent no time. */
    abstract OffsetDateTime ownTime(T item);

    /** The {@code updated} of the item's issue, as the walk found it. */
    abstract OffsetDateTime issueUpdated(T item);

    @Override
    public void verify() {
        String issueKey = endpoint.getIssue().getIssueKey();
        if (issueKey != null) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:" + action + " follows the issues option"
                                                      + " 'jql' matches, not option 'issueKey': for one issue set"
                                                      + " jql=key = " + IssueCommentProducer.shown(issueKey));
        }
        issues.verify();
    }

    /** The producer of the action reads one issue, named by option issueKey: the consumer's jql is refused there. */
    static void refuseJqlOnProducer(JiraSpokeEndpoint endpoint, String action, String items) {
        if (action.equals(endpoint.getAction()) && endpoint.getIssue().getJql() != null) {
            throw new JiraSpokeConfigurationException("Endpoint jiraspoke:" + action + " (producer) lists the " + items
                                                      + " of one issue, named by option 'issueKey'; option 'jql' is"
                                                      + " read by its consumer (from), which follows the " + items
                                                      + " of the issues the JQL matches");
        }
    }

    @Override
    public Iterable<T> since(Instant since) {
        return since(since, since);
    }

    @Override
    public Iterable<T> since(Instant since, Instant unfinishedSince) {
        Long bound = unfinishedSince == null ? null : unfinishedSince.toEpochMilli();
        return () -> new Walk(issues.since(since).iterator(), bound);
    }

    @Override
    public Instant timestamp(T item) {
        OffsetDateTime t = issueUpdated(item);
        return t == null ? null : t.toInstant();
    }

    @Override
    public boolean versionedIds() {
        return true;
    }

    @Override
    public String stateKeyBasis() {
        return endpoint.getIssue().getJql();
    }

    /** The item's own time in epoch milliseconds, or null. */
    final Long ownMillis(T item) {
        OffsetDateTime t = ownTime(item);
        return t == null ? null : t.toInstant().toEpochMilli();
    }

    /**
     * The item's identity in the overlap window: Jira's id (a digest of its JSON when it has none) and the version
     * its own time marks, so that an edited item comes again and an unchanged one does not.
     */
    final String versionedId(String jiraId, JsonNode raw, T item) {
        Long version = ownMillis(item);
        return (jiraId != null ? jiraId : "~" + Digests.of(raw)) + "@" + (version != null ? version : "");
    }

    /** The issues, and within each the items changed since the bound (all when there is none). */
    private final class Walk implements Iterator<T> {
        private final Iterator<JiraIssue> issueWalk;
        private final Long bound;
        private Iterator<T> items = Collections.emptyIterator();
        private T next;

        Walk(Iterator<JiraIssue> issueWalk, Long bound) {
            this.issueWalk = issueWalk;
            this.bound = bound;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (items.hasNext()) {
                    T item = items.next();
                    Long own = ownMillis(item);
                    // an item without a time cannot be told old: it is kept, and the window de-duplicates it
                    if (bound == null || own == null || own >= bound) {
                        next = item;
                    }
                } else if (issueWalk.hasNext()) {
                    JiraIssue issue = issueWalk.next();
                    String path = issue.getId() != null ? issue.getId() : issue.getKey();
                    items = path == null ? Collections.emptyIterator()
                            : itemsOf(path, issue.getKey(), issue.getId(), issue.getUpdated());
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T item = next;
            next = null;
            return item;
        }
    }
}
