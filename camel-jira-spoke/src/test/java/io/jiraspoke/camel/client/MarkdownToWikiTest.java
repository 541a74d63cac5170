package io.jiraspoke.camel.client;

import java.util.stream.Stream;

import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.Adf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Markdown to Jira wiki markup on Data Center, through {@link JiraDialect#richText}: every construct in the
 * notation of Jira's "Text formatting notation help", and text that would read as markup escaped.
 */
class MarkdownToWikiTest {

    static Stream<Arguments> inline() {
        return Stream.of(
                arguments("# One", "h1. One"),
                arguments("###### Six", "h6. Six"),
                arguments("*em* **strong** ~~gone~~ ***both***", "_em_ *strong* -gone- _*both*_"),
                arguments("in**side**word and in*ner*most", "in{*}side{*}word and in{_}ner{_}most"),
                arguments("** spaced ** stays", "\\*\\* spaced \\*\\* stays"),
                arguments("Run `mvn -q verify` or `a*b`", "Run {{mvn \\-q verify}} or {{a\\*b}}"),
                arguments("[docs](https://example.com/docs) <https://example.com> [](https://example.com/e) [x]()", "[docs|https://example.com/docs] [https://example.com] [https://example.com/e] x"),
                arguments("[a|b](<https://example.com/?q=a|b c>)", "[a\\|b|https://example.com/?q=a%7Cb%20c]"),
                arguments("![screenshot](https://example.com/s.png)", "[screenshot|https://example.com/s.png]"),
                arguments("by [~jsmith] and [~accountid:5b10ac8d82e05b22cc7d4ef5], not `[~code]`", "by [~jsmith] and [~5b10ac8d82e05b22cc7d4ef5], not {{\\[\\~code\\]}}"),
                arguments("line one\nline two  \nline three", "line one line two\nline three"),
                arguments("a * b _ c + d ^ e ~ f {g} [h] i|j !k", "a \\* b \\_ c \\+ d \\^ e \\~ f \\{g\\} \\[h\\] i\\|j \\!k"),
                arguments("well-known, a - b, -5, 10-20 and -- or ---", "well-known, a - b, \\-5, 10-20 and \\-\\- or \\-\\-\\-"),
                arguments("Why?? Because.", "Why\\?\\? Because."),
                arguments("x\\\n\\# literal hash after a break", "x\n\\# literal hash after a break"),
                arguments("Grüße aus **Köln**, 東京 *で* 😀", "Grüße aus *Köln*, 東京 _で_ 😀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inline")
    void inlineMarkupAndEscapes(String markdown, String wiki) {
        assertThat(wiki(markdown)).isEqualTo(wiki);
    }

    @Test
    void listsNestWithCombinedMarkersAndMoreParagraphsJoinTheItemLine() {
        assertThat(wiki("""
                - Open the basket
                - Pay

                  with a **saved** card
                  1. first
                  2. second
                     - any browser
                - # heading item

                3. three
                4. four
                """)).isEqualTo("""
                * Open the basket
                * Pay\\\\with a *saved* card
                *# first
                *# second
                *#* any browser
                * heading item

                # three
                # four""");
    }

    @Test
    void aCodeBlockInAListItemFollowsTheItemLine() {
        assertThat(wiki("- run\n\n  ```sh\n  mvn verify\n  ```\n- done")).isEqualTo(
                "* run\n{code:sh}\nmvn verify\n{code}\n* done");
    }

    @Test
    void codeBlocksWithAndWithoutALanguage() {
        assertThat(wiki("```java\nint x = a * b; // {{not mono}}\n```\n\n    indented *raw*\n\n"
                        + "```weird lang!\nx\n```\n\n```java\nString s = \"{code}\";\n```")).isEqualTo("""
                {code:java}
                int x = a * b; // {{not mono}}
                {code}

                {noformat}
                indented *raw*
                {noformat}

                {code:weird}
                x
                {code}

                {noformat}
                String s = "{code}";
                {noformat}""");
    }

    @Test
    void quotesAreQuoteMacrosThatDoNotNest() {
        assertThat(wiki("> Quoted *text*\n>\n> - item\n> > nested\n\nAfter")).isEqualTo("""
                {quote}
                Quoted _text_

                * item

                nested
                {quote}

                After""");
    }

    @Test
    void rulesHtmlAndReferenceDefinitions() {
        assertThat(wiki("Above\n\n---\n\n<div>*html*</div>\n\n[ref][1]\n\n[1]: https://example.com/r")).isEqualTo(
                "Above\n\n----\n\n<div>\\*html\\*</div>\n\n[ref|https://example.com/r]");
    }

    @Test
    void textFormatSendsTheTextAsIsSoThatItMayCarryWikiMarkup() {
        assertThat(JiraDialect.DATA_CENTER.richText("h1. Title\n*bold* [~jsmith]", TextFormat.TEXT, "issue/create",
                "description")).isEqualTo("h1. Title\n*bold* [~jsmith]");
        assertThat(JiraDialect.DATA_CENTER.richText("**x**", null, "issue/create", "description")).isEqualTo("**x**");
    }

    @Test
    void adfIsRefusedWhateverTheFormat() {
        assertThatThrownBy(() -> JiraDialect.DATA_CENTER.richText(Adf.fromText("x"), TextFormat.MARKDOWN,
                "issue/addWorklog", "comment"))
                .isInstanceOf(JiraSpokeInputException.class)
                .hasMessage("issue/addWorklog: field 'comment' must be text on Jira Data Center (wiki markup, or"
                            + " Markdown with textFormat=markdown); ADF documents are only understood by Jira"
                            + " Cloud, got a JSON object of type 'doc'");
    }

    @Test
    void theWikiMarkupReadsBackAsTheSameTextAsTheAdf() {
        String markdown = "# Checkout\n\nPaying with a **saved** card fails, see [the log](https://example.com/l)."
                          + "\n\n- Open the basket\n- Pay\n  - by card\n\n> Seen by [~jsmith]\n\n```\ntrace\n```";

        String fromWiki = io.jiraspoke.camel.model.WikiText.toText(wiki(markdown));
        String fromAdf = Adf.toText((com.fasterxml.jackson.databind.JsonNode) JiraDialect.CLOUD.richText(
                markdown.replace("[~jsmith]", "[~accountid:jsmith]"), TextFormat.MARKDOWN, "issue/create",
                "description"));

        assertThat(fromWiki).isEqualTo(fromAdf).isEqualTo("""
                Checkout

                Paying with a saved card fails, see the log (https://example.com/l).

                - Open the basket
                - Pay
                  - by card

                Seen by @jsmith

                trace""");
    }

    private static String wiki(String markdown) {
        return (String) JiraDialect.DATA_CENTER.richText(markdown, TextFormat.MARKDOWN, "issue/create",
                "description");
    }
}
