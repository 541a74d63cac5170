package io.jiraspoke.camel.producer;

import java.time.OffsetDateTime;
import java.util.Iterator;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraComment;
import org.apache.camel.Message;

/**
 * New and edited comments of the issues a JQL query matches: the issue/comments consumer, walking the issues as
 * {@link IssueItemFeed} says. A comment's version is its id with its own {@code updated}: an edit is a new item.
 */
final class CommentFeed extends IssueItemFeed<JiraComment> {

    private final String expand;

    CommentFeed(JiraSpokeEndpoint endpoint) {
        super(endpoint, "issue/comments");
        this.expand = endpoint.getIssue().getExpand();
    }

    @Override
    public void verify() {
        super.verify();
        if (endpoint.getComment().getOrderBy() != null) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:issue/comments delivers comments in the order"
                                                      + " Jira updated their issues; option 'orderBy' is read by"
                                                      + " its producer (to) only");
        }
    }

    @Override
    Iterator<JiraComment> itemsOf(String issueIdOrKey, String key, String id, OffsetDateTime updated) {
        return IssueCommentProducer.commentPager(endpoint.getClient(), issueIdOrKey, null, expand,
                endpoint.getPageSize(), 0, n -> new JiraComment(n, key, id, updated)).iterator();
    }

    /** A comment's own time: when it was last edited, else written. */
    @Override
    OffsetDateTime ownTime(JiraComment comment) {
        OffsetDateTime t = comment.getUpdated();
        return t != null ? t : comment.getCreated();
    }

    @Override
    OffsetDateTime issueUpdated(JiraComment comment) {
        return comment.getIssueUpdated();
    }

    @Override
    public String id(JiraComment comment) {
        return versionedId(comment.getId(), comment.getRaw(), comment);
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
}
