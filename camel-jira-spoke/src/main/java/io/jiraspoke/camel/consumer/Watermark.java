package io.jiraspoke.camel.consumer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far an incremental consumer got: the newest {@code updated} instant it delivered, and which issue versions
 * ({@code id@updatedMillis}) it delivered within the overlap window before it, so that re-reading the window
 * delivers nothing twice. Stored as one line: {@code v1;<millis>;<id@millis>,<id@millis>...}.
 */
final class Watermark {

    private long millis = Long.MIN_VALUE;
    private final Map<String, Long> recent = new LinkedHashMap<>();

    static Watermark parse(String state) {
        Watermark w = new Watermark();
        if (state == null || state.isBlank()) {
            return w;
        }
        String[] parts = state.split(";", -1);
        if (parts.length != 3 || !"v1".equals(parts[0])) {
            throw new IllegalStateException("Unreadable jiraspoke consumer state: " + state);
        }
        w.millis = Long.parseLong(parts[1]);
        for (String mark : parts[2].split(",")) {
            if (!mark.isEmpty()) {
                w.recent.put(mark, Long.parseLong(mark.substring(mark.lastIndexOf('@') + 1)));
            }
        }
        return w;
    }

    boolean isEmpty() {
        return millis == Long.MIN_VALUE;
    }

    long millis() {
        return millis;
    }

    /**
     * The oldest instant whose delivered versions are still remembered: versions before it were delivered already or
     * lie outside the window the consumer looks at. {@link Long#MIN_VALUE} while empty.
     */
    long horizon(long overlapMillis) {
        return isEmpty() ? Long.MIN_VALUE : millis - overlapMillis;
    }

    static String mark(String issueId, long updatedMillis) {
        return issueId + "@" + updatedMillis;
    }

    boolean delivered(String mark) {
        return recent.containsKey(mark);
    }

    /** Records a delivered issue version and forgets versions older than the overlap window. */
    void record(String mark, long updatedMillis, long overlapMillis) {
        recent.put(mark, updatedMillis);
        millis = Math.max(millis, updatedMillis);
        long horizon = horizon(overlapMillis);
        for (Iterator<Long> it = recent.values().iterator(); it.hasNext();) {
            if (it.next() < horizon) {
                it.remove();
            }
        }
    }

    String serialize() {
        return "v1;" + millis + ";" + String.join(",", recent.keySet());
    }
}
