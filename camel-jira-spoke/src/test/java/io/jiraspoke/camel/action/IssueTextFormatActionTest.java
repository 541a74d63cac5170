package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Option {@code textFormat} (header {@code CamelJiraSpokeTextFormat}) on issue/create and issue/update: a Markdown
 * description goes to Cloud as ADF and to Data Center as wiki markup, in the request bodies below exactly.
 */
class IssueTextFormatActionTest extends ActionTestSupport {

    private static final String CREATE = "projectKey=PROJ&issueType=Bug&summary=RAW(Checkout fails)";

    private static final String MARKDOWN = """
            ## Steps
            1. Open the basket
            2. Pay with the **saved** card
               - in *Firefox* only

            Fails with `HTTP 502`, see [the log](https://example.com/log). Seen by [~accountid:5b10ac8d82e05b22cc7d4ef5].

            ```json
            {"error": "bad gateway"}
            ```
            > Grüße, 東京 ~~today~~
            """;

    @Test
    void cloudMarkdownDescriptionIsSentAsAdf() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(json("cloud-issue-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", CREATE + "&textFormat=markdown"), MARKDOWN, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"PROJ"},"issuetype":{"name":"Bug"},"summary":"Checkout fails",
                  "description":{"type":"doc","version":1,"content":[
                    {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Steps"}]},
                    {"type":"orderedList","content":[
                      {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Open the basket"}]}]},
                      {"type":"listItem","content":[
                        {"type":"paragraph","content":[{"type":"text","text":"Pay with the "},
                          {"type":"text","text":"saved","marks":[{"type":"strong"}]},{"type":"text","text":" card"}]},
                        {"type":"bulletList","content":[
                          {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"in "},
                            {"type":"text","text":"Firefox","marks":[{"type":"em"}]},{"type":"text","text":" only"}]}]}]}]}]},
                    {"type":"paragraph","content":[
                      {"type":"text","text":"Fails with "},
                      {"type":"text","text":"HTTP 502","marks":[{"type":"code"}]},
                      {"type":"text","text":", see "},
                      {"type":"text","text":"the log","marks":[{"type":"link","attrs":{"href":"https://example.com/log"}}]},
                      {"type":"text","text":". Seen by "},
                      {"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5"}},
                      {"type":"text","text":"."}]},
                    {"type":"codeBlock","attrs":{"language":"json"},"content":[{"type":"text","text":"{\\"error\\": \\"bad gateway\\"}"}]},
                    {"type":"blockquote","content":[{"type":"paragraph","content":[
                      {"type":"text","text":"Grüße, 東京 "},{"type":"text","text":"today","marks":[{"type":"strike"}]}]}]}]}}}
                """)));
    }

    @Test
    void dataCenterMarkdownDescriptionIsSentAsWikiMarkup() throws Exception {
        jira.stubFor(post("/rest/api/2/issue").willReturn(created(json("dc-issue-created.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/create", CREATE + "&textFormat=markdown"),
                MARKDOWN.replace("[~accountid:5b10ac8d82e05b22cc7d4ef5]", "[~jsmith]"), Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"PROJ"},"issuetype":{"name":"Bug"},"summary":"Checkout fails",
                  "description":"h2. Steps\\n\\n# Open the basket\\n# Pay with the *saved* card\\n#* in _Firefox_ only\\n\\nFails with {{HTTP 502}}, see [the log|https://example.com/log]. Seen by [~jsmith].\\n\\n{code:json}\\n{\\"error\\": \\"bad gateway\\"}\\n{code}\\n\\n{quote}\\nGrüße, 東京 -today-\\n{quote}"}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theHeaderSetsTheFormatOfOneUpdate(Flavor f) throws Exception {
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(noContent()));
        start(f);
        Map<String, Object> fields = Map.of("fields", Map.of("description", "**Fixed** in `1.2.3`"));

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123"), fields,
                Map.of(JiraSpokeConstants.TEXT_FORMAT, "Markdown"));

        assertThat(ex.getException()).isNull();
        String description = f == Flavor.CLOUD
                ? """
                  {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                    {"type":"text","text":"Fixed","marks":[{"type":"strong"}]},{"type":"text","text":" in "},
                    {"type":"text","text":"1.2.3","marks":[{"type":"code"}]}]}]}"""
                : "\"*Fixed* in {{1.2.3}}\"";
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123"))
                .withRequestBody(equalToJson("{\"fields\":{\"description\":" + description + "}}")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theHeaderTextOverridesAMarkdownEndpoint(Flavor f) throws Exception {
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123&textFormat=markdown"),
                Map.of("description", "**as typed**"), Map.of(JiraSpokeConstants.TEXT_FORMAT, "text"));

        assertThat(ex.getException()).isNull();
        String description = f == Flavor.CLOUD
                ? "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":["
                  + "{\"type\":\"text\",\"text\":\"**as typed**\"}]}]}"
                : "\"**as typed**\"";
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123"))
                .withRequestBody(equalToJson("{\"fields\":{\"description\":" + description + "}}")));
    }

    @Test
    void cloudAdfDocumentIsSentAsIsWhateverTheFormat() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(json("cloud-issue-created.json"))));
        start(Flavor.CLOUD);
        String adf = "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":["
                     + "{\"type\":\"text\",\"text\":\"**not markdown**\"}]}]}";

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", CREATE + "&textFormat=markdown"), adf, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson(
                "{\"fields\":{\"project\":{\"key\":\"PROJ\"},\"issuetype\":{\"name\":\"Bug\"},"
                + "\"summary\":\"Checkout fails\",\"description\":" + adf + "}}")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aBadHeaderIsRefusedBeforeSending(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/create", CREATE), "text", Map.of(JiraSpokeConstants.TEXT_FORMAT, "html"));

        assertRefusedLocally(ex, "issue/create: option 'textFormat' (header CamelJiraSpokeTextFormat) must be one of"
                                 + " text, markdown, was html");
    }

    @Test
    void aBadOptionRefusesToStart() {
        assertThat(startFailure(Map.of("cloud", cloud()),
                sendingTo("jiraspoke:issue/create?connection=cloud&textFormat=wiki")))
                .contains("Option 'textFormat' must be one of text, markdown, was wiki");
    }

    @Test
    void anActionThatReadsNoTextRefusesTheOption() {
        assertThat(startFailure(Map.of("cloud", cloud()),
                sendingTo("jiraspoke:issue/get?connection=cloud&issueKey=PROJ-1&textFormat=markdown")))
                .contains("textFormat", "issue/create", "issue/update");
    }
}
