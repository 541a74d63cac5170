package io.jiraspoke.standin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small JQL subset: clauses on project, key, created and updated joined by AND, with
 * parentheses, and an optional ORDER BY. Anything else is rejected with a 400 rather than skipped, so a
 * test can never pass because the stand-in quietly ignored part of a query.
 */
final class Jql {

    record Query(Predicate<Issue> filter, Comparator<Issue> order, boolean bounded) {}

    static final Comparator<Issue> BY_KEY =
            Comparator.comparing((Issue issue) -> issue.project().key()).thenComparingInt(Issue::number);

    private static final Pattern RELATIVE_DATE = Pattern.compile("([-+]?)(\\d+)([wdhm])");
    private static final List<DateTimeFormatter> DATE_TIMES =
            List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private static final List<DateTimeFormatter> DATES =
            List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd"), DateTimeFormatter.ofPattern("yyyy-MM-dd"));

    private enum Kind { WORD, STRING, OPERATOR, OPEN, CLOSE, COMMA, END }

    private record Token(Kind kind, String text, int position) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private final List<Token> tokens;
    private final Instant now;
    private int next;

    private Jql(String jql, Instant now) {
        this.tokens = tokenize(jql);
        this.now = now;
    }

    /** Relative dates such as {@code -5m} are resolved against {@code now}. */
    static Query parse(String jql, Instant now) {
        return new Jql(jql, now).query();
    }

    private Query query() {
        Predicate<Issue> filter = null;
        if (peek().kind() != Kind.END && !peek().is("ORDER")) {
            filter = conjunction();
        }
        Comparator<Issue> order = BY_KEY;
        if (skip("ORDER")) {
            Token by = take();
            if (!by.is("BY")) {
                throw expecting("'BY'", by);
            }
            order = orderBy();
        }
        Token rest = peek();
        if (rest.kind() != Kind.END) {
            throw expecting("'AND' or 'ORDER BY'", rest);
        }
        return filter == null ? new Query(issue -> true, order, false) : new Query(filter, order, true);
    }

    private Predicate<Issue> conjunction() {
        Predicate<Issue> filter = term();
        while (skip("AND")) {
            filter = filter.and(term());
        }
        return filter;
    }

    private Predicate<Issue> term() {
        Token token = take();
        if (token.kind() == Kind.OPEN) {
            Predicate<Issue> inner = conjunction();
            Token close = take();
            if (close.kind() != Kind.CLOSE) {
                throw expecting("')'", close);
            }
            return inner;
        }
        if ((token.kind() == Kind.WORD && !token.is("NOT")) || token.kind() == Kind.STRING) {
            return clause(token);
        }
        throw expecting("a field or '('", token);
    }

    private Predicate<Issue> clause(Token field) {
        Token operator = take();
        if (operator.kind() == Kind.WORD) {
            throw error("Operator '" + operator.text() + "' is not supported by the Jira stand-in", operator);
        }
        if (operator.kind() != Kind.OPERATOR) {
            throw expecting("an operator", operator);
        }
        Token value = take();
        if (value.kind() != Kind.WORD && value.kind() != Kind.STRING) {
            throw expecting("a value", value);
        }
        String v = value.text();
        switch (field.text().toLowerCase(Locale.ROOT)) {
            case "project":
                requireEquals(field, operator);
                return issue -> issue.project().key().equalsIgnoreCase(v) || issue.project().id().equals(v);
            case "key":
            case "issuekey":
                requireEquals(field, operator);
                return issue -> issue.key().equalsIgnoreCase(v);
            case "created":
            case "createddate":
                return compare(Issue::created, field, operator, instant(field, value));
            case "updated":
            case "updateddate":
                return compare(Issue::updated, field, operator, instant(field, value));
            default:
                throw error("Field '" + field.text() + "' does not exist or is not supported by the Jira stand-in", field);
        }
    }

    private Predicate<Issue> compare(Function<Issue, Instant> timestamp, Token field, Token operator, Instant bound) {
        switch (operator.text()) {
            case ">=":
                return issue -> !timestamp.apply(issue).isBefore(bound);
            case ">":
                return issue -> timestamp.apply(issue).isAfter(bound);
            case "<=":
                return issue -> !timestamp.apply(issue).isAfter(bound);
            case "<":
                return issue -> timestamp.apply(issue).isBefore(bound);
            default:
                throw error("Operator '" + operator.text() + "' on field '" + field.text()
                        + "' is not supported by the Jira stand-in", operator);
        }
    }

    private Instant instant(Token field, Token value) {
        Matcher relative = RELATIVE_DATE.matcher(value.text());
        if (relative.matches()) {
            Duration unit = switch (relative.group(3)) {
                case "w" -> Duration.ofDays(7);
                case "d" -> Duration.ofDays(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofMinutes(1);
            };
            Duration offset = unit.multipliedBy(Long.parseLong(relative.group(2)));
            return relative.group(1).equals("-") ? now.minus(offset) : now.plus(offset);
        }
        // The stand-in's only user is in UTC, and Jira reads absolute dates in the user's time zone.
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(value.text(), format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value.text(), format).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw error("Date value '" + value.text() + "' for field '" + field.text() + "' is invalid. Valid formats include: "
                + "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period such as '-5m', '-2h', '-1d', '-1w'", value);
    }

    private Comparator<Issue> orderBy() {
        List<Comparator<Issue>> keys = new ArrayList<>();
        do {
            Token field = take();
            if (field.kind() != Kind.WORD && field.kind() != Kind.STRING) {
                throw expecting("a field to order by", field);
            }
            Comparator<Issue> key = switch (field.text().toLowerCase(Locale.ROOT)) {
                case "key", "issuekey" -> BY_KEY;
                case "created" -> Comparator.comparing(Issue::created);
                case "updated" -> Comparator.comparing(Issue::updated);
                default -> throw error("Ordering by '" + field.text() + "' is not supported by the Jira stand-in", field);
            };
            if (skip("DESC")) {
                key = key.reversed();
            } else {
                skip("ASC");
            }
            keys.add(key);
        } while (skip(","));
        // Key last, so issues with equal timestamps still come back in a stable order across pages.
        return keys.stream().reduce(Comparator::thenComparing).orElseThrow().thenComparing(BY_KEY);
    }

    private void requireEquals(Token field, Token operator) {
        if (!operator.text().equals("=")) {
            throw error("Operator '" + operator.text() + "' on field '" + field.text()
                    + "' is not supported by the Jira stand-in", operator);
        }
    }

    /** Consumes the next token if it is the given keyword or punctuation. */
    private boolean skip(String text) {
        Token token = peek();
        boolean matches = token.kind() != Kind.STRING && token.text().equalsIgnoreCase(text);
        if (matches) {
            next++;
        }
        return matches;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private static JiraError expecting(String expected, Token got) {
        if (got.is("OR") || got.is("NOT")) {
            return error("'" + got.text() + "' is not supported by the Jira stand-in, only AND", got);
        }
        return error("Expecting " + expected + (got.kind() == Kind.END ? " but the query ended" : " but got '" + got.text() + "'"), got);
    }

    private static JiraError error(String problem, Token at) {
        return JiraError.message(400,
                "Error in the JQL Query: " + problem + ". (line 1, character " + (at.position() + 1) + ")");
    }

    private static List<Token> tokenize(String jql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < jql.length()) {
            char c = jql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                i++;
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), start));
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                for (i++; i < jql.length() && jql.charAt(i) != c; i++) {
                    if (jql.charAt(i) == '\\' && i + 1 < jql.length()) {
                        i++;
                    }
                    text.append(jql.charAt(i));
                }
                if (i == jql.length()) {
                    throw error("Missing closing quote", new Token(Kind.STRING, "", start));
                }
                i++;
                tokens.add(new Token(Kind.STRING, text.toString(), start));
            } else if ("=!<>~".indexOf(c) >= 0) {
                String two = jql.startsWith(">=", i) || jql.startsWith("<=", i) || jql.startsWith("!=", i) || jql.startsWith("!~", i)
                        ? jql.substring(i, i + 2) : null;
                if (two == null && c == '!') {
                    throw error("Unexpected '!'", new Token(Kind.OPERATOR, "!", start));
                }
                String operator = two != null ? two : String.valueOf(c);
                i += operator.length();
                tokens.add(new Token(Kind.OPERATOR, operator, start));
            } else {
                while (i < jql.length() && !Character.isWhitespace(jql.charAt(i)) && "()\"',=!<>~".indexOf(jql.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, jql.substring(start, i), start));
            }
        }
        tokens.add(new Token(Kind.END, "", jql.length()));
        return tokens;
    }
}
