package io.jiraspoke.camel.consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkTest {

    static final long MINUTE = 60_000;
    static final long OVERLAP = 5 * MINUTE;

    @Test
    void noStateIsAnEmptyWatermark() {
        assertThat(Watermark.parse(null).isEmpty()).isTrue();
        assertThat(Watermark.parse("").isEmpty()).isTrue();
        assertThat(Watermark.parse("  ").isEmpty()).isTrue();
        assertThat(Watermark.parse(null).delivered(Watermark.mark("10001", 0))).isFalse();
    }

    @Test
    void recordingAdvancesToTheNewestInstantAndRemembersTheVersion() {
        Watermark w = Watermark.parse(null);
        w.record(Watermark.mark("10001", 10 * MINUTE), 10 * MINUTE, OVERLAP);

        assertThat(w.isEmpty()).isFalse();
        assertThat(w.millis()).isEqualTo(10 * MINUTE);
        assertThat(w.delivered("10001@600000")).isTrue();
        assertThat(w.delivered(Watermark.mark("10001", 11 * MINUTE))).as("a newer version of the same issue")
                .isFalse();
        assertThat(w.delivered(Watermark.mark("10002", 10 * MINUTE))).as("another issue, same instant").isFalse();

        // an older version recorded later (an issue indexed late) does not move the watermark back
        w.record(Watermark.mark("10003", 8 * MINUTE), 8 * MINUTE, OVERLAP);
        assertThat(w.millis()).isEqualTo(10 * MINUTE);
        assertThat(w.delivered(Watermark.mark("10003", 8 * MINUTE))).isTrue();
    }

    @Test
    void serializesToOneLineAndParsesBack() {
        Watermark w = Watermark.parse(null);
        w.record(Watermark.mark("10001", 1_000_000), 1_000_000, OVERLAP);
        w.record(Watermark.mark("10002", 1_060_000), 1_060_000, OVERLAP);

        String line = w.serialize();
        assertThat(line).isEqualTo("v1;1060000;10001@1000000,10002@1060000");

        Watermark back = Watermark.parse(line);
        assertThat(back.millis()).isEqualTo(1_060_000);
        assertThat(back.delivered("10001@1000000")).isTrue();
        assertThat(back.delivered("10002@1060000")).isTrue();
        assertThat(back.serialize()).isEqualTo(line);
    }

    @Test
    void anEmptyRecentListParses() {
        Watermark w = Watermark.parse("v1;1234;");
        assertThat(w.isEmpty()).isFalse();
        assertThat(w.millis()).isEqualTo(1234);
        assertThat(w.serialize()).isEqualTo("v1;1234;");
    }

    @Test
    void versionsOlderThanTheOverlapWindowArePruned() {
        Watermark w = Watermark.parse(null);
        w.record(Watermark.mark("1", 0), 0, OVERLAP);
        w.record(Watermark.mark("2", 2 * MINUTE), 2 * MINUTE, OVERLAP);
        w.record(Watermark.mark("3", 6 * MINUTE), 6 * MINUTE, OVERLAP);

        // horizon = 6 - 5 = 1 minute: the first is gone, the second kept
        assertThat(w.delivered(Watermark.mark("1", 0))).isFalse();
        assertThat(w.delivered(Watermark.mark("2", 2 * MINUTE))).isTrue();
        assertThat(w.serialize()).isEqualTo("v1;360000;2@120000,3@360000");

        w.record(Watermark.mark("4", 20 * MINUTE), 20 * MINUTE, OVERLAP);
        assertThat(w.serialize()).isEqualTo("v1;1200000;4@1200000");
    }

    @Test
    void theHorizonIsTheWatermarkMinusTheOverlap() {
        assertThat(Watermark.parse(null).horizon(OVERLAP)).isEqualTo(Long.MIN_VALUE);
        assertThat(Watermark.parse("v1;3600000;").horizon(OVERLAP)).isEqualTo(3_300_000);
    }

    @Test
    void aVersionExactlyAtTheHorizonIsKept() {
        Watermark w = Watermark.parse(null);
        w.record(Watermark.mark("1", MINUTE), MINUTE, OVERLAP);
        w.record(Watermark.mark("2", 6 * MINUTE), 6 * MINUTE, OVERLAP);

        assertThat(w.delivered(Watermark.mark("1", MINUTE))).isTrue();
    }

    @Test
    void unreadableStateFailsLoudlyInsteadOfStartingOver() {
        assertThatThrownBy(() -> Watermark.parse("1234")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unreadable jiraspoke consumer state: 1234");
        assertThatThrownBy(() -> Watermark.parse("v2;1234;")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Watermark.parse("v1;soon;")).isInstanceOf(NumberFormatException.class);
    }
}
