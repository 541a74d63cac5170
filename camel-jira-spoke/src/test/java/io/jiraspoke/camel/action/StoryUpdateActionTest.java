package io.jiraspoke.camel.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * story/update: issue/update's request (fields by display name, description by the dialect, notifyUsers), which may
 * not change the issue's type.
 */
class StoryUpdateActionTest extends ActionTestSupport {

    private void stubUpdate(Flavor f) {
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-130")).willReturn(noContent()));
    }

    @Test
    void cloudFieldsByNameAndTextDescriptionAndTheBodyIsKept() throws Exception {
        jira.stubFor(get("/rest/api/3/field").willReturn(okJson(json("cloud-fields.json"))));
        stubUpdate(Flavor.CLOUD);
        start(Flavor.CLOUD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Story Points", 8);
        body.put("description", "Also for cards saved by the app.");

        Exchange ex = send(uri(Flavor.CLOUD, "story/update", "issueKey=PROJ-130&notifyUsers=false"), body, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isSameAs(body);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-130");
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-130?notifyUsers=false"))
                .withRequestBody(equalToJson("""
                        {"fields":{"customfield_10028":8,
                                   "description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                                     {"type":"text","text":"Also for cards saved by the app."}]}]}}}
                        """)));
    }

    @Test
    void dataCenterSummaryOptionAndUpdateOperationsWithWikiText() throws Exception {
        stubUpdate(Flavor.DC);
        start(Flavor.DC);
        String body = """
                {"fields":{"description":"Also for cards saved by the *app*."},
                 "update":{"labels":[{"add":"self-service"}]}}
                """;

        Exchange ex = send(uri(Flavor.DC, "story/update", "issueKey=PROJ-130&summary=RAW(Remove any saved card)"),
                body, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-130")).withRequestBody(equalToJson("""
                {"fields":{"description":"Also for cards saved by the *app*.","summary":"Remove any saved card"},
                 "update":{"labels":[{"add":"self-service"}]}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideEndpointOptions(Flavor f) throws Exception {
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-131")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "story/update", "issueKey=PROJ-130&summary=Old"), null, Map.of(
                JiraSpokeConstants.ISSUE_KEY, "PROJ-131",
                JiraSpokeConstants.SUMMARY, "Remove a saved card",
                JiraSpokeConstants.NOTIFY_USERS, "true"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-131");
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-131?notifyUsers=true"))
                .withRequestBody(equalToJson("{\"fields\":{\"summary\":\"Remove a saved card\"}}")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theTypeMayBeRepeated(Flavor f) throws Exception {
        stubUpdate(f);
        start(f);

        Exchange same = send(uri(f, "story/update", "issueKey=PROJ-130"),
                Map.of("issuetype", "Story", "labels", List.of("checkout")), Map.of());
        assertThat(same.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-130")).withRequestBody(equalToJson(
                "{\"fields\":{\"issuetype\":{\"name\":\"Story\"},\"labels\":[\"checkout\"]}}")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aChangeOfTypeIsRefusedBeforeSending(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, "story/update", "issueKey=PROJ-130"), Map.of("issuetype", "Bug"), Map.of()),
                "story/update", "type Story", "'issuetype'", "issue/update");
        assertRefusedLocally(send(uri(f, "story/update", "issueKey=PROJ-130"),
                        Map.of("update", Map.of("issuetype", List.of(Map.of("set", Map.of("name", "Bug"))))),
                        Map.of()),
                "story/update", "\"update\"", "'issuetype'");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void nothingToChangeOrNoIssueIsRefused(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, "story/update", "issueKey=PROJ-130"), null, Map.of()),
                "story/update of PROJ-130 has nothing to change", "'summary'");
        assertRefusedLocally(send(uri(f, "story/update", "summary=x"), null, Map.of()),
                "story/update", "'issueKey'", JiraSpokeConstants.ISSUE_KEY);
    }
}
