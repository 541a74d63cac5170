package io.jiraspoke.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The harness. The stub runs in a JVM of its own; all client variants run in this JVM, interleaved: every round runs
 * every variant of a scenario back to back in a shuffled order, and each variant is compared with the plain client of
 * the same round. On a shared machine absolute numbers drift between rounds; ratios within a round hold.
 *
 * <p>Settings are environment variables (BENCH_ROUNDS, BENCH_SECONDS, ...), listed in the module's README.
 */
public final class Bench {

    static final String PLAIN = "plain HttpClient 5 + Jackson";
    static final String CAMEL_HTTP = "camel-http + camel-jackson route";
    static final String SPOKE = "jiraspoke";
    static final String CEILING = "stub ceiling (bodies read, not parsed)";
    static final String PRODUCER = "jiraspoke producer (iterator + streaming split)";
    static final String CONSUMER = "jiraspoke incremental consumer (startFrom=beginning)";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("attach")) {
            attachOnce(args[1], Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("probe")) {
            probe(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length > 0 && args[0].equals("profile")) {
            profile(args[1], Double.parseDouble(args[2]));
            return;
        }
        int rounds = env("BENCH_ROUNDS", 5);
        int warmups = env("BENCH_WARMUP_ROUNDS", 1);
        long nanos = TimeUnit.MILLISECONDS.toNanos((long) (Double.parseDouble(envText("BENCH_SECONDS", "2")) * 1000));
        int streamIssues = env("BENCH_STREAM_ISSUES", 100_000);
        boolean probes = Boolean.parseBoolean(envText("BENCH_PROBES", "true"));
        long began = System.nanoTime();

        Process stub = startStub(streamIssues, 0);
        int port = port(stub);
        StringBuilder report = new StringBuilder();
        try (Variants v = new Variants(port, true)) {
            Map<String, Map<String, Measure.Call>> scenarios = new LinkedHashMap<>();
            for (int threads : new int[] {1, 8}) {
                Map<String, Measure.Call> get = new LinkedHashMap<>();
                get.put(PLAIN, v::plainGet);
                get.put(CAMEL_HTTP, v::camelHttpGet);
                get.put(SPOKE, v::spokeGet);
                get.put(CEILING, v::ceilingGet);
                scenarios.put("issue/get x" + threads, get);
            }
            for (int threads : new int[] {1, 8}) {
                Map<String, Measure.Call> create = new LinkedHashMap<>();
                create.put(PLAIN, v::plainCreate);
                create.put(CAMEL_HTTP, v::camelHttpCreate);
                create.put(SPOKE, v::spokeCreate);
                create.put(CEILING, v::ceilingCreate);
                scenarios.put("issue/create x" + threads, create);
            }
            Map<String, Measure.Call> stream = new LinkedHashMap<>();
            stream.put(PLAIN, v::plainStream);
            stream.put(CAMEL_HTTP, v::camelHttpStream);
            stream.put(SPOKE, v::spokeStream);
            stream.put(CEILING, () -> v.ceilingStream(streamIssues));
            String streamName = "issue/search stream " + streamIssues + " issues (per issue)";
            scenarios.put(streamName, stream);
            Map<String, Measure.Call> consumer = new LinkedHashMap<>();
            consumer.put(PRODUCER, v::spokeStream);
            consumer.put(CONSUMER, v.spokeConsumer(streamIssues));
            String consumerName = "issue/search consumer vs producer, " + streamIssues
                                  + " issues in one overlap window (per issue)";
            scenarios.put(consumerName, consumer);
            java.util.Set<String> once = java.util.Set.of(streamName, consumerName);

            Map<String, Map<String, List<Measure.Sample>>> samples = new LinkedHashMap<>();
            Map<String, Map<String, List<Double>>> stubCpu = new LinkedHashMap<>();
            Random random = new Random(42);
            for (int round = -warmups; round < rounds; round++) {
                for (Map.Entry<String, Map<String, Measure.Call>> s : scenarios.entrySet()) {
                    String name = s.getKey();
                    int threads = name.endsWith("x8") ? 8 : 1;
                    List<String> order = new ArrayList<>(s.getValue().keySet());
                    Collections.shuffle(order, random);
                    for (String variant : order) {
                        Measure.Call call = s.getValue().get(variant);
                        JsonNode before = stats(port);
                        Measure.Sample sample = once.contains(name)
                                ? Measure.times(call, 1)
                                : Measure.forTime(call, threads, nanos);
                        JsonNode after = stats(port);
                        if (sample.failures() > 0) {
                            System.err.println(name + " / " + variant + ": " + sample.failures() + " failed calls");
                            sample.firstFailure().printStackTrace();
                        }
                        if (round < 0) {
                            continue;
                        }
                        samples.computeIfAbsent(name, k -> ordered(s.getValue().keySet()))
                                .computeIfAbsent(variant, k -> new ArrayList<>()).add(sample);
                        long reqs = after.get("requests").asLong() - before.get("requests").asLong() - 1;
                        double cpu = (after.get("cpuNanos").asLong() - before.get("cpuNanos").asLong()) / 1e3;
                        stubCpu.computeIfAbsent(name, k -> new LinkedHashMap<>())
                                .computeIfAbsent(variant, k -> new ArrayList<>()).add(cpu / Math.max(reqs, 1));
                    }
                }
                System.err.printf(Locale.ROOT, "round %d done at %.0f s%n", round, (System.nanoTime() - began) / 1e9);
            }
            JsonNode end = stats(port);
            report.append(table(samples, stubCpu));
            report.append("\nStub requests outside the benchmarked endpoints: ").append(end.get("other").asLong())
                    .append(end.get("other").asLong() > 0 ? " (last: " + end.get("lastOther").asText() + ")" : "")
                    .append('\n');
            if (probes) {
                report.append('\n').append(probes(port, streamIssues));
                report.append('\n').append(attachments(port));
            }
            if (Boolean.parseBoolean(envText("BENCH_EXTRAS", "true"))) {
                report.append('\n').append(oauth(port, env("BENCH_OAUTH_CALLS", 10_000)));
                report.append('\n').append(rateLimited(env("BENCH_ALLOWED_RATE", 50),
                        Double.parseDouble(envText("BENCH_RATE_SECONDS", "10"))));
            }
        } finally {
            stub.getOutputStream().close();
            stub.waitFor(10, TimeUnit.SECONDS);
            stub.destroy();
        }
        report.append(String.format(Locale.ROOT, "%nTotal time: %.0f s; load average at the end: %s%n",
                (System.nanoTime() - began) / 1e9, loadAverage()));
        System.out.println(report);
        Path out = Path.of("target", "bench-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Rows in the order the scenario lists its variants, not the order the first round happened to run them. */
    private static Map<String, List<Measure.Sample>> ordered(java.util.Set<String> variants) {
        Map<String, List<Measure.Sample>> m = new LinkedHashMap<>();
        for (String v : variants) {
            m.put(v, new ArrayList<>());
        }
        return m;
    }

    private static String table(Map<String, Map<String, List<Measure.Sample>>> samples,
                                Map<String, Map<String, List<Double>>> stubCpu) {
        StringBuilder t = new StringBuilder();
        t.append("| scenario | variant | calls/s | × base | CPU µs/call | × base | alloc KB/call | × base | stub CPU µs/request |\n");
        t.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, List<Measure.Sample>>> s : samples.entrySet()) {
            // The base of the ratios is the scenario's first variant: the plain client, or the producer.
            String baseName = s.getValue().keySet().iterator().next();
            List<Measure.Sample> plain = s.getValue().get(baseName);
            for (Map.Entry<String, List<Measure.Sample>> v : s.getValue().entrySet()) {
                List<Measure.Sample> mine = v.getValue();
                List<Double> thr = new ArrayList<>(), thrR = new ArrayList<>(), cpu = new ArrayList<>(),
                        cpuR = new ArrayList<>(), alloc = new ArrayList<>(), allocR = new ArrayList<>();
                long failures = 0;
                for (int i = 0; i < mine.size(); i++) {
                    Measure.Sample m = mine.get(i), p = plain.get(i);
                    thr.add(m.perSecond());
                    thrR.add(m.perSecond() / p.perSecond());
                    cpu.add(m.cpuMicrosPerUnit());
                    cpuR.add(m.cpuMicrosPerUnit() / p.cpuMicrosPerUnit());
                    alloc.add(m.allocBytesPerUnit() / 1024);
                    allocR.add(m.allocBytesPerUnit() / p.allocBytesPerUnit());
                    failures += m.failures();
                }
                boolean isPlain = v.getKey().equals(baseName);
                t.append("| ").append(s.getKey()).append(" | ").append(v.getKey())
                        .append(failures > 0 ? " (" + failures + " FAILED)" : "").append(" | ")
                        .append(spread(thr, "%.0f")).append(" | ").append(isPlain ? "1" : spread(thrR, "%.2f"))
                        .append(" | ").append(spread(cpu, "%.1f")).append(" | ").append(isPlain ? "1" : spread(cpuR, "%.2f"))
                        .append(" | ").append(spread(alloc, "%.1f")).append(" | ")
                        .append(isPlain ? "1" : spread(allocR, "%.2f")).append(" | ")
                        .append(spread(stubCpu.get(s.getKey()).get(v.getKey()), "%.1f")).append(" |\n");
            }
        }
        t.append("\nEach cell: median over rounds (min–max). Ratios (× base) are to the scenario's first row, taken within"
                 + " each round, then summarised. Streams count issues, not requests; their stub CPU is per page.\n");
        return t.toString();
    }

    static String spread(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, sorted.get(0),
                sorted.get(n - 1));
    }

    private static String oauth(int port, int calls) throws Exception {
        long before = stats(port).get("tokens").asLong();
        long t0 = System.nanoTime();
        long failed = Variants.oauthCalls("http://127.0.0.1:" + port, calls);
        double secs = (System.nanoTime() - t0) / 1e9;
        long tokens = stats(port).get("tokens").asLong() - before;
        return String.format(Locale.ROOT, "OAuth client credentials: %d issue/get calls in %.1f s, %d failed, %d token"
                                          + " request(s) (tokens last 3600 s; target: one per lifetime).%n",
                calls, secs, failed, tokens);
    }

    private static String rateLimited(int allowed, double seconds) throws Exception {
        Process limited = startStub(1000, allowed);
        try {
            int port = port(limited);
            StringBuilder t = new StringBuilder("A stub that admits " + allowed + " requests/s and answers 429 with"
                                                + " Retry-After: 1 beyond it; issue/get from 8 threads for " + seconds
                                                + " s:\n\n| connection | achieved/s | × allowed | failed exchanges |"
                                                + " 429 answers |\n|---|---|---|---|---|\n");
            for (double setting : new double[] {0, allowed}) {
                long before = stats(port).get("limited").asLong();
                long t0 = System.nanoTime();
                long[] r = Variants.rateLimited("http://127.0.0.1:" + port, 8, seconds, setting);
                double secs = (System.nanoTime() - t0) / 1e9;
                long answers429 = stats(port).get("limited").asLong() - before;
                t.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %d | %d |%n",
                        setting == 0 ? "defaults (the limit unknown to the client)" : "maxRequestsPerSecond=" + allowed,
                        r[0] / secs, r[0] / secs / allowed, r[1], answers429));
            }
            return t.toString();
        } finally {
            limited.getOutputStream().close();
            limited.waitFor(10, TimeUnit.SECONDS);
            limited.destroy();
        }
    }

    // --- -Xmx probes: the stream in a fresh JVM per heap size ------------------------------------------------

    private static String probes(int port, int total) throws Exception {
        StringBuilder t = new StringBuilder("Streaming " + total + " issues in a fresh JVM per heap size "
                                            + "(-XX:+UseSerialGC; time of the stream only, JVM start excluded; the"
                                            + " consumer: its first poll over them from the beginning, all in one"
                                            + " overlap window):\n\n");
        t.append("| variant | smallest -Xmx that completes | stream time at that -Xmx (ms) |\n|---|---|---|\n");
        Map<String, Long> at16 = new LinkedHashMap<>();
        for (String variant : new String[] {"plain", "spoke", "consumer"}) {
            String found = "none up to 256m";
            String time = "";
            for (int mb : new int[] {16, 32, 64, 128, 256}) {
                long ms = probeOnce(variant, mb, port, total);
                if (ms >= 0) {
                    found = "-Xmx" + mb + "m";
                    time = Long.toString(ms);
                    if (mb == 16) {
                        at16.put(variant, ms);
                    }
                    break;
                }
            }
            t.append("| ").append(variant.equals("plain") ? PLAIN : variant.equals("spoke") ? SPOKE : CONSUMER)
                    .append(" | ").append(found).append(" | ")
                    .append(time).append(" |\n");
        }
        if (at16.containsKey("plain") && at16.containsKey("spoke")) {
            // Two more interleaved pairs at 16m, so that the time ratio is not one cold run against another.
            List<Double> ratios = new ArrayList<>();
            ratios.add((double) at16.get("spoke") / at16.get("plain"));
            for (int i = 0; i < 2; i++) {
                long p = probeOnce("plain", 16, port, total);
                long s = probeOnce("spoke", 16, port, total);
                if (p > 0 && s > 0) {
                    ratios.add((double) s / p);
                }
            }
            t.append("\nAt -Xmx16m, jiraspoke's stream time × plain's, per pair of runs: ")
                    .append(spread(ratios, "%.2f")).append('\n');
        }
        return t.toString();
    }

    // --- a large attachment up and down under -Xmx64m --------------------------------------------------------

    private static String attachments(int port) throws Exception {
        long mb = JiraStub.ATTACHMENT_BYTES >> 20;
        StringBuilder t = new StringBuilder("A " + mb + " MB attachment uploaded (multipart, generated as it is"
                                            + " read) and downloaded (read to the end), in a fresh JVM with -Xmx64m"
                                            + " -XX:+UseSerialGC per run, plain and jiraspoke interleaved, 3 runs"
                                            + " each:\n\n");
        t.append("| variant | completed | upload MB/s | download MB/s | upload time × plain | download time × plain |\n"
                 + "|---|---|---|---|---|---|\n");
        Map<String, List<long[]>> runs = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            for (String variant : new String[] {"plain", "spoke"}) {
                long[] r = attachProbe(variant, port);
                runs.computeIfAbsent(variant, k -> new ArrayList<>()).add(r);
            }
        }
        for (String variant : runs.keySet()) {
            List<long[]> rs = runs.get(variant);
            List<Double> up = new ArrayList<>();
            List<Double> down = new ArrayList<>();
            List<Double> upRatio = new ArrayList<>();
            List<Double> downRatio = new ArrayList<>();
            int completed = 0;
            for (int i = 0; i < rs.size(); i++) {
                long[] r = rs.get(i);
                long[] base = runs.get("plain").get(i);
                if (r == null) {
                    continue;
                }
                completed++;
                up.add(mb * 1000.0 / Math.max(1, r[0]));
                down.add(mb * 1000.0 / Math.max(1, r[1]));
                if (base != null) {
                    upRatio.add((double) r[0] / Math.max(1, base[0]));
                    downRatio.add((double) r[1] / Math.max(1, base[1]));
                }
            }
            t.append("| ").append(variant.equals("plain") ? PLAIN : SPOKE).append(" | ").append(completed)
                    .append(" of ").append(rs.size()).append(" | ").append(spread(up, "%.0f")).append(" | ")
                    .append(spread(down, "%.0f")).append(" | ").append(spread(upRatio, "%.2f")).append(" | ")
                    .append(spread(downRatio, "%.2f")).append(" |\n");
        }
        return t.toString();
    }

    /** Upload and download milliseconds of one run in a fresh -Xmx64m JVM; null when it did not complete. */
    private static long[] attachProbe(String variant, int port) throws Exception {
        Process p = new ProcessBuilder(java(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), Bench.class.getName(), "attach", variant,
                Integer.toString(port))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return null;
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("MOVED ")) {
                String[] parts = line.trim().split(" ");
                long up = Long.parseLong(parts[1]);
                long down = Long.parseLong(parts[2]);
                if (up >= JiraStub.ATTACHMENT_BYTES && down == JiraStub.ATTACHMENT_BYTES) {
                    return new long[] {Long.parseLong(parts[3]), Long.parseLong(parts[4])};
                }
            }
        }
        System.err.println("attachment run of " + variant + " did not complete: "
                           + out.lines().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
                                   .orElse("exit " + p.exitValue()));
        return null;
    }

    private static void attachOnce(String variant, int port) throws Exception {
        boolean spoke = variant.equals("spoke");
        try (Variants v = spoke ? Variants.spokeOnly(port) : new Variants(port, false)) {
            long t0 = System.nanoTime();
            long up = spoke ? v.spokeUpload(JiraStub.ATTACHMENT_BYTES) : v.plainUpload(JiraStub.ATTACHMENT_BYTES);
            long t1 = System.nanoTime();
            long down = spoke ? v.spokeDownload() : v.plainDownload();
            long t2 = System.nanoTime();
            System.out.println("MOVED " + up + " " + down + " " + (t1 - t0) / 1_000_000 + " " + (t2 - t1) / 1_000_000);
        }
    }

    /** The stream time in ms, or -1 when the JVM at this heap did not complete it. */
    private static long probeOnce(String variant, int mb, int port, int total) throws Exception {
        // an OutOfMemoryError on a thread other than main (the consumer's) would otherwise leave the JVM waiting
        Process p = new ProcessBuilder(java(), "-Xmx" + mb + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"), Bench.class.getName(), "probe", variant,
                Integer.toString(port), Integer.toString(total))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("STREAMED ")) {
                String[] parts = line.split(" ");
                if (Long.parseLong(parts[1]) == total) {
                    return Long.parseLong(parts[2]);
                }
            }
        }
        System.err.println("probe " + variant + " at -Xmx" + mb + "m did not complete: "
                           + out.lines().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
                                   .orElse("exit " + p.exitValue()));
        return -1;
    }

    /**
     * One variant alone for a while, to run under JFR ({@code -XX:StartFlightRecording}): spoke-get, plain-get,
     * spoke-create, plain-create, spoke-stream, plain-stream.
     */
    private static void profile(String what, double seconds) throws Exception {
        Process stub = startStub(100_000, 0);
        int port = port(stub);
        try (Variants v = new Variants(port, true)) {
            Map<String, Measure.Call> calls = Map.of("spoke-get", v::spokeGet, "plain-get", v::plainGet,
                    "spoke-create", v::spokeCreate, "plain-create", v::plainCreate, "spoke-stream", v::spokeStream,
                    "plain-stream", v::plainStream, "http-get", v::camelHttpGet, "http-stream", v::camelHttpStream,
                    "spoke-consumer",
                    () -> {
                        // each call a first poll of a fresh consumer, its set-up included
                        try (Variants.ConsumerRun run = v.spokeConsumer(100_000)) {
                            run.prepare();
                            return run.call();
                        }
                    });
            JsonNode before = stats(port);
            Measure.Sample s = Measure.forTime(calls.get(what), 1, (long) (seconds * 1e9));
            JsonNode after = stats(port);
            System.out.printf(Locale.ROOT, "%s: %.0f/s, %.1f µs CPU, %.1f KB per unit; %d units, stub: %d requests,"
                                           + " %d pages%n", what, s.perSecond(), s.cpuMicrosPerUnit(),
                    s.allocBytesPerUnit() / 1024, s.units(),
                    after.get("requests").asLong() - before.get("requests").asLong() - 1,
                    after.get("pages").asLong() - before.get("pages").asLong());
        } finally {
            stub.getOutputStream().close();
            stub.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void probe(String variant, int port, int total) throws Exception {
        try (Variants v = switch (variant) {
            case "spoke" -> Variants.spokeOnly(port);
            case "consumer" -> Variants.none(port);
            default -> new Variants(port, false);
        }) {
            // the first poll from the beginning: all the issues in one overlap window, remembered by the state
            Variants.ConsumerRun consumer = v.spokeConsumer(total);
            if (variant.equals("consumer")) {
                consumer.prepare();
            }
            long t0 = System.nanoTime();
            long n = switch (variant) {
                case "spoke" -> v.spokeStream();
                case "consumer" -> consumer.call();
                default -> v.plainStream();
            };
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("STREAMED " + n + " " + ms);
        }
    }

    // --- the stub process ------------------------------------------------------------------------------------

    static Process startStub(int total, double rate) throws IOException {
        // The stub gets a heap of its own and the serial collector, so that it stays small and cheap.
        return new ProcessBuilder(java(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4", "-cp",
                System.getProperty("java.class.path"), JiraStub.class.getName(), Integer.toString(total),
                Double.toString(rate))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static int port(Process stub) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.US_ASCII));
        String line = r.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IllegalStateException("the stub did not start: " + line);
        }
        return Integer.parseInt(line.substring(5).trim());
    }

    static JsonNode stats(int port) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/_bench/stats").toURL()
                .openConnection();
        try (InputStream in = c.getInputStream()) {
            return MAPPER.readTree(in);
        } finally {
            c.disconnect();
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static String envText(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
