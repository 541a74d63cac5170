package io.jiraspoke.standin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An application's webhook endpoint for the emulator's webhook tests: records every delivery, answers 204, or 500
 * while {@link #failuresToAnswer} is above zero (so that the emulator retries). Started before each test.
 */
final class HookReceiver implements BeforeEachCallback, AfterEachCallback {

    /** One delivery as it arrived. */
    record Delivery(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        JsonNode json() {
            return Rest.json(new String(body, StandardCharsets.UTF_8));
        }
    }

    final List<Delivery> received = new CopyOnWriteArrayList<>();
    /** How many of the next deliveries are answered 500. */
    final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final String path;
    private HttpServer server;

    HookReceiver(String path) {
        this.path = path;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        received.clear();
        failuresToAnswer.set(0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            received.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(failuresToAnswer.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop(0);
    }

    /** Where the emulator is to send deliveries. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
