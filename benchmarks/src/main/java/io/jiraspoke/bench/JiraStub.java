package io.jiraspoke.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback stand-in for the few Jira Cloud endpoints the benchmarks call, run in its own JVM so that its CPU and
 * GC are not counted as the client's. A blocking HTTP/1.1 server with a thread per connection and keep-alive:
 * every answer is pre-rendered (search pages from pre-rendered fragments into a buffer the connection reuses) and
 * goes out in one socket write, so that the stub costs far less per request than any client under test. The JDK's
 * HttpServer was measured costing more than the client, which would make the stub the bottleneck.
 *
 * <p>Usage: {@code JiraStub <totalSearchIssues> [rateLimitPerSecond]}; prints {@code PORT <n>} on stdout when it
 * listens and serves until stdin closes.
 */
public final class JiraStub {

    static final String UPDATED = "2026-01-15T10:00:00.000+0000";
    static final int PAGE = 100;
    /** The size of the attachment the stub serves, and the most it reads of an upload: BENCH_ATTACHMENT_MB (200). */
    static final long ATTACHMENT_BYTES = Long.parseLong(System.getenv().getOrDefault("BENCH_ATTACHMENT_MB", "200"))
                                         << 20;
    static final String ATTACHMENT_CONTENT = "/rest/api/3/attachment/content/";

    private final int totalIssues;
    private final double ratePerSecond;
    private final byte[] issueResponse;
    private final byte[] createResponse;
    private final byte[] tokenResponse;
    private final byte[] myselfResponse;
    private final byte[] notFound;
    private final byte[] tooMany;
    private final byte[][] searchFragments;
    private final LongAdder requests = new LongAdder();
    private final LongAdder gets = new LongAdder();
    private final LongAdder creates = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private final LongAdder tokens = new LongAdder();
    private final LongAdder limited = new LongAdder();
    private final LongAdder other = new LongAdder();
    private volatile String lastOther = "";
    private double bucket;
    private long lastRefill;
    private int port;

    JiraStub(int totalIssues, double ratePerSecond) {
        this.totalIssues = totalIssues;
        this.ratePerSecond = ratePerSecond;
        this.issueResponse = response(200, Fixtures.issue("10001", "BENCH-1", true));
        this.createResponse = response(201,
                "{\"id\":\"10002\",\"key\":\"BENCH-2\",\"self\":\"https://bench.atlassian.net/rest/api/3/issue/10002\"}");
        this.tokenResponse = response(200, "{\"access_token\":\"bench-access-token\",\"expires_in\":3600,"
                                           + "\"token_type\":\"Bearer\",\"scope\":\"read:jira-work write:jira-work\"}");
        this.myselfResponse = response(200, "{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"accountType\":\"atlassian\","
                                            + "\"displayName\":\"Bench User\",\"active\":true,\"timeZone\":\"UTC\"}");
        this.notFound = response(404, "{\"errorMessages\":[\"Not found (bench stub)\"],\"errors\":{}}");
        this.tooMany = ("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                        + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);
        // A search issue splits into the text before its id, between id and key number, and after the key.
        String sample = Fixtures.issue("@ID@", "BENCH-@NUM@", false);
        int a = sample.indexOf("@ID@");
        int b = sample.indexOf("@NUM@");
        this.searchFragments = new byte[][] {
                sample.substring(0, a).getBytes(StandardCharsets.UTF_8),
                sample.substring(a + 4, b).getBytes(StandardCharsets.UTF_8),
                sample.substring(b + 5).getBytes(StandardCharsets.UTF_8)};
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        JiraStub stub = new JiraStub(total, rate);
        ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        stub.port = server.getLocalPort();
        Thread acceptor = new Thread(() -> stub.accept(server), "stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("PORT " + stub.port);
        System.out.flush();
        // The harness owns the stub's life: when it closes our stdin (or dies), the stub ends.
        while (System.in.read() >= 0) {
            // nothing is read from the harness but the end of the stream
        }
        System.exit(0);
    }

    private void accept(ServerSocket server) {
        while (true) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "stub-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            Request r = new Request();
            Buffer page = new Buffer(256 * 1024);
            Buffer whole = new Buffer(256 * 1024);
            while (r.read(in, out)) {
                requests.increment();
                if (r.method.equals("GET") && r.path.contains(ATTACHMENT_CONTENT)) {
                    download(out);
                    continue;
                }
                out.write(answer(r, page, whole));
                if (r.close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The attachment's bytes, written as they go: the stub never holds more than one 64 KB block of them. */
    private static void download(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + ATTACHMENT_BYTES
                   + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        for (long left = ATTACHMENT_BYTES; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
        out.flush();
    }

    private byte[] answer(Request r, Buffer page, Buffer whole) {
        String path = r.path;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        // OAuth calls arrive through the API gateway form /ex/jira/{cloudId}/rest/...
        if (path.startsWith("/ex/jira/")) {
            int rest = path.indexOf("/rest/");
            path = rest >= 0 ? path.substring(rest) : path;
        }
        if (ratePerSecond > 0 && path.startsWith("/rest/") && !admit()) {
            limited.increment();
            return tooMany;
        }
        if (r.method.equals("GET") && path.startsWith("/rest/api/3/issue/")) {
            gets.increment();
            return issueResponse;
        }
        if (r.method.equals("POST") && path.equals("/rest/api/3/issue")) {
            creates.increment();
            return createResponse;
        }
        if (r.method.equals("POST") && path.equals("/rest/api/3/search/jql")) {
            pages.increment();
            return searchPage(r.body, page, whole);
        }
        if (path.equals("/rest/api/2/serverInfo") || path.equals("/rest/api/3/serverInfo")) {
            String now = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
            return response(200, "{\"baseUrl\":\"http://127.0.0.1:" + port + "\",\"displayUrl\":\"http://127.0.0.1:" + port
                                 + "\",\"version\":\"1001.0.0-SNAPSHOT\",\"versionNumbers\":[1001,0,0],"
                                 + "\"deploymentType\":\"Cloud\",\"buildNumber\":100300,\"buildDate\":\"2026-01-01T00:00:00.000+0000\","
                                 + "\"serverTime\":\"" + now + "\",\"scmInfo\":\"bench\",\"serverTitle\":\"Jira\"}");
        }
        if (r.method.equals("POST") && path.startsWith("/rest/api/3/issue/") && path.endsWith("/attachments")) {
            // the multipart body was counted, not kept; its size tells the client what arrived
            return response(200, "[{\"self\":\"http://127.0.0.1:" + port + "/rest/api/3/attachment/10000\","
                                 + "\"id\":\"10000\",\"filename\":\"big.bin\",\"size\":" + r.discarded + ","
                                 + "\"mimeType\":\"application/octet-stream\",\"content\":\"http://127.0.0.1:" + port
                                 + ATTACHMENT_CONTENT + "10000\",\"created\":\"" + UPDATED + "\"}]");
        }
        if (r.method.equals("GET") && path.startsWith("/rest/api/3/attachment/")) {
            // the metadata attachment/download reads first, when it is given an id
            return response(200, "{\"self\":\"http://127.0.0.1:" + port + "/rest/api/3/attachment/10000\","
                                 + "\"id\":\"10000\",\"filename\":\"big.bin\",\"size\":" + ATTACHMENT_BYTES + ","
                                 + "\"mimeType\":\"application/octet-stream\",\"content\":\"http://127.0.0.1:" + port
                                 + ATTACHMENT_CONTENT + "10000\",\"created\":\"" + UPDATED + "\"}");
        }
        if (path.equals("/rest/api/3/myself")) {
            return myselfResponse;
        }
        if (r.method.equals("POST") && path.equals("/oauth/token")) {
            tokens.increment();
            return tokenResponse;
        }
        if (path.equals("/_bench/stats")) {
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return response(200, "{\"requests\":" + requests.sum() + ",\"cpuNanos\":" + cpu + ",\"gets\":" + gets.sum()
                                 + ",\"creates\":" + creates.sum() + ",\"pages\":" + pages.sum() + ",\"tokens\":"
                                 + tokens.sum() + ",\"limited\":" + limited.sum() + ",\"other\":" + other.sum()
                                 + ",\"lastOther\":\"" + lastOther.replace("\"", "'") + "\"}");
        }
        other.increment();
        lastOther = r.method + " " + r.path;
        return notFound;
    }

    /**
     * A token bucket as Jira's cost-based limits behave: up to one second's worth of requests in a burst, refilled at
     * the allowed rate.
     */
    private synchronized boolean admit() {
        long now = System.nanoTime();
        if (lastRefill == 0) {
            lastRefill = now;
            bucket = ratePerSecond;
        }
        bucket = Math.min(ratePerSecond, bucket + (now - lastRefill) / 1e9 * ratePerSecond);
        lastRefill = now;
        if (bucket >= 1) {
            bucket -= 1;
            return true;
        }
        return false;
    }

    private byte[] searchPage(byte[] body, Buffer page, Buffer whole) {
        int start = 0;
        String text = new String(body, StandardCharsets.UTF_8);
        int t = text.indexOf("\"nextPageToken\"");
        if (t >= 0) {
            int open = text.indexOf('"', text.indexOf(':', t) + 1);
            int close = text.indexOf('"', open + 1);
            String token = text.substring(open + 1, close);
            start = Integer.parseInt(token.substring(1)); // tokens are "p<first index>"
        }
        int end = Math.min(totalIssues, start + PAGE);
        page.reset();
        page.ascii("{\"issues\":[");
        for (int i = start; i < end; i++) {
            if (i > start) {
                page.ascii(",");
            }
            page.write(searchFragments[0], 0, searchFragments[0].length);
            page.ascii(Integer.toString(100_000 + i));
            page.write(searchFragments[1], 0, searchFragments[1].length);
            page.ascii(Integer.toString(i + 1));
            page.write(searchFragments[2], 0, searchFragments[2].length);
        }
        page.ascii("]");
        if (end < totalIssues) {
            page.ascii(",\"nextPageToken\":\"p" + end + "\",\"isLast\":false}");
        } else {
            page.ascii(",\"isLast\":true}");
        }
        whole.reset();
        whole.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: " + page.size()
                    + "\r\n\r\n");
        whole.write(page.bytes(), 0, page.size());
        return whole.toByteArray();
    }

    static byte[] response(int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String reason = status == 200 ? "OK" : status == 201 ? "Created" : status == 404 ? "Not Found" : "Status";
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json;charset=UTF-8\r\n"
                       + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** A ByteArrayOutputStream that shows its buffer, so that a page is written without another copy. */
    static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }

        void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
        }
    }

    /** One request read off a keep-alive connection: request line, headers, body by length or chunks. */
    static final class Request {
        String method;
        String path;
        boolean close;
        byte[] body;
        /** The bytes of an upload's body, which is counted and dropped rather than kept. */
        long discarded;
        private boolean expectContinue;
        private final StringBuilder line = new StringBuilder(256);

        boolean read(InputStream in, OutputStream out) throws IOException {
            String first = line(in);
            while (first != null && first.isEmpty()) {
                first = line(in);
            }
            if (first == null) {
                return false;
            }
            int sp1 = first.indexOf(' ');
            int sp2 = first.indexOf(' ', sp1 + 1);
            method = first.substring(0, sp1);
            path = first.substring(sp1 + 1, sp2 > 0 ? sp2 : first.length());
            close = false;
            long length = 0;
            boolean chunked = false;
            for (int n = 0; n < 200; n++) {
                String h = line(in);
                if (h == null) {
                    return false;
                }
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                } else if (name.equalsIgnoreCase("Expect") && value.equalsIgnoreCase("100-continue")) {
                    expectContinue = true;
                }
            }
            if (expectContinue) {
                // as Jira's servers do: a client that asks waits for this before it sends the body (3 s, else)
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expectContinue = false;
            }
            discarded = 0;
            if (method.equals("POST") && path.endsWith("/attachments")) {
                body = new byte[0];
                if (chunked) {
                    discarded = discardChunks(in);
                } else {
                    in.skipNBytes(length);
                    discarded = length;
                }
                return true;
            }
            body = chunked ? chunks(in) : in.readNBytes((int) length);
            return true;
        }

        private long discardChunks(InputStream in) throws IOException {
            long total = 0;
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("truncated chunk");
                }
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    while (true) {
                        String t = line(in);
                        if (t == null || t.isEmpty()) {
                            return total;
                        }
                    }
                }
                in.skipNBytes(n);
                total += n;
                line(in);
            }
        }

        private byte[] chunks(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("truncated chunk");
                }
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    while (true) { // trailers up to the empty line
                        String t = line(in);
                        if (t == null || t.isEmpty()) {
                            return all.toByteArray();
                        }
                    }
                }
                all.write(in.readNBytes(n));
                line(in);
            }
        }

        private String line(InputStream in) throws IOException {
            line.setLength(0);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return line.length() == 0 ? null : line.toString();
                }
                if (c == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return line.toString();
                }
                if (line.length() > 16 * 1024) {
                    throw new IOException("header line too long");
                }
                line.append((char) c);
            }
        }
    }
}
