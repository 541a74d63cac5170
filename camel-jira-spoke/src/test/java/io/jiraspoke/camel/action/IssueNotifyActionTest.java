package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/notify: {@code POST /rest/api/{3|2}/issue/{key}/notify} with subject, text, and recipients: the issue's
 * people as flags, users as the dialect shapes them ({@code accountId} or {@code name}), groups by name.
 */
class IssueNotifyActionTest extends ActionTestSupport {

    private void stubNotify(Flavor f) {
        jira.stubFor(post(urlEqualTo(f.api + "/issue/PROJ-123/notify")).willReturn(noContent()));
    }

    private String notified(Flavor f) {
        List<LoggedRequest> posts = jira.findAll(postRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/notify")));
        assertThat(posts).hasSize(1);
        return posts.get(0).getBodyAsString();
    }

    @Test
    void cloudUsersGoByAccountId() throws Exception {
        stubNotify(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/notify", "issueKey=PROJ-123&subject=RAW(Checkout fixed)"
                                                             + "&notifyTo=Watchers, assignee"
                                                             + "&notifyToUsers=5b10a2844c20165700ede21g"
                                                             + "&notifyToGroups=jira-software-users"),
                "The fix is live.\nPlease check.", Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(tree(notified(Flavor.CLOUD))).isEqualTo(tree("""
                {"textBody":"The fix is live.\\nPlease check.","subject":"Checkout fixed",
                 "to":{"watchers":true,"assignee":true,"users":[{"accountId":"5b10a2844c20165700ede21g"}],
                       "groups":[{"name":"jira-software-users"}]}}
                """));
        assertThat(ex.getMessage().getBody()).isEqualTo("The fix is live.\nPlease check.");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
    }

    @Test
    void dataCenterUsersGoByNameAndAddressesAreLookedUp() throws Exception {
        stubNotify(Flavor.DC);
        jira.stubFor(get(urlPathEqualTo("/rest/api/2/user/search")).willReturn(okJson("[" + IssueAssignActionTest.DC_ADA
                                                                                       + "]")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/notify", "issueKey=PROJ-123"), "Build 4.2 is green.",
                Map.of(JiraSpokeConstants.NOTIFY_TO_USERS, "ghopper, ada@example.com",
                        JiraSpokeConstants.NOTIFY_TO, "reporter"));

        assertThat(ex.getException()).isNull();
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/user/search?username=ada%40example.com&maxResults=50")));
        assertThat(tree(notified(Flavor.DC))).isEqualTo(tree("""
                {"textBody":"Build 4.2 is green.",
                 "to":{"reporter":true,"users":[{"name":"ghopper"},{"name":"alovelace"}]}}
                """));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aJsonBodyIsJirasNotificationWhichOptionsAddTo(Flavor f) throws Exception {
        stubNotify(f);
        start(f);
        String body = """
                {"subject":"From the body","htmlBody":"<p>The <strong>latest</strong> results</p>",
                 "to":{"watchers":false,"groups":[{"name":"qa"}]},
                 "restrict":{"permissions":[{"key":"BROWSE"}]}}
                """;

        Exchange ex = send(uri(f, "issue/notify", "issueKey=PROJ-123&subject=Ignored&notifyTo=watchers,voters"
                                                 + "&notifyToGroups=RAW(release managers)"), body, Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/notify")).withRequestBody(equalToJson("""
                {"subject":"From the body","htmlBody":"<p>The <strong>latest</strong> results</p>",
                 "to":{"watchers":false,"voters":true,"groups":[{"name":"qa"},{"name":"release managers"}]},
                 "restrict":{"permissions":[{"key":"BROWSE"}]}}
                """)));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anUnknownRecipientRoleIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/notify", "issueKey=PROJ-123&notifyTo=watchers,developers"), "Text", Map.of());

        assertRefusedLocally(ex, "issue/notify", "'notifyTo'", JiraSpokeConstants.NOTIFY_TO, "'developers'",
                "reporter, assignee, watchers and voters");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anEmailWithoutTextIsRefused(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/notify", "issueKey=PROJ-123&notifyTo=watchers"), "  ", Map.of());

        assertRefusedLocally(ex, "issue/notify of PROJ-123 needs the text of the e-mail", "textBody", "htmlBody");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void recipientsAllSetToFalseAreNoRecipients(Flavor f) throws Exception {
        start(f);

        Exchange ex = send(uri(f, "issue/notify", "issueKey=PROJ-123"),
                Map.of("textBody", "Text", "to", Map.of("watchers", false, "users", List.of())), Map.of());

        assertRefusedLocally(ex, "issue/notify of PROJ-123 needs recipients", "'notifyTo'", "'notifyToUsers'",
                "'notifyToGroups'");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anAddressNobodyHasSendsNothing(Flavor f) throws Exception {
        jira.stubFor(get(urlPathEqualTo(f.api + "/user/search")).willReturn(okJson("[]")));
        start(f);

        Exchange ex = send(uri(f, "issue/notify", "issueKey=PROJ-123&notifyToUsers=nobody@example.com"), "Text",
                Map.of());

        assertThat(failure(ex, io.jiraspoke.camel.error.JiraSpokeInputException.class).getMessage())
                .contains("issue/notify", "nobody@example.com", "'notifyToUsers'");
        jira.verify(0, postRequestedFor(urlEqualTo(f.api + "/issue/PROJ-123/notify")));
    }
}
