package io.jiraspoke.camel.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jira's timestamps read by hand in their common shapes and by the formatters otherwise: both give the same
 * instant, {@code epochMillis} agrees with {@code parse} to the millisecond, and odd text still gives null.
 */
class JiraTimeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-30T10:15:30.123+0000 | 2026-11-30T10:15:30.123Z     | 0",
        "2026-11-30T10:15:30+0000     | 2026-11-30T10:15:30Z         | 0",
        "2026-11-30T10:15:30.123Z     | 2026-11-30T10:15:30.123Z     | 0",
        "2026-11-30T10:15:30Z         | 2026-11-30T10:15:30Z         | 0",
        "2026-11-30T10:15:30.123+01:00| 2026-11-30T09:15:30.123Z     | 3600",
        "2026-11-30T10:15:30+01:00    | 2026-11-30T09:15:30Z         | 3600",
        "2026-11-30T10:15:30.5-0530   | 2026-11-30T15:45:30.500Z     | -19800",
        "2026-11-30T01:15:30.123+1000 | 2026-11-29T15:15:30.123Z     | 36000",
        "2026-01-01T00:30:00.000+0100 | 2025-12-31T23:30:00Z         | 3600",
        "2026-11-30T10:15:30.123456789+00:00 | 2026-11-30T10:15:30.123456789Z | 0",
        "1969-12-31T23:59:59.999+0000 | 1969-12-31T23:59:59.999Z     | 0",
        "2024-02-29T12:00:00.000+0000 | 2024-02-29T12:00:00Z         | 0",
        "2026-04-30T23:59:59.999+0000 | 2026-04-30T23:59:59.999Z     | 0",
    })
    void commonShapesGiveTheirInstantBothWays(String text, String instant, int offsetSeconds) {
        Instant expected = Instant.parse(instant);
        OffsetDateTime parsed = JiraTime.parse(text);
        assertThat(parsed.toInstant()).isEqualTo(expected);
        assertThat(parsed.getOffset()).isEqualTo(ZoneOffset.ofTotalSeconds(offsetSeconds));
        assertThat(JiraTime.epochMillis(text)).isEqualTo(expected.toEpochMilli());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the formatters' shapes the hand-written reader leaves to them
        " 2026-11-30T10:15:30.123+0000 | 2026-11-30T10:15:30.123Z",
        "2026-11-30T10:15:30+01:00:00  | 2026-11-30T09:15:30Z",
        "1764497730123                 | 2025-11-30T10:15:30.123Z",
        // the formatters' smart resolution of a day past the month's end, kept as it was
        "2026-02-30T10:00:00.000+0000  | 2026-02-28T10:00:00Z",
        "2026-04-31T10:00:00.000+0000  | 2026-04-30T10:00:00Z",
    })
    void otherShapesGoToTheFormatters(String text, String instant) {
        Instant expected = Instant.parse(instant);
        assertThat(JiraTime.parse(text).toInstant()).isEqualTo(expected);
        assertThat(JiraTime.epochMillis(text)).isEqualTo(expected.toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yesterday", "2026-11-30", "2026-13-30T10:15:30.000+0000",
        "2026-11-30T25:15:30.000+0000", "2026-11-30T10:61:30.000+0000", "2026-11-30T10:15:30.000+2500",
        "2026-11-30T10:15:30.000", "2026-11-30T10:15:30.000+00x0", "2026-11-3OT10:15:30.000+0000",
        "2026-11-30T10:15:30.0000000000+0000"})
    void unreadableTextGivesNothing(String text) {
        assertThat(JiraTime.parse(text)).isNull();
        assertThat(JiraTime.epochMillis(text)).isEqualTo(JiraTime.NONE);
    }

    @Test
    void nullGivesNothing() {
        assertThat(JiraTime.parse(null)).isNull();
        assertThat(JiraTime.epochMillis(null)).isEqualTo(JiraTime.NONE);
    }

    @Test
    void randomInstantsInJirasFormatAndInIsoRoundTrip() {
        DateTimeFormatter jira = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800 % 64_800);
            OffsetDateTime t = at.atOffset(offset);
            for (String text : new String[] {jira.format(t), t.toString()}) {
                assertThat(JiraTime.epochMillis(text)).as(text).isEqualTo(at.toEpochMilli());
                assertThat(JiraTime.parse(text)).as(text).isEqualTo(t);
            }
        }
    }
}
