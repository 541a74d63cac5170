package io.jiraspoke.camel.consumer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdWindowTest {

    @Test
    void numbersAndTextsAreDistinctIdsAndEachHasOneForm() {
        IdWindow w = new IdWindow();
        w.put("10", 1);
        w.put("010", 2);
        w.put("ten", 3);
        w.put("-10", 4);
        w.put("1234567890123456789", 5); // 19 digits: kept as text
        w.put("", 6);

        assertThat(w.get("10")).isEqualTo(1);
        assertThat(w.get("010")).isEqualTo(2);
        assertThat(w.get("ten")).isEqualTo(3);
        assertThat(w.get("-10")).isEqualTo(4);
        assertThat(w.get("1234567890123456789")).isEqualTo(5);
        assertThat(w.get("")).isEqualTo(6);
        assertThat(w.get("11")).isEqualTo(Long.MIN_VALUE);
        assertThat(w.size()).isEqualTo(6);

        IdWindow numbers = new IdWindow();
        numbers.putNumber(10, 7);
        assertThat(numbers.get("10")).as("a number from a saved state is the same id as its text").isEqualTo(7);

        IdWindow odd = new IdWindow();
        odd.put("1", Long.MIN_VALUE);
        assertThat(odd.get("1")).as("the stamp that marks empty slots is taken as the next")
                .isEqualTo(Long.MIN_VALUE + 1);
        odd.pruneHead(0);
        assertThat(odd.size()).isZero();
        assertThat(odd.get("1")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aReRecordedIdMovesToTheEndAndThePrunedFrontIsForgotten() {
        IdWindow w = new IdWindow();
        w.put("1", 10);
        w.put("2", 20);
        w.put("3", 30);
        w.put("1", 40); // a newer version of 1: now last

        w.pruneHead(25);
        assertThat(w.get("2")).isEqualTo(Long.MIN_VALUE);
        assertThat(w.get("1")).isEqualTo(40);
        assertThat(w.get("3")).isEqualTo(30);
        assertThat(order(w)).containsExactly("3@30", "1@40");

        w.removeBelow(35);
        assertThat(order(w)).containsExactly("1@40");
        assertThat(w.size()).isEqualTo(1);
    }

    /** Random puts, prunes and removals, checked against a LinkedHashMap doing the same after every step. */
    @Test
    void behavesAsAnOrderedMapThroughGrowthCompactionAndDeletions() {
        Random random = new Random(7);
        for (int run = 0; run < 20; run++) {
            IdWindow w = new IdWindow();
            LinkedHashMap<String, Long> model = new LinkedHashMap<>();
            long clock = 0;
            int ids = 10 + random.nextInt(run % 2 == 0 ? 50 : 5000);
            for (int step = 0; step < 20_000; step++) {
                int op = random.nextInt(100);
                if (op < 80) {
                    String id = id(random, ids);
                    clock += random.nextInt(3);
                    long stamp = clock - random.nextInt(5);
                    w.put(id, stamp);
                    model.remove(id);
                    model.put(id, stamp);
                } else if (op < 95) {
                    long horizon = clock - random.nextInt(200);
                    w.pruneHead(horizon);
                    for (Iterator<Long> it = model.values().iterator(); it.hasNext();) {
                        if (it.next() >= horizon) {
                            break;
                        }
                        it.remove();
                    }
                } else if (op < 97) {
                    long forget = clock - random.nextInt(100);
                    w.removeBelow(forget);
                    model.values().removeIf(stamp -> stamp < forget);
                } else {
                    String id = id(random, ids);
                    assertThat(w.get(id)).isEqualTo(model.getOrDefault(id, Long.MIN_VALUE));
                }
                assertThat(w.size()).isEqualTo(model.size());
            }
            List<String> expected = new ArrayList<>();
            for (Map.Entry<String, Long> e : model.entrySet()) {
                expected.add(e.getKey() + "@" + e.getValue());
                assertThat(w.get(e.getKey())).isEqualTo(e.getValue());
            }
            assertThat(order(w)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aHundredThousandIdsOfOneBulkEdit() {
        IdWindow w = new IdWindow();
        for (int i = 0; i < 100_000; i++) {
            w.put(Integer.toString(10_000 + i), 42);
        }
        assertThat(w.size()).isEqualTo(100_000);
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(w.get(Integer.toString(10_000 + i))).isEqualTo(42);
        }
        w.pruneHead(43);
        assertThat(w.size()).isZero();
        assertThat(w.get("10000")).isEqualTo(Long.MIN_VALUE);
    }

    private static String id(Random random, int ids) {
        int n = random.nextInt(ids);
        // mostly numbers, some texts, some that look like numbers but are not canonical
        return switch (n % 10) {
            case 0 -> "ISSUE-" + n;
            case 1 -> "0" + n;
            default -> Integer.toString(n);
        };
    }

    private static List<String> order(IdWindow w) {
        List<String> out = new ArrayList<>();
        w.forEach((text, number, stamp) -> out.add((text != null ? text : Long.toString(number)) + "@" + stamp));
        return out;
    }
}
