package io.jiraspoke.camel.producer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraJson;

/** Short digests of Jira's JSON, by which list consumers tell a changed item from an unchanged one. */
final class Digests {

    private Digests() {
    }

    /** The first 64 bits of the SHA-256 of the JSON as Jira sent it, in hex. */
    static String of(JsonNode json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JiraJson.MAPPER.writeValueAsBytes(json));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest an item", e);
        }
    }
}
