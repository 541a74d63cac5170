package io.jiraspoke.camel.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.jiraspoke.camel.support.ForkedJvm;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state repository that instances sharing a disk can use together, next to Camel's FileStateRepository, which
 * they cannot (docs/scale-out.md says why; the first test shows it).
 */
class SharedFileStateRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void camelsFileStateRepositoryShowsAnotherInstanceStaleStateWhichIsWhyItIsNotShared() throws Exception {
        Path file = dir.resolve("state.dat");
        FileStateRepository leader = FileStateRepository.fileStateRepository(file.toFile());
        FileStateRepository standby = FileStateRepository.fileStateRepository(file.toFile());
        leader.start();
        standby.start();

        leader.setState("jiraspoke.issue-search.cloud.x", "v2;1700000000000;;;");

        assertThat(standby.getState("jiraspoke.issue-search.cloud.x")).as("what a new leader would resume from")
                .isNull();

        SharedFileStateRepository shared = new SharedFileStateRepository(file);
        assertThat(shared.getState("jiraspoke.issue-search.cloud.x")).isEqualTo("v2;1700000000000;;;");
    }

    @Test
    void everyReadSeesTheLatestWriteOfAnyInstanceAndNoWriteUndoesAnother() {
        Path file = dir.resolve("state.dat");
        SharedFileStateRepository a = new SharedFileStateRepository(file);
        SharedFileStateRepository b = new SharedFileStateRepository(file.toString());
        a.start();
        b.start();

        a.setState("issues", "v2;1;;;");
        assertThat(b.getState("issues")).isEqualTo("v2;1;;;");
        b.setState("projects", "l1;;10000=x");
        a.setState("issues", "v2;2;;;");

        assertThat(b.getState("issues")).isEqualTo("v2;2;;;");
        assertThat(a.getState("projects")).isEqualTo("l1;;10000=x");
        assertThat(a.getState("nothing")).isNull();
    }

    @Test
    void takesOverAFileThatCamelsFileStateRepositoryWroteLastLineWinningAndACutOffLineSkipped() throws Exception {
        Path file = dir.resolve("state.dat");
        Files.writeString(file, "issues=v2;1;;;\nprojects=l1;;\nissues=v2;5;;;\nbroken-tail-without-equals");
        SharedFileStateRepository state = new SharedFileStateRepository(file);

        assertThat(state.getState("issues")).isEqualTo("v2;5;;;");
        assertThat(state.getState("projects")).isEqualTo("l1;;");

        state.setState("boards", "l1;;1=a");

        assertThat(Files.readAllLines(file)).containsExactly("issues=v2;5;;;", "projects=l1;;", "boards=l1;;1=a");
    }

    @Test
    void aSaveOnAnInterruptedThreadStillLandsAndTheInterruptStaysPending() {
        // Camel stops a polling consumer by interrupting its thread, and the consumer then saves its state
        SharedFileStateRepository state = new SharedFileStateRepository(dir.resolve("state.dat"));
        Thread.currentThread().interrupt();
        try {
            state.setState("issues", "v2;3;;;");

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(state.getState("issues")).isEqualTo("v2;3;;;");
    }

    @Test
    void refusesKeysAndValuesTheLineFormatCannotHold() {
        SharedFileStateRepository state = new SharedFileStateRepository(dir.resolve("state.dat"));

        assertThatThrownBy(() -> state.setState("a=b", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a=b");
        assertThatThrownBy(() -> state.setState("a", "x\ny")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one line");
        assertThat(Files.exists(dir.resolve("state.dat"))).isFalse();
    }

    @Test
    void threadsOfTwoInstancesSavingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("state.dat");
        List<SharedFileStateRepository> instances = List.of(new SharedFileStateRepository(file),
                new SharedFileStateRepository(file));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                SharedFileStateRepository mine = instances.get(t);
                String prefix = "t" + t + "-";
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 1; i <= 100; i++) {
                        mine.setState(prefix + i, String.valueOf(i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        SharedFileStateRepository reread = new SharedFileStateRepository(file);
        for (int i = 1; i <= 100; i++) {
            assertThat(reread.getState("t0-" + i)).isEqualTo(String.valueOf(i));
            assertThat(reread.getState("t1-" + i)).isEqualTo(String.valueOf(i));
        }
    }

    /** The lock holds across processes: two JVMs writing 150 keys each into one file keep all 300. */
    @Test
    void twoJvmsSavingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("state.dat");
        Path go = dir.resolve("go");
        int count = 150;
        try (ForkedJvm a = ForkedJvm.start(dir, "writer-a", SharedStateWriterMain.class, file.toString(),
                go.toString(), "a-", String.valueOf(count));
             ForkedJvm b = ForkedJvm.start(dir, "writer-b", SharedStateWriterMain.class, file.toString(),
                     go.toString(), "b-", String.valueOf(count))) {
            ForkedJvm.await("both writers to be ready", Duration.ofSeconds(60), List.of(a, b),
                    () -> a.console().contains("ready") && b.console().contains("ready"));
            Files.createFile(go);

            assertThat(a.waitForExit(Duration.ofSeconds(60))).as(a.console()).isZero();
            assertThat(b.waitForExit(Duration.ofSeconds(60))).as(b.console()).isZero();
        }

        SharedFileStateRepository reread = new SharedFileStateRepository(file);
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            for (String prefix : List.of("a-", "b-")) {
                if (!String.valueOf(i).equals(reread.getState(prefix + i))) {
                    missing.add(prefix + i);
                }
            }
        }
        assertThat(missing).as("saves lost").isEmpty();
    }
}
