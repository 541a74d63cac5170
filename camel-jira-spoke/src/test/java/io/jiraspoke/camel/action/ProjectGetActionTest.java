package io.jiraspoke.camel.action;

import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraProject;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** project/get: GET /rest/api/{3|2}/project/{projectIdOrKey} and the JiraProject it answers. */
class ProjectGetActionTest extends ActionTestSupport {

    @Test
    void cloudProjectWithLeadAndStyle() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/3/project/PROJ")).willReturn(okJson(json("cloud-project-PROJ.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "project/get", "projectKey=PROJ"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraProject p = ex.getMessage().getBody(JiraProject.class);
        assertThat(p.getId()).isEqualTo("10000");
        assertThat(p.getKey()).isEqualTo("PROJ");
        assertThat(p.getName()).isEqualTo("Web shop");
        assertThat(p.getProjectTypeKey()).isEqualTo("software");
        assertThat(p.getDescription()).isEqualTo("Web shop: basket, checkout and payments.");
        assertThat(p.getStyle()).isEqualTo("classic");
        assertThat(p.getSimplified()).isFalse();
        assertThat(p.isArchived()).isFalse();
        assertThat(p.getSelf()).isEqualTo("https://example.atlassian.net/rest/api/3/project/10000");
        JiraUser lead = p.getLead();
        assertThat(lead.getAccountId()).isEqualTo("5b10a2844c20165700ede21g");
        assertThat(lead.getId()).isEqualTo("5b10a2844c20165700ede21g");
        assertThat(lead.getDisplayName()).isEqualTo("Mia Krystof");
        assertThat(p.getRaw().path("issueTypes").get(1).path("hierarchyLevel").asInt()).isEqualTo(-1);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.PROJECT_ID)).isEqualTo("10000");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.PROJECT_KEY)).isEqualTo("PROJ");
    }

    @Test
    void dataCenterProjectHasALeadByNameAndNoStyle() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/2/project/PROJ")).willReturn(okJson(json("dc-project-PROJ.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "project/get", "projectKey=PROJ"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraProject p = ex.getMessage().getBody(JiraProject.class);
        assertThat(p.getId()).isEqualTo("10100");
        assertThat(p.getLead().getName()).isEqualTo("alovelace");
        assertThat(p.getLead().getKey()).isEqualTo("JIRAUSER10100");
        assertThat(p.getLead().getId()).isEqualTo("alovelace");
        assertThat(p.getStyle()).isNull();
        assertThat(p.getSimplified()).as("Data Center does not say").isNull();
        assertThat(p.isArchived()).isFalse();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/project/PROJ"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aProjectByIdWithExpandAndTheHeadersWinning(Flavor f) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/project/10000")).willReturn(okJson(f.fixture("project-PROJ"))));
        start(f);

        Exchange ex = send(uri(f, "project/get", "projectKey=OTHER&expand=lead"), null,
                Map.of(JiraSpokeConstants.PROJECT_KEY, " 10000 ", JiraSpokeConstants.EXPAND, "description,issueTypes"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlPathEqualTo(f.api + "/project/10000"))
                .withQueryParam("expand", equalTo("description,issueTypes")));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void oddProjectsAreReadLeniently(Flavor f) throws Exception {
        // an id as a number, no lead object, a non-ASCII name, archived given as text
        jira.stubFor(get(urlEqualTo(f.api + "/project/ARCH")).willReturn(okJson("""
                {"self":"https://jira.example.com/rest/api/2/project/10200","id":10200,"key":"ARCH",
                 "name":"Ärchiv – 旧プロジェクト","lead":"alovelace","archived":"true","simplified":null}""")));
        start(f);

        Exchange ex = send(uri(f, "project/get", "projectKey=ARCH"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraProject p = ex.getMessage().getBody(JiraProject.class);
        assertThat(p.getId()).isEqualTo("10200");
        assertThat(p.getName()).isEqualTo("Ärchiv – 旧プロジェクト");
        assertThat(p.getLead()).as("a lead that is not an object").isNull();
        assertThat(p.isArchived()).isTrue();
        assertThat(p.getSimplified()).isNull();
        assertThat(p.getProjectTypeKey()).isNull();
        assertThat(p).hasToString("JiraProject[ARCH, id=10200]");
    }
}
