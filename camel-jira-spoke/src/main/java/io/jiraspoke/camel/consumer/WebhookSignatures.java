package io.jiraspoke.camel.consumer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraJson;
import org.apache.camel.Message;

/**
 * How a delivery proves it comes from Jira. Admin webhooks registered with a secret carry
 * {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>}; the app webhooks of an OAuth app carry
 * {@code Authorization: Bearer <JWT>}, an HS256 token keyed by the app's client secret. Both are compared in constant
 * time. A verifier answers null for a delivery it accepts, else the reason it refuses it (never a secret).
 */
abstract class WebhookSignatures {

    static final String HUB_SIGNATURE = "X-Hub-Signature";
    private static final String SHA256 = "sha256=";
    /** Clocks of Jira and this host may differ; a JWT's exp and nbf are allowed this much. */
    static final Duration JWT_LEEWAY = Duration.ofMinutes(2);

    /** Answers null when the delivery is accepted, else why not. */
    abstract String reject(byte[] body, Message request);

    /** Which check this is, for the start-up log. */
    abstract String describe();

    /** Admin webhooks with a secret: the HMAC of the raw bytes, as Jira computes it. */
    static WebhookSignatures hmac(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        ThreadLocal<Mac> macs = macs(key);
        return new WebhookSignatures() {
            @Override
            String reject(byte[] body, Message request) {
                String header = request.getHeader(HUB_SIGNATURE, String.class);
                if (header == null || header.isBlank()) {
                    return "no " + HUB_SIGNATURE + " header (the webhook has no secret, or another one)";
                }
                String value = header.strip();
                if (!value.regionMatches(true, 0, SHA256, 0, SHA256.length())) {
                    return HUB_SIGNATURE + " is not a sha256= signature";
                }
                byte[] given;
                try {
                    given = HexFormat.of().parseHex(value.substring(SHA256.length()).toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return HUB_SIGNATURE + " is not hexadecimal";
                }
                byte[] expected = macs.get().doFinal(body);
                return MessageDigest.isEqual(expected, given) ? null
                        : HUB_SIGNATURE + " does not match the body (a different secret, or a changed body)";
            }

            @Override
            String describe() {
                return HUB_SIGNATURE + " (HMAC-SHA256 with webhookSecret)";
            }
        };
    }

    /**
     * App webhooks of an OAuth app: an HS256 JWT in the Authorization header, keyed by the client secret. Only what
     * Atlassian documents is checked: the algorithm, the signature, and exp and nbf when the token has them.
     */
    static WebhookSignatures jwt(SecretKeySpec key, Supplier<Instant> clock) {
        ThreadLocal<Mac> macs = macs(key);
        return new WebhookSignatures() {
            @Override
            String reject(byte[] body, Message request) {
                String header = request.getHeader("Authorization", String.class);
                if (header == null || header.isBlank()) {
                    return "no Authorization header (app webhooks carry a JWT)";
                }
                String token = header.strip();
                int space = token.indexOf(' ');
                String scheme = space < 0 ? "" : token.substring(0, space);
                if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("JWT")) {
                    return "the Authorization header is not a Bearer token";
                }
                token = token.substring(space + 1).strip();
                int first = token.indexOf('.');
                int second = first < 0 ? -1 : token.indexOf('.', first + 1);
                if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
                    return "the Authorization token is not a JWT";
                }
                JsonNode jwtHeader;
                JsonNode claims;
                byte[] signature;
                try {
                    Base64.Decoder url = Base64.getUrlDecoder();
                    jwtHeader = JiraJson.MAPPER.readTree(url.decode(token.substring(0, first)));
                    claims = JiraJson.MAPPER.readTree(url.decode(token.substring(first + 1, second)));
                    signature = url.decode(token.substring(second + 1));
                } catch (IllegalArgumentException | java.io.IOException e) {
                    return "the Authorization token is not a JWT";
                }
                if (jwtHeader == null || !jwtHeader.isObject() || claims == null || !claims.isObject()) {
                    return "the Authorization token is not a JWT";
                }
                // HS256 only: a token may not choose its own algorithm (alg=none, or a public key as HMAC key)
                if (!"HS256".equals(jwtHeader.path("alg").asText(null))) {
                    return "the JWT is not signed with HS256";
                }
                byte[] expected = macs.get()
                        .doFinal(token.substring(0, second).getBytes(StandardCharsets.US_ASCII));
                if (!MessageDigest.isEqual(expected, signature)) {
                    return "the JWT's signature does not match (another app's client secret?)";
                }
                long now = clock.get().getEpochSecond();
                JsonNode exp = claims.get("exp");
                if (exp != null && (!exp.canConvertToLong() || exp.asLong() + JWT_LEEWAY.toSeconds() < now)) {
                    return "the JWT has expired";
                }
                JsonNode nbf = claims.get("nbf");
                if (nbf != null && (!nbf.canConvertToLong() || nbf.asLong() - JWT_LEEWAY.toSeconds() > now)) {
                    return "the JWT is not valid yet";
                }
                return null;
            }

            @Override
            String describe() {
                return "the app webhook JWT (HS256 with the connection's client secret)";
            }
        };
    }

    /** Admin webhooks without a secret, when webhookAllowUnsigned says so. */
    static WebhookSignatures none() {
        return new WebhookSignatures() {
            @Override
            String reject(byte[] body, Message request) {
                return null;
            }

            @Override
            String describe() {
                return "nothing (webhookAllowUnsigned=true)";
            }
        };
    }

    /** A Mac per thread: Macs are not thread-safe, and deliveries arrive on many threads at once. */
    private static ThreadLocal<Mac> macs(SecretKeySpec key) {
        return ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }
}
