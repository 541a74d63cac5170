package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults tests switch on per path, and the JUnit extension switching them off after each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTest {

    @RegisterExtension
    static final JiraEmulator jira = JiraEmulator.cloud().seedIssues("DEMO", 3);

    private final Rest rest = new Rest(jira);

    @Test
    @Order(1)
    void rateLimitedThenFine() {
        Fault fault = jira.fault("GET /rest/api/3/issue/*").times(2).rateLimited(Duration.ofMillis(1500), "jira-per-issue-on-write");
        Rest.Response limited = rest.get("/rest/api/3/issue/DEMO-1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).as("whole seconds, rounded up").isEqualTo("2");
        assertThat(limited.header("RateLimit-Reason")).isEqualTo("jira-per-issue-on-write");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-RateLimit-Reset")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z");
        assertThat(limited.json().path("errorMessages").path(0).asText()).isEqualTo("Rate limit exceeded.");
        assertThat(rest.get("/rest/api/3/issue/DEMO-1/comment").status()).as("* stays within one segment").isEqualTo(200);
        assertThat(rest.put("/rest/api/3/issue/DEMO-1", "{\"fields\":{}}").status()).as("another method").isEqualTo(204);
        assertThat(rest.get("/rest/api/3/issue/DEMO-2").status()).isEqualTo(429);
        assertThat(rest.get("/rest/api/3/issue/DEMO-2").status()).as("after two hits").isEqualTo(200);
        assertThat(fault.hits()).isEqualTo(2);
        // left on for the next test, which must not see it
        jira.fault("GET /rest/api/3/issue/DEMO-3").unavailable();
        assertThat(rest.get("/rest/api/3/issue/DEMO-3").status()).isEqualTo(503);
    }

    @Test
    @Order(2)
    void theExtensionClearedThePreviousTestsFaults() {
        assertThat(rest.get("/rest/api/3/issue/DEMO-3").status()).isEqualTo(200);
        assertThat(jira.issueCount()).as("the data stays for the class's tests").isEqualTo(3);
    }

    @Test
    @Order(3)
    void unavailableWithAndWithoutRetryAfter() {
        jira.fault("POST /rest/api/3/search/jql").times(1).unavailable(Duration.ofSeconds(3));
        jira.fault("POST /rest/api/3/issue").times(1).unavailable();
        Rest.Response search = rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO\"}");
        assertThat(search.status()).isEqualTo(503);
        assertThat(search.header("Retry-After")).isEqualTo("3");
        Rest.Response create = rest.post("/rest/api/3/issue", "{}");
        assertThat(create.status()).isEqualTo(503);
        assertThat(create.header("Retry-After")).isNull();
        assertThat(jira.issueCount()).as("a faulted request changes nothing").isEqualTo(3);
    }

    @Test
    @Order(4)
    void expiredTokensEverywhereAndThroughTheGateway() {
        jira.expireTokens();
        assertThat(rest.get("/rest/api/3/myself").status()).isEqualTo(401);
        assertThat(rest.get("/ex/jira/" + jira.cloudId() + "/rest/api/3/myself").json().path("errorMessages").path(0).asText())
                .isEqualTo("Client must be authenticated to access this resource.");
        jira.clearFaults();
        assertThat(rest.get("/rest/api/3/myself").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void slowAnswersAndSlowFaults() {
        jira.fault("GET /rest/api/3/myself").times(1).slow(Duration.ofMillis(700));
        long start = System.nanoTime();
        assertThat(rest.get("/rest/api/3/myself").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        jira.fault("GET /rest/api/3/serverInfo").times(1).slow(Duration.ofMillis(300)).status(502, "Bad gateway");
        Rest.Response bad = rest.get("/rest/api/3/serverInfo");
        assertThat(bad.status()).isEqualTo(502);
        assertThat(bad.json().path("errorMessages").path(0).asText()).isEqualTo("Bad gateway");
        assertThatThrownBy(() -> jira.fault("/x").slow(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.fault("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.fault("/x").status(200, "ok")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Order(6)
    void droppedConnections() {
        jira.fault("GET /rest/api/3/myself").times(1).dropConnection();
        assertThatThrownBy(() -> rest.get("/rest/api/3/myself")).isInstanceOf(UncheckedIOException.class);
        assertThat(rest.get("/rest/api/3/myself").status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void repeatedPageTokens() {
        jira.fault("POST /rest/api/3/search/jql").repeatPageToken();
        JsonNode first = rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO\",\"maxResults\":1}").json();
        String token = first.path("nextPageToken").asText();
        JsonNode second = rest.post("/rest/api/3/search/jql", "{\"jql\":\"project = DEMO\",\"maxResults\":1,\"nextPageToken\":\""
                + token + "\"}").json();
        assertThat(second.path("nextPageToken").asText()).as("the token does not advance").isEqualTo(token);
        assertThat(second.path("issues").path(0).path("id")).isEqualTo(first.path("issues").path(0).path("id"));
        assertThat(second.path("isLast").asBoolean()).isFalse();
    }
}
