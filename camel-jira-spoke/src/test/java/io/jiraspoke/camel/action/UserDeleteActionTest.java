package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** user/delete: {@code DELETE /rest/api/3/user?accountId=} on Cloud, {@code /rest/api/2/user?username=} on DC. */
class UserDeleteActionTest extends ActionTestSupport {

    @Test
    void cloudDeletesByAccountId() throws Exception {
        String path = "/rest/api/3/user?accountId=712020%3A0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(noContent()));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "user/delete", "user=someone-else"), "left alone",
                Map.of(JiraSpokeConstants.USER, "712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("left alone");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER))
                .isEqualTo("712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f");
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void dataCenterDeletesByUserNameInAnyScript() throws Exception {
        String path = "/rest/api/2/user?username=j%C3%BCrgen.gro%C3%9F";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(noContent()));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/delete", "user=jürgen.groß"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER)).isEqualTo("jürgen.groß");
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }
}
