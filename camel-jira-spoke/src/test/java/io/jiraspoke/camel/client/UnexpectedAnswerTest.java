package io.jiraspoke.camel.client;

import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A 2xx answer that is not what the request expects (no body, an array or a string where an object is due, HTML,
 * truncated JSON) is a {@link JiraSpokeUnexpectedAnswerException} naming method, path and what came: never a
 * NullPointerException or a result whose every field is null.
 */
class UnexpectedAnswerTest extends JiraSpokeTestSupport {

    private static final String INFO = "/rest/api/3/serverInfo";

    private static ResponseDefinitionBuilder answer(int status, String contentType, String body) {
        ResponseDefinitionBuilder r = aResponse().withStatus(status);
        if (contentType != null) {
            r = r.withHeader("Content-Type", contentType);
        }
        return body != null ? r.withBody(body) : r;
    }

    static Stream<Arguments> wrongAnswers() {
        String json = "application/json;charset=UTF-8";
        return Stream.of(
                arguments("204", answer(204, null, null), "status 204"),
                arguments("empty 200", answer(200, json, ""), "an empty body"),
                arguments("blank 200", answer(200, json, "  \r\n\t \n"), "an empty body"),
                arguments("array", answer(200, json, "[]"), "a JSON array"),
                arguments("string", answer(200, json, "\"x\""), "a JSON string"),
                arguments("number", answer(200, json, "42"), "a JSON number"),
                arguments("null", answer(200, json, "null"), "JSON null"),
                arguments("html", answer(200, "text/html;charset=UTF-8",
                        "<html><head><title>Log in</title></head><body>SSO</body></html>"), "text/html"),
                arguments("truncated", answer(200, json, "{\"a\":1"), "not valid JSON"),
                arguments("trailing garbage", answer(200, json, "{\"a\":1} {\"b\":2}"), "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongAnswers")
    void serverInfoAnsweredWronglyIsAClearError(String name, ResponseDefinitionBuilder answer, String what)
            throws Exception {
        jira.stubFor(get(INFO).willReturn(answer));
        start(Map.of("jira", cloud()));

        Exchange ex = send("jiraspoke:server/info?connection=jira", null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnexpectedAnswerException.class);
        JiraSpokeException e = (JiraSpokeException) ex.getException();
        assertThat(e.getMethod()).isEqualTo("GET");
        assertThat(e.getPath()).isEqualTo(INFO);
        assertThat(e.getMessage()).contains("GET " + INFO).contains("'jira'").contains("a JSON object")
                .contains(what);
    }

    @Test
    void aNonJsonBodyIsQuotedShortAndWithoutControlCharacters() throws Exception {
        String page = "<html>\u001b[31m\r\n\u0000<title>Atlassian Login</title>" + "x".repeat(5000) + "</html>";
        jira.stubFor(get(INFO).willReturn(answer(200, "text/html", page)));
        start(Map.of("jira", cloud()));

        Exception e = send("jiraspoke:server/info?connection=jira", null, Map.of()).getException();

        assertThat(e).isInstanceOf(JiraSpokeUnexpectedAnswerException.class);
        assertThat(e.getMessage()).contains("text/html").contains("<title>Atlassian Login</title>")
                .doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\r").doesNotContain("\n")
                .doesNotContain("x".repeat(300));
        assertThat(e.getMessage().length()).isLessThan(600);
    }

    @Test
    void aQuoteHoldsOnlyItsOwnAnswerAfterALongerOneWasRead() throws Exception {
        // the buffer the head is recorded in is reused: what a longer answer left in it must not show
        jira.stubFor(get("/rest/api/3/issue/PROJ-1").willReturn(okJson("{\"id\":\"10001\",\"key\":\"PROJ-1\","
                                                                         + "\"fields\":{\"summary\":\"LEFTOVER "
                                                                         + "y".repeat(5000) + "\"}}")));
        jira.stubFor(get(INFO).willReturn(answer(200, "text/plain", "oops")));
        start(Map.of("jira", cloud()));

        assertThat(send("jiraspoke:issue/get?connection=jira&issueKey=PROJ-1", null, Map.of()).getException())
                .isNull();
        Exception e = send("jiraspoke:server/info?connection=jira", null, Map.of()).getException();

        assertThat(e).isInstanceOf(JiraSpokeUnexpectedAnswerException.class);
        assertThat(e.getMessage()).endsWith(": oops").doesNotContain("LEFTOVER").doesNotContain("PROJ-1");
    }

    @Test
    void concurrentCallsQuoteTheirOwnAnswers() throws Exception {
        for (int n = 1; n <= 8; n++) {
            jira.stubFor(get("/rest/api/3/issue/PROJ-" + n).willReturn(answer(200, "text/html",
                    "<html>answer-" + n + "-" + String.valueOf(n).repeat(3000) + "</html>")));
        }
        start(Map.of("jira", cloud()));

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> wrong = new java.util.ArrayList<>();
            for (int call = 0; call < 200; call++) {
                int n = call % 8 + 1;
                wrong.add(pool.submit(() -> {
                    Exception e = send("jiraspoke:issue/get?connection=jira&issueKey=PROJ-" + n, null, Map.of())
                            .getException();
                    return e instanceof JiraSpokeUnexpectedAnswerException
                           && e.getMessage().contains("<html>answer-" + n + "-" + n + n + n)
                           && !e.getMessage().matches("(?s).*answer-(?!" + n + "-).*") ? null
                            : "PROJ-" + n + ": " + e;
                }));
            }
            for (java.util.concurrent.Future<String> f : wrong) {
                assertThat(f.get()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChunkedBodyThatIsNotJsonIsQuoted() throws Exception {
        // the quote comes from the bytes the parser read, not from a peek ahead of it
        String body = "<html>" + " ".repeat(60) + "<title>Atlassian Login</title></html>";
        jira.stubFor(get(INFO).willReturn(answer(200, "application/json", body).withChunkedDribbleDelay(8, 400)));
        start(Map.of("jira", cloud()));

        Exception e = send("jiraspoke:server/info?connection=jira", null, Map.of()).getException();

        assertThat(e).isInstanceOf(JiraSpokeUnexpectedAnswerException.class);
        assertThat(e.getMessage()).contains("not valid JSON").contains("<title>Atlassian Login</title>");
    }

    @Test
    void theDeploymentProbeReportsA204() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(answer(204, null, null)));
        JiraSpokeConnection c = cloud();
        c.setDeployment("auto");
        start(Map.of("jira", c));

        // the probe runs when the endpoint starts, so the failure may come before any exchange exists
        Throwable t;
        try {
            t = send("jiraspoke:user/myself?connection=jira", null, Map.of()).getException();
        } catch (RuntimeException thrown) {
            t = thrown;
        }
        while (t != null && !(t instanceof JiraSpokeUnexpectedAnswerException)) {
            t = t.getCause();
        }
        assertThat(t).as("a JiraSpokeUnexpectedAnswerException in the failure").isNotNull()
                .hasMessageContaining("GET /rest/api/2/serverInfo").hasMessageContaining("status 204");
    }

    @Test
    void myselfAnsweredWithAnArrayIsAnError() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson("[{\"accountId\":\"a\"}]")));
        start(Map.of("jira", cloud()));

        Exception e = send("jiraspoke:user/myself?connection=jira", null, Map.of()).getException();

        assertThat(e).isInstanceOf(JiraSpokeUnexpectedAnswerException.class).hasMessageContaining("a JSON array");
    }

    @Test
    void aCreateAnsweredWithoutBodyIsAnError() throws Exception {
        jira.stubFor(post("/rest/api/3/issue").willReturn(answer(201, null, null)));
        start(Map.of("jira", cloud()));

        Exception e = send("jiraspoke:issue/create?connection=jira&projectKey=PROJ&issueType=Task&summary=Hello",
                null, Map.of()).getException();

        assertThat(e).isInstanceOf(JiraSpokeUnexpectedAnswerException.class)
                .hasMessageContaining("POST /rest/api/3/issue").hasMessageContaining("an empty body");
    }

    @Test
    void aDeleteAnswered204OrWithABodyStillWorks() throws Exception {
        jira.stubFor(delete(urlPathEqualTo("/rest/api/3/issue/PROJ-1")).willReturn(answer(204, null, null)));
        jira.stubFor(delete(urlPathEqualTo("/rest/api/3/issue/PROJ-2")).willReturn(okJson("{}")));
        start(Map.of("jira", cloud()));

        assertThat(send("jiraspoke:issue/delete?connection=jira&issueKey=PROJ-1", null, Map.of()).getException())
                .isNull();
        assertThat(send("jiraspoke:issue/delete?connection=jira&issueKey=PROJ-2", null, Map.of()).getException())
                .isNull();
    }

    @Test
    void aDeleteAnsweredWithAnHtmlPageIsAnError() throws Exception {
        jira.stubFor(delete(urlPathEqualTo("/rest/api/3/issue/PROJ-1"))
                .willReturn(answer(200, "text/html", "<html>proxy login</html>")));
        start(Map.of("jira", cloud()));

        Exception e = send("jiraspoke:issue/delete?connection=jira&issueKey=PROJ-1", null, Map.of()).getException();

        assertThat(e).isInstanceOf(JiraSpokeUnexpectedAnswerException.class).hasMessageContaining("DELETE")
                .hasMessageContaining("text/html").hasMessageContaining("proxy login");
    }

    @Test
    void aRequestSaysWhatItExpects() throws Exception {
        jira.stubFor(get("/rest/api/3/project").willReturn(okJson("[{\"key\":\"PROJ\"}]")));
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json"))));
        start(Map.of("jira", cloud()));
        JiraClient client = context.getEndpoint("jiraspoke:server/info?connection=jira", JiraSpokeEndpoint.class)
                .getClient();

        assertThat(client.call(JiraRequest.get("/rest/api/3/project").expect(JiraRequest.Expect.ARRAY)).isArray())
                .isTrue();
        assertThat(client.call(JiraRequest.get("/rest/api/3/myself").expect(JiraRequest.Expect.NOTHING))).isNull();
        assertThat(client.call(JiraRequest.get("/rest/api/3/project").expect(JiraRequest.Expect.ANY)).isArray())
                .isTrue();
        assertThatThrownBy(() -> client.call(JiraRequest.get("/rest/api/3/myself").expect(JiraRequest.Expect.ARRAY)))
                .isInstanceOf(JiraSpokeUnexpectedAnswerException.class)
                .hasMessageContaining("Expected a JSON array").hasMessageContaining("a JSON object");
    }
}
