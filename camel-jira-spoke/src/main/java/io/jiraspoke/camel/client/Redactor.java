package io.jiraspoke.camel.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Removes the credentials one request carried from text its answer brought back. Some proxies and gateways echo
 * the request's headers (or a token endpoint its form) in their error pages; that text goes into exception
 * messages, so the Authorization value sent, its credential part (Base64 or bearer token), the decoded
 * {@code user:secret} and its secret, and any value the request marked secret are replaced before it is used.
 * Built only when an answer is turned into an exception.
 */
final class Redactor {

    static final String MASK = "xxxxxx";

    private final List<String> secrets = new ArrayList<>();

    Redactor(String authorization, List<String> requestSecrets) {
        requestSecrets.forEach(this::add);
        if (authorization != null) {
            add(authorization);
            int space = authorization.indexOf(' ');
            String credential = space > 0 ? authorization.substring(space + 1).trim() : authorization;
            add(credential);
            add(URLEncoder.encode(credential, StandardCharsets.UTF_8));
            if (space > 0 && authorization.regionMatches(true, 0, "Basic", 0, space)) {
                addBasicPair(credential);
            }
        }
        // a secret inside a longer one (the token inside user:token) must not cut the longer one apart first
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    private void addBasicPair(String credential) {
        try {
            String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
            add(pair);
            int colon = pair.indexOf(':');
            if (colon >= 0) {
                add(pair.substring(colon + 1));
                add(URLEncoder.encode(pair.substring(colon + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException notBase64) {
            // the credential itself is already scrubbed
        }
    }

    private void add(String secret) {
        if (secret != null && !secret.isBlank() && !secrets.contains(secret)) {
            secrets.add(secret);
        }
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String s : secrets) {
            clean = clean.replace(s, MASK);
        }
        return clean;
    }
}
