package io.jiraspoke.camel.springboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven through chromedriver's W3C WebDriver protocol with the JDK's HttpClient (no
 * Selenium needed for opening a page, clicking and reading text). Tests that use it are skipped when the machine
 * has no {@code chromium} and {@code chromium-driver} (CI installs them).
 */
final class HeadlessChromium implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Process driver;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path profile;
    private String session;

    private HeadlessChromium(Process driver, int port, Path profile) {
        this.driver = driver;
        this.base = "http://127.0.0.1:" + port;
        this.profile = profile;
    }

    static Path binary(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static Path chromium() {
        return binary("/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    static Path chromedriver() {
        return binary("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(chromium() != null && chromedriver() != null,
                "no headless Chromium here (apt-get install chromium chromium-driver): the browser test is skipped");
    }

    static HeadlessChromium start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(chromedriver().toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HeadlessChromium c = new HeadlessChromium(p, port, Files.createTempDirectory("chromium-profile"));
        try {
            c.awaitDriver();
            c.session = c.call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                    "browserName", "chrome", "goog:chromeOptions", Map.of("binary", chromium().toString(), "args",
                            List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-dev-shm-usage",
                                    "--user-data-dir=" + c.profile)))))).path("sessionId").asText();
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    private void awaitDriver() throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start within " + WAIT);
    }

    void open(String url) throws Exception {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    void click(String css) throws Exception {
        String id = call("POST", "/session/" + session + "/element", Map.of("using", "css selector", "value", css))
                .path(ELEMENT).asText();
        call("POST", "/session/" + session + "/element/" + id + "/click", Map.of());
    }

    /** Waits until the page's text contains {@code expected}; answers the text. */
    String waitForText(String expected) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        String text = "";
        while (System.nanoTime() < end) {
            text = call("POST", "/session/" + session + "/execute/sync", Map.of("script",
                    "return document.body ? document.body.innerText : ''", "args", List.of())).asText();
            if (text.contains(expected)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed '" + expected + "'; it shows: " + text);
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(r.body()).path("value");
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed: " + r.body());
        }
        return answer;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (Exception e) {
            // the driver goes anyway
        } finally {
            driver.destroy();
        }
    }
}
