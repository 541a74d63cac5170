package io.jiraspoke.camel.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.model.Adf;
import io.jiraspoke.camel.model.WikiText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips through the rich-text converters, with jqwik: what a user writes, as plain text or as Markdown of
 * generated shapes, comes back from ADF (Cloud) and from wiki markup (Data Center) with the same words in the same
 * order, whitespace aside, umlauts, CJK and emoji included; and no input makes a converter throw.
 */
class RichTextRoundTripPropertiesTest {

    /** The pieces words are made of: letters of several scripts, digits, emoji (some with modifiers). */
    private static final String[] GRAPHEMES = {
        "a", "b", "k", "z", "Q", "7", "0", "ä", "ö", "ü", "ß", "Ü", "é", "ñ", "ø", "日", "本", "東", "京", "한",
        "й", "ж", "λ", "😀", "👍🏽", "🇩🇪", "❤️"
    };
    private static final String[] SEPARATORS = { " ", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\n \n" };
    private static final String URL = "https://example.com/";

    // plain text

    @Property(tries = 300)
    void plainTextKeepsItsWordsThroughAdf(@ForAll("plainText") String text) {
        assertThat(words(Adf.toText(Adf.fromText(text)))).isEqualTo(words(text));
    }

    @Property(tries = 300)
    void plainTextKeepsItsWordsThroughTheCloudDialect(@ForAll("plainText") String text) {
        JsonNode adf = (JsonNode) JiraDialect.CLOUD.richText(text, TextFormat.TEXT, "issue/create", "description");

        assertThat(words(JiraDialect.CLOUD.text(adf))).isEqualTo(words(text));
    }

    // Markdown of generated shapes

    @Property(tries = 300)
    void markdownKeepsItsWordsThroughAdf(@ForAll("markdown") Part doc) {
        JsonNode adf = (JsonNode) JiraDialect.CLOUD.richText(doc.markdown(), TextFormat.MARKDOWN, "issue/create",
                "description");

        assertThat(words(Adf.toText(adf))).as(doc.markdown()).isEqualTo(doc.words());
    }

    @Property(tries = 300)
    void markdownKeepsItsWordsThroughWikiMarkup(@ForAll("markdown") Part doc) {
        String wiki = (String) JiraDialect.DATA_CENTER.richText(doc.markdown(), TextFormat.MARKDOWN, "issue/create",
                "description");

        assertThat(words(WikiText.toText(wiki))).as(doc.markdown() + "\n=>\n" + wiki).isEqualTo(doc.words());
    }

    // anything at all

    @Property(tries = 500)
    void noInputMakesAConverterThrow(@ForAll("anything") String input) {
        JsonNode adf = (JsonNode) JiraDialect.CLOUD.richText(input, TextFormat.MARKDOWN, "issue/create",
                "description");
        String wiki = (String) JiraDialect.DATA_CENTER.richText(input, TextFormat.MARKDOWN, "issue/create",
                "description");

        assertThat(Adf.isDocument(adf)).isTrue();
        assertThat(Adf.toText(adf)).isNotNull();
        assertThat(WikiText.toText(wiki)).isNotNull();
        assertThat(WikiText.toText(input)).isNotNull();
        assertThat(words(Adf.toText(Adf.fromText(input)))).isEqualTo(words(input));
    }

    @Provide
    Arbitrary<String> plainText() {
        return Combinators.combine(word().list().ofMinSize(1).ofMaxSize(30),
                        Arbitraries.of(SEPARATORS).list().ofSize(30))
                .as((words, separators) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        sb.append(separators.get(i)).append(words.get(i));
                    }
                    return sb.toString();
                });
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                // markup characters, and a lone high surrogate (half an emoji) among them
                Arbitraries.strings().withChars("*_-+^~?{}[]|!#\\`<>()=.:&;/ \n\tax7ü日\uD83D").ofMaxLength(200),
                Arbitraries.of("[~", "[~accountid:", "]", "**", "~~", "`", "```", "> ", "- ", "1. ", "    ", "\n",
                               "\n\n", "{code}", "{noformat}", "{{", "}}", "h1. ", "||", "|", "!", "\\\\", "x", "😀",
                               "ß", " ").list().ofMaxSize(60).map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<Part> markdown() {
        Arbitrary<Part> block = Arbitraries.frequencyOf(
                Tuple.of(4, paragraph()),
                Tuple.of(1, heading()),
                Tuple.of(2, list(2)),
                Tuple.of(1, codeBlock()),
                Tuple.of(1, quote()),
                Tuple.of(1, Arbitraries.just(new Part("---", List.of("---"), false))));
        return block.list().ofMinSize(1).ofMaxSize(6).map(blocks -> {
            List<Part> parts = new ArrayList<>();
            for (Part b : blocks) {
                if (!parts.isEmpty() && parts.get(parts.size() - 1).list() && b.list()) {
                    // two lists in a row would be one list to Markdown: a paragraph keeps them apart
                    parts.add(new Part("between", List.of("between"), false));
                }
                parts.add(b);
            }
            return join(parts, "\n\n");
        });
    }

    /** Markdown text and the words its plain text must have; whether it is a list. */
    record Part(String markdown, List<String> words, boolean list) {
    }

    private Arbitrary<String> word() {
        return Arbitraries.of(GRAPHEMES).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
    }

    private Arbitrary<Part> words() {
        return word().list().ofMinSize(1).ofMaxSize(3).map(w -> new Part(String.join(" ", w), w, false));
    }

    /** One inline span: plain words, emphasis, code, a link or a mention. */
    private Arbitrary<Part> span() {
        Arbitrary<String> id = Arbitraries.strings().withCharRange('a', 'f').numeric().ofMinLength(6).ofMaxLength(24);
        return Arbitraries.oneOf(
                words(),
                words().map(p -> wrap("**", p)),
                words().map(p -> wrap("*", p)),
                words().map(p -> wrap("_", p)),
                words().map(p -> wrap("~~", p)),
                words().map(p -> wrap("`", p)),
                Combinators.combine(words(), words(), words()).as((a, b, c) -> new Part(
                        "**" + a.markdown() + " *" + b.markdown() + "* " + c.markdown() + "**",
                        concat(a.words(), b.words(), c.words()), false)),
                Combinators.combine(words(), id).as((p, path) -> new Part(
                        "[" + p.markdown() + "](" + URL + path + ")", concat(p.words(), List.of("(" + URL + path + ")")),
                        false)),
                id.map(i -> new Part("[~accountid:" + i + "]", List.of("@" + i), false)));
    }

    private Arbitrary<Part> inline(boolean breaks) {
        Arbitrary<String> separator = breaks ? Arbitraries.of(" ", " ", "  \n", "\\\n") : Arbitraries.just(" ");
        return Combinators.combine(span().list().ofMinSize(1).ofMaxSize(4), separator.list().ofSize(4))
                .as((spans, separators) -> {
                    StringBuilder md = new StringBuilder();
                    List<String> words = new ArrayList<>();
                    for (int i = 0; i < spans.size(); i++) {
                        if (i > 0) {
                            md.append(separators.get(i));
                        }
                        md.append(spans.get(i).markdown());
                        words.addAll(spans.get(i).words());
                    }
                    return new Part(md.toString(), words, false);
                });
    }

    private Arbitrary<Part> paragraph() {
        return inline(true);
    }

    private Arbitrary<Part> heading() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), inline(false))
                .as((level, p) -> new Part("#".repeat(level) + " " + p.markdown(), p.words(), false));
    }

    private Arbitrary<Part> codeBlock() {
        return Combinators.combine(Arbitraries.of("", "java", "json", "sh"), words().list().ofMinSize(1).ofMaxSize(3))
                .as((language, lines) -> {
                    List<String> words = new ArrayList<>();
                    StringBuilder md = new StringBuilder("```" + language + "\n");
                    for (Part line : lines) {
                        md.append(line.markdown()).append('\n');
                        words.addAll(line.words());
                    }
                    return new Part(md.append("```").toString(), words, false);
                });
    }

    private Arbitrary<Part> quote() {
        return inline(true).map(p -> new Part("> " + p.markdown().replace("\n", "\n> "), p.words(), false));
    }

    /** A list whose items may hold a list, {@code depth} levels at most; ordered items show their number. */
    private Arbitrary<Part> list(int depth) {
        Arbitrary<Part> nested = depth > 1 ? Arbitraries.oneOf(Arbitraries.just(new Part("", List.of(), false)),
                Arbitraries.lazy(() -> list(depth - 1))) : Arbitraries.just(new Part("", List.of(), false));
        Arbitrary<List<Part[]>> items = Combinators.combine(inline(false), nested).as((p, n) -> new Part[] { p, n })
                .list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(true, false), items).as((ordered, list) -> {
            StringBuilder md = new StringBuilder();
            List<String> words = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String marker = ordered ? (i + 1) + ". " : "- ";
                Part text = list.get(i)[0];
                Part child = list.get(i)[1];
                if (i > 0) {
                    md.append('\n');
                }
                md.append(marker).append(text.markdown());
                words.add(marker.strip());
                words.addAll(text.words());
                if (!child.markdown().isEmpty()) {
                    String indent = " ".repeat(marker.length());
                    md.append('\n').append(indent).append(child.markdown().replace("\n", "\n" + indent));
                    words.addAll(child.words());
                }
            }
            return new Part(md.toString(), words, true);
        });
    }

    private static Part wrap(String marker, Part p) {
        return new Part(marker + p.markdown() + marker, p.words(), false);
    }

    private static Part join(List<Part> parts, String separator) {
        List<String> markdown = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Part p : parts) {
            markdown.add(p.markdown());
            words.addAll(p.words());
        }
        return new Part(String.join(separator, markdown), words, false);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** The words of a text: what is left between runs of whitespace (Java's or Unicode's). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
