package io.jiraspoke.camel.consumer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.consumer.Issues.Issue;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jira answers a consumer oddly at times: an issue without id and key, without {@code updated}, with an unreadable
 * {@code updated}. The consumer neither fails the poll nor delivers such an issue again and again.
 */
class ConsumerOddAnswersTest extends ConsumerTestSupport {

    void serveOdd(List<Issue> issues, java.util.function.Consumer<ArrayNode> mutate) throws Exception {
        ObjectNode page = (ObjectNode) JiraJson.MAPPER.readTree(Issues.cloudPage(issues, null));
        mutate.accept((ArrayNode) page.get("issues"));
        jira.resetMappings();
        jira.stubFor(post(urlEqualTo(SEARCH)).willReturn(okJson(page.toString()).withHeader("Date", jiraDate())));
    }

    @Test
    void anIssueWithoutIdOrKeyIsSkippedAndTheOthersArrive() throws Exception {
        serveOdd(Issues.project(3, 30), issues -> ((ObjectNode) issues.get(1)).without(List.of("id", "key")));
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false", Map.of());

        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-3");
    }

    @Test
    void anIssueWithoutUpdatedOrWithAnUnreadableOneArrivesOnce() throws Exception {
        serveOdd(Issues.project(4, 30), issues -> {
            ((ObjectNode) issues.get(1).get("fields")).remove("updated");
            ((ObjectNode) issues.get(2).get("fields")).put("updated", "yesterday at noon");
        });
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false", Map.of());

        consumer().run();
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactlyInAnyOrder("ABC-1", "ABC-2", "ABC-3", "ABC-4");
    }

    @Test
    void aPageWhoseIssuesAreNotObjectsDoesNotFailThePollForTheOthers() throws Exception {
        serveOdd(Issues.project(2, 30), issues -> issues.insert(1, "not an issue"));
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false", Map.of());

        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2");
    }
}
