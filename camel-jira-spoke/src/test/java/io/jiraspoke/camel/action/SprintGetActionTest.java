package io.jiraspoke.camel.action;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraSprint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** sprint/get: {@code GET /rest/agile/1.0/sprint/{sprintId}} on both deployments. */
class SprintGetActionTest extends ActionTestSupport {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theSprintIsMappedFromJirasAnswer(Flavor f) throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/agile/1.0/sprint/37")).willReturn(okJson(f.fixture("sprint-37"))));
        start(f);

        Exchange ex = send(uri(f, "sprint/get", "sprintId=1"), null, Map.of(JiraSpokeConstants.SPRINT_ID, " 37 "));

        assertThat(ex.getException()).isNull();
        JiraSprint s = ex.getMessage().getBody(JiraSprint.class);
        assertThat(s.getId()).isEqualTo("37");
        assertThat(s.getName()).isEqualTo("Checkout 12");
        assertThat(s.getState()).isEqualTo("active");
        assertThat(s.getGoal()).isEqualTo("Saved cards work again");
        assertThat(s.getOriginBoardId()).isEqualTo("84");
        assertThat(s.getStartDate()).isEqualTo(OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(s.getEndDate()).isEqualTo(OffsetDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(s.getCompleteDate()).isNull();
        assertThat(s.getRaw().path("self").asText()).endsWith("/rest/agile/1.0/sprint/37");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("37");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/agile/1.0/sprint/37")));
    }

    @Test
    void idsAsStringsFieldsMissingOnOldServersAndPlatformDatesAreRead() throws Exception {
        // an old Data Center: ids as strings, no goal, no originBoardId, the platform API's date form
        jira.stubFor(get(urlEqualTo("/rest/agile/1.0/sprint/37")).willReturn(okJson("""
                {"id":"37","self":"https://jira.example.com/rest/agile/1.0/sprint/37","state":"CLOSED",
                 "name":"Sprint Ω","startDate":"2026-11-02T09:00:00.000+0100","endDate":"2026-11-16T09:00:00.000+0100",
                 "completeDate":"not a date"}""")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "sprint/get", "sprintId=37"), null, Map.of());

        assertThat(ex.getException()).isNull();
        JiraSprint s = ex.getMessage().getBody(JiraSprint.class);
        assertThat(s.getId()).isEqualTo("37");
        assertThat(s.getName()).isEqualTo("Sprint Ω");
        assertThat(s.getState()).as("lower case on every deployment").isEqualTo("closed");
        assertThat(s.getGoal()).isNull();
        assertThat(s.getOriginBoardId()).isNull();
        assertThat(s.getStartDate()).isEqualTo(OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
        // an unreadable date does not fail the whole sprint
        assertThat(s.getCompleteDate()).isNull();
        assertThat(s.toString()).isEqualTo("JiraSprint[37, Sprint Ω, closed]");
    }

    @Test
    void aSprintIdThatIsNoNumberIsRefusedBeforeJiraIsAsked() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "sprint/get", "sprintId=RAW(37/../../board)"), null, Map.of());

        assertRefusedLocally(ex, "sprint/get", "'sprintId'", JiraSpokeConstants.SPRINT_ID, "a number");
    }
}
