package io.jiraspoke.camel.producer;

import java.util.List;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.paging.JiraPager;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code issue} family: create and update (the requests {@link IssueWrites} builds from options,
 * headers and body, field display names included), get, delete, search and count. A {@link JiraIssue} body (the
 * result of an earlier step, e.g. the consumer) carries no fields to set: options and headers are used alone.
 */
public class IssueProducer extends JiraSpokeProducer {

    private final IssueWrites writes = new IssueWrites(this);

    public IssueProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private IssueOptions options() {
        return getEndpoint().getIssue();
    }

    /** POST /rest/api/{3|2}/issue. */
    @InvokeOnHeader("issue/create")
    @ActionDoc(body = IssueWrites.FIELDS_BODY,
               returns = "JiraIssue with only id, key and self (Jira answers no fields; use issue/get for them)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public JiraIssue create(Exchange exchange) {
        return writes.create(exchange, "issue/create", null);
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}. */
    @InvokeOnHeader("issue/get")
    @ActionDoc(returns = "JiraIssue (the fields asked for, all by default)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public JiraIssue get(Exchange exchange) {
        IssueOptions o = options();
        String key = issueKey(exchange, "issue/get");
        JiraRequest r = JiraRequest.get(dialect().api() + "/issue/" + JiraRequest.segment(key))
                .query("fields", option(exchange, JiraSpokeConstants.FIELDS, o.getFields()))
                .query("expand", option(exchange, JiraSpokeConstants.EXPAND, o.getExpand()));
        JiraIssue issue = new JiraIssue(client().call(r), client().fields());
        setResultHeaders(exchange.getMessage(), issue);
        return issue;
    }

    /** PUT /rest/api/{3|2}/issue/{issueIdOrKey}. */
    @InvokeOnHeader("issue/update")
    @ActionDoc(body = IssueWrites.FIELDS_BODY, returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public void update(Exchange exchange) {
        writes.update(exchange, "issue/update", null);
    }

    /** DELETE /rest/api/{3|2}/issue/{issueIdOrKey}. */
    @InvokeOnHeader("issue/delete")
    @ActionDoc(returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public void delete(Exchange exchange) {
        String key = issueKey(exchange, "issue/delete");
        Boolean subtasks = option(exchange, JiraSpokeConstants.DELETE_SUBTASKS, options().isDeleteSubtasks());
        client().call(JiraRequest.delete(dialect().api() + "/issue/" + JiraRequest.segment(key))
                .query("deleteSubtasks", String.valueOf(Boolean.TRUE.equals(subtasks))));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
    }

    /**
     * Issues matching JQL: Cloud {@code /search/jql} (nextPageToken), Data Center {@code /search} (startAt), as the
     * dialect says.
     */
    @InvokeOnHeader("issue/search")
    @ActionDoc(returns = "List<JiraIssue> (fields *navigable unless 'fields' says otherwise), or with"
                         + " outputType=iterator an Iterator<JiraIssue> that fetches pages as it is read")
    public Object search(Exchange exchange) {
        String jql = option(exchange, JiraSpokeConstants.JQL, options().getJql());
        if (jql == null || jql.isBlank()) {
            throw new JiraSpokeInputException("issue/search needs a JQL query: set option 'jql' or header "
                                              + JiraSpokeConstants.JQL);
        }
        return output(search(this, exchange, jql));
    }

    /**
     * The issues of a JQL query, lazily, with the fields (the navigable ones by default) and expansions the
     * message asks for, through the dialect's search API.
     */
    static JiraPager<JiraIssue> search(JiraSpokeProducer producer, Exchange exchange, String jql) {
        IssueOptions o = producer.getEndpoint().getIssue();
        String fields = option(exchange, JiraSpokeConstants.FIELDS, o.getFields());
        JiraClient c = producer.client();
        return c.dialect().searchIssues(c, jql, fields == null ? List.of("*navigable") : commaList(fields),
                option(exchange, JiraSpokeConstants.EXPAND, o.getExpand()), producer.getEndpoint().getPageSize(),
                producer.getEndpoint().getLimit());
    }

    /**
     * The number of issues matching JQL: Cloud {@code POST /rest/api/3/search/approximate-count}, Data Center
     * {@code GET /rest/api/2/search?maxResults=0} (its total), as the dialect says.
     */
    @InvokeOnHeader("issue/count")
    @ActionDoc(returns = "Long: how many issues the JQL matches. Cloud's count is approximate (an issue changed"
                         + " moments ago may not be counted yet, and Jira Cloud answers 400 to a JQL without a"
                         + " condition); Data Center's is the exact total of its search",
               headers = { JiraSpokeConstants.ISSUE_COUNT })
    public Long count(Exchange exchange) {
        String jql = option(exchange, JiraSpokeConstants.JQL, options().getJql());
        if (jql == null || jql.isBlank()) {
            throw new JiraSpokeInputException("issue/count needs a JQL query: set option 'jql' or header "
                                              + JiraSpokeConstants.JQL);
        }
        long count = dialect().countIssues(client(), jql.strip());
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_COUNT, count);
        return count;
    }

    /** The issue/search consumer: the issues of the JQL updated since the watermark. */
    @ConsumerFeed(value = "issue/search", emits = "one JiraIssue per new or updated issue, oldest first",
                  headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public static IncrementalSource<JiraIssue> searchFeed(JiraSpokeEndpoint endpoint) {
        IssueOptions o = endpoint.getIssue();
        return new JqlIssueFeed(endpoint, "issue/search", o.getJql(), o.getFields(), o.getExpand());
    }

    static void setResultHeaders(Message message, JiraIssue issue) {
        message.setHeader(JiraSpokeConstants.ISSUE_KEY, issue.getKey());
        message.setHeader(JiraSpokeConstants.ISSUE_ID, issue.getId());
    }

    private String issueKey(Exchange exchange, String action) {
        String key = option(exchange, JiraSpokeConstants.ISSUE_KEY, options().getIssueKey());
        if (key == null || key.isBlank()) {
            throw new JiraSpokeInputException(action + " needs an issue: set option 'issueKey' or header "
                                              + JiraSpokeConstants.ISSUE_KEY);
        }
        return key;
    }
}
