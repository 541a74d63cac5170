package io.jiraspoke.camel.fields;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.model.JiraField;

/**
 * One fetch of a connection's field list, indexed by id and by display name. Immutable once built, so every exchange
 * of every endpoint of the connection reads it without a lock.
 */
final class FieldList {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<JiraField> fields;
    private final Map<String, JiraField> byId;
    private final Map<String, List<JiraField>> byName;
    private final Map<String, List<JiraField>> byFolded;

    private FieldList(List<JiraField> fields) {
        this.fields = Collections.unmodifiableList(fields);
        Map<String, JiraField> ids = new HashMap<>(fields.size() * 2);
        Map<String, List<JiraField>> names = new HashMap<>(fields.size() * 2);
        Map<String, List<JiraField>> folded = new HashMap<>(fields.size() * 2);
        for (JiraField f : fields) {
            ids.putIfAbsent(f.getId(), f);
            for (String n : namesOf(f)) {
                add(names, normalize(n), f);
                add(folded, fold(n), f);
            }
        }
        this.byId = ids;
        this.byName = names;
        this.byFolded = folded;
    }

    /** Jira's answer, a bare array; entries without an id cannot be named in a request and are left out. */
    static FieldList of(JsonNode array) {
        List<JiraField> fields = new ArrayList<>(array.size());
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode n : array) {
            if (n.isObject()) {
                JiraField f = new JiraField(n);
                String id = f.getId();
                if (id != null && !id.isBlank() && seen.add(id)) {
                    fields.add(f);
                }
            }
        }
        return new FieldList(fields);
    }

    List<JiraField> all() {
        return fields;
    }

    JiraField byId(String id) {
        return byId.get(id);
    }

    /**
     * The fields a display name denotes: those whose name (or untranslated name) equals it, ignoring surrounding
     * and repeated spaces and Unicode composition; failing that, those equal to it ignoring case.
     */
    List<JiraField> named(String name) {
        List<JiraField> exact = byName.get(normalize(name));
        if (exact != null) {
            return exact;
        }
        return byFolded.getOrDefault(fold(name), List.of());
    }

    /** Up to {@code max} fields whose names are closest to a name no field has (edit distance, case ignored). */
    List<JiraField> closest(String name, int max) {
        String wanted = fold(name);
        int bound = Math.max(2, wanted.length() / 3);
        Map<JiraField, Integer> distance = new LinkedHashMap<>();
        for (JiraField f : fields) {
            for (String n : namesOf(f)) {
                String candidate = fold(n);
                int d = distance(wanted, candidate);
                boolean contains = wanted.length() >= 3 && (candidate.contains(wanted) || wanted.contains(candidate));
                if (d <= bound || contains) {
                    distance.merge(f, d, Math::min);
                }
            }
        }
        return distance.entrySet().stream()
                .sorted(Map.Entry.<JiraField, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().getName(), Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    List<JiraField> ofCustomType(String customType) {
        return fields.stream().filter(f -> customType.equals(f.getCustomType())).toList();
    }

    int size() {
        return fields.size();
    }

    private static Set<String> namesOf(JiraField f) {
        Set<String> names = new LinkedHashSet<>(2);
        if (f.getName() != null && !f.getName().isBlank()) {
            names.add(f.getName());
        }
        if (f.getUntranslatedName() != null && !f.getUntranslatedName().isBlank()) {
            names.add(f.getUntranslatedName());
        }
        return names;
    }

    private static void add(Map<String, List<JiraField>> index, String key, JiraField f) {
        List<JiraField> list = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(f)) {
            list.add(f);
        }
    }

    static String normalize(String name) {
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }

    static String fold(String name) {
        return normalize(name).toLowerCase(Locale.ROOT);
    }

    private static int distance(String x, String y) {
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
