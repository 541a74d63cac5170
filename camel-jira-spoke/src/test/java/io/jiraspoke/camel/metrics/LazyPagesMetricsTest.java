package io.jiraspoke.camel.metrics;

import java.util.Iterator;
import java.util.Map;

import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a lazy iterator (outputType=iterator) fetches after its exchange returned count against its action,
 * also while the reader serves another action, and reads answered from the page in hand leave the reader's own
 * action in place: an issue/get inside the streaming split counts as issue/get.
 */
class LazyPagesMetricsTest extends JiraSpokeTestSupport {

    private static final String SEARCH = "/rest/api/3/search/jql";

    private static String issue(int n) {
        return "{\"expand\":\"operations,versionedRepresentations,editmeta,changelog,renderedFields\",\"id\":\""
               + (10000 + n) + "\",\"self\":\"https://example.atlassian.net/rest/api/3/issue/" + (10000 + n)
               + "\",\"key\":\"PROJ-" + n + "\",\"fields\":{\"summary\":\"Issue " + n
               + "\",\"updated\":\"2026-11-30T10:15:30.123+0000\"}}";
    }

    @BeforeEach
    void fivePagesOfTwo() {
        for (int p = 0; p < 3; p++) {
            StringBuilder page = new StringBuilder("{\"issues\":[");
            for (int n = p * 2 + 1; n <= Math.min(5, p * 2 + 2); n++) {
                page.append(n > p * 2 + 1 ? "," : "").append(issue(n));
            }
            page.append(']').append(p < 2 ? ",\"nextPageToken\":\"t" + (p + 1) + "\"" : "")
                    .append(",\"isLast\":").append(p == 2).append('}');
            jira.stubFor(post(urlEqualTo(SEARCH))
                    .withRequestBody(p == 0 ? matchingJsonPath("$.nextPageToken", absent())
                                            : matchingJsonPath("$.nextPageToken", equalTo("t" + p)))
                    .willReturn(okJson(page.toString())));
        }
        for (int n = 1; n <= 5; n++) {
            jira.stubFor(get(urlPathMatching("/rest/api/3/issue/PROJ-" + n)).willReturn(okJson(issue(n))));
        }
    }

    private int searchRequests() {
        return jira.countRequestsMatching(postRequestedFor(urlEqualTo(SEARCH)).build()).getCount();
    }

    @Test
    void pagesReadInAStreamingSplitCountAsTheSearchAndTheCallsInsideItAsTheirOwn() throws Exception {
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in")
                        .to("jiraspoke:issue/search?connection=cloud&jql=project = PROJ&pageSize=2&outputType=iterator")
                        .split(body()).streaming()
                            .setHeader("CamelJiraSpokeIssueKey", simple("${body.key}"))
                            .to("jiraspoke:issue/get?connection=cloud")
                        .end();
            }
        });

        Exchange ex = send("direct:in", null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraSpokeMetrics metrics = component.client("cloud").http().metrics();
        assertThat(searchRequests()).isEqualTo(3);
        assertThat(metrics.forAction(JiraSpokeAction.ISSUE_SEARCH).requests()).isEqualTo(3);
        assertThat(metrics.forAction(JiraSpokeAction.ISSUE_GET).requests()).isEqualTo(5);
        assertThat(metrics.requests()).as("nothing else counted, outside any action or not")
                .isEqualTo(3 + 5 + metrics.outsideActions().requests());
        assertThat(jira.getAllServeEvents()).hasSize((int) metrics.requests());
    }

    @Test
    void pagesReadLaterOnAnotherActionsThreadCountAsTheSearchAndLeaveThatActionInPlace() throws Exception {
        start(Map.of("cloud", cloud()), sendingTo(
                "jiraspoke:issue/search?connection=cloud&jql=project = PROJ&pageSize=2&outputType=iterator"));
        Exchange ex = send("direct:in", null, Map.of());
        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<JiraIssue> it = ex.getMessage().getBody(Iterator.class);
        JiraSpokeMetrics metrics = component.client("cloud").http().metrics();
        ActionCounters myself = metrics.forAction(JiraSpokeAction.USER_MYSELF);
        ActionCounters search = metrics.forAction(JiraSpokeAction.ISSUE_SEARCH);

        ActionCounters before = JiraSpokeMetrics.enter(myself);
        try {
            int read = 0;
            while (it.hasNext()) {
                assertThat(it.next().getKey()).isEqualTo("PROJ-" + ++read);
                assertThat(metrics.current()).as("the reader's action after item %d", read).isSameAs(myself);
            }
            assertThat(read).isEqualTo(5);
            assertThat(metrics.current()).isSameAs(myself);
        } finally {
            JiraSpokeMetrics.exit(before);
        }
        assertThat(searchRequests()).isEqualTo(3);
        assertThat(search.requests()).isEqualTo(3);
        assertThat(myself.requests()).isZero();
        assertThat(metrics.current()).isSameAs(metrics.outsideActions());
    }
}
