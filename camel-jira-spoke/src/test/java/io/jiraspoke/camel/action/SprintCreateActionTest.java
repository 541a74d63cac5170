package io.jiraspoke.camel.action;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraSprint;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * sprint/create: {@code POST /rest/agile/1.0/sprint} on both deployments, with the board id as a JSON number and the
 * dates in the form the agile API writes them.
 */
class SprintCreateActionTest extends ActionTestSupport {

    private static final String SPRINT = "/rest/agile/1.0/sprint";

    private JsonNode sentBody() {
        return tree(jira.findAll(postRequestedFor(urlEqualTo(SPRINT))).get(0).getBodyAsString());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void optionsBecomeTheSprintAndJirasAnswerTheResult(Flavor f) throws Exception {
        jira.stubFor(post(urlEqualTo(SPRINT)).willReturn(created(f.fixture("sprint-created"))));
        start(f);

        Exchange ex = send(uri(f, "sprint/create", "sprintName=RAW(Checkout 13)&boardId=84"
                                                    + "&startDate=RAW(2026-11-16T09:00:00+01:00)"
                                                    + "&endDate=2026-11-30T08:00:00Z&sprintGoal=RAW(Refunds for saved cards)"),
                "the body is not read", Map.of());

        assertThat(ex.getException()).isNull();
        JsonNode body = sentBody();
        assertThat(body.path("name").asText()).isEqualTo("Checkout 13");
        assertThat(body.path("originBoardId").isIntegralNumber()).as("originBoardId is a JSON number").isTrue();
        assertThat(body.path("originBoardId").asLong()).isEqualTo(84);
        assertThat(body.path("startDate").asText()).isEqualTo("2026-11-16T09:00:00.000+01:00");
        assertThat(body.path("endDate").asText()).isEqualTo("2026-11-30T08:00:00.000+00:00");
        assertThat(body.path("goal").asText()).isEqualTo("Refunds for saved cards");
        assertThat(body.size()).isEqualTo(5);
        JiraSprint sprint = ex.getMessage().getBody(JiraSprint.class);
        assertThat(sprint.getId()).isEqualTo("38");
        assertThat(sprint.getState()).isEqualTo("future");
        assertThat(sprint.getOriginBoardId()).isEqualTo("84");
        assertThat(sprint.getStartDate()).isEqualTo(OffsetDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(sprint.getCompleteDate()).isNull();
        assertThat(sprint.getSelf()).endsWith("/rest/agile/1.0/sprint/38");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.SPRINT_ID)).isEqualTo("38");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersWinAndOnlyWhatIsGivenIsSent(Flavor f) throws Exception {
        jira.stubFor(post(urlEqualTo(SPRINT)).willReturn(created(f.fixture("sprint-created"))));
        start(f);

        // a header value may be a number; a name in any script goes as UTF-8 JSON
        Exchange ex = send(uri(f, "sprint/create", "sprintName=ignored&boardId=1"), null,
                Map.of(JiraSpokeConstants.SPRINT_NAME, "Спринт Ω 13", JiraSpokeConstants.BOARD_ID, 84));

        assertThat(ex.getException()).isNull();
        JsonNode body = sentBody();
        assertThat(body.path("name").asText()).isEqualTo("Спринт Ω 13");
        assertThat(body.path("originBoardId").asLong()).isEqualTo(84);
        assertThat(body.has("startDate") || body.has("endDate") || body.has("goal")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2026-11-16; 2026-11-16T00:00:00.000+00:00",
            "2026-11-16T09:30:15.5+05:30; 2026-11-16T09:30:15.500+05:30",
            "2026-11-16T09:00:00.000+0100; 2026-11-16T09:00:00.000+01:00",
            "2026-11-16T09:00:00+01:00[Europe/Paris]; 2026-11-16T09:00:00.000+01:00" })
    void isoDatesAndJirasOwnFormAreSentAsTheAgileApiWritesThem(String given, String sent) throws Exception {
        jira.stubFor(post(urlEqualTo(SPRINT)).willReturn(created(Flavor.CLOUD.fixture("sprint-created"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "sprint/create", "sprintName=S&boardId=84"), null,
                Map.of(JiraSpokeConstants.START_DATE, given));

        assertThat(ex.getException()).isNull();
        assertThat(sentBody().path("startDate").asText()).isEqualTo(sent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "sprintName=S&boardId=84&startDate=2026-11-16T09:00:00; 'startDate'",
            "sprintName=S&boardId=84&endDate=16.11.2026; 'endDate'",
            "sprintName=S&boardId=84&startDate=2026-11-30&endDate=2026-11-16; is before",
            "boardId=84; 'sprintName'",
            "sprintName=S; 'boardId'",
            "sprintName=S&boardId=-84; a number",
            "sprintName=S&boardId=99999999999999999999; a number" })
    void badInputIsRefusedNamingTheOption(String options, String named) throws Exception {
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "sprint/create", options), null, Map.of());

        assertRefusedLocally(ex, "sprint/create", named);
    }
}
