package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An answer: a status with JSON, raw bytes of a content type (attachment content), or nothing. */
record Reply(int status, JsonNode json, byte[] bytes, String contentType, Map<String, String> headers) {

    static Reply ok(JsonNode json) {
        return new Reply(200, json, null, null, Map.of());
    }

    static Reply created(JsonNode json) {
        return new Reply(201, json, null, null, Map.of());
    }

    static Reply noContent() {
        return new Reply(204, null, null, null, Map.of());
    }

    static Reply content(byte[] bytes, String contentType, Map<String, String> headers) {
        return new Reply(200, null, bytes, contentType, headers);
    }

    static Reply error(JiraError error) {
        return new Reply(error.status(), JiraJson.error(error), null, null, Map.of());
    }
}
