package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/count: Cloud {@code POST /rest/api/3/search/approximate-count} ({@code {"jql"}} in, {@code {"count"}} out;
 * its {@code /search/jql} has no total), Data Center the {@code total} of {@code GET /rest/api/2/search} asked for
 * no issues.
 */
class IssueCountActionTest extends ActionTestSupport {

    private static final String CLOUD_PATH = "/rest/api/3/search/approximate-count";
    private static final String DC_SEARCH = "/rest/api/2/search?jql=project%20%3D%20PROJ%20AND%20summary%20%7E%20%22K"
                                            + "%C3%B6ln%22&maxResults=0";
    private static final String JQL = "project = PROJ AND summary ~ \"Köln\"";

    private static String dcAnswer(String total) {
        return "{\"expand\":\"schema,names\",\"startAt\":0,\"maxResults\":0,\"total\":" + total + ",\"issues\":[]}";
    }

    @Test
    void cloudSendsTheJqlAndAnswersJirasApproximateCount() throws Exception {
        jira.stubFor(post(urlEqualTo(CLOUD_PATH)).withRequestBody(equalToJson("{\"jql\":\"" + JQL.replace("\"", "\\\"")
                                                                               + "\"}"))
                .willReturn(okJson("{\"count\":153}")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/count", "jql=RAW(" + JQL + ")"), "ignored", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo(153L);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_COUNT)).isEqualTo(153L);
        jira.verify(1, postRequestedFor(urlEqualTo(CLOUD_PATH)));
    }

    @Test
    void dataCenterAsksTheSearchForNoIssuesAndAnswersItsTotal() throws Exception {
        jira.stubFor(get(urlEqualTo(DC_SEARCH)).willReturn(okJson(dcAnswer("4711"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/count", "jql=RAW(" + JQL + ")"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(Long.class)).isEqualTo(4711L);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_COUNT)).isEqualTo(4711L);
        jira.verify(1, getRequestedFor(urlEqualTo(DC_SEARCH)));
        jira.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theHeaderWinsOverTheOptionAndZeroIsACount(Flavor f) throws Exception {
        if (f == Flavor.CLOUD) {
            jira.stubFor(post(urlEqualTo(CLOUD_PATH)).withRequestBody(equalToJson("{\"jql\":\"project = OPS\"}"))
                    .willReturn(okJson("{\"count\":0}")));
        } else {
            jira.stubFor(get(urlEqualTo("/rest/api/2/search?jql=project%20%3D%20OPS&maxResults=0"))
                    .willReturn(okJson(dcAnswer("0"))));
        }
        start(f);

        Exchange ex = send(uri(f, "issue/count", "jql=RAW(project = PROJ)"), null,
                Map.of(JiraSpokeConstants.JQL, " project = OPS "));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo(0L);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aCountSentAsTextIsStillTheCount(Flavor f) throws Exception {
        if (f == Flavor.CLOUD) {
            jira.stubFor(post(urlEqualTo(CLOUD_PATH)).willReturn(okJson("{\"count\":\"42\"}")));
        } else {
            jira.stubFor(get(urlEqualTo(DC_SEARCH)).willReturn(okJson(dcAnswer("\"42\""))));
        }
        start(f);

        Exchange ex = send(uri(f, "issue/count", "jql=RAW(" + JQL + ")"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo(42L);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"count\":null}", "{\"count\":-1}", "{\"count\":12.5}", "{\"count\":\"many\"}",
                             "{\"count\":{\"value\":3}}" })
    void anAnswerWithoutAUsableCountIsAnUnexpectedAnswer(String answer) throws Exception {
        jira.stubFor(post(urlEqualTo(CLOUD_PATH)).willReturn(okJson(answer)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/count", "jql=RAW(project = PROJ)"), null, Map.of());

        JiraSpokeUnexpectedAnswerException e = failure(ex, JiraSpokeUnexpectedAnswerException.class);
        assertThat(e.getMessage()).contains("POST " + CLOUD_PATH, "without a count", "'count'");
        assertThat(e.getPath()).isEqualTo(CLOUD_PATH);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_COUNT)).isNull();
    }

    @Test
    void dataCenterWithoutTotalIsAnUnexpectedAnswer() throws Exception {
        jira.stubFor(get(urlEqualTo(DC_SEARCH)).willReturn(okJson("{\"startAt\":0,\"maxResults\":0,\"issues\":[]}")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/count", "jql=RAW(" + JQL + ")"), null, Map.of());

        JiraSpokeUnexpectedAnswerException e = failure(ex, JiraSpokeUnexpectedAnswerException.class);
        assertThat(e.getMessage()).contains("GET /rest/api/2/search?", "'total' is missing");
    }

    @Test
    void cloudRefusesUnboundedJqlWithJirasReason() throws Exception {
        jira.stubFor(post(urlEqualTo(CLOUD_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"errorMessages\":[\"Unbounded JQL queries are not allowed here. Please add a search"
                          + " restriction to your query.\"],\"errors\":{}}")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/count", "jql=RAW(order by created)"), null, Map.of());

        JiraSpokeBadRequestException e = failure(ex, JiraSpokeBadRequestException.class);
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getMethod()).isEqualTo("POST");
        assertThat(e.getErrorMessages()).singleElement().asString().startsWith("Unbounded JQL");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutJqlNothingIsSent(Flavor f) throws Exception {
        start(f);

        assertRefusedLocally(send(uri(f, "issue/count", ""), null, Map.of()), "issue/count", "'jql'",
                JiraSpokeConstants.JQL);
    }
}
