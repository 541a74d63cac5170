package io.jiraspoke.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import io.jiraspoke.camel.consumer.Issues.Issue;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer reasons in Jira's clock, which Jira's Date header tells: a Jira clock ahead of or behind the host's,
 * or one issue stamped in the future, neither blinds it (later changes skipped) nor makes it re-read hours of
 * history.
 */
class ConsumerClockTest extends ConsumerTestSupport {

    /** Issues one minute apart, the newest {@code newestAgoMinutes} before now in Jira's clock. */
    List<Issue> project(int count, int newestAgoMinutes) {
        Instant newest = jiraNow().truncatedTo(ChronoUnit.SECONDS).minus(newestAgoMinutes, ChronoUnit.MINUTES);
        List<Issue> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Issue(String.valueOf(10001 + i), "ABC-" + (i + 1), newest.minus(count - 1 - i, ChronoUnit.MINUTES)));
        }
        return out;
    }

    /** The look-back of the last poll's JQL, in minutes. */
    long lastLookBack() {
        List<String> jql = pollJql();
        Matcher m = NARROWED.matcher(jql.get(jql.size() - 1));
        assertThat(m.matches()).as("narrowed JQL: %s", jql.get(jql.size() - 1)).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Minutes from the watermark minus the 5 minute overlap to Jira's now, rounded up, plus one to spare. */
    long expectedLookBack(Issue newest) {
        long millis = Duration.between(newest.updated().minus(5, ChronoUnit.MINUTES), jiraNow()).toMillis();
        return (millis + 59_999) / 60_000 + 1;
    }

    void pollTwice(List<Issue> issues) throws Exception {
        serve(issues);
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false", Map.of());
        consumer().run();
        assertThat(received()).hasSize(issues.size());
        serve(issues);
        consumer().run();
    }

    @Test
    void aJiraClockTwoHoursAheadMovesTheLookBackWithIt() throws Exception {
        jiraClock = Duration.ofHours(2);
        List<Issue> issues = project(10, 30);

        pollTwice(issues);

        // by the host clock the watermark lies in the future, and the look-back would shrink to a minute
        assertThat(lastLookBack()).isBetween(expectedLookBack(issues.get(9)) - 1, expectedLookBack(issues.get(9)) + 1);
    }

    @Test
    void aJiraClockTwoHoursBehindDoesNotReReadTwoHoursOfHistory() throws Exception {
        jiraClock = Duration.ofHours(-2);
        List<Issue> issues = project(10, 30);

        pollTwice(issues);

        assertThat(lastLookBack()).isBetween(expectedLookBack(issues.get(9)) - 1, expectedLookBack(issues.get(9)) + 1);
    }

    @Test
    void oneIssueStampedInTheFutureDoesNotHideTheIssuesChangedAfterIt() throws Exception {
        List<Issue> issues = new ArrayList<>(project(5, 30));
        Issue future = new Issue("10099", "ABC-99", jiraNow().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        issues.add(future);
        MemoryStateRepository state = new MemoryStateRepository();
        serve(issues);
        startConsumer("jql=project = ABC&startFrom=beginning&startScheduler=false&stateRepository=#s&stateKey=k",
                Map.of("s", state));

        consumer().run();
        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5", "ABC-99");
        Watermark wm = Watermark.parse(state.getState("k"));
        assertThat(Instant.ofEpochMilli(wm.millis())).as("the watermark stops at Jira's now")
                .isBefore(jiraNow().plusSeconds(1));

        // ABC-3 is edited now; Jira sorts it before the future issue
        Issue edited = issues.get(2).touched(jiraNow().truncatedTo(ChronoUnit.SECONDS));
        List<Issue> later = new ArrayList<>(issues);
        later.remove(2);
        later.add(later.size() - 1, edited);
        serve(later);
        consumer().run();
        consumer().run();

        assertThat(received()).containsExactly("ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5", "ABC-99", "ABC-3");
        assertThat(lastLookBack()).as("the look-back still reaches the overlap before the newest real change")
                .isGreaterThanOrEqualTo(6);
    }
}
