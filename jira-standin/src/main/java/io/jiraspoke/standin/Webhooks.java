package io.jiraspoke.standin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers webhook payloads to the registered URLs, one at a time in the order the changes happened, as Jira's
 * admin webhooks do: POST with the JSON payload, {@code X-Atlassian-Webhook-Identifier} (the same on each retry of
 * one delivery), {@code X-Atlassian-Webhook-Retry} on retries, and {@code X-Hub-Signature: sha256=<hex HMAC>} of
 * the raw body when the webhook has a secret. App webhooks (an OAuth app's) carry {@code Authorization: Bearer} with
 * a JWT signed by the app's client secret instead. A delivery that fails (no 2xx, or no answer) is retried a bounded
 * number of times.
 */
final class Webhooks implements AutoCloseable {

    /** A registered webhook; {@code jql} may be null (every issue). */
    record Webhook(String id, String name, String url, List<String> events, String jql, String secret, boolean enabled,
                   boolean excludeBody, long created, long updated) {

        @Override
        public String toString() {
            // The secret stays out of logs and failure messages.
            return "Webhook[" + id + " " + name + " -> " + url + "]";
        }
    }

    /**
     * An app webhook, which an OAuth app registers through {@code /rest/api/3/webhook}: it belongs to the app
     * ({@code clientId}) and stops being sent at {@code expires} (epoch milliseconds, Jira's clock) unless refreshed.
     */
    record AppWebhook(String id, String clientId, String url, List<String> events, String jql, long created, long expires) {

        /** The admin form the sender delivers to. */
        Webhook target() {
            return new Webhook(id, null, url, events, jql, null, true, false, created, created);
        }
    }

    /** One delivery; {@code app} is the OAuth app whose client secret signs an app webhook's JWT, null for admin webhooks. */
    record Delivery(Webhook hook, String event, byte[] body, OAuth.Client app) {

        Delivery(Webhook hook, String event, byte[] body) {
            this(hook, event, body, null);
        }
    }

    /** An app webhook delivery given up on, as {@code GET /rest/api/3/webhook/failed} lists it to its app. */
    record Failure(String clientId, String identifier, String url, String body, long time) {}

    /** How long the JWT of an app webhook delivery is valid: long enough for the receiver, short enough to replay. */
    private static final Duration JWT_LIFETIME = Duration.ofMinutes(3);
    /** Jira lists failures for 72 hours; a long-running emulator keeps at most this many. */
    private static final Duration FAILURES_KEPT = Duration.ofHours(72);
    private static final int MAX_FAILURES = 1000;

    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jira-emulator-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final List<JiraEmulator.WebhookDelivery> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final Duration retryDelay;

    Webhooks(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    void send(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            sender.execute(() -> deliver(delivery));
        }
    }

    private void deliver(Delivery d) {
        String identifier = UUID.randomUUID().toString();
        int status = -1;
        int attempt = 0;
        while (attempt < ATTEMPTS) {
            attempt++;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(d.hook().url()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("User-Agent", "Atlassian Webhook HTTP Client")
                    .header("X-Atlassian-Webhook-Identifier", identifier)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
            if (attempt > 1) {
                request.header("X-Atlassian-Webhook-Retry", String.valueOf(attempt - 1));
            }
            if (d.hook().secret() != null && !d.hook().secret().isEmpty()) {
                request.header("X-Hub-Signature", "sha256=" + hmac(d.hook().secret(), d.body()));
            }
            if (d.app() != null) {
                request.header("Authorization", "Bearer " + jwt(d.app().secret(), Instant.now()));
            }
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    break;
                }
            } catch (java.io.IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < ATTEMPTS && !sleep(retryDelay.multipliedBy(attempt))) {
                return;
            }
        }
        String body = new String(d.body(), StandardCharsets.UTF_8);
        if (d.app() != null && status / 100 != 2) {
            synchronized (failures) {
                if (failures.size() == MAX_FAILURES) {
                    failures.remove(0);
                }
                failures.add(new Failure(d.app().id(), identifier, d.hook().url(), body, System.currentTimeMillis()));
            }
        }
        outcomes.add(new JiraEmulator.WebhookDelivery(d.hook().id(), d.hook().url(), d.event(), identifier, attempt, status, body));
    }

    /**
     * The JWT an app webhook delivery carries: HS256 with the app's client secret. Atlassian documents no claims for
     * it, so it has only the standard {@code iat} and {@code exp}.
     */
    static String jwt(String secret, Instant now) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(JWT_LIFETIME).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + claims;
        return signed + "." + url.encodeToString(mac(secret, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String hmac(String secret, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, body));
    }

    private static byte[] mac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    List<JiraEmulator.WebhookDelivery> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    /** The app's given-up deliveries, oldest first. */
    List<Failure> failures(String clientId) {
        synchronized (failures) {
            long since = System.currentTimeMillis() - FAILURES_KEPT.toMillis();
            return failures.stream().filter(f -> f.clientId().equals(clientId) && f.time() > since).toList();
        }
    }

    void clear() {
        outcomes.clear();
        failures.clear();
    }

    @Override
    public void close() {
        sender.shutdownNow();
        try {
            sender.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
