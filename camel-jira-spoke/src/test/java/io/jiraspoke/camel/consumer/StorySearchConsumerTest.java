package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.consumer.Issues.Issue;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story/search consumer: the incremental issue consumer over Jira's issue search (here Cloud's
 * {@code /search/jql}) for {@code issuetype = Story} and the route's optional JQL. Polls are triggered by hand.
 */
class StorySearchConsumerTest extends ConsumerTestSupport {

    private static final Pattern STORIES_OF_ABC = Pattern.compile(
            "^\\(issuetype = Story AND \\(project = ABC\\)\\) AND updated >= \"-(\\d+)m\" ORDER BY updated ASC, key ASC$");

    private void startStories(String options, Map<String, Object> beans) throws Exception {
        startConsumer("story/search", "startFrom=beginning&startScheduler=false" + options, beans);
    }

    @Test
    void theFirstPollAsksForAllStoriesOfTheJqlAndLaterOnesOnlyForRecentlyUpdatedOnes() throws Exception {
        List<Issue> stories = Issues.project(150, 30);
        serve(stories);
        // the user's ORDER BY is replaced by the consumer's
        startStories("&jql=RAW(project = ABC ORDER BY rank)", Map.of());

        consumer().run();
        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(stories));
        List<String> jql = pollJql();
        assertThat(jql).hasSize(2);
        assertThat(jql.get(0)).isEqualTo("issuetype = Story AND (project = ABC) ORDER BY updated ASC, key ASC");
        Matcher m = STORIES_OF_ABC.matcher(jql.get(1));
        assertThat(m.matches()).as("second poll JQL: %s", jql.get(1)).isTrue();
        // the newest story was updated 30 minutes ago; the 5 minute overlap reaches 35 minutes back, rounded up
        assertThat(Long.parseLong(m.group(1))).isBetween(36L, 38L);
        assertThat(mock().getReceivedExchanges().get(0).getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY))
                .isEqualTo("ABC-1");
    }

    @Test
    void withoutJqlEveryStoryIsConsumed() throws Exception {
        List<Issue> stories = Issues.project(3, 10);
        serve(stories);
        startStories("", Map.of());

        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3");
        List<String> jql = pollJql();
        assertThat(jql.get(0)).isEqualTo("issuetype = Story ORDER BY updated ASC, key ASC");
        assertThat(jql.get(1)).matches("\\(issuetype = Story\\) AND updated >= \"-\\d+m\" ORDER BY updated ASC, key ASC");
    }

    @Test
    void theWatermarkAdvancesOnlyPastStoriesThatWereProcessed() throws Exception {
        List<Issue> stories = Issues.project(150, 30);
        serve(stories);
        MemoryStateRepository state = new MemoryStateRepository();
        AtomicBoolean fail = new AtomicBoolean(true);
        context = null;
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("jiraState", state);
                from("jiraspoke:story/search?connection=cloud&jql=project = ABC&startScheduler=false"
                     + "&startFrom=beginning&stateRepository=#jiraState&stateKey=stories").routeId("poller")
                        .process(e -> {
                            if ("ABC-71".equals(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)) && fail.get()) {
                                throw new IllegalStateException("the backlog tool is down");
                            }
                        })
                        .to("mock:issues");
            }
        });

        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(stories.subList(0, 70)));
        assertThat(Watermark.parse(state.getState("stories")).millis()).isEqualTo(stories.get(69).millis());
        // the poll stopped at the failure: the second page was never fetched
        assertThat(jira.findAll(postRequestedFor(urlEqualTo(SEARCH)))).hasSize(1);

        consumer().run();
        assertThat(received()).hasSize(70);
        assertThat(Watermark.parse(state.getState("stories")).millis()).isEqualTo(stories.get(69).millis());

        fail.set(false);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactlyElementsOf(keys(stories));
        assertThat(Watermark.parse(state.getState("stories")).millis()).isEqualTo(stories.get(149).millis());
    }

    @Test
    void storiesInTheOverlapWindowAreNotDeliveredAgainButAnEditedOneIsOnce() throws Exception {
        List<Issue> stories = new ArrayList<>(Issues.project(20, 2));
        serve(stories);
        startStories("&jql=project = ABC&overlap=10m", Map.of());
        consumer().run();
        assertThat(received()).hasSize(20);

        // every story is inside the overlap window: Jira answers all of them again on each poll
        consumer().run();
        consumer().run();
        assertThat(received()).hasSize(20).doesNotHaveDuplicates();

        Issue edited = stories.remove(4).touched(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        stories.add(edited);
        serve(stories);
        consumer().run();
        consumer().run();

        assertThat(received()).hasSize(21).endsWith("ABC-5");
        assertThat(received().subList(0, 20)).doesNotHaveDuplicates();
    }

    @Test
    void afterARestartWithAFileStateRepositoryOnlyNewStoriesCome(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jiraspoke-state.dat");
        List<Issue> stories = new ArrayList<>(Issues.project(120, 30));
        serve(stories);
        startStories("&jql=project = ABC&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())));
        consumer().run();
        assertThat(received()).hasSize(120);
        context.stop();
        assertThat(file).exists();

        stories.add(new Issue("10121", "ABC-121", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        serve(stories);
        startStories("&jql=project = ABC&stateRepository=#jiraState",
                Map.of("jiraState", FileStateRepository.fileStateRepository(file.toFile())));
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-121");
        // WireMock's log spans both runs: only the first poll of the first run had no time condition
        List<String> jql = pollJql();
        assertThat(jql).hasSize(3);
        assertThat(jql.subList(1, 3)).allMatch(STORIES_OF_ABC.asPredicate());
    }

    @Test
    void storiesAndIssuesOfTheSameJqlKeepTheirOwnState() throws Exception {
        MemoryStateRepository state = new MemoryStateRepository();
        List<Issue> issues = Issues.project(5, 10);
        serve(issues);
        context = null;
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("jiraState", state);
                for (String action : List.of("issue/search", "story/search")) {
                    from("jiraspoke:" + action + "?connection=cloud&jql=project = ABC&startFrom=beginning"
                         + "&startScheduler=false&stateRepository=#jiraState").routeId(action)
                            .to("mock:issues");
                }
            }
        });

        ((IncrementalConsumer<?>) context.getRoute("issue/search").getConsumer()).run();
        ((IncrementalConsumer<?>) context.getRoute("story/search").getConsumer()).run();

        // the story consumer starts from its own beginning, not from the issue consumer's watermark
        assertThat(received()).containsExactlyElementsOf(List.of("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5",
                "ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5"));
        assertThat(pollJql()).containsExactly("project = ABC ORDER BY updated ASC, key ASC",
                "issuetype = Story AND (project = ABC) ORDER BY updated ASC, key ASC");
    }
}
