package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** sprint/delete: {@code DELETE /rest/agile/1.0/sprint/{sprintId}}, answered 204 on both deployments. */
class SprintDeleteActionTest extends ActionTestSupport {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theSprintIsDeletedAndTheBodyLeftAsItWas(Flavor f) throws Exception {
        jira.stubFor(delete(urlEqualTo("/rest/agile/1.0/sprint/38")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "sprint/delete", "sprintId=37"), "left alone",
                Map.of(JiraSpokeConstants.SPRINT_ID, 38));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("left alone");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("38");
        jira.verify(1, deleteRequestedFor(urlEqualTo("/rest/agile/1.0/sprint/38")));
    }
}
