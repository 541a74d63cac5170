package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraFieldMeta;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** metadata/editableFields: {@code GET /rest/api/{3|2}/issue/{key}/editmeta}, a fields object keyed by field id. */
class MetadataEditableFieldsActionTest extends ActionTestSupport {

    private static List<JiraFieldMeta> fields(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        @SuppressWarnings("unchecked")
        List<JiraFieldMeta> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudFieldsInJirasOrderWithTheirAllowedValues() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/3/issue/PROJ-123/editmeta"))
                .willReturn(okJson(json("cloud-editmeta-PROJ-123.json"))));
        start(Flavor.CLOUD);

        List<JiraFieldMeta> list = fields(send(uri(Flavor.CLOUD, "metadata/editableFields", "issueKey=PROJ-123"),
                null, Map.of()));

        assertThat(list).extracting(JiraFieldMeta::getId).containsExactly("summary", "labels", "customfield_10020");
        JiraFieldMeta payment = list.get(2);
        assertThat(payment.getName()).isEqualTo("Zahlungsart");
        assertThat(payment.getKey()).isEqualTo("customfield_10020");
        assertThat(payment.isRequired()).isFalse();
        assertThat(payment.getSchemaType()).isEqualTo("array");
        assertThat(payment.getSchemaItems()).isEqualTo("option");
        assertThat(payment.getSchemaCustom()).isEqualTo("com.atlassian.jira.plugin.system.customfieldtypes:multiselect");
        assertThat(payment.getOperations()).containsExactly("add", "set", "remove");
        assertThat(payment.getAllowedValues()).hasSize(2).element(1).isEqualTo(Map.of(
                "self", "https://example.atlassian.net/rest/api/3/customFieldOption/10041", "value", "Überweisung",
                "id", "10041"));
        assertThat(list.get(0).isRequired()).isTrue();
        assertThat(list.get(1).getAutoCompleteUrl()).contains("/labels/10123/suggest");
        assertThat(list.get(1).getAllowedValues()).isEmpty();
    }

    @Test
    void dataCenterFieldsWithoutKeyTakeTheirIdFromTheObject() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/2/issue/PROJ-123/editmeta"))
                .willReturn(okJson(json("dc-editmeta-PROJ-123.json"))));
        start(Flavor.DC);

        List<JiraFieldMeta> list = fields(send(uri(Flavor.DC, "metadata/editableFields", "issueKey=PROJ-123"), null,
                Map.of()));

        assertThat(list).extracting(JiraFieldMeta::getId).containsExactly("summary", "assignee", "customfield_10106");
        assertThat(list).extracting(JiraFieldMeta::getKey).containsExactly("summary", "assignee", "customfield_10106");
        assertThat(list.get(1).getSchemaType()).isEqualTo("user");
        assertThat(list.get(2).getName()).isEqualTo("Story Points");
        assertThat(list.get(2).getSchemaCustom()).endsWith(":float");
        assertThat(list.get(2).isHasDefaultValue()).isFalse();
        assertThat(list.get(2).getDefaultValue()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theHeaderNamesTheIssueAndAnIssueWithoutEditableFieldsIsAnEmptyList(Flavor f) throws Exception {
        jira.stubFor(get(urlEqualTo(f.api + "/issue/PROJ-9/editmeta")).willReturn(okJson("{\"fields\":{}}")));
        start(f);

        List<JiraFieldMeta> list = fields(send(uri(f, "metadata/editableFields", "issueKey=PROJ-1"), null,
                Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ-9")));

        assertThat(list).isEmpty();
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + "/issue/PROJ-9/editmeta")));
    }
}
