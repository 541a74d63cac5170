package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * group/list: Cloud {@code GET /rest/api/3/group/bulk} (startAt paging over {@code values}); and, as the component's
 * extension, Data Center's group picker {@code GET /rest/api/2/groups/picker}, which is not paged.
 */
class GroupListActionTest extends ActionTestSupport {

    private static final String BULK = "/rest/api/3/group/bulk";
    private static final String PICKER = "/rest/api/2/groups/picker";

    private final LogCapture capture = new LogCapture();

    @AfterEach
    void detachCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(capture.getName());
        ctx.updateLoggers();
    }

    private void captureWarnings() {
        capture.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(capture, Level.WARN, null);
        ctx.updateLoggers();
    }

    @SuppressWarnings("unchecked")
    private static List<JiraGroup> groups(Exchange ex) {
        assertThat(ex.getException()).as("exchange exception").isNull();
        return ex.getMessage().getBody(List.class);
    }

    @Test
    void cloudPagesTheBulkListUntilIsLast() throws Exception {
        jira.stubFor(get(urlEqualTo(BULK + "?startAt=0&maxResults=2")).willReturn(okJson("""
                {"isLast":false,"maxResults":2,"startAt":0,"total":3,"values":[
                 {"groupId":"276f955c-63d7-42c8-9520-92d01dca0625","name":"jira-software-users"},
                 {"groupId":null,"name":"site-admins"}]}""")));
        jira.stubFor(get(urlEqualTo(BULK + "?startAt=2&maxResults=2")).willReturn(okJson("""
                {"isLast":true,"maxResults":2,"startAt":2,"total":3,"values":[
                 {"groupId":"6e87dc72-4f1f-421f-9382-2fee8b652487","name":"Zahlungsverkehr Köln"}]}""")));
        start(Flavor.CLOUD);

        List<JiraGroup> found = groups(send(uri(Flavor.CLOUD, "group/list", "pageSize=2"), null, Map.of()));

        assertThat(found).extracting(JiraGroup::getName).containsExactly("jira-software-users", "site-admins",
                "Zahlungsverkehr Köln");
        assertThat(found.get(1).getGroupId()).as("Jira sends some groups with a null id").isNull();
        jira.verify(2, getRequestedFor(urlPathEqualTo(BULK)));
    }

    @Test
    void dataCenterAsksThePickerOnceForAllGroups() throws Exception {
        jira.stubFor(get(urlEqualTo(PICKER + "?maxResults=1000")).willReturn(okJson(json("dc-groups-picker.json"))));
        start(Flavor.DC);

        List<JiraGroup> found = groups(send(uri(Flavor.DC, "group/list", "pageSize=2"), null, Map.of()));

        assertThat(found).extracting(JiraGroup::getName).containsExactly("jira-software-users", "payments-oncall",
                "Zahlungsverkehr Köln");
        assertThat(found).extracting(JiraGroup::getGroupId).containsOnlyNulls();
        assertThat(found.get(2).getRaw().path("html").asText()).isEqualTo("Zahlungsverkehr K&ouml;ln");
        jira.verify(1, getRequestedFor(urlPathEqualTo(PICKER)));
    }

    @Test
    void aPickerListCutShortIsReturnedAsItCameWithAWarning() throws Exception {
        captureWarnings();
        jira.stubFor(get(urlEqualTo(PICKER + "?maxResults=1000")).willReturn(okJson("""
                {"header":"Showing 2 of 1500 matching groups","total":1500,"groups":[
                 {"name":"jira-software-users","html":"jira-software-users","labels":[]},
                 {"name":"payments-oncall","html":"payments-oncall","labels":[]}]}""")));
        start(Flavor.DC);

        List<JiraGroup> found = groups(send(uri(Flavor.DC, "group/list", ""), null, Map.of()));

        assertThat(found).hasSize(2);
        assertThat(capture.events).anySatisfy(e -> assertThat(e).contains("WARN", "answered 2 of the 1500 groups",
                "jira.ajax.autocomplete.limit"));
    }

    @Test
    void dataCenterLimitAsksForNoMoreAndAnIteratorIsOffered() throws Exception {
        captureWarnings();
        jira.stubFor(get(urlEqualTo(PICKER + "?maxResults=2")).willReturn(okJson("""
                {"header":"Showing 2 of 3 matching groups","total":3,"groups":[
                 {"name":"jira-software-users","html":"jira-software-users","labels":[]},
                 {"name":"payments-oncall","html":"payments-oncall","labels":[]}]}""")));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "group/list", "limit=2&outputType=iterator"), null, Map.of());

        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<JiraGroup> it = ex.getMessage().getBody(Iterator.class);
        assertThat(it.next().getName()).isEqualTo("jira-software-users");
        assertThat(it.next().getName()).isEqualTo("payments-oncall");
        assertThat(it.hasNext()).isFalse();
        // the list was cut where the route asked: nothing to warn about
        assertThat(capture.events).noneMatch(e -> e.contains("groups on connection"));
    }
}
