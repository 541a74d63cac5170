package io.jiraspoke.camel.action;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraSprint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * sprint/update: Jira's partial update, {@code POST /rest/agile/1.0/sprint/{sprintId}}, which changes only the fields
 * sent; {@code PUT} (the full update) would reset the others and is never used.
 */
class SprintUpdateActionTest extends ActionTestSupport {

    private static final String SPRINT_37 = "/rest/agile/1.0/sprint/37";

    private JsonNode sentBody() {
        return tree(jira.findAll(postRequestedFor(urlEqualTo(SPRINT_37))).get(0).getBodyAsString());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void startingASprintSendsItsStateAndDatesOnly(Flavor f) throws Exception {
        jira.stubFor(post(urlEqualTo(SPRINT_37)).willReturn(okJson(f.fixture("sprint-37"))));
        start(f);

        Exchange ex = send(uri(f, "sprint/update", "sprintId=37&sprintState=Active&startDate=2026-11-02T08:00:00Z"
                                                    + "&endDate=2026-11-16T08:00:00Z"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JsonNode body = sentBody();
        assertThat(body.path("state").asText()).isEqualTo("active");
        assertThat(body.path("startDate").asText()).isEqualTo("2026-11-02T08:00:00.000+00:00");
        assertThat(body.path("endDate").asText()).isEqualTo("2026-11-16T08:00:00.000+00:00");
        assertThat(body.size()).as("nothing but what was given").isEqualTo(3);
        assertThat(ex.getMessage().getBody(JiraSprint.class).getState()).isEqualTo("active");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("37");
        jira.verify(0, putRequestedFor(urlPathEqualTo(SPRINT_37)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void closingASprintSendsOnlyTheState(Flavor f) throws Exception {
        jira.stubFor(post(urlEqualTo(SPRINT_37)).willReturn(okJson(f.fixture("sprint-37")
                .replace("\"state\": \"active\"", "\"state\": \"closed\""))));
        start(f);

        Exchange ex = send(uri(f, "sprint/update", "sprintId=37"), null,
                Map.of(JiraSpokeConstants.SPRINT_STATE, "closed"));

        assertThat(ex.getException()).isNull();
        assertThat(sentBody().toString()).isEqualTo("{\"state\":\"closed\"}");
        assertThat(ex.getMessage().getBody(JiraSprint.class).getState()).isEqualTo("closed");
    }

    @Test
    void aRenameAndANewGoalChangeNothingElse() throws Exception {
        jira.stubFor(post(urlEqualTo(SPRINT_37)).willReturn(okJson(Flavor.CLOUD.fixture("sprint-37"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "sprint/update", "sprintId=37&sprintName=RAW(Kassensturz & Köln)"),
                null, Map.of(JiraSpokeConstants.SPRINT_GOAL, ""));

        assertThat(ex.getException()).isNull();
        // an empty goal clears it; it is what was given
        assertThat(sentBody().toString()).isEqualTo("{\"name\":\"Kassensturz & Köln\",\"goal\":\"\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "sprintId=37; nothing to change",
            "sprintId=37&sprintState=future; 'sprintState'",
            "sprintId=37&sprintState=started; 'sprintState'",
            "sprintGoal=x; 'sprintId'",
            "sprintId=37&startDate=tomorrow; 'startDate'" })
    void badInputIsRefusedNamingTheOption(String options, String named) throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "sprint/update", options), null, Map.of());

        assertRefusedLocally(ex, "sprint/update", named);
        jira.verify(0, anyRequestedFor(urlPathEqualTo(SPRINT_37)));
    }

    @Test
    void aBlankNewNameIsRefused() throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "sprint/update", "sprintId=37"), null,
                Map.of(JiraSpokeConstants.SPRINT_NAME, "  "));

        assertRefusedLocally(ex, "sprint/update", "'sprintName'", JiraSpokeConstants.SPRINT_NAME);
    }
}
