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
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps tokens in a properties file, one entry set per connection, written atomically (temporary file, then move)
 * with owner-only permissions where the file system has POSIX permissions. Safe for the threads of one JVM; for
 * several instances use a shared store of your own.
 */
public class FileTokenStore implements JiraSpokeTokenStore {

    /** One lock per file for the whole JVM: connections sharing a tokenStoreFile each have their own instance. */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object lock;

    public FileTokenStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lock = LOCKS.computeIfAbsent(this.file, f -> new Object());
    }

    public FileTokenStore(String file) {
        this(Path.of(file));
    }

    @Override
    public OAuthTokens load(String connectionName) {
        Properties p;
        synchronized (lock) {
            p = read();
        }
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
        synchronized (lock) {
            write(connectionName, tokens);
        }
    }

    private void write(String connectionName, OAuthTokens tokens) {
        Properties p = read();
        put(p, connectionName + ".accessToken", tokens.accessToken());
        put(p, connectionName + ".refreshToken", tokens.refreshToken());
        put(p, connectionName + ".expiresAt", tokens.expiresAt() == null ? null : tokens.expiresAt().toString());
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save OAuth tokens of connection '" + connectionName + "' to "
                                           + file + ": " + e.getMessage(), e);
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
