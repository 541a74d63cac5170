package io.jiraspoke.camel.consumer;

import java.util.Map;

import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the consumer turns the user's JQL into the JQL of each poll. */
class IssueSearchJqlTest extends JiraSpokeTestSupport {

    static final long MINUTE = 60_000;
    static final long NOW = 1_795_000_000_000L;

    JiraSpokeIssueSearchConsumer consumer(String jql, String options) throws Exception {
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/search?connection=cloud&startScheduler=false&jql=RAW(" + jql + ")" + options)
                        .routeId("poller").to("mock:issues");
            }
        });
        return (JiraSpokeIssueSearchConsumer) context.getRoute("poller").getConsumer();
    }

    static Watermark at(long millis) {
        return Watermark.parse("v1;" + millis + ";");
    }

    @Test
    void theFirstPollAsksForEverythingOldestFirst() throws Exception {
        JiraSpokeIssueSearchConsumer c = consumer("project = ABC AND status != Done", "");

        assertThat(c.jql(Watermark.parse(null), NOW))
                .isEqualTo("project = ABC AND status != Done ORDER BY updated ASC, key ASC");
    }

    @Test
    void laterPollsLookBackToTheWatermarkMinusTheOverlapInWholeMinutesWithAMinuteToSpare() throws Exception {
        JiraSpokeIssueSearchConsumer c = consumer("project = ABC OR project = XYZ", "&overlap=5m");

        // 10 minutes since the watermark + 5 overlap = 15 minutes, plus one
        assertThat(c.jql(at(NOW - 10 * MINUTE), NOW))
                .isEqualTo("(project = ABC OR project = XYZ) AND updated >= \"-16m\" ORDER BY updated ASC, key ASC");
        // a millisecond more rounds up
        assertThat(c.jql(at(NOW - 10 * MINUTE - 1), NOW)).contains("updated >= \"-17m\"");
    }

    @Test
    void theOverlapOptionWidensTheLookBack() throws Exception {
        JiraSpokeIssueSearchConsumer c = consumer("project = ABC", "&overlap=30m");

        assertThat(c.jql(at(NOW - 10 * MINUTE), NOW)).contains("updated >= \"-41m\"");
    }

    @Test
    void aWatermarkAheadOfTheLocalClockStillLooksBackAtLeastAMinute() throws Exception {
        JiraSpokeIssueSearchConsumer c = consumer("project = ABC", "&overlap=5m");

        assertThat(c.jql(at(NOW + 60 * MINUTE), NOW)).contains("updated >= \"-1m\"");
    }

    @Test
    void theUsersOrderByIsReplacedWhateverItsCase() throws Exception {
        JiraSpokeIssueSearchConsumer c = consumer("project = ABC  order  BY priority DESC, created", "");

        assertThat(c.jql(Watermark.parse(null), NOW)).isEqualTo("project = ABC ORDER BY updated ASC, key ASC");
        assertThat(c.jql(at(NOW - 10 * MINUTE), NOW))
                .isEqualTo("(project = ABC) AND updated >= \"-16m\" ORDER BY updated ASC, key ASC");
    }

    @Test
    void orderByInsideAQuotedValueIsPartOfTheQuery() throws Exception {
        JiraSpokeIssueSearchConsumer c = consumer(
                "project = ABC AND summary ~ \"order by date\" AND labels = 'sort-order by' ORDER BY rank", "");

        assertThat(c.jql(Watermark.parse(null), NOW)).isEqualTo(
                "project = ABC AND summary ~ \"order by date\" AND labels = 'sort-order by'"
                + " ORDER BY updated ASC, key ASC");
    }
}
