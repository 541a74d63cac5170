package io.jiraspoke.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side: one JDK {@link HttpServer} on 127.0.0.1, which logs each request, applies the faults a test
 * switched on, checks the credentials, reads the body (outside the store's lock), lets {@link Api} answer under the
 * lock, writes the answer, and only then hands the webhook deliveries the request caused to {@link Webhooks}.
 */
final class Http implements AutoCloseable {

    private static final String JSON = "application/json;charset=UTF-8";
    // Cloud calls made with OAuth 2.0 or scoped API tokens arrive as api.atlassian.com/ex/jira/{cloudId}/rest/...
    private static final Pattern GATEWAY = Pattern.compile("(/ex/jira/[^/]+)(/.*)");
    private static final Pattern SERVER_INFO = Pattern.compile("/rest/api/[23]/serverInfo/?");
    // Atlassian's OAuth endpoints check credentials of their own (client secret, code, Bearer access token).
    private static final Pattern OAUTH = Pattern.compile("/(oauth/token(/accessible-resources)?|authorize)/?");
    private static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    /** What the handler needs of the emulator, looked up per request so that a reset takes effect at once. */
    interface Backend {
        Store store();

        Api api();

        Events events();

        Webhooks webhooks();

        List<Fault> faults();

        void logRequest(String line);

        boolean authorized(String authorization, boolean viaGateway);

        String cloudId();

        long maxBodyBytes();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<Backend> backend;
    private final Flavour flavour;
    private final String baseUrl;

    Http(Flavour flavour, int port, Supplier<Backend> backend) throws IOException {
        this.flavour = flavour;
        this.backend = backend;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jira-emulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Starts answering; the base URL is known before, so that the emulator's state can be built with it first. */
    void start() {
        server.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        Backend b = backend.get();
        List<Webhooks.Delivery> deliveries = List.of();
        try {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            b.logRequest(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String rawPath = uri.getRawPath();
            String prefix = "";
            Matcher gateway = GATEWAY.matcher(rawPath);
            if (flavour == Flavour.CLOUD && gateway.matches()) {
                prefix = gateway.group(1);
                rawPath = gateway.group(2);
                if (!prefix.equals("/ex/jira/" + b.cloudId())) {
                    // the gateway knows no such site
                    send(exchange, Reply.error(JiraError.message(404, "Site not found")));
                    return;
                }
            }
            Fault fault = fault(b, method, rawPath);
            if (fault != null && !fault.delay().isZero()) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (fault != null && fault.kind() == Fault.Kind.DROP_CONNECTION) {
                exchange.sendResponseHeaders(200, 1024);
                return;
            }
            Reply reply;
            if (fault != null && fault.kind() != Fault.Kind.NONE && fault.kind() != Fault.Kind.REPEAT_PAGE_TOKEN) {
                reply = faultReply(fault);
            } else {
                reply = answer(b, exchange, method, rawPath, prefix, uri.getRawQuery(),
                        fault != null && fault.kind() == Fault.Kind.REPEAT_PAGE_TOKEN);
                synchronized (b.store()) {
                    deliveries = b.events().drain();
                }
            }
            send(exchange, reply);
        } catch (IOException e) {
            // The client has gone; there is no one left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
            if (!deliveries.isEmpty()) {
                b.webhooks().send(deliveries);
            }
        }
    }

    private static Fault fault(Backend b, String method, String path) {
        for (Fault fault : b.faults()) {
            if (fault.take(method, path)) {
                return fault;
            }
        }
        return null;
    }

    private Reply answer(Backend b, HttpExchange exchange, String method, String rawPath, String prefix, String rawQuery,
                         boolean repeatPageToken) throws IOException {
        try {
            String path = rawPath;
            // Jira answers serverInfo to anyone, so that clients can find out what they talk to before logging in.
            boolean anonymousAllowed = method.equals("GET") && SERVER_INFO.matcher(path).matches()
                                       || flavour == Flavour.CLOUD && prefix.isEmpty() && OAUTH.matcher(path).matches();
            if (!anonymousAllowed && !b.authorized(exchange.getRequestHeaders().getFirst("Authorization"), !prefix.isEmpty())) {
                return Reply.error(unauthorized());
            }
            byte[] body = read(exchange.getRequestBody(), b.maxBodyBytes());
            Call call = new Call(method, path, new JiraJson.Ctx(baseUrl + prefix, 0), query(rawQuery), Map.of(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Atlassian-Token"), body, repeatPageToken,
                    exchange.getRequestHeaders().getFirst("Authorization"));
            synchronized (b.store()) {
                try {
                    return b.api().handle(call);
                } catch (RuntimeException e) {
                    // Nothing a failed request did may reach a webhook.
                    b.events().drain();
                    throw e;
                }
            }
        } catch (JiraError e) {
            return Reply.error(e);
        } catch (RuntimeException e) {
            // A bug in the emulator should reach the client as an answer, not as a dropped connection.
            return Reply.error(JiraError.message(500, e.toString()));
        }
    }

    private JiraError unauthorized() {
        return JiraError.message(401, flavour == Flavour.CLOUD
                ? "Client must be authenticated to access this resource."
                : "You are not authenticated. Authentication required to perform this operation.");
    }

    private Reply faultReply(Fault fault) {
        Map<String, String> headers = new LinkedHashMap<>();
        JiraError error;
        switch (fault.kind()) {
            case RATE_LIMIT -> {
                long seconds = fault.retryAfter().toSeconds() + (fault.retryAfter().toNanosPart() > 0 ? 1 : 0);
                headers.put("Retry-After", String.valueOf(seconds));
                if (fault.reason() != null) {
                    headers.put("RateLimit-Reason", fault.reason());
                }
                headers.put("X-RateLimit-Limit", "100");
                headers.put("X-RateLimit-Remaining", "0");
                headers.put("X-RateLimit-Reset", RESET.format(Instant.now().plusSeconds(Math.max(seconds, 60))));
                error = JiraError.message(429, "Rate limit exceeded.");
            }
            case UNAVAILABLE -> {
                if (fault.retryAfter() != null) {
                    headers.put("Retry-After", String.valueOf(Math.max(0, fault.retryAfter().toSeconds())));
                }
                error = JiraError.message(503, "Service Unavailable");
            }
            case EXPIRED_TOKEN -> error = unauthorized();
            default -> error = JiraError.message(fault.status(), fault.message() == null ? "Fault injected by the Jira emulator" : fault.message());
        }
        Reply reply = Reply.error(error);
        return new Reply(reply.status(), reply.json(), null, null, headers);
    }

    private static byte[] read(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw JiraError.message(413, "The request is larger than the " + max + " bytes the Jira emulator takes.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        if (reply.json() == null && reply.bytes() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = reply.bytes() != null ? reply.bytes() : bytes(reply.json());
        exchange.getResponseHeaders().set("Content-Type", reply.bytes() != null ? reply.contentType() : JSON);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return JiraJson.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decodePath(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return params;
    }

    /** The user and secret of a Basic header, or null. */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }
}
