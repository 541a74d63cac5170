package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * group/removeUser: {@code DELETE /rest/api/{3|2}/group/user?groupId=|groupname=} with {@code accountId} on Cloud and
 * {@code username} on Data Center.
 */
class GroupRemoveUserActionTest extends ActionTestSupport {

    @Test
    void cloudRemovesByAccountId() throws Exception {
        String path = "/rest/api/3/group/user?groupname=payments-oncall&accountId=5b10a2844c20165700ede21g";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "group/removeUser", "groupName=payments-oncall&user=5b10a2844c20165700ede21g"),
                "left alone", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("left alone");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER)).isEqualTo("5b10a2844c20165700ede21g");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.GROUP_NAME)).isEqualTo("payments-oncall");
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void dataCenterRemovesByUserName() throws Exception {
        String path = "/rest/api/2/group/user?groupname=payments-oncall&username=jgross";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "group/removeUser", ""), null,
                Map.of(JiraSpokeConstants.GROUP_NAME, "payments-oncall", JiraSpokeConstants.USER, "jgross"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }
}
