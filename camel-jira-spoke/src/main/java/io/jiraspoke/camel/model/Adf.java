package io.jiraspoke.camel.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Atlassian Document Format, the rich-text JSON of Jira Cloud v3 (descriptions, comments). Plain text goes in as
 * paragraphs (blank lines separate them, single newlines become hard breaks); text comes out of any ADF tree.
 */
public final class Adf {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Adf() {
    }

    /** Whether a value already is an ADF document. */
    public static boolean isDocument(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").asText());
    }

    public static ObjectNode fromText(String text) {
        ObjectNode doc = F.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        String normalized = text.replace("\r\n", "\n");
        for (String para : normalized.split("\n\\s*\n")) {
            ObjectNode p = content.addObject().put("type", "paragraph");
            ArrayNode inline = p.putArray("content");
            String[] lines = para.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    inline.addObject().put("type", "hardBreak");
                }
                if (!lines[i].isEmpty()) {
                    inline.addObject().put("type", "text").put("text", lines[i]);
                }
            }
        }
        return doc;
    }

    /** The text of an ADF tree: blocks end with a newline, hard breaks are newlines. Null stays null. */
    public static String toText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        StringBuilder sb = new StringBuilder();
        append(node, sb);
        return sb.toString().strip();
    }

    private static void append(JsonNode node, StringBuilder sb) {
        String type = node.path("type").asText();
        switch (type) {
            case "text" -> sb.append(node.path("text").asText());
            case "hardBreak" -> sb.append('\n');
            case "mention" -> sb.append(node.path("attrs").path("text").asText());
            case "emoji" -> sb.append(node.path("attrs").path("text").asText(node.path("attrs").path("shortName").asText()));
            case "inlineCard" -> sb.append(node.path("attrs").path("url").asText());
            default -> {
                for (JsonNode child : node.path("content")) {
                    append(child, sb);
                }
                if (!type.isEmpty() && !"doc".equals(type) && isBlock(type)) {
                    sb.append('\n');
                }
            }
        }
    }

    /**
     * Blocks that hold text directly. Containers (list items, quotes, panels, table rows) hold such blocks, whose
     * newlines already end their lines; another newline from the container would put blank lines between items.
     */
    private static boolean isBlock(String type) {
        return switch (type) {
            case "paragraph", "heading", "codeBlock", "rule" -> true;
            default -> false;
        };
    }
}
