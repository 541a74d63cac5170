package io.jiraspoke.camel.fields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeForbiddenException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.model.JiraField;

/**
 * Field display names of one connection, shared by all its endpoints: turns {@code {"Story Points": 5, "summary":
 * "x"}} into the {@code fields} map Jira takes, with ids for names and values shaped by each field's schema (see
 * {@link #toJiraFields}). The field list ({@code GET /rest/api/3/field} on Cloud, {@code /rest/api/2/field} on Data
 * Center) is fetched on first need, once for all threads, and kept. A name it does not hold makes it fetch the list
 * again, at most once per {@code fieldListRefresh} (a connection setting, 1 minute by default), so that a field added
 * in Jira is found while a mistyped name in a busy route does not make a request per message.
 * <p>
 * A key is an id, never looked up by name, when it has the form of one: {@code customfield_<digits>}, or a word that
 * starts with a lowercase ASCII letter and has only ASCII letters and digits ({@code summary}, {@code fixVersions},
 * {@code duedate}). Anything else ({@code Story Points}, {@code Team}, {@code Größe}) is a display name. A body of
 * ids alone never needs the list.
 */
public final class FieldResolver {

    /** The custom field type of Jira Software's sprint field, whose id differs from site to site. */
    public static final String SPRINT_TYPE = "com.pyxis.greenhopper.jira:gh-sprint";

    private static final Pattern ID = Pattern.compile("customfield_\\d+|[a-z][A-Za-z0-9]*");
    private static final int SUGGESTIONS = 3;
    /**
     * Why a write that named no field list call failed on it: the scopes an action needs for its own endpoint do not
     * include the field list, which only display names (and the typed sprint getters) need.
     */
    private static final String FIELD_LIST_HINT = " (reading Jira's field list, which fields given by display name"
            + " and the sprint getters need: scoped credentials need scope read:jira-work, or read:field:jira; fields"
            + " given by id, such as customfield_10016, need no field list)";

    private final JiraClient client;
    private final long refreshNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile FieldList list;
    /** When {@link #list} was fetched (System.nanoTime); written under the lock, read under it. */
    private long fetchedAt;

    public FieldResolver(JiraClient client, Duration minRefresh) {
        this.client = client;
        this.refreshNanos = minRefresh.toNanos();
    }

    /** Whether a key is a field id (see the class comment) rather than a display name. */
    public static boolean isId(String key) {
        return ID.matcher(key).matches();
    }

    /**
     * The ids a display name denotes in a map of id to name (the {@code names} Jira sends with
     * {@code expand=names}), matched as the field list is: exactly, else ignoring case.
     */
    public static List<String> idsNamed(JsonNode names, String name) {
        String wanted = FieldList.normalize(name);
        String wantedFolded = FieldList.fold(name);
        List<String> exact = new ArrayList<>(1);
        List<String> folded = new ArrayList<>(1);
        names.fields().forEachRemaining(e -> {
            String n = FieldList.normalize(e.getValue().asText());
            if (n.equals(wanted)) {
                exact.add(e.getKey());
            } else if (FieldList.fold(n).equals(wantedFolded)) {
                folded.add(e.getKey());
            }
        });
        return exact.isEmpty() ? folded : exact;
    }

    /**
     * The {@code fields} map of a create, update or transition request from a map whose keys are field ids or
     * display names. Names become ids; values are shaped by the field's schema: an option takes text ({@code
     * {"value": ..}}), a multi-option or label field a list or a single value, a cascading select {@code "Parent ->
     * Child"}, a user field the id of a user ({@code accountId} on Cloud, {@code name} on Data Center), a component
     * or version field names, a number field a number or its text, a date field a {@code yyyy-MM-dd} text or a
     * {@code LocalDate}, a datetime field an {@code OffsetDateTime}, an {@code Instant} or ISO text; priority, issue
     * type and project a name (key) or an id. Values already in Jira's shape (maps) pass untouched, and so do values
     * of fields of any other type. Keys that are ids of custom fields keep their values as given (their schema is
     * not known without the field list); those of system fields with a fixed schema (priority, assignee, labels,
     * components, duedate, parent, ...) are shaped likewise.
     *
     * @throws JiraSpokeInputException before anything is written, for a name no field has (naming the closest
     *                                 names and their ids), a name several fields share (naming their ids), a field
     *                                 given twice, or a value its field cannot take
     */
    public Map<String, Object> toJiraFields(Map<?, ?> fields, String action) {
        Map<String, JiraField> named = resolveNames(fields.keySet(), action);
        Map<String, Object> out = new LinkedHashMap<>(fields.size() * 2);
        Map<String, String> givenAs = new HashMap<>(fields.size() * 2);
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String key = (String) e.getKey();
            JiraField f = named.get(key);
            FieldValues.Target target = f != null ? FieldValues.Target.of(key, f) : FieldValues.forId(key.strip());
            Object value = FieldValues.shape(target, e.getValue(), client.dialect(), action);
            put(out, givenAs, target.id(), key, value, action);
        }
        return out;
    }

    /**
     * The {@code update} map of a request with display names turned into ids. Its values are Jira's operations
     * ({@code [{"add": ..}]}) and pass as they are.
     */
    public Map<String, Object> toJiraIds(Map<?, ?> update, String action) {
        Map<String, JiraField> named = resolveNames(update.keySet(), action);
        Map<String, Object> out = new LinkedHashMap<>(update.size() * 2);
        Map<String, String> givenAs = new HashMap<>(update.size() * 2);
        for (Map.Entry<?, ?> e : update.entrySet()) {
            String key = (String) e.getKey();
            JiraField f = named.get(key);
            put(out, givenAs, f != null ? f.getId() : key.strip(), key, e.getValue(), action);
        }
        return out;
    }

    /**
     * One field by display name, or by id when the text is an id. The same resolution as {@link #toJiraFields}, with
     * the same errors; a missing id also makes the list be fetched again (within the bound).
     */
    public JiraField field(String nameOrId, String action) {
        String key = nameOrId.strip();
        if (!isId(key)) {
            return resolveNames(Set.of(nameOrId), action).get(nameOrId);
        }
        FieldList seen = current();
        JiraField f = seen.byId(key);
        if (f == null) {
            FieldList fresh = load(seen);
            f = fresh.byId(key);
            if (f == null) {
                throw new JiraSpokeInputException(action + ": no field has the id '" + key + "' on connection '"
                                                  + client.name() + "' (" + fresh.size() + " fields are visible to"
                                                  + " its user)" + closestText(fresh, key));
            }
        }
        return f;
    }

    /** Every field visible to the connection's user, asked of Jira now; the kept list is replaced by the answer. */
    public List<JiraField> fetchAll() {
        lock.lock();
        try {
            FieldList fresh = fetch();
            list = fresh;
            fetchedAt = System.nanoTime();
            return fresh.all();
        } finally {
            lock.unlock();
        }
    }

    /** The fields of a custom field type (such as {@link #SPRINT_TYPE}), in Jira's order, from the kept list. */
    public List<JiraField> ofCustomType(String customType) {
        return current().ofCustomType(customType);
    }

    private static void put(Map<String, Object> out, Map<String, String> givenAs, String id, String key, Object value,
                            String action) {
        String before = givenAs.putIfAbsent(id, key);
        if (before != null) {
            throw new JiraSpokeInputException(action + ": field " + id + " is given twice, as '" + before + "' and"
                                              + " as '" + key + "'; give it once");
        }
        out.put(id, value);
    }

    /**
     * The fields of the keys that are names; empty, without a request, when every key is an id. Every key must be
     * text: the callers cast them once this has checked.
     */
    private Map<String, JiraField> resolveNames(Set<?> keys, String action) {
        List<String> names = new ArrayList<>();
        for (Object key : keys) {
            if (!(key instanceof String k) || k.isBlank()) {
                throw new JiraSpokeInputException(action + ": every key of the fields must be a field id or display"
                                                  + " name, got " + (key == null ? "null" : "'" + key + "' ("
                                                  + key.getClass().getSimpleName() + ")"));
            }
            if (!isId(k.strip())) {
                names.add(k);
            }
        }
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, JiraField> found = new HashMap<>(names.size() * 2);
        FieldList seen = current();
        List<String> missing = match(seen, names, found, action);
        if (missing.isEmpty()) {
            return found;
        }
        FieldList fresh = load(seen);
        if (fresh != seen) {
            missing = match(fresh, missing, found, action);
        }
        if (!missing.isEmpty()) {
            throw unknown(fresh, missing, action);
        }
        return found;
    }

    private List<String> match(FieldList l, List<String> names, Map<String, JiraField> found, String action) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            List<JiraField> fields = l.named(name);
            if (fields.size() > 1) {
                throw ambiguous(name, fields, action);
            }
            if (fields.isEmpty()) {
                missing.add(name);
            } else {
                found.put(name, fields.get(0));
            }
        }
        return missing;
    }

    private JiraSpokeInputException ambiguous(String name, List<JiraField> fields, String action) {
        String which = fields.stream().map(FieldResolver::describe).collect(Collectors.joining(", "));
        return new JiraSpokeInputException(action + ": the field name '" + name + "' is ambiguous on connection '"
                                           + client.name() + "': " + fields.size() + " fields have it: " + which
                                           + ". Use the id of the one you mean instead of the name");
    }

    private JiraSpokeInputException unknown(FieldList l, List<String> names, String action) {
        StringBuilder sb = new StringBuilder(action).append(": ");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append("no field is named '").append(names.get(i)).append("'")
                    .append(closestText(l, names.get(i)));
        }
        return new JiraSpokeInputException(sb.append(" (connection '").append(client.name()).append("', ")
                .append(l.size()).append(" fields visible to its user; field/lookup without a name lists them)")
                .toString());
    }

    private static String closestText(FieldList l, String name) {
        List<JiraField> close = l.closest(name, SUGGESTIONS);
        if (close.isEmpty()) {
            return ", and none has a similar name";
        }
        Set<String> parts = new LinkedHashSet<>();
        close.forEach(f -> parts.add(describe(f)));
        return ". Closest: " + String.join(", ", parts);
    }

    private static String describe(JiraField f) {
        String type = f.getCustomType() != null ? f.getCustomType() : f.getSchemaType();
        return "'" + f.getName() + "' (" + f.getId() + (type != null ? ", " + type : "") + ")";
    }

    /** The kept list; fetched, once for all threads, when there is none yet. */
    private FieldList current() {
        FieldList l = list;
        return l != null ? l : load(null);
    }

    /**
     * The list after a miss in {@code seen}: a newer one another thread fetched meanwhile, else a new fetch when
     * {@code seen} is older than the refresh bound, else {@code seen} itself. With {@code seen} null: the kept list,
     * fetched when there is none.
     */
    private FieldList load(FieldList seen) {
        lock.lock();
        try {
            FieldList l = list;
            if (l != null && (l != seen || System.nanoTime() - fetchedAt < refreshNanos)) {
                return l;
            }
            FieldList fresh = fetch();
            list = fresh;
            fetchedAt = System.nanoTime();
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    private FieldList fetch() {
        JsonNode answer;
        try {
            answer = client.call(JiraRequest.get(client.dialect().api() + "/field").expect(JiraRequest.Expect.ARRAY));
        } catch (JiraSpokeForbiddenException e) {
            throw new JiraSpokeForbiddenException(e.getMessage() + FIELD_LIST_HINT, e.getStatus(), e.getMethod(),
                    e.getPath(), e.getErrorMessages(), e.getErrors());
        } catch (JiraSpokeUnauthorizedException e) {
            throw new JiraSpokeUnauthorizedException(e.getMessage() + FIELD_LIST_HINT, e.getStatus(), e.getMethod(),
                    e.getPath(), e.getErrorMessages(), e.getErrors(), e);
        }
        return FieldList.of(answer);
    }
}
