package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Atlassian Document Format, just enough of it for descriptions: Cloud's v3 API speaks ADF while
 * v2 and Server speak plain text, and an issue written through one must read sensibly through the other.
 */
final class Adf {

    private Adf() {}

    static boolean isDocument(JsonNode node) {
        return node.isObject()
                && "doc".equals(node.path("type").asText())
                && node.path("version").asInt() == 1
                && node.path("content").isArray();
    }

    static ObjectNode fromText(String text) {
        ObjectNode doc = JiraJson.MAPPER.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode paragraphs = doc.putArray("content");
        for (String line : text.split("\n", -1)) {
            ArrayNode inline = paragraphs.addObject().put("type", "paragraph").putArray("content");
            // ADF forbids empty text nodes, so a blank line becomes an empty paragraph.
            if (!line.isEmpty()) {
                inline.addObject().put("type", "text").put("text", line);
            }
        }
        return doc;
    }

    /** Flattens a document to text: inline nodes run together, block nodes go on their own lines. */
    static String toText(JsonNode node) {
        switch (node.path("type").asText()) {
            case "text":
                return node.path("text").asText();
            case "hardBreak":
                return "\n";
            default:
                StringBuilder text = new StringBuilder();
                boolean firstBlock = true;
                for (JsonNode child : node.path("content")) {
                    if (child.has("content")) {
                        if (!firstBlock) {
                            text.append('\n');
                        }
                        firstBlock = false;
                    }
                    text.append(toText(child));
                }
                return text.toString();
        }
    }
}
