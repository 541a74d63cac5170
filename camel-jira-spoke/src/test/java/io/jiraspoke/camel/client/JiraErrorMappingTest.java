package io.jiraspoke.camel.client;

import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.error.JiraSpokeConflictException;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeForbiddenException;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Jira's error answers become the exception hierarchy, with errorMessages and errors parsed and no secret shown. */
class JiraErrorMappingTest extends TransportTestSupport {

    private static ResponseDefinitionBuilder jsonError(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }

    private JiraSpokeException fail(String uri) throws Exception {
        start(Map.of("jira", cloud()));
        Exchange ex = send(uri, null, Map.of());
        assertThat(ex.getException()).isInstanceOf(JiraSpokeException.class);
        JiraSpokeException e = (JiraSpokeException) ex.getException();
        assertThat(e.getMessage()).doesNotContain(CLOUD_API_TOKEN)
                .doesNotContain(Base64.getEncoder().encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes()));
        return e;
    }

    @Test
    void badRequestCarriesErrorMessagesAndFieldErrors() throws Exception {
        jira.stubFor(post(CREATE).willReturn(jsonError(400, "{\"errorMessages\":[\"Issue type is invalid.\"],"
                                                            + "\"errors\":{\"summary\":\"You must specify a summary"
                                                            + " of the issue.\",\"priority\":\"Priority is"
                                                            + " required.\"}}")));

        JiraSpokeException e = fail(CREATE_URI);

        assertThat(e).isInstanceOf(JiraSpokeBadRequestException.class);
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getMethod()).isEqualTo("POST");
        assertThat(e.getPath()).isEqualTo(CREATE);
        assertThat(e.getErrorMessages()).containsExactly("Issue type is invalid.");
        assertThat(e.getErrors()).containsOnly(Map.entry("summary", "You must specify a summary of the issue."),
                Map.entry("priority", "Priority is required."));
        assertThat(e.getMessage()).contains("400").contains("POST " + CREATE).contains("'jira'")
                .contains("Issue type is invalid.").contains("You must specify a summary");
        jira.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void conflict() throws Exception {
        jira.stubFor(post(CREATE).willReturn(jsonError(409, "{\"errorMessages\":[\"The issue is being edited.\"],"
                                                            + "\"errors\":{}}")));

        JiraSpokeException e = fail(CREATE_URI);

        assertThat(e).isInstanceOf(JiraSpokeConflictException.class);
        assertThat(e.getStatus()).isEqualTo(409);
        assertThat(e.getErrorMessages()).containsExactly("The issue is being edited.");
        assertThat(e.getErrors()).isEmpty();
        jira.verify(1, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void serverErrorIsNotRetriedAndCarriesJirasMessage() throws Exception {
        jira.stubFor(get(INFO).willReturn(jsonError(500, "{\"errorMessages\":[\"Internal server error\"]}")));

        JiraSpokeException e = fail(INFO_URI);

        assertThat(e).isInstanceOf(JiraSpokeServerErrorException.class);
        assertThat(e.getStatus()).isEqualTo(500);
        assertThat(e.getMethod()).isEqualTo("GET");
        assertThat(e.getErrorMessages()).containsExactly("Internal server error");
        jira.verify(1, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void htmlErrorPageBecomesAShortSnippet() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>Oops, you've found a dead link.</title></head><body>"
                      + "<p>" + "lorem ipsum ".repeat(800) + "</p></body></html>";
        jira.stubFor(get(INFO).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                .withBody(html)));

        JiraSpokeException e = fail(INFO_URI);

        assertThat(e).isInstanceOf(JiraSpokeServerErrorException.class);
        assertThat(e.getMessage()).contains("500").contains("Oops, you've found a dead link.");
        assertThat(e.getMessage().length()).as("the page is cut, not copied whole").isLessThan(1000);
        assertThat(e.getErrors()).isEmpty();
    }

    @Test
    void notFound() throws Exception {
        jira.stubFor(get(INFO).willReturn(jsonError(404, "{\"errorMessages\":[\"Issue does not exist or you do not"
                                                         + " have permission to see it.\"],\"errors\":{}}")));

        JiraSpokeException e = fail(INFO_URI);

        assertThat(e).isInstanceOf(JiraSpokeNotFoundException.class);
        assertThat(e.getErrorMessages()).singleElement().asString().startsWith("Issue does not exist");
    }

    @Test
    void forbiddenWithGatewayMessage() throws Exception {
        jira.stubFor(get(INFO).willReturn(jsonError(403, "{\"code\":403,\"message\":\"The app is not installed on"
                                                         + " this instance\"}")));

        JiraSpokeException e = fail(INFO_URI);

        assertThat(e).isInstanceOf(JiraSpokeForbiddenException.class);
        assertThat(e.getErrorMessages()).containsExactly("The app is not installed on this instance");
    }

    @Test
    void unauthorizedOnStaticCredentialsIsNotRetriedAndKeepsJirasMessage() throws Exception {
        jira.stubFor(get(INFO).willReturn(jsonError(401, "{\"errorMessages\":[\"Client must be authenticated to"
                                                         + " access this resource.\"],\"errors\":{}}")));

        JiraSpokeException e = fail(INFO_URI);

        assertThat(e).isInstanceOf(JiraSpokeUnauthorizedException.class);
        assertThat(e.getStatus()).isEqualTo(401);
        assertThat(e.getErrorMessages()).containsExactly("Client must be authenticated to access this resource.");
        jira.verify(1, getRequestedFor(urlEqualTo(INFO)));
    }

    @Test
    void otherClientErrorsAreBadRequests() throws Exception {
        jira.stubFor(get(INFO).willReturn(jsonError(422, "{\"errorMessages\":[\"Unprocessable\"]}")));

        JiraSpokeException e = fail(INFO_URI);

        assertThat(e).isInstanceOf(JiraSpokeBadRequestException.class);
        assertThat(e.getStatus()).isEqualTo(422);
    }

    @Test
    void emptyErrorBody() throws Exception {
        jira.stubFor(get(INFO).willReturn(aResponse().withStatus(500)));

        JiraSpokeException e = fail(INFO_URI);

        assertThat(e).isInstanceOf(JiraSpokeServerErrorException.class);
        assertThat(e.getErrorMessages()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("Jira answered 500 to GET " + INFO + " on connection 'jira'");
    }
}
