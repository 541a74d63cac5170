package io.jiraspoke.camel.producer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The identity by which a list consumer follows an item across polls. Jira usually sends an id, but old servers and
 * some lists (Data Center's group picker, users without an account id) do not: then the item's REST URL stands in,
 * and as a last resort the digest of its JSON, so that an item without any identity is still emitted once per
 * change instead of failing the poll.
 */
final class ItemIds {

    private ItemIds() {
    }

    /** The first of the fields that holds a value (numbers and strings alike), else self, else a digest. */
    static String of(JsonNode item, String... fields) {
        for (String field : fields) {
            String v = value(item.get(field));
            if (v != null) {
                return v;
            }
        }
        String self = value(item.get("self"));
        return self != null ? self : "#" + Digests.of(item);
    }

    private static String value(JsonNode v) {
        if (v == null || !(v.isTextual() || v.isNumber())) {
            return null;
        }
        String text = v.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
