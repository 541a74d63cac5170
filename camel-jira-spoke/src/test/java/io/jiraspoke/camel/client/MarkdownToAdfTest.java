package io.jiraspoke.camel.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Markdown to ADF on Cloud, through {@link JiraDialect#richText}: every construct, the nests ADF does not allow, and
 * the documents exactly as sent (node and mark names and attrs as in Atlassian's ADF reference).
 */
class MarkdownToAdfTest {

    @Test
    void headingsOfEveryLevel() {
        assertAdf("# One\n## Two\n### Three\n#### Four\n##### Five\nSix\n======", """
                {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"One"}]},
                {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Two"}]},
                {"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"Three"}]},
                {"type":"heading","attrs":{"level":4},"content":[{"type":"text","text":"Four"}]},
                {"type":"heading","attrs":{"level":5},"content":[{"type":"text","text":"Five"}]},
                {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Six"}]}""");
    }

    @Test
    void paragraphsSoftBreaksAreSpacesAndHardBreaksAreHardBreaks() {
        assertAdf("First line\nsame paragraph  \nafter two spaces\\\nafter a backslash\n\nSecond", """
                {"type":"paragraph","content":[
                  {"type":"text","text":"First line same paragraph"},{"type":"hardBreak"},
                  {"type":"text","text":"after two spaces"},{"type":"hardBreak"},
                  {"type":"text","text":"after a backslash"}]},
                {"type":"paragraph","content":[{"type":"text","text":"Second"}]}""");
    }

    @Test
    void emphasisStrongStrikethroughAndTheirCombinations() {
        assertAdf("*em* _em_ **strong** __strong__ ~~gone~~ ***both*** **a *b* c** ~single~ stays", """
                {"type":"paragraph","content":[
                  {"type":"text","text":"em","marks":[{"type":"em"}]},{"type":"text","text":" "},
                  {"type":"text","text":"em","marks":[{"type":"em"}]},{"type":"text","text":" "},
                  {"type":"text","text":"strong","marks":[{"type":"strong"}]},{"type":"text","text":" "},
                  {"type":"text","text":"strong","marks":[{"type":"strong"}]},{"type":"text","text":" "},
                  {"type":"text","text":"gone","marks":[{"type":"strike"}]},{"type":"text","text":" "},
                  {"type":"text","text":"both","marks":[{"type":"em"},{"type":"strong"}]},{"type":"text","text":" "},
                  {"type":"text","text":"a ","marks":[{"type":"strong"}]},
                  {"type":"text","text":"b","marks":[{"type":"strong"},{"type":"em"}]},
                  {"type":"text","text":" c","marks":[{"type":"strong"}]},
                  {"type":"text","text":" ~single~ stays"}]}""");
    }

    @Test
    void inlineCodeCarriesNoMarkButALink() {
        assertAdf("Run `mvn verify`, **not `mvn test`**, see [`pom.xml`](https://example.com/pom)", """
                {"type":"paragraph","content":[
                  {"type":"text","text":"Run "},
                  {"type":"text","text":"mvn verify","marks":[{"type":"code"}]},
                  {"type":"text","text":", "},
                  {"type":"text","text":"not ","marks":[{"type":"strong"}]},
                  {"type":"text","text":"mvn test","marks":[{"type":"code"}]},
                  {"type":"text","text":", see "},
                  {"type":"text","text":"pom.xml","marks":[{"type":"link","attrs":{"href":"https://example.com/pom"}},
                                                           {"type":"code"}]}]}""");
    }

    @Test
    void linksWithTitlesAutolinksImagesAndLinksWithoutTarget() {
        assertAdf("[docs](https://example.com/docs \"The docs\") <https://example.com> "
                  + "[**bold link**](https://example.com/b) ![a screenshot](https://example.com/s.png) []("
                  + "https://example.com/empty) [no target]()", """
                {"type":"paragraph","content":[
                  {"type":"text","text":"docs","marks":[{"type":"link","attrs":{"href":"https://example.com/docs","title":"The docs"}}]},
                  {"type":"text","text":" "},
                  {"type":"text","text":"https://example.com","marks":[{"type":"link","attrs":{"href":"https://example.com"}}]},
                  {"type":"text","text":" "},
                  {"type":"text","text":"bold link","marks":[{"type":"link","attrs":{"href":"https://example.com/b"}},{"type":"strong"}]},
                  {"type":"text","text":" "},
                  {"type":"text","text":"a screenshot","marks":[{"type":"link","attrs":{"href":"https://example.com/s.png"}}]},
                  {"type":"text","text":" "},
                  {"type":"text","text":"https://example.com/empty","marks":[{"type":"link","attrs":{"href":"https://example.com/empty"}}]},
                  {"type":"text","text":" no target"}]}""");
    }

    @Test
    void bulletAndOrderedListsNestAndKeepTheirStart() {
        assertAdf("""
                - Open the basket
                - Pay
                  1. with a saved card
                  2. or a new one
                     - any browser

                3. three
                4. four
                """, """
                {"type":"bulletList","content":[
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Open the basket"}]}]},
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Pay"}]},
                    {"type":"orderedList","content":[
                      {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"with a saved card"}]}]},
                      {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"or a new one"}]},
                        {"type":"bulletList","content":[
                          {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"any browser"}]}]}]}]}]}]}]},
                {"type":"orderedList","attrs":{"order":3},"content":[
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"three"}]}]},
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"four"}]}]}]}""");
    }

    @Test
    void aListItemStartsWithAParagraphEvenWhenItOpensWithAListOrIsEmpty() {
        assertAdf("- - nested first\n-\n- ```\n  code first\n  ```", """
                {"type":"bulletList","content":[
                  {"type":"listItem","content":[{"type":"paragraph","content":[]},
                    {"type":"bulletList","content":[
                      {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nested first"}]}]}]}]},
                  {"type":"listItem","content":[{"type":"paragraph","content":[]}]},
                  {"type":"listItem","content":[{"type":"codeBlock","content":[{"type":"text","text":"code first"}]}]}]}""");
    }

    @Test
    void headingsQuotesAndRulesInsideListItemsAreFlattened() {
        assertAdf("- # Title in an item\n  > quoted in an item\n  ---\n  after", """
                {"type":"bulletList","content":[
                  {"type":"listItem","content":[
                    {"type":"paragraph","content":[{"type":"text","text":"Title in an item"}]},
                    {"type":"paragraph","content":[{"type":"text","text":"quoted in an item"}]},
                    {"type":"paragraph","content":[{"type":"text","text":"after"}]}]}]}""");
    }

    @Test
    void codeBlocksKeepTheirLanguageAndTextExactly() {
        assertAdf("```java title=\"Checkout.java\"\nint x = a * b; // **not bold**\n\n  indented\n```\n\n"
                  + "    indented code\n\n```\n```", """
                {"type":"codeBlock","attrs":{"language":"java"},"content":[
                  {"type":"text","text":"int x = a * b; // **not bold**\\n\\n  indented"}]},
                {"type":"codeBlock","content":[{"type":"text","text":"indented code"}]},
                {"type":"codeBlock","content":[]}""");
    }

    @Test
    void blockQuotesHoldParagraphsListsAndCodeAndDoNotNest() {
        assertAdf("> Quoted *text*\n>\n> - a list\n>\n> ## heading\n> > nested\n> ```sh\n> ls\n> ```\n> ---", """
                {"type":"blockquote","content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Quoted "},{"type":"text","text":"text","marks":[{"type":"em"}]}]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a list"}]}]}]},
                  {"type":"paragraph","content":[{"type":"text","text":"heading"}]},
                  {"type":"paragraph","content":[{"type":"text","text":"nested"}]},
                  {"type":"codeBlock","attrs":{"language":"sh"},"content":[{"type":"text","text":"ls"}]}]}""");
    }

    @Test
    void horizontalRules() {
        assertAdf("Above\n\n---\n\n***\nBelow", """
                {"type":"paragraph","content":[{"type":"text","text":"Above"}]},
                {"type":"rule"},{"type":"rule"},
                {"type":"paragraph","content":[{"type":"text","text":"Below"}]}""");
    }

    @Test
    void mentionsByAccountIdBecomeMentionNodesOutsideCode() {
        assertAdf("Seen by [~accountid:712020:9a8b7c6d-1e2f-4a3b] and **[~5b10ac8d82e05b22cc7d4ef5]**, "
                  + "not `[~accountid:in-code]`; [~ not a mention] [~accountid:]", """
                {"type":"paragraph","content":[
                  {"type":"text","text":"Seen by "},
                  {"type":"mention","attrs":{"id":"712020:9a8b7c6d-1e2f-4a3b"}},
                  {"type":"text","text":" and "},
                  {"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5"}},
                  {"type":"text","text":", not "},
                  {"type":"text","text":"[~accountid:in-code]","marks":[{"type":"code"}]},
                  {"type":"text","text":"; [~ not a mention] [~accountid:]"}]}""");
    }

    @Test
    void htmlStaysLiteralTextAndReferenceDefinitionsDisappear() {
        assertAdf("<details>\n<summary>More</summary>\n</details>\n\nA <b>tag</b> and [ref][1]\n\n[1]: https://example.com/r",
                """
                {"type":"paragraph","content":[
                  {"type":"text","text":"<details>"},{"type":"hardBreak"},
                  {"type":"text","text":"<summary>More</summary>"},{"type":"hardBreak"},
                  {"type":"text","text":"</details>"}]},
                {"type":"paragraph","content":[
                  {"type":"text","text":"A <b>tag</b> and "},
                  {"type":"text","text":"ref","marks":[{"type":"link","attrs":{"href":"https://example.com/r"}}]}]}""");
    }

    @Test
    void nonAsciiTextSurvives() {
        assertAdf("## Grüße aus Köln\n\n東京で**支払い**に失敗 😀👍🏽 ~~ß~~", """
                {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Grüße aus Köln"}]},
                {"type":"paragraph","content":[
                  {"type":"text","text":"東京で"},{"type":"text","text":"支払い","marks":[{"type":"strong"}]},
                  {"type":"text","text":"に失敗 😀👍🏽 "},{"type":"text","text":"ß","marks":[{"type":"strike"}]}]}""");
    }

    @Test
    void deepNestingIsBoundedAndKeepsTheText() {
        String markdown = ">".repeat(5_000) + " deep " + "*".repeat(5_000) + "x" + "*".repeat(5_000);

        JsonNode doc = (JsonNode) JiraDialect.CLOUD.richText(markdown, TextFormat.MARKDOWN, "issue/create",
                "description");

        assertThat(depth(doc)).isLessThan(100);
        assertThat(io.jiraspoke.camel.model.Adf.toText(doc)).contains("deep", "x");
    }

    @Test
    void emptyMarkdownIsAnEmptyDocument() {
        assertAdf("", "");
        assertAdf("  \n\n ", "");
    }

    @Test
    void textFormatStillMakesParagraphsAndBreaksWithoutReadingMarkdown() {
        assertThat(JiraDialect.CLOUD.richText("**not bold**\nnext\n\n# not a heading", TextFormat.TEXT,
                "issue/create", "description")).isEqualTo(tree("""
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"**not bold**"},{"type":"hardBreak"},
                                                 {"type":"text","text":"next"}]},
                  {"type":"paragraph","content":[{"type":"text","text":"# not a heading"}]}]}"""));
        assertThat(JiraDialect.CLOUD.richText(JiraJson.MAPPER.getNodeFactory().textNode("*x*"), null,
                "issue/create", "description")).isEqualTo(tree("""
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"*x*"}]}]}"""));
    }

    @Test
    void anAdfDocumentGoesAsIsAndOtherObjectsAreRefused() {
        Map<String, Object> doc = Map.of("type", "doc", "version", 1, "content", java.util.List.of());

        assertThat(JiraDialect.CLOUD.richText(doc, TextFormat.MARKDOWN, "issue/create", "description")).isSameAs(doc);
        assertThatThrownBy(() -> JiraDialect.CLOUD.richText(Map.of("type", "paragraph"), TextFormat.MARKDOWN,
                "issue/addComment", "body"))
                .isInstanceOf(JiraSpokeInputException.class)
                .hasMessage("issue/addComment: field 'body' must be text or an ADF document"
                            + " ({\"type\":\"doc\",\"version\":1,\"content\":[..]}), got a map of type 'paragraph'");
        assertThatThrownBy(() -> JiraDialect.CLOUD.richText(42, TextFormat.TEXT, "issue/create", "description"))
                .isInstanceOf(JiraSpokeInputException.class)
                .hasMessageContaining("field 'description' must be text or an ADF document")
                .hasMessageEndingWith("got a java.lang.Integer");
    }

    private static void assertAdf(String markdown, String content) {
        Object adf = JiraDialect.CLOUD.richText(markdown, TextFormat.MARKDOWN, "issue/create", "description");
        assertThat(adf).isEqualTo(tree("{\"type\":\"doc\",\"version\":1,\"content\":[" + content + "]}"));
    }

    private static int depth(JsonNode node) {
        int max = 0;
        for (JsonNode child : node) {
            max = Math.max(max, depth(child));
        }
        return max + 1;
    }

    private static JsonNode tree(String json) {
        try {
            return JiraJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
