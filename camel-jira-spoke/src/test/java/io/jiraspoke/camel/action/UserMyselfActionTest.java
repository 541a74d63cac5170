package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class UserMyselfActionTest extends ActionTestSupport {

    @Test
    void cloudUserIsIdentifiedByAccountId() throws Exception {
        jira.stubFor(get("/rest/api/3/myself").willReturn(okJson(json("cloud-myself.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "user/myself", ""), "left alone", Map.of());

        assertThat(ex.getException()).isNull();
        JiraUser me = ex.getMessage().getBody(JiraUser.class);
        assertThat(me.getAccountId()).isEqualTo("712020:5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b");
        assertThat(me.getId()).isEqualTo(me.getAccountId());
        assertThat(me.getName()).isNull();
        assertThat(me.getKey()).isNull();
        assertThat(me.getDisplayName()).isEqualTo("Integration Bot");
        assertThat(me.getEmailAddress()).isEqualTo("bot@example.com");
        assertThat(me.isActive()).isTrue();
        assertThat(me.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(me.getRaw().path("accountType").asText()).isEqualTo("atlassian");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/myself"))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes())))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void dataCenterUserIsIdentifiedByName() throws Exception {
        jira.stubFor(get("/rest/api/2/myself").willReturn(okJson(json("dc-myself.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/myself", ""), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraUser me = ex.getMessage().getBody(JiraUser.class);
        assertThat(me.getAccountId()).isNull();
        assertThat(me.getName()).isEqualTo("svc-camel");
        assertThat(me.getKey()).isEqualTo("JIRAUSER10402");
        assertThat(me.getId()).isEqualTo("svc-camel");
        assertThat(me.getDisplayName()).isEqualTo("Camel Service Account");
        assertThat(me.getEmailAddress()).isEqualTo("svc-camel@example.com");
        assertThat(me.isActive()).isTrue();
        assertThat(me.getTimeZone()).isEqualTo("Europe/Paris");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/myself"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }
}
