package io.jiraspoke.camel.endpoint;

import java.time.Duration;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Number and duration options refuse unparseable, negative and out-of-range values at start, naming the option and
 * the value: Camel's own conversion reads {@code overlap=abc} or {@code overlap=-5m} as zero without a word.
 */
class EndpointValuesTest extends JiraSpokeTestSupport {

    String consumerFailure(String options) {
        return startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:issue/search?connection=cloud&jql=project = ABC&" + options).to("mock:out");
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "overlap=abc; Option 'overlap' must be a duration; was 'abc'",
            "overlap=-5m; Option 'overlap' must be a duration; was '-5m'",
            "overlap=5 minutes; Option 'overlap' must be a duration; was '5 minutes'",
            "delay=1x; Option 'delay' must be a duration; was '1x'",
            "delay=0; Option 'delay' must be at least 1; was 0",
            "initialDelay=-1s; Option 'initialDelay' must be a duration; was '-1s'",
            "pageSize=0; Option 'pageSize' must be between 1 and 1000; was 0",
            "pageSize=5000; Option 'pageSize' must be between 1 and 1000; was 5000",
            "pageSize=many; pageSize; many",
            "maxMessagesPerPoll=-1; Option 'maxMessagesPerPoll' must be at least 0; was -1",
            "maxDeliveryAttempts=-2; Option 'maxDeliveryAttempts' must be at least 0; was -2",
            "startFrom=yesterday; Option 'startFrom' must be now, beginning; was yesterday" })
    void badConsumerValuesRefuseToStart(String option, String expected, String value) {
        assertThat(consumerFailure(option)).contains(expected).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "limit=-1; Option 'limit' must be at least 0, was -1",
            "outputType=lazy; Option 'outputType' must be one of list, iterator, was lazy" })
    void badProducerValuesRefuseToStart(String option, String expected) {
        assertThat(startFailure(Map.of("cloud", cloud()),
                sendingTo("jiraspoke:issue/search?connection=cloud&jql=project = ABC&" + option))).contains(expected);
    }

    @Test
    void goodDurationsInEveryFormAreRead() throws Exception {
        start(Map.of("cloud", cloud()));

        assertThat(endpoint("overlap=90s").getOverlap()).isEqualTo(Duration.ofSeconds(90));
        assertThat(endpoint("overlap=PT1H").getOverlap()).isEqualTo(Duration.ofHours(1));
        assertThat(endpoint("overlap=1h30m").getOverlap()).isEqualTo(Duration.ofMinutes(90));
        assertThat(endpoint("overlap=0").getOverlap()).isEqualTo(Duration.ZERO);
        assertThat(endpoint("delay=5m").getDelay()).isEqualTo(300_000);
        assertThat(endpoint("delay=2500").getDelay()).isEqualTo(2500);
        assertThat(endpoint("startFrom=2026-11-01").getStartFrom()).isEqualTo("2026-11-01");
    }

    @Test
    void consumersPollEveryMinuteUnlessToldOtherwise() throws Exception {
        start(Map.of("cloud", cloud()));

        assertThat(endpoint("").getDelay()).isEqualTo(60_000);
        assertThat(endpoint("").getStartFrom()).isEqualTo("now");
        assertThat(endpoint("").getOverlap()).isEqualTo(Duration.ofMinutes(5));
    }

    JiraSpokeEndpoint endpoint(String options) {
        return context.getEndpoint("jiraspoke:issue/search?connection=cloud&jql=project = ABC"
                                   + (options.isEmpty() ? "" : "&" + options), JiraSpokeEndpoint.class);
    }
}
