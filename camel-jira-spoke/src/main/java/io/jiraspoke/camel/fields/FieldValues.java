package io.jiraspoke.camel.fields;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraDialect;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraField;
import io.jiraspoke.camel.model.JiraTime;
import io.jiraspoke.camel.model.JiraUser;

/**
 * Shapes a value the way Jira takes it for a field, from the field's schema: a select list takes
 * {@code {"value": ..}}, a user picker the dialect's user, a component {@code {"name": ..}}, a date
 * {@code yyyy-MM-dd}. A value already in Jira's shape (a map, or a list of maps) goes as it is, and so does any value
 * of a type not listed here (text, rich text, the sprint and team fields, app fields): Jira is the judge of those.
 */
final class FieldValues {

    /** Jira's datetime format for requests, e.g. {@code 2026-11-18T14:39:00.000+1100}. */
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final String CASCADE = " -> ";
    /** Item types of array fields whose items are shaped one by one; others (json, attachment, ...) go as given. */
    private static final Set<String> ITEMS = Set.of("string", "option", "user", "group", "version", "component");

    /**
     * The system fields a key that is an id can name without the field list: their schemas are Jira's own and do
     * not differ between sites. Custom field ids need the list for their schema; their values go as given.
     */
    private static final Map<String, Target> SYSTEM = Map.ofEntries(
            system("project", "project", null), system("issuetype", "issuetype", null),
            system("priority", "priority", null), system("assignee", "user", null),
            system("reporter", "user", null), system("labels", "array", "string"),
            system("components", "array", "component"), system("fixVersions", "array", "version"),
            system("versions", "array", "version"), system("duedate", "date", null),
            system("resolution", "resolution", null), system("security", "securitylevel", null),
            system("parent", null, null));

    private FieldValues() {
    }

    /** What a value is set on, for shaping and for messages: the key as given and the field's schema. */
    record Target(String key, String id, String type, String items, String custom) {

        static Target of(String key, JiraField f) {
            return new Target(key, f.getId(), f.getSchemaType(), f.getSchemaItems(), f.getCustomType());
        }

        String describe() {
            return "'" + key + "' (" + (key.equals(id) ? "" : id + ", ") + (type == null ? "no schema" : type)
                   + (items == null ? "" : " of " + items) + ")";
        }
    }

    private static Map.Entry<String, Target> system(String id, String type, String items) {
        return Map.entry(id, new Target(id, id, type, items, null));
    }

    /** The target of a key that is an id: a system field of known schema, or a field whose value goes as given. */
    static Target forId(String id) {
        Target t = SYSTEM.get(id);
        return t != null ? t : new Target(id, id, null, null, null);
    }

    static Object shape(Target t, Object value, JiraDialect dialect, String action) {
        if (value == null) {
            return null;
        }
        if ("parent".equals(t.id())) {
            return reference(plain(value), "key");
        }
        if (t.type() == null || FieldResolver.SPRINT_TYPE.equals(t.custom())) {
            // the sprint field takes a sprint id, whatever its schema says (array of json, of string on Data Center)
            return value;
        }
        return switch (t.type()) {
            case "array" -> array(t, value, dialect, action);
            case "option" -> option(plain(value));
            case "option-with-child" -> cascading(t, plain(value), action);
            case "user" -> user(t, plain(value), dialect, action);
            case "group", "version", "component" -> named(plain(value));
            case "priority", "issuetype", "resolution", "securitylevel" -> reference(plain(value), "name");
            case "project" -> reference(plain(value), "key");
            case "number" -> number(t, plain(value), action);
            case "date" -> date(t, plain(value), action);
            case "datetime" -> datetime(t, plain(value), action);
            default -> value;
        };
    }

    private static Object array(Target t, Object value, JiraDialect dialect, String action) {
        if (!ITEMS.contains(t.items())) {
            return value;
        }
        Object v = plain(value);
        Collection<?> given;
        if (v instanceof Collection<?> c) {
            given = c;
        } else if (v instanceof Object[] a) {
            given = Arrays.asList(a);
        } else {
            given = List.of(v);
        }
        List<Object> out = new ArrayList<>(given.size());
        for (Object e : given) {
            Object item = plain(e);
            out.add(item == null ? null : switch (t.items()) {
                case "option" -> option(item);
                case "user" -> user(t, item, dialect, action);
                case "group", "version", "component" -> named(item);
                default -> item instanceof Map<?, ?> ? item : text(item);
            });
        }
        return out;
    }

    private static Object option(Object v) {
        if (v instanceof Map<?, ?>) {
            return v;
        }
        return v instanceof Number n ? Map.of("id", n.toString()) : Map.of("value", text(v));
    }

    private static Object named(Object v) {
        if (v instanceof Map<?, ?>) {
            return v;
        }
        return v instanceof Number n ? Map.of("id", n.toString()) : Map.of("name", text(v));
    }

    /** By id when the value is a number (or all digits), else by name or key. */
    private static Object reference(Object v, String byText) {
        if (v instanceof Map<?, ?>) {
            return v;
        }
        String s = text(v).strip();
        return v instanceof Number || DIGITS.matcher(s).matches() ? Map.of("id", s) : Map.of(byText, s);
    }

    private static Object user(Target t, Object v, JiraDialect dialect, String action) {
        if (v instanceof Map<?, ?>) {
            return v;
        }
        String id = v instanceof JiraUser u ? u.getId() : text(v).strip();
        if (id == null || id.isEmpty()) {
            throw new JiraSpokeInputException(action + ": field " + t.describe() + " takes a user (an account id on"
                                              + " Jira Cloud, a user name on Data Center), got '" + v + "'");
        }
        return dialect.user(id);
    }

    /**
     * A cascading select: {@code "Parent -> Child"}, a list {@code [parent, child]}, a one-entry map
     * {@code {parent: child}}, or Jira's own {@code {"value": .., "child": {"value": ..}}}.
     */
    private static Object cascading(Target t, Object v, String action) {
        String parent;
        String child;
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("value") || m.containsKey("id")) {
                return m;
            }
            if (m.size() != 1) {
                throw cascadeError(t, v, action);
            }
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            parent = text(e.getKey());
            child = e.getValue() == null ? null : text(plain(e.getValue()));
        } else if (v instanceof List<?> l) {
            if (l.isEmpty() || l.size() > 2 || l.get(0) == null) {
                throw cascadeError(t, v, action);
            }
            parent = text(plain(l.get(0)));
            child = l.size() == 2 && l.get(1) != null ? text(plain(l.get(1))) : null;
        } else if (v instanceof Number n) {
            return Map.of("id", n.toString());
        } else {
            String s = text(v);
            int at = s.indexOf(CASCADE);
            parent = at < 0 ? s.strip() : s.substring(0, at).strip();
            child = at < 0 ? null : s.substring(at + CASCADE.length()).strip();
        }
        if (parent.isEmpty() || (child != null && child.isEmpty())) {
            throw cascadeError(t, v, action);
        }
        Map<String, Object> out = new LinkedHashMap<>(4);
        out.put("value", parent);
        if (child != null) {
            out.put("child", Map.of("value", child));
        }
        return out;
    }

    private static JiraSpokeInputException cascadeError(Target t, Object v, String action) {
        return new JiraSpokeInputException(action + ": field " + t.describe() + " is a cascading select: give"
                                           + " \"Parent -> Child\", [\"Parent\", \"Child\"], {\"Parent\": \"Child\"}"
                                           + " or Jira's {\"value\": .., \"child\": {\"value\": ..}}, got " + v);
    }

    /** A number, or its text; empty text clears the field. */
    private static Object number(Target t, Object v, String action) {
        if (v instanceof Number) {
            return v;
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof Boolean) {
            throw new JiraSpokeInputException(action + ": field " + t.describe() + " takes a number, got " + v);
        }
        String s = text(v).strip();
        if (s.isEmpty()) {
            return null;
        }
        BigDecimal n;
        try {
            n = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new JiraSpokeInputException(action + ": field " + t.describe() + " takes a number (digits, a point"
                                              + " for decimals), got '" + s + "'");
        }
        BigDecimal whole = n.stripTrailingZeros();
        if (whole.scale() <= 0 && whole.precision() - whole.scale() <= 18) {
            return whole.longValueExact();
        }
        return n;
    }

    /** A date as {@code yyyy-MM-dd}; the date of a timestamp is taken in its own offset (UTC for an Instant). */
    private static Object date(Target t, Object v, String action) {
        LocalDate d = null;
        if (v instanceof LocalDate ld) {
            d = ld;
        } else if (v instanceof LocalDateTime ldt) {
            d = ldt.toLocalDate();
        } else if (v instanceof OffsetDateTime odt) {
            d = odt.toLocalDate();
        } else if (v instanceof ZonedDateTime zdt) {
            d = zdt.toLocalDate();
        } else if (v instanceof Instant i) {
            d = i.atOffset(ZoneOffset.UTC).toLocalDate();
        } else if (v instanceof Date date) {
            d = date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (d != null) {
            return d.toString();
        }
        String s = text(v).strip();
        if (s.isEmpty()) {
            return null;
        }
        if (DATE.matcher(s).matches()) {
            try {
                return LocalDate.parse(s).toString();
            } catch (DateTimeParseException e) {
                throw dateError(t, s, action);
            }
        }
        OffsetDateTime parsed = JiraTime.parse(s);
        if (parsed == null) {
            throw dateError(t, s, action);
        }
        return parsed.toLocalDate().toString();
    }

    private static JiraSpokeInputException dateError(Target t, String s, String action) {
        return new JiraSpokeInputException(action + ": field " + t.describe() + " takes a date as yyyy-MM-dd"
                                           + " (or a LocalDate), got '" + s + "'");
    }

    /** A timestamp in Jira's format, {@code 2026-11-18T14:39:00.000+1100}; it needs an offset to be an instant. */
    private static Object datetime(Target t, Object v, String action) {
        if (v instanceof LocalDate || v instanceof LocalDateTime) {
            throw datetimeError(t, v, action);
        }
        OffsetDateTime odt = null;
        if (v instanceof OffsetDateTime o) {
            odt = o;
        } else if (v instanceof ZonedDateTime z) {
            odt = z.toOffsetDateTime();
        } else if (v instanceof Instant i) {
            odt = i.atOffset(ZoneOffset.UTC);
        } else if (v instanceof Date date) {
            odt = date.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (odt == null) {
            String s = text(v).strip();
            if (s.isEmpty()) {
                return null;
            }
            odt = JiraTime.parse(s);
            if (odt == null) {
                throw datetimeError(t, s, action);
            }
        }
        return DATETIME.format(odt);
    }

    private static JiraSpokeInputException datetimeError(Target t, Object v, String action) {
        return new JiraSpokeInputException(action + ": field " + t.describe() + " takes a date and time with an"
                                           + " offset (2026-11-18T14:39:00.000+0100, ISO-8601, an OffsetDateTime"
                                           + " or an Instant), got '" + v + "'");
    }

    /** Jackson scalars as Java values and Jackson containers as maps and lists; anything else as it is. */
    private static Object plain(Object v) {
        if (v instanceof JsonNode n) {
            if (n.isNull() || n.isMissingNode()) {
                return null;
            }
            if (n.isTextual()) {
                return n.asText();
            }
            if (n.isNumber()) {
                return n.numberValue();
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            return JiraJson.MAPPER.convertValue(n, Object.class);
        }
        return v instanceof CharSequence s ? s.toString() : v;
    }

    private static String text(Object v) {
        return String.valueOf(v);
    }
}
