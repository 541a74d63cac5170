package io.jiraspoke.camel.client;

import java.util.Map;

import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A 401 to a credential that cannot be renewed is reported as unauthorized, with what Jira said. */
class UnauthorizedAnswerTest extends JiraSpokeTestSupport {

    @Test
    void aRefusedApiTokenIsUnauthorizedWithJirasMessage() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],"
                          + "\"errors\":{}}")));
        start(Map.of("cloud", cloud()));

        Exchange ex = send("jiraspoke:user/myself?connection=cloud", null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessage("Jira answered 401 to GET /rest/api/3/myself on connection 'cloud': Client must be"
                            + " authenticated to access this resource.");
        JiraSpokeUnauthorizedException e = (JiraSpokeUnauthorizedException) ex.getException();
        assertThat(e.getStatus()).isEqualTo(401);
        assertThat(e.getErrorMessages()).containsExactly("Client must be authenticated to access this resource.");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/myself")));
    }

    @Test
    void aRefusedPasswordWithoutABodyIsUnauthorized() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"protected-area\"")));
        start(Map.of("dc", server()));

        Exchange ex = send("jiraspoke:server/info?connection=dc", null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessage("Jira answered 401 to GET /rest/api/2/serverInfo on connection 'dc'");
    }
}
