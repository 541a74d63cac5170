package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraGroup;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * group/addUser: {@code POST /rest/api/{3|2}/group/user?groupId=|groupname=} with the user as each deployment names
 * it: {@code {"accountId"}} on Cloud, {@code {"name"}} on Data Center.
 */
class GroupAddUserActionTest extends ActionTestSupport {

    @Test
    void cloudSendsTheAccountId() throws Exception {
        String path = "/rest/api/3/group/user?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718";
        jira.stubFor(post(urlEqualTo(path)).willReturn(created(json("cloud-group-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "group/addUser", "groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718"), null,
                Map.of(JiraSpokeConstants.USER, "712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f"));

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraGroup.class).getName()).isEqualTo("payments-oncall");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER))
                .isEqualTo("712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.GROUP_ID))
                .isEqualTo("9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718");
        jira.verify(1, postRequestedFor(urlEqualTo(path))
                .withRequestBody(equalToJson("{\"accountId\":\"712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f\"}")));
    }

    @Test
    void dataCenterSendsTheUserName() throws Exception {
        String path = "/rest/api/2/group/user?groupname=Zahlungsverkehr%20K%C3%B6ln";
        jira.stubFor(post(urlEqualTo(path)).willReturn(created(json("dc-group-created.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "group/addUser", "groupName=RAW(Zahlungsverkehr Köln)&user=jgross"), null,
                Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER)).isEqualTo("jgross");
        jira.verify(1, postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"name\":\"jgross\"}")));
    }

    @Test
    void endpointsThatDifferOnlyInAnOptionCamelMasksAreTwoEndpoints() throws Exception {
        String path = "/rest/api/2/group/user?groupname=oncall";
        jira.stubFor(post(urlEqualTo(path)).willReturn(created(json("dc-group-created.json"))));
        start(Flavor.DC);

        // Camel masks "user" in an endpoint's URI as it does passwords; the masked URIs are equal, the endpoints not
        assertThat(send(uri(Flavor.DC, "group/addUser", "groupName=oncall&user=jgross"), null, Map.of())
                .getException()).isNull();
        assertThat(send(uri(Flavor.DC, "group/addUser", "groupName=oncall&user=alovelace"), null, Map.of())
                .getException()).isNull();

        jira.verify(1, postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"name\":\"jgross\"}")));
        jira.verify(1, postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"name\":\"alovelace\"}")));
        org.apache.camel.Endpoint a = context.getEndpoint(uri(Flavor.DC, "group/addUser", "groupName=oncall&user=jgross"));
        org.apache.camel.Endpoint b = context.getEndpoint(uri(Flavor.DC, "group/addUser", "groupName=oncall&user=alovelace"));
        assertThat(a.getEndpointUri()).as("masked as Camel masks it").isEqualTo(b.getEndpointUri()).contains("user=xxxxxx");
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isEqualTo(context.getEndpoint(uri(Flavor.DC, "group/addUser", "groupName=oncall&user=jgross")));
    }

    @Test
    void aGroupAndAUserAreNeeded() throws Exception {
        start(Flavor.CLOUD);

        Exchange noGroup = send(uri(Flavor.CLOUD, "group/addUser", "user=5b10a2844c20165700ede21g"), null, Map.of());
        Exchange noUser = send(uri(Flavor.CLOUD, "group/addUser", "groupName=payments-oncall"), null,
                Map.of(JiraSpokeConstants.USER, ""));

        assertRefusedLocally(noGroup, "group/addUser", "'groupName'", "'groupId'", JiraSpokeConstants.GROUP_ID);
        assertRefusedLocally(noUser, "group/addUser", "'user'", JiraSpokeConstants.USER);
    }
}
