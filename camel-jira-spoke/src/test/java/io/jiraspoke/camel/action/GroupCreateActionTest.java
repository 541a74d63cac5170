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

/** group/create: {@code POST /rest/api/{3|2}/group {"name"}}, answered 201 with the group. */
class GroupCreateActionTest extends ActionTestSupport {

    @Test
    void cloudAnswersTheGroupWithItsId() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/3/group")).willReturn(created(json("cloud-group-created.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "group/create", "groupName=payments-oncall"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraGroup g = ex.getMessage().getBody(JiraGroup.class);
        assertThat(g.getName()).isEqualTo("payments-oncall");
        assertThat(g.getGroupId()).isEqualTo("9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718");
        assertThat(g.getSelf()).endsWith("/rest/api/3/group?groupId=9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.GROUP_NAME)).isEqualTo("payments-oncall");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.GROUP_ID))
                .isEqualTo("9b2a7c1e-4d3f-4e8a-a1b2-c3d4e5f60718");
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/group"))
                .withRequestBody(equalToJson("{\"name\":\"payments-oncall\"}")));
    }

    @Test
    void dataCenterAnswersTheGroupByNameOnly() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/2/group")).willReturn(created(json("dc-group-created.json")
                .replace("payments-oncall", "Zahlungsverkehr Köln"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "group/create", "groupName=other"), null,
                Map.of(JiraSpokeConstants.GROUP_NAME, "Zahlungsverkehr Köln"));

        assertThat(ex.getException()).isNull();
        JiraGroup g = ex.getMessage().getBody(JiraGroup.class);
        assertThat(g.getName()).isEqualTo("Zahlungsverkehr Köln");
        assertThat(g.getGroupId()).isNull();
        assertThat(ex.getMessage().getHeaders()).doesNotContainKey(JiraSpokeConstants.GROUP_ID);
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/group"))
                .withRequestBody(equalToJson("{\"name\":\"Zahlungsverkehr Köln\"}")));
    }
}
