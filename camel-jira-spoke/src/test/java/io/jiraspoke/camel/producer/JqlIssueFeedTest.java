package io.jiraspoke.camel.producer;

import java.time.Instant;

import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the JQL feed turns the user's JQL into the JQL of each poll. */
class JqlIssueFeedTest {

    static final long MINUTE = 60_000;
    static final Instant NOW = Instant.ofEpochMilli(1_795_000_000_000L);

    static JqlIssueFeed feed(String jql) {
        JqlIssueFeed f = new JqlIssueFeed(null, "issue/search", jql, null, null);
        f.verify();
        return f;
    }

    static Instant minutesBefore(long minutes) {
        return NOW.minusMillis(minutes * MINUTE);
    }

    @Test
    void withoutALowerBoundItAsksForEverythingOldestFirst() {
        assertThat(feed("project = ABC AND status != Done").jql(null, NOW))
                .isEqualTo("project = ABC AND status != Done ORDER BY updated ASC, key ASC");
    }

    @Test
    void aLowerBoundBecomesARelativeDateInWholeMinutesWithAMinuteToSpare() {
        JqlIssueFeed f = feed("project = ABC OR project = XYZ");

        assertThat(f.jql(minutesBefore(15), NOW))
                .isEqualTo("(project = ABC OR project = XYZ) AND updated >= \"-16m\" ORDER BY updated ASC, key ASC");
        // a millisecond more rounds up
        assertThat(f.jql(minutesBefore(15).minusMillis(1), NOW)).contains("updated >= \"-17m\"");
    }

    @Test
    void theRelativeDateIsComputedFromJirasClockNotTheHosts() {
        JqlIssueFeed f = feed("project = ABC");
        Instant jiraAhead = NOW.plusSeconds(3600);

        // the same instant, seen from a Jira clock an hour ahead, is an hour further back
        assertThat(f.jql(minutesBefore(15), jiraAhead)).contains("updated >= \"-76m\"");
    }

    @Test
    void aLowerBoundAheadOfJirasClockStillLooksBackAMinute() {
        assertThat(feed("project = ABC").jql(NOW.plusSeconds(3600), NOW)).contains("updated >= \"-1m\"");
    }

    @Test
    void theUsersOrderByIsReplacedWhateverItsCase() {
        JqlIssueFeed f = feed("project = ABC  order  BY priority DESC, created");

        assertThat(f.jql(null, NOW)).isEqualTo("project = ABC ORDER BY updated ASC, key ASC");
        assertThat(f.jql(minutesBefore(15), NOW))
                .isEqualTo("(project = ABC) AND updated >= \"-16m\" ORDER BY updated ASC, key ASC");
    }

    @Test
    void orderByInsideAQuotedValueIsPartOfTheQuery() {
        assertThat(feed("project = ABC AND summary ~ \"order by date\" AND labels = 'sort-order by' ORDER BY rank")
                .jql(null, NOW)).isEqualTo("project = ABC AND summary ~ \"order by date\" AND labels = 'sort-order by'"
                                           + " ORDER BY updated ASC, key ASC");
    }

    @Test
    void aQueryThatIsOnlyAnOrderByIsRefused() {
        assertThatThrownBy(() -> feed("ORDER BY created")).isInstanceOf(JiraSpokeConfigurationException.class)
                .hasMessageContaining("needs a condition in option 'jql'");
        assertThatThrownBy(() -> feed(" ")).isInstanceOf(JiraSpokeConfigurationException.class)
                .hasMessageContaining("needs option 'jql'");
    }

    /** A scope that is narrowed already, as a sprint's issues are. */
    static JqlIssueFeed narrowedFeed(String jql) {
        JqlIssueFeed f = new JqlIssueFeed(null, "sprint/issues", jql, null, null, new JqlIssueFeed.Scope() {
            @Override
            public boolean needsJql() {
                return false;
            }

            @Override
            public java.util.List<String> defaultFields() {
                return java.util.List.of();
            }

            @Override
            public Iterable<io.jiraspoke.camel.model.JiraIssue> issues(io.jiraspoke.camel.client.JiraClient client,
                                                                       String q, java.util.List<String> fields,
                                                                       String expand, int pageSize) {
                throw new AssertionError("not searched here");
            }

            @Override
            public String stateKeyBasis(String q) {
                return "37|" + q;
            }
        });
        f.verify();
        return f;
    }

    @Test
    void aNarrowedScopeTakesNoJqlAndThenAsksOnlyForTheTimeAndOrder() {
        assertThat(narrowedFeed(null).jql(null, NOW)).isEqualTo("ORDER BY updated ASC, key ASC");
        assertThat(narrowedFeed(" ").jql(minutesBefore(15), NOW))
                .isEqualTo("updated >= \"-16m\" ORDER BY updated ASC, key ASC");
        // an ORDER BY alone narrows nothing and is replaced
        assertThat(narrowedFeed("ORDER BY rank").jql(minutesBefore(15), NOW))
                .isEqualTo("updated >= \"-16m\" ORDER BY updated ASC, key ASC");
        assertThat(narrowedFeed("status != Done order by rank").jql(minutesBefore(15), NOW))
                .isEqualTo("(status != Done) AND updated >= \"-16m\" ORDER BY updated ASC, key ASC");
        assertThat(narrowedFeed("status != Done").stateKeyBasis()).isEqualTo("37|status != Done");
    }

    @Test
    void theOrderByOfAQueryIsFoundOutsideQuotes() {
        assertThat(JqlIssueFeed.orderBy("project = ABC AND summary ~ \"order by\" ORDER BY rank ASC"))
                .isEqualTo("ORDER BY rank ASC");
        assertThat(JqlIssueFeed.orderBy("summary ~ 'sort order by date'")).isNull();
        assertThat(JqlIssueFeed.orderBy("order by created")).isEqualTo("order by created");
    }

    @Test
    void storiesAreTheIssuesOfTypeStoryNarrowedByTheJqlWithItsOrderByLast() {
        assertThat(StoryProducer.storyJql(null)).isEqualTo("issuetype = Story");
        assertThat(StoryProducer.storyJql("  ")).isEqualTo("issuetype = Story");
        assertThat(StoryProducer.storyJql("project = ABC OR project = XYZ"))
                .isEqualTo("issuetype = Story AND (project = ABC OR project = XYZ)");
        assertThat(StoryProducer.storyJql("project = ABC ORDER BY rank"))
                .isEqualTo("issuetype = Story AND (project = ABC) ORDER BY rank");
        assertThat(StoryProducer.storyJql("ORDER BY created DESC")).isEqualTo("issuetype = Story ORDER BY created DESC");
        assertThat(StoryProducer.storyJql("summary ~ \"sort order by hand\""))
                .isEqualTo("issuetype = Story AND (summary ~ \"sort order by hand\")");
    }
}
