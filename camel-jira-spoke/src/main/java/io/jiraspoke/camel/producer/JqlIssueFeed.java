package io.jiraspoke.camel.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraTime;
import org.apache.camel.Message;

/**
 * Issues of a JQL query updated since an instant, oldest first: the feed of issue/search and of the other streams
 * that are JQL searches, over Jira's issue search or a narrower list that takes JQL too (the issues of a sprint, see
 * {@link Scope}). The time condition is a relative JQL date ({@code updated >= "-12m"}), computed from Jira's clock
 * as the client last measured it, so neither the Jira user's time zone nor a skewed host clock moves it.
 */
public final class JqlIssueFeed implements IncrementalSource<JiraIssue> {

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

    /**
     * Where a feed's issues come from, besides the JQL: Jira's issue search ({@link #ISSUE_SEARCH}), or a list that
     * is narrowed already and takes JQL to narrow it further, such as the issues of a sprint. Either must order its
     * issues as the JQL's ORDER BY says.
     */
    interface Scope {

        /** Checks the scope's own options when the consumer starts; {@code action} names the consumer. */
        default void verify(String action) {
        }

        /**
         * Whether the consumer needs a condition in option 'jql': Jira's issue search does (without one it would
         * read every issue of the site), a narrowed list does not.
         */
        boolean needsJql();

        /** The fields asked for when option 'fields' is not set; empty for Jira's own default. */
        List<String> defaultFields();

        /** The issues of the JQL, lazily page by page. */
        Iterable<JiraIssue> issues(JiraClient client, String jql, List<String> fields, String expand, int pageSize);

        /** What selects the issues, for the default state key, given the user's JQL (null when not set). */
        String stateKeyBasis(String jql);
    }

    /** Jira's issue search, as the connection's dialect does it, with the navigable fields by default. */
    static final Scope ISSUE_SEARCH = new Scope() {
        @Override
        public boolean needsJql() {
            return true;
        }

        @Override
        public List<String> defaultFields() {
            return List.of("*navigable");
        }

        @Override
        public Iterable<JiraIssue> issues(JiraClient client, String jql, List<String> fields, String expand,
                                          int pageSize) {
            return client.dialect().searchIssues(client, jql, fields, expand, pageSize, 0);
        }

        @Override
        public String stateKeyBasis(String jql) {
            return jql;
        }
    };

    private final JiraSpokeEndpoint endpoint;
    private final String action;
    private final String jql;
    private final String expand;
    private final List<String> fields;
    private final Scope scope;
    private String baseJql;

    /** A feed over Jira's issue search. */
    JqlIssueFeed(JiraSpokeEndpoint endpoint, String action, String jql, String fields, String expand) {
        this(endpoint, action, jql, fields, expand, ISSUE_SEARCH);
    }

    JqlIssueFeed(JiraSpokeEndpoint endpoint, String action, String jql, String fields, String expand, Scope scope) {
        this.endpoint = endpoint;
        this.action = action;
        this.jql = jql;
        this.expand = expand;
        this.scope = scope;
        List<String> f = new ArrayList<>(JiraSpokeEndpoint.commaList(fields));
        if (f.isEmpty()) {
            f.addAll(scope.defaultFields());
        } else if (!f.contains("updated") && !f.contains("*navigable") && !f.contains("*all")) {
            // the watermark is kept on 'updated'
            f.add("updated");
        }
        this.fields = List.copyOf(f);
    }

    @Override
    public void verify() {
        scope.verify(action);
        if (jql == null || jql.isBlank()) {
            if (scope.needsJql()) {
                throw new JiraSpokeConfigurationException("Consumer jiraspoke:" + action + " needs option 'jql'"
                                                          + " (e.g. jql=project = ABC)");
            }
            baseJql = "";
            return;
        }
        baseJql = withoutOrderBy(jql);
        if (baseJql.isEmpty() && scope.needsJql()) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:" + action + " needs a condition in option"
                                                      + " 'jql' (e.g. project = ABC); its ORDER BY is replaced by"
                                                      + " the consumer's own");
        }
    }

    @Override
    public Iterable<JiraIssue> since(Instant since) {
        JiraClient client = endpoint.getClient();
        return scope.issues(client, jql(since, client.jiraNow()), fields, expand, endpoint.getPageSize());
    }

    /**
     * The user's JQL (if any) narrowed to issues updated since an instant (whole minutes, rounded out), oldest
     * first.
     */
    String jql(Instant since, Instant jiraNow) {
        StringBuilder sb = new StringBuilder(baseJql.length() + 64);
        if (since != null) {
            long millis = Math.max(0, Duration.between(since, jiraNow).toMillis());
            long minutes = (millis + 59_999) / 60_000 + 1;
            if (!baseJql.isEmpty()) {
                sb.append('(').append(baseJql).append(") AND ");
            }
            sb.append("updated >= \"-").append(minutes).append("m\"");
        } else {
            sb.append(baseJql);
        }
        return sb.append(sb.length() == 0 ? "" : " ").append("ORDER BY updated ASC, key ASC").toString();
    }

    /** The JQL without its ORDER BY clause; "order by" inside a quoted value is part of the query. */
    static String withoutOrderBy(String jql) {
        int at = orderByStart(jql);
        return (at < 0 ? jql : jql.substring(0, at)).strip();
    }

    /** The JQL's ORDER BY clause, or null when it has none. */
    static String orderBy(String jql) {
        int at = orderByStart(jql);
        return at < 0 ? null : jql.substring(at).strip();
    }

    private static int orderByStart(String jql) {
        Matcher m = ORDER_BY.matcher(jql);
        while (m.find()) {
            if (!insideQuotes(jql, m.start())) {
                return m.start();
            }
        }
        return -1;
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
        JsonNode updated = issue.getRaw().path("fields").get("updated");
        long millis = updated == null || updated.isNull() ? JiraTime.NONE : JiraTime.epochMillis(updated.asText());
        return millis == JiraTime.NONE ? null : Instant.ofEpochMilli(millis);
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
        return scope.stateKeyBasis(jql);
    }
}
