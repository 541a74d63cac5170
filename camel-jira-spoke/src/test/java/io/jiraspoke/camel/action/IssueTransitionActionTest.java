package io.jiraspoke.camel.action;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/transition: {@code POST /rest/api/{3|2}/issue/{key}/transitions}, by transition id (one request), by
 * transition name or by target status (looked up with a GET of the issue's transitions first), with fields, a
 * resolution and a comment shaped by the dialect.
 */
class IssueTransitionActionTest extends ActionTestSupport {

    private static final String ACTION = "issue/transition";

    private void stubTransitions(Flavor f, String answer) {
        jira.stubFor(get(urlPathEqualTo(f.api + "/issue/PROJ-123/transitions")).willReturn(okJson(answer)));
        jira.stubFor(post(urlEqualTo(f.api + "/issue/PROJ-123/transitions")).willReturn(noContent()));
    }

    private void stubTransitions(Flavor f) {
        stubTransitions(f, f.fixture("transitions-PROJ-123"));
    }

    /** The one POST the call sent, its body as JSON text. */
    private String posted(Flavor f) {
        List<LoggedRequest> posts = jira.findAll(postRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/transitions")));
        assertThat(posts).hasSize(1);
        return posts.get(0).getBodyAsString();
    }

    private static void ok(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aTransitionIdIsSentAsIsInOneRequest(Flavor f) throws Exception {
        stubTransitions(f);
        start(f);

        Exchange ex = send(uri(f, ACTION, "issueKey=PROJ-123&transition=31"), null, Map.of());

        ok(ex);
        assertThat(posted(f)).isEqualTo("{\"transition\":{\"id\":\"31\"}}");
        assertThat(jira.getAllServeEvents()).hasSize(1);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.TRANSITION_ID)).isEqualTo("31");
    }

    @Test
    void cloudTransitionNameIsLookedUpIgnoringCase() throws Exception {
        stubTransitions(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.TRANSITION, "  in   PROGRESS "));

        ok(ex);
        // the lookup needs no screen fields
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/transitions")));
        assertThat(posted(Flavor.CLOUD)).isEqualTo("{\"transition\":{\"id\":\"21\"}}");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.TRANSITION_ID)).isEqualTo("21");
    }

    @Test
    void dataCenterNonAsciiNameTypedWithCombiningAccentsFindsJirasSpelling() throws Exception {
        stubTransitions(Flavor.DC);
        start(Flavor.DC);
        String decomposed = Normalizer.normalize("ZUR PRÜFUNG", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("ZUR PRÜFUNG");

        Exchange ex = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.TRANSITION, decomposed));

        ok(ex);
        assertThat(posted(Flavor.DC)).isEqualTo("{\"transition\":{\"id\":\"711\"}}");
    }

    @Test
    void dataCenterTargetStatusFindsTheTransitionLeadingThere() throws Exception {
        stubTransitions(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123&targetStatus=in prüfung"), null, Map.of());

        ok(ex);
        assertThat(posted(Flavor.DC)).isEqualTo("{\"transition\":{\"id\":\"711\"}}");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.TRANSITION_ID)).isEqualTo("711");
    }

    @Test
    void cloudTargetStatusMayBeAStatusId() throws Exception {
        stubTransitions(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.TARGET_STATUS, "10001"));

        ok(ex);
        assertThat(posted(Flavor.CLOUD)).isEqualTo("{\"transition\":{\"id\":\"31\"}}");
    }

    @Test
    void cloudFieldsResolutionAndCommentGoWithTheTransitionTheCommentAsAdf() throws Exception {
        stubTransitions(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, "issueKey=PROJ-123&targetStatus=Done&resolution=RAW(Won't Do)"),
                Map.of("labels", List.of("wontfix"), "customfield_10016", 3),
                Map.of(JiraSpokeConstants.TRANSITION_COMMENT, "Not reproducible.\nClosing."));

        ok(ex);
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/transitions"))
                .withRequestBody(equalToJson("""
                        {"transition":{"id":"31"},
                         "update":{"comment":[{"add":{"body":{"type":"doc","version":1,"content":[
                           {"type":"paragraph","content":[{"type":"text","text":"Not reproducible."},
                             {"type":"hardBreak"},{"type":"text","text":"Closing."}]}]}}}]},
                         "fields":{"labels":["wontfix"],"customfield_10016":3,"resolution":{"name":"Won't Do"}}}
                        """)));
    }

    @Test
    void dataCenterPlainTextBodyIsTheCommentInWikiText() throws Exception {
        stubTransitions(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123&transition=5&resolution=1"),
                "Fixed in *4.2*", Map.of());

        ok(ex);
        assertThat(ex.getMessage().getBody()).isEqualTo("Fixed in *4.2*");
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue/PROJ-123/transitions"))
                .withRequestBody(equalToJson("""
                        {"transition":{"id":"5"},
                         "update":{"comment":[{"add":{"body":"Fixed in *4.2*"}}]},
                         "fields":{"resolution":{"id":"1"}}}
                        """)));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void bodyInJirasShapeKeepsItsUpdateOperationsAndGetsTheCommentAdded(Flavor f) throws Exception {
        stubTransitions(f);
        start(f);
        String body = """
                {"fields":{"resolution":{"name":"Done"}},
                 "update":{"labels":[{"add":"verified"}],
                           "comment":[{"add":{"body":"First comment"}}]},
                 "historyMetadata":{"type":"myplugin:type","description":"From the nightly run"}}
                """;

        Exchange ex = send(uri(f, ACTION, "issueKey=PROJ-123&transition=31&resolution=Fixed"), body,
                Map.of(JiraSpokeConstants.TRANSITION_COMMENT, "Second comment"));

        ok(ex);
        Object second = f == Flavor.CLOUD
                ? "{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
                  + "\"text\":\"Second comment\"}]}]}"
                : "\"Second comment\"";
        // the body's resolution wins over the option
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/transitions"))
                .withRequestBody(equalToJson("""
                        {"transition":{"id":"31"},
                         "update":{"labels":[{"add":"verified"}],
                                   "comment":[{"add":{"body":"First comment"}},{"add":{"body":%s}}]},
                         "historyMetadata":{"type":"myplugin:type","description":"From the nightly run"},
                         "fields":{"resolution":{"name":"Done"}}}
                        """.formatted(second))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aCommentEntryAmongTheFieldsIsAddedAsAComment(Flavor f) throws Exception {
        stubTransitions(f);
        start(f);

        Exchange ex = send(uri(f, ACTION, "issueKey=PROJ-123&transition=11"),
                Map.of("fields", Map.of("comment", "Reopened")), Map.of());

        ok(ex);
        String posted = posted(f);
        assertThat(tree(posted).path("fields").isMissingNode()).as("no fields left: " + posted).isTrue();
        assertThat(tree(posted).path("update").path("comment")).hasSize(1);
        assertThat(tree(posted).path("update").path("comment").get(0).path("add").path("body").toString())
                .contains("Reopened");
    }

    @Test
    void aTransitionIdInTheBodyIsUsedWhenNoOptionNamesOne() throws Exception {
        stubTransitions(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, "issueKey=PROJ-123"),
                "{\"transition\":{\"id\":21},\"fields\":{\"labels\":[\"started\"]}}", Map.of());

        ok(ex);
        assertThat(tree(posted(Flavor.CLOUD))).isEqualTo(tree(
                "{\"transition\":{\"id\":\"21\"},\"fields\":{\"labels\":[\"started\"]}}"));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anUnreachableStatusFailsListingTheTransitionsAndWhereTheyLead(Flavor f) throws Exception {
        stubTransitions(f);
        start(f);

        Exchange ex = send(uri(f, ACTION, "issueKey=PROJ-123&targetStatus=Closed"), null, Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("issue/transition of PROJ-123", "'Closed'", "'targetStatus'",
                JiraSpokeConstants.TARGET_STATUS, "cannot be reached from the issue's current status");
        if (f == Flavor.CLOUD) {
            assertThat(e.getMessage()).contains("To Do (11) -> To Do, In Progress (21) -> In Progress, Done (31) -> Done");
        } else {
            assertThat(e.getMessage()).contains("Start Progress (4) -> In Progress", "Resolve Issue (5) -> Resolved",
                    "Zur Prüfung (711) -> In Prüfung");
        }
        jira.verify(0, postRequestedFor(anyUrl()));
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.TRANSITION_ID)).isNull();
    }

    @Test
    void anUnknownTransitionNameFailsListingTheTransitionsAndPointsAtTargetStatus() throws Exception {
        stubTransitions(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, "issueKey=PROJ-123&transition=Close"), null, Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("the transition 'Close'", "'transition'", JiraSpokeConstants.TRANSITION,
                "Done (31) -> Done", "'targetStatus'");
        jira.verify(0, postRequestedFor(anyUrl()));
    }

    /** Two transitions of one name (a workflow with a global and a local "Close"), ids sent as numbers. */
    private static final String DUPLICATES = """
            {"expand":"transitions","transitions":[
              {"id":41,"name":"Close","to":{"name":"Closed","id":6}},
              {"id":"51","name":"close","to":{"name":"Done","id":"10001"}},
              {"id":"61","name":"Reject","to":{"name":"Closed","id":"6"}},
              {"id":"71","name":"Archive"}]}
            """;

    @Test
    void aNameTwoTransitionsShareFailsListingThem() throws Exception {
        stubTransitions(Flavor.DC, DUPLICATES);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123&transition=CLOSE"), null, Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("names several of the issue's transitions: Close (41) -> Closed, close (51)"
                                            + " -> Done", "give the transition's id instead");
        jira.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aStatusTwoTransitionsLeadToFailsListingThem() throws Exception {
        stubTransitions(Flavor.DC, DUPLICATES);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123&targetStatus=closed"), null, Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("the status 'closed'", "is reached by several transitions: Close (41) ->"
                                            + " Closed, Reject (61) -> Closed", "'transition'");
        jira.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aTransitionWithoutTargetIsListedAndAStatusIdSentAsANumberIsFound() throws Exception {
        stubTransitions(Flavor.DC, DUPLICATES);
        start(Flavor.DC);

        Exchange missing = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123&targetStatus=Archived"), null, Map.of());
        Exchange byId = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.TRANSITION, "Archive"));

        assertThat(failure(missing, JiraSpokeInputException.class).getMessage())
                .contains("Archive (71) -> (status not given)");
        ok(byId);
        assertThat(posted(Flavor.DC)).isEqualTo("{\"transition\":{\"id\":\"71\"}}");
    }

    @Test
    void noTransitionsAtAllSaysWhyThatMayBe() throws Exception {
        stubTransitions(Flavor.CLOUD, "{\"expand\":\"transitions\",\"transitions\":[]}");
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, "issueKey=PROJ-123&targetStatus=Done"), null, Map.of());

        assertThat(failure(ex, JiraSpokeInputException.class).getMessage())
                .contains("none (the connection's user may lack the Transition Issues permission");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void transitionAndTargetStatusTogetherAreRefusedBeforeAnythingIsSent(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, ACTION, "issueKey=PROJ-123&transition=31"), null,
                Map.of(JiraSpokeConstants.TARGET_STATUS, "Done"));

        assertRefusedLocally(ex, "not both", "'transition'", "'targetStatus'");
    }

    @Test
    void dataCenterRefusesAnAdfCommentBeforeTheLookup() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, ACTION, "issueKey=PROJ-123&targetStatus=Resolved"),
                tree("{\"type\":\"doc\",\"version\":1,\"content\":[]}"), Map.of());

        assertRefusedLocally(ex, "issue/transition", "'comment'", "Data Center");
    }

    @Test
    void aTransitionInTheBodyThatIsNoIdIsRefused() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, ACTION, "issueKey=PROJ-123"), Map.of("transition", Map.of("name", "Done")),
                Map.of());

        assertRefusedLocally(ex, "'transition' in the body must be {\"id\"", "'targetStatus'");
        jira.verify(0, anyRequestedFor(anyUrl()));
    }
}
