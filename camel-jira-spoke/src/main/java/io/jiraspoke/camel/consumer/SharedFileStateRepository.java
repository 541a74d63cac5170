package io.jiraspoke.camel.consumer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.jiraspoke.camel.FileMutex;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in one file that several instances (processes, hosts with a shared disk) use at once,
 * for consumers that fail over between them. Every read goes to the file, so a new leader reads exactly what the old
 * one last saved; every write changes its one key under a cross-process lock ({@link FileMutex}), so it never undoes
 * another instance's write of another key; and the file is forced to disk and then replaced by an atomic move, so a
 * crash at any moment leaves the last complete file.
 * <p>
 * Camel's {@code FileStateRepository} is not safe to share: it reads its file only when started and answers from
 * memory after that (an instance that started before the leader saved sees stale state, or none), appends without a
 * lock, and rewrites the whole file from its own memory (undoing what other instances wrote meanwhile). The format
 * here is its format ({@code key=value} lines; the last line of a key wins), so a file it wrote can be taken over.
 * <p>
 * Each read and write costs one read of the whole file; the jiraspoke consumers read once per poll and write at
 * their checkpoints (after each poll, at most every second during one).
 */
public class SharedFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** Far longer than a write takes; reached only when the file system hangs. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final Path file;
    private final FileMutex mutex;

    public SharedFileStateRepository(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.mutex = FileMutex.of(this.file.resolveSibling(this.file.getFileName() + ".lock"));
    }

    public SharedFileStateRepository(String file) {
        this(Path.of(file));
    }

    @Override
    public String getState(String key) {
        try {
            return read().get(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read state file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A state key must be non-empty without '=' or line breaks: " + key);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("The state of " + key + " must be one line");
        }
        try {
            mutex.locked(LOCK_WAIT, () -> {
                Map<String, String> all = read();
                all.put(key, value);
                write(all);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save state " + key + " to " + file + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot save state " + key + " to " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                int eq = line.indexOf('=');
                // a line without '=' is the cut-off tail of a FileStateRepository append: nothing of it is usable
                if (eq > 0) {
                    all.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (NoSuchFileException e) {
            // nothing saved yet
        }
        return all;
    }

    private void write(Map<String, String> all) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> e : all.entrySet()) {
                    out.write(e.getKey());
                    out.write('=');
                    out.write(e.getValue());
                    out.write('\n');
                }
                out.flush();
                // on disk before the move: a checkpoint that was reported saved must survive a crash of the host
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

    public Path getFile() {
        return file;
    }

    @Override
    public String toString() {
        return "SharedFileStateRepository[" + file + "]";
    }
}
