package io.jiraspoke.camel.connection;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** deployment=auto: Jira's serverInfo is asked once, and its answer picks the API version. */
class DeploymentDetectionTest extends JiraSpokeTestSupport {

    @Test
    void cloudAnswerSelectsRestApi3AndIsAskedOnce() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(json("cloud-serverInfo.json"))));
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json"))));
        JiraSpokeConnection c = cloud();
        c.setDeployment("auto");
        start(Map.of("jira", c));

        JiraUser first = template.requestBody("jiraspoke:user/myself?connection=jira", null, JiraUser.class);
        JiraUser second = template.requestBody("jiraspoke:user/myself?connection=jira", null, JiraUser.class);

        assertThat(first.getAccountId()).isEqualTo("712020:5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b");
        assertThat(second.getAccountId()).isEqualTo(first.getAccountId());
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
        jira.verify(2, getRequestedFor(urlEqualTo("/rest/api/3/myself")));
    }

    @Test
    void serverAnswerSelectsRestApi2() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(json("dc-serverInfo.json"))));
        jira.stubFor(get("/rest/api/2/myself").willReturn(okJson(json("dc-myself.json"))));
        JiraSpokeConnection c = server();
        c.setDeployment("auto");
        start(Map.of("jira", c));

        JiraUser me = template.requestBody("jiraspoke:user/myself?connection=jira", null, JiraUser.class);

        assertThat(me.getName()).isEqualTo("svc-camel");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
        jira.verify(0, getRequestedFor(urlEqualTo("/rest/api/3/myself")));
    }

    @Test
    void withoutAutoNoServerInfoIsAsked() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json"))));
        start(Map.of("jira", cloud()));

        template.requestBody("jiraspoke:user/myself?connection=jira", null, JiraUser.class);

        jira.verify(0, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
    }
}
