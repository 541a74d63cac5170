package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraPriority;
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

/**
 * issue/priorities: Cloud's paged {@code GET /rest/api/3/priority/search}, Data Center's unpaged
 * {@code GET /rest/api/2/priority}; one priority by {@code GET /rest/api/{3|2}/priority/{id}}.
 */
class IssuePrioritiesActionTest extends ActionTestSupport {

    private static final String CLOUD_ONE = """
            {"self":"https://example.atlassian.net/rest/api/3/priority/3","statusColor":"#f79232",
             "description":"Has the potential to affect progress.",
             "iconUrl":"https://example.atlassian.net/images/icons/priorities/medium.svg","name":"Medium","id":"3",
             "avatarId":10001}
            """;

    private static List<JiraPriority> list(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        @SuppressWarnings("unchecked")
        List<JiraPriority> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudListsEveryPriorityPageByPage() throws Exception {
        String page1 = """
                {"maxResults":2,"startAt":0,"total":3,"isLast":false,"values":[
                  {"id":"1","name":"Highest","isDefault":false,"statusColor":"#d04437"},
                  {"id":"3","name":"Medium","isDefault":true,"statusColor":"#f79232",
                   "description":"Has the potential to affect progress.",
                   "iconUrl":"https://example.atlassian.net/images/icons/priorities/medium.svg"}]}
                """;
        String page2 = """
                {"maxResults":2,"startAt":2,"total":3,"isLast":true,"values":[
                  {"id":10100,"name":"Blocker – sofort","isDefault":"false"}]}
                """;
        // Jira answered fewer than asked: the next page starts after what came
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/priority/search")).withQueryParam("startAt", equalTo("0"))
                .willReturn(okJson(page1)));
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/priority/search")).withQueryParam("startAt", equalTo("2"))
                .willReturn(okJson(page2)));
        start(Flavor.CLOUD);

        List<JiraPriority> list = list(send(uri(Flavor.CLOUD, "issue/priorities", ""), null, Map.of()));

        assertThat(list).extracting(JiraPriority::getName).containsExactly("Highest", "Medium", "Blocker – sofort");
        assertThat(list).extracting(JiraPriority::getId).containsExactly("1", "3", "10100");
        assertThat(list).extracting(JiraPriority::getIsDefault).containsExactly(false, true, false);
        JiraPriority medium = list.get(1);
        assertThat(medium.getStatusColor()).isEqualTo("#f79232");
        assertThat(medium.getDescription()).isEqualTo("Has the potential to affect progress.");
        assertThat(medium.getIconUrl()).endsWith("/priorities/medium.svg");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/priority/search?startAt=0&maxResults=50")));
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/priority/search?startAt=2&maxResults=50")));
    }

    @Test
    void dataCenterListsTheWholeArrayInOneRequest() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/priority")).willReturn(okJson(json("dc-priorities.json"))));
        start(Flavor.DC);

        List<JiraPriority> list = list(send(uri(Flavor.DC, "issue/priorities", ""), null, Map.of()));

        assertThat(list).extracting(JiraPriority::getName)
                .containsExactly("Blocker", "Critical", "Major", "Minor", "Trivial");
        assertThat(list.get(0).getSelf()).isEqualTo("https://jira.example.com/rest/api/2/priority/1");
        // Data Center does not say which priority is the default
        assertThat(list).extracting(JiraPriority::getIsDefault).containsOnlyNulls();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/priority")));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void onePriorityById(Flavor f) throws Exception {
        jira.stubFor(get(urlEqualTo(f.api + "/priority/3")).willReturn(okJson(CLOUD_ONE)));
        start(f);

        Exchange ex = send(uri(f, "issue/priorities", "priorityId=1"), null,
                Map.of(JiraSpokeConstants.PRIORITY_ID, " 3 "));

        assertThat(ex.getException()).isNull();
        JiraPriority p = ex.getMessage().getBody(JiraPriority.class);
        assertThat(p.getId()).isEqualTo("3");
        assertThat(p.getName()).isEqualTo("Medium");
        assertThat(p.getIsDefault()).isNull();
        assertThat(p.getRaw().path("avatarId").asInt()).isEqualTo(10001);
        jira.verify(1, getRequestedFor(urlEqualTo(f.api + "/priority/3")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void noPrioritiesIsAnEmptyList(Flavor f) throws Exception {
        String path = f == Flavor.CLOUD ? "/rest/api/3/priority/search" : "/rest/api/2/priority";
        String answer = f == Flavor.CLOUD ? "{\"startAt\":0,\"maxResults\":50,\"total\":0,\"isLast\":true,\"values\":[]}"
                : "[]";
        jira.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(answer)));
        start(f);

        assertThat(list(send(uri(f, "issue/priorities", ""), null, Map.of()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aPriorityNameForAnIdIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/priorities", "priorityId=High"), null, Map.of());

        assertRefusedLocally(ex, "issue/priorities", "'priorityId'", JiraSpokeConstants.PRIORITY_ID, "'High'");
    }
}
