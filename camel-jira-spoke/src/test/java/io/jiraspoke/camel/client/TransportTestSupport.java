package io.jiraspoke.camel.client;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * What the transport tests share: a read (server/info) and a write (issue/create) on connection {@code jira}, Jira's
 * error body for a status, and a two-step scenario.
 */
abstract class TransportTestSupport extends JiraSpokeTestSupport {

    static final String INFO = "/rest/api/3/serverInfo";
    static final String INFO_URI = "jiraspoke:server/info?connection=jira";
    static final String CREATE = "/rest/api/3/issue";
    static final String CREATE_URI = "jiraspoke:issue/create?connection=jira&projectKey=PROJ"
                                     + "&issueType=Task&summary=Hello";
    static final String CREATED = "{\"id\":\"10000\",\"key\":\"PROJ-1\","
                                  + "\"self\":\"https://example.atlassian.net/rest/api/3/issue/10000\"}";

    static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"status " + status + "\"],\"errors\":{}}");
    }

    /** First answer, then the second one for every later request. */
    void firstThen(MappingBuilder first, MappingBuilder then) {
        jira.stubFor(first.inScenario("retry").whenScenarioStateIs("Started").willSetStateTo("answered"));
        jira.stubFor(then.inScenario("retry").whenScenarioStateIs("answered"));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
