package io.jiraspoke.camel.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Some proxies echo the request's headers in their error page. Whatever the body of an error answer holds, the
 * Authorization value sent, its Base64 credentials, the decoded user:secret and the bearer token never reach an
 * exception's message, errorMessages or errors.
 */
class CredentialEchoTest extends JiraSpokeTestSupport {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final String BASE64 = BASIC.substring("Basic ".length());

    private JiraSpokeException failure(Exchange ex) {
        assertThat(ex.getException()).isInstanceOf(JiraSpokeException.class);
        return (JiraSpokeException) ex.getException();
    }

    private static void assertClean(JiraSpokeException e, List<String> secrets) {
        String everything = e.getMessage() + " " + e.getErrorMessages() + " " + e.getErrors();
        for (String secret : secrets) {
            assertThat(everything).as("error text").doesNotContain(secret);
        }
    }

    private JiraSpokeConnection oneAttempt(JiraSpokeConnection c) {
        c.setMaxAttempts(1);
        return c;
    }

    @Test
    void aProxyPageEchoingBasicCredentialsIsScrubbed() throws Exception {
        jira.stubFor(get("/rest/api/3/serverInfo").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/plain")
                .withBody("Bad gateway. Request headers: Authorization: " + BASIC + "; credential " + BASE64
                          + "; decoded " + CLOUD_EMAIL + ":" + CLOUD_API_TOKEN + "; token " + CLOUD_API_TOKEN)));
        start(Map.of("jira", oneAttempt(cloud())));

        JiraSpokeException e = failure(send("jiraspoke:server/info?connection=jira", null, Map.of()));

        assertThat(e.getStatus()).isEqualTo(502);
        assertThat(e.getMessage()).contains("Bad gateway").contains("xxxxxx");
        assertClean(e, List.of(BASE64, CLOUD_API_TOKEN));
    }

    @Test
    void jsonErrorsEchoingABearerTokenAreScrubbed() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"upstream refused Authorization: Bearer " + DC_PAT + "\"],"
                          + "\"errors\":{\"token\":\"" + DC_PAT + "\"},\"message\":\"Bearer " + DC_PAT + "\"}")));
        start(Map.of("jira", oneAttempt(server())));

        JiraSpokeException e = failure(send("jiraspoke:server/info?connection=jira", null, Map.of()));

        assertThat(e.getErrorMessages()).isNotEmpty().allSatisfy(m -> assertThat(m).contains("xxxxxx"));
        assertThat(e.getErrors()).containsKey("token");
        assertClean(e, List.of(DC_PAT));
    }

    @Test
    void anEchoInA401BodyIsScrubbedToo() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"refused " + BASIC + "\"]}")));
        start(Map.of("jira", cloud()));

        JiraSpokeException e = failure(send("jiraspoke:user/myself?connection=jira", null, Map.of()));

        assertThat(e.getStatus()).isEqualTo(401);
        assertClean(e, List.of(BASE64, CLOUD_API_TOKEN));
    }

    @Test
    void aLoginPageDribbledInSmallChunksIsScrubbedWhole() throws Exception {
        // the quote is scrubbed of the whole credential however the body arrives
        jira.stubFor(get("/rest/api/3/serverInfo").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("<html><!-- " + BASIC + " " + CLOUD_API_TOKEN + " --></html>")
                .withChunkedDribbleDelay(40, 400)));
        start(Map.of("jira", cloud()));

        JiraSpokeException e = failure(send("jiraspoke:server/info?connection=jira", null, Map.of()));

        assertThat(e.getMessage()).contains("xxxxxx").contains("</html>").doesNotContain(CLOUD_API_TOKEN.substring(0, 8));
        assertClean(e, List.of(BASE64, CLOUD_API_TOKEN));
    }

    @Test
    void aLoginPageQuotedInAnUnexpectedAnswerIsScrubbed() throws Exception {
        jira.stubFor(get("/rest/api/3/serverInfo").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><!-- " + "x".repeat(150) + " " + BASIC + " --></html>")));
        start(Map.of("jira", cloud()));

        JiraSpokeException e = failure(send("jiraspoke:server/info?connection=jira", null, Map.of()));

        assertThat(e.getMessage()).contains("text/html");
        // the quote is cut at 200 characters; not even the start of the credential may be left at the cut
        assertClean(e, List.of(BASE64.substring(0, 8)));
    }
}
