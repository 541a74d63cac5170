package io.jiraspoke.camel.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Message;

/**
 * Issues of a JQL query updated since an instant, oldest first: the feed of issue/search and of the other streams
 * that are JQL searches. The time condition is a relative JQL date ({@code updated >= "-12m"}), computed from
 * Jira's clock as the client last measured it, so neither the Jira user's time zone nor a skewed host clock moves
 * it.
 */
public final class JqlIssueFeed implements IncrementalSource<JiraIssue> {

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

    private final JiraSpokeEndpoint endpoint;
    private final String action;
    private final String jql;
    private final String expand;
    private final List<String> fields;
    private String baseJql;

    JqlIssueFeed(JiraSpokeEndpoint endpoint, String action, String jql, String fields, String expand) {
        this.endpoint = endpoint;
        this.action = action;
        this.jql = jql;
        this.expand = expand;
        List<String> f = new ArrayList<>(JiraSpokeEndpoint.commaList(fields));
        if (f.isEmpty()) {
            f.add("*navigable");
        } else if (!f.contains("updated") && !f.contains("*navigable") && !f.contains("*all")) {
            f.add("updated");
        }
        this.fields = List.copyOf(f);
    }

    @Override
    public void verify() {
        if (jql == null || jql.isBlank()) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:" + action + " needs option 'jql' (e.g."
                                                      + " jql=project = ABC)");
        }
        baseJql = withoutOrderBy(jql);
        if (baseJql.isEmpty()) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:" + action + " needs a condition in option"
                                                      + " 'jql' (e.g. project = ABC); its ORDER BY is replaced by"
                                                      + " the consumer's own");
        }
    }

    @Override
    public Iterable<JiraIssue> since(Instant since) {
        JiraClient client = endpoint.getClient();
        return client.dialect().searchIssues(client, jql(since, client.jiraNow()), fields, expand,
                endpoint.getPageSize(), 0);
    }

    /** The user's JQL narrowed to issues updated since an instant (whole minutes, rounded out), oldest first. */
    String jql(Instant since, Instant jiraNow) {
        StringBuilder sb = new StringBuilder(baseJql.length() + 64);
        if (since != null) {
            long millis = Math.max(0, Duration.between(since, jiraNow).toMillis());
            long minutes = (millis + 59_999) / 60_000 + 1;
            sb.append('(').append(baseJql).append(") AND updated >= \"-").append(minutes).append("m\"");
        } else {
            sb.append(baseJql);
        }
        return sb.append(" ORDER BY updated ASC, key ASC").toString();
    }

    /** The JQL without its ORDER BY clause; "order by" inside a quoted value is part of the query. */
    static String withoutOrderBy(String jql) {
        Matcher m = ORDER_BY.matcher(jql);
        while (m.find()) {
            if (!insideQuotes(jql, m.start())) {
                return jql.substring(0, m.start()).strip();
            }
        }
        return jql.strip();
    }

    private static boolean insideQuotes(String jql, int end) {
        char quote = 0;
        for (int i = 0; i < end; i++) {
            char c = jql.charAt(i);
            if (c == '\\' && quote != 0) {
                i++;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote != 0;
    }

    @Override
    public Instant timestamp(JiraIssue issue) {
        return issue.getUpdated() == null ? null : issue.getUpdated().toInstant();
    }

    @Override
    public String id(JiraIssue issue) {
        String id = issue.getId();
        return id != null ? id : issue.getKey();
    }

    @Override
    public String describe(JiraIssue issue) {
        return "issue " + issue.getKey();
    }

    @Override
    public void headers(JiraIssue issue, Message message) {
        message.setHeader(JiraSpokeConstants.ISSUE_KEY, issue.getKey());
        message.setHeader(JiraSpokeConstants.ISSUE_ID, issue.getId());
    }

    @Override
    public String stateKeyBasis() {
        return jql;
    }
}
