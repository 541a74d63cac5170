package io.jiraspoke.camel.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Jira's timestamp format, e.g. {@code 2026-11-28T10:15:30.000+0000}.
 * <p>
 * The common shapes ({@code yyyy-MM-ddTHH:mm:ss}, a fraction of up to nine digits or none, then {@code Z},
 * {@code +HHmm} or {@code +HH:mm}) are read by hand: a {@link DateTimeFormatter} builds a map of fields per parse,
 * which cost the consumer of a bulk edit a third of its time. Anything else goes to the formatters.
 */
public final class JiraTime {

    /** What {@link #epochMillis(String)} answers for text that is not a timestamp. */
    public static final long NONE = Long.MIN_VALUE;

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
        if (text == null) {
            return null;
        }
        Fields f = Fields.read(text);
        if (f != null) {
            try {
                return OffsetDateTime.of(f.year, f.month, f.day, f.hour, f.minute, f.second, f.nanos,
                        ZoneOffset.ofTotalSeconds(f.offsetSeconds));
            } catch (DateTimeException e) {
                // a 31st of a short month and the like: the formatters decide, as before
            }
        }
        return parseSlowly(text);
    }

    /**
     * The timestamp as epoch milliseconds (its fraction truncated, as {@link Instant#toEpochMilli()} does), or
     * {@link #NONE} where {@link #parse(String)} gives null; the same instant as {@code parse}, without building
     * an {@code OffsetDateTime}.
     */
    public static long epochMillis(String text) {
        if (text == null) {
            return NONE;
        }
        Fields f = Fields.read(text);
        if (f != null && f.day <= 28) {
            long days = LocalDate.of(f.year, f.month, f.day).toEpochDay();
            long seconds = days * 86_400 + f.hour * 3600L + f.minute * 60L + f.second - f.offsetSeconds;
            return seconds * 1000 + f.nanos / 1_000_000;
        }
        OffsetDateTime t = f != null ? parse(text) : parseSlowly(text);
        return t == null ? NONE : t.toInstant().toEpochMilli();
    }

    private static OffsetDateTime parseSlowly(String text) {
        if (text.isBlank()) {
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

    /** The fields of a timestamp in one of the common shapes, each within its range; null for any other text. */
    private static final class Fields {
        int year, month, day, hour, minute, second, nanos, offsetSeconds;

        static Fields read(String s) {
            int n = s.length();
            if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
                return null;
            }
            Fields f = new Fields();
            f.year = digits(s, 0, 4);
            f.month = digits(s, 5, 2);
            f.day = digits(s, 8, 2);
            f.hour = digits(s, 11, 2);
            f.minute = digits(s, 14, 2);
            f.second = digits(s, 17, 2);
            if (f.year < 0 || f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.hour < 0 || f.hour > 23
                || f.minute < 0 || f.minute > 59 || f.second < 0 || f.second > 59) {
                return null;
            }
            int i = 19;
            if (s.charAt(i) == '.') {
                int start = ++i;
                int nanos = 0;
                while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int len = i - start;
                if (len == 0 || i < n && isDigit(s.charAt(i))) {
                    return null;
                }
                for (int k = len; k < 9; k++) {
                    nanos *= 10;
                }
                f.nanos = nanos;
            }
            int rest = n - i;
            if (rest == 1 && s.charAt(i) == 'Z') {
                return f;
            }
            char sign = rest == 5 || rest == 6 ? s.charAt(i) : 0;
            if (sign != '+' && sign != '-' || rest == 6 && s.charAt(i + 3) != ':') {
                return null;
            }
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, n - 2, 2);
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                return null;
            }
            int seconds = hours * 3600 + minutes * 60;
            if (seconds > 18 * 3600) {
                return null;
            }
            f.offsetSeconds = sign == '-' ? -seconds : seconds;
            return f;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** The number the digits at {@code from} spell, or -1 when one of them is not a digit. */
        private static int digits(String s, int from, int count) {
            int v = 0;
            for (int i = from; i < from + count; i++) {
                char c = s.charAt(i);
                if (!isDigit(c)) {
                    return -1;
                }
                v = v * 10 + (c - '0');
            }
            return v;
        }
    }
}
