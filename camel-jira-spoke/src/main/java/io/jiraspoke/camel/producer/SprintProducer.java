package io.jiraspoke.camel.producer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.consumer.ListSource;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraSprint;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code sprint} family: the agile API, the same on Cloud and Data Center. Sprints and boards are
 * identified by number; dates are taken as ISO-8601 and sent as Jira writes them.
 */
public class SprintProducer extends JiraSpokeProducer {

    private static final String AGILE = "/rest/agile/1.0";
    private static final List<String> STATES = List.of("future", "active", "closed");
    /** What sprint/update can move a sprint to: Jira starts and completes sprints, it does not reopen them. */
    private static final List<String> STATE_CHANGES = List.of("active", "closed");
    /** As the agile API writes dates (2015-04-11T15:22:00.000+10:00), with +00:00 rather than Z for UTC. */
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
            Locale.ROOT);
    /** The platform API's form (2026-11-28T10:15:30.000+0000), for dates copied from other Jira answers. */
    private static final DateTimeFormatter JIRA = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 0, 3, true).optionalEnd()
            .appendOffset("+HHmm", "Z")
            .toFormatter(Locale.ROOT);
    /** The forms a date option takes, tried in turn. */
    private static final List<Function<String, OffsetDateTime>> DATE_FORMS = List.of(
            OffsetDateTime::parse,
            t -> ZonedDateTime.parse(t).toOffsetDateTime(),
            t -> OffsetDateTime.parse(t, JIRA),
            t -> LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC));

    public SprintProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private SprintOptions options() {
        return getEndpoint().getSprint();
    }

    /** POST /rest/agile/1.0/sprint. */
    @InvokeOnHeader("sprint/create")
    @ActionDoc(returns = "JiraSprint (a new sprint is in state future)", headers = { JiraSpokeConstants.SPRINT_ID })
    public JiraSprint create(Exchange exchange) {
        SprintOptions o = options();
        String name = option(exchange, JiraSpokeConstants.SPRINT_NAME, o.getSprintName());
        if (name == null || name.isBlank()) {
            throw new JiraSpokeInputException("sprint/create needs a name: set option 'sprintName' or header "
                                              + JiraSpokeConstants.SPRINT_NAME);
        }
        String board = number(option(exchange, JiraSpokeConstants.BOARD_ID, o.getBoardId()), "sprint/create",
                "boardId", JiraSpokeConstants.BOARD_ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("originBoardId", Long.parseLong(board));
        dates(exchange, "sprint/create", body);
        String goal = option(exchange, JiraSpokeConstants.SPRINT_GOAL, o.getSprintGoal());
        if (goal != null) {
            body.put("goal", goal);
        }
        return result(exchange, client().call(JiraRequest.post(AGILE + "/sprint").body(body)));
    }

    /** GET /rest/agile/1.0/sprint/{sprintId}. */
    @InvokeOnHeader("sprint/get")
    @ActionDoc(returns = "JiraSprint", headers = { JiraSpokeConstants.SPRINT_ID })
    public JiraSprint get(Exchange exchange) {
        String id = sprintId(exchange, "sprint/get");
        return result(exchange, client().call(JiraRequest.get(AGILE + "/sprint/" + id)));
    }

    /**
     * POST /rest/agile/1.0/sprint/{sprintId}: Jira's partial update, which changes only the fields sent (PUT would
     * reset the others). A state change starts (active) or completes (closed) the sprint.
     */
    @InvokeOnHeader("sprint/update")
    @ActionDoc(returns = "JiraSprint as Jira answers after the update", headers = { JiraSpokeConstants.SPRINT_ID })
    public JiraSprint update(Exchange exchange) {
        SprintOptions o = options();
        String id = sprintId(exchange, "sprint/update");
        Map<String, Object> body = new LinkedHashMap<>();
        String name = option(exchange, JiraSpokeConstants.SPRINT_NAME, o.getSprintName());
        if (name != null) {
            if (name.isBlank()) {
                throw new JiraSpokeInputException("sprint/update cannot blank the name of sprint " + id + ": option"
                                                  + " 'sprintName' (header " + JiraSpokeConstants.SPRINT_NAME
                                                  + ") is empty");
            }
            body.put("name", name);
        }
        String goal = option(exchange, JiraSpokeConstants.SPRINT_GOAL, o.getSprintGoal());
        if (goal != null) {
            body.put("goal", goal);
        }
        dates(exchange, "sprint/update", body);
        String state = option(exchange, JiraSpokeConstants.SPRINT_STATE, o.getSprintState());
        if (state != null) {
            String s = state.strip().toLowerCase(Locale.ROOT);
            if (!STATE_CHANGES.contains(s)) {
                throw new JiraSpokeInputException("sprint/update: option 'sprintState' (header "
                                                  + JiraSpokeConstants.SPRINT_STATE + ") takes active (start the"
                                                  + " sprint) or closed (complete it), not '" + state + "'");
            }
            body.put("state", s);
        }
        if (body.isEmpty()) {
            throw new JiraSpokeInputException("sprint/update of sprint " + id + " has nothing to change: set one of"
                                              + " the options 'sprintName', 'sprintGoal', 'startDate', 'endDate',"
                                              + " 'sprintState' (or their headers)");
        }
        return result(exchange, client().call(JiraRequest.post(AGILE + "/sprint/" + id).body(body)));
    }

    /** DELETE /rest/agile/1.0/sprint/{sprintId}. */
    @InvokeOnHeader("sprint/delete")
    @ActionDoc(returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.SPRINT_ID })
    public void delete(Exchange exchange) {
        String id = sprintId(exchange, "sprint/delete");
        client().call(JiraRequest.delete(AGILE + "/sprint/" + id).expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.SPRINT_ID, id);
    }

    /** GET /rest/agile/1.0/board/{boardId}/sprint (startAt paging, {@code values}). */
    @InvokeOnHeader("sprint/list")
    @ActionDoc(returns = "List<JiraSprint> (closed, active, then future, as Jira orders them), or with"
                         + " outputType=iterator an Iterator<JiraSprint> that fetches pages as it is read")
    public Object list(Exchange exchange) {
        SprintOptions o = options();
        String board = number(option(exchange, JiraSpokeConstants.BOARD_ID, o.getBoardId()), "sprint/list",
                "boardId", JiraSpokeConstants.BOARD_ID);
        List<String> states = states(option(exchange, JiraSpokeConstants.SPRINT_STATE, o.getSprintState()),
                JiraSpokeInputException::new);
        return output(sprints(client(), board, states, getEndpoint().getPageSize(), getEndpoint().getLimit()));
    }

    static JiraPager<JiraSprint> sprints(JiraClient client, String board, List<String> states, int pageSize,
                                         long limit) {
        String path = AGILE + "/board/" + board + "/sprint";
        return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get(path)
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .query("state", states)), "values", pageSize, limit, JiraSprint::new);
    }

    /** The sprint/list consumer: every sprint of the board each poll, or only new and changed ones. */
    @ConsumerFeed(value = "sprint/list", emits = "one JiraSprint per sprint (emit=all) or per new or changed sprint"
                                                 + " (emit=changed, e.g. one that started or closed)",
                  headers = { JiraSpokeConstants.SPRINT_ID, JiraSpokeConstants.BOARD_ID })
    public static ListSource<JiraSprint> listFeed(JiraSpokeEndpoint endpoint) {
        SprintOptions o = endpoint.getSprint();
        return new ListSource<>() {
            private String board;
            private List<String> states;

            @Override
            public void verify() {
                if (o.getBoardId() == null || o.getBoardId().isBlank()) {
                    throw new JiraSpokeConfigurationException("Consumer jiraspoke:sprint/list needs option 'boardId'"
                                                              + " (the board whose sprints it lists; board/list"
                                                              + " finds it)");
                }
                board = number(o.getBoardId(), "Consumer jiraspoke:sprint/list", "boardId", null,
                        JiraSpokeConfigurationException::new);
                states = states(o.getSprintState(), JiraSpokeConfigurationException::new);
            }

            @Override
            public Iterable<JiraSprint> all() {
                return sprints(endpoint.getClient(), board, states, endpoint.getPageSize(), 0);
            }

            @Override
            public String id(JiraSprint sprint) {
                return ItemIds.of(sprint.getRaw(), "id");
            }

            @Override
            public String version(JiraSprint sprint) {
                return Digests.of(sprint.getRaw());
            }

            @Override
            public String describe(JiraSprint sprint) {
                return "sprint " + id(sprint) + " (" + sprint.getName() + ") of board " + board;
            }

            @Override
            public void headers(JiraSprint sprint, Message message) {
                message.setHeader(JiraSpokeConstants.SPRINT_ID, sprint.getId());
                message.setHeader(JiraSpokeConstants.BOARD_ID, board);
            }

            @Override
            public String stateKeyBasis() {
                return o.getBoardId() + "|" + o.getSprintState();
            }
        };
    }

    /** GET /rest/agile/1.0/sprint/{sprintId}/issue (startAt paging, {@code issues}), the same on both deployments. */
    @InvokeOnHeader("sprint/issues")
    @ActionDoc(returns = "List<JiraIssue> of the sprint's issues the optional 'jql' narrows to (ordered by rank unless"
                         + " the JQL has an ORDER BY; the navigable and Jira Software fields such as sprint and epic"
                         + " unless 'fields' says otherwise), or with outputType=iterator an Iterator<JiraIssue> that"
                         + " fetches pages as it is read",
               headers = { JiraSpokeConstants.SPRINT_ID })
    public Object issues(Exchange exchange) {
        IssueOptions io = getEndpoint().getIssue();
        String sprint = sprintId(exchange, "sprint/issues");
        String jql = option(exchange, JiraSpokeConstants.JQL, io.getJql());
        Object out = output(sprintIssues(client(), sprint, jql == null || jql.isBlank() ? null : jql.strip(),
                commaList(option(exchange, JiraSpokeConstants.FIELDS, io.getFields())),
                option(exchange, JiraSpokeConstants.EXPAND, io.getExpand()), getEndpoint().getPageSize(),
                getEndpoint().getLimit()));
        exchange.getMessage().setHeader(JiraSpokeConstants.SPRINT_ID, sprint);
        return out;
    }

    /** The issues of a sprint, lazily; no fields for Jira's default (navigable and Jira Software fields). */
    static JiraPager<JiraIssue> sprintIssues(JiraClient client, String sprint, String jql, List<String> fields,
                                             String expand, int pageSize, long limit) {
        String path = AGILE + "/sprint/" + sprint + "/issue";
        return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get(path)
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .query("jql", jql).query("fields", fields).query("expand", expand)), "issues", pageSize, limit,
                issue -> new JiraIssue(issue, client.fields()));
    }

    /**
     * The sprint/issues consumer: the sprint's issues (of the optional JQL) updated since the watermark, oldest
     * first, through the agile API's own JQL and ordering.
     */
    @ConsumerFeed(value = "sprint/issues", emits = "one JiraIssue per issue of the sprint that is new to it or"
                                                   + " updated, oldest update first (adding an issue to the sprint"
                                                   + " updates it; an issue taken out of the sprint is not reported)",
                  headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ISSUE_ID })
    public static IncrementalSource<JiraIssue> issuesFeed(JiraSpokeEndpoint endpoint) {
        IssueOptions io = endpoint.getIssue();
        String sprintOption = endpoint.getSprint().getSprintId();
        return new JqlIssueFeed(endpoint, "sprint/issues", io.getJql(), io.getFields(), io.getExpand(),
                new JqlIssueFeed.Scope() {
                    private String sprint;

                    @Override
                    public void verify(String action) {
                        sprint = number(sprintOption, "Consumer jiraspoke:" + action, "sprintId", null,
                                JiraSpokeConfigurationException::new);
                    }

                    @Override
                    public boolean needsJql() {
                        return false;
                    }

                    @Override
                    public List<String> defaultFields() {
                        return List.of();
                    }

                    @Override
                    public Iterable<JiraIssue> issues(JiraClient client, String jql, List<String> fields,
                                                      String expand, int pageSize) {
                        return sprintIssues(client, sprint, jql, fields, expand, pageSize, 0);
                    }

                    @Override
                    public String stateKeyBasis(String jql) {
                        return sprintOption + "|" + jql;
                    }
                });
    }

    private static JiraSprint result(Exchange exchange, com.fasterxml.jackson.databind.JsonNode answer) {
        JiraSprint sprint = new JiraSprint(answer);
        exchange.getMessage().setHeader(JiraSpokeConstants.SPRINT_ID, sprint.getId());
        return sprint;
    }

    private String sprintId(Exchange exchange, String action) {
        return number(option(exchange, JiraSpokeConstants.SPRINT_ID, options().getSprintId()), action, "sprintId",
                JiraSpokeConstants.SPRINT_ID);
    }

    /** The start and end dates as Jira takes them; an end before the start is refused, as Jira would. */
    private void dates(Exchange exchange, String action, Map<String, Object> body) {
        SprintOptions o = options();
        OffsetDateTime start = date(option(exchange, JiraSpokeConstants.START_DATE, o.getStartDate()), action,
                "startDate", JiraSpokeConstants.START_DATE);
        OffsetDateTime end = date(option(exchange, JiraSpokeConstants.END_DATE, o.getEndDate()), action, "endDate",
                JiraSpokeConstants.END_DATE);
        if (start != null && end != null && end.isBefore(start)) {
            throw new JiraSpokeInputException(action + ": option 'endDate' (" + SENT.format(end) + ") is before"
                                              + " option 'startDate' (" + SENT.format(start) + ")");
        }
        if (start != null) {
            body.put("startDate", SENT.format(start));
        }
        if (end != null) {
            body.put("endDate", SENT.format(end));
        }
    }

    /**
     * An ISO-8601 instant with its offset (or zone), Jira's own form, or a date meaning its start in UTC. A time
     * without an offset is refused: Jira would read it in its own time zone, which the route cannot know.
     */
    static OffsetDateTime date(String value, String action, String option, String header) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        for (Function<String, OffsetDateTime> form : DATE_FORMS) {
            try {
                return form.apply(t);
            } catch (DateTimeParseException otherForm) {
                // the next form may read it
            }
        }
        throw new JiraSpokeInputException(action + ": option '" + option + "' (header " + header + ") must be an"
                                          + " ISO-8601 instant with its offset (2026-11-02T09:00:00+01:00,"
                                          + " 2026-11-02T08:00:00Z) or a date (2026-11-02), not '" + value + "'");
    }

    static List<String> states(String value, Function<String, RuntimeException> refusal) {
        List<String> states = new ArrayList<>();
        for (String s : commaList(value)) {
            String state = s.toLowerCase(Locale.ROOT);
            if (!STATES.contains(state)) {
                throw refusal.apply("sprint/list: option 'sprintState' (header " + JiraSpokeConstants.SPRINT_STATE
                                    + ") takes future, active and closed, comma separated; not '" + s + "'");
            }
            if (!states.contains(state)) {
                states.add(state);
            }
        }
        return states;
    }

    static String number(String value, String action, String option, String header) {
        return number(value, action, option, header, JiraSpokeInputException::new);
    }

    /** A sprint or board id: Jira's ids are numbers, and anything else would only come back as a 404 or 400. */
    static String number(String value, String action, String option, String header,
                         Function<String, RuntimeException> refusal) {
        String where = "option '" + option + "'" + (header != null ? " or header " + header : "");
        if (value == null || value.isBlank()) {
            throw refusal.apply(action + " needs " + where);
        }
        String t = value.strip();
        if (!t.chars().allMatch(c -> c >= '0' && c <= '9') || t.length() > 18) {
            throw refusal.apply(action + ": " + where + " must be a number (Jira's " + option + "), not '" + value
                                + "'");
        }
        return t;
    }
}
