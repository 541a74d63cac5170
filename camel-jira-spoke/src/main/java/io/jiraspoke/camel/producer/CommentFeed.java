package io.jiraspoke.camel.producer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraComment;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Message;

/**
 * New and edited comments of the issues a JQL query matches: the issue/comments consumer. Jira cannot list comments
 * across issues by time, but a new or edited comment updates its issue, so the feed walks the issues updated since
 * the lower bound ({@link JqlIssueFeed}, oldest first) and, issue by issue, that issue's comments changed since
 * then. One page of issues and one page of comments are held at a time.
 * <p>
 * Each comment is stamped with its issue's {@code updated}, which rises along the walk, so the watermark never passes
 * a comment not yet delivered. Its identity is its version, the comment id with its own {@code updated}: an edit is
 * a new item, and a comment seen again because its issue changed for another reason is not delivered twice while
 * the overlap window remembers it, and dropped by its own time after that. After a poll that stopped early,
 * comments are dropped by their own time only from that poll's lower bound on, so none on an issue not reached yet
 * is lost (see {@link IncrementalSource#since(Instant, Instant)}).
 */
final class CommentFeed implements IncrementalSource<JiraComment> {

    private final JiraSpokeEndpoint endpoint;
    private final JqlIssueFeed issues;
    private final String expand;

    CommentFeed(JiraSpokeEndpoint endpoint) {
        this.endpoint = endpoint;
        IssueOptions o = endpoint.getIssue();
        this.expand = o.getExpand();
        // an issue's key, id and updated are all the walk needs of it
        this.issues = new JqlIssueFeed(endpoint, "issue/comments", o.getJql(), "updated", null);
    }

    @Override
    public void verify() {
        String issueKey = endpoint.getIssue().getIssueKey();
        if (issueKey != null) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:issue/comments follows the issues option"
                                                      + " 'jql' matches, not option 'issueKey': for one issue set"
                                                      + " jql=key = " + IssueCommentProducer.shown(issueKey));
        }
        if (endpoint.getComment().getOrderBy() != null) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:issue/comments delivers comments in the order"
                                                      + " Jira updated their issues; option 'orderBy' is read by"
                                                      + " its producer (to) only");
        }
        issues.verify();
    }

    @Override
    public Iterable<JiraComment> since(Instant since) {
        return since(since, since);
    }

    @Override
    public Iterable<JiraComment> since(Instant since, Instant unfinishedSince) {
        Long bound = unfinishedSince == null ? null : unfinishedSince.toEpochMilli();
        return () -> new Walk(issues.since(since).iterator(), bound);
    }

    @Override
    public Instant timestamp(JiraComment comment) {
        OffsetDateTime t = comment.getIssueUpdated();
        return t == null ? null : t.toInstant();
    }

    @Override
    public String id(JiraComment comment) {
        String id = comment.getId();
        Long version = ownMillis(comment);
        return (id != null ? id : "~" + Digests.of(comment.getRaw())) + "@" + (version != null ? version : "");
    }

    @Override
    public boolean versionedIds() {
        return true;
    }

    @Override
    public String describe(JiraComment comment) {
        return "comment " + comment.getId() + " on issue " + comment.getIssueKey();
    }

    @Override
    public void headers(JiraComment comment, Message message) {
        message.setHeader(JiraSpokeConstants.ISSUE_KEY, comment.getIssueKey());
        message.setHeader(JiraSpokeConstants.ISSUE_ID, comment.getIssueId());
        message.setHeader(JiraSpokeConstants.COMMENT_ID, comment.getId());
    }

    @Override
    public String stateKeyBasis() {
        return endpoint.getIssue().getJql();
    }

    /** A comment's own time: when it was last edited, else written; null when Jira sent neither. */
    private static Long ownMillis(JiraComment comment) {
        OffsetDateTime t = comment.getUpdated();
        if (t == null) {
            t = comment.getCreated();
        }
        return t == null ? null : t.toInstant().toEpochMilli();
    }

    /** The issues, and within each its comments changed since the bound (all when there is none). */
    private final class Walk implements Iterator<JiraComment> {
        private final Iterator<JiraIssue> issueWalk;
        private final Long bound;
        private Iterator<JiraComment> comments = Collections.emptyIterator();
        private JiraComment next;

        Walk(Iterator<JiraIssue> issueWalk, Long bound) {
            this.issueWalk = issueWalk;
            this.bound = bound;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (comments.hasNext()) {
                    JiraComment c = comments.next();
                    Long own = ownMillis(c);
                    // a comment without a time cannot be told old: it is kept, and the window de-duplicates it
                    if (bound == null || own == null || own >= bound) {
                        next = c;
                    }
                } else if (issueWalk.hasNext()) {
                    comments = commentsOf(issueWalk.next());
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public JiraComment next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JiraComment c = next;
            next = null;
            return c;
        }

        private Iterator<JiraComment> commentsOf(JiraIssue issue) {
            String key = issue.getKey();
            String id = issue.getId();
            OffsetDateTime updated = issue.getUpdated();
            String path = id != null ? id : key;
            if (path == null) {
                return Collections.emptyIterator();
            }
            JiraClient client = endpoint.getClient();
            return IssueCommentProducer.commentPager(client, path, null, expand, endpoint.getPageSize(), 0,
                    n -> new JiraComment(n, key, id, updated)).iterator();
        }
    }
}
