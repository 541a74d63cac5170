package io.jiraspoke.camel.producer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraWorklog;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * The worklog actions of the {@code issue} family: log time on an issue, list an issue's worklogs, and the
 * issue/worklogs consumer of new and changed worklogs. A worklog comment is text shaped by the connection's dialect
 * (ADF on Cloud, wiki markup on Data Center), or an ADF document on Cloud.
 */
public class IssueWorklogProducer extends JiraSpokeProducer {

    private static final String ADD = "issue/addWorklog";
    private static final String LIST = "issue/worklogs";
    private static final String WORKLOG_BODY = "Optional: the worklog comment as text (on Cloud plain text or"
                                               + " Markdown as textFormat says, turned into ADF; on Data Center wiki"
                                               + " markup), an ADF document (Cloud), or a JSON object as Jira takes"
                                               + " a worklog ({\"timeSpent\": .., \"started\": .., \"comment\": ..,"
                                               + " \"visibility\": ..}) whose fields win over the options; as a"
                                               + " String, bytes, a stream or a file.";
    private static final Pattern ISSUE_ID = Pattern.compile("\\d{1,19}");
    /** Jira's durations: numbers with a unit of weeks, days, hours or minutes (3h 20m, 1.5h), or a bare number. */
    private static final Pattern DURATION = Pattern.compile(
            "(?i)(?:\\d{1,9}(?:[.,]\\d{1,4})?\\s*[wdhm]\\s*)+|\\d{1,9}");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    /** The form Jira's worklog API takes {@code started} in, e.g. {@code 2021-01-17T12:34:00.000+0000}. */
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ",
            Locale.ROOT);

    public IssueWorklogProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private WorklogOptions options() {
        return getEndpoint().getWorklog();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        IssueItemFeed.refuseJqlOnProducer(getEndpoint(), LIST, "worklogs");
    }

    /** POST /rest/api/{3|2}/issue/{issueIdOrKey}/worklog. */
    @InvokeOnHeader(ADD)
    @ActionDoc(body = WORKLOG_BODY, returns = "JiraWorklog: the worklog as Jira created it",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.WORKLOG_ID })
    public JiraWorklog addWorklog(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), ADD);
        Map<String, Object> worklog = worklog(exchange);
        JiraRequest request = JiraRequest.post(worklogsPath(dialect().api(), key)).body(worklog);
        estimate(exchange, request);
        JiraWorklog created = worklog(client().call(request), key);
        Message m = exchange.getMessage();
        m.setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        m.setHeader(JiraSpokeConstants.WORKLOG_ID, created.getId());
        return created;
    }

    /** GET /rest/api/{3|2}/issue/{issueIdOrKey}/worklog (startAt paging, {@code worklogs}). */
    @InvokeOnHeader(LIST)
    @ActionDoc(returns = "List<JiraWorklog>, in the order Jira lists them (by creation, oldest first), or with"
                         + " outputType=iterator an Iterator<JiraWorklog> that fetches pages as it is read",
               headers = { JiraSpokeConstants.ISSUE_KEY })
    public Object worklogs(Exchange exchange) {
        String key = IssueKeys.required(exchange, getEndpoint(), LIST);
        Object result = output(worklogPager(client(), key, getEndpoint().getPageSize(), getEndpoint().getLimit(),
                n -> worklog(n, key)));
        exchange.getMessage().setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        return result;
    }

    /** The issue/worklogs consumer: new and changed worklogs of the issues a JQL query matches. */
    @ConsumerFeed(value = LIST,
                  emits = "one JiraWorklog per new or changed worklog of the issues option 'jql' matches, issue by"
                          + " issue in the order Jira updated them: each worklog version once (a change is a new"
                          + " version, an issue changed for another reason brings no worklog again, deletions are"
                          + " not emitted), none lost when a poll stops early",
                  headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID,
                              JiraSpokeConstants.WORKLOG_ID })
    public static IncrementalSource<JiraWorklog> worklogsFeed(JiraSpokeEndpoint endpoint) {
        return new WorklogFeed(endpoint);
    }

    /** An issue's worklogs, lazily page by page; Data Center servers that do not page answer them all at once. */
    static <T> JiraPager<T> worklogPager(JiraClient client, String issue, int pageSize, long limit,
                                         Function<JsonNode, T> mapper) {
        String path = worklogsPath(client.dialect().api(), issue);
        return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get(path)
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))),
                "worklogs", pageSize, limit, mapper);
    }

    private static String worklogsPath(String api, String issue) {
        return IssueKeys.path(api, issue) + "/worklog";
    }

    /** A worklog of the issue the route named, by key or by id. */
    private static JiraWorklog worklog(JsonNode node, String issueIdOrKey) {
        return ISSUE_ID.matcher(issueIdOrKey).matches() ? new JiraWorklog(node, null, issueIdOrKey, null)
                : new JiraWorklog(node, issueIdOrKey, null, null);
    }

    /** The worklog to create: the body's fields, then the options for what the body leaves out. */
    private Map<String, Object> worklog(Exchange exchange) {
        Object body = Bodies.objectOrText(exchange, ADD);
        Map<String, Object> worklog = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            if ("doc".equals(map.get("type"))) {
                worklog.put("comment", map);
            } else {
                worklog.putAll(map);
            }
        } else if (body instanceof String s && !s.isBlank()) {
            worklog.put("comment", s);
        }
        WorklogOptions o = options();
        String spent = blankToNull(option(exchange, JiraSpokeConstants.TIME_SPENT, o.getTimeSpent()));
        String seconds = blankToNull(option(exchange, JiraSpokeConstants.TIME_SPENT_SECONDS, o.getTimeSpentSeconds()));
        if (spent != null && seconds != null) {
            throw new JiraSpokeInputException(ADD + " takes the time spent once: set option 'timeSpent' (header "
                                              + JiraSpokeConstants.TIME_SPENT + ") or option 'timeSpentSeconds'"
                                              + " (header " + JiraSpokeConstants.TIME_SPENT_SECONDS + "), not"
                                              + " both");
        }
        if (!worklog.containsKey("timeSpent") && !worklog.containsKey("timeSpentSeconds")) {
            if (spent != null) {
                worklog.put("timeSpent", duration(spent, "timeSpent", JiraSpokeConstants.TIME_SPENT, true));
            } else if (seconds != null) {
                worklog.put("timeSpentSeconds", seconds(seconds));
            }
        }
        if (worklog.get("timeSpent") == null && worklog.get("timeSpentSeconds") == null) {
            throw new JiraSpokeInputException(ADD + " needs the time spent: set option 'timeSpent' (e.g. 3h 20m;"
                                              + " header " + JiraSpokeConstants.TIME_SPENT + ") or"
                                              + " 'timeSpentSeconds' (header "
                                              + JiraSpokeConstants.TIME_SPENT_SECONDS + "), or \"timeSpent\" in the"
                                              + " body");
        }
        if (worklog.get("timeSpent") != null && worklog.get("timeSpentSeconds") != null) {
            throw new JiraSpokeInputException(ADD + ": the body gives both \"timeSpent\" and \"timeSpentSeconds\";"
                                              + " Jira takes one of them");
        }
        Object started = worklog.get("started");
        if (started == null) {
            String given = blankToNull(option(exchange, JiraSpokeConstants.STARTED, o.getStarted()));
            OffsetDateTime at = given != null
                    ? SprintProducer.date(given, ADD, "started", JiraSpokeConstants.STARTED)
                    : client().jiraNow().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
            worklog.put("started", STARTED.format(at));
        } else if (started instanceof String s) {
            worklog.put("started", STARTED.format(SprintProducer.date(s, ADD, "started", JiraSpokeConstants.STARTED)));
        }
        Object comment = worklog.get("comment");
        if (comment instanceof String s && s.isBlank()) {
            worklog.remove("comment");
        } else if (comment != null) {
            worklog.put("comment", dialect().richText(comment, textFormat(exchange, ADD), ADD, "comment"));
        }
        return worklog;
    }

    /** adjustEstimate with the estimate it needs, refused when the two do not go together. */
    private void estimate(Exchange exchange, JiraRequest request) {
        WorklogOptions o = options();
        String adjust = blankToNull(option(exchange, JiraSpokeConstants.ADJUST_ESTIMATE, o.getAdjustEstimate()));
        String newEstimate = blankToNull(option(exchange, JiraSpokeConstants.NEW_ESTIMATE, o.getNewEstimate()));
        String reduceBy = blankToNull(option(exchange, JiraSpokeConstants.REDUCE_BY, o.getReduceBy()));
        String mode = adjust == null ? null : adjust.toLowerCase(Locale.ROOT);
        if (mode != null && !mode.equals("auto") && !mode.equals("new") && !mode.equals("leave")
            && !mode.equals("manual")) {
            throw new JiraSpokeInputException(ADD + ": option 'adjustEstimate' (header "
                                              + JiraSpokeConstants.ADJUST_ESTIMATE + ") must be auto, new, leave"
                                              + " or manual, was '" + IssueCommentProducer.shown(adjust) + "'");
        }
        if ("new".equals(mode) != (newEstimate != null)) {
            throw new JiraSpokeInputException(ADD + ": option 'newEstimate' (header " + JiraSpokeConstants.NEW_ESTIMATE
                                              + ") goes with adjustEstimate=new, and adjustEstimate=new needs it");
        }
        if ("manual".equals(mode) != (reduceBy != null)) {
            throw new JiraSpokeInputException(ADD + ": option 'reduceBy' (header " + JiraSpokeConstants.REDUCE_BY
                                              + ") goes with adjustEstimate=manual, and adjustEstimate=manual"
                                              + " needs it");
        }
        request.query("adjustEstimate", mode)
                .query("newEstimate", newEstimate == null ? null
                        : duration(newEstimate, "newEstimate", JiraSpokeConstants.NEW_ESTIMATE, false))
                .query("reduceBy", reduceBy == null ? null
                        : duration(reduceBy, "reduceBy", JiraSpokeConstants.REDUCE_BY, true));
    }

    /** A Jira duration as given, refused when Jira could not read it (or, where time must pass, when it is zero). */
    private static String duration(String value, String option, String header, boolean positive) {
        if (!DURATION.matcher(value).matches()) {
            throw new JiraSpokeInputException(ADD + ": option '" + option + "' (header " + header + ") must be a Jira"
                                              + " duration such as 3h 20m, 1d, 1.5h or 45m, was '"
                                              + IssueCommentProducer.shown(value) + "'");
        }
        if (positive && value.chars().filter(Character::isDigit).allMatch(c -> c == '0')) {
            throw new JiraSpokeInputException(ADD + ": option '" + option + "' (header " + header + ") must be more"
                                              + " than no time, was '" + value + "'");
        }
        return value;
    }

    private static long seconds(String value) {
        long seconds = SECONDS.matcher(value).matches() ? Long.parseLong(value) : 0;
        if (seconds < 1) {
            throw new JiraSpokeInputException(ADD + ": option 'timeSpentSeconds' (header "
                                              + JiraSpokeConstants.TIME_SPENT_SECONDS + ") must be a whole number of"
                                              + " seconds, at least 1, was '" + IssueCommentProducer.shown(value)
                                              + "'");
        }
        return seconds;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * New and changed worklogs of the issues a JQL query matches; a worklog's version is its id and own time. Jira's
     * {@code worklog/updated?since=} is not used: it lists the whole site's worklogs, which no JQL narrows, answers
     * only ids (each page needs a second request for the worklogs), and leaves out the last minute's changes.
     */
    private static final class WorklogFeed extends IssueItemFeed<JiraWorklog> {

        WorklogFeed(JiraSpokeEndpoint endpoint) {
            super(endpoint, LIST);
        }

        @Override
        Iterator<JiraWorklog> itemsOf(String issueIdOrKey, String key, String id, OffsetDateTime updated) {
            return worklogPager(endpoint.getClient(), issueIdOrKey, endpoint.getPageSize(), 0,
                    n -> new JiraWorklog(n, key, id, updated)).iterator();
        }

        /** A worklog's own time: when it was last changed, else logged (not when the work started). */
        @Override
        OffsetDateTime ownTime(JiraWorklog worklog) {
            OffsetDateTime t = worklog.getUpdated();
            return t != null ? t : worklog.getCreated();
        }

        @Override
        OffsetDateTime issueUpdated(JiraWorklog worklog) {
            return worklog.getIssueUpdated();
        }

        @Override
        public String id(JiraWorklog worklog) {
            return versionedId(worklog.getId(), worklog.getRaw(), worklog);
        }

        @Override
        public String describe(JiraWorklog worklog) {
            return "worklog " + worklog.getId() + " on issue " + worklog.getIssueKey();
        }

        @Override
        public void headers(JiraWorklog worklog, Message message) {
            message.setHeader(JiraSpokeConstants.ISSUE_KEY, worklog.getIssueKey());
            message.setHeader(JiraSpokeConstants.ISSUE_ID, worklog.getIssueId());
            message.setHeader(JiraSpokeConstants.WORKLOG_ID, worklog.getId());
        }
    }
}
