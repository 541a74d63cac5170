package io.jiraspoke.camel.consumer;

import java.util.LinkedHashMap;

/**
 * How far an incremental consumer got: the newest timestamp it delivered (never beyond Jira's clock), and which item
 * versions it delivered within the overlap window before it, so that re-reading the window delivers nothing twice.
 * Also the start floor (items stamped before it are never delivered) and the item that keeps failing with its
 * count. Recording a delivery costs O(1) amortized (see {@link IdWindow}); serializing is O(items in the window)
 * and done at checkpoints, not per exchange.
 * <p>
 * Stored as one line: {@code v4;<millis>;<floor>;<failing id>@<millis>:<count>;<id>@<millis>,<id>,...} with ids
 * percent-escaped, and an item's {@code @<millis>} left out when it is the same as the item's before it (the items
 * of a bulk edit share one timestamp: a window of 100,000 of them is then 0.7 MB rather than 2.4 MB). While a poll
 * has not run to its end (mid-poll checkpoints, a poll stopped by a failure or maxMessagesPerPoll) the line is
 * {@code v5;} with the same fields and, last, the lower bound of the oldest such poll (see
 * {@link IncrementalSource#since(java.time.Instant, java.time.Instant)}). Read too: {@code v2;} and {@code v3;},
 * the same with every item's timestamp written out, and {@code v1;<millis>;<id@millis>,...} of version 0.1. A
 * release that predates v4 fails on it as unreadable state rather than misreading it.
 */
final class Watermark {

    static final long NONE = Long.MIN_VALUE;

    private long millis = NONE;
    private long floor = NONE;
    /** Id to the newest delivered timestamp, roughly oldest first (the order of delivery). */
    private final IdWindow recent = new IdWindow();
    /** Items stamped beyond Jira's clock: kept apart so that they do not hold up pruning of {@link #recent}. */
    private final LinkedHashMap<String, Long> future = new LinkedHashMap<>(4);
    private String failingId;
    private long failingMillis;
    private int failures;
    private boolean unfinished;
    private long unfinishedSince = NONE;
    /** Remembered items stamped from here on are kept for the rest of the poll, however far the watermark moves. */
    private long keepFrom = Long.MAX_VALUE;

    static Watermark parse(String state) {
        Watermark w = new Watermark();
        if (state == null || state.isBlank()) {
            return w;
        }
        String[] parts = state.split(";", -1);
        try {
            if (parts.length == 3 && "v1".equals(parts[0])) {
                w.millis = Long.parseLong(parts[1]);
                marks(parts[2], w.recent, false, false);
            } else if (parts.length == 5 && ("v2".equals(parts[0]) || "v4".equals(parts[0]))
                       || parts.length == 6 && ("v3".equals(parts[0]) || "v5".equals(parts[0]))) {
                if (parts.length == 6) {
                    w.unfinished = true;
                    w.unfinishedSince = Long.parseLong(parts[5]);
                }
                w.millis = Long.parseLong(parts[1]);
                w.floor = Long.parseLong(parts[2]);
                if (!parts[3].isEmpty()) {
                    int colon = parts[3].lastIndexOf(':');
                    int at = parts[3].lastIndexOf('@', colon);
                    w.failingId = unescape(parts[3].substring(0, at));
                    w.failingMillis = Long.parseLong(parts[3].substring(at + 1, colon));
                    w.failures = Integer.parseInt(parts[3].substring(colon + 1));
                }
                marks(parts[4], w.recent, true, parts[0].equals("v4") || parts[0].equals("v5"));
            } else {
                throw new IllegalStateException("Unreadable jiraspoke consumer state: " + abbreviate(state));
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("Unreadable jiraspoke consumer state: " + abbreviate(state), e);
        }
        return w;
    }

    /**
     * Reads the items {@code <id>@<millis>,...}; with {@code compact}, an item without {@code @<millis>} has the
     * timestamp of the item before it. Ids that are numbers are read without a string each.
     */
    private static void marks(String text, IdWindow into, boolean escaped, boolean compact) {
        // the stamp of the item before; the first item always has one
        long stamp = NONE;
        boolean stamped = false;
        int length = text.length();
        int from = 0;
        while (from < length) {
            int comma = text.indexOf(',', from);
            int to = comma < 0 ? length : comma;
            if (to > from) {
                // the last '@' within the item: unescaped ids of v1 may hold one, escaped ones do not
                int idEnd = to;
                for (int i = to - 1; i >= from; i--) {
                    if (text.charAt(i) == '@') {
                        idEnd = i;
                        break;
                    }
                }
                if (idEnd < to) {
                    stamp = Long.parseLong(text, idEnd + 1, to, 10);
                    stamped = true;
                } else if (!compact || !stamped) {
                    throw new IllegalArgumentException("an item without its timestamp");
                }
                long number = IdWindow.number(text, from, idEnd);
                if (number >= 0) {
                    into.putNumber(number, stamp);
                } else {
                    String id = text.substring(from, idEnd);
                    into.put(escaped ? unescape(id) : id, stamp);
                }
            }
            from = to + 1;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    boolean isEmpty() {
        return millis == NONE;
    }

    long millis() {
        return millis;
    }

    long floor() {
        return floor;
    }

    /** Starts an empty watermark at an instant: nothing stamped before it is delivered. */
    void startAt(long startMillis) {
        millis = startMillis;
        floor = startMillis;
    }

    /** The oldest timestamp still worth delivering: the watermark minus the overlap, never before the floor. */
    long lowerBound(long overlapMillis) {
        long horizon = isEmpty() ? NONE : millis - overlapMillis;
        return Math.max(horizon, floor);
    }

    /**
     * The lower bound of the oldest poll that did not run to its end, or {@code lower} (this poll's lower bound)
     * when the last poll did: no item stamped, by its own time, before it can still be undelivered.
     */
    long unfinishedSince(long lower) {
        return unfinished ? Math.min(unfinishedSince, lower) : lower;
    }

    boolean isUnfinished() {
        return unfinished;
    }

    /**
     * Marks a poll begun: until {@link #finished()}, the saved state says that items from {@code since} on may be
     * undelivered, so that a crash or a stop in between resumes from there.
     */
    void begin(long since) {
        unfinished = true;
        unfinishedSince = since;
    }

    /**
     * Keeps the items remembered from an instant on (the poll's lower bound) until this poll ends, however far the
     * watermark moves meanwhile: items with versioned ids may come again later in the same poll, with the
     * timestamp of a holder that changed (a comment of an issue updated since it was delivered), and only memory
     * tells them apart. Memory then grows with the items one poll delivers; maxMessagesPerPoll bounds that.
     */
    void keepFrom(long since) {
        keepFrom = since;
    }

    /** Marks the poll as run to its end: everything it read was delivered or given up on. */
    void finished() {
        unfinished = false;
        unfinishedSince = NONE;
    }

    /** The timestamp of the newest delivered version of the item; {@link #NONE} when the window does not hold it. */
    long deliveredAt(String id) {
        long seen = recent.get(id);
        if (seen != NONE || future.isEmpty()) {
            return seen;
        }
        Long later = future.get(id);
        return later != null ? later : NONE;
    }

    /** Whether this version of the item (or a newer one) was delivered. */
    boolean delivered(String id, long itemMillis) {
        long seen = deliveredAt(id);
        return seen != NONE && seen >= itemMillis;
    }

    /**
     * Records a delivered item version. The watermark advances to its timestamp but never beyond Jira's clock: one
     * item stamped in the future must not hide the items stamped after it.
     */
    void record(String id, long itemMillis, long jiraNowMillis, long overlapMillis) {
        if (itemMillis > jiraNowMillis + overlapMillis) {
            future.put(id, itemMillis);
        } else {
            recent.put(id, itemMillis);
        }
        millis = Math.max(millis, Math.min(itemMillis, jiraNowMillis));
        recent.pruneHead(Math.min(millis - overlapMillis, keepFrom));
        if (failingId != null && failingMillis == itemMillis && failingId.equals(id)) {
            failingId = null;
            failures = 0;
        }
    }

    /** Counts one more failed poll of an item version; answers how many polls in a row failed on it. */
    int failed(String id, long itemMillis) {
        if (failingId != null && failingMillis == itemMillis && failingId.equals(id)) {
            failures++;
        } else {
            failingId = id;
            failingMillis = itemMillis;
            failures = 1;
        }
        return failures;
    }

    String serialize(long overlapMillis) {
        long horizon = millis - overlapMillis;
        long forget = Math.min(horizon, keepFrom);
        recent.removeBelow(forget);
        future.values().removeIf(stamp -> stamp < forget);
        StringBuilder sb = new StringBuilder(48 + recent.size() * 8);
        sb.append(unfinished ? "v5;" : "v4;").append(millis).append(';').append(floor > horizon ? floor : NONE)
                .append(';');
        if (failingId != null) {
            sb.append(escape(failingId)).append('@').append(failingMillis).append(':').append(failures);
        }
        sb.append(';');
        Marks marks = new Marks(sb);
        recent.forEach(marks);
        future.forEach((id, stamp) -> marks.entry(id, -1, stamp));
        if (unfinished) {
            sb.append(';').append(unfinishedSince);
        }
        return sb.toString();
    }

    /** Writes items, each timestamp only where it differs from the item's before it. */
    private static final class Marks implements IdWindow.Visitor {
        private final StringBuilder sb;
        private long last = NONE;
        private boolean first = true;

        Marks(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public void entry(String text, long number, long stamp) {
            if (!first) {
                sb.append(',');
            }
            if (text == null) {
                sb.append(number);
            } else {
                sb.append(escape(text));
            }
            if (first || stamp != last) {
                sb.append('@').append(stamp);
                last = stamp;
            }
            first = false;
        }
    }

    /** Items remembered within the window (for tests and monitoring). */
    int size() {
        return recent.size() + future.size();
    }

    private static String escape(String id) {
        return StateText.escape(id);
    }

    private static String unescape(String id) {
        return StateText.unescape(id);
    }
}
