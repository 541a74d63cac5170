package io.jiraspoke.camel.consumer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Where a consumer without saved state starts: {@code now}, {@code beginning}, or an instant. Parsed once when the
 * option is set, so a typo refuses the endpoint instead of silently replaying a whole project.
 */
public record StartFrom(Kind kind, Instant instant) {

    public enum Kind {
        NOW,
        BEGINNING,
        INSTANT
    }

    public static StartFrom parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid(value);
        }
        String v = value.strip();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "now":
                return new StartFrom(Kind.NOW, null);
            case "beginning":
                return new StartFrom(Kind.BEGINNING, null);
            default:
                break;
        }
        try {
            return new StartFrom(Kind.INSTANT, OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException notOffsetDateTime) {
            try {
                return new StartFrom(Kind.INSTANT, Instant.parse(v));
            } catch (DateTimeParseException notInstant) {
                try {
                    return new StartFrom(Kind.INSTANT, LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    throw invalid(value);
                }
            }
        }
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("Option 'startFrom' must be now, beginning, an ISO-8601 instant (e.g."
                                            + " 2026-11-01T00:00:00Z) or a date (2026-11-01), was " + value);
    }
}
