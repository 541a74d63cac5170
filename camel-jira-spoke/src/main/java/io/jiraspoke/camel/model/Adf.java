package io.jiraspoke.camel.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Atlassian Document Format, the rich-text JSON of Jira Cloud v3 (descriptions, comments, worklog comments). Plain
 * text goes in as paragraphs (blank lines separate them, single newlines become hard breaks); plain text comes out of
 * any ADF tree, and of wiki markup as Data Center returns it.
 *
 * <p>The plain text of a document: blocks (paragraphs, headings, code blocks, quotes, panels, lists, tables, ...)
 * are separated by a blank line and hard breaks are newlines. List items are lines of their own, {@code - } for
 * bullets, {@code 1. } for numbers (from the list's start), {@code [ ] } and {@code [x] } for tasks, nested items
 * indented by two spaces. Table rows are lines whose cells are separated by {@code " | "}. A linked text is followed
 * by its URL in brackets, {@code docs (https://..)}, unless the text is the URL. Nodes without text render as what
 * they stand for: a mention as its text ({@code @Grace Hopper}, or {@code @} and the account id), an emoji as its
 * character or short name, a date as its ISO date in UTC, a status lozenge as its text, a card as its URL, media as
 * {@code [attachment: file name]} (or {@code [image: url]} for an external image), a rule as {@code ---}, an expand
 * as its title followed by its content, a panel, layout or bodied extension as its content. Nodes of types not
 * listed (a newer schema) show the text they hold; nothing is ever rendered as JSON.
 */
public final class Adf {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * Beyond this depth the renderer stops formatting and collects the remaining text without recursion, so that a
     * pathological tree cannot exhaust the stack; Jira's own documents are far shallower.
     */
    private static final int MAX_DEPTH = 64;
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");

    private Adf() {
    }

    /** Whether a value already is an ADF document. */
    public static boolean isDocument(JsonNode node) {
        return node != null && node.isObject() && "doc".equals(node.path("type").asText());
    }

    /** Plain text as an ADF document: blank lines separate paragraphs, single newlines are hard breaks. */
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

    /**
     * The plain text of a rich-text value as Jira returns it: an ADF tree (Cloud) rendered as the class description
     * says, or a JSON string (Data Center's wiki markup) with its markup removed by {@link WikiText#toText}. Null
     * and JSON null stay null; the result has no leading or trailing blanks.
     */
    public static String toText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return WikiText.toText(node.asText());
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return blocks(node.isArray() ? node : F.arrayNode().add(node), 0, "\n\n").strip();
    }

    /** The blocks of a container, separated by {@code separator}; inline nodes among them form a paragraph. */
    private static String blocks(JsonNode content, int depth, String separator) {
        List<String> out = new ArrayList<>();
        Inline loose = null;
        for (JsonNode child : content) {
            if (isInline(child)) {
                if (loose == null) {
                    loose = new Inline(new StringBuilder());
                }
                loose.node(child, depth + 1);
                continue;
            }
            if (loose != null) {
                add(out, loose.finish());
                loose = null;
            }
            add(out, block(child, depth + 1));
        }
        if (loose != null) {
            add(out, loose.finish());
        }
        return String.join(separator, out);
    }

    private static void add(List<String> out, String block) {
        if (block != null && !block.isBlank()) {
            out.add(block.strip());
        }
    }

    private static String block(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return flat(node);
        }
        JsonNode attrs = node.path("attrs");
        return switch (type(node)) {
            case "paragraph", "heading", "taskItem", "decisionItem" -> inline(node, depth);
            case "codeBlock" -> text(node.path("content"));
            case "bulletList", "orderedList", "taskList", "decisionList" -> list(node, depth);
            case "table" -> table(node, depth);
            case "rule" -> "---";
            case "mediaSingle", "mediaGroup" -> blocks(node.path("content"), depth, "\n");
            case "media" -> media(attrs);
            case "blockCard", "embedCard" -> card(attrs);
            case "expand", "nestedExpand" -> attrs.path("title").asText("") + "\n"
                                               + blocks(node.path("content"), depth, "\n\n");
            default -> blocks(node.path("content"), depth, "\n\n");
        };
    }

    /** List items one per line, nested lists indented under their item. */
    private static String list(JsonNode list, int depth) {
        String type = type(list);
        long number = list.path("attrs").path("order").asLong(1);
        StringBuilder sb = new StringBuilder();
        for (JsonNode item : list.path("content")) {
            String itemType = type(item);
            String marker;
            String body;
            if (itemType.equals("taskList") || itemType.equals("bulletList") || itemType.equals("orderedList")) {
                // a nested task list sits directly in its parent list: indent it without a marker of its own
                marker = "  ";
                body = block(item, depth + 1);
            } else {
                marker = switch (type) {
                    case "orderedList" -> number++ + ". ";
                    case "taskList" -> "DONE".equalsIgnoreCase(item.path("attrs").path("state").asText())
                            ? "[x] " : "[ ] ";
                    default -> "- ";
                };
                body = itemType.equals("listItem") ? blocks(item.path("content"), depth + 1, "\n")
                        : block(item, depth + 1);
            }
            if (body == null) {
                body = "";
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            String indent = " ".repeat(marker.length());
            Iterator<String> lines = body.strip().lines().iterator();
            sb.append(marker).append(lines.hasNext() ? lines.next() : "");
            while (lines.hasNext()) {
                sb.append('\n').append(indent).append(lines.next());
            }
        }
        return sb.toString();
    }

    /** One line per row, cells separated by {@code " | "}; a cell's own line breaks become spaces. */
    private static String table(JsonNode table, int depth) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode row : table.path("content")) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            boolean first = true;
            for (JsonNode cell : row.path("content")) {
                if (!first) {
                    sb.append(" | ");
                }
                first = false;
                sb.append(LINE_BREAKS.matcher(blocks(cell.path("content"), depth + 2, " ")).replaceAll(" ").strip());
            }
        }
        return sb.toString();
    }

    private static String inline(JsonNode node, int depth) {
        Inline inline = new Inline(new StringBuilder());
        for (JsonNode child : node.path("content")) {
            inline.node(child, depth + 1);
        }
        return inline.finish();
    }

    /**
     * Renders inline nodes, following a run of text that shares one link with the link's URL once, after the run.
     */
    private static final class Inline {
        private final StringBuilder sb;
        private String href;
        private int linkStart;

        Inline(StringBuilder sb) {
            this.sb = sb;
        }

        String finish() {
            endLink();
            return sb.toString();
        }

        void node(JsonNode node, int depth) {
            if (depth > MAX_DEPTH) {
                endLink();
                sb.append(flat(node));
                return;
            }
            JsonNode attrs = node.path("attrs");
            String type = type(node);
            if (!type.equals("text")) {
                endLink();
            }
            switch (type) {
                case "text" -> text(node);
                case "hardBreak" -> sb.append('\n');
                case "mention" -> sb.append(attrs.hasNonNull("text") && !attrs.path("text").asText().isEmpty()
                        ? attrs.path("text").asText() : "@" + attrs.path("id").asText(""));
                case "emoji" -> sb.append(attrs.hasNonNull("text") && !attrs.path("text").asText().isEmpty()
                        ? attrs.path("text").asText() : attrs.path("shortName").asText(""));
                case "date" -> sb.append(date(attrs.path("timestamp")));
                case "status" -> sb.append(attrs.path("text").asText(""));
                case "inlineCard" -> sb.append(card(attrs));
                case "mediaInline", "media" -> sb.append(media(attrs));
                case "placeholder", "inlineExtension" -> {
                    // editor placeholders and macros show no text of their own in Jira's view
                }
                default -> {
                    if (node.has("content")) {
                        for (JsonNode child : node.path("content")) {
                            node(child, depth + 1);
                        }
                        endLink();
                    } else if (node.path("text").isTextual()) {
                        sb.append(node.path("text").asText());
                    } else {
                        sb.append(attrs.path("text").asText(""));
                    }
                }
            }
        }

        private void text(JsonNode node) {
            String link = null;
            for (JsonNode mark : node.path("marks")) {
                if ("link".equals(type(mark))) {
                    link = mark.path("attrs").path("href").asText(null);
                }
            }
            if (link == null || !link.equals(href)) {
                endLink();
                if (link != null) {
                    href = link;
                    linkStart = sb.length();
                }
            }
            sb.append(node.path("text").asText(""));
        }

        /** Closes a run of linked text: {@code text (url)}, or the URL alone when it is the text. */
        void endLink() {
            if (href == null) {
                return;
            }
            String text = sb.substring(linkStart);
            if (text.isBlank()) {
                sb.append(href);
            } else if (!text.strip().equals(href)) {
                sb.append(" (").append(href).append(')');
            }
            href = null;
        }
    }

    private static boolean isInline(JsonNode node) {
        return switch (type(node)) {
            case "text", "hardBreak", "mention", "emoji", "date", "status", "inlineCard", "mediaInline",
                 "placeholder", "inlineExtension" -> true;
            default -> false;
        };
    }

    private static String type(JsonNode node) {
        return node.path("type").asText("");
    }

    private static String text(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : content) {
            sb.append(n.path("text").asText(""));
        }
        return sb.toString();
    }

    /** A file by its name (Jira puts it in {@code alt}) or id; an external image by its URL. */
    private static String media(JsonNode attrs) {
        if ("external".equals(attrs.path("type").asText()) && attrs.hasNonNull("url")) {
            return "[image: " + attrs.path("url").asText() + "]";
        }
        String name = attrs.path("alt").asText("");
        if (name.isBlank()) {
            name = attrs.path("id").asText("");
        }
        return "[attachment: " + name + "]";
    }

    private static String card(JsonNode attrs) {
        if (attrs.hasNonNull("url")) {
            return attrs.path("url").asText();
        }
        JsonNode data = attrs.path("data");
        return data.path("url").asText(data.path("name").asText(""));
    }

    /** ADF dates are milliseconds since the epoch (as text or a number), shown as their day in UTC. */
    private static String date(JsonNode timestamp) {
        String s = timestamp.asText("").strip();
        try {
            return Instant.ofEpochMilli(Long.parseLong(s)).atZone(ZoneOffset.UTC).toLocalDate().toString();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return s;
        }
    }

    /** The text of a subtree, collected without recursion, words separated by blanks. */
    private static String flat(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        Deque<JsonNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            JsonNode n = stack.pop();
            JsonNode own = n.path("text");
            String text = own.isTextual() ? own.asText() : n.path("attrs").path("text").asText("");
            if (!text.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(text);
            }
            JsonNode content = n.path("content");
            for (int i = content.size() - 1; i >= 0; i--) {
                stack.push(content.get(i));
            }
        }
        return sb.toString();
    }
}
