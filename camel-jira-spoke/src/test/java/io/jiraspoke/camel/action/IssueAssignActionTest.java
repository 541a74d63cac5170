package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/assign: {@code PUT /rest/api/{3|2}/issue/{key}/assignee} with {@code {"accountId"}} on Cloud and
 * {@code {"name"}} on Data Center; null unassigns, "-1" is the project default; e-mail addresses are looked up.
 */
class IssueAssignActionTest extends ActionTestSupport {

    static final String CLOUD_ADA = """
            {"self":"https://example.atlassian.net/rest/api/3/user?accountId=5b10ac8d82e05b22cc7d4ef5",
             "accountId":"5b10ac8d82e05b22cc7d4ef5","accountType":"atlassian","displayName":"Ada Lovelace",
             "active":true,"timeZone":"Europe/London","locale":"en_GB"}""";
    static final String CLOUD_ADA_VISIBLE = """
            {"accountId":"5b10ac8d82e05b22cc7d4ef5","accountType":"atlassian","displayName":"Ada Lovelace",
             "emailAddress":"ada@example.com","active":true}""";
    static final String CLOUD_ADA_AU = """
            {"accountId":"712020:aa11bb22-cc33-dd44-ee55-ff6677889900","accountType":"atlassian",
             "displayName":"Ada Byron","emailAddress":"ada@example.com.au","active":true}""";
    static final String CLOUD_HIDDEN_OTHER = """
            {"accountId":"5d5f8e3b6b1a2c0d9e8f7a6b","accountType":"atlassian","displayName":"A. Lovelace","active":true}""";
    static final String DC_ADA = """
            {"self":"https://jira.example.com/rest/api/2/user?username=alovelace","key":"JIRAUSER10100",
             "name":"alovelace","emailAddress":"ada@example.com","displayName":"Ada Lovelace","active":true}""";
    static final String DC_ADA_BY_ADDRESS = """
            {"self":"https://jira.example.com/rest/api/2/user?username=ada@example.com","key":"JIRAUSER10200",
             "name":"ada@example.com","emailAddress":"ada.lovelace@example.com","displayName":"Ada (LDAP)","active":true}""";

    private void stubAssign(Flavor f) {
        jira.stubFor(put(urlEqualTo(f.api + "/issue/PROJ-123/assignee")).willReturn(noContent()));
    }

    private void stubUserSearch(Flavor f, String... users) {
        jira.stubFor(get(urlPathEqualTo(f.api + "/user/search")).willReturn(okJson("[" + String.join(",", users) + "]")));
    }

    /** The body of the one PUT, exactly as sent. */
    private String assigned(Flavor f) {
        List<LoggedRequest> puts = jira.findAll(putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/assignee")));
        assertThat(puts).hasSize(1);
        return puts.get(0).getBodyAsString();
    }

    @ParameterizedTest(name = "{0}: assignee={1}")
    @CsvSource(delimiter = ';', value = {
            "CLOUD; 5b10ac8d82e05b22cc7d4ef5; {\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}",
            "CLOUD; none; {\"accountId\":null}",
            "CLOUD; NONE; {\"accountId\":null}",
            "CLOUD; default; {\"accountId\":\"-1\"}",
            "CLOUD; -1; {\"accountId\":\"-1\"}",
            "DC; alovelace; {\"name\":\"alovelace\"}",
            "DC; none; {\"name\":null}",
            "DC; Default; {\"name\":\"-1\"}",
            "DC; -1; {\"name\":\"-1\"}" })
    void theAssigneeIsShapedByTheDialect(Flavor f, String assignee, String body) throws Exception {
        stubAssign(f);
        start(f);

        Exchange ex = send(uri(f, "issue/assign", "issueKey=PROJ-123&assignee=" + assignee), "left alone", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(assigned(f)).isEqualTo(body);
        assertThat(jira.getAllServeEvents()).hasSize(1);
        assertThat(ex.getMessage().getBody()).isEqualTo("left alone");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void headersOverrideTheOptions(Flavor f) throws Exception {
        jira.stubFor(put(urlEqualTo(f.api + "/issue/PROJ-7/assignee")).willReturn(noContent()));
        start(f);

        Exchange ex = send(uri(f, "issue/assign", "issueKey=PROJ-123&assignee=default"), null,
                Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ-7", JiraSpokeConstants.ASSIGNEE, "none"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, putRequestedFor(urlEqualTo(f.api + "/issue/PROJ-7/assignee")));
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-7");
    }

    @Test
    void cloudAnAddressIsLookedUpAndTheOneUserWhoseAddressJiraHidesIsTaken() throws Exception {
        stubAssign(Flavor.CLOUD);
        stubUserSearch(Flavor.CLOUD, CLOUD_ADA);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/assign", "issueKey=PROJ-123&assignee=ada@example.com"), null,
                Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/user/search?query=ada%40example.com&maxResults=50")));
        assertThat(assigned(Flavor.CLOUD)).isEqualTo("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}");
    }

    @Test
    void cloudTheUserWhoseAddressIsTheValueWinsOverPrefixMatches() throws Exception {
        stubAssign(Flavor.CLOUD);
        stubUserSearch(Flavor.CLOUD, CLOUD_ADA_AU, CLOUD_HIDDEN_OTHER, CLOUD_ADA_VISIBLE);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/assign", "issueKey=PROJ-123"), null,
                Map.of(JiraSpokeConstants.ASSIGNEE, " Ada@Example.com "));

        assertThat(ex.getException()).isNull();
        assertThat(assigned(Flavor.CLOUD)).isEqualTo("{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}");
    }

    @Test
    void cloudAnAddressNobodyShowsFailsNamingItAndAssignsNobody() throws Exception {
        stubAssign(Flavor.CLOUD);
        stubUserSearch(Flavor.CLOUD, CLOUD_ADA_AU);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/assign", "issueKey=PROJ-123&assignee=ada@example.com"), null,
                Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("issue/assign", "ada@example.com", "'assignee'", JiraSpokeConstants.ASSIGNEE,
                "privacy settings", "account id");
        jira.verify(0, putRequestedFor(anyUrl()));
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isNull();
    }

    @Test
    void cloudSeveralUsersWithHiddenAddressesAreAmbiguous() throws Exception {
        stubAssign(Flavor.CLOUD);
        stubUserSearch(Flavor.CLOUD, CLOUD_ADA, CLOUD_HIDDEN_OTHER);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/assign", "issueKey=PROJ-123&assignee=ada@example.com"), null,
                Map.of());

        JiraSpokeInputException e = failure(ex, JiraSpokeInputException.class);
        assertThat(e.getMessage()).contains("ada@example.com", "matches several Jira users",
                "Ada Lovelace (5b10ac8d82e05b22cc7d4ef5)", "A. Lovelace (5d5f8e3b6b1a2c0d9e8f7a6b)");
        jira.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void dataCenterAnAddressIsLookedUpByUsernameSearch() throws Exception {
        stubAssign(Flavor.DC);
        stubUserSearch(Flavor.DC, DC_ADA);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/assign", "issueKey=PROJ-123&assignee=ada@example.com"), null, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/user/search?username=ada%40example.com&maxResults=50")));
        assertThat(assigned(Flavor.DC)).isEqualTo("{\"name\":\"alovelace\"}");
    }

    @Test
    void dataCenterAUserNamedByTheAddressItselfWins() throws Exception {
        stubAssign(Flavor.DC);
        // an LDAP directory that uses addresses as user names; the other user has the address as e-mail
        stubUserSearch(Flavor.DC, DC_ADA, DC_ADA_BY_ADDRESS);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/assign", "issueKey=PROJ-123&assignee=ada@example.com"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(assigned(Flavor.DC)).isEqualTo("{\"name\":\"ada@example.com\"}");
    }

    @Test
    void dataCenterUsersWithoutNameOrAccountIdAreSkipped() throws Exception {
        stubAssign(Flavor.DC);
        stubUserSearch(Flavor.DC, "{\"key\":\"JIRAUSER1\",\"displayName\":\"Ghost\"}", "\"odd\"", DC_ADA);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/assign", "issueKey=PROJ-123&assignee=ada@example.com"), null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(assigned(Flavor.DC)).isEqualTo("{\"name\":\"alovelace\"}");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void withoutAnAssigneeNothingIsSent(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/assign", "issueKey=PROJ-123"), null, Map.of());

        assertRefusedLocally(ex, "issue/assign of PROJ-123 needs an assignee", "'assignee'",
                JiraSpokeConstants.ASSIGNEE, "none", "default");
    }
}
