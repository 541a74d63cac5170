package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraField;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class FieldLookupActionTest extends ActionTestSupport {

    private void stubFields(Flavor f) {
        jira.stubFor(get(f.api + "/field").willReturn(okJson(f.fixture("fields"))));
    }

    private JiraField lookup(Flavor f, String name) {
        Exchange ex = send(uri(f, "field/lookup", ""), null, Map.of(JiraSpokeConstants.FIELD_NAME, name));
        assertThat(ex.getException()).as("exception").isNull();
        JiraField field = ex.getMessage().getBody(JiraField.class);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FIELD_ID)).isEqualTo(field.getId());
        return field;
    }

    @Test
    void cloudCustomFieldByNameWithItsSchema() throws Exception {
        stubFields(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "field/lookup", "fieldName=RAW(Story Points)"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraField f = ex.getMessage().getBody(JiraField.class);
        assertThat(f.getId()).isEqualTo("customfield_10028");
        assertThat(f.getKey()).isEqualTo("customfield_10028");
        assertThat(f.getName()).isEqualTo("Story Points");
        assertThat(f.getCustom()).isTrue();
        assertThat(f.getSchemaType()).isEqualTo("number");
        assertThat(f.getSchemaItems()).isNull();
        assertThat(f.getCustomType()).isEqualTo("com.atlassian.jira.plugin.system.customfieldtypes:float");
        assertThat(f.getCustomId()).isEqualTo(10028L);
        assertThat(f.getSystem()).isNull();
        assertThat(f.getSearchable()).isTrue();
        assertThat(f.getClauseNames()).containsExactly("cf[10028]", "Story Points", "Story Points[Number]");
        assertThat(f.getRaw().path("untranslatedName").asText()).isEqualTo("Story Points");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FIELD_ID)).isEqualTo("customfield_10028");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/field")));
    }

    @Test
    void dataCenterFieldsByNameAndById() throws Exception {
        stubFields(Flavor.DC);
        start(Flavor.DC);

        JiraField sprint = lookup(Flavor.DC, "Sprint");
        assertThat(sprint.getId()).isEqualTo("customfield_10104");
        assertThat(sprint.getSchemaType()).isEqualTo("array");
        assertThat(sprint.getSchemaItems()).isEqualTo("string");
        assertThat(sprint.getCustomType()).isEqualTo("com.pyxis.greenhopper.jira:gh-sprint");
        assertThat(sprint.getKey()).as("older Data Center sends no key").isNull();
        JiraField components = lookup(Flavor.DC, "components");
        assertThat(components.getName()).isEqualTo("Component/s");
        assertThat(components.getSystem()).isEqualTo("components");
        assertThat(components.getSchemaItems()).isEqualTo("component");
        assertThat(lookup(Flavor.DC, "Component/s").getId()).isEqualTo("components");
        // one list for the connection, however many lookups
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/field")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void namesMatchIgnoringCaseSpacesAndUnicodeForm(Flavor f) throws Exception {
        stubFields(f);
        start(f);
        String size = f == Flavor.CLOUD ? "customfield_10108" : "customfield_11208";

        assertThat(lookup(f, "  story   POINTS ").getName()).isEqualTo("Story Points");
        assertThat(lookup(f, "Größe des Kunden").getId()).isEqualTo(size);
        // the same name with the umlaut decomposed (o + combining diaeresis), as some clients send it
        assertThat(lookup(f, "Gro\u0308ße des Kunden").getId()).isEqualTo(size);
        assertThat(lookup(f, "GRÖSSE DES KUNDEN".replace("SS", "ß")).getId()).isEqualTo(size);
    }

    @Test
    void cloudUntranslatedAndNonLatinNames() throws Exception {
        stubFields(Flavor.CLOUD);
        start(Flavor.CLOUD);

        assertThat(lookup(Flavor.CLOUD, "Customer size").getName()).isEqualTo("Größe des Kunden");
        assertThat(lookup(Flavor.CLOUD, "顧客名").getId()).isEqualTo("customfield_10109");
    }

    @Test
    void cloudFieldWithoutSchema() throws Exception {
        stubFields(Flavor.CLOUD);
        start(Flavor.CLOUD);

        JiraField key = lookup(Flavor.CLOUD, "issuekey");

        assertThat(key.getName()).isEqualTo("Key");
        assertThat(key.getSchemaType()).isNull();
        assertThat(key.getCustomType()).isNull();
        assertThat(key.getCustomId()).isNull();
        assertThat(key.getClauseNames()).containsExactly("id", "issue", "issuekey", "key");
        assertThat(lookup(Flavor.CLOUD, "Images").getClauseNames()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutANameEveryFieldIsListedFreshEachCall(Flavor f) throws Exception {
        stubFields(f);
        start(f);
        int count = tree(f.fixture("fields")).size();

        Exchange first = send(uri(f, "field/lookup", ""), null, Map.of());
        Exchange second = send(uri(f, "field/lookup", ""), null, Map.of());

        assertThat(first.getException()).isNull();
        List<?> all = first.getMessage().getBody(List.class);
        assertThat(all).hasSize(count).allMatch(JiraField.class::isInstance);
        assertThat(((JiraField) all.get(0)).getId()).isEqualTo(f == Flavor.CLOUD ? "statuscategorychangedate" : "issuekey");
        assertThat(first.getMessage().getHeader(JiraSpokeConstants.FIELD_ID)).isNull();
        assertThat(second.getMessage().getBody(List.class)).hasSize(count);
        jira.verify(2, getRequestedFor(urlEqualTo(f.api + "/field")));
        // the listing replaced the kept list: a lookup by name asks nothing more
        assertThat(lookup(f, "Story Points").getSchemaType()).isEqualTo("number");
        jira.verify(2, getRequestedFor(urlEqualTo(f.api + "/field")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void unknownNameNamesTheClosestFieldsAndTheirIds(Flavor f) throws Exception {
        stubFields(f);
        start(f);
        String storyPoints = f == Flavor.CLOUD ? "customfield_10028" : "customfield_10106";

        Exchange ex = send(uri(f, "field/lookup", "fieldName=RAW(Story Pionts)"), null, Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).startsWith("field/lookup: no field is named 'Story Pionts'")
                .contains("Closest: 'Story Points' (" + storyPoints + ", com.atlassian.jira.plugin.system"
                          + ".customfieldtypes:float)")
                .contains("connection '" + f.connection + "'");
        assertThat(e.getStatus()).isZero();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FIELD_ID)).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + "/field")));
    }

    @Test
    void cloudNameWithNothingCloseSaysSo() throws Exception {
        stubFields(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "field/lookup", "fieldName=Xylophone"), null, Map.of());

        assertThat(failure(ex, JiraSpokeInputException.class).getMessage())
                .contains("no field is named 'Xylophone', and none has a similar name");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void ambiguousNameListsEveryIdAndAsksForOne(Flavor f) throws Exception {
        stubFields(f);
        start(f);

        Exchange ex = send(uri(f, "field/lookup", "fieldName=Team"), null, Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        if (f == Flavor.CLOUD) {
            assertThat(e.getMessage()).contains("'Team' (customfield_10001, com.atlassian.jira.plugin.system"
                                                + ".customfieldtypes:atlassian-team)",
                    "'Team' (customfield_10100, com.atlassian.jira.plugin.system.customfieldtypes:select)");
        } else {
            assertThat(e.getMessage()).contains("customfield_10400", "customfield_11200");
        }
        assertThat(e.getMessage()).contains("field/lookup: the field name 'Team' is ambiguous", "2 fields have it",
                "Use the id");
    }

    @Test
    void cloudIdIsLookedUpByIdNeverByName() throws Exception {
        stubFields(Flavor.CLOUD);
        start(Flavor.CLOUD);

        assertThat(lookup(Flavor.CLOUD, "customfield_10016").getName()).isEqualTo("Story point estimate");
        assertThat(lookup(Flavor.CLOUD, "duedate").getName()).isEqualTo("Due date");
        Exchange ex = send(uri(Flavor.CLOUD, "field/lookup", "fieldName=customfield_99999"), null, Map.of());

        assertThat(failure(ex, JiraSpokeInputException.class).getMessage())
                .contains("no field has the id 'customfield_99999'");
    }

    @Test
    void headerOverridesTheOption() throws Exception {
        stubFields(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "field/lookup", "fieldName=Severity"), null,
                Map.of(JiraSpokeConstants.FIELD_NAME, "Region"));

        assertThat(ex.getMessage().getBody(JiraField.class).getSchemaType()).isEqualTo("option-with-child");
    }

    @Test
    void oddEntriesOfTheListAreReadLeniently() throws Exception {
        // no id (unusable, left out), a repeated id (the first counts), a customId as text, flags missing
        jira.stubFor(get("/rest/api/3/field").willReturn(okJson("""
                [{"name":"Orphan","schema":{"type":"string"}},
                 {"id":"customfield_10300","name":"Effort","schema":{"type":"number","customId":"10300",
                  "custom":"com.atlassian.jira.plugin.system.customfieldtypes:float"}},
                 {"id":"customfield_10300","name":"Effort (copy)"},
                 {"id":"environment","name":"Environment","custom":"false"}]
                """)));
        start(Flavor.CLOUD);

        JiraField effort = lookup(Flavor.CLOUD, "Effort");
        assertThat(effort.getCustomId()).isEqualTo(10300L);
        assertThat(effort.getCustom()).as("not sent").isNull();
        assertThat(lookup(Flavor.CLOUD, "Environment").getCustom()).isFalse();
        Exchange orphan = send(uri(Flavor.CLOUD, "field/lookup", "fieldName=Orphan"), null, Map.of());
        assertThat(failure(orphan, JiraSpokeInputException.class).getMessage())
                .contains("no field is named 'Orphan'", "2 fields visible");
        Exchange all = send(uri(Flavor.CLOUD, "field/lookup", ""), null, Map.of());
        assertThat(all.getMessage().getBody(List.class)).hasSize(2);
    }

    @Test
    void blankNameIsRefusedBeforeTheListIsFetched() throws Exception {
        stubFields(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "field/lookup", ""), null, Map.of(JiraSpokeConstants.FIELD_NAME, ""));

        assertRefusedLocally(ex, "field/lookup", "'fieldName'", JiraSpokeConstants.FIELD_NAME);
        jira.verify(0, anyRequestedFor(anyUrl()));
    }
}
