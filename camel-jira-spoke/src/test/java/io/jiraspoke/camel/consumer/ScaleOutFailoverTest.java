package io.jiraspoke.camel.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jiraspoke.camel.consumer.Issues.Issue;
import io.jiraspoke.camel.support.ForkedJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of an application ({@link ScaleOutNode}, each its own JVM) poll one Jira stream through a master:
 * route with a FileLockClusterService and a SharedFileStateRepository on a shared directory. The leader is killed
 * hard in the middle of a poll: another instance takes over within two poll intervals, every issue is delivered,
 * and only issues the dead leader delivered after its last saved checkpoint come twice. Then all instances are
 * killed and new ones started: they deliver only what is new, from the shared state. What docs/scale-out.md promises.
 */
class ScaleOutFailoverTest extends ConsumerTestSupport {

    private static final long POLL_MILLIS = 2000;
    private static final int ISSUES = 150;

    @TempDir
    Path shared;

    private final List<ForkedJvm> jvms = new ArrayList<>();

    @AfterEach
    void killAll() throws Exception {
        for (ForkedJvm j : jvms) {
            j.close();
        }
    }

    private ForkedJvm node(String name) throws IOException {
        ForkedJvm j = ForkedJvm.start(shared, name, ScaleOutNode.class, jira.baseUrl(), shared.toString(), name,
                String.valueOf(POLL_MILLIS));
        jvms.add(j);
        return j;
    }

    /** A line a node journaled: a delivery ({@code D}) or a saved checkpoint ({@code C}). */
    record Line(boolean delivery, String key, long updated, long wall) {
    }

    private List<Line> journal(ForkedJvm node) {
        try {
            List<Line> out = new ArrayList<>();
            for (String l : Files.readAllLines(shared.resolve(node.name() + ".log"))) {
                String[] f = l.split(" ");
                out.add(f[0].equals("D") ? new Line(true, f[1], Long.parseLong(f[2]), Long.parseLong(f[3]))
                        : new Line(false, null, 0, 0));
            }
            return out;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Line> deliveries(List<ForkedJvm> nodes) {
        List<Line> out = new ArrayList<>();
        for (ForkedJvm n : nodes) {
            journal(n).stream().filter(Line::delivery).forEach(out::add);
        }
        return out;
    }

    private Set<String> deliveredKeys(List<ForkedJvm> nodes) {
        Set<String> keys = new HashSet<>();
        deliveries(nodes).forEach(l -> keys.add(l.key()));
        return keys;
    }

    @Test
    @Timeout(180)
    void aHardKilledLeaderIsReplacedWithinTwoPollsNothingIsLostAndOnlyItsUncommittedTailComesTwice()
            throws Exception {
        List<Issue> issues = new ArrayList<>(Issues.project(ISSUES, 30));
        serve(issues);
        long started = System.currentTimeMillis();
        List<ForkedJvm> first = List.of(node("n1"), node("n2"), node("n3"));

        // the leader is whichever delivers; it is killed some way into its first poll, past a mid-poll checkpoint
        ForkedJvm.await("a leader to deliver 70 issues", Duration.ofSeconds(60), first,
                () -> first.stream().anyMatch(n -> deliveries(List.of(n)).size() >= 70));
        ForkedJvm leader = first.stream().filter(n -> deliveries(List.of(n)).size() >= 70).findFirst().orElseThrow();
        leader.kill();
        long killedAt = System.currentTimeMillis();
        List<ForkedJvm> survivors = first.stream().filter(n -> n != leader).toList();
        List<Line> leaderJournal = journal(leader);
        assertThat(leaderJournal.stream().filter(Line::delivery).count()).as("issues the leader delivered")
                .isLessThan(ISSUES);
        assertThat(deliveries(survivors)).as("deliveries by the standbys while the leader lived").isEmpty();

        ForkedJvm.await("every issue to be delivered", Duration.ofSeconds(60), jvms,
                () -> deliveredKeys(first).size() == ISSUES);
        // one more poll, which must deliver nothing again
        Thread.sleep(POLL_MILLIS + 500);

        List<ForkedJvm> successors = survivors.stream().filter(n -> !deliveries(List.of(n)).isEmpty()).toList();
        assertThat(successors).as("standbys that took over").hasSize(1);
        long tookOver = deliveries(successors).get(0).wall() - killedAt;
        assertThat(tookOver).as("ms from the kill to the new leader's first delivery")
                .isLessThanOrEqualTo(2 * POLL_MILLIS);

        // the dead leader's uncommitted tail: what it delivered after the last state save it journaled
        int lastCheckpoint = -1;
        for (int i = 0; i < leaderJournal.size(); i++) {
            if (!leaderJournal.get(i).delivery()) {
                lastCheckpoint = i;
            }
        }
        assertThat(lastCheckpoint).as("the leader saved a checkpoint").isGreaterThanOrEqualTo(0);
        Set<String> tail = new HashSet<>();
        leaderJournal.subList(lastCheckpoint + 1, leaderJournal.size()).forEach(l -> tail.add(l.key()));
        Map<String, Integer> times = new HashMap<>();
        deliveries(first).forEach(l -> times.merge(l.key(), 1, Integer::sum));
        assertThat(times.keySet()).as("delivered issues").containsExactlyInAnyOrderElementsOf(keys(issues));
        long twice = times.values().stream().filter(n -> n > 1).count();
        // the numbers behind the verdict, in the test's output file
        System.out.printf("leader %s killed %d ms after the start, having delivered %d, %d after its last"
                          + " checkpoint; %s took over after %d ms and delivered %d again%n", leader.name(),
                killedAt - started, leaderJournal.stream().filter(Line::delivery).count(), tail.size(),
                successors.get(0).name(), tookOver, twice);
        times.forEach((key, n) -> {
            assertThat(n).as("deliveries of " + key).isLessThanOrEqualTo(tail.contains(key) ? 2 : 1);
        });

        // all instances die; new ones resume from the shared state and deliver only the issues changed since
        for (ForkedJvm n : survivors) {
            n.kill();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> fresh = new ArrayList<>();
        for (int i = ISSUES + 1; i <= ISSUES + 3; i++) {
            issues.add(new Issue(String.valueOf(10000 + i), "ABC-" + i, now));
            fresh.add("ABC-" + i);
        }
        Issue edited = issues.remove(9).touched(now);
        issues.add(edited);
        fresh.add(edited.key());
        serve(issues);
        long restarted = System.currentTimeMillis();
        List<ForkedJvm> second = List.of(node("n4"), node("n5"));

        ForkedJvm.await("the restarted instances to deliver the new issues", Duration.ofSeconds(60), jvms,
                () -> deliveredKeys(second).containsAll(fresh));
        System.out.printf("the restarted instances delivered what was new %d ms after they were started%n",
                System.currentTimeMillis() - restarted);
        Thread.sleep(POLL_MILLIS + 500);

        assertThat(deliveries(second)).extracting(Line::key).containsExactlyInAnyOrderElementsOf(fresh);
        assertThat(deliveries(second)).filteredOn(l -> l.key().equals(edited.key())).extracting(Line::updated)
                .containsExactly(edited.millis());
    }
}
