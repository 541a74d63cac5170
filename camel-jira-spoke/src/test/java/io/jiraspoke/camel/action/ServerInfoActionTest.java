package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.model.JiraServerInfo;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ServerInfoActionTest extends ActionTestSupport {

    @Test
    void cloudServerInfo() throws Exception {
        jira.stubFor(get("/rest/api/3/serverInfo").willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("cloud", cloud()));

        Exchange ex = send("jiraspoke:server/info?connection=cloud", null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraServerInfo info = ex.getMessage().getBody(JiraServerInfo.class);
        assertThat(info.getDeploymentType()).isEqualTo("Cloud");
        assertThat(info.getMajorVersion()).isEqualTo(1001);
        assertThat(info.getBaseUrl()).isEqualTo("https://example.atlassian.net");
        assertThat(info.getDeployment()).isEqualTo(io.jiraspoke.camel.catalog.Deployment.CLOUD);
        jira.verify(getRequestedFor(urlEqualTo("/rest/api/3/serverInfo"))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes()))));
    }

    @Test
    void dataCenterServerInfo() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(json("dc-serverInfo.json"))));
        start(Map.of("dc", server()));

        JiraServerInfo info = template.requestBody("jiraspoke:server/info?connection=dc", null, JiraServerInfo.class);

        assertThat(info.getVersion()).isEqualTo("10.3.1");
        assertThat(info.getMajorVersion()).isEqualTo(10);
        assertThat(info.getBuildNumber()).isEqualTo(10030001L);
        assertThat(info.getDeployment()).isEqualTo(io.jiraspoke.camel.catalog.Deployment.SERVER);
        jira.verify(getRequestedFor(urlEqualTo("/rest/api/2/serverInfo"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }
}
