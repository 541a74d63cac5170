package io.jiraspoke.camel.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IssueUpdateActionTest extends ActionTestSupport {

    private static final String ADF = """
            {"type":"doc","version":1,"content":[
              {"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"Fixed"}]},
              {"type":"paragraph","content":[{"type":"text","text":"In 4.2","marks":[{"type":"strong"}]}]}]}
            """;

    @Test
    void cloudPlainTextDescriptionIsSentAsAdfAndTheBodyIsKept() throws Exception {
        jira.stubFor(put(urlPathEqualTo("/rest/api/3/issue/PROJ-123")).willReturn(noContent()));
        start(Flavor.CLOUD);
        Map<String, Object> body = new HashMap<>(Map.of(
                "description", "Fixed in 4.2.\nDeployed on Friday.",
                "labels", List.of("fixed")));

        Exchange ex = send(uri(Flavor.CLOUD, "issue/update", "issueKey=PROJ-123&summary=RAW(Checkout works again)"),
                body, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isSameAs(body);
        assertThat(body).containsEntry("description", "Fixed in 4.2.\nDeployed on Friday.");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123")).withRequestBody(equalToJson("""
                {"fields":{
                  "summary":"Checkout works again",
                  "labels":["fixed"],
                  "description":{"type":"doc","version":1,"content":[
                    {"type":"paragraph","content":[
                      {"type":"text","text":"Fixed in 4.2."},{"type":"hardBreak"},{"type":"text","text":"Deployed on Friday."}]}]}}}
                """)));
    }

    @Test
    void cloudAdfDescriptionIsSentAsIs() throws Exception {
        jira.stubFor(put(urlPathEqualTo("/rest/api/3/issue/PROJ-123")).willReturn(noContent()));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/update", "issueKey=PROJ-123"),
                "{\"fields\":{\"description\":" + ADF + "}}", Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123"))
                .withRequestBody(equalToJson("{\"fields\":{\"description\":" + ADF + "}}")));
    }

    @Test
    void cloudAdfDocumentAsTheBodyIsTheDescription() throws Exception {
        jira.stubFor(put(urlPathEqualTo("/rest/api/3/issue/PROJ-123")).willReturn(noContent()));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/update", "issueKey=PROJ-123"), tree(ADF), Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123"))
                .withRequestBody(equalToJson("{\"fields\":{\"description\":" + ADF + "}}")));
    }

    @Test
    void dataCenterDescriptionIsSentAsWikiText() throws Exception {
        jira.stubFor(put(urlPathEqualTo("/rest/api/2/issue/PROJ-123")).willReturn(noContent()));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/update", "issueKey=PROJ-123"), "h3. Fixed\nIn *4.2*", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("h3. Fixed\nIn *4.2*");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-123"))
                .withRequestBody(equalToJson("{\"fields\":{\"description\":\"h3. Fixed\\nIn *4.2*\"}}")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void updateOperationsAreSentWithoutFields(Flavor f) throws Exception {
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(noContent()));
        start(f);
        String body = """
                {"update":{"labels":[{"add":"triaged"},{"remove":"needs-info"}],
                           "components":[{"set":[{"name":"Web shop"}]}]}}
                """;

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123"), body, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123")).withRequestBody(equalToJson("""
                {"fields":{},
                 "update":{"labels":[{"add":"triaged"},{"remove":"needs-info"}],
                           "components":[{"set":[{"name":"Web shop"}]}]}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideEndpointOptions(Flavor f) throws Exception {
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-7")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123&notifyUsers=false&summary=Old"), null, Map.of(
                JiraSpokeConstants.ISSUE_KEY, "PROJ-7",
                JiraSpokeConstants.NOTIFY_USERS, true,
                JiraSpokeConstants.SUMMARY, "New summary"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-7");
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-7?notifyUsers=true"))
                .withRequestBody(equalToJson("{\"fields\":{\"summary\":\"New summary\"}}")));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void notifyUsersOptionBecomesAQueryParameter(Flavor f) throws Exception {
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123&notifyUsers=false"),
                Map.of("priority", Map.of("name", "Low")), Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123?notifyUsers=false"))
                .withRequestBody(equalToJson("{\"fields\":{\"priority\":{\"name\":\"Low\"}}}")));
    }

    static Stream<Arguments> emptyUpdates() {
        return Stream.of(Flavor.values()).flatMap(f -> Stream.of(
                Arguments.of(f, "no body", null),
                Arguments.of(f, "blank text", "  "),
                Arguments.of(f, "empty map", Map.of()),
                Arguments.of(f, "empty fields", "{\"fields\":{}}")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("emptyUpdates")
    void updateWithNothingToChangeIsRefused(Flavor f, String what, Object body) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123"), body, Map.of());

        assertRefusedLocally(ex, "issue/update of PROJ-123 has nothing to change", "'summary'");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void bodyOfUnsupportedTypeIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123"), List.of("summary", "New"), Map.of());

        assertRefusedLocally(ex, "issue/update cannot use a message body of type java.util.");
    }

    @Test
    void dataCenterRefusesAnAdfDescription() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/update", "issueKey=PROJ-123"),
                Map.of("fields", Map.of("description", tree(ADF))), Map.of());

        assertRefusedLocally(ex, "issue/update", "'description'", "Data Center");
    }
}
