package io.jiraspoke.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A hand-written recursive-descent parser for JQL, turning a query into a syntax tree that {@link JqlFilter}
 * evaluates. The grammar is Jira's, as far as the emulator goes:
 *
 * <pre>
 * query    := [or] [ORDER BY order (',' order)*] END
 * or       := and (('OR' | '||') and)*
 * and      := not (('AND' | '&amp;&amp;') not)*
 * not      := ('NOT' | '!') not | '(' or ')' | clause
 * clause   := field operator operand
 * operator := '=' | '!=' | '&gt;' | '&gt;=' | '&lt;' | '&lt;=' | '~' | '!~' | IN | NOT IN | IS | IS NOT
 * operand  := value | function | '(' operand (',' operand)* ')' | EMPTY | NULL
 * function := word '(' [value (',' value)*] ')'
 * order    := field [ASC | DESC]
 * </pre>
 *
 * Errors are Jira's 400 with its messages and the character position. Operators Jira has but the emulator does
 * not evaluate ({@code WAS}, {@code CHANGED}) are refused by name rather than misread.
 */
final class Jql {

    /** Deeper nesting than this is refused, so that a hostile query cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;
    private static final int MAX_LENGTH = 100_000;

    enum Op {
        EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<="), LIKE("~"), NOT_LIKE("!~"),
        IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    /** A parsed query: the condition ({@code null} when there is none) and the ORDER BY terms. */
    record Query(Node where, List<Order> orderBy) {

        @Override
        public String toString() {
            String order = orderBy.isEmpty() ? "" : "ORDER BY " + orderBy.stream().map(Order::toString).collect(Collectors.joining(", "));
            return where == null ? order : order.isEmpty() ? where.toString() : where + " " + order;
        }
    }

    record Order(String field, boolean descending, int position) {
        @Override
        public String toString() {
            return field + (descending ? " DESC" : " ASC");
        }
    }

    sealed interface Node permits And, Or, Not, Clause {}

    record And(List<Node> terms) implements Node {
        @Override
        public String toString() {
            return terms.stream().map(Node::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<Node> terms) implements Node {
        @Override
        public String toString() {
            return terms.stream().map(Node::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    record Not(Node term) implements Node {
        @Override
        public String toString() {
            return "NOT " + term;
        }
    }

    /** {@code field operator operand}; {@code position} is where the field starts, for errors. */
    record Clause(String field, Op op, Operand operand, int position) implements Node {
        @Override
        public String toString() {
            return field + " " + op.text + " " + operand;
        }
    }

    sealed interface Operand permits Value, ListOperand, Function, Empty {}

    /** A value as written; {@code quoted} tells {@code "EMPTY"} from {@code EMPTY}. */
    record Value(String text, boolean quoted, int position) implements Operand {
        @Override
        public String toString() {
            return quoted ? "\"" + text.replace("\"", "\\\"") + "\"" : text;
        }
    }

    record ListOperand(List<Operand> items) implements Operand {
        @Override
        public String toString() {
            return items.stream().map(Operand::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    record Function(String name, List<String> arguments, int position) implements Operand {
        @Override
        public String toString() {
            return name + "(" + String.join(", ", arguments) + ")";
        }
    }

    record Empty(int position) implements Operand {
        @Override
        public String toString() {
            return "EMPTY";
        }
    }

    private enum Kind { WORD, STRING, OPERATOR, OPEN, CLOSE, COMMA, END }

    private record Token(Kind kind, String text, int position) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String shown() {
            return kind == Kind.END ? "the end of the query" : "'" + text + "'";
        }
    }

    private final List<Token> tokens;
    private int next;
    private int depth;

    private Jql(String jql) {
        this.tokens = tokenize(jql);
    }

    static Query parse(String jql) {
        if (jql.length() > MAX_LENGTH) {
            throw JiraError.badRequest("The JQL query is too long: " + jql.length() + " characters.");
        }
        return new Jql(jql).query();
    }

    private Query query() {
        Node where = null;
        if (peek().kind() != Kind.END && !isOrderBy()) {
            where = or();
        }
        List<Order> order = new ArrayList<>();
        if (isOrderBy()) {
            next += 2;
            do {
                Token field = take();
                if (field.kind() != Kind.WORD && field.kind() != Kind.STRING) {
                    throw error("Expecting a field name but got " + field.shown() + ".", field);
                }
                boolean descending = false;
                if (peek().is("DESC")) {
                    descending = true;
                    next++;
                } else if (peek().is("ASC")) {
                    next++;
                }
                order.add(new Order(field.text(), descending, field.position()));
            } while (skip(Kind.COMMA));
        }
        Token rest = peek();
        if (rest.kind() != Kind.END) {
            if (isOrderByStart(rest)) {
                throw error("Expecting 'BY' but got " + tokens.get(next + 1).shown() + ".", tokens.get(next + 1));
            }
            throw error(where == null
                    ? "Expecting a field name but got " + rest.shown() + "."
                    : "Expecting either 'OR' or 'AND' but got " + rest.shown() + ".", rest);
        }
        return new Query(where, List.copyOf(order));
    }

    private boolean isOrderBy() {
        return isOrderByStart(peek()) && tokens.get(next + 1).is("BY");
    }

    private static boolean isOrderByStart(Token token) {
        return token.is("ORDER");
    }

    private Node or() {
        List<Node> terms = new ArrayList<>();
        terms.add(and());
        while (peek().is("OR") || peek().kind() == Kind.OPERATOR && peek().text().equals("||")) {
            next++;
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Or(List.copyOf(terms));
    }

    private Node and() {
        List<Node> terms = new ArrayList<>();
        terms.add(not());
        while (peek().is("AND") || peek().kind() == Kind.OPERATOR && peek().text().equals("&&")) {
            next++;
            terms.add(not());
        }
        return terms.size() == 1 ? terms.get(0) : new And(List.copyOf(terms));
    }

    private Node not() {
        if (++depth > MAX_DEPTH) {
            throw error("The query nests deeper than " + MAX_DEPTH + " levels.", peek());
        }
        try {
            Token token = peek();
            if (token.is("NOT") || token.kind() == Kind.OPERATOR && token.text().equals("!")) {
                next++;
                return new Not(not());
            }
            if (token.kind() == Kind.OPEN) {
                next++;
                Node inner = or();
                Token close = take();
                if (close.kind() != Kind.CLOSE) {
                    throw error("Expecting ')' but got " + close.shown() + ".", close);
                }
                return inner;
            }
            return clause();
        } finally {
            depth--;
        }
    }

    private Node clause() {
        Token field = take();
        if (field.kind() != Kind.WORD && field.kind() != Kind.STRING || isKeyword(field)) {
            throw error("Expecting a field name but got " + field.shown() + ".", field);
        }
        Op op = operator();
        Operand operand = operand(op);
        return new Clause(field.text(), op, operand, field.position());
    }

    private Op operator() {
        Token token = take();
        if (token.kind() == Kind.OPERATOR) {
            for (Op op : Op.values()) {
                if (op.text.equals(token.text())) {
                    return op;
                }
            }
        }
        if (token.is("IN")) {
            return Op.IN;
        }
        if (token.is("IS")) {
            if (peek().is("NOT")) {
                next++;
                return Op.IS_NOT;
            }
            return Op.IS;
        }
        if (token.is("NOT") && peek().is("IN")) {
            next++;
            return Op.NOT_IN;
        }
        if (token.is("WAS") || token.is("CHANGED") || token.is("NOT") && peek().is("WAS")) {
            throw error("The Jira emulator does not support the '" + token.text().toUpperCase(Locale.ROOT)
                    + "' operator (history searches).", token);
        }
        throw error("Expecting operator but got " + token.shown() + ". The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~',"
                + " 'IN', 'NOT IN', 'IS' and 'IS NOT'.", token);
    }

    private Operand operand(Op op) {
        Token token = peek();
        if (op == Op.IN || op == Op.NOT_IN) {
            if (token.kind() == Kind.OPEN) {
                next++;
                List<Operand> items = new ArrayList<>();
                do {
                    items.add(single());
                } while (skip(Kind.COMMA));
                Token close = take();
                if (close.kind() != Kind.CLOSE) {
                    throw error("Expecting ')' but got " + close.shown() + ".", close);
                }
                return new ListOperand(List.copyOf(items));
            }
            Operand single = single();
            if (single instanceof Function) {
                return single;
            }
            throw error("Expecting '(' but got " + token.shown() + ".", token);
        }
        if (token.kind() == Kind.OPEN) {
            throw error("Expecting either a value, list or function but got '('. You must surround '(' in quotation marks to use it as a value.", token);
        }
        return single();
    }

    private Operand single() {
        Token token = take();
        if (token.kind() == Kind.STRING) {
            return new Value(token.text(), true, token.position());
        }
        if (token.kind() != Kind.WORD || isKeyword(token)) {
            throw error("Expecting either a value, list or function but got " + token.shown() + "."
                    + (token.kind() == Kind.END ? "" : " You must surround " + token.shown() + " in quotation marks to use it as a value."), token);
        }
        if (token.is("EMPTY") || token.is("NULL")) {
            return new Empty(token.position());
        }
        if (peek().kind() == Kind.OPEN) {
            next++;
            List<String> arguments = new ArrayList<>();
            if (peek().kind() != Kind.CLOSE) {
                do {
                    Token argument = take();
                    if (argument.kind() != Kind.WORD && argument.kind() != Kind.STRING) {
                        throw error("Expecting a function argument but got " + argument.shown() + ".", argument);
                    }
                    arguments.add(argument.text());
                } while (skip(Kind.COMMA));
            }
            Token close = take();
            if (close.kind() != Kind.CLOSE) {
                throw error("Expecting ')' but got " + close.shown() + ".", close);
            }
            return new Function(token.text(), List.copyOf(arguments), token.position());
        }
        return new Value(token.text(), false, token.position());
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "or", "not", "in", "is", "order", "by");
    private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("\\\\(.)");

    private static boolean isKeyword(Token token) {
        return token.kind() == Kind.WORD && KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
    }

    private boolean skip(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
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

    private static JiraError error(String problem, Token at) {
        return error(problem, at.position());
    }

    static JiraError error(String problem, int position) {
        return JiraError.badRequest("Error in the JQL Query: " + problem + " (line 1, character " + (position + 1) + ")");
    }

    /** Characters that end an unquoted word (Jira's reserved characters need quotes). */
    private static final String DELIMITERS = "()\"',=!<>~|&";

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
                        char escaped = jql.charAt(i);
                        text.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
                    } else {
                        text.append(jql.charAt(i));
                    }
                }
                if (i == jql.length()) {
                    throw error("The quoted string '" + text + "' has not been completed.", start);
                }
                i++;
                tokens.add(new Token(Kind.STRING, text.toString(), start));
            } else if ("=!<>~|&".indexOf(c) >= 0) {
                String two = i + 1 < jql.length() ? jql.substring(i, i + 2) : "";
                String operator = List.of(">=", "<=", "!=", "!~", "||", "&&").contains(two) ? two : String.valueOf(c);
                if (operator.equals("|") || operator.equals("&")) {
                    throw error("Expecting '" + c + c + "' but got '" + c + "'.", start);
                }
                i += operator.length();
                tokens.add(new Token(Kind.OPERATOR, operator, start));
            } else {
                while (i < jql.length() && !Character.isWhitespace(jql.charAt(i)) && DELIMITERS.indexOf(jql.charAt(i)) < 0) {
                    if (jql.charAt(i) == '\\' && i + 1 < jql.length()) {
                        i++;
                    }
                    i++;
                }
                tokens.add(new Token(Kind.WORD, ESCAPE.matcher(jql.substring(start, i)).replaceAll("$1"), start));
            }
        }
        tokens.add(new Token(Kind.END, "", jql.length()));
        return tokens;
    }
}
