package io.jiraspoke.camel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JVM forked by a test, as another instance of an application would run: the test's classpath, a main class of
 * the tests, a small heap and the quick-starting compiler, its console in a file. Talks to the test's WireMock over
 * loopback only. {@link #kill()} is a hard kill ({@code SIGKILL} on Unix): no shutdown hook, no finally block runs.
 */
public final class ForkedJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path console;

    private ForkedJvm(String name, Process process, Path console) {
        this.name = name;
        this.process = process;
        this.console = console;
    }

    /** Starts {@code main} with these arguments; its console goes to {@code <dir>/<name>.out}. */
    public static ForkedJvm start(Path dir, String name, Class<?> main, String... args) throws IOException {
        Path console = dir.resolve(name + ".out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dlog4j2.configurationFile=" + forkLogConfig(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        return new ForkedJvm(name, p, console);
    }

    private static String forkLogConfig() {
        try {
            return Path.of(ForkedJvm.class.getResource("/log4j2-fork.properties").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    /** What the JVM printed so far. */
    public String console() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM at once, as a crash or {@code kill -9} would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die within 30 s of a hard kill");
        }
    }

    /** Waits for the JVM to exit by itself; answers its exit value. */
    public int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout + "; its console:\n" + console());
        }
        return process.exitValue();
    }

    /** Waits until the condition holds; fails naming what was awaited, with the consoles of the JVMs. */
    public static void await(String what, Duration timeout, List<ForkedJvm> jvms, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder sb = new StringBuilder("Timed out after " + timeout + " waiting for " + what);
                for (ForkedJvm j : jvms) {
                    sb.append("\n--- ").append(j.name()).append(j.isAlive() ? " (alive)" : " (dead)").append(" ---\n")
                            .append(j.console());
                }
                throw new AssertionError(sb.toString());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return "ForkedJvm[" + name + ", pid " + process.pid() + "]";
    }
}
