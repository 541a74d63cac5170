package io.jiraspoke.camel.action;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** issue/addLink: POST issueLink with the type by name or id, the two issues, and an optional comment. */
class IssueAddLinkActionTest extends ActionTestSupport {

    private static final String ADD = "issue/addLink";

    @Test
    void cloudLinksByTypeNameWithTheCommentAsAdf() throws Exception {
        jira.stubFor(post("/rest/api/3/issueLink").willReturn(WireMock.aResponse().withStatus(201)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "linkType=Blocks&inwardIssue=PROJ-123&outwardIssue=PROJ-124"),
                "Blocks the release – siehe Übergabe.", Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issueLink")).withRequestBody(equalToJson("""
                {"type":{"name":"Blocks"},"inwardIssue":{"key":"PROJ-123"},"outwardIssue":{"key":"PROJ-124"},
                 "comment":{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                   {"type":"text","text":"Blocks the release – siehe Übergabe."}]}]}}}
                """, false, false)));
        assertThat(ex.getMessage().getBody(String.class)).isEqualTo("Blocks the release – siehe Übergabe.");
    }

    @Test
    void dataCenterTakesHeadersOverOptionsAnIdForANumericTypeAndIssueIdsAndSendsWikiText() throws Exception {
        jira.stubFor(post("/rest/api/2/issueLink").willReturn(WireMock.aResponse().withStatus(201)
                .withHeader("Location", "https://jira.example.com/rest/api/2/issueLink/30198")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ADD, "linkType=Relates&inwardIssue=PROJ-1&outwardIssue=PROJ-2"),
                "h3. Duplicate\n*see* [~alovelace]", Map.of(JiraSpokeConstants.LINK_TYPE, "10002",
                        JiraSpokeConstants.INWARD_ISSUE, "20123", JiraSpokeConstants.OUTWARD_ISSUE, " OPS-7 "));

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issueLink")).withRequestBody(equalToJson("""
                {"type":{"id":"10002"},"inwardIssue":{"id":"20123"},"outwardIssue":{"key":"OPS-7"},
                 "comment":{"body":"h3. Duplicate\\n*see* [~alovelace]"}}
                """, false, false)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutABodyNoCommentIsSent(Flavor f) throws Exception {
        jira.stubFor(post(f.api + "/issueLink").willReturn(WireMock.aResponse().withStatus(201)));
        start(f);

        Exchange ex = send(uri(f, ADD, "linkType=Duplicate&inwardIssue=PROJ-123&outwardIssue=PROJ-99"), null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issueLink")).withRequestBody(equalToJson("""
                {"type":{"name":"Duplicate"},"inwardIssue":{"key":"PROJ-123"},"outwardIssue":{"key":"PROJ-99"}}
                """, false, false)));
    }

    @Test
    void aCommentAsJiraTakesItKeepsItsVisibilityAndMarkdownBecomesAdf() throws Exception {
        jira.stubFor(post("/rest/api/3/issueLink").willReturn(WireMock.aResponse().withStatus(201)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ADD, "linkType=Blocks&inwardIssue=PROJ-123&outwardIssue=PROJ-124"
                                                  + "&textFormat=markdown"),
                "{\"body\":\"**Blocks** the release\",\"visibility\":{\"type\":\"role\",\"value\":\"Developers\"}}",
                Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issueLink")).withRequestBody(equalToJson("""
                {"type":{"name":"Blocks"},"inwardIssue":{"key":"PROJ-123"},"outwardIssue":{"key":"PROJ-124"},
                 "comment":{"body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                   {"type":"text","text":"Blocks","marks":[{"type":"strong"}]},{"type":"text","text":" the release"}]}]},
                  "visibility":{"type":"role","value":"Developers"}}}
                """, false, false)));
    }

    /** The type is not looked up first: Jira's 404 for a type it does not have is the answer, naming the type. */
    @Test
    void anUnknownLinkTypeIsJirasOwn404() throws Exception {
        jira.stubFor(post("/rest/api/2/issueLink").willReturn(WireMock.aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"errorMessages\":[\"No issue link type with name 'Blockz' found.\"],\"errors\":{}}")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ADD, "linkType=Blockz&inwardIssue=PROJ-1&outwardIssue=PROJ-2"), null,
                Map.of());

        JiraSpokeNotFoundException e = failure(ex, JiraSpokeNotFoundException.class);
        assertThat(e.getMessage()).contains("No issue link type with name 'Blockz' found.");
        jira.verify(1, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void missingOrSelfReferencingIssuesAndAMissingTypeAreRefused(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, ADD, "inwardIssue=PROJ-1&outwardIssue=PROJ-2"), null, Map.of()),
                ADD, "'linkType'", JiraSpokeConstants.LINK_TYPE);
        assertRefusedLocally(send(uri(f, ADD, "linkType=Blocks&outwardIssue=PROJ-2"), null,
                Map.of(JiraSpokeConstants.INWARD_ISSUE, " ")), ADD, "'inwardIssue'", JiraSpokeConstants.INWARD_ISSUE);
        assertRefusedLocally(send(uri(f, ADD, "linkType=Blocks&inwardIssue=PROJ-1&outwardIssue=proj-1"), null,
                Map.of()), ADD, "'inwardIssue'", "'outwardIssue'", "itself");
        assertRefusedLocally(send(uri(f, ADD, "linkType=Blocks&inwardIssue=PROJ-1&outwardIssue=PROJ-2"),
                "{\"visibility\":{\"type\":\"role\",\"value\":\"Developers\"}}", Map.of()), ADD, "'body'");
    }

    @Test
    void anAdfCommentIsRefusedByDataCenter() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ADD, "linkType=Blocks&inwardIssue=PROJ-1&outwardIssue=PROJ-2"),
                "{\"type\":\"doc\",\"version\":1,\"content\":[]}", Map.of());

        assertRefusedLocally(ex, ADD, "comment.body", "Data Center");
    }
}
