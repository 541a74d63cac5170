package io.jiraspoke.camel.action;

import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import io.jiraspoke.camel.model.JiraGroup;
import io.jiraspoke.camel.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * user/groups: Cloud {@code GET /rest/api/3/user/groups?accountId=} (a bare array), Data Center
 * {@code GET /rest/api/2/user?username=&expand=groups} (the groups inside the user, {@code groups.items}).
 */
class UserGroupsActionTest extends ActionTestSupport {

    private final LogCapture capture = new LogCapture();

    @AfterEach
    void detachCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(capture.getName());
        ctx.updateLoggers();
    }

    @SuppressWarnings("unchecked")
    private static List<JiraGroup> groups(Exchange ex) {
        assertThat(ex.getException()).as("exchange exception").isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void cloudAnswersTheGroupsWithTheirIds() throws Exception {
        String path = "/rest/api/3/user/groups?accountId=712020%3A0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f";
        jira.stubFor(get(urlEqualTo(path)).willReturn(okJson(json("cloud-user-groups.json"))));
        start(Flavor.CLOUD);

        List<JiraGroup> found = groups(send(uri(Flavor.CLOUD, "user/groups",
                "user=712020:0e3a6f1b-9c7d-4a2e-8b5f-1d2c3b4a5e6f"), null, Map.of()));

        assertThat(found).extracting(JiraGroup::getName).containsExactly("jira-software-users", "Zahlungsverkehr Köln");
        assertThat(found).extracting(JiraGroup::getGroupId).containsExactly("276f955c-63d7-42c8-9520-92d01dca0625",
                "6e87dc72-4f1f-421f-9382-2fee8b652487");
        assertThat(found.get(1).getSelf()).endsWith("/rest/api/3/group?groupId=6e87dc72-4f1f-421f-9382-2fee8b652487");
        jira.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void dataCenterAnswersThemInsideTheUser() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/2/user?username=ghopper&expand=groups"))
                .willReturn(okJson(json("dc-user-with-groups.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/groups", ""), null, Map.of(JiraSpokeConstants.USER, "ghopper"));

        List<JiraGroup> found = groups(ex);
        assertThat(found).extracting(JiraGroup::getName).containsExactly("jira-software-users", "Zahlungsverkehr Köln");
        assertThat(found).extracting(JiraGroup::getGroupId).containsOnlyNulls();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.USER)).isEqualTo("ghopper");
    }

    @Test
    void aDataCenterListCutShortIsReturnedAsItCameWithAWarning() throws Exception {
        capture.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(capture, Level.WARN, null);
        ctx.updateLoggers();
        // size says 1203 groups, Jira sent two (and the size as a string, as some proxies rewrite it)
        jira.stubFor(get(urlEqualTo("/rest/api/2/user?username=ghopper&expand=groups")).willReturn(okJson(
                json("dc-user-with-groups.json").replace("\"size\": 2", "\"size\": \"1203\""))));
        start(Flavor.DC);

        List<JiraGroup> found = groups(send(uri(Flavor.DC, "user/groups", "user=ghopper"), null, Map.of()));

        assertThat(found).hasSize(2);
        assertThat(capture.events).anySatisfy(e -> assertThat(e).contains("WARN", "2 of the 1203 groups of user"
                                                                                + " ghopper"));
    }

    @Test
    void aDataCenterUserWithoutItsGroupsIsAnUnexpectedAnswer() throws Exception {
        // a server or proxy that drops expand=groups would otherwise look like a user in no group
        jira.stubFor(get(urlEqualTo("/rest/api/2/user?username=ghopper&expand=groups"))
                .willReturn(okJson(json("dc-myself.json").replace("\"groups\": {\"size\": 2, \"items\": []},", ""))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "user/groups", "user=ghopper"), null, Map.of());

        assertThat(failure(ex, JiraSpokeUnexpectedAnswerException.class).getMessage())
                .contains("without the user's groups", "'groups.items' is missing");
    }
}
