package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code story} family. A story is an issue of type Story, so these are issue actions bound to that
 * type: story/create and story/update send the requests of issue/create and issue/update (fields by display name,
 * {@code textFormat} for the description; see {@link IssueWrites}), and story/search is issue/search narrowed to
 * {@code issuetype = Story}. The type is given by name, not id, since its id differs from site to site: the same
 * route works on every site that keeps the name Jira Software gives it (a site that renamed it uses the issue
 * actions with option {@code issueType}).
 */
public class StoryProducer extends JiraSpokeProducer {

    /** The name of the issue type of stories, as Jira Software creates it on Cloud and Data Center. */
    static final String STORY = "Story";

    private final IssueWrites writes = new IssueWrites(this);

    public StoryProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** POST /rest/api/{3|2}/issue with issue type Story. */
    @InvokeOnHeader("story/create")
    @ActionDoc(body = IssueWrites.FIELDS_BODY + " The issue type is Story: a body that names another type (or"
                      + " gives one by id) is refused.",
               returns = "JiraIssue with only id, key and self (Jira answers no fields; use issue/get for them)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public JiraIssue create(Exchange exchange) {
        return writes.create(exchange, "story/create", STORY);
    }

    /**
     * PUT /rest/api/{3|2}/issue/{issueIdOrKey}. The issue's type is not read first (a request more per update): a
     * story is told from other issues by the key the route gives, and the update may not change the type.
     */
    @InvokeOnHeader("story/update")
    @ActionDoc(body = IssueWrites.FIELDS_BODY + " A body that changes the issue type is refused.",
               returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public void update(Exchange exchange) {
        writes.update(exchange, "story/update", STORY);
    }

    /** Jira's issue search (Cloud {@code /search/jql}, Data Center {@code /search}) for {@code issuetype = Story}. */
    @InvokeOnHeader("story/search")
    @ActionDoc(returns = "List<JiraIssue> of the stories the optional 'jql' narrows to (fields *navigable unless"
                         + " 'fields' says otherwise, in the JQL's ORDER BY), or with outputType=iterator an"
                         + " Iterator<JiraIssue> that fetches pages as it is read")
    public Object search(Exchange exchange) {
        String jql = option(exchange, JiraSpokeConstants.JQL, getEndpoint().getIssue().getJql());
        return output(IssueProducer.search(this, exchange, storyJql(jql)));
    }

    /** The story/search consumer: the stories (of the optional JQL) updated since the watermark. */
    @ConsumerFeed(value = "story/search", emits = "one JiraIssue per new or updated story, oldest first",
                  headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public static IncrementalSource<JiraIssue> searchFeed(JiraSpokeEndpoint endpoint) {
        IssueOptions o = endpoint.getIssue();
        return new JqlIssueFeed(endpoint, "story/search", storyJql(o.getJql()), o.getFields(), o.getExpand());
    }

    /**
     * The JQL of the stories a user's JQL narrows to: {@code issuetype = Story AND (<condition>)}, the user's ORDER
     * BY kept last; only the type when the JQL is blank.
     */
    static String storyJql(String jql) {
        String type = "issuetype = " + STORY;
        if (jql == null || jql.isBlank()) {
            return type;
        }
        String condition = JqlIssueFeed.withoutOrderBy(jql);
        String order = JqlIssueFeed.orderBy(jql);
        String narrowed = condition.isEmpty() ? type : type + " AND (" + condition + ")";
        return order == null ? narrowed : narrowed + " " + order;
    }
}
