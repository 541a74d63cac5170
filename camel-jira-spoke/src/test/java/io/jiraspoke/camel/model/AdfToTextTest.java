package io.jiraspoke.camel.model;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.client.JiraJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Adf#toText}: every ADF node Jira Cloud returns renders as readable plain text, never as JSON. The documents
 * are shaped like the examples of Atlassian's ADF reference (node structure, attrs).
 */
class AdfToTextTest {

    @Test
    void paragraphsAreSeparatedByABlankLineAndHardBreaksAreNewlines() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Steps"}]},
                  {"type":"paragraph","content":[{"type":"text","text":"Line one"},{"type":"hardBreak"},
                                                 {"type":"text","text":"line two"}]},
                  {"type":"paragraph","content":[]},
                  {"type":"paragraph","content":[{"type":"text","text":"Next"}]}]}
                """)).isEqualTo("Steps\n\nLine one\nline two\n\nNext");
    }

    @Test
    void marksDisappearAndLinksShowTheirUrlOnceAfterTheLinkedText() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                  {"type":"text","text":"Read "},
                  {"type":"text","text":"the ","marks":[{"type":"link","attrs":{"href":"https://example.com/docs"}}]},
                  {"type":"text","text":"docs","marks":[{"type":"strong"},
                                                        {"type":"link","attrs":{"href":"https://example.com/docs"}}]},
                  {"type":"text","text":" or "},
                  {"type":"text","text":"https://example.com","marks":[{"type":"link","attrs":{"href":"https://example.com"}}]},
                  {"type":"text","text":", "},
                  {"type":"text","text":"x","marks":[{"type":"code"},{"type":"em"},{"type":"strike"},{"type":"underline"},
                                                     {"type":"textColor","attrs":{"color":"#ff0000"}}]},
                  {"type":"text","text":"."}]}]}
                """)).isEqualTo("Read the docs (https://example.com/docs) or https://example.com, x.");
    }

    @Test
    void listsAreLinesWithBulletsOrNumbersAndNestedItemsAreIndented() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Open the basket"}]},
                      {"type":"orderedList","attrs":{"order":3},"content":[
                        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"third"}]}]},
                        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"fourth"}]},
                          {"type":"paragraph","content":[{"type":"text","text":"more on fourth"}]}]}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Pay"}]}]}]},
                  {"type":"orderedList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]}]},
                    {"type":"listItem","content":[{"type":"codeBlock","content":[{"type":"text","text":"two()"}]}]}]}]}
                """)).isEqualTo("""
                - Open the basket
                  3. third
                  4. fourth
                     more on fourth
                - Pay

                1. one
                2. two()""");
    }

    @Test
    void taskAndDecisionListsShowTheirState() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"taskList","attrs":{"localId":"a1"},"content":[
                    {"type":"taskItem","attrs":{"localId":"t1","state":"DONE"},"content":[{"type":"text","text":"Reproduce"}]},
                    {"type":"taskItem","attrs":{"localId":"t2","state":"TODO"},"content":[{"type":"text","text":"Fix"}]},
                    {"type":"taskList","attrs":{"localId":"a2"},"content":[
                      {"type":"taskItem","attrs":{"localId":"t3","state":"TODO"},"content":[{"type":"text","text":"Write a test"}]}]}]},
                  {"type":"decisionList","attrs":{"localId":"d0"},"content":[
                    {"type":"decisionItem","attrs":{"localId":"d1","state":"DECIDED"},"content":[{"type":"text","text":"Ship on Monday"}]}]}]}
                """)).isEqualTo("[x] Reproduce\n[ ] Fix\n  [ ] Write a test\n\n- Ship on Monday");
    }

    @Test
    void tablesAreRowsOfCellsSeparatedByBars() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[{"type":"table","attrs":{"isNumberColumnEnabled":false,"layout":"default"},
                  "content":[
                    {"type":"tableRow","content":[
                      {"type":"tableHeader","attrs":{},"content":[{"type":"paragraph","content":[{"type":"text","text":"Browser","marks":[{"type":"strong"}]}]}]},
                      {"type":"tableHeader","attrs":{},"content":[{"type":"paragraph","content":[{"type":"text","text":"Result"}]}]}]},
                    {"type":"tableRow","content":[
                      {"type":"tableCell","attrs":{},"content":[{"type":"paragraph","content":[{"type":"text","text":"Firefox"}]}]},
                      {"type":"tableCell","attrs":{},"content":[{"type":"paragraph","content":[{"type":"text","text":"fails"},{"type":"hardBreak"},{"type":"text","text":"with 502"}]},
                                                                {"type":"paragraph","content":[{"type":"text","text":"twice"}]}]}]},
                    {"type":"tableRow","content":[
                      {"type":"tableCell","attrs":{},"content":[{"type":"paragraph","content":[{"type":"text","text":"Safari"}]}]},
                      {"type":"tableCell","attrs":{},"content":[{"type":"paragraph","content":[]}]}]}]}]}
                """)).isEqualTo("Browser | Result\nFirefox | fails with 502 twice\nSafari |");
    }

    @Test
    void panelsQuotesLayoutsAndBodiedExtensionsAreTheirContent() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"panel","attrs":{"panelType":"warning"},"content":[{"type":"paragraph","content":[{"type":"text","text":"Careful"}]}]},
                  {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"Quoted"}]}]},
                  {"type":"layoutSection","content":[
                    {"type":"layoutColumn","attrs":{"width":50},"content":[{"type":"paragraph","content":[{"type":"text","text":"Left"}]}]},
                    {"type":"layoutColumn","attrs":{"width":50},"content":[{"type":"paragraph","content":[{"type":"text","text":"Right"}]}]}]},
                  {"type":"bodiedExtension","attrs":{"extensionType":"com.atlassian.confluence.macro.core","extensionKey":"details"},
                   "content":[{"type":"paragraph","content":[{"type":"text","text":"Inside"}]}]},
                  {"type":"extension","attrs":{"extensionType":"com.atlassian.confluence.macro.core","extensionKey":"toc"}}]}
                """)).isEqualTo("Careful\n\nQuoted\n\nLeft\n\nRight\n\nInside");
    }

    @Test
    void expandsShowTheirTitleThenTheirContent() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"expand","attrs":{"title":"Stack trace"},"content":[
                    {"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text","text":"at Checkout.pay(Checkout.java:42)\\nat Main.main"}]},
                    {"type":"nestedExpand","attrs":{"title":"More"},"content":[{"type":"paragraph","content":[{"type":"text","text":"Hidden"}]}]}]},
                  {"type":"expand","attrs":{"title":""},"content":[{"type":"paragraph","content":[{"type":"text","text":"Untitled"}]}]}]}
                """)).isEqualTo("Stack trace\nat Checkout.pay(Checkout.java:42)\nat Main.main\n\nMore\nHidden\n\nUntitled");
    }

    @Test
    void mediaIsNamedAsAnAttachmentOrAnImageUrl() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"mediaSingle","attrs":{"layout":"center"},"content":[
                    {"type":"media","attrs":{"id":"4478e39c-cf9b-41d1-ba92-68589487cd75","type":"file","collection":"","alt":"screenshot.png","width":640,"height":480}}]},
                  {"type":"mediaGroup","content":[
                    {"type":"media","attrs":{"id":"6e7c7f2c-dd7a-499c-bceb-6f32bfbf30b5","type":"file","collection":"","alt":"trace.log"}},
                    {"type":"media","attrs":{"id":"9b3c1a2d-0000-4000-8000-000000000001","type":"file","collection":""}}]},
                  {"type":"mediaSingle","content":[{"type":"media","attrs":{"type":"external","url":"https://example.com/cat.png"}}]},
                  {"type":"paragraph","content":[{"type":"text","text":"See "},
                    {"type":"mediaInline","attrs":{"id":"b7c2","type":"file","collection":"","alt":"report.pdf"}}]}]}
                """)).isEqualTo("[attachment: screenshot.png]\n\n"
                                + "[attachment: trace.log]\n[attachment: 9b3c1a2d-0000-4000-8000-000000000001]\n\n"
                                + "[image: https://example.com/cat.png]\n\n"
                                + "See [attachment: report.pdf]");
    }

    @Test
    void inlineNodesWithoutTextRenderAsWhatTheyStandFor() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                  {"type":"mention","attrs":{"id":"712020:9a8b7c6d","text":"@Grace Hopper","accessLevel":""}},
                  {"type":"text","text":" and "},
                  {"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5"}},
                  {"type":"text","text":" agreed "},
                  {"type":"emoji","attrs":{"shortName":":grinning:","id":"1f600","text":"😀"}},
                  {"type":"emoji","attrs":{"shortName":":awthanks:","id":"atlassian-awthanks"}},
                  {"type":"text","text":" on "},
                  {"type":"date","attrs":{"timestamp":"1582152559000"}},
                  {"type":"text","text":" / "},
                  {"type":"date","attrs":{"timestamp":1767225599999}},
                  {"type":"text","text":": "},
                  {"type":"status","attrs":{"localId":"s1","text":"In progress","color":"yellow"}},
                  {"type":"text","text":", see "},
                  {"type":"inlineCard","attrs":{"url":"https://example.atlassian.net/browse/PROJ-1"}},
                  {"type":"placeholder","attrs":{"text":"Type something"}},
                  {"type":"inlineExtension","attrs":{"extensionType":"com.example","extensionKey":"x"}}]}]}
                """)).isEqualTo("@Grace Hopper and @5b10ac8d82e05b22cc7d4ef5 agreed 😀:awthanks: on 2020-02-19 /"
                                + " 2025-12-31: In progress, see https://example.atlassian.net/browse/PROJ-1");
    }

    @Test
    void cardsAndRulesAreBlocksOfTheirOwn() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Above"}]},
                  {"type":"rule"},
                  {"type":"blockCard","attrs":{"url":"https://example.com/spec"}},
                  {"type":"embedCard","attrs":{"url":"https://example.com/video","layout":"center"}},
                  {"type":"blockCard","attrs":{"data":{"@type":"Document","url":"https://example.com/data","name":"Spec"}}}]}
                """)).isEqualTo("Above\n\n---\n\nhttps://example.com/spec\n\nhttps://example.com/video\n\nhttps://example.com/data");
    }

    @Test
    void nodesOfUnknownTypesShowTheTextTheyHoldAndNeverJson() {
        String text = text("""
                {"type":"doc","version":1,"content":[
                  {"type":"futureBlock","attrs":{"x":1},"content":[{"type":"paragraph","content":[{"type":"text","text":"kept"}]}]},
                  {"type":"paragraph","content":[{"type":"futureInline","attrs":{"text":"label"}},
                                                 {"type":"futureWrapper","content":[{"type":"text","text":" wrapped"}]}]},
                  {"type":"futureEmpty","attrs":{"config":{"a":[1,2]}}}]}
                """);

        assertThat(text).isEqualTo("kept\n\nlabel wrapped");
        assertThat(text).doesNotContain("{", "\"");
    }

    @Test
    void inlineNodesDirectlyInADocumentFormAParagraph() {
        assertThat(text("""
                {"type":"doc","version":1,"content":[{"type":"text","text":"loose "},
                  {"type":"text","text":"link","marks":[{"type":"link","attrs":{"href":"https://example.com"}}]},
                  {"type":"paragraph","content":[{"type":"text","text":"then a paragraph"}]}]}
                """)).isEqualTo("loose link (https://example.com)\n\nthen a paragraph");
    }

    @Test
    void nonAsciiTextSurvives() {
        assertThat(Adf.toText(Adf.fromText("Grüße aus Köln\n\n東京で支払いに失敗 😀👍🏽"))).isEqualTo(
                "Grüße aus Köln\n\n東京で支払いに失敗 😀👍🏽");
    }

    @Test
    void aVeryDeepTreeKeepsItsTextWithoutExhaustingTheStack() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (int i = 0; i < 20_000; i++) {
            ObjectNode quote = content.addObject().put("type", "blockquote");
            content = quote.putArray("content");
        }
        content.addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text")
                .put("text", "bottom");

        assertThat(Adf.toText(doc)).isEqualTo("bottom");
    }

    @Test
    void wikiMarkupAsAJsonStringIsRenderedAsWikiTextAndNullStaysNull() {
        assertThat(Adf.toText(JsonNodeFactory.instance.textNode("h1. Title\n*bold* and _em_"))).isEqualTo(
                "Title\nbold and em");
        assertThat(Adf.toText(null)).isNull();
        assertThat(Adf.toText(JsonNodeFactory.instance.nullNode())).isNull();
        assertThat(Adf.toText(tree("{\"type\":\"doc\",\"version\":1,\"content\":[]}"))).isEmpty();
    }

    private static String text(String json) {
        return Adf.toText(tree(json));
    }

    static JsonNode tree(String json) {
        try {
            return JiraJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
