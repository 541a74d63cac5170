package io.jiraspoke.camel.action;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraProject;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * project/list: Cloud's paged {@code GET /rest/api/3/project/search} and Data Center's unpaged
 * {@code GET /rest/api/2/project}, one result type for both.
 */
class ProjectListActionTest extends ActionTestSupport {

    private static final String SEARCH = "/rest/api/3/project/search";
    private static final String DC_LIST = "/rest/api/2/project";

    static String project(Object id, String key, String name, String type) {
        String idField = id == null ? "" : "\"id\":" + (id instanceof String ? "\"" + id + "\"" : id) + ",";
        return """
                {"expand":"description,lead,issueTypes,url,projectKeys,permissions,insight",
                 "self":"https://example.atlassian.net/rest/api/3/project/%2$s",%1$s"key":"%2$s","name":"%3$s",
                 "avatarUrls":{"48x48":"https://example.atlassian.net/rest/api/3/universal_avatar/view/type/project/avatar/10411"},
                 "projectTypeKey":"%4$s","simplified":false,"style":"classic","isPrivate":false,"properties":{}}
                """.formatted(idField, key, name, type);
    }

    static String page(int startAt, int maxResults, Integer total, Boolean isLast, String... projects) {
        return "{\"self\":\"https://example.atlassian.net/rest/api/3/project/search?startAt=" + startAt + "\","
               + "\"maxResults\":" + maxResults + ",\"startAt\":" + startAt
               + (total == null ? "" : ",\"total\":" + total) + (isLast == null ? "" : ",\"isLast\":" + isLast)
               + ",\"values\":[" + String.join(",", projects) + "]}";
    }

    private void stubPage(int startAt, int maxResults, String body) {
        jira.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("startAt", equalTo(String.valueOf(startAt)))
                .withQueryParam("maxResults", equalTo(String.valueOf(maxResults))).willReturn(okJson(body)));
    }

    private static List<JiraProject> projects(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        @SuppressWarnings("unchecked")
        List<JiraProject> list = ex.getMessage().getBody(List.class);
        return list;
    }

    @Test
    void cloudPagesByStartAtUntilIsLastWithEveryFilterAsAQueryParameter() throws Exception {
        stubPage(0, 2, page(0, 2, 3, false, project("10000", "PROJ", "Web shop", "software"),
                project("10001", "SUP", "Support", "service_desk")));
        stubPage(2, 2, page(2, 2, 3, true, project("10002", "OPS", "Operations", "software")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "project/list", "pageSize=2&projectQuery=RAW(shop)"
                                                             + "&projectTypeKey=software,service_desk"
                                                             + "&projectOrderBy=-lastIssueUpdatedDate&expand=lead"
                                                             + "&includeArchived=true"), null, Map.of());

        assertThat(projects(ex)).extracting(JiraProject::getKey).containsExactly("PROJ", "SUP", "OPS");
        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
        assertThat(sent).hasSize(2);
        for (LoggedRequest r : sent) {
            assertThat(r.queryParameter("query").firstValue()).isEqualTo("shop");
            assertThat(r.queryParameter("typeKey").firstValue()).isEqualTo("software,service_desk");
            assertThat(r.queryParameter("orderBy").firstValue()).isEqualTo("-lastIssueUpdatedDate");
            assertThat(r.queryParameter("expand").firstValue()).isEqualTo("lead");
            // Cloud has no includeArchived: archived projects are a status to ask for beside the live ones
            assertThat(r.queryParameter("status").values()).containsExactly("live", "archived");
        }
    }

    @Test
    void cloudSendsNoFilterThatIsNotSet() throws Exception {
        stubPage(0, 100, json("cloud-project-search.json"));
        start(Flavor.CLOUD);

        projects(send(uri(Flavor.CLOUD, "project/list", "includeArchived=false"), null, Map.of()));

        jira.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("status", absent())
                .withQueryParam("query", absent()).withQueryParam("typeKey", absent())
                .withQueryParam("orderBy", absent()).withQueryParam("expand", absent()));
    }

    @Test
    void cloudStopsOnAnEmptyPageWhenTotalPromisedMore() throws Exception {
        // Jira counts projects the caller may not see: total says 5, two came, the next page is empty
        stubPage(0, 2, page(0, 2, 5, false, project("10000", "PROJ", "Web shop", "software"),
                project("10001", "SUP", "Support", "service_desk")));
        stubPage(2, 2, page(2, 2, 5, false));
        start(Flavor.CLOUD);

        List<JiraProject> list = projects(send(uri(Flavor.CLOUD, "project/list", "pageSize=2"), null, Map.of()));

        assertThat(list).extracting(JiraProject::getKey).containsExactly("PROJ", "SUP");
        jira.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void cloudStopsOnIsLastEvenWithAShortPageAndAnOptimisticTotal() throws Exception {
        stubPage(0, 2, page(0, 2, 9, true, project("10000", "PROJ", "Web shop", "software")));
        start(Flavor.CLOUD);

        List<JiraProject> list = projects(send(uri(Flavor.CLOUD, "project/list", "pageSize=2"), null, Map.of()));

        assertThat(list).hasSize(1);
        jira.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void cloudProjectsAreReadLenientlyOneByOne() throws Exception {
        // ids as numbers and as strings, a project without id, two projects of the same name, non-ASCII names
        stubPage(0, 100, page(0, 100, 4, true, project(10000, "PROJ", "Web shop", "software"),
                project("10001", "SHOP", "Web shop", "business"), project(null, "NOID", "Ohne Kennung", "software"),
                project("10003", "JP", "日本語のプロジェクト – Ünïcödé", "software")));
        start(Flavor.CLOUD);

        List<JiraProject> list = projects(send(uri(Flavor.CLOUD, "project/list", ""), null, Map.of()));

        assertThat(list).extracting(JiraProject::getId).containsExactly("10000", "10001", null, "10003");
        assertThat(list).extracting(JiraProject::getKey).containsExactly("PROJ", "SHOP", "NOID", "JP");
        assertThat(list).extracting(JiraProject::getName)
                .containsExactly("Web shop", "Web shop", "Ohne Kennung", "日本語のプロジェクト – Ünïcödé");
        assertThat(list.get(2).getSelf()).isEqualTo("https://example.atlassian.net/rest/api/3/project/NOID");
        assertThat(list.get(1).getProjectTypeKey()).isEqualTo("business");
    }

    @Test
    void cloudIteratorFetchesTheNextPageOnlyWhenReadAndLimitStopsEarly() throws Exception {
        stubPage(0, 2, page(0, 2, 4, false, project("10000", "PROJ", "Web shop", "software"),
                project("10001", "SUP", "Support", "service_desk")));
        stubPage(2, 1, page(2, 1, 4, false, project("10002", "OPS", "Operations", "software")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "project/list", "pageSize=2&limit=3&outputType=iterator"), null,
                Map.of());

        assertThat(ex.getException()).isNull();
        @SuppressWarnings("unchecked")
        Iterator<JiraProject> it = ex.getMessage().getBody(Iterator.class);
        assertThat(jira.getAllServeEvents()).as("nothing fetched before reading").isEmpty();
        assertThat(it.next().getKey()).isEqualTo("PROJ");
        assertThat(it.next().getKey()).isEqualTo("SUP");
        assertThat(jira.getAllServeEvents()).hasSize(1);
        assertThat(it.next().getKey()).isEqualTo("OPS");
        assertThat(it.hasNext()).isFalse();
        // the limit shrank the second page to what was left
        jira.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("maxResults", equalTo("1")));
    }

    @Test
    void dataCenterReadsTheOneUnpagedArrayWithItsOwnParameters() throws Exception {
        jira.stubFor(get(urlPathEqualTo(DC_LIST)).willReturn(okJson(json("dc-projects.json"))));
        start(Flavor.DC);

        List<JiraProject> list = projects(send(uri(Flavor.DC, "project/list", "expand=description,lead"), null,
                Map.of(JiraSpokeConstants.INCLUDE_ARCHIVED, true)));

        assertThat(list).extracting(JiraProject::getKey).containsExactly("PROJ", "SUP");
        assertThat(list.get(1).getName()).isEqualTo("Kundensupport – Störungen");
        assertThat(list.get(1).getProjectTypeKey()).isEqualTo("service_desk");
        assertThat(list.get(1).getStyle()).isNull();
        List<LoggedRequest> sent = jira.findAll(getRequestedFor(urlPathEqualTo(DC_LIST)));
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.queryParameter("includeArchived").firstValue()).isEqualTo("true");
            assertThat(r.queryParameter("expand").firstValue()).isEqualTo("description,lead");
            // Data Center does not page this list: no paging parameters
            assertThat(r.queryParameter("startAt").isPresent()).isFalse();
            assertThat(r.queryParameter("maxResults").isPresent()).isFalse();
        });
    }

    @Test
    void dataCenterLimitAndIteratorWorkOnTheWholeList() throws Exception {
        jira.stubFor(get(urlPathEqualTo(DC_LIST)).willReturn(okJson("""
                [{"self":"https://jira.example.com/rest/api/2/project/1","id":1,"key":"A","name":"Same"},
                 {"self":"https://jira.example.com/rest/api/2/project/B","key":"B","name":"Same"},
                 {"self":"https://jira.example.com/rest/api/2/project/3","id":"3","key":"C","name":"Drei"}]""")));
        start(Flavor.DC);

        List<JiraProject> limited = projects(send(uri(Flavor.DC, "project/list", "limit=2"), null, Map.of()));
        Exchange ex = send(uri(Flavor.DC, "project/list", "outputType=iterator"), null, Map.of());

        assertThat(limited).extracting(JiraProject::getKey).containsExactly("A", "B");
        assertThat(limited).extracting(JiraProject::getId).containsExactly("1", null);
        @SuppressWarnings("unchecked")
        Iterator<JiraProject> it = ex.getMessage().getBody(Iterator.class);
        assertThat(it).toIterable().extracting(JiraProject::getKey).containsExactly("A", "B", "C");
        jira.verify(2, getRequestedFor(urlPathEqualTo(DC_LIST)));
    }

    @Test
    void dataCenterRefusesTheCloudOnlyFiltersBeforeSending() throws Exception {
        jira.stubFor(get(urlPathEqualTo(DC_LIST)).willReturn(okJson(json("dc-projects.json"))));
        start(Flavor.DC);

        Exchange byOption = send(uri(Flavor.DC, "project/list", "projectQuery=shop"), null, Map.of());
        assertRefusedLocally(byOption, "project/list", "Data Center", "projectQuery", JiraSpokeConstants.PROJECT_QUERY);

        Exchange byHeader = send(uri(Flavor.DC, "project/list", ""), null,
                Map.of(JiraSpokeConstants.PROJECT_TYPE_KEY, "software", JiraSpokeConstants.PROJECT_ORDER_BY, "name"));
        assertRefusedLocally(byHeader, "projectTypeKey", JiraSpokeConstants.PROJECT_TYPE_KEY, "projectOrderBy",
                JiraSpokeConstants.PROJECT_ORDER_BY);
    }
}
