package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Jql.Clause;
import io.jiraspoke.standin.Jql.Empty;
import io.jiraspoke.standin.Jql.ListOperand;
import io.jiraspoke.standin.Jql.Node;
import io.jiraspoke.standin.Jql.Op;
import io.jiraspoke.standin.Jql.Operand;
import io.jiraspoke.standin.Jql.Value;
import io.jiraspoke.standin.Model.CustomField;
import io.jiraspoke.standin.Model.FieldKind;
import io.jiraspoke.standin.Model.Issue;
import io.jiraspoke.standin.Model.User;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a parsed {@link Jql.Query} against the emulator's issues. Values are checked against what exists as
 * Jira checks them (an unknown project, status or user is a 400 naming it), and every field, operator or function
 * the emulator does not evaluate is a 400 saying so, so that a test never passes on a query the emulator quietly
 * misread.
 */
final class JqlFilter {

    /** A query ready to run: which issues, in which order, and whether it restricts the search at all. */
    record Compiled(Predicate<Issue> filter, Comparator<Issue> order, boolean bounded) {}

    static final Comparator<Issue> BY_KEY =
            Comparator.comparing((Issue issue) -> issue.project.key).thenComparingInt(issue -> issue.number);

    private static final Pattern RELATIVE = Pattern.compile("([-+]?)((?:\\s*\\d+\\s*[wdhm])+)");
    private static final Pattern RELATIVE_PART = Pattern.compile("(\\d+)\\s*([wdhm])");
    private static final Pattern FUNCTION_OFFSET = Pattern.compile("([-+]?)(\\d+)([wdhmMy]?)");
    private static final Pattern CUSTOM_FIELD_CLAUSE = Pattern.compile("cf\\[(\\d+)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISSUE_KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)-(\\d+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<DateTimeFormatter> DATE_TIMES =
            List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private static final List<DateTimeFormatter> DATES =
            List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd"), DateTimeFormatter.ofPattern("yyyy-MM-dd"));
    private static final String DATE_FORMATS = "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd',"
            + " 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

    /** Jira fields (and functions) the emulator knows exist but does not search on: refused by name, not as unknown. */
    private static final Set<String> UNSUPPORTED_FIELDS = Set.of("affectedversion", "attachments", "category", "component",
            "epic link", "filter", "request", "fixversion", "issuefunction", "lastviewed", "level", "originalestimate",
            "parent", "remainingestimate", "timespent", "voter", "votes", "watcher", "watchers", "worklogauthor",
            "worklogcomment", "worklogdate", "issuelinktype", "team", "hierarchylevel", "development", "approvals");
    private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of("membersof", "issuehistory", "linkedissues",
            "votedissues", "watchedissues", "updatedby", "lastlogin", "currentlogin", "releasedversions",
            "unreleasedversions", "latestreleasedversion", "earliestunreleasedversion", "componentsleadbyuser",
            "projectsleadbyuser", "projectswhereuserhasrole", "projectswhereuserhaspermission", "cascadeoption",
            "issuesWithRemoteLinksByGlobalId".toLowerCase(Locale.ROOT), "approved", "approver", "pending", "pendingby",
            "myapproval", "mypending", "breached", "completed", "running", "paused", "elapsed", "remaining", "everbreached");

    private final Store store;
    private final Instant now;

    private JqlFilter(Store store, Instant now) {
        this.store = store;
        this.now = now;
    }

    static Compiled compile(Jql.Query query, Store store, Instant now) {
        JqlFilter compiler = new JqlFilter(store, now);
        Predicate<Issue> filter = query.where() == null ? issue -> true : compiler.node(query.where());
        return new Compiled(filter, compiler.order(query.orderBy()), query.where() != null);
    }

    private Predicate<Issue> node(Node node) {
        if (node instanceof Jql.And and) {
            return and.terms().stream().map(this::node).reduce(Predicate::and).orElseThrow();
        }
        if (node instanceof Jql.Or or) {
            return or.terms().stream().map(this::node).reduce(Predicate::or).orElseThrow();
        }
        if (node instanceof Jql.Not not) {
            return node(not.term()).negate();
        }
        return clause((Clause) node);
    }

    // fields

    private Predicate<Issue> clause(Clause c) {
        String field = c.field().toLowerCase(Locale.ROOT);
        switch (field) {
            case "project":
                return entity(c, issue -> issue.project.id, this::project, false);
            case "issuetype":
            case "type":
                return entity(c, issue -> issue.type.id(), this::issueType, false);
            case "status":
                return entity(c, issue -> issue.status.id(), v -> store.catalog.status(v).map(s -> s.id()), false);
            case "statuscategory":
                return entity(c, issue -> String.valueOf(issue.status.category().id()),
                        v -> store.catalog.statusCategory(v).map(cat -> String.valueOf(cat.id())), false);
            case "resolution":
                return entity(c, issue -> issue.resolution == null ? null : issue.resolution.id(), this::resolution, true);
            case "priority":
                return priority(c);
            case "assignee":
                return entity(c, issue -> userId(issue.assignee), this::user, true);
            case "reporter":
                return entity(c, issue -> userId(issue.reporter), this::user, true);
            case "creator":
                return entity(c, issue -> userId(issue.creator), this::user, true);
            case "labels":
                return multi(c, issue -> new HashSet<>(lower(issue.labels)), v -> java.util.Optional.of(v.toLowerCase(Locale.ROOT)));
            case "sprint":
                return multi(c, this::sprintIds, this::sprint);
            case "text":
                return text(c, this::allText);
            case "summary":
                return text(c, issue -> issue.summary);
            case "description":
                return text(c, issue -> richText(issue.description));
            case "environment":
                return text(c, issue -> richText(issue.environment));
            case "comment":
                return text(c, issue -> String.join("\n", issue.comments.stream().map(cm -> richText(cm.body)).toList()));
            case "key":
            case "issuekey":
            case "id":
            case "issue":
                return key(c);
            case "created":
            case "createddate":
                return date(c, issue -> issue.created);
            case "updated":
            case "updateddate":
                return date(c, issue -> issue.updated);
            case "resolved":
            case "resolutiondate":
                return date(c, issue -> issue.resolved);
            case "due":
            case "duedate":
                return date(c, issue -> issue.dueDate == null ? null : LocalDate.parse(issue.dueDate).atStartOfDay().toInstant(ZoneOffset.UTC));
            case "statuscategorychangeddate":
                return date(c, issue -> issue.statusCategoryChanged);
            default:
                CustomField custom = customField(c.field());
                if (custom != null) {
                    return custom(c, custom);
                }
                if (UNSUPPORTED_FIELDS.contains(field)) {
                    throw JiraError.badRequest("The Jira emulator does not support the field '" + c.field() + "' in JQL. "
                            + JiraEmulator.JQL_FIELDS);
                }
                throw JiraError.badRequest("Field '" + c.field() + "' does not exist or you do not have permission to view it.");
        }
    }

    private CustomField customField(String name) {
        Matcher cf = CUSTOM_FIELD_CLAUSE.matcher(name);
        String id = cf.matches() ? "customfield_" + cf.group(1) : null;
        return store.customFields.stream()
                .filter(f -> f.id().equals(id) || f.name().equalsIgnoreCase(name))
                .findFirst().orElse(null);
    }

    private String userId(User user) {
        return user == null ? null : user.id(store.flavour);
    }

    private Predicate<Issue> custom(Clause c, CustomField field) {
        Function<Issue, JsonNode> value = issue -> issue.custom.get(field.id());
        return switch (field.kind()) {
            case NUMBER -> number(c, value);
            case TEXT -> text(c, issue -> value.apply(issue) == null ? null : value.apply(issue).asText());
            case OPTION -> entity(c, issue -> value.apply(issue) == null ? null : value.apply(issue).asText(),
                    v -> field.options().stream().filter(o -> o.equalsIgnoreCase(v) || JiraJson.optionId(field, o).equals(v)).findFirst(), true);
            case USER -> entity(c, issue -> value.apply(issue) == null ? null : value.apply(issue).asText(), this::user, true);
            case DATE, DATETIME -> date(c, issue -> {
                JsonNode v = value.apply(issue);
                if (v == null) {
                    return null;
                }
                String text = v.asText();
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : parseTimestamp(text);
            });
            case LABELS -> multi(c, issue -> {
                Set<String> labels = new HashSet<>();
                JsonNode v = value.apply(issue);
                if (v != null) {
                    v.forEach(l -> labels.add(l.asText().toLowerCase(Locale.ROOT)));
                }
                return labels;
            }, v -> java.util.Optional.of(v.toLowerCase(Locale.ROOT)));
            case SPRINT -> multi(c, this::sprintIds, this::sprint);
        };
    }

    private static Instant parseTimestamp(String text) {
        try {
            return java.time.OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
    }

    // operators by kind of field

    /**
     * A single-valued field compared by id. As in Jira, {@code !=} and {@code NOT IN} do not match issues whose
     * field is empty.
     */
    private Predicate<Issue> entity(Clause c, Function<Issue, String> actual, Function<String, java.util.Optional<String>> resolve,
                                    boolean canBeEmpty) {
        return multi(c, issue -> {
            String value = actual.apply(issue);
            return value == null ? Set.of() : Set.of(value);
        }, resolve, canBeEmpty);
    }

    private Predicate<Issue> multi(Clause c, Function<Issue, Set<String>> actual, Function<String, java.util.Optional<String>> resolve) {
        return multi(c, actual, resolve, true);
    }

    private Predicate<Issue> multi(Clause c, Function<Issue, Set<String>> actual, Function<String, java.util.Optional<String>> resolve,
                                   boolean canBeEmpty) {
        Op op = c.op();
        if (op == Op.IS || op == Op.IS_NOT) {
            requireEmptyOperand(c);
            return op == Op.IS ? issue -> actual.apply(issue).isEmpty() : issue -> !actual.apply(issue).isEmpty();
        }
        if (op != Op.EQ && op != Op.NE && op != Op.IN && op != Op.NOT_IN) {
            throw unsupportedOperator(c);
        }
        List<Operand> operands = operands(c);
        Set<String> wanted = new HashSet<>();
        boolean empty = false;
        for (Operand operand : operands) {
            if (operand instanceof Empty) {
                empty = true;
            } else {
                wanted.addAll(values(c, operand, resolve));
            }
        }
        if (empty && !canBeEmpty) {
            throw JiraError.badRequest("The field '" + c.field() + "' does not support searching for EMPTY values.");
        }
        boolean matchEmpty = empty;
        boolean positive = op == Op.EQ || op == Op.IN;
        return issue -> {
            Set<String> values = actual.apply(issue);
            boolean hit = values.isEmpty() ? matchEmpty : values.stream().anyMatch(wanted::contains);
            if (positive) {
                return hit;
            }
            // As in Jira, != and NOT IN never match an empty field.
            return !values.isEmpty() && !hit;
        };
    }

    /** The values an operand stands for, each resolved to the id the issues hold. */
    private Set<String> values(Clause c, Operand operand, Function<String, java.util.Optional<String>> resolve) {
        if (operand instanceof Jql.Function function) {
            return functionValues(c, function);
        }
        Value value = (Value) operand;
        return Set.of(resolve.apply(value.text()).orElseThrow(() -> noValue(c, value.text())));
    }

    private Set<String> functionValues(Clause c, Jql.Function function) {
        String name = function.name().toLowerCase(Locale.ROOT);
        String field = c.field().toLowerCase(Locale.ROOT);
        boolean userField = Set.of("assignee", "reporter", "creator").contains(field)
                || customField(c.field()) != null && customField(c.field()).kind() == FieldKind.USER;
        boolean sprintField = field.equals("sprint") || customField(c.field()) != null && customField(c.field()).kind() == FieldKind.SPRINT;
        switch (name) {
            case "currentuser":
                if (userField) {
                    return Set.of(store.me().id(store.flavour));
                }
                break;
            case "opensprints":
            case "closedsprints":
            case "futuresprints":
                if (sprintField) {
                    String state = name.equals("opensprints") ? "active" : name.equals("closedsprints") ? "closed" : "future";
                    Set<String> ids = new HashSet<>();
                    store.sprints.values().stream().filter(s -> s.state.equals(state)).forEach(s -> ids.add(String.valueOf(s.id)));
                    return ids;
                }
                break;
            case "standardissuetypes":
            case "subtaskissuetypes":
                if (field.equals("issuetype") || field.equals("type")) {
                    Set<String> ids = new HashSet<>();
                    store.catalog.issueTypes.stream().filter(t -> t.subtask() == name.equals("subtaskissuetypes"))
                            .forEach(t -> ids.add(t.id()));
                    return ids;
                }
                break;
            default:
                throw unknownFunction(function);
        }
        throw JiraError.badRequest("A value provided by the function '" + function.name() + "' is invalid for the field '" + c.field() + "'.");
    }

    private JiraError unknownFunction(Jql.Function function) {
        String name = function.name().toLowerCase(Locale.ROOT);
        if (UNSUPPORTED_FUNCTIONS.contains(name)) {
            return JiraError.badRequest("The Jira emulator does not support the JQL function '" + function.name() + "()'.");
        }
        return JiraError.badRequest("Unable to find JQL function '" + function + "'.");
    }

    private Predicate<Issue> priority(Clause c) {
        Op op = c.op();
        if (op == Op.GT || op == Op.GE || op == Op.LT || op == Op.LE) {
            Value value = singleValue(c);
            int rank = store.catalog.priority(value.text()).orElseThrow(() -> noValue(c, value.text())).rank();
            // A higher priority has a lower rank: "priority > Medium" means High and Highest.
            return switch (op) {
                case GT -> issue -> issue.priority.rank() < rank;
                case GE -> issue -> issue.priority.rank() <= rank;
                case LT -> issue -> issue.priority.rank() > rank;
                default -> issue -> issue.priority.rank() >= rank;
            };
        }
        return entity(c, issue -> issue.priority.id(), v -> store.catalog.priority(v).map(p -> p.id()), false);
    }

    private Predicate<Issue> text(Clause c, Function<Issue, String> text) {
        Op op = c.op();
        if (op == Op.IS || op == Op.IS_NOT) {
            requireEmptyOperand(c);
            Predicate<Issue> empty = issue -> text.apply(issue) == null || text.apply(issue).isBlank();
            return op == Op.IS ? empty : empty.negate();
        }
        if (op != Op.LIKE && op != Op.NOT_LIKE) {
            throw unsupportedOperator(c);
        }
        Value value = singleValue(c);
        Predicate<String> matches = textQuery(c, value.text());
        Predicate<Issue> like = issue -> {
            String t = text.apply(issue);
            return t != null && matches.test(t);
        };
        return op == Op.LIKE ? like : like.negate();
    }

    /**
     * Jira's text search, approximated: a query in double quotes within the value is a phrase; otherwise every
     * term must appear as a word (case-insensitive, with simple English stemming), and {@code *} and {@code ?}
     * are wildcards inside a term.
     */
    private static Predicate<String> textQuery(Clause c, String query) {
        String trimmed = query.trim();
        if (trimmed.isEmpty()) {
            throw JiraError.badRequest("The field '" + c.field() + "' does not support searching for an empty string.");
        }
        if (trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            String phrase = normalize(trimmed.substring(1, trimmed.length() - 1));
            return text -> normalize(text).contains(phrase);
        }
        List<Predicate<String>> terms = new ArrayList<>();
        for (String term : trimmed.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (term.startsWith("*") || term.startsWith("?")) {
                throw JiraError.badRequest("The text query '" + query + "' for field '" + c.field()
                        + "' is not allowed to start with a wildcard.");
            }
            if (term.contains("*") || term.contains("?")) {
                Pattern wildcard = Pattern.compile(Pattern.quote(term).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
                terms.add(word -> wildcard.matcher(word).matches());
            } else {
                List<String> parts = new ArrayList<>();
                WORD.matcher(term).results().forEach(m -> parts.add(stem(m.group())));
                if (parts.isEmpty()) {
                    continue;
                }
                terms.add(word -> parts.contains(stem(word)));
            }
        }
        return text -> {
            List<String> words = new ArrayList<>();
            WORD.matcher(text.toLowerCase(Locale.ROOT)).results().forEach(m -> words.add(m.group()));
            return terms.stream().allMatch(term -> words.stream().anyMatch(term));
        };
    }

    private static String normalize(String text) {
        return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static String stem(String word) {
        for (String suffix : List.of("ing", "ed", "es", "s")) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private Predicate<Issue> key(Clause c) {
        Op op = c.op();
        if (op == Op.GT || op == Op.GE || op == Op.LT || op == Op.LE) {
            Value value = singleValue(c);
            Matcher key = ISSUE_KEY.matcher(value.text());
            if (!key.matches()) {
                throw JiraError.badRequest("The issue key '" + value.text() + "' for field '" + c.field() + "' is invalid.");
            }
            String project = key.group(1).toUpperCase(Locale.ROOT);
            if (store.project(project).isEmpty()) {
                throw noValue(c, value.text());
            }
            int number = Integer.parseInt(key.group(2));
            Predicate<Integer> compare = switch (op) {
                case GT -> n -> n > number;
                case GE -> n -> n >= number;
                case LT -> n -> n < number;
                default -> n -> n <= number;
            };
            return issue -> issue.project.key.equals(project) && compare.test(issue.number);
        }
        if (op != Op.EQ && op != Op.NE && op != Op.IN && op != Op.NOT_IN) {
            throw unsupportedOperator(c);
        }
        Set<String> ids = new HashSet<>();
        for (Operand operand : operands(c)) {
            if (!(operand instanceof Value value)) {
                throw unsupportedOperand(c, operand);
            }
            Issue issue = store.issue(value.text()).orElseThrow(() -> JiraError.badRequest(
                    "An issue with key '" + value.text() + "' does not exist for field '" + c.field() + "'."));
            ids.add(issue.id);
        }
        return op == Op.EQ || op == Op.IN ? issue -> ids.contains(issue.id) : issue -> !ids.contains(issue.id);
    }

    private Predicate<Issue> date(Clause c, Function<Issue, Instant> actual) {
        Op op = c.op();
        if (op == Op.IS || op == Op.IS_NOT) {
            requireEmptyOperand(c);
            return op == Op.IS ? issue -> actual.apply(issue) == null : issue -> actual.apply(issue) != null;
        }
        if (op == Op.IN || op == Op.NOT_IN) {
            Set<Instant> instants = new HashSet<>();
            for (Operand operand : operands(c)) {
                instants.add(instant(c, operand));
            }
            Predicate<Issue> in = issue -> instants.contains(actual.apply(issue));
            return op == Op.IN ? in : issue -> actual.apply(issue) != null && !instants.contains(actual.apply(issue));
        }
        if (c.operand() instanceof Empty) {
            if (op == Op.EQ) {
                return issue -> actual.apply(issue) == null;
            }
            if (op == Op.NE) {
                return issue -> actual.apply(issue) != null;
            }
        }
        Instant bound = instant(c, c.operand());
        Predicate<Instant> compare = switch (op) {
            case EQ -> t -> t.equals(bound);
            case NE -> t -> !t.equals(bound);
            case GT -> t -> t.isAfter(bound);
            case GE -> t -> !t.isBefore(bound);
            case LT -> t -> t.isBefore(bound);
            case LE -> t -> !t.isAfter(bound);
            default -> throw unsupportedOperator(c);
        };
        return issue -> {
            Instant t = actual.apply(issue);
            return t != null && compare.test(t);
        };
    }

    private Predicate<Issue> number(Clause c, Function<Issue, JsonNode> actual) {
        Op op = c.op();
        if (op == Op.IS || op == Op.IS_NOT) {
            requireEmptyOperand(c);
            return op == Op.IS ? issue -> actual.apply(issue) == null : issue -> actual.apply(issue) != null;
        }
        if (op == Op.LIKE || op == Op.NOT_LIKE) {
            throw unsupportedOperator(c);
        }
        List<Double> numbers = new ArrayList<>();
        for (Operand operand : operands(c)) {
            if (!(operand instanceof Value value)) {
                throw unsupportedOperand(c, operand);
            }
            try {
                numbers.add(Double.parseDouble(value.text()));
            } catch (NumberFormatException e) {
                throw JiraError.badRequest("The value '" + value.text() + "' for field '" + c.field() + "' is invalid - please specify a number.");
            }
        }
        double first = numbers.get(0);
        Predicate<Double> compare = switch (op) {
            case EQ, IN -> numbers::contains;
            case NE, NOT_IN -> n -> !numbers.contains(n);
            case GT -> n -> n > first;
            case GE -> n -> n >= first;
            case LT -> n -> n < first;
            default -> n -> n <= first;
        };
        return issue -> {
            JsonNode v = actual.apply(issue);
            return v != null && compare.test(v.asDouble());
        };
    }

    // operands

    private List<Operand> operands(Clause c) {
        Operand operand = c.operand();
        boolean list = c.op() == Op.IN || c.op() == Op.NOT_IN;
        if (operand instanceof ListOperand items) {
            if (!list) {
                throw unsupportedOperand(c, operand);
            }
            return items.items();
        }
        return List.of(operand);
    }

    private Value singleValue(Clause c) {
        if (c.operand() instanceof Value value) {
            return value;
        }
        throw unsupportedOperand(c, c.operand());
    }

    private static void requireEmptyOperand(Clause c) {
        if (!(c.operand() instanceof Empty)) {
            throw JiraError.badRequest("The operator '" + c.op().text.toUpperCase(Locale.ROOT) + "' only supports EMPTY or NULL, not '"
                    + c.operand() + "', for the field '" + c.field() + "'.");
        }
    }

    private static JiraError unsupportedOperator(Clause c) {
        return JiraError.badRequest("The operator '" + c.op().text.toUpperCase(Locale.ROOT) + "' is not supported by the '"
                + c.field() + "' field.");
    }

    private static JiraError unsupportedOperand(Clause c, Operand operand) {
        return JiraError.badRequest("The operand '" + operand + "' is not supported with the operator '" + c.op().text.toUpperCase(Locale.ROOT)
                + "' on the field '" + c.field() + "'.");
    }

    private static JiraError noValue(Clause c, String value) {
        return JiraError.badRequest("The value '" + value + "' does not exist for the field '" + c.field() + "'.");
    }

    // value lookups

    private java.util.Optional<String> project(String value) {
        return store.project(value).or(() -> store.projects.values().stream().filter(p -> p.name.equalsIgnoreCase(value)).findFirst())
                .map(p -> p.id);
    }

    private java.util.Optional<String> issueType(String value) {
        return store.catalog.issueType(value).map(t -> t.id());
    }

    private java.util.Optional<String> resolution(String value) {
        return store.catalog.resolution(value).map(r -> r.id());
    }

    /** Cloud finds users by account id only; Data Center by user name, key, e-mail address or full name. */
    private java.util.Optional<String> user(String value) {
        if (store.flavour == Flavour.CLOUD) {
            return store.user(value).map(u -> u.accountId());
        }
        return store.users.stream()
                .filter(u -> value.equals(u.name()) || value.equals(u.key()) || value.equalsIgnoreCase(u.email())
                             || value.equalsIgnoreCase(u.displayName()))
                .findFirst().map(u -> u.name());
    }

    private java.util.Optional<String> sprint(String value) {
        return store.sprints.values().stream()
                .filter(s -> String.valueOf(s.id).equals(value) || s.name.equalsIgnoreCase(value))
                .findFirst().map(s -> String.valueOf(s.id));
    }

    private Set<String> sprintIds(Issue issue) {
        JsonNode ids = issue.custom.get(store.sprintField().id());
        Set<String> sprints = new HashSet<>();
        if (ids != null) {
            ids.forEach(id -> sprints.add(id.asText()));
        }
        return sprints;
    }

    private String allText(Issue issue) {
        StringBuilder text = new StringBuilder(issue.summary);
        text.append('\n').append(Objects.toString(richText(issue.description), ""));
        text.append('\n').append(Objects.toString(richText(issue.environment), ""));
        issue.comments.forEach(comment -> text.append('\n').append(richText(comment.body)));
        return text.toString();
    }

    private static String richText(JsonNode stored) {
        if (stored == null || stored.isNull()) {
            return null;
        }
        return stored.isTextual() ? stored.asText() : Adf.toText(stored);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    // dates

    /** An absolute date (in the emulator user's zone, UTC), a period relative to now, or a date function. */
    private Instant instant(Clause c, Operand operand) {
        if (operand instanceof Jql.Function function) {
            return dateFunction(c, function);
        }
        if (!(operand instanceof Value value)) {
            throw unsupportedOperand(c, operand);
        }
        String text = value.text().trim();
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            Duration offset = Duration.ZERO;
            Matcher part = RELATIVE_PART.matcher(relative.group(2));
            while (part.find()) {
                offset = offset.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
            }
            return relative.group(1).equals("-") ? now.minus(offset) : now.plus(offset);
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // not this format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // not this format
            }
        }
        throw JiraError.badRequest("Date value '" + value.text() + "' for field '" + c.field() + "' is invalid. " + DATE_FORMATS);
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "w" -> Duration.ofDays(7);
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofMinutes(1);
        };
    }

    private Instant dateFunction(Clause c, Jql.Function function) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        String name = function.name().toLowerCase(Locale.ROOT);
        ChronoUnit unit = switch (name) {
            case "now" -> ChronoUnit.MINUTES;
            case "startofday", "endofday" -> ChronoUnit.DAYS;
            case "startofweek", "endofweek" -> ChronoUnit.WEEKS;
            case "startofmonth", "endofmonth" -> ChronoUnit.MONTHS;
            case "startofyear", "endofyear" -> ChronoUnit.YEARS;
            default -> throw unknownFunction(function);
        };
        if (function.arguments().size() > 1 || name.equals("now") && !function.arguments().isEmpty()) {
            throw JiraError.badRequest("Function '" + function.name() + "' expects " + (name.equals("now") ? "no arguments" : "at most one argument")
                    + " but got " + function.arguments().size() + ".");
        }
        if (!function.arguments().isEmpty()) {
            Matcher offset = FUNCTION_OFFSET.matcher(function.arguments().get(0).trim());
            if (!offset.matches()) {
                throw JiraError.badRequest("Function '" + function.name() + "' was passed the invalid increment '" + function.arguments().get(0) + "'.");
            }
            long amount = Long.parseLong(offset.group(2)) * (offset.group(1).equals("-") ? -1 : 1);
            ChronoUnit by = switch (offset.group(3)) {
                case "w" -> ChronoUnit.WEEKS;
                case "d" -> ChronoUnit.DAYS;
                case "h" -> ChronoUnit.HOURS;
                case "m" -> ChronoUnit.MINUTES;
                case "M" -> ChronoUnit.MONTHS;
                case "y" -> ChronoUnit.YEARS;
                default -> unit;
            };
            at = at.plus(amount, by);
        }
        ZonedDateTime day = at.truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime result = switch (name) {
            case "now" -> at;
            case "startofday" -> day;
            case "endofday" -> day.plusDays(1).minusNanos(1_000_000);
            // Jira's default locale (en_US) starts weeks on Sunday.
            case "startofweek" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case "endofweek" -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).plusDays(1).minusNanos(1_000_000);
            case "startofmonth" -> day.withDayOfMonth(1);
            case "endofmonth" -> day.with(TemporalAdjusters.lastDayOfMonth()).plusDays(1).minusNanos(1_000_000);
            case "startofyear" -> day.withDayOfYear(1);
            default -> day.with(TemporalAdjusters.lastDayOfYear()).plusDays(1).minusNanos(1_000_000);
        };
        return result.toInstant();
    }

    // ORDER BY

    private Comparator<Issue> order(List<Jql.Order> orderBy) {
        Comparator<Issue> order = null;
        for (Jql.Order term : orderBy) {
            Comparator<Issue> key = sortKey(term);
            key = term.descending() ? key.reversed() : key;
            order = order == null ? key : order.thenComparing(key);
        }
        // Key last, so that issues equal on every term come back in a stable order across pages.
        return order == null ? BY_KEY : order.thenComparing(BY_KEY);
    }

    private Comparator<Issue> sortKey(Jql.Order term) {
        String field = term.field().toLowerCase(Locale.ROOT);
        return switch (field) {
            case "key", "issuekey", "id", "rank" -> BY_KEY;
            case "created", "createddate" -> Comparator.comparing((Issue i) -> i.created);
            case "updated", "updateddate" -> Comparator.comparing((Issue i) -> i.updated);
            case "resolved", "resolutiondate" -> nullsLast(i -> i.resolved);
            case "due", "duedate" -> nullsLast(i -> i.dueDate);
            // Ascending is least important first, as Jira sorts it.
            case "priority" -> Comparator.comparingInt((Issue i) -> -i.priority.rank());
            case "status" -> Comparator.comparingInt((Issue i) -> store.catalog.statuses.indexOf(i.status));
            case "summary" -> Comparator.comparing((Issue i) -> i.summary.toLowerCase(Locale.ROOT));
            case "issuetype", "type" -> Comparator.comparing((Issue i) -> i.type.name());
            case "project" -> Comparator.comparing((Issue i) -> i.project.key);
            case "assignee" -> nullsLast(i -> i.assignee == null ? null : i.assignee.displayName());
            case "reporter" -> nullsLast(i -> i.reporter == null ? null : i.reporter.displayName());
            default -> {
                CustomField custom = customField(term.field());
                if (custom != null && custom.kind() == FieldKind.NUMBER) {
                    yield nullsLast(i -> i.custom.has(custom.id()) ? i.custom.get(custom.id()).asDouble() : null);
                }
                if (custom != null || Set.of("labels", "text", "comment", "description", "environment", "sprint").contains(field)) {
                    throw JiraError.badRequest("Not able to sort using field '" + term.field() + "'.");
                }
                throw JiraError.badRequest("Field '" + term.field() + "' does not exist or you do not have permission to view it.");
            }
        };
    }

    private static <T extends Comparable<T>> Comparator<Issue> nullsLast(Function<Issue, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
