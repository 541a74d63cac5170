package io.jiraspoke.camel.consumer;

import java.util.Arrays;

/**
 * The items an incremental consumer remembers within its overlap window: each id with the timestamp of its newest
 * delivered version, in the order they were last recorded (roughly oldest first), so that the oldest can be pruned
 * from the front.
 * <p>
 * Held in parallel arrays rather than as map entries: an id that is a plain decimal number (Jira's issue, comment,
 * worklog and changelog ids) is kept as a {@code long}, others as their text. A window of 100,000 issues (a bulk
 * edit) is then three flat arrays of 1 MB each (ids, timestamps, index; an array of texts only once an id is not
 * a number) instead of 100,000 map entries, strings and boxed timestamps of about 11 MB, which every young
 * collection copied while they were young: in a profile of that poll, collections took 12% of its time before and 2%
 * after. Look-up, recording and pruning cost O(1)
 * amortized: an index with linear probing maps ids to slots; a re-recorded id moves to the end, leaving its old slot
 * empty until the arrays are compacted (when they are full and at least half empty) or grown.
 */
final class IdWindow {

    /** The timestamp of an empty slot (an item pruned, removed, or moved to a newer slot). */
    private static final long EMPTY = Long.MIN_VALUE;
    /** A decimal id of up to 18 digits fits a long. */
    private static final int MAX_DIGITS = 18;

    private long[] numbers;
    /** The id's text, or null when it is kept as a number; no array at all until an id is not a number. */
    private String[] texts;
    private long[] stamps;
    /** Live slots are within [head, tail). */
    private int head;
    private int tail;
    private int size;
    /** Slot + 1 per index position, 0 for none; its length a power of two, at least twice the slots. */
    private int[] index;

    IdWindow() {
        allocate(16);
    }

    int size() {
        return size;
    }

    /** The timestamp recorded for the id, or {@link Long#MIN_VALUE} when the window does not hold it. */
    long get(String id) {
        int slot = find(id);
        return slot < 0 ? EMPTY : stamps[slot];
    }

    /** Records the id at a timestamp, as the newest entry. */
    void put(String id, long stamp) {
        long number = number(id, 0, id.length());
        put(number >= 0 ? null : id, number, stamp);
    }

    /** Records an id given as a number (from a saved state). */
    void putNumber(long number, long stamp) {
        put(null, number, stamp);
    }

    /** Forgets entries from the front while they are stamped before the horizon. */
    void pruneHead(long horizon) {
        while (head < tail) {
            long stamp = stamps[head];
            if (stamp != EMPTY && stamp >= horizon) {
                return;
            }
            if (stamp != EMPTY) {
                unindex(head);
                size--;
            }
            clearText(head);
            stamps[head] = EMPTY;
            head++;
        }
    }

    /** Forgets every entry stamped before {@code forget}, wherever it is. */
    void removeBelow(long forget) {
        pruneHead(forget);
        for (int slot = head; slot < tail; slot++) {
            long stamp = stamps[slot];
            if (stamp != EMPTY && stamp < forget) {
                unindex(slot);
                size--;
                clearText(slot);
                stamps[slot] = EMPTY;
            }
        }
    }

    /** What {@link #forEach} hands over per entry: the id's text, or null and the id as a number. */
    interface Visitor {
        void entry(String text, long number, long stamp);
    }

    /** The entries in the order they were last recorded. */
    void forEach(Visitor visitor) {
        for (int slot = head; slot < tail; slot++) {
            if (stamps[slot] != EMPTY) {
                visitor.entry(text(slot), numbers[slot], stamps[slot]);
            }
        }
    }

    /**
     * The id in {@code text[from, to)} as a number, or -1 when it is not a canonical decimal number (no sign, no
     * leading zero, at most 18 digits): such ids are kept as text, so each id has exactly one form.
     */
    static long number(CharSequence text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_DIGITS || length > 1 && text.charAt(from) == '0') {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    // --- slots and index ---------------------------------------------------------------------------------------

    private void put(String text, long number, long givenStamp) {
        // the one value that marks an empty slot is taken as the next one: an entry must never look empty
        long stamp = givenStamp == EMPTY ? EMPTY + 1 : givenStamp;
        int at = position(text, number);
        int slot = index[at] - 1;
        if (slot >= 0 && slot == tail - 1) {
            stamps[slot] = stamp;
            return;
        }
        if (slot >= 0) {
            // moves to the end: the old slot is left empty, the index position points to the new one
            clearText(slot);
            stamps[slot] = EMPTY;
            size--;
        }
        if (tail == stamps.length) {
            // rebuilds the index from the live slots, which no longer include the old one
            makeRoom();
            at = position(text, number);
        }
        numbers[tail] = number;
        if (text != null) {
            if (texts == null) {
                texts = new String[stamps.length];
            }
            texts[tail] = text;
        } else {
            clearText(tail);
        }
        stamps[tail] = stamp;
        index[at] = ++tail;
        size++;
    }

    private int find(String id) {
        long number = number(id, 0, id.length());
        int slot = index[position(number >= 0 ? null : id, number)] - 1;
        return slot >= 0 && stamps[slot] != EMPTY ? slot : -1;
    }

    /** The index position of the id: where it is, or the free position where it goes. */
    private int position(String text, long number) {
        int mask = index.length - 1;
        int at = hash(text, number) & mask;
        while (true) {
            int slot = index[at] - 1;
            if (slot < 0) {
                return at;
            }
            String held = text(slot);
            if (text == null ? held == null && numbers[slot] == number : text.equals(held)) {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    private static int hash(String text, long number) {
        long h = text == null ? number : text.hashCode() ^ 0x5bd1e995L;
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int hashOf(int slot) {
        return hash(text(slot), numbers[slot]);
    }

    private String text(int slot) {
        return texts == null ? null : texts[slot];
    }

    private void clearText(int slot) {
        if (texts != null) {
            texts[slot] = null;
        }
    }

    /** Removes the slot's id from the index (its fields must still be in place). */
    private void unindex(int slot) {
        int mask = index.length - 1;
        int at = hashOf(slot) & mask;
        while (index[at] - 1 != slot) {
            at = (at + 1) & mask;
        }
        index[at] = 0;
        rehashFrom(at);
    }

    /** After the position {@code hole} was freed: moves back the entries of its probe run that can now sit earlier. */
    private void rehashFrom(int hole) {
        int mask = index.length - 1;
        int at = (hole + 1) & mask;
        while (index[at] != 0) {
            int home = hashOf(index[at] - 1) & mask;
            // the entry may move to the hole when its home is not within (hole, at], cyclically
            boolean movable = hole <= at ? home <= hole || home > at : home <= hole && home > at;
            if (movable) {
                index[hole] = index[at];
                index[at] = 0;
                hole = at;
            }
            at = (at + 1) & mask;
        }
    }

    /** The arrays are full: compacts them when at least half is empty, else doubles them. */
    private void makeRoom() {
        int capacity = stamps.length;
        long[] oldNumbers = numbers;
        String[] oldTexts = texts;
        long[] oldStamps = stamps;
        int from = head;
        int to = tail;
        if (size > capacity / 2) {
            allocate(capacity * 2);
            texts = oldTexts == null ? null : new String[capacity * 2];
        } else {
            // in place: live slots move only towards the front
            Arrays.fill(index, 0);
            head = 0;
            tail = 0;
        }
        int w = 0;
        for (int r = from; r < to; r++) {
            if (oldStamps[r] != EMPTY) {
                numbers[w] = oldNumbers[r];
                if (texts != null) {
                    texts[w] = oldTexts[r];
                }
                stamps[w] = oldStamps[r];
                w++;
            }
        }
        if (texts != null) {
            Arrays.fill(texts, w, texts.length, null);
        }
        Arrays.fill(stamps, w, stamps.length, EMPTY);
        head = 0;
        tail = w;
        int mask = index.length - 1;
        for (int slot = 0; slot < w; slot++) {
            int at = hashOf(slot) & mask;
            while (index[at] != 0) {
                at = (at + 1) & mask;
            }
            index[at] = slot + 1;
        }
    }

    private void allocate(int capacity) {
        numbers = new long[capacity];
        texts = null;
        stamps = new long[capacity];
        Arrays.fill(stamps, EMPTY);
        index = new int[capacity * 2];
        head = 0;
        tail = 0;
    }
}
