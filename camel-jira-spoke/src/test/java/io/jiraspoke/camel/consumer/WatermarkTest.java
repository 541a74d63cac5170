package io.jiraspoke.camel.consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkTest {

    static final long MINUTE = 60_000;
    static final long OVERLAP = 5 * MINUTE;
    /** Jira's clock in these tests: far ahead of every item, so no item counts as stamped in the future. */
    static final long NOW = 1000 * MINUTE;

    @Test
    void noStateIsAnEmptyWatermark() {
        assertThat(Watermark.parse(null).isEmpty()).isTrue();
        assertThat(Watermark.parse("").isEmpty()).isTrue();
        assertThat(Watermark.parse("  ").isEmpty()).isTrue();
        assertThat(Watermark.parse(null).delivered("10001", 0)).isFalse();
        assertThat(Watermark.parse(null).lowerBound(OVERLAP)).isEqualTo(Watermark.NONE);
    }

    @Test
    void recordingAdvancesToTheNewestInstantAndRemembersTheVersion() {
        Watermark w = Watermark.parse(null);
        w.record("10001", 10 * MINUTE, NOW, OVERLAP);

        assertThat(w.isEmpty()).isFalse();
        assertThat(w.millis()).isEqualTo(10 * MINUTE);
        assertThat(w.delivered("10001", 10 * MINUTE)).isTrue();
        assertThat(w.delivered("10001", 9 * MINUTE)).as("an older version of a delivered issue").isTrue();
        assertThat(w.delivered("10001", 11 * MINUTE)).as("a newer version of the same issue").isFalse();
        assertThat(w.delivered("10002", 10 * MINUTE)).as("another issue, same instant").isFalse();

        // an older version recorded later (an issue indexed late) does not move the watermark back
        w.record("10003", 8 * MINUTE, NOW, OVERLAP);
        assertThat(w.millis()).isEqualTo(10 * MINUTE);
        assertThat(w.delivered("10003", 8 * MINUTE)).isTrue();
    }

    @Test
    void serializesToOneLineAndParsesBack() {
        Watermark w = Watermark.parse(null);
        w.record("10001", 1_000_000, NOW, OVERLAP);
        w.record("10002", 1_060_000, NOW, OVERLAP);

        String line = w.serialize(OVERLAP);
        assertThat(line).isEqualTo("v4;1060000;" + Long.MIN_VALUE + ";;10001@1000000,10002@1060000");

        Watermark back = Watermark.parse(line);
        assertThat(back.millis()).isEqualTo(1_060_000);
        assertThat(back.delivered("10001", 1_000_000)).isTrue();
        assertThat(back.delivered("10002", 1_060_000)).isTrue();
        assertThat(back.serialize(OVERLAP)).isEqualTo(line);
    }

    @Test
    void theStateOfVersionZeroPointOneIsRead() {
        Watermark w = Watermark.parse("v1;1060000;10001@1000000,10002@1060000");

        assertThat(w.millis()).isEqualTo(1_060_000);
        assertThat(w.delivered("10001", 1_000_000)).isTrue();
        assertThat(w.delivered("10002", 1_060_000)).isTrue();
        assertThat(Watermark.parse("v1;1234;").millis()).isEqualTo(1234);
    }

    @Test
    void idsWithSeparatorsSurviveARoundTrip() {
        Watermark w = Watermark.parse(null);
        w.record("a;b,c@d:e=f%g\nh", 10 * MINUTE, NOW, OVERLAP);
        w.failed("x@y:z;1", 11 * MINUTE);

        Watermark back = Watermark.parse(w.serialize(OVERLAP));
        assertThat(back.delivered("a;b,c@d:e=f%g\nh", 10 * MINUTE)).isTrue();
        assertThat(back.failed("x@y:z;1", 11 * MINUTE)).as("the count survived").isEqualTo(2);
        assertThat(w.serialize(OVERLAP)).doesNotContain("\n");
    }

    @Test
    void versionsOlderThanTheOverlapWindowArePruned() {
        Watermark w = Watermark.parse(null);
        w.record("1", 0, NOW, OVERLAP);
        w.record("2", 2 * MINUTE, NOW, OVERLAP);
        w.record("3", 6 * MINUTE, NOW, OVERLAP);

        // window = 6 - 5 = 1 minute: the first is gone, the second kept
        assertThat(w.delivered("1", 0)).isFalse();
        assertThat(w.delivered("2", 2 * MINUTE)).isTrue();
        assertThat(w.size()).isEqualTo(2);

        w.record("4", 20 * MINUTE, NOW, OVERLAP);
        assertThat(w.serialize(OVERLAP)).endsWith(";;4@1200000");
    }

    @Test
    void theLowerBoundIsTheWatermarkMinusTheOverlapAndNeverBeforeTheFloor() {
        assertThat(Watermark.parse("v1;3600000;").lowerBound(OVERLAP)).isEqualTo(3_300_000);

        Watermark started = Watermark.parse(null);
        started.startAt(60 * MINUTE);
        assertThat(started.lowerBound(OVERLAP)).as("nothing before the start").isEqualTo(60 * MINUTE);
        started.record("1", 62 * MINUTE, NOW, OVERLAP);
        assertThat(started.lowerBound(OVERLAP)).isEqualTo(60 * MINUTE);
        started.record("2", 80 * MINUTE, NOW, OVERLAP);
        assertThat(started.lowerBound(OVERLAP)).isEqualTo(75 * MINUTE);
        assertThat(Watermark.parse(started.serialize(OVERLAP)).lowerBound(OVERLAP)).isEqualTo(75 * MINUTE);
    }

    @Test
    void theFloorSurvivesARestartWhileItMatters() {
        Watermark w = Watermark.parse(null);
        w.startAt(60 * MINUTE);

        Watermark back = Watermark.parse(w.serialize(OVERLAP));
        assertThat(back.isEmpty()).isFalse();
        assertThat(back.lowerBound(OVERLAP)).isEqualTo(60 * MINUTE);
    }

    @Test
    void aVersionExactlyAtTheWindowEdgeIsKept() {
        Watermark w = Watermark.parse(null);
        w.record("1", MINUTE, NOW, OVERLAP);
        w.record("2", 6 * MINUTE, NOW, OVERLAP);

        assertThat(w.delivered("1", MINUTE)).isTrue();
    }

    @Test
    void anItemStampedAfterJirasClockDoesNotMoveTheWatermarkPastNow() {
        Watermark w = Watermark.parse(null);
        w.record("1", 10 * MINUTE, 10 * MINUTE, OVERLAP);
        w.record("future", 10_000 * MINUTE, 11 * MINUTE, OVERLAP);

        assertThat(w.millis()).isEqualTo(11 * MINUTE);
        assertThat(w.delivered("future", 10_000 * MINUTE)).as("it is still not delivered twice").isTrue();
        // later items are still found and their marks pruned as time goes by
        w.record("2", 30 * MINUTE, 30 * MINUTE, OVERLAP);
        assertThat(w.delivered("1", 10 * MINUTE)).isFalse();
        assertThat(w.millis()).isEqualTo(30 * MINUTE);
    }

    @Test
    void failuresAreCountedPerItemVersionAndClearedByItsDelivery() {
        Watermark w = Watermark.parse(null);
        assertThat(w.failed("1", MINUTE)).isEqualTo(1);
        assertThat(w.failed("1", MINUTE)).isEqualTo(2);
        assertThat(w.failed("1", 2 * MINUTE)).as("a newer version starts again").isEqualTo(1);
        w.record("1", 2 * MINUTE, NOW, OVERLAP);
        assertThat(w.failed("1", 2 * MINUTE)).isEqualTo(1);
    }

    @Test
    void twoHundredThousandItemsInOneWindowAreAllRemembered() {
        Watermark w = Watermark.parse(null);
        for (int i = 0; i < 200_000; i++) {
            w.record(Integer.toString(10_000 + i), 10 * MINUTE + (i % 1000), NOW, OVERLAP);
        }
        assertThat(w.size()).isEqualTo(200_000);
        assertThat(w.delivered("10000", 10 * MINUTE)).isTrue();
        assertThat(Watermark.parse(w.serialize(OVERLAP)).size()).isEqualTo(200_000);
    }

    @Test
    void unreadableStateFailsLoudlyInsteadOfStartingOver() {
        assertThatThrownBy(() -> Watermark.parse("1234")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unreadable jiraspoke consumer state: 1234");
        assertThatThrownBy(() -> Watermark.parse("v2;1234;")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Watermark.parse("v1;soon;")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPollNotRunToItsEndIsSavedWithItsLowerBoundUntilOneIs() {
        Watermark w = Watermark.parse(null);
        w.record("10001", 10 * MINUTE, NOW, OVERLAP);
        assertThat(w.unfinishedSince(5 * MINUTE)).as("after a poll that ran to its end").isEqualTo(5 * MINUTE);

        w.begin(5 * MINUTE);
        w.record("10002", 30 * MINUTE, NOW, OVERLAP);
        String line = w.serialize(OVERLAP);
        assertThat(line).startsWith("v5;" + 30 * MINUTE + ";").endsWith(";" + 5 * MINUTE);

        Watermark back = Watermark.parse(line);
        assertThat(back.isUnfinished()).isTrue();
        // the next poll's lower bound has moved on; items older than it may still be undelivered
        assertThat(back.unfinishedSince(back.lowerBound(OVERLAP))).isEqualTo(5 * MINUTE);
        assertThat(back.delivered("10002", 30 * MINUTE)).isTrue();
        assertThat(back.serialize(OVERLAP)).isEqualTo(line);

        back.finished();
        assertThat(back.serialize(OVERLAP)).startsWith("v4;");
        assertThat(Watermark.parse(back.serialize(OVERLAP)).unfinishedSince(25 * MINUTE)).isEqualTo(25 * MINUTE);
    }

    @Test
    void aFirstPollFromTheBeginningThatStopsEarlyKeepsEverythingOpen() {
        Watermark w = Watermark.parse(null);
        w.begin(Watermark.NONE);
        w.record("10001", 10 * MINUTE, NOW, OVERLAP);

        Watermark back = Watermark.parse(w.serialize(OVERLAP));

        assertThat(back.unfinishedSince(back.lowerBound(OVERLAP))).isEqualTo(Watermark.NONE);
        assertThatThrownBy(() -> Watermark.parse("v3;1234;1;;;")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Watermark.parse("v5;1234;1;;;")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatAPollMustKeepIsNotForgottenWhileTheWatermarkRunsAhead() {
        Watermark w = Watermark.parse(null);
        w.record("10001@1", 10 * MINUTE, NOW, OVERLAP);
        Watermark poll = Watermark.parse(w.serialize(OVERLAP));
        poll.keepFrom(poll.lowerBound(OVERLAP));

        // the holder of 10001@1 changed: it may come again later in this poll, after a version stamped much later
        poll.record("10002@1", 60 * MINUTE, NOW, OVERLAP);
        assertThat(poll.deliveredAt("10001@1")).isEqualTo(10 * MINUTE);
        Watermark next = Watermark.parse(poll.serialize(OVERLAP));
        assertThat(next.deliveredAt("10001@1")).as("kept in the state of the poll").isEqualTo(10 * MINUTE);

        next.keepFrom(next.lowerBound(OVERLAP));
        next.record("10003@1", 61 * MINUTE, NOW, OVERLAP);
        assertThat(next.deliveredAt("10001@1")).as("older than the next poll's lower bound").isEqualTo(Watermark.NONE);
    }

    @Test
    void itemsSharingATimestampAreWrittenWithItOnce() {
        Watermark w = Watermark.parse(null);
        // a bulk edit: many issues with one 'updated', then a later one, then ids that are not plain numbers
        w.record("10001", 10 * MINUTE, NOW, OVERLAP);
        w.record("10002", 10 * MINUTE, NOW, OVERLAP);
        w.record("10003", 10 * MINUTE, NOW, OVERLAP);
        w.record("10004", 11 * MINUTE, NOW, OVERLAP);
        w.record("010", 11 * MINUTE, NOW, OVERLAP);
        w.record("a@b", 11 * MINUTE, NOW, OVERLAP);

        String line = w.serialize(OVERLAP);
        assertThat(line).isEqualTo("v4;660000;" + Long.MIN_VALUE + ";;10001@600000,10002,10003,10004@660000,010,a%40b");

        Watermark back = Watermark.parse(line);
        assertThat(back.deliveredAt("10002")).isEqualTo(10 * MINUTE);
        assertThat(back.deliveredAt("10003")).isEqualTo(10 * MINUTE);
        assertThat(back.deliveredAt("10004")).isEqualTo(11 * MINUTE);
        assertThat(back.deliveredAt("010")).as("kept as text, not as the number 10").isEqualTo(11 * MINUTE);
        assertThat(back.deliveredAt("10")).isEqualTo(Watermark.NONE);
        assertThat(back.deliveredAt("a@b")).isEqualTo(11 * MINUTE);
        assertThat(back.serialize(OVERLAP)).isEqualTo(line);
    }

    @Test
    void theFullFormOfEarlierVersionsIsReadAndWrittenCompactly() {
        Watermark done = Watermark.parse("v2;660000;" + Long.MIN_VALUE
                                         + ";7@1:2;10001@600000,10002@600000,x%2Cy@660000");
        assertThat(done.deliveredAt("10002")).isEqualTo(10 * MINUTE);
        assertThat(done.deliveredAt("x,y")).isEqualTo(11 * MINUTE);
        assertThat(done.failed("7", 1)).as("the failure count was read").isEqualTo(3);
        assertThat(done.serialize(OVERLAP))
                .isEqualTo("v4;660000;" + Long.MIN_VALUE + ";7@1:3;10001@600000,10002,x%2cy@660000");

        Watermark open = Watermark.parse("v3;660000;" + Long.MIN_VALUE + ";;10001@600000;300000");
        assertThat(open.isUnfinished()).isTrue();
        assertThat(open.unfinishedSince(600_000)).isEqualTo(300_000);
        assertThat(open.serialize(OVERLAP)).startsWith("v5;").endsWith(";300000");
    }

    @Test
    void aCompactStateThatStartsWithoutATimestampIsUnreadable() {
        assertThatThrownBy(() -> Watermark.parse("v4;1;1;;10001,10002@1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unreadable jiraspoke consumer state");
        assertThatThrownBy(() -> Watermark.parse("v2;1;1;;10001@1,10002")).as("the full form needs every timestamp")
                .isInstanceOf(IllegalStateException.class);
    }
}
