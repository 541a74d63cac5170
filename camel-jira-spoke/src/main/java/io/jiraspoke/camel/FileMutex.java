package io.jiraspoke.camel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock that holds across the threads of this JVM and across processes, so that instances sharing a
 * disk can read, change and write a file without undoing each other's writes. It is a {@link FileLock} on a lock
 * file beside the data: the data file is replaced by atomic moves, which a lock on the data file itself would not
 * survive. The operating system drops the lock when its holder dies, even by {@code kill -9}, so a crashed instance
 * never blocks the others. Reentrant for the holding thread. On a network file system it is as good as that file
 * system's locks (NFSv4 has them built in; NFSv3 needs lockd).
 * <p>
 * A pending interrupt neither aborts taking the lock nor the work done under it (an interrupted {@link FileChannel}
 * closes itself): a consumer that is being stopped, which Camel does by interrupting its thread, must still save its
 * state. The interrupt stays pending for the caller.
 */
public final class FileMutex {

    /** One per lock file: the operating system grants file locks to the process, not to a thread or a channel. */
    private static final ConcurrentMap<Path, FileMutex> BY_PATH = new ConcurrentHashMap<>();
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Path lockFile;
    private final ReentrantLock local = new ReentrantLock();
    /** Guarded by {@link #local}. */
    private FileChannel channel;
    private int holds;

    private FileMutex(Path lockFile) {
        this.lockFile = lockFile;
    }

    /** The mutex of a lock file (created when first taken). */
    public static FileMutex of(Path lockFile) {
        return BY_PATH.computeIfAbsent(lockFile.toAbsolutePath().normalize(), FileMutex::new);
    }

    /** Work done while holding the lock. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /** A held lock; closing it releases it. Close it on the thread that took it. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs the work holding the lock, waiting at most {@code wait} for it.
     *
     * @throws TimeoutException when another thread or process held the lock for all of {@code wait}
     */
    public <T> T locked(Duration wait, Work<T> work) throws IOException, TimeoutException {
        boolean[] interrupted = { Thread.interrupted() };
        try (Hold held = take(wait, interrupted)) {
            return work.run();
        } finally {
            if (interrupted[0] || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Takes the lock, waiting at most {@code wait}, for work that spans calls (such as a token request): close the
     * answer to release it.
     *
     * @throws TimeoutException when another thread or process held the lock for all of {@code wait}
     */
    public Hold acquire(Duration wait) throws IOException, TimeoutException {
        boolean[] interrupted = { Thread.interrupted() };
        try {
            return take(wait, interrupted);
        } finally {
            if (interrupted[0]) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called with the interrupt cleared; an interrupt that comes while it waits is noted in {@code interrupted}. */
    private Hold take(Duration wait, boolean[] interrupted) throws IOException, TimeoutException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                if (local.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                throw timeout(wait);
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
        }
        try {
            if (holds == 0) {
                long pause = TimeUnit.MILLISECONDS.toNanos(1);
                FileChannel ch;
                while ((ch = tryLockFile()) == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw timeout(wait);
                    }
                    try {
                        TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
                    } catch (InterruptedException e) {
                        interrupted[0] = true;
                    }
                    pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
                }
                channel = ch;
            }
            holds++;
        } catch (IOException | TimeoutException | RuntimeException e) {
            local.unlock();
            throw e;
        }
        return new Hold() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    release();
                }
            }
        };
    }

    /** The channel holding the lock of the file, or null when another process holds it. */
    private FileChannel tryLockFile() throws IOException {
        Path dir = lockFile.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            // another class loader of this JVM holds it through its own copy of this class: it is taken
        } finally {
            if (lock == null) {
                ch.close();
            }
        }
        return lock == null ? null : ch;
    }

    private void release() {
        try {
            if (--holds == 0) {
                FileChannel ch = channel;
                channel = null;
                try {
                    // closing the channel releases its lock
                    ch.close();
                } catch (IOException e) {
                    // the lock goes with the channel or, at the latest, with the process; nothing else to do
                }
            }
        } finally {
            local.unlock();
        }
    }

    private TimeoutException timeout(Duration wait) {
        return new TimeoutException("Another thread or process held the lock " + lockFile + " for more than "
                                    + wait.toMillis() + " ms");
    }

    @Override
    public String toString() {
        return "FileMutex[" + lockFile + "]";
    }
}
