package io.jiraspoke.camel.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WikiText#toText}: Data Center's wiki markup (the notation of Jira's "Text formatting notation help") as the
 * same plain text {@link Adf#toText} gives for the same content on Cloud.
 */
class WikiTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "*strong*, _emphasis_, -deleted-, +inserted+, ^sup^, ~sub~, ??citation??¦strong, emphasis, deleted, inserted, sup, sub, citation",
            "*_both_* and _*both*_¦both and both",
            "{{monospaced *text*}} here¦monospaced text here",
            "in{*}word{*}s and x{_}y{_}z¦inwords and xyz",
            "[Atlassian|https://www.atlassian.com] and [https://example.com] and [https://e.com|https://e.com]¦Atlassian (https://www.atlassian.com) and https://example.com and https://e.com",
            "[tip text|https://example.com|the tip]¦tip text (https://example.com)",
            "[^report.pdf] and [#anchor]¦report.pdf and #anchor",
            "by [~jsmith] and [~accountid:5b10ac8d82e05b22cc7d4ef5]¦by @jsmith and @5b10ac8d82e05b22cc7d4ef5",
            "!screenshot.png! and !trace.png|thumbnail! and !https://example.com/cat.png!¦[attachment: screenshot.png] and [attachment: trace.png] and [image: https://example.com/cat.png]",
            "{color:red}red text{color} in {anchor:here}a line¦red text in a line",
            "line\\\\break¦`line\nbreak`",
            "\\*not bold\\* and \\[not a link\\] and \\{{not mono}}¦*not bold* and [not a link] and {{not mono}}",
            "C:\\Users\\me stays¦C:\\Users\\me stays",
            "well-known, 2026-11-01, a - b, -5 and 10-20¦well-known, 2026-11-01, a - b, -5 and 10-20",
            "2*3*4 and snake_case_name¦2*3*4 and snake_case_name",
            "Grüße *aus* Köln, 東京 _で_ 😀 -gone-¦Grüße aus Köln, 東京 で 😀 gone" })
    void inlineMarkupIsRemovedAndTextKept(String wiki, String text) {
        assertThat(WikiText.toText(wiki)).isEqualTo(text);
    }

    @Test
    void headingsQuotesAndRulesLoseTheirMarkup() {
        assertThat(WikiText.toText("h1. Checkout fails\nh3. Steps\nbq. A quote\n----\n{quote}\nQuoted *twice*\n{quote}"))
                .isEqualTo("Checkout fails\nSteps\nA quote\n---\n\nQuoted twice");
    }

    @Test
    void paragraphsKeepOneBlankLineAndLineBreaksStay() {
        assertThat(WikiText.toText("First line\r\nsecond line\r\n\r\n\r\nNext paragraph\rlast"))
                .isEqualTo("First line\nsecond line\n\nNext paragraph\nlast");
    }

    @Test
    void listsAreNumberedAndIndentedPerLevel() {
        assertThat(WikiText.toText("""
                # Open the basket
                ## with a *saved* card
                ## or a new one
                #* any browser
                # Pay
                * bullet
                ** nested
                - dash item

                # restarts after a blank line"""))
                .isEqualTo("""
                        1. Open the basket
                          1. with a saved card
                          2. or a new one
                          - any browser
                        2. Pay
                        - bullet
                          - nested
                        - dash item

                        1. restarts after a blank line""");
    }

    @Test
    void aLineBreakInAListItemIsIndentedUnderTheItem() {
        assertThat(WikiText.toText("* first\\\\continued\n* second")).isEqualTo("- first\n  continued\n- second");
    }

    @Test
    void tablesAreRowsOfCellsSeparatedByBars() {
        assertThat(WikiText.toText("""
                ||Browser||Result||
                |Firefox|*fails* see [the log|https://example.com/log]|
                |Safari|{{ok|fine}}|
                | |empty first|
                |Edge| |last"""))
                .isEqualTo("Browser | Result\nFirefox | fails see the log (https://example.com/log)\nSafari | ok|fine\n"
                           + " | empty first\nEdge |  | last");
    }

    @Test
    void codeAndNoformatBlocksKeepTheirContentExactly() {
        assertThat(WikiText.toText("""
                Before *it*:
                {code:java}
                int *x* = a[0] | b; // _not_ markup
                {code}
                {noformat}
                h1. stays
                  indented
                {noformat}
                after {code}inline *code*{code} end"""))
                .isEqualTo("Before it:\n\nint *x* = a[0] | b; // _not_ markup\n\nh1. stays\n  indented\n\nafter"
                           + "\n\ninline *code*\n\nend");
    }

    @Test
    void anUnclosedCodeBlockRunsToTheEnd() {
        assertThat(WikiText.toText("Look:\n{code}\n*raw*")).isEqualTo("Look:\n\n*raw*");
    }

    @Test
    void panelsAndOtherMacrosAreTheirContent() {
        assertThat(WikiText.toText("{panel:title=Note|borderStyle=dashed}\nInside the _panel_\n{panel}"))
                .isEqualTo("Inside the panel");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', value = { "`*a `", "`_a `", "`??a `", "`{{a `", "`{abc:d `", "`[~x `" })
    void aLongLineOfUnclosedMarkupStaysAsWrittenQuickly(String opener) {
        String wiki = opener.repeat(15_000);

        long start = System.nanoTime();
        String text = WikiText.toText(wiki);

        assertThat(text).isEqualTo(wiki.strip());
        // a quadratic scan of this line takes minutes; a linear one milliseconds, even on a busy machine
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(5_000_000_000L);
    }

    @Test
    void nullStaysNullAndEmptyIsEmpty() {
        assertThat(WikiText.toText(null)).isNull();
        assertThat(WikiText.toText("")).isEmpty();
        assertThat(WikiText.toText("\n{quote}\n\n")).isEmpty();
    }
}
