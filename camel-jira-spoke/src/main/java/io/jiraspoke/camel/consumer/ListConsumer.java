package io.jiraspoke.camel.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of every list stream (projects, users, groups, boards, sprints): each poll reads the whole list and
 * emits every item ({@code emit=all}), or only the items that are new or changed since the last poll
 * ({@code emit=changed}, told by a digest of each item kept in the endpoint's {@code StateRepository}). Items that
 * disappeared are forgotten, so an item that comes back is new again. With emit=all, a poll that stopped early leaves
 * the rest of the list to the next poll, which starts over only after it.
 */
final class ListConsumer<T> extends StreamConsumer {

    /**
     * What emit=all keeps of an item emitted in the current round: when a poll stops early (maxMessagesPerPoll, a
     * failed exchange) the next one goes on with the rest of the list, and starts over only once it was all emitted.
     */
    static final String IN_ROUND = "r";

    private static final Logger LOG = LoggerFactory.getLogger(ListConsumer.class);

    private final ListSource<T> source;
    private final boolean changedOnly;

    ListConsumer(JiraSpokeEndpoint endpoint, Processor processor, ListSource<T> source) {
        super(endpoint, processor, source.stateKeyBasis());
        this.source = source;
        this.changedOnly = "changed".equals(endpoint.getEmit());
    }

    @Override
    protected void doStart() throws Exception {
        if (startFrom.kind() == StartFrom.Kind.INSTANT) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:" + endpoint.getAction() + " lists items without a timestamp: startFrom"
                                                      + " takes now or beginning here, not an instant");
        }
        source.verify();
        super.doStart();
    }

    @Override
    int pollItems() throws Exception {
        String saved = loadState();
        boolean baseline = changedOnly && saved == null && startFrom.kind() == StartFrom.Kind.NOW;
        ListState previous = ListState.parse(saved);
        ListState next = new ListState();
        int max = endpoint.getMaxMessagesPerPoll();
        int delivered = 0;
        boolean complete = true;
        try {
            for (T item : source.all()) {
                if (!isRunAllowed()) {
                    complete = false;
                    break;
                }
                String id = source.id(item);
                if (id == null) {
                    LOG.warn("{} skips an item Jira sent without an id: {}", endpoint, item);
                    continue;
                }
                String version = changedOnly ? source.version(item) : IN_ROUND;
                if (baseline || Objects.equals(version, previous.versions.get(id))) {
                    next.versions.put(id, version);
                    continue;
                }
                if (max > 0 && delivered >= max) {
                    complete = false;
                    break;
                }
                Outcome outcome = deliver(item, e -> source.headers(item, e.getMessage()), () -> source.describe(item),
                        () -> previous.failed(id, version));
                if (outcome == Outcome.FAILED) {
                    complete = false;
                    next.failingId = previous.failingId;
                    next.failingVersion = previous.failingVersion;
                    next.failures = previous.failures;
                    break;
                }
                delivered++;
                next.versions.put(id, version);
                if (checkpointDue()) {
                    saveState(() -> next.merged(previous, false).serialize());
                }
            }
        } catch (RuntimeException | Error e) {
            // Jira failed on a later page: the items not read are not gone, so what was known of them is kept
            complete = false;
            throw e;
        } finally {
            // a baseline cut short is none: saving part of the list would make the rest look new on the next poll
            if (complete || !baseline) {
                ListState done = next.merged(previous, complete);
                if (complete && !changedOnly) {
                    // the whole list was emitted: the next poll starts over
                    done.versions.clear();
                }
                saveState(() -> done.serialize());
            }
        }
        return delivered;
    }

    /**
     * Digests of the items last delivered, by id ({@link #IN_ROUND} with emit=all); the item that keeps failing
     * and its count.
     */
    static final class ListState {
        final Map<String, String> versions = new HashMap<>();
        String failingId;
        String failingVersion;
        int failures;

        static ListState parse(String text) {
            ListState s = new ListState();
            if (text == null || text.isBlank()) {
                return s;
            }
            String[] parts = text.split(";", -1);
            if (parts.length != 3 || !"l1".equals(parts[0])) {
                throw new IllegalStateException("Unreadable jiraspoke list consumer state");
            }
            if (!parts[1].isEmpty()) {
                int colon = parts[1].lastIndexOf(':');
                int at = parts[1].lastIndexOf('@', colon);
                s.failingId = StateText.unescape(parts[1].substring(0, at));
                s.failingVersion = parts[1].substring(at + 1, colon);
                s.failures = Integer.parseInt(parts[1].substring(colon + 1));
            }
            for (String entry : parts[2].split(",")) {
                int eq = entry.lastIndexOf('=');
                if (eq > 0) {
                    s.versions.put(StateText.unescape(entry.substring(0, eq)), entry.substring(eq + 1));
                }
            }
            return s;
        }

        int failed(String id, String version) {
            if (id.equals(failingId) && Objects.equals(version, failingVersion)) {
                failures++;
            } else {
                failingId = id;
                failingVersion = version;
                failures = 1;
            }
            return failures;
        }

        /**
         * This poll's versions; when the poll stopped early, the previous versions of the items it did not reach
         * are kept too, so they are not taken for new on the next poll.
         */
        ListState merged(ListState previous, boolean complete) {
            if (complete) {
                return this;
            }
            ListState m = new ListState();
            m.versions.putAll(previous.versions);
            m.versions.putAll(versions);
            m.failingId = failingId;
            m.failingVersion = failingVersion;
            m.failures = failures;
            return m;
        }

        String serialize() {
            StringBuilder sb = new StringBuilder(16 + versions.size() * 40).append("l1;");
            if (failingId != null) {
                sb.append(StateText.escape(failingId)).append('@').append(failingVersion).append(':')
                        .append(failures);
            }
            sb.append(';');
            boolean first = true;
            for (Map.Entry<String, String> e : versions.entrySet()) {
                sb.append(first ? "" : ",").append(StateText.escape(e.getKey())).append('=').append(e.getValue());
                first = false;
            }
            return sb.toString();
        }
    }
}
