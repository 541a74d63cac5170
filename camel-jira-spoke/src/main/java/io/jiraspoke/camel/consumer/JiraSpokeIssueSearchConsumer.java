package io.jiraspoke.camel.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls issue/search incrementally and emits one exchange per new or updated issue, oldest first. Each poll asks
 * for issues updated since the watermark minus the overlap window (a relative JQL date, so the Jira user's time
 * zone does not matter), skips issue versions already delivered, and commits the watermark to the state repository
 * after each exchange that succeeded. A failed exchange stops the poll: it and everything after it come again.
 */
public class JiraSpokeIssueSearchConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(JiraSpokeIssueSearchConsumer.class);
    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

    private final JiraSpokeEndpoint endpoint;
    private String baseJql;
    private List<String> fields;
    private String key;
    private StateRepository<String, String> state;

    public JiraSpokeIssueSearchConsumer(JiraSpokeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        String jql = endpoint.getJql();
        if (jql == null || jql.isBlank()) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:issue/search needs option 'jql' (e.g."
                                                      + " jql=project = ABC)");
        }
        baseJql = withoutOrderBy(jql);
        if (baseJql.isEmpty()) {
            throw new JiraSpokeConfigurationException("Consumer jiraspoke:issue/search needs a condition in option"
                                                      + " 'jql' (e.g. project = ABC); its ORDER BY is replaced by"
                                                      + " the consumer's own");
        }
        List<String> f = new ArrayList<>(JiraSpokeEndpoint.commaList(endpoint.getFields()));
        if (f.isEmpty()) {
            f.add("*navigable");
        } else if (!f.contains("updated") && !f.contains("*navigable") && !f.contains("*all")) {
            f.add("updated");
        }
        fields = List.copyOf(f);
        state = endpoint.getStateRepository();
        // A repository bound in the registry is not started by Camel, and a FileStateRepository reads its file only
        // when started: without this a restart would deliver everything again. It is not stopped here, because a
        // MemoryStateRepository forgets everything when stopped.
        ServiceHelper.startService(state);
        key = endpoint.getStateKey() != null ? endpoint.getStateKey() : defaultKey(endpoint.getClient().name(), jql);
        super.doStart();
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

    private static String defaultKey(String connection, String jql) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(jql.getBytes(StandardCharsets.UTF_8));
        return "jiraspoke.issue-search." + connection.replaceAll("[^A-Za-z0-9_.-]", "_") + "."
               + HexFormat.of().formatHex(digest, 0, 8);
    }

    @Override
    protected int poll() throws Exception {
        Watermark wm = Watermark.parse(state.getState(key));
        String jql = jql(wm, System.currentTimeMillis());
        LOG.debug("Polling {} with JQL: {}", endpoint, jql);
        int max = endpoint.getMaxMessagesPerPoll();
        // The JQL looks back whole minutes, so Jira also returns issues from just before the overlap window, whose
        // marks the watermark has already pruned: they were delivered (or are older than the window) and are skipped.
        long horizon = wm.horizon(endpoint.getOverlap());
        int delivered = 0;
        for (JiraIssue issue : endpoint.getClient().searchIssues(jql, fields, endpoint.getExpand(),
                endpoint.getPageSize(), 0)) {
            OffsetDateTime updated = issue.getUpdated();
            if (updated == null) {
                throw new JiraSpokeConfigurationException("Issue " + issue.getKey() + " came without field 'updated';"
                                                          + " the consumer needs it (check option 'fields')");
            }
            long millis = updated.toInstant().toEpochMilli();
            String mark = Watermark.mark(issue.getId(), millis);
            if (millis < horizon || wm.delivered(mark)) {
                continue;
            }
            if (max > 0 && delivered >= max) {
                break;
            }
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(issue);
            exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, issue.getKey());
            exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_ID, issue.getId());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Processing issue " + issue.getKey() + " failed; the watermark"
                                                      + " stays before it and it is polled again",
                        exchange, exchange.getException());
                releaseExchange(exchange, false);
                break;
            }
            releaseExchange(exchange, false);
            wm.record(mark, millis, endpoint.getOverlap());
            state.setState(key, wm.serialize());
            delivered++;
        }
        return delivered;
    }

    /** The user's JQL narrowed to issues updated since the watermark minus the overlap, oldest first. */
    String jql(Watermark wm, long now) {
        StringBuilder sb = new StringBuilder();
        if (!wm.isEmpty()) {
            long since = wm.horizon(endpoint.getOverlap());
            long minutes = Math.max(1, (now - since + 59_999) / 60_000 + 1);
            sb.append('(').append(baseJql).append(") AND updated >= \"-").append(minutes).append("m\"");
        } else {
            sb.append(baseJql);
        }
        return sb.append(" ORDER BY updated ASC, key ASC").toString();
    }
}
