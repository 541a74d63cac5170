package io.jiraspoke.camel.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * A CommonMark tree as Jira wiki markup for Data Center: {@code h2.} headings, {@code *} and {@code #} lists
 * ({@code *#} when nested), {@code *strong*}, {@code _em_}, {@code -strike-}, {@code {{code}}}, {@code [text|url]},
 * {@code {code:lang}} (or {@code {noformat}} without a language), {@code {quote}}, {@code ----} and {@code [~name]}
 * mentions. Characters that mean something in wiki markup are escaped with a backslash so that the text reads as
 * written. Wiki markup cannot say everything Markdown can: an ordered list always counts from 1, further paragraphs of
 * a list item join its line after a line break ({@code \\}), a code block inside a list item ends the list, quotes do
 * not nest, and a soft line break is a space (as on Cloud).
 */
final class MarkdownWiki {

    /** Languages as Jira's {code} macro names them; anything else goes without a language. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#-]+");

    private MarkdownWiki() {
    }

    static String render(Node document) {
        return String.join("\n\n", blocks(document, false)).strip();
    }

    private static List<String> blocks(Node parent, boolean inQuote) {
        List<String> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            String b = block(n, inQuote);
            if (b != null && !b.isBlank()) {
                out.add(b);
            }
        }
        return out;
    }

    private static String block(Node n, boolean inQuote) {
        if (n instanceof Paragraph) {
            return inline(n, false);
        }
        if (n instanceof Heading h) {
            return "h" + h.getLevel() + ". " + inline(h, true);
        }
        if (n instanceof ListBlock list) {
            StringBuilder sb = new StringBuilder();
            list(list, "", sb);
            return sb.toString();
        }
        if (n instanceof BlockQuote) {
            String content = String.join("\n\n", blocks(n, true));
            // {quote} macros do not nest: the first closing tag would end the outer quote
            return inQuote || content.isBlank() ? content : "{quote}\n" + content + "\n{quote}";
        }
        if (n instanceof FencedCodeBlock code) {
            return code(code.getLiteral(), code.getInfo());
        }
        if (n instanceof IndentedCodeBlock code) {
            return code(code.getLiteral(), null);
        }
        if (n instanceof ThematicBreak) {
            return "----";
        }
        if (n instanceof HtmlBlock html) {
            StringBuilder sb = new StringBuilder();
            escape(html.getLiteral().strip(), sb);
            return sb.toString();
        }
        if (n instanceof LinkReferenceDefinition) {
            return null;
        }
        // a block type of a later commonmark release: keep what it holds
        return String.join("\n\n", blocks(n, inQuote));
    }

    private static void list(ListBlock list, String outer, StringBuilder sb) {
        String marker = outer + (list instanceof BulletList ? "*" : "#");
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(marker).append(' ');
            List<String> after = new ArrayList<>();
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph || child instanceof Heading) {
                    if (!first) {
                        sb.append("\\\\");
                    }
                    sb.append(inline(child, true));
                    first = false;
                } else if (child instanceof ListBlock nested) {
                    StringBuilder lines = new StringBuilder();
                    list(nested, marker, lines);
                    sb.append('\n').append(lines);
                } else {
                    String b = block(child, false);
                    if (b != null && !b.isBlank()) {
                        after.add(b);
                    }
                }
            }
            for (String b : after) {
                sb.append('\n').append(b);
            }
        }
    }

    private static String code(String literal, String info) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        String language = info == null || info.isBlank() ? null : info.strip().split("\\s+", 2)[0];
        if (language != null && LANGUAGE.matcher(language).matches() && !text.contains("{code")) {
            return "{code:" + language + "}\n" + text + "\n{code}";
        }
        return "{noformat}\n" + text + "\n{noformat}";
    }

    /** The inline content of a block; {@code oneLine} where a newline would end it (list items, headings). */
    private static String inline(Node parent, boolean oneLine) {
        StringBuilder sb = new StringBuilder();
        children(parent, sb, oneLine, false);
        return sb.toString();
    }

    private static void children(Node parent, StringBuilder sb, boolean oneLine, boolean inLink) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, sb, oneLine, inLink);
        }
    }

    private static void inline(Node n, StringBuilder sb, boolean oneLine, boolean inLink) {
        if (n instanceof Text t) {
            if (inLink) {
                escape(t.getLiteral(), sb);
            } else {
                Markdown.scanMentions(t.getLiteral(), new Markdown.MentionSink() {
                    @Override
                    public void text(String text) {
                        escape(text, sb);
                    }

                    @Override
                    public void mention(String id) {
                        sb.append("[~").append(id).append(']');
                    }
                });
            }
        } else if (n instanceof Code code) {
            sb.append("{{");
            // monospace text is still read as markup by Jira
            escape(code.getLiteral(), sb);
            sb.append("}}");
        } else if (n instanceof Emphasis) {
            effect(n, "_", sb, oneLine, inLink);
        } else if (n instanceof StrongEmphasis) {
            effect(n, "*", sb, oneLine, inLink);
        } else if (n instanceof Strikethrough) {
            effect(n, "-", sb, oneLine, inLink);
        } else if (n instanceof Link link) {
            link(n, link.getDestination(), sb, oneLine);
        } else if (n instanceof Image image) {
            link(n, image.getDestination(), sb, oneLine);
        } else if (n instanceof SoftLineBreak) {
            sb.append(' ');
        } else if (n instanceof HardLineBreak) {
            sb.append(oneLine ? "\\\\" : "\n");
        } else if (n instanceof HtmlInline html) {
            escape(html.getLiteral(), sb);
        } else {
            children(n, sb, oneLine, inLink);
        }
    }

    /**
     * {@code *strong*}, {@code _em_} or {@code -strike-}. Wiki effects need a blank or punctuation outside and text
     * inside: blanks at the edges move out, and inside a word the {@code {*}..{*}} form is used.
     */
    private static void effect(Node n, String mark, StringBuilder sb, boolean oneLine, boolean inLink) {
        StringBuilder inner = new StringBuilder();
        children(n, inner, oneLine, inLink);
        String content = inner.toString();
        String core = content.strip();
        if (core.isEmpty()) {
            sb.append(content);
            return;
        }
        int lead = content.indexOf(core);
        sb.append(content, 0, lead);
        boolean inWord = sb.length() > 0 && Character.isLetterOrDigit(sb.charAt(sb.length() - 1))
                         || n.getNext() instanceof Text next && !next.getLiteral().isEmpty()
                            && Character.isLetterOrDigit(next.getLiteral().charAt(0));
        String open = inWord ? "{" + mark + "}" : mark;
        sb.append(open).append(core).append(open);
        sb.append(content, lead + core.length(), content.length());
    }

    private static void link(Node n, String href, StringBuilder sb, boolean oneLine) {
        StringBuilder text = new StringBuilder();
        children(n, text, oneLine, true);
        if (href == null || href.isBlank()) {
            sb.append(text);
            return;
        }
        String url = href.replace("|", "%7C").replace("]", "%5D").replace(" ", "%20");
        sb.append('[');
        if (text.length() > 0 && !text.toString().equals(href)) {
            sb.append(text).append('|');
        }
        sb.append(url).append(']');
    }

    /**
     * Text with the characters that wiki markup would read as markup escaped: effects, macros, links, tables and
     * images always; a hyphen unless it sits inside a word or between blanks mid-line (where it is neither a list
     * nor a strikethrough); {@code ??} (citations); {@code #} at the start of a line (a numbered list).
     */
    private static void escape(String text, StringBuilder sb) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char prev = sb.length() == 0 ? '\n' : sb.charAt(sb.length() - 1);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            boolean escape = switch (c) {
                case '*', '_', '+', '^', '~', '{', '}', '[', ']', '|', '!' -> true;
                case '-' -> !(Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next))
                            && !((prev == ' ' || prev == '\t') && Character.isWhitespace(next));
                case '?' -> next == '?' || prev == '?';
                case '#' -> prev == '\n';
                default -> false;
            };
            if (escape) {
                sb.append('\\');
            }
            sb.append(c);
        }
    }
}
