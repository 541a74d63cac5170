package io.jiraspoke.camel;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations strictly. Camel's own conversion turns text it cannot read ({@code abc}, {@code -5m},
 * {@code 1x}) into zero without a word, and a zero overlap or retry wait is a silent misconfiguration; here it is an
 * error naming the option and the value. Accepted: milliseconds ({@code 500}), units ({@code 500ms}, {@code 10s},
 * {@code 5m}, {@code 1h30m}, {@code 2d}) and ISO-8601 ({@code PT5M}); never negative.
 */
public final class Durations {

    private static final Pattern UNITS = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(option, text);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.chars().allMatch(Character::isDigit) && t.length() <= 18) {
            return Duration.ofMillis(Long.parseLong(t));
        }
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (d.isNegative()) {
                    throw invalid(option, text);
                }
                return d;
            } catch (DateTimeParseException e) {
                throw invalid(option, text);
            }
        }
        Matcher m = UNITS.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw invalid(option, text);
        }
        return total;
    }

    private static IllegalArgumentException invalid(String option, String text) {
        return new IllegalArgumentException("Option '" + option + "' must be a duration of zero or more, such as 500ms,"
                                            + " 10s, 5m, 1h30m or PT5M (a plain number is milliseconds), was '"
                                            + text + "'");
    }
}
