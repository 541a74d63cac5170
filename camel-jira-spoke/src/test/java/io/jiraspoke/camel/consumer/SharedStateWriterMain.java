package io.jiraspoke.camel.consumer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link SharedFileStateRepositoryTest}: waits for a start file, then saves
 * {@code <prefix><i>=<i>} for i = 1..count through its own SharedFileStateRepository on the shared file, as fast as
 * it can. Arguments: the state file, the start file, the prefix, the count.
 */
public final class SharedStateWriterMain {

    private SharedStateWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        SharedFileStateRepository state = new SharedFileStateRepository(args[0]);
        Path go = Path.of(args[1]);
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        state.start();
        System.out.println("ready");
        System.out.flush();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
        for (int i = 1; i <= count; i++) {
            state.setState(prefix + i, String.valueOf(i));
        }
        System.out.println("wrote " + count);
    }
}
