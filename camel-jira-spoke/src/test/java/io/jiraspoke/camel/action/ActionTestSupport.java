package io.jiraspoke.camel.action;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeForbiddenException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.provider.Arguments;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared pieces of the per-action HTTP tests: the two flavours of Jira, Jira's error answers as each flavour sends
 * them, 429-then-200 scenarios and the assertions on the exceptions.
 */
abstract class ActionTestSupport extends JiraSpokeTestSupport {

    /** The two deployments every action is tested on. */
    enum Flavor {
        CLOUD("cloud", "/rest/api/3"),
        DC("dc", "/rest/api/2");

        final String connection;
        final String api;

        Flavor(String connection, String api) {
            this.connection = connection;
            this.api = api;
        }

        /** The flavour's fixture: {@code cloud-<name>.json} or {@code dc-<name>.json}. */
        String fixture(String name) {
            return json(connection + "-" + name + ".json");
        }
    }

    /** One error answer of Jira and what the component must make of it. */
    record JiraError(Flavor flavor, int status, Class<? extends JiraSpokeException> type, String contentType,
                     String body, String expectedMessage) {

        ResponseDefinitionBuilder response() {
            return WireMock.aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body);
        }

        @Override
        public String toString() {
            return flavor + " " + status;
        }
    }

    /**
     * 401, 403 and 404 as Cloud and Data Center send them. Cloud answers a bad API token with a plain-text body; the
     * others carry Jira's usual {@code {"errorMessages":[..],"errors":{}}}.
     */
    static Stream<Arguments> jiraErrors() {
        return Stream.of(
                new JiraError(Flavor.CLOUD, 401, JiraSpokeUnauthorizedException.class, "text/plain;charset=UTF-8",
                        "Client must be authenticated to access this resource.",
                        "Client must be authenticated to access this resource."),
                new JiraError(Flavor.DC, 401, JiraSpokeUnauthorizedException.class, "application/json;charset=UTF-8",
                        "{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this"
                                                                                                 + " operation.\"],\"errors\":{}}",
                        "You are not authenticated. Authentication required to perform this operation."),
                new JiraError(Flavor.CLOUD, 403, JiraSpokeForbiddenException.class, "application/json;charset=UTF-8",
                        "{\"errorMessages\":[\"You do not have permission to perform this operation.\"],\"errors\":{}}",
                        "You do not have permission to perform this operation."),
                new JiraError(Flavor.DC, 403, JiraSpokeForbiddenException.class, "application/json;charset=UTF-8",
                        "{\"errorMessages\":[\"You do not have the permission to see the specified issue.\"],"
                                                                                                + "\"errors\":{}}",
                        "You do not have the permission to see the specified issue."),
                new JiraError(Flavor.CLOUD, 404, JiraSpokeNotFoundException.class, "application/json;charset=UTF-8",
                        "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],"
                                                                                                  + "\"errors\":{}}",
                        "Issue does not exist or you do not have permission to see it."),
                new JiraError(Flavor.DC, 404, JiraSpokeNotFoundException.class, "application/json;charset=UTF-8",
                        "{\"errorMessages\":[\"Issue Does Not Exist\"],\"errors\":{}}",
                        "Issue Does Not Exist"))
                .map(Arguments::of);
    }

    /** Starts the context with the flavour's connection. */
    protected void start(Flavor flavor) throws Exception {
        start(Map.of(flavor.connection, flavor == Flavor.CLOUD ? cloud() : server()));
    }

    protected static String uri(Flavor flavor, String action, String options) {
        return "jiraspoke:" + action + "?connection=" + flavor.connection + (options.isEmpty() ? "" : "&" + options);
    }

    /** The exchange failed with exactly this type of exception; answers it. */
    protected static <T extends JiraSpokeException> T failure(Exchange ex, Class<T> type) {
        assertThat(ex.getException()).as("exchange exception").isExactlyInstanceOf(type);
        return type.cast(ex.getException());
    }

    /** The exchange failed with Jira's error mapped as expected, naming the request and never a credential. */
    protected static void assertJiraError(Exchange ex, JiraError error, String method, String pathAndQuery) {
        JiraSpokeException e = failure(ex, error.type());
        assertThat(e.getStatus()).isEqualTo(error.status());
        assertThat(e.getMethod()).isEqualTo(method);
        assertThat(e.getPath()).isEqualTo(pathAndQuery);
        assertThat(e.getErrorMessages()).containsExactly(error.expectedMessage());
        assertThat(e.getMessage()).contains(String.valueOf(error.status()), method + " " + pathAndQuery,
                error.expectedMessage());
        assertThat(e.getMessage()).doesNotContain(CLOUD_API_TOKEN, DC_PAT);
    }

    /** The exchange was refused before anything was sent; the message names what to fix. */
    protected void assertRefusedLocally(Exchange ex, String... messageParts) {
        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains(messageParts);
        assertThat(e.getStatus()).isZero();
        jira.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * The request is first answered 429 with {@code Retry-After} (as Jira Cloud does on a burst limit), then with
     * {@code ok}.
     */
    protected void stubRateLimitedOnce(Supplier<MappingBuilder> request, ResponseDefinitionBuilder ok,
                                       int retryAfterSeconds) {
        String scenario = "rate-limited";
        jira.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                        .withHeader("X-RateLimit-Limit", "100")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reason", "jira-burst-based")
                        .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}"))
                .willSetStateTo("served"));
        jira.stubFor(request.get().inScenario(scenario).whenScenarioStateIs("served").willReturn(ok));
    }

    protected static ResponseDefinitionBuilder created(String body) {
        return okJson(body).withStatus(201);
    }

    protected static ResponseDefinitionBuilder noContent() {
        return WireMock.aResponse().withStatus(204);
    }

    /** A search page cut to its first {@code n} issues (as Jira answers a smaller maxResults). */
    protected static String firstIssues(String page, int n) {
        try {
            ObjectNode node = (ObjectNode) JiraJson.MAPPER.readTree(page);
            ArrayNode issues = (ArrayNode) node.get("issues");
            while (issues.size() > n) {
                issues.remove(issues.size() - 1);
            }
            if (node.has("maxResults")) {
                node.put("maxResults", n);
            }
            return JiraJson.MAPPER.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected static JsonNode tree(String json) {
        try {
            return JiraJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
