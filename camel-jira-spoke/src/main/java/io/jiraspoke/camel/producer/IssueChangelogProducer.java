package io.jiraspoke.camel.producer;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.model.JiraChangelog;
import io.jiraspoke.camel.model.JiraFieldChange;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * The change history of issues: {@code issue/changelog} lists one issue's history entries, and its consumer emits
 * one exchange per field change of the issues a JQL query matches (camel-jira's watchUpdates, without its
 * in-memory copy of every issue). Cloud pages the history; Data Center answers it whole (see
 * {@link io.jiraspoke.camel.client.JiraDialect#changelog}).
 */
public class IssueChangelogProducer extends JiraSpokeProducer {

    private static final String CHANGELOG = "issue/changelog";
    private static final Pattern ISSUE_ID = Pattern.compile("\\d{1,19}");

    public IssueChangelogProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        IssueItemFeed.refuseJqlOnProducer(getEndpoint(), CHANGELOG, "history entries");
    }

    /**
     * Cloud: GET /rest/api/3/issue/{issueIdOrKey}/changelog (startAt paging, {@code values}); Data Center: GET
     * /rest/api/2/issue/{issueIdOrKey}?expand=changelog (the whole history in one answer).
     */
    @InvokeOnHeader(CHANGELOG)
    @ActionDoc(returns = "List<JiraChangelog>, oldest first (with watchedFields only the entries that change those"
                         + " fields, each with only those changes), or with outputType=iterator an"
                         + " Iterator<JiraChangelog> that fetches pages as it is read",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public Object changelog(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), CHANGELOG);
        Predicate<JsonNode> watched = watched(option(exchange, JiraSpokeConstants.WATCHED_FIELDS,
                getEndpoint().getChangelog().getWatchedFields()));
        boolean byId = ISSUE_ID.matcher(key).matches();
        // with watched fields, entries are dropped after they are read: the limit counts the entries returned
        Iterable<JiraChangelog> entries = dialect().changelog(client(), key, getEndpoint().getPageSize(),
                watched == null ? getEndpoint().getLimit() : 0,
                n -> new JiraChangelog(n, byId ? null : key, byId ? key : null, null, watched));
        Object result = output(watched == null ? entries : watchedOnly(entries, getEndpoint().getLimit()));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        return result;
    }

    /** The issue/changelog consumer: each field change of the issues a JQL query matches. */
    @ConsumerFeed(value = CHANGELOG,
                  emits = "one JiraFieldChange per field changed (an item of a history entry) on the issues option"
                          + " 'jql' matches, only those of watchedFields when it is set; issue by issue in the"
                          + " order Jira updated them, each issue's changes oldest first; each change once, none"
                          + " lost when a poll stops early",
                  headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID,
                              JiraSpokeConstants.CHANGELOG_ID, JiraSpokeConstants.CHANGED_FIELD })
    public static IncrementalSource<JiraFieldChange> changelogFeed(JiraSpokeEndpoint endpoint) {
        return new ChangeFeed(endpoint);
    }

    /** The entries that change a watched field, at most {@code limit} of them (0: all). */
    private static Iterable<JiraChangelog> watchedOnly(Iterable<JiraChangelog> entries, long limit) {
        return () -> new Iterator<>() {
            private final Iterator<JiraChangelog> all = entries.iterator();
            private JiraChangelog next;
            private long given;

            @Override
            public boolean hasNext() {
                while (next == null && (limit <= 0 || given < limit) && all.hasNext()) {
                    JiraChangelog entry = all.next();
                    if (!entry.getItems().isEmpty()) {
                        next = entry;
                    }
                }
                return next != null;
            }

            @Override
            public JiraChangelog next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                JiraChangelog entry = next;
                next = null;
                given++;
                return entry;
            }
        };
    }

    /**
     * Which history items are of the watched fields (by field id, else by the name the history gives, ignoring
     * case: Jira spells the same field differently across entries); null when none are named.
     */
    static Predicate<JsonNode> watched(String fields) {
        Set<String> names = commaList(fields).stream().map(f -> f.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (names.isEmpty()) {
            return null;
        }
        return item -> named(names, item.get("fieldId")) || named(names, item.get("field"));
    }

    private static boolean named(Set<String> names, JsonNode value) {
        return value != null && value.isTextual() && names.contains(value.asText().strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Each field change of the issues a JQL query matches, walking the issues as {@link IssueItemFeed} says. A
     * change's own time is its entry's {@code created}; entries never change, so a change is named by its entry's
     * id and its field, and by its content where one entry changes the same field twice (two attachments, two links).
     */
    private static final class ChangeFeed extends IssueItemFeed<JiraFieldChange> {

        private final Predicate<JsonNode> watched;

        ChangeFeed(JiraSpokeEndpoint endpoint) {
            super(endpoint, CHANGELOG);
            this.watched = watched(endpoint.getChangelog().getWatchedFields());
        }

        @Override
        Iterator<JiraFieldChange> itemsOf(String issueIdOrKey, String key, String id, OffsetDateTime updated) {
            Iterator<JiraChangelog> entries = endpoint.getClient().dialect().changelog(endpoint.getClient(),
                    issueIdOrKey, endpoint.getPageSize(), 0, n -> new JiraChangelog(n, key, id, updated, watched))
                    .iterator();
            return new Iterator<>() {
                private Iterator<JiraFieldChange> changes = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!changes.hasNext() && entries.hasNext()) {
                        changes = entries.next().getItems().iterator();
                    }
                    return changes.hasNext();
                }

                @Override
                public JiraFieldChange next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return changes.next();
                }
            };
        }

        @Override
        OffsetDateTime ownTime(JiraFieldChange change) {
            return change.getCreated();
        }

        @Override
        OffsetDateTime issueUpdated(JiraFieldChange change) {
            return change.getChangelog().getIssueUpdated();
        }

        @Override
        public String id(JiraFieldChange change) {
            JiraChangelog entry = change.getChangelog();
            String entryId = entry.getId();
            String field = field(change.getRaw());
            StringBuilder id = new StringBuilder(entryId != null ? entryId : "~" + Digests.of(entry.getRaw()))
                    .append('/').append(field);
            if (repeats(entry.getRaw().path("items"), field)) {
                id.append('~').append(Digests.of(change.getRaw()));
            }
            return id.toString();
        }

        /** The field of an item as its id names it, else its name, in lower case. */
        private static String field(JsonNode item) {
            String id = item.path("fieldId").asText(null);
            String name = id != null && !id.isBlank() ? id : item.path("field").asText("");
            return name.toLowerCase(Locale.ROOT);
        }

        private static boolean repeats(JsonNode items, String field) {
            int count = 0;
            for (JsonNode item : items) {
                if (field(item).equals(field) && ++count > 1) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe(JiraFieldChange change) {
            return "change of " + change.getField() + " in history entry " + change.getChangelogId() + " of issue "
                   + change.getIssueKey();
        }

        @Override
        public void headers(JiraFieldChange change, Message message) {
            message.setHeader(JiraSpokeConstants.ISSUE_KEY, change.getIssueKey());
            message.setHeader(JiraSpokeConstants.ISSUE_ID, change.getIssueId());
            message.setHeader(JiraSpokeConstants.CHANGELOG_ID, change.getChangelogId());
            message.setHeader(JiraSpokeConstants.CHANGED_FIELD, change.getField());
        }
    }
}
