package io.jiraspoke.camel.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.model.JiraProject;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project/list and project/assignableUsers consumers: the generic list consumer over Cloud's paged project
 * search, Data Center's unpaged project list and the assignable-user windows. Polls are triggered by hand
 * ({@code startScheduler=false}, then {@code consumer().run()}).
 */
class ProjectListConsumerTest extends JiraSpokeTestSupport {

    static final String SEARCH = "/rest/api/3/project/search";
    static final String DC_LIST = "/rest/api/2/project";
    static final int PAGE = 2;

    /** A project as Jira lists it; a null id for a project Jira lists without one. */
    record Project(String id, String key, String name) {

        Project renamed(String newName) {
            return new Project(id, key, newName);
        }

        ObjectNode json(String site, String api) {
            ObjectNode p = JiraJson.MAPPER.createObjectNode();
            p.put("self", site + api + "/project/" + (id != null ? id : key));
            if (id != null) {
                p.put("id", id);
            }
            p.put("key", key).put("name", name).put("projectTypeKey", "software");
            return p;
        }
    }

    /** Serves the projects as Jira Cloud does, in pages of {@link #PAGE} by startAt, the last flagged isLast. */
    void serveCloud(List<Project> projects) {
        jira.resetMappings();
        int pages = Math.max(1, (projects.size() + PAGE - 1) / PAGE);
        for (int p = 0; p < pages; p++) {
            ObjectNode page = JiraJson.MAPPER.createObjectNode();
            page.put("maxResults", PAGE).put("startAt", p * PAGE).put("total", projects.size())
                    .put("isLast", p == pages - 1);
            ArrayNode values = page.putArray("values");
            projects.subList(p * PAGE, Math.min(projects.size(), (p + 1) * PAGE))
                    .forEach(pr -> values.add(pr.json("https://example.atlassian.net", "/rest/api/3")));
            jira.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("startAt", equalTo(String.valueOf(p * PAGE)))
                    .willReturn(okJson(page.toString())));
        }
    }

    void serveDataCenter(List<Project> projects) {
        jira.resetMappings();
        ArrayNode all = JiraJson.MAPPER.createArrayNode();
        projects.forEach(p -> all.add(p.json("https://jira.example.com", "/rest/api/2")));
        jira.stubFor(get(urlPathEqualTo(DC_LIST)).willReturn(okJson(all.toString())));
    }

    void start(String action, String connection, JiraSpokeConnection settings, String options) throws Exception {
        context = null;
        start(Map.of(connection, settings), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:" + action + "?connection=" + connection + "&startScheduler=false&pageSize=" + PAGE
                     + options).routeId("poller").to("mock:out");
            }
        });
    }

    ListConsumer<?> consumer() {
        return (ListConsumer<?>) context.getRoute("poller").getConsumer();
    }

    MockEndpoint mock() {
        return context.getEndpoint("mock:out", MockEndpoint.class);
    }

    List<String> receivedKeys() {
        return mock().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(JiraProject.class).getKey()).toList();
    }

    static List<Project> projects() {
        // two projects of one name, one Jira lists without id, a non-ASCII name
        return new ArrayList<>(List.of(new Project("10000", "PROJ", "Web shop"), new Project("10001", "SHOP", "Web shop"),
                new Project(null, "NOID", "Ohne Kennung"), new Project("10003", "JP", "日本語 – Störungen"),
                new Project("10004", "OPS", "Operations")));
    }

    @Test
    void cloudEmitChangedYieldsExactlyTheOneProjectThatChangedBetweenTwoPolls() throws Exception {
        List<Project> projects = projects();
        serveCloud(projects);
        start("project/list", "cloud", cloud(), "&emit=changed&startFrom=beginning");

        consumer().run();
        assertThat(receivedKeys()).containsExactly("PROJ", "SHOP", "NOID", "JP", "OPS");
        for (Exchange e : mock().getReceivedExchanges()) {
            JiraProject p = e.getMessage().getBody(JiraProject.class);
            assertThat(e.getMessage().getHeader(JiraSpokeConstants.PROJECT_KEY)).isEqualTo(p.getKey());
            assertThat(e.getMessage().getHeader(JiraSpokeConstants.PROJECT_ID)).isEqualTo(p.getId());
        }

        projects.set(1, projects.get(1).renamed("Web shop (B2B)"));
        serveCloud(projects);
        consumer().run();

        assertThat(mock().getReceivedExchanges()).hasSize(6);
        Exchange changed = mock().getReceivedExchanges().get(5);
        assertThat(changed.getMessage().getBody(JiraProject.class).getName()).isEqualTo("Web shop (B2B)");
        assertThat(changed.getMessage().getHeader(JiraSpokeConstants.PROJECT_KEY)).isEqualTo("SHOP");
        assertThat(changed.getMessage().getHeader(JiraSpokeConstants.PROJECT_ID)).isEqualTo("10001");

        // a project without id changes too, and is told apart from the others by its key
        projects.set(2, projects.get(2).renamed("Ohne Kennung, umbenannt"));
        serveCloud(projects);
        consumer().run();
        consumer().run();

        assertThat(receivedKeys()).hasSize(7).last().isEqualTo("NOID");
        jira.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("maxResults", equalTo(String.valueOf(PAGE))));
    }

    @Test
    void dataCenterEmitChangedFromNowEmitsOnlyWhatChangedAfterTheBaseline() throws Exception {
        List<Project> projects = projects();
        serveDataCenter(projects);
        start("project/list", "dc", server(), "&emit=changed&includeArchived=true");

        consumer().run();
        assertThat(receivedKeys()).as("the first poll is the baseline").isEmpty();

        projects.set(3, projects.get(3).renamed("日本語 – Störungen (alt)"));
        projects.add(new Project("10005", "NEW", "Neu"));
        serveDataCenter(projects);
        consumer().run();
        consumer().run();

        assertThat(receivedKeys()).containsExactly("JP", "NEW");
        jira.verify(getRequestedFor(urlPathEqualTo(DC_LIST)).withQueryParam("includeArchived", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer " + DC_PAT)));
    }

    @Test
    void aDataCenterConsumerWithACloudOnlyFilterRefusesToStart() {
        String failure = startFailure(Map.of("dc", server()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:project/list?connection=dc&startScheduler=false&projectQuery=shop").to("mock:out");
            }
        });

        assertThat(failure).contains("project/list", "Data Center", "projectQuery");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    @Test
    void assignableUsersEmitAllDeliversEveryUserEachPollWithItsIdHeader() throws Exception {
        String users = "/rest/api/3/user/assignable/multiProjectSearch";
        jira.stubFor(get(urlPathEqualTo(users)).withQueryParam("startAt", equalTo("0")).willReturn(okJson("""
                [{"accountId":"5b10a2844c20165700ede21g","accountType":"atlassian","displayName":"Mia Krystof",
                  "active":true}]""")));
        jira.stubFor(get(urlPathEqualTo(users)).withQueryParam("startAt", equalTo("2")).willReturn(okJson("""
                [{"accountId":"5b10ac8d82e05b22cc7d4ef5","accountType":"atlassian","displayName":"Emma Richards",
                  "active":true}]""")));
        jira.stubFor(get(urlPathEqualTo(users)).withQueryParam("startAt", equalTo("4")).willReturn(okJson("[]")));
        start("project/assignableUsers", "cloud", cloud(), "&projectKey=PROJ");

        consumer().run();
        consumer().run();

        List<String> ids = mock().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(JiraUser.class).getId()).toList();
        assertThat(ids).containsExactly("5b10a2844c20165700ede21g", "5b10ac8d82e05b22cc7d4ef5",
                "5b10a2844c20165700ede21g", "5b10ac8d82e05b22cc7d4ef5");
        for (Exchange e : mock().getReceivedExchanges()) {
            assertThat(e.getMessage().getHeader(JiraSpokeConstants.USER_ID))
                    .isEqualTo(e.getMessage().getBody(JiraUser.class).getAccountId());
        }
        jira.verify(6, getRequestedFor(urlPathEqualTo(users)).withQueryParam("projectKeys", equalTo("PROJ")));
    }

    @Test
    void anAssignableUsersConsumerWithoutProjectsRefusesToStart() {
        String failure = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:project/assignableUsers?connection=cloud&startScheduler=false").to("mock:out");
            }
        });

        assertThat(failure).contains("project/assignableUsers", "projectKey");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }
}
