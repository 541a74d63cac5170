package io.jiraspoke.camel.action;

import java.util.Map;
import java.util.stream.Stream;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class IssueDeleteActionTest extends ActionTestSupport {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deletesWithoutSubtasksByDefaultAndKeepsTheBody(Flavor f) throws Exception {
        jira.stubFor(delete(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/delete", "issueKey=PROJ-123"), "audit note", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("audit note");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        jira.verify(1, deleteRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123?deleteSubtasks=false"))
                .withHeader("Authorization", equalTo(f == Flavor.CLOUD
                        ? "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes())
                        : "Bearer " + DC_PAT)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deleteSubtasksOption(Flavor f) throws Exception {
        jira.stubFor(delete(urlPathEqualTo(f.api + "/issue/PROJ-123")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/delete", "issueKey=PROJ-123&deleteSubtasks=true"), null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123?deleteSubtasks=true")));
    }

    static Stream<Arguments> headerOverrides() {
        return Stream.of(Flavor.values()).flatMap(f -> Stream.of(
                Arguments.of(f, "issueKey=PROJ-123&deleteSubtasks=false", true),
                Arguments.of(f, "issueKey=PROJ-123&deleteSubtasks=true", false)));
    }

    @ParameterizedTest(name = "{0} {1} with header {2}")
    @MethodSource("headerOverrides")
    void headersOverrideEndpointOptions(Flavor f, String options, boolean subtasksHeader) throws Exception {
        jira.stubFor(delete(urlPathEqualTo(f.api + "/issue/10042")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/delete", options), null, Map.of(
                JiraSpokeConstants.ISSUE_KEY, "10042",
                JiraSpokeConstants.DELETE_SUBTASKS, subtasksHeader));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("10042");
        jira.verify(1, deleteRequestedFor(urlEqualTo(f.api + "/issue/10042?deleteSubtasks=" + subtasksHeader)));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }
}
