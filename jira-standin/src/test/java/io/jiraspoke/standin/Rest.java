package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/** A plain HTTP client for the emulator's tests, with the emulator's credentials, recording every exchange. */
final class Rest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Response(String method, String path, int status, HttpHeaders headers, byte[] bytes) {

        JsonNode json() {
            try {
                return bytes.length == 0 ? MAPPER.missingNode() : MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private String authorization;
    final List<Response> recorded = Collections.synchronizedList(new ArrayList<>());

    /** A client of another host (the media host), with this Authorization header or none. */
    Rest(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    Rest(JiraEmulator jira) {
        this.baseUrl = jira.baseUrl();
        this.authorization = jira.flavour() == JiraEmulator.Flavour.CLOUD
                ? basic(jira.email(), jira.apiToken())
                : "Bearer " + jira.personalAccessToken();
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    Rest authorization(String value) {
        this.authorization = value;
        return this;
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response delete(String path, String json) {
        return send("DELETE", path, json, "application/json");
    }

    Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Response send(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, null);
    }

    Response send(String method, String path, byte[] body, String contentType, String[] extraHeaders) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (extraHeaders != null) {
            b.headers(extraHeaders);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response response = new Response(method, path, r.statusCode(), r.headers(), r.body());
            recorded.add(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** multipart/form-data with one part "file" per (name, content) pair, and the header Jira demands. */
    Response upload(String path, String... namesAndContents) {
        String boundary = "----emulator-test-boundary";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(namesAndContents[i]).append("\"\r\n")
                    .append("Content-Type: text/plain\r\n\r\n")
                    .append(namesAndContents[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send("POST", path, body.toString().getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary,
                new String[] {"X-Atlassian-Token", "no-check"});
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
