package io.jiraspoke.camel.client;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Markdown bodies: CommonMark parsed by commonmark-java, with GFM strikethrough ({@code ~~gone~~}, two tildes, so
 * that a single tilde in prose stays a tilde) and Jira's mention syntax {@code [~accountid:...]} or {@code [~name]}
 * in text. CommonMark leaves such a bracket as literal text, so a mention never collides with Markdown, and the
 * same text means the same user in Jira's own wiki markup. Rendered to ADF for Cloud ({@link MarkdownAdf}) and to
 * wiki markup for Data Center ({@link MarkdownWiki}).
 */
final class Markdown {

    /**
     * Nesting bounds for the parser: deeper quotes, lists and emphasis stay literal text, so the recursive renderers
     * never meet a tree deeper than a few dozen levels, whatever the input.
     */
    private static final int MAX_BLOCK_NESTING = 24;
    private static final int MAX_INLINE_NESTING = 24;

    /** commonmark-java's parser is immutable and thread-safe once built. */
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(StrikethroughExtension.builder().requireTwoTildes(true).build()))
            .maxOpenBlockParsers(MAX_BLOCK_NESTING)
            .maxInlineNesting(MAX_INLINE_NESTING)
            .build();

    /**
     * {@code [~accountid:ID]} or {@code [~ID]}: the id runs to the closing bracket and holds no blank; the prefix, once
     * there, is never taken for the id ({@code [~accountid:]} is no mention).
     */
    static final Pattern MENTION = Pattern.compile("\\[~(?:(?i:accountid):)?+([^\\]\\s]+)]");

    private Markdown() {
    }

    static ObjectNode toAdf(String markdown) {
        return MarkdownAdf.render(parse(markdown));
    }

    static String toWiki(String markdown) {
        return MarkdownWiki.render(parse(markdown));
    }

    private static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** Receives the pieces of a text literal: plain runs and mentioned user ids, in order. */
    interface MentionSink {
        void text(String text);

        void mention(String id);
    }

    /** Splits a text literal into plain runs and mentions. */
    static void scanMentions(String literal, MentionSink sink) {
        if (literal.indexOf("[~") < 0) {
            sink.text(literal);
            return;
        }
        Matcher m = MENTION.matcher(literal);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                sink.text(literal.substring(at, m.start()));
            }
            sink.mention(m.group(1));
            at = m.end();
        }
        if (at < literal.length()) {
            sink.text(literal.substring(at));
        }
    }
}
