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
 * group/delete: {@code DELETE /rest/api/{3|2}/group?groupId=|groupname=}, optionally handing the group's permissions
 * to a swap group ({@code swapGroupId} or {@code swapGroup} on Cloud, {@code swapGroup} on Data Center).
 */
class GroupDeleteActionTest extends ActionTestSupport {

    private static final String PAYMENTS = "9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718";

    @Test
    void cloudPrefersTheIdsWhenNamesAreGivenToo() throws Exception {
        String path = "/rest/api/3/group?groupId=" + PAYMENTS + "&swapGroupId=276f955c-63d7-42c8-9520-92d01dca0625";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "group/delete", "groupName=payments-oncall&groupId=" + PAYMENTS
                                                             + "&swapGroupName=jira-software-users"),
                "left alone", Map.of(JiraSpokeConstants.SWAP_GROUP_ID, "276f955c-63d7-42c8-9520-92d01dca0625"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody()).isEqualTo("left alone");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.GROUP_ID)).isEqualTo(PAYMENTS);
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void cloudTakesNamesToo() throws Exception {
        String path = "/rest/api/3/group?groupname=Zahlungsverkehr%20K%C3%B6ln";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "group/delete", "groupName=RAW(Zahlungsverkehr Köln)"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.GROUP_NAME)).isEqualTo("Zahlungsverkehr Köln");
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void dataCenterDeletesByNameWithASwapGroup() throws Exception {
        String path = "/rest/api/2/group?groupname=payments-oncall&swapGroup=jira-software-users";
        jira.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "group/delete", "groupName=payments-oncall&swapGroupName=jira-software-users"),
                null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void dataCenterRefusesIdsItDoesNotHave() throws Exception {
        start(Flavor.DC);

        Exchange group = send(uri(Flavor.DC, "group/delete", "groupId=" + PAYMENTS), null, Map.of());
        Exchange swap = send(uri(Flavor.DC, "group/delete", "groupName=payments-oncall&swapGroupId=" + PAYMENTS), null,
                Map.of());

        assertRefusedLocally(group, "group/delete", "Data Center knows groups by name only", "'groupName'",
                JiraSpokeConstants.GROUP_NAME, "'groupId'");
        assertRefusedLocally(swap, "group/delete", "'swapGroupName'", JiraSpokeConstants.SWAP_GROUP_NAME,
                "'swapGroupId'");
    }
}
