package io.jiraspoke.camel.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.consumer.Issues.Issue;
import io.jiraspoke.camel.support.LogCapture;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poison issue (its exchange always fails) follows Camel's conventions: what the route's error handling handled
 * counts as delivered; an unhandled failure stops the poll and is polled again, for ever by default or up to
 * maxDeliveryAttempts polls, after which the consumer logs a WARN naming the issue and moves past it.
 */
class ConsumerFailureTest extends ConsumerTestSupport {

    static final String POISON = "ABC-3";

    /** One project for the whole test: a restart must see the very same issue versions. */
    final List<Issue> issues = Issues.project(5, 30);
    final List<String> attempts = new CopyOnWriteArrayList<>();
    final MemoryStateRepository state = new MemoryStateRepository();
    private final LogCapture capture = new LogCapture();

    @AfterEach
    void detachCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(capture.getName());
        ctx.updateLoggers();
    }

    /** The consumer's route, with the error handling (which applies to the routes of its own builder). */
    void startWith(String options, java.util.function.Consumer<RouteBuilder> errorHandling) throws Exception {
        serve(issues);
        context = null;
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                errorHandling.accept(this);
                getContext().getRegistry().bind("s", state);
                from("jiraspoke:issue/search?connection=cloud&jql=project = ABC&startFrom=beginning"
                     + "&startScheduler=false&stateRepository=#s&stateKey=k" + options).routeId("poller")
                        .process(e -> {
                            String key = e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY, String.class);
                            attempts.add(key);
                            if (POISON.equals(key)) {
                                throw new IllegalStateException("cannot file " + key + " downstream");
                            }
                        })
                        .to("mock:issues");
            }
        });
    }

    static java.util.function.Consumer<RouteBuilder> none() {
        return routes -> {
        };
    }

    @Test
    void aFailureTheRouteHandledCountsAsDeliveredAndTheIssuesAfterItFollow() throws Exception {
        startWith("", routes -> routes.onException(IllegalStateException.class).handled(true).to("mock:handled"));

        consumer().run();
        consumer().run();

        assertThat(attempts).containsExactly("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5");
        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-4", "ABC-5");
        assertThat(context.getEndpoint("mock:handled", org.apache.camel.component.mock.MockEndpoint.class)
                .getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aDeadLetterChannelCountsAsDeliveredToo() throws Exception {
        startWith("", routes -> routes.errorHandler(
                routes.deadLetterChannel("mock:dead").maximumRedeliveries(1).redeliveryDelay(0)));

        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-4", "ABC-5");
        assertThat(attempts.stream().filter(POISON::equals)).as("one redelivery inside the route, then the DLC")
                .hasSize(2);
        assertThat(context.getEndpoint("mock:dead", org.apache.camel.component.mock.MockEndpoint.class)
                .getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void byDefaultAnUnhandledFailureIsPolledAgainForEverWithoutLosingIt() throws Exception {
        startWith("", none());

        for (int i = 0; i < 6; i++) {
            consumer().run();
        }

        assertThat(received()).containsExactly("ABC-1", "ABC-2");
        assertThat(attempts.stream().filter(POISON::equals)).hasSize(6);
        assertThat(attempts).doesNotContain("ABC-4", "ABC-5");
    }

    @Test
    void maxDeliveryAttemptsGivesUpOnThePoisonIssueWithAWarnNamingItAndMovesOn() throws Exception {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        capture.start();
        ctx.getConfiguration().getRootLogger().addAppender(capture, Level.WARN, null);
        ctx.updateLoggers();
        startWith("&maxDeliveryAttempts=3", none());

        consumer().run();
        consumer().run();
        assertThat(received()).containsExactly("ABC-1", "ABC-2");
        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-4", "ABC-5");
        assertThat(attempts.stream().filter(POISON::equals)).hasSize(3);
        assertThat(capture.events).anyMatch(e -> e.contains("WARN") && e.contains("Giving up on issue ABC-3")
                                                 && e.contains("after 3 failed poll(s) (maxDeliveryAttempts=3)")
                                                 && e.contains("cannot file ABC-3 downstream"));
        consumer().run();
        assertThat(attempts.stream().filter(POISON::equals)).as("not tried again").hasSize(3);
    }

    @Test
    void theFailureCountSurvivesARestart() throws Exception {
        startWith("&maxDeliveryAttempts=2", none());
        consumer().run();
        context.stop();
        attempts.clear();

        startWith("&maxDeliveryAttempts=2", none());
        consumer().run();

        assertThat(attempts).containsExactly("ABC-3", "ABC-4", "ABC-5");
        assertThat(received()).containsExactly("ABC-4", "ABC-5");
    }

    @Test
    void anEditedPoisonIssueIsANewVersionWithItsOwnCount() throws Exception {
        startWith("&maxDeliveryAttempts=2", none());
        consumer().run();
        Issue edited = issues.get(2).touched(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        List<Issue> later = new java.util.ArrayList<>(issues);
        later.remove(2);
        later.add(edited);
        serve(later);

        consumer().run();

        assertThat(attempts.stream().filter(POISON::equals)).hasSize(2);
        assertThat(received()).as("Jira now returns only the edited version, whose one failure starts a new count")
                .containsExactly("ABC-1", "ABC-2", "ABC-4", "ABC-5");
    }
}
