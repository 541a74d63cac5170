package io.jiraspoke.examples;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in the examples' tests for what a route does asynchronously (a consumer's poll, a webhook delivery). */
public final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Await() {
    }

    /** Returns once the condition holds; fails naming {@code what} when it does not within 15 seconds. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
