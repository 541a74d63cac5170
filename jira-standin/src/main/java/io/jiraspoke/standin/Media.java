package io.jiraspoke.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jiraspoke.standin.Model.Attachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud's media host (api.media.atlassian.com): Cloud's attachment content endpoint answers 303 to a URL here, which
 * carries its own short-lived token, and this host serves the bytes. It listens on a port of its own, so that it is
 * another origin than the site, as the real one is another host. It refuses a request that carries an
 * {@code Authorization} header (403): a client must not hand Jira's credentials to the media host, and a test of one
 * that does fails here.
 */
final class Media implements AutoCloseable {

    /** One request the media host got: path and query, whether it carried an Authorization header, the answer. */
    record Request(String pathAndQuery, boolean authorization, int status) {}

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final Pattern FILE = Pattern.compile("/file/([0-9a-f-]{36})/binary");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Grant(String fileId, Attachment attachment, Instant expires) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;
    private final String client = UUID.randomUUID().toString();
    private final Supplier<Store> store;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    Media(Supplier<Store> store) {
        this.store = store;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Jira emulator's media host", e);
        }
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jira-emulator-media");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The origin of the media host, for a connection's {@code mediaHosts}. */
    String url() {
        return url;
    }

    /** Where Cloud's content endpoint sends a client for this attachment, token included. */
    String location(Attachment a) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        String fileId = UUID.nameUUIDFromBytes((client + ":" + a.id()).getBytes(StandardCharsets.UTF_8)).toString();
        grants.put(token, new Grant(fileId, a, Instant.now().plus(TOKEN_LIFETIME)));
        grants.values().removeIf(g -> Instant.now().isAfter(g.expires()));
        return url + "/file/" + fileId + "/binary?token=" + token + "&client=" + client + "&dl=true&name="
                + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            boolean authorization = exchange.getRequestHeaders().containsKey("Authorization");
            int status = answer(exchange, uri, authorization);
            requests.add(new Request(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), authorization, status));
        } catch (IOException e) {
            // the client has gone
        }
    }

    private int answer(HttpExchange exchange, URI uri, boolean authorization) throws IOException {
        if (authorization) {
            return error(exchange, 403, "The media host takes its own token, not Jira's credentials");
        }
        Matcher m = FILE.matcher(uri.getRawPath());
        if (!exchange.getRequestMethod().equals("GET") || !m.matches()) {
            return error(exchange, 404, "Not found");
        }
        String token = Http.query(uri.getRawQuery()).getOrDefault("token", List.of("")).get(0);
        Grant grant = grants.get(token);
        if (grant == null || !grant.fileId().equals(m.group(1)) || Instant.now().isAfter(grant.expires())) {
            return error(exchange, 401, "Invalid or expired token");
        }
        Store s = store.get();
        Attachment a;
        synchronized (s) {
            // a reset or a delete since the redirect: the token's attachment is gone, whatever now has its id
            a = s.attachment(grant.attachment().id()).filter(found -> found == grant.attachment()).orElse(null);
        }
        if (a == null) {
            return error(exchange, 404, "File not found");
        }
        exchange.getResponseHeaders().set("Content-Type", a.mimeType());
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        exchange.sendResponseHeaders(200, a.content().length == 0 ? -1 : a.content().length);
        if (a.content().length > 0) {
            exchange.getResponseBody().write(a.content());
        }
        return 200;
    }

    private static int error(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("{\"error\":{\"code\":\"" + status + "\",\"title\":\"" + message + "\"}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
