package io.jiraspoke.camel.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Jira's timestamp format, e.g. {@code 2026-11-28T10:15:30.000+0000}. */
public final class JiraTime {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 0, 3, true).optionalEnd()
            .appendOffset("+HHmm", "Z")
            .toFormatter();

    private JiraTime() {
    }

    /**
     * Parses Jira's format (and ISO-8601 with a colon in the offset, or epoch milliseconds as some old servers
     * send); null, blank or unreadable text gives null: an odd timestamp must not fail a whole result.
     */
    public static OffsetDateTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t, FORMAT);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t);
            } catch (DateTimeParseException notIso) {
                if (t.length() <= 15 && t.chars().allMatch(Character::isDigit)) {
                    return Instant.ofEpochMilli(Long.parseLong(t)).atOffset(ZoneOffset.UTC);
                }
                return null;
            }
        }
    }
}
