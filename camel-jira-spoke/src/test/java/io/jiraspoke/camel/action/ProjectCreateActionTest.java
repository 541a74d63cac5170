package io.jiraspoke.camel.action;

import java.util.LinkedHashMap;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraProject;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** project/create: POST /rest/api/{3|2}/project from options, headers and the body, and Jira's 201 answer. */
class ProjectCreateActionTest extends ActionTestSupport {

    private static final String ALL_OPTIONS = "projectKey=NEW&projectName=RAW(Neuer Webshop – Zahlung)"
                                              + "&projectTypeKey=software"
                                              + "&projectTemplateKey=com.pyxis.greenhopper.jira:"
                                              + "gh-simplified-scrum-classic"
                                              + "&assigneeType=UNASSIGNED&projectDescription=RAW(Checkout and payments)";

    private static final String TASK_TRACKING =
            "com.atlassian.jira-core-project-templates:jira-core-simplified-task-tracking";

    private void stubCreated(Flavor f) {
        jira.stubFor(post(urlEqualTo(f.api + "/project")).willReturn(created(f.fixture("project-created"))));
    }

    @Test
    void cloudSendsEveryOptionAndTheLeadAsAccountId() throws Exception {
        stubCreated(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "project/create", ALL_OPTIONS + "&projectLead=5b10a2844c20165700ede21g"),
                null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/project")).withRequestBody(equalToJson("""
                {"key":"NEW","name":"Neuer Webshop – Zahlung","projectTypeKey":"software",
                 "projectTemplateKey":"com.pyxis.greenhopper.jira:gh-simplified-scrum-classic",
                 "assigneeType":"UNASSIGNED","description":"Checkout and payments",
                 "leadAccountId":"5b10a2844c20165700ede21g"}""")));
        JiraProject p = ex.getMessage().getBody(JiraProject.class);
        // Jira answers the id as a number
        assertThat(p.getId()).isEqualTo("10042");
        assertThat(p.getKey()).isEqualTo("NEW");
        assertThat(p.getSelf()).isEqualTo("https://example.atlassian.net/rest/api/3/project/10042");
        assertThat(p.getName()).as("not in Jira's answer").isNull();
        assertThat(p.getLead()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.PROJECT_ID)).isEqualTo("10042");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.PROJECT_KEY)).isEqualTo("NEW");
    }

    @Test
    void dataCenterSendsTheLeadAsAUserName() throws Exception {
        stubCreated(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "project/create", ALL_OPTIONS + "&projectLead=alovelace"), null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/project")).withRequestBody(equalToJson("""
                {"key":"NEW","name":"Neuer Webshop – Zahlung","projectTypeKey":"software",
                 "projectTemplateKey":"com.pyxis.greenhopper.jira:gh-simplified-scrum-classic",
                 "assigneeType":"UNASSIGNED","description":"Checkout and payments","lead":"alovelace"}""")));
        assertThat(ex.getMessage().getBody(JiraProject.class).getId()).isEqualTo("10142");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.PROJECT_ID)).isEqualTo("10142");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void bodyFieldsWinOverOptionsAndOthersPassAsTheyAre(Flavor f) throws Exception {
        stubCreated(f);
        start(f);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Name from the body");
        body.put("categoryId", 10120);
        body.put("permissionScheme", 10011);

        Exchange ex = send(uri(f, "project/create", "projectKey=NEW&projectName=Ignored&projectTypeKey=business"
                                                    + "&projectLead=lead-1"), body, Map.of());

        assertThat(ex.getException()).isNull();
        String lead = f == Flavor.CLOUD ? "leadAccountId" : "lead";
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/project")).withRequestBody(equalToJson("""
                {"name":"Name from the body","categoryId":10120,"permissionScheme":10011,"key":"NEW",
                 "projectTypeKey":"business","%s":"lead-1"}""".formatted(lead))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideOptionsAndALeadInTheBodyIsKept(Flavor f) throws Exception {
        stubCreated(f);
        start(f);

        Exchange ex = send(uri(f, "project/create", "projectKey=OLD&projectName=Old&projectTypeKey=software"
                                                    + "&projectLead=someone"),
                "{\"lead\": \"legacy-name\"}",
                Map.of(JiraSpokeConstants.PROJECT_KEY, "NEW", JiraSpokeConstants.PROJECT_NAME, "Ops",
                        JiraSpokeConstants.PROJECT_TYPE_KEY, "business", JiraSpokeConstants.ASSIGNEE_TYPE, "PROJECT_LEAD",
                        JiraSpokeConstants.PROJECT_DESCRIPTION, "From a header"));

        assertThat(ex.getException()).isNull();
        // Cloud refuses lead and leadAccountId together: a lead in the body leaves the option out
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/project")).withRequestBody(equalToJson("""
                {"lead":"legacy-name","key":"NEW","name":"Ops","projectTypeKey":"business",
                 "assigneeType":"PROJECT_LEAD","description":"From a header"}""")));
    }

    @Test
    void aTextBodyIsTheDescription() throws Exception {
        stubCreated(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "project/create", "projectKey=NEW&projectName=New&projectLead=alovelace"
                                                           + "&projectTemplateKey=" + TASK_TRACKING),
                "Everything about the new shop.", Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/2/project")).withRequestBody(equalToJson("""
                {"description":"Everything about the new shop.","key":"NEW","name":"New","lead":"alovelace",
                 "projectTemplateKey":"%s"}""".formatted(TASK_TRACKING))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutALeadOrAProjectTypeNothingIsSent(Flavor f) throws Exception {
        stubCreated(f);
        start(f);

        Exchange noLead = send(uri(f, "project/create", "projectKey=NEW&projectName=New&projectTypeKey=software"),
                null, Map.of());
        assertRefusedLocally(noLead, "project/create", "project lead", "'projectLead'", JiraSpokeConstants.PROJECT_LEAD,
                f == Flavor.CLOUD ? "leadAccountId" : "lead in the body");

        Exchange noType = send(uri(f, "project/create", "projectKey=NEW&projectName=New&projectLead=x"), null,
                Map.of());
        assertRefusedLocally(noType, "project/create", "'projectTypeKey'", "'projectTemplateKey'",
                JiraSpokeConstants.PROJECT_TYPE_KEY);

        Exchange noKey = send(uri(f, "project/create", "projectName=New&projectLead=x&projectTypeKey=software"),
                "{\"key\": \"  \"}", Map.of());
        assertRefusedLocally(noKey, "project/create", "field 'key'", "'projectKey'", JiraSpokeConstants.PROJECT_KEY);
    }
}
