package io.jiraspoke.camel.action;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 MB go up through issue/addAttachment and come down through attachment/download in a JVM whose heap is 64 MB
 * ({@link AttachmentMemoryMain}): neither direction holds the file. The fork takes the test classpath; a few
 * seconds on an idle machine.
 */
class AttachmentMemoryTest {

    @Test
    void twoHundredMegabytesGoUpAndDownThroughA64MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), AttachmentMemoryMain.class.getName())
                .redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), output));
        reader.start();

        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        reader.join(10_000);
        String out = output.toString(StandardCharsets.UTF_8);
        // the fork's summary (sizes, checksums, peak heap, time) lands in the test's output file
        System.out.println(out);

        assertThat(ended).as("the fork ended; its output:\n" + out).isTrue();
        assertThat(p.exitValue()).as("exit value; output:\n" + out).isZero();
        assertThat(out).contains("max heap ", "upload ok: " + AttachmentMemoryMain.SIZE + " bytes",
                "download ok: " + AttachmentMemoryMain.SIZE + " bytes", "with Authorization false");
        int maxHeap = Integer.parseInt(out.replaceAll("(?s).*max heap (\\d+) MB.*", "$1"));
        assertThat(maxHeap).as("the fork's heap, MB").isLessThanOrEqualTo(64);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
