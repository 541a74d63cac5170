package io.jiraspoke.camel.action;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link AttachmentMemoryTest} in a JVM of 64 MB heap: uploads 200 MB from a stream through
 * issue/addAttachment and downloads 200 MB through attachment/download (Cloud: metadata, the 303 to the media host,
 * the content), against a loopback server that generates and digests the bytes as they pass and holds none of them.
 * Prints what went through and exits 0 when sizes and CRC32C checksums match, 1 when not; a body held in memory
 * would end it with an OutOfMemoryError.
 */
public final class AttachmentMemoryMain {

    static final long SIZE = 200L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private AttachmentMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        CRC32C sent = new CRC32C();
        try (StreamingJira jira = new StreamingJira()) {
            CamelContext context = new DefaultCamelContext();
            JiraSpokeComponent component = new JiraSpokeComponent();
            JiraSpokeConnection connection = JiraSpokeConnection.basicApiToken("http://localhost:" + jira.port(),
                    "bot@example.com", "memory-test-token");
            connection.setMediaHosts("http://127.0.0.1:" + jira.port());
            component.addConnection("jira", connection);
            context.addComponent("jiraspoke", component);
            long[] downloaded = new long[2];
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // Camel caches stream bodies before each step unless told not to (see JiraAttachmentStream)
                    from("direct:upload").streamCache("false")
                            .to("jiraspoke:issue/addAttachment?connection=jira&issueKey=BIG-1&fileName=big.bin");
                    from("direct:download").streamCache("false")
                            .to("jiraspoke:attachment/download?connection=jira&attachmentId=10001")
                            .process(e -> {
                                CRC32C crc = new CRC32C();
                                byte[] buffer = new byte[BUFFER];
                                long n = 0;
                                try (InputStream in = e.getIn().getBody(InputStream.class)) {
                                    for (int r; (r = in.read(buffer)) >= 0;) {
                                        crc.update(buffer, 0, r);
                                        n += r;
                                    }
                                }
                                downloaded[0] = n;
                                downloaded[1] = crc.getValue();
                            });
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            // checksummed as the component reads it: the download must bring back the same letters
            Exchange up = template.send("direct:upload",
                    e -> e.getIn().setBody(new CheckedInputStream(new Letters(SIZE), sent)));
            if (up.getException() != null) {
                throw up.getException();
            }
            Exchange down = template.send("direct:download", e -> e.getIn().setBody(null));
            if (down.getException() != null) {
                throw down.getException();
            }
            context.stop();
            long expected = sent.getValue();

            boolean upOk = jira.uploadedBytes == SIZE && jira.uploadedCrc == expected
                           && "big.bin".equals(jira.uploadedName);
            boolean downOk = downloaded[0] == SIZE && downloaded[1] == expected && !jira.mediaSawAuthorization
                             && jira.mediaRequests == 1;
            System.out.printf(Locale.ROOT, "max heap %d MB, peak heap used %d MB%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), peakHeap() / (1024 * 1024));
            System.out.printf(Locale.ROOT, "upload %s: %d bytes, crc %08x (expected %d bytes, crc %08x), name %s%n",
                    upOk ? "ok" : "WRONG", jira.uploadedBytes, jira.uploadedCrc, SIZE, expected, jira.uploadedName);
            System.out.printf(Locale.ROOT, "download %s: %d bytes, crc %08x, media host requests %d, with"
                                           + " Authorization %b%n",
                    downOk ? "ok" : "WRONG", downloaded[0], downloaded[1], jira.mediaRequests,
                    jira.mediaSawAuthorization);
            System.out.printf(Locale.ROOT, "took %d ms, %d ms of CPU%n", (System.nanoTime() - started) / 1_000_000,
                    ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                            .getProcessCpuTime() / 1_000_000);
            System.exit(upOk && downOk ? 0 : 1);
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * {@code size} lower-case letters made as they are read: a pseudo-random run whose length (65521) is a prime, so
     * that no buffer or chunk size lines up with it and a lost, doubled or misplaced block changes the checksum. No
     * CR among them: the server finds the end of the multipart part without looking for the boundary.
     */
    static final class Letters extends InputStream {

        private static final byte[] RUN = run(65_521);
        private final long size;
        private long position;

        Letters(long size) {
            this.size = size;
        }

        private static byte[] run(int length) {
            byte[] alphabet = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
            byte[] run = new byte[length];
            long state = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < length; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                run[i] = alphabet[(int) ((state >>> 33) % alphabet.length)];
            }
            return run;
        }

        @Override
        public int read() {
            return position >= size ? -1 : RUN[(int) (position++ % RUN.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int done = 0; done < n;) {
                int from = (int) ((position + done) % RUN.length);
                int step = Math.min(n - done, RUN.length - from);
                System.arraycopy(RUN, from, b, off + done, step);
                done += step;
            }
            position += n;
            return n;
        }
    }

    /**
     * Just enough of Jira Cloud over HTTP/1.1 on loopback: the upload (digested as it arrives, 100-continue and
     * chunked bodies understood), the attachment metadata, the content endpoint's 303 to the media host
     * ({@code 127.0.0.1}, while Jira is {@code localhost}) and the media host's 200 MB answer, generated as it is
     * written.
     */
    static final class StreamingJira implements Closeable {

        private final ServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "streaming-jira");
            t.setDaemon(true);
            return t;
        });
        volatile long uploadedBytes = -1;
        volatile long uploadedCrc;
        volatile String uploadedName;
        volatile int mediaRequests;
        volatile boolean mediaSawAuthorization;

        StreamingJira() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        threads.execute(() -> serve(s));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(Socket socket) {
            try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER);
                 OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER)) {
                while (true) {
                    String requestLine = line(in);
                    if (requestLine == null) {
                        return;
                    }
                    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    for (String h; !(h = line(in)).isEmpty();) {
                        int colon = h.indexOf(':');
                        headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                    }
                    String[] parts = requestLine.split(" ");
                    respond(parts[0], parts[1], headers, in, out);
                    out.flush();
                }
            } catch (IOException e) {
                // the client closed the connection
            }
        }

        private void respond(String method, String target, Map<String, String> headers, InputStream in,
                             OutputStream out) throws IOException {
            String host = headers.getOrDefault("Host", "");
            String jira = "http://localhost:" + port();
            if (method.equals("POST") && target.equals("/rest/api/3/issue/BIG-1/attachments")) {
                if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                InputStream body = "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding")) ? new Chunked(in)
                        : new Bounded(in, Long.parseLong(headers.getOrDefault("Content-Length", "0")));
                readUpload(body);
                json(out, "[{\"id\":\"10001\",\"filename\":\"" + uploadedName + "\",\"size\":" + uploadedBytes
                          + ",\"mimeType\":\"application/octet-stream\",\"created\":1795861530000,\"content\":\""
                          + jira + "/rest/api/3/attachment/content/10001\"}]");
            } else if (method.equals("GET") && target.equals("/rest/api/3/attachment/10001")) {
                json(out, "{\"id\":10001,\"filename\":\"big.bin\",\"size\":" + SIZE + ",\"mimeType\":"
                          + "\"application/octet-stream\",\"created\":\"2026-11-28T10:25:30.000+0000\",\"content\":\""
                          + jira + "/rest/api/3/attachment/content/10001\"}");
            } else if (method.equals("GET") && target.equals("/rest/api/3/attachment/content/10001")) {
                out.write(("HTTP/1.1 303 See Other\r\nLocation: http://127.0.0.1:" + port()
                           + "/file/big/binary?token=media-token&dl=true\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            } else if (method.equals("GET") && target.startsWith("/file/big/binary") && host.startsWith("127.0.0.1")) {
                mediaRequests++;
                mediaSawAuthorization |= headers.containsKey("Authorization");
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + SIZE
                           + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] buffer = new byte[BUFFER];
                try (Letters letters = new Letters(SIZE)) {
                    for (int r; (r = letters.read(buffer)) >= 0;) {
                        out.write(buffer, 0, r);
                    }
                }
            } else {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }

        /** The part's headers, then letters up to the CR before the closing boundary, then the rest, unread. */
        private void readUpload(InputStream body) throws IOException {
            line(body);
            for (String h; !(h = line(body)).isEmpty();) {
                int at = h.indexOf("filename=\"");
                if (at >= 0) {
                    uploadedName = h.substring(at + 10, h.indexOf('"', at + 10));
                }
            }
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[BUFFER];
            long n = 0;
            while (true) {
                int r = body.read(buffer, 0, buffer.length);
                if (r < 0) {
                    throw new EOFException("the upload ended inside the file part");
                }
                int cr = 0;
                while (cr < r && buffer[cr] != '\r') {
                    cr++;
                }
                crc.update(buffer, 0, cr);
                n += cr;
                if (cr < r) {
                    break;
                }
            }
            body.transferTo(OutputStream.nullOutputStream());
            uploadedBytes = n;
            uploadedCrc = crc.getValue();
        }

        private static void json(OutputStream out, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: "
                       + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
        }

        /** A line without its CRLF; null at the end of the stream before any byte. */
        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            for (int b; (b = in.read()) != '\n';) {
                if (b < 0) {
                    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }

        /** The body of a request with Content-Length. */
        private static final class Bounded extends InputStream {

            private final InputStream in;
            private long left;

            Bounded(InputStream in, long length) {
                this.in = in;
                this.left = length;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("body cut short");
                }
                left -= n;
                return n;
            }
        }

        /** The body of a chunked request. */
        private static final class Chunked extends InputStream {

            private final InputStream in;
            private long left;
            private boolean done;

            Chunked(InputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (done) {
                    return -1;
                }
                if (left == 0) {
                    String size = line(in);
                    if (size == null) {
                        throw new EOFException("chunked body cut short");
                    }
                    int semicolon = size.indexOf(';');
                    left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                    if (left == 0) {
                        while (!line(in).isEmpty()) {
                            // trailers
                        }
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("chunked body cut short");
                }
                left -= n;
                if (left == 0) {
                    line(in);
                }
                return n;
            }
        }
    }
}
