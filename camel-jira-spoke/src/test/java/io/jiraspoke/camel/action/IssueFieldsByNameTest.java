package io.jiraspoke.camel.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraField;
import io.jiraspoke.camel.error.JiraSpokeForbiddenException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/create and issue/update with field display names: the requests they send on Cloud and Data Center, the
 * connection's field list fetched once and shared, refreshed on a miss within its bound, and names that cannot be
 * resolved refused before anything is written.
 */
class IssueFieldsByNameTest extends ActionTestSupport {

    private static final String CREATE = "projectKey=PROJ&issueType=Story";
    private static final String ADA = "712020:3f1c7a0e-5d2b-4c8a-9e61-0b7d2f4a9c55";
    private static final String GRACE = "712020:9a8b7c6d-1e2f-4a3b-8c9d-0e1f2a3b4c5d";

    private void stubJira(Flavor f) {
        jira.stubFor(get(f.api + "/field").willReturn(okJson(f.fixture("fields"))));
        jira.stubFor(post(f.api + "/issue").willReturn(created(f.fixture("issue-created"))));
        jira.stubFor(put(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(noContent()));
    }

    private Exchange create(Flavor f, Object body) {
        return send(uri(f, "issue/create", CREATE), body, Map.of());
    }

    private void assertNothingWritten(Flavor f) {
        jira.verify(0, postRequestedFor(urlEqualTo(f.api + "/issue")));
        jira.verify(0, putRequestedFor(urlPathEqualTo(f.api + "/issue/PROJ-123")));
    }

    @Test
    void cloudCreateByDisplayNamesShapesEachValueByItsSchema() throws Exception {
        stubJira(Flavor.CLOUD);
        start(Flavor.CLOUD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Summary", "Saved cards survive a token refresh");
        body.put("Story Points", "5");
        body.put("Story point estimate", 3);
        body.put("Severity", "High");
        body.put("Affected browsers", List.of("Firefox", "Safari"));
        body.put("Region", "Europe -> Berlin");
        body.put("Reviewer", ADA);
        body.put("Approvers", List.of(ADA, GRACE));
        body.put("Release date", LocalDate.of(2026, 12, 4));
        body.put("Deployed at", OffsetDateTime.of(2026, 11, 18, 14, 39, 0, 0, ZoneOffset.ofHours(11)));
        body.put("Components", List.of("Web shop", "Kasse (Österreich)"));
        body.put("Labels", "checkout");
        body.put("Customer tags", List.of("vip", 2026));
        body.put("Priority", "High");
        body.put("Fix versions", "4.2");
        body.put("Due date", "2026-12-01");
        body.put("Größe des Kunden", "Enterprise");
        body.put("顧客名", "株式会社サンプル");
        body.put("Parent", "PROJ-100");
        body.put("Assignee", GRACE);

        Exchange ex = create(Flavor.CLOUD, body);

        assertThat(ex.getException()).as("exception").isNull();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/field")));
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson("""
                {"fields":{
                  "summary":"Saved cards survive a token refresh",
                  "customfield_10028":5,
                  "customfield_10016":3,
                  "customfield_10101":{"value":"High"},
                  "customfield_10102":[{"value":"Firefox"},{"value":"Safari"}],
                  "customfield_10103":{"value":"Europe","child":{"value":"Berlin"}},
                  "customfield_10104":{"accountId":"%1$s"},
                  "customfield_10105":[{"accountId":"%1$s"},{"accountId":"%2$s"}],
                  "customfield_10106":"2026-12-04",
                  "customfield_10107":"2026-11-18T14:39:00.000+1100",
                  "components":[{"name":"Web shop"},{"name":"Kasse (Österreich)"}],
                  "labels":["checkout"],
                  "customfield_10110":["vip","2026"],
                  "priority":{"name":"High"},
                  "fixVersions":[{"name":"4.2"}],
                  "duedate":"2026-12-01",
                  "customfield_10108":{"value":"Enterprise"},
                  "customfield_10109":"株式会社サンプル",
                  "parent":{"key":"PROJ-100"},
                  "assignee":{"accountId":"%2$s"},
                  "project":{"key":"PROJ"},
                  "issuetype":{"name":"Story"}}}
                """.formatted(ADA, GRACE))));
    }

    @Test
    void dataCenterCreateByDisplayNamesUsesUserNames() throws Exception {
        stubJira(Flavor.DC);
        start(Flavor.DC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Summary", "Saved cards survive a token refresh");
        body.put("Story Points", 2.5);
        body.put("Region", List.of("Europe", "Vienna"));
        body.put("Reviewer", "alovelace");
        body.put("Approvers", "ghopper");
        body.put("Deployed at", Instant.parse("2026-11-18T03:39:00Z"));
        body.put("Release date", "2026-12-04T23:30:00.000+0100");
        body.put("Component/s", "Web shop");
        body.put("Priority", "3");
        body.put("Größe des Kunden", 11310);
        body.put("Description", "h3. Steps\n# Pay");

        Exchange ex = create(Flavor.DC, body);

        assertThat(ex.getException()).as("exception").isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/issue")).withRequestBody(equalToJson("""
                {"fields":{
                  "summary":"Saved cards survive a token refresh",
                  "customfield_10106":2.5,
                  "customfield_11203":{"value":"Europe","child":{"value":"Vienna"}},
                  "customfield_11204":{"name":"alovelace"},
                  "customfield_11205":[{"name":"ghopper"}],
                  "customfield_11207":"2026-11-18T03:39:00.000+0000",
                  "customfield_11206":"2026-12-04",
                  "components":[{"name":"Web shop"}],
                  "priority":{"id":"3"},
                  "customfield_11208":{"id":"11310"},
                  "description":"h3. Steps\\n# Pay",
                  "project":{"key":"PROJ"},
                  "issuetype":{"name":"Story"}}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void valuesAlreadyInJirasShapePassUntouched(Flavor f) throws Exception {
        stubJira(f);
        start(f);
        String region = f == Flavor.CLOUD ? "customfield_10103" : "customfield_11203";
        String reviewer = f == Flavor.CLOUD ? "customfield_10104" : "customfield_11204";
        String user = f == Flavor.CLOUD ? "{\"accountId\":\"" + ADA + "\"}" : "{\"name\":\"alovelace\"}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Summary", "Already shaped");
        body.put("Severity", Map.of("id", "10200"));
        body.put("Region", Map.of("value", "Europe", "child", Map.of("value", "Berlin")));
        body.put("Reviewer", tree(user));
        body.put("Sprint", 7);

        Exchange ex = create(f, body);

        assertThat(ex.getException()).isNull();
        String severity = f == Flavor.CLOUD ? "customfield_10101" : "customfield_11201";
        String sprint = f == Flavor.CLOUD ? "customfield_10020" : "customfield_10104";
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue")).withRequestBody(equalToJson("""
                {"fields":{"summary":"Already shaped","%s":{"id":"10200"},
                  "%s":{"value":"Europe","child":{"value":"Berlin"}},"%s":%s,"%s":7,
                  "project":{"key":"PROJ"},"issuetype":{"name":"Story"}}}
                """.formatted(severity, region, reviewer, user, sprint))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void idsAloneNeverFetchTheFieldList(Flavor f) throws Exception {
        stubJira(f);
        start(f);
        String assignee = f == Flavor.CLOUD ? "{\"accountId\":\"" + ADA + "\"}" : "{\"name\":\"" + ADA + "\"}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", "By ids");
        body.put("customfield_10016", "3");
        body.put("priority", "High");
        body.put("labels", "checkout");
        body.put("assignee", ADA);
        body.put("duedate", LocalDate.of(2026, 12, 1));

        Exchange ex = create(f, body);

        assertThat(ex.getException()).isNull();
        jira.verify(0, getRequestedFor(urlEqualTo(f.api + "/field")));
        // system fields of fixed schema are shaped; a custom field id keeps its value as given
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue")).withRequestBody(equalToJson("""
                {"fields":{"summary":"By ids","customfield_10016":"3","priority":{"name":"High"},
                  "labels":["checkout"],"assignee":%s,"duedate":"2026-12-01",
                  "project":{"key":"PROJ"},"issuetype":{"name":"Story"}}}
                """.formatted(assignee))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void updateByDisplayNamesInFieldsAndUpdate(Flavor f) throws Exception {
        stubJira(f);
        start(f);
        String storyPoints = f == Flavor.CLOUD ? "customfield_10028" : "customfield_10106";
        Map<String, Object> body = Map.of(
                "fields", Map.of("Story Points", "8"),
                "update", Map.of("Labels", List.of(Map.of("add", "regression")),
                        f == Flavor.CLOUD ? "Components" : "Component/s",
                        List.of(Map.of("remove", Map.of("name", "Web shop")))));

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123"), body, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123")).withRequestBody(equalToJson("""
                {"fields":{"%s":8},
                 "update":{"labels":[{"add":"regression"}],"components":[{"remove":{"name":"Web shop"}}]}}
                """.formatted(storyPoints))));
    }

    @Test
    void theListIsFetchedOnceForManyExchangesOfSeveralEndpoints() throws Exception {
        stubJira(Flavor.CLOUD);
        start(Flavor.CLOUD);

        for (int i = 0; i < 3; i++) {
            assertThat(create(Flavor.CLOUD, Map.of("Summary", "Story " + i, "Story Points", i)).getException())
                    .isNull();
            assertThat(send(uri(Flavor.CLOUD, "issue/update", "issueKey=PROJ-123"), Map.of("Severity", "Low"),
                    Map.of()).getException()).isNull();
            Exchange lookup = send(uri(Flavor.CLOUD, "field/lookup", "fieldName=Region"), null, Map.of());
            assertThat(lookup.getMessage().getBody(JiraField.class).getId()).isEqualTo("customfield_10103");
        }

        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/field")));
        jira.verify(3, postRequestedFor(urlEqualTo("/rest/api/3/issue")));
        jira.verify(3, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123")));
    }

    @Test
    void concurrentFirstNeedsShareOneFetch() throws Exception {
        // a slow answer keeps the first fetch open while the other exchanges come to need the list
        jira.stubFor(get("/rest/api/3/field").willReturn(okJson(Flavor.CLOUD.fixture("fields"))
                .withFixedDelay(400)));
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(Flavor.CLOUD.fixture("issue-created"))));
        start(Flavor.CLOUD);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<Exchange> call = () -> {
                    go.await();
                    return create(Flavor.CLOUD, Map.of("Summary", "Parallel " + n, "Story Points", n));
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            for (Future<Exchange> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }

        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/field")));
        jira.verify(threads, postRequestedFor(urlEqualTo("/rest/api/3/issue")));
    }

    @Test
    void aMissFetchesTheListAgainAtMostOncePerRefreshBound() throws Exception {
        // the first list lacks the field; Jira has it from the second fetch on
        String without = Flavor.CLOUD.fixture("fields").replace("Customer tags", "Tags");
        jira.stubFor(get("/rest/api/3/field").inScenario("new field").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(without)).willSetStateTo("added"));
        jira.stubFor(get("/rest/api/3/field").inScenario("new field").whenScenarioStateIs("added")
                .willReturn(okJson(Flavor.CLOUD.fixture("fields"))));
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(Flavor.CLOUD.fixture("issue-created"))));
        JiraSpokeConnection c = cloud();
        c.setFieldListRefresh("400ms");
        start(Map.of("cloud", c));
        Map<String, Object> body = Map.of("Summary", "Tagged", "Customer tags", List.of("vip"));

        // fetched just now: a miss does not fetch again, however many messages make it
        for (int i = 0; i < 5; i++) {
            assertThat(failure(create(Flavor.CLOUD, body), JiraSpokeInputException.class).getMessage())
                    .contains("no field is named 'Customer tags'");
        }
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/field")));

        Thread.sleep(500);
        assertThat(create(Flavor.CLOUD, body).getException()).as("found after the refresh").isNull();
        jira.verify(2, getRequestedFor(urlEqualTo("/rest/api/3/field")));

        // the refresh just happened: a mistyped name does not make another
        for (int i = 0; i < 5; i++) {
            assertThat(create(Flavor.CLOUD, Map.of("Summary", "x", "Customer tgas", "vip")).getException())
                    .isInstanceOf(JiraSpokeInputException.class);
        }
        jira.verify(2, getRequestedFor(urlEqualTo("/rest/api/3/field")));
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")).withRequestBody(equalToJson("""
                {"fields":{"summary":"Tagged","customfield_10110":["vip"],"project":{"key":"PROJ"},
                           "issuetype":{"name":"Story"}}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void unknownNameIsRefusedWithSuggestionsAndNothingWritten(Flavor f) throws Exception {
        stubJira(f);
        start(f);
        String storyPoints = f == Flavor.CLOUD ? "customfield_10028" : "customfield_10106";

        Exchange ex = create(f, Map.of("Summary", "x", "Story Pionts", 5));

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).startsWith("issue/create: no field is named 'Story Pionts'")
                .contains("'Story Points' (" + storyPoints);
        assertNothingWritten(f);
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + "/field")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void ambiguousNameIsRefusedListingBothIdsAndNothingWritten(Flavor f) throws Exception {
        stubJira(f);
        start(f);

        Exchange ex = send(uri(f, "issue/update", "issueKey=PROJ-123"), Map.of("Team", "Platform"), Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("issue/update: the field name 'Team' is ambiguous", "Use the id")
                .contains(f == Flavor.CLOUD ? List.of("customfield_10001", "customfield_10100")
                        : List.of("customfield_10400", "customfield_11200"));
        assertNothingWritten(f);
    }

    @Test
    void cloudTheIdOfAnAmbiguousNameIsTheWayOut() throws Exception {
        stubJira(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/update", "issueKey=PROJ-123"),
                Map.of("customfield_10100", Map.of("value", "Platform")), Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123"))
                .withRequestBody(equalToJson("{\"fields\":{\"customfield_10100\":{\"value\":\"Platform\"}}}")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void valuesTheFieldCannotTakeAreRefusedNamingIt(Flavor f) throws Exception {
        stubJira(f);
        start(f);
        String storyPoints = f == Flavor.CLOUD ? "customfield_10028" : "customfield_10106";
        String release = f == Flavor.CLOUD ? "customfield_10106" : "customfield_11206";

        Exchange number = create(f, Map.of("Summary", "x", "Story Points", "five"));
        Exchange date = create(f, Map.of("Summary", "x", "Release date", "04.12.2026"));
        Exchange datetime = create(f, Map.of("Summary", "x", "Deployed at", LocalDate.of(2026, 12, 4)));
        Exchange cascade = create(f, Map.of("Summary", "x", "Region", List.of("Europe", "Berlin", "Mitte")));

        assertThat(failure(number, JiraSpokeInputException.class).getMessage())
                .contains("issue/create: field 'Story Points' (" + storyPoints + ", number) takes a number", "'five'");
        assertThat(failure(date, JiraSpokeInputException.class).getMessage())
                .contains("'Release date' (" + release + ", date) takes a date as yyyy-MM-dd", "'04.12.2026'");
        assertThat(failure(datetime, JiraSpokeInputException.class).getMessage())
                .contains("'Deployed at'", "with an offset");
        assertThat(failure(cascade, JiraSpokeInputException.class).getMessage())
                .contains("'Region'", "cascading select");
        assertNothingWritten(f);
    }

    @Test
    void aFieldGivenByNameAndByIdIsRefused() throws Exception {
        stubJira(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = create(Flavor.CLOUD, Map.of("Summary", "a", "summary", "b"));

        assertThat(failure(ex, JiraSpokeInputException.class).getMessage())
                .contains("field summary is given twice", "'Summary'", "'summary'");
        assertNothingWritten(Flavor.CLOUD);
    }

    @Test
    void aKeyThatIsNotTextIsRefused() throws Exception {
        stubJira(Flavor.CLOUD);
        start(Flavor.CLOUD);
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put("Summary", "x");
        body.put(10028, 5);

        Exchange ex = create(Flavor.CLOUD, body);

        assertRefusedLocally(ex, "issue/create", "field id or display name", "'10028' (Integer)");
    }

    @Test
    void anEmptyNumberClearsTheField() throws Exception {
        stubJira(Flavor.CLOUD);
        start(Flavor.CLOUD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Story Points", " ");
        body.put("Reviewer", null);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/update", "issueKey=PROJ-123"), body,
                Map.of(JiraSpokeConstants.SUMMARY, "Cleared"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123")).withRequestBody(equalToJson("""
                {"fields":{"customfield_10028":null,"customfield_10104":null,"summary":"Cleared"}}
                """)));
    }

    @Test
    void theFieldListFailingFailsTheExchangeBeforeAnyWrite() throws Exception {
        jira.stubFor(get("/rest/api/3/field").willReturn(okJson("{\"errorMessages\":[],\"errors\":{}}")));
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(Flavor.CLOUD.fixture("issue-created"))));
        start(Flavor.CLOUD);

        Exchange ex = create(Flavor.CLOUD, Map.of("Summary", "x"));

        assertThat(ex.getException()).hasMessageContaining("GET /rest/api/3/field");
        assertNothingWritten(Flavor.CLOUD);
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aFieldListTheScopesDoNotReachSaysWhichScopeAndTheWayOut() throws Exception {
        jira.stubFor(get("/rest/api/3/field").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"You do not have permission to view fields.\"],\"errors\":{}}")));
        jira.stubFor(post("/rest/api/3/issue").willReturn(created(Flavor.CLOUD.fixture("issue-created"))));
        start(Flavor.CLOUD);

        Exchange ex = create(Flavor.CLOUD, Map.of("Story Points", 5));

        assertThat(ex.getException()).isInstanceOf(JiraSpokeForbiddenException.class)
                .hasMessageContaining("GET /rest/api/3/field")
                .hasMessageContaining("read:field:jira")
                .hasMessageContaining("customfield_10016");
        assertThat(((JiraSpokeForbiddenException) ex.getException()).getStatus()).isEqualTo(403);
        assertNothingWritten(Flavor.CLOUD);
    }
}
