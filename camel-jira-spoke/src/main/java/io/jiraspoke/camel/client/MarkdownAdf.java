package io.jiraspoke.camel.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * A CommonMark tree as an ADF document that Jira Cloud accepts. ADF is stricter than Markdown about what may hold
 * what, so some Markdown nests are flattened, keeping every word: a list item starts with a paragraph (an empty one
 * when it opens with a nested list), quotes and list items hold no headings (they become paragraphs), no quotes (their
 * blocks join the parent) and no rules (dropped), and the {@code code} mark combines with no mark but {@code link}.
 * A soft line break is a space, as CommonMark says; a hard break (two trailing spaces or a backslash) a
 * {@code hardBreak}. Images become their text linked to the image's URL. HTML stays literal text.
 */
final class MarkdownAdf {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ArrayNode NO_MARKS = F.arrayNode();

    /** Where a block sits, which decides what ADF lets it be. */
    private enum Container { DOC, QUOTE, LIST_ITEM }

    private MarkdownAdf() {
    }

    static ObjectNode render(Node document) {
        ObjectNode doc = F.objectNode().put("type", "doc").put("version", 1);
        blocks(document, doc.putArray("content"), Container.DOC);
        return doc;
    }

    private static void blocks(Node parent, ArrayNode out, Container in) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            block(n, out, in);
        }
    }

    private static void block(Node n, ArrayNode out, Container in) {
        if (n instanceof Paragraph) {
            paragraph(n, out);
        } else if (n instanceof Heading h) {
            if (in == Container.DOC) {
                ObjectNode heading = out.addObject().put("type", "heading");
                heading.putObject("attrs").put("level", h.getLevel());
                inlines(h, heading.putArray("content"));
            } else {
                paragraph(h, out);
            }
        } else if (n instanceof ListBlock list) {
            list(list, out);
        } else if (n instanceof BlockQuote) {
            if (in == Container.DOC) {
                ArrayNode content = F.arrayNode();
                blocks(n, content, Container.QUOTE);
                if (!content.isEmpty()) {
                    out.addObject().put("type", "blockquote").set("content", content);
                }
            } else {
                blocks(n, out, in);
            }
        } else if (n instanceof FencedCodeBlock code) {
            codeBlock(code.getLiteral(), language(code.getInfo()), out);
        } else if (n instanceof IndentedCodeBlock code) {
            codeBlock(code.getLiteral(), null, out);
        } else if (n instanceof ThematicBreak) {
            if (in == Container.DOC) {
                out.addObject().put("type", "rule");
            }
        } else if (n instanceof HtmlBlock html) {
            literalParagraph(html.getLiteral(), out);
        } else if (!(n instanceof LinkReferenceDefinition)) {
            // a block type of a later commonmark release: keep what it holds
            blocks(n, out, in);
        }
    }

    private static void paragraph(Node n, ArrayNode out) {
        ObjectNode p = out.addObject().put("type", "paragraph");
        inlines(n, p.putArray("content"));
    }

    private static void list(ListBlock list, ArrayNode out) {
        ObjectNode node = out.addObject().put("type", list instanceof BulletList ? "bulletList" : "orderedList");
        if (list instanceof OrderedList ordered) {
            Integer start = ordered.getMarkerStartNumber();
            if (start != null && start != 1) {
                node.putObject("attrs").put("order", start);
            }
        }
        ArrayNode items = node.putArray("content");
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            ArrayNode content = F.arrayNode();
            blocks(item, content, Container.LIST_ITEM);
            String first = content.isEmpty() ? "" : content.get(0).path("type").asText();
            if (!first.equals("paragraph") && !first.equals("codeBlock")) {
                // ADF: a list item starts with a paragraph or code block, never with a nested list or nothing
                content.insertObject(0).put("type", "paragraph").putArray("content");
            }
            items.addObject().put("type", "listItem").set("content", content);
        }
    }

    private static void codeBlock(String literal, String language, ArrayNode out) {
        ObjectNode code = out.addObject().put("type", "codeBlock");
        if (language != null) {
            code.putObject("attrs").put("language", language);
        }
        ArrayNode content = code.putArray("content");
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
    }

    /** The language of a fenced block: the first word of its info string, as CommonMark renderers take it. */
    private static String language(String info) {
        if (info == null || info.isBlank()) {
            return null;
        }
        String s = info.strip();
        int blank = 0;
        while (blank < s.length() && !Character.isWhitespace(s.charAt(blank))) {
            blank++;
        }
        return s.substring(0, blank);
    }

    private static void literalParagraph(String literal, ArrayNode out) {
        String text = literal.strip();
        if (text.isEmpty()) {
            return;
        }
        Inlines inline = new Inlines(out.addObject().put("type", "paragraph").putArray("content"));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                inline.node(F.objectNode().put("type", "hardBreak"));
            }
            inline.text(lines[i], NO_MARKS);
        }
        inline.flush();
    }

    private static void inlines(Node parent, ArrayNode out) {
        Inlines inline = new Inlines(out);
        inline.children(parent, NO_MARKS);
        inline.flush();
    }

    /**
     * Collects the inline nodes of one block. Adjacent text with the same marks (Markdown splits text at every
     * break and bracket) becomes one text node, built in a buffer so that long paragraphs stay linear.
     */
    private static final class Inlines {
        private final ArrayNode out;
        private final StringBuilder pending = new StringBuilder();
        private ArrayNode pendingMarks;
        /** How many texts and nodes were added, to tell whether a link had any text. */
        private int pieces;

        Inlines(ArrayNode out) {
            this.out = out;
        }

        void children(Node parent, ArrayNode marks) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                inline(n, marks);
            }
        }

        private void inline(Node n, ArrayNode marks) {
            if (n instanceof Text t) {
                Markdown.scanMentions(t.getLiteral(), new Markdown.MentionSink() {
                    @Override
                    public void text(String text) {
                        Inlines.this.text(text, marks);
                    }

                    @Override
                    public void mention(String id) {
                        ObjectNode mention = F.objectNode().put("type", "mention");
                        mention.putObject("attrs").put("id", id);
                        node(mention);
                    }
                });
            } else if (n instanceof Code code) {
                ArrayNode codeMarks = F.arrayNode();
                for (JsonNode m : marks) {
                    if ("link".equals(m.path("type").asText())) {
                        codeMarks.add(m);
                    }
                }
                codeMarks.addObject().put("type", "code");
                text(code.getLiteral(), codeMarks);
            } else if (n instanceof Emphasis) {
                children(n, with(marks, "em"));
            } else if (n instanceof StrongEmphasis) {
                children(n, with(marks, "strong"));
            } else if (n instanceof Strikethrough) {
                children(n, with(marks, "strike"));
            } else if (n instanceof Link link) {
                linked(n, link.getDestination(), link.getTitle(), marks);
            } else if (n instanceof Image image) {
                linked(n, image.getDestination(), image.getTitle(), marks);
            } else if (n instanceof SoftLineBreak) {
                text(" ", marks);
            } else if (n instanceof HardLineBreak) {
                node(F.objectNode().put("type", "hardBreak"));
            } else if (n instanceof HtmlInline html) {
                text(html.getLiteral(), marks);
            } else {
                children(n, marks);
            }
        }

        /** A link's (or image's) text with a link mark; without text it shows its URL, without URL its text. */
        private void linked(Node n, String href, String title, ArrayNode marks) {
            if (href == null || href.isBlank()) {
                children(n, marks);
                return;
            }
            ObjectNode link = F.objectNode().put("type", "link");
            ObjectNode attrs = link.putObject("attrs").put("href", href);
            if (title != null && !title.isEmpty()) {
                attrs.put("title", title);
            }
            ArrayNode linkMarks = with(marks, link);
            int before = pieces;
            children(n, linkMarks);
            if (pieces == before) {
                text(href, linkMarks);
            }
        }

        void text(String text, ArrayNode marks) {
            if (text.isEmpty()) {
                return;
            }
            if (pending.length() > 0 && !pendingMarks.equals(marks)) {
                flush();
            }
            pendingMarks = marks;
            pending.append(text);
            pieces++;
        }

        void node(ObjectNode node) {
            flush();
            out.add(node);
            pieces++;
        }

        void flush() {
            if (pending.length() == 0) {
                return;
            }
            ObjectNode node = out.addObject().put("type", "text").put("text", pending.toString());
            if (!pendingMarks.isEmpty()) {
                node.set("marks", pendingMarks.deepCopy());
            }
            pending.setLength(0);
        }
    }

    private static ArrayNode with(ArrayNode marks, String type) {
        return with(marks, F.objectNode().put("type", type));
    }

    /** The marks plus one more, unless one of its type is already there (ADF refuses a mark twice). */
    private static ArrayNode with(ArrayNode marks, ObjectNode mark) {
        String type = mark.path("type").asText();
        for (JsonNode m : marks) {
            if (m.path("type").asText().equals(type)) {
                return marks;
            }
        }
        ArrayNode copy = marks.deepCopy();
        copy.add(mark);
        return copy;
    }
}
