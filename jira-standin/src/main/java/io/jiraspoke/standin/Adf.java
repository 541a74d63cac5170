package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Atlassian Document Format, as far as the emulator needs it: Cloud's v3 API speaks ADF while its v2 API speaks
 * text, and an issue written through one must read sensibly through the other; JQL's text search reads ADF as text.
 */
final class Adf {

    private static final Set<String> LISTS = Set.of("bulletList", "orderedList");

    private Adf() {}

    static boolean isDocument(JsonNode node) {
        return node.isObject()
                && "doc".equals(node.path("type").asText())
                && node.path("version").asInt() == 1
                && node.path("content").isArray();
    }

    /** Text as Cloud turns a v2 string into ADF: blank lines make paragraphs, single newlines line breaks. */
    static ObjectNode fromText(String text) {
        ObjectNode doc = JiraJson.MAPPER.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode blocks = doc.putArray("content");
        for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            ArrayNode inline = blocks.addObject().put("type", "paragraph").putArray("content");
            String[] lines = paragraph.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    inline.addObject().put("type", "hardBreak");
                }
                // ADF forbids empty text nodes.
                if (!lines[i].isEmpty()) {
                    inline.addObject().put("type", "text").put("text", lines[i]);
                }
            }
        }
        return doc;
    }

    /** A document as text: blocks separated by blank lines, list items on lines of their own ({@code * }, {@code # }). */
    static String toText(JsonNode node) {
        List<String> blocks = new ArrayList<>();
        for (JsonNode block : node.path("content")) {
            blocks.add(block(block, 0));
        }
        return String.join("\n\n", blocks);
    }

    private static String block(JsonNode node, int depth) {
        String type = node.path("type").asText();
        if (LISTS.contains(type)) {
            String bullet = (type.equals("bulletList") ? "*" : "#").repeat(depth + 1) + " ";
            List<String> items = new ArrayList<>();
            for (JsonNode item : node.path("content")) {
                StringBuilder text = new StringBuilder();
                for (JsonNode child : item.path("content")) {
                    if (LISTS.contains(child.path("type").asText())) {
                        text.append('\n').append(block(child, depth + 1));
                    } else {
                        text.append(text.length() == 0 ? bullet : "\n").append(inline(child));
                    }
                }
                items.add(text.toString());
            }
            return String.join("\n", items);
        }
        if (type.equals("heading")) {
            return "h" + node.path("attrs").path("level").asInt(1) + ". " + inline(node);
        }
        if (node.path("content").isArray() && node.path("content").size() > 0
                && !node.path("content").get(0).path("type").asText().matches("text|hardBreak|mention|emoji|inlineCard|date|status")) {
            List<String> children = new ArrayList<>();
            node.path("content").forEach(child -> children.add(block(child, depth)));
            return String.join("\n", children);
        }
        return inline(node);
    }

    private static String inline(JsonNode node) {
        switch (node.path("type").asText()) {
            case "text":
                return node.path("text").asText();
            case "hardBreak":
                return "\n";
            case "mention":
                return node.path("attrs").path("text").asText("");
            case "emoji":
                return node.path("attrs").path("shortName").asText("");
            case "inlineCard":
                return node.path("attrs").path("url").asText("");
            default:
                StringBuilder text = new StringBuilder();
                node.path("content").forEach(child -> text.append(inline(child)));
                return text.toString();
        }
    }
}
