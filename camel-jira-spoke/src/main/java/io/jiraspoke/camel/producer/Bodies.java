package io.jiraspoke.camel.producer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Reads message bodies the way Camel users send them: a Map or Jackson tree, a String, or anything Camel's type
 * converters turn into bytes or text (byte[], InputStream, Reader, a file from {@code file:}, a stream cache from
 * HTTP). Bytes are UTF-8 unless the exchange names another charset. Other types are refused by name rather than
 * turned into their {@code toString()}.
 */
public final class Bodies {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Bodies() {
    }

    /**
     * The body as a JSON object (a mutable map), as text (a String that is not a JSON object), or null when there
     * is no body.
     */
    public static Object objectOrText(Exchange exchange, String action) {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof Map<?, ?> m) {
            return copy(m);
        }
        if (body instanceof JsonNode node) {
            if (node.isTextual()) {
                return node.asText();
            }
            if (!node.isObject()) {
                throw new JiraSpokeInputException(action + " needs a JSON object or text in the message body, got a"
                                                  + " JSON " + node.getNodeType().name().toLowerCase());
            }
            return JiraJson.MAPPER.convertValue(node, MAP);
        }
        String text = text(exchange, action, body);
        JsonNode parsed = parseObject(text);
        return parsed != null ? JiraJson.MAPPER.convertValue(parsed, MAP) : text;
    }

    private static String text(Exchange exchange, String action, Object body) {
        if (body instanceof CharSequence s) {
            return s.toString();
        }
        try {
            if (body instanceof Reader) {
                return exchange.getIn().getMandatoryBody(String.class);
            }
            if (body instanceof byte[] || body instanceof InputStream || body instanceof StreamCache
                || body instanceof WrappedFile || body instanceof File || body instanceof Path
                || body instanceof ByteBuffer) {
                return new String(exchange.getIn().getMandatoryBody(byte[].class), charset(exchange));
            }
        } catch (InvalidPayloadException e) {
            throw new JiraSpokeInputException(action + " cannot read the message body of type "
                                              + body.getClass().getName() + ": " + e.getMessage());
        }
        throw new JiraSpokeInputException(action + " cannot use a message body of type " + body.getClass().getName()
                                          + ": send a Map or JSON object, JSON or plain text (String, bytes, a"
                                          + " stream or a file)");
    }

    private static Charset charset(Exchange exchange) {
        String name = exchange.getProperty(Exchange.CHARSET_NAME, String.class);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            throw new JiraSpokeInputException("The exchange names a charset Java does not know ("
                                              + Exchange.CHARSET_NAME + " = '"
                                              + (name.length() <= 40 ? name : name.substring(0, 40) + "...")
                                              + "'): the message body cannot be read");
        }
    }

    private static JsonNode parseObject(String s) {
        String t = s.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JiraJson.MAPPER.readTree(t);
            return n != null && n.isObject() ? n : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> m) {
        return new LinkedHashMap<>((Map<String, Object>) m);
    }
}
