package io.jiraspoke.camel.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * story/create: issue/create's request with issue type Story by name, fields by display name and the description
 * as the dialect takes it, on Cloud (ADF) and Data Center (wiki text); a body that names another type is refused.
 */
class StoryCreateActionTest extends ActionTestSupport {

    private static final String STORY = "projectKey=PROJ&summary=RAW(Als Kundin möchte ich meine Karte löschen)";

    private void stubCreate(Flavor f) {
        jira.stubFor(post(f.api + "/issue").willReturn(created(f.fixture("issue-created"))));
    }

    @Test
    void cloudStoryHasTypeStoryAndItsTextDescriptionAsAdf() throws Exception {
        stubCreate(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "story/create", STORY),
                "Saved cards can be removed.\nFrom the account page.", Map.of());

        assertThat(ex.getException()).isNull();
        JiraIssue issue = ex.getMessage().getBody(JiraIssue.class);
        assertThat(issue.getKey()).isEqualTo("PROJ-124");
        assertThat(issue.getId()).isEqualTo("10124");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-124");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("10124");
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue"))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(equalToJson("""
                        {"fields":{
                          "project":{"key":"PROJ"},
                          "issuetype":{"name":"Story"},
                          "summary":"Als Kundin möchte ich meine Karte löschen",
                          "description":{"type":"doc","version":1,"content":[
                            {"type":"paragraph","content":[
                              {"type":"text","text":"Saved cards can be removed."},
                              {"type":"hardBreak"},
                              {"type":"text","text":"From the account page."}]}]}}}
                        """)));
    }

    @Test
    void dataCenterStoryHasTypeStoryAndItsDescriptionAsWikiText() throws Exception {
        stubCreate(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "story/create", "projectKey=10100&summary=RAW(Remove a saved card)"),
                "h3. Acceptance\n* the card is gone", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraIssue.class).getId()).isEqualTo("20124");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_ID)).isEqualTo("20124");
        // a numeric project is an id, as on issue/create
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT))
                .withRequestBody(equalToJson("""
                        {"fields":{"project":{"id":"10100"},"issuetype":{"name":"Story"},"summary":"Remove a saved card",
                                   "description":"h3. Acceptance\\n* the card is gone"}}
                        """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void fieldsByDisplayNameAreResolvedAsOnIssueCreate(Flavor f) throws Exception {
        jira.stubFor(get(f.api + "/field").willReturn(okJson(f.fixture("fields"))));
        stubCreate(f);
        start(f);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Summary", "Remove a saved card");
        body.put("Story Points", "5");
        body.put("Labels", List.of("checkout", "self-service"));
        body.put("Issue Type", "story");

        Exchange ex = send(uri(f, "story/create", "projectKey=PROJ"), body, Map.of());

        assertThat(ex.getException()).isNull();
        String points = f == Flavor.CLOUD ? "customfield_10028" : "customfield_10106";
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + "/field")));
        // the body may name the type again, in any case; the request keeps the body's value
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue")).withRequestBody(equalToJson("""
                {"fields":{"summary":"Remove a saved card","%s":5,"labels":["checkout","self-service"],
                           "issuetype":{"name":"story"},"project":{"key":"PROJ"}}}
                """.formatted(points))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void markdownDescriptionFollowsTextFormat(Flavor f) throws Exception {
        stubCreate(f);
        start(f);

        Exchange ex = send(uri(f, "story/create", STORY + "&textFormat=markdown"), "Removes **one** card", Map.of());

        assertThat(ex.getException()).isNull();
        String description = f == Flavor.CLOUD
                ? """
                  {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                    {"type":"text","text":"Removes "},{"type":"text","text":"one","marks":[{"type":"strong"}]},
                    {"type":"text","text":" card"}]}]}"""
                : "\"Removes *one* card\"";
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"PROJ"},"issuetype":{"name":"Story"},
                           "summary":"Als Kundin möchte ich meine Karte löschen","description":%s}}
                """.formatted(description))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideEndpointOptions(Flavor f) throws Exception {
        stubCreate(f);
        start(f);

        Exchange ex = send(uri(f, "story/create", STORY), null, Map.of(
                JiraSpokeConstants.PROJECT_KEY, "OPS",
                JiraSpokeConstants.SUMMARY, "Rotate the TLS certificate"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue")).withRequestBody(equalToJson("""
                {"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Story"},"summary":"Rotate the TLS certificate"}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anotherTypeInTheBodyIsRefusedBeforeSending(Flavor f) throws Exception {
        start(f);

        Exchange byName = send(uri(f, "story/create", STORY), Map.of("fields", Map.of("issuetype", "Bug")), Map.of());
        assertRefusedLocally(byName, "story/create", "type Story", "'issuetype'", "issue/create");

        // an id might be Story's, but only Jira could tell
        Exchange byId = send(uri(f, "story/create", STORY), Map.of("issuetype", Map.of("id", "10001")), Map.of());
        assertRefusedLocally(byId, "story/create", "type Story", "'issuetype'");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMissingProjectOrSummaryIsRefusedNamingOptionAndHeader(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, "story/create", "summary=Crash"), "A description", Map.of()),
                "story/create", "field 'project'", "option 'projectKey'", JiraSpokeConstants.PROJECT_KEY);
        assertRefusedLocally(send(uri(f, "story/create", "projectKey=PROJ"), null,
                        Map.of(JiraSpokeConstants.SUMMARY, " ")),
                "story/create", "field 'summary'", "option 'summary'", JiraSpokeConstants.SUMMARY);
    }

    @Test
    void theIssueTypeOptionIsNotOneOfStoryCreatesOptions() {
        String message = startFailure(Map.of("cloud", cloud()),
                sendingTo("jiraspoke:story/create?connection=cloud&projectKey=PROJ&issueType=Bug"));

        assertThat(message).contains("option 'issueType' is not read by story/create");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }
}
