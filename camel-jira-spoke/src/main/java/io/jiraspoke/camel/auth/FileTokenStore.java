package io.jiraspoke.camel.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

import io.jiraspoke.camel.FileMutex;

/**
 * Keeps tokens in a properties file, one entry set per connection, written atomically (temporary file, then move)
 * with owner-only permissions where the file system has POSIX permissions. Safe for the threads of one JVM and for
 * several processes sharing the file (on one host or a shared disk): every save holds a {@link FileMutex} on
 * {@code <file>.lock}, so no save undoes another's, and {@link #lock} holds one on {@code <file>.renewal.lock}, so
 * one instance renews while the others wait. The two are apart because a renewal holds its lock for a whole token
 * request, which must not hold up the saves of other connections in the file. Reads need no lock, as the file is
 * only ever replaced whole.
 */
public class FileTokenStore implements JiraSpokeTokenStore {

    /** Far longer than a save takes; reached only when the file system hangs. */
    private static final Duration SAVE_WAIT = Duration.ofSeconds(30);

    private final Path file;
    private final FileMutex mutex;
    private final FileMutex renewal;

    public FileTokenStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.mutex = FileMutex.of(this.file.resolveSibling(this.file.getFileName() + ".lock"));
        this.renewal = FileMutex.of(this.file.resolveSibling(this.file.getFileName() + ".renewal.lock"));
    }

    public FileTokenStore(String file) {
        this(Path.of(file));
    }

    @Override
    public OAuthTokens load(String connectionName) {
        Properties p = read();
        String refresh = p.getProperty(connectionName + ".refreshToken");
        String access = p.getProperty(connectionName + ".accessToken");
        String expires = p.getProperty(connectionName + ".expiresAt");
        if (refresh == null && access == null) {
            return null;
        }
        return new OAuthTokens(access, refresh, expires == null ? null : Instant.parse(expires));
    }

    @Override
    public void save(String connectionName, OAuthTokens tokens) {
        try {
            mutex.locked(SAVE_WAIT, () -> {
                write(connectionName, tokens);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save OAuth tokens of connection '" + connectionName + "' to "
                                           + file + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot save OAuth tokens of connection '" + connectionName + "' to "
                                            + file + ": " + e.getMessage(), e);
        }
    }

    /** Holds {@code <file>.renewal.lock}: one lock for all connections of the file, which renew rarely. */
    @Override
    public TokenLock lock(String connectionName, Duration wait) {
        try {
            FileMutex.Hold held = renewal.acquire(wait);
            return held::close;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the OAuth tokens of connection '" + connectionName + "' in "
                                           + file + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot lock the OAuth tokens of connection '" + connectionName + "' in "
                                            + file + " (another instance is renewing them): " + e.getMessage(), e);
        }
    }

    private void write(String connectionName, OAuthTokens tokens) throws IOException {
        Properties p = read();
        put(p, connectionName + ".accessToken", tokens.accessToken());
        put(p, connectionName + ".refreshToken", tokens.refreshToken());
        put(p, connectionName + ".expiresAt", tokens.expiresAt() == null ? null : tokens.expiresAt().toString());
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                p.store(out, "camel-jira-spoke OAuth tokens: keep secret");
                // on disk before the move: a rotated refresh token must survive a crash right after the save
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(Properties p, String key, String value) {
        if (value == null) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read OAuth token file " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    public Path getFile() {
        return file;
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
