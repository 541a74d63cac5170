package io.jiraspoke.camel.auth;

import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileTokenStoreTest {

    @TempDir
    Path dir;

    private static final Instant EXPIRES = Instant.parse("2026-11-28T10:15:30.123456Z");

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roundTripThroughANewInstance() {
        Path file = dir.resolve("tokens.properties");
        OAuthTokens saved = new OAuthTokens("access-1", "refresh-1", EXPIRES);

        new FileTokenStore(file).save("jira", saved);

        assertThat(new FileTokenStore(file.toString()).load("jira")).isEqualTo(saved);
    }

    @Test
    void unknownConnectionOrMissingFileLoadsNull() {
        Path file = dir.resolve("none.properties");
        FileTokenStore store = new FileTokenStore(file);

        assertThat(store.load("jira")).isNull();
        assertThat(file).doesNotExist();

        store.save("other", new OAuthTokens("a", "r", EXPIRES));
        assertThat(store.load("jira")).isNull();
    }

    @Test
    void tokensWithoutAccessTokenOrExpiryRoundTrip() {
        FileTokenStore store = new FileTokenStore(dir.resolve("t.properties"));

        store.save("jira", new OAuthTokens(null, "refresh-only", null));

        assertThat(store.load("jira")).isEqualTo(new OAuthTokens(null, "refresh-only", null));
    }

    @Test
    void saveReplacesEveryValueOfTheConnection() {
        FileTokenStore store = new FileTokenStore(dir.resolve("t.properties"));
        store.save("jira", new OAuthTokens("a-1", "r-1", EXPIRES));

        store.save("jira", new OAuthTokens("a-2", null, null));

        assertThat(store.load("jira")).as("values the new pair lacks are removed, not kept from the old one")
                .isEqualTo(new OAuthTokens("a-2", null, null));
    }

    @Test
    void fileIsOwnerOnlyEvenWhenItExistedWithWiderPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("tokens.properties");
        Files.writeString(file, "# old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new FileTokenStore(file).save("jira", new OAuthTokens("a", "r", EXPIRES));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void newFileInANewDirectoryIsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("sub/dir/tokens.properties");

        new FileTokenStore(file).save("jira", new OAuthTokens("a", "r", EXPIRES));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void replacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("tokens.properties");
        FileTokenStore store = new FileTokenStore(file);
        store.save("jira", new OAuthTokens("a-1", "r-1", EXPIRES));
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        store.save("jira", new OAuthTokens("a-2", "r-2", EXPIRES));

        assertThat(listing(dir)).containsExactly("tokens.properties", "tokens.properties.lock");
        Object after = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        if (before != null) {
            // a new file moved over the old one, not the old one rewritten in place (a crash mid-write would
            // otherwise leave a truncated file and lose the rotated refresh token)
            assertThat(after).isNotEqualTo(before);
        }
        assertThat(store.load("jira").refreshToken()).isEqualTo("r-2");
    }

    @Test
    void failedSaveLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path sub = Files.createDirectory(dir.resolve("locked"));
        Path file = sub.resolve("tokens.properties");
        FileTokenStore store = new FileTokenStore(file);
        store.save("jira", new OAuthTokens("a-1", "r-1", EXPIRES));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(sub), "directory permissions are enforced (not running as root)");
            assertThatThrownBy(() -> store.save("jira", new OAuthTokens("a-2", "r-2", EXPIRES)))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("'jira'")
                    .hasMessageContaining(file.toString()).hasMessageNotContaining("r-2");
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(listing(sub)).containsExactly("tokens.properties", "tokens.properties.lock");
        assertThat(store.load("jira").refreshToken()).isEqualTo("r-1");
    }

    @Test
    void twoConnectionsInOneFileKeepEachOthersTokens() throws Exception {
        Path file = dir.resolve("tokens.properties");
        FileTokenStore store = new FileTokenStore(file);

        store.save("alpha", new OAuthTokens("a-alpha", "r-alpha", EXPIRES));
        store.save("beta", new OAuthTokens("a-beta", "r-beta", EXPIRES.plusSeconds(60)));
        store.save("alpha", new OAuthTokens("a-alpha-2", "r-alpha-2", EXPIRES.plusSeconds(120)));

        FileTokenStore reread = new FileTokenStore(file);
        assertThat(reread.load("alpha")).isEqualTo(new OAuthTokens("a-alpha-2", "r-alpha-2",
                EXPIRES.plusSeconds(120)));
        assertThat(reread.load("beta")).isEqualTo(new OAuthTokens("a-beta", "r-beta", EXPIRES.plusSeconds(60)));
        assertThat(Files.readString(file)).doesNotContain("r-alpha\n");
    }

    @Test
    void connectionNamesThatShareAPrefixDoNotMix() {
        FileTokenStore store = new FileTokenStore(dir.resolve("t.properties"));
        store.save("jira", new OAuthTokens("a-1", "r-1", EXPIRES));
        store.save("jira.prod", new OAuthTokens("a-2", "r-2", EXPIRES));

        assertThat(store.load("jira")).isEqualTo(new OAuthTokens("a-1", "r-1", EXPIRES));
        assertThat(store.load("jira.prod")).isEqualTo(new OAuthTokens("a-2", "r-2", EXPIRES));
    }

    /**
     * Two connections configured with the same tokenStoreFile each get their own FileTokenStore on that file. A save
     * by one must never undo a save by the other: an overwritten rotated 3LO refresh token means a new consent. Each
     * save here writes a new entry, so any lost update stays visible at the end.
     */
    @Test
    void twoStoresOnOneFileSavingConcurrentlyLoseNothing() throws Exception {
        Path file = dir.resolve("tokens.properties");
        FileTokenStore alpha = new FileTokenStore(file);
        FileTokenStore beta = new FileTokenStore(file.toString());
        int rounds = 100;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = List.of(
                    pool.submit(() -> saveMany(go, alpha, "alpha-", rounds)),
                    pool.submit(() -> saveMany(go, beta, "beta-", rounds)));
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        FileTokenStore reread = new FileTokenStore(file);
        for (int i = 1; i <= rounds; i++) {
            assertThat(reread.load("alpha-" + i)).as("alpha-" + i).isEqualTo(new OAuthTokens("a", "r" + i, EXPIRES));
            assertThat(reread.load("beta-" + i)).as("beta-" + i).isEqualTo(new OAuthTokens("a", "r" + i, EXPIRES));
        }
        assertThat(listing(dir)).containsExactly("tokens.properties", "tokens.properties.lock");
    }

    private static Void saveMany(CountDownLatch go, FileTokenStore store, String prefix, int rounds)
            throws InterruptedException {
        go.await();
        for (int i = 1; i <= rounds; i++) {
            store.save(prefix + i, new OAuthTokens("a", "r" + i, EXPIRES));
        }
        return null;
    }

    @Test
    void expiryKeepsItsPrecision() {
        FileTokenStore store = new FileTokenStore(dir.resolve("t.properties"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        store.save("jira", new OAuthTokens("a", "r", now));

        assertThat(store.load("jira").expiresAt()).isEqualTo(now);
    }

    @Test
    void toStringShowsNoToken() {
        FileTokenStore store = new FileTokenStore(dir.resolve("t.properties"));
        OAuthTokens tokens = new OAuthTokens("access-S3CRET", "refresh-S3CRET", EXPIRES);
        store.save("jira", tokens);

        assertThat(store.toString()).contains("t.properties").doesNotContain("S3CRET");
        assertThat(tokens.toString()).doesNotContain("S3CRET");
    }

    /**
     * The token lock is held across the token request: a second holder (another thread here, another process in
     * TokenRefreshRaceTest) gets it only once the first is done, and then loads the pair the first one saved.
     */
    @Test
    void theTokenLockKeepsOthersOutUntilClosedAndItsHolderCanStillSave() throws Exception {
        Path file = dir.resolve("tokens.properties");
        FileTokenStore first = new FileTokenStore(file);
        FileTokenStore second = new FileTokenStore(file);
        CountDownLatch held = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = pool.submit(() -> {
                try (JiraSpokeTokenStore.TokenLock lock = first.lock("jira", Duration.ofSeconds(5))) {
                    held.countDown();
                    Thread.sleep(300);
                    first.save("jira", new OAuthTokens("a-2", "r-2", EXPIRES));
                }
                return null;
            });
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();

            try (JiraSpokeTokenStore.TokenLock lock = second.lock("jira", Duration.ofSeconds(5))) {
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(200);
                assertThat(second.load("jira")).isEqualTo(new OAuthTokens("a-2", "r-2", EXPIRES));
            }
            holder.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenLockNotFreedInTimeIsAnErrorNamingConnectionAndFile() throws Exception {
        Path file = dir.resolve("tokens.properties");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> {
                try (JiraSpokeTokenStore.TokenLock lock = new FileTokenStore(file).lock("jira", Duration.ofSeconds(5))) {
                    held.countDown();
                    done.await(5, TimeUnit.SECONDS);
                }
                return null;
            });
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> new FileTokenStore(file).lock("jira", Duration.ofMillis(100)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'jira'")
                    .hasMessageContaining(file.toString()).hasMessageContaining("another instance");
        } finally {
            done.countDown();
            pool.shutdown();
        }
    }

    /** A renewal holds its lock for a whole token request; the saves of other connections in the file go on. */
    @Test
    void aHeldTokenLockDoesNotHoldUpSavesOfOtherConnections() throws Exception {
        Path file = dir.resolve("tokens.properties");
        FileTokenStore store = new FileTokenStore(file);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> {
                try (JiraSpokeTokenStore.TokenLock lock = store.lock("alpha", Duration.ofSeconds(5))) {
                    held.countDown();
                    done.await(10, TimeUnit.SECONDS);
                }
                return null;
            });
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();

            new FileTokenStore(file).save("beta", new OAuthTokens("a-b", "r-b", EXPIRES));

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
            assertThat(store.load("beta")).isEqualTo(new OAuthTokens("a-b", "r-b", EXPIRES));
        } finally {
            done.countDown();
            pool.shutdown();
        }
    }
}
