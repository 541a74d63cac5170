package io.jiraspoke.camel.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;

/**
 * The body of a 2xx answer that is content rather than JSON (an attachment), read straight off the connection:
 * nothing is held beyond HttpClient's socket buffer. Read to its end, the stream gives the pooled connection back;
 * closed before that, it closes the connection instead of draining it, so that an unread 200 MB file costs nothing.
 * A length set with {@link #expectLength} is enforced: a body that runs longer or ends shorter fails the read that
 * finds it with an {@link IOException} naming both counts. Each read waits at most the connection's
 * {@code responseTimeout}; the call's {@code callTimeout} ended when the answer arrived.
 */
public final class JiraContent extends InputStream {

    private final ClassicHttpResponse response;
    private final HttpEntity entity;
    private final InputStream in;
    private final String what;
    private long expected = -1;
    private long count;
    private boolean ended;
    private boolean closed;

    JiraContent(ClassicHttpResponse response, String what) throws IOException {
        this.response = response;
        this.entity = response.getEntity();
        InputStream content = entity == null ? null : entity.getContent();
        this.in = content == null ? InputStream.nullInputStream() : content;
        this.what = what;
    }

    /** The answer's media type without parameters (e.g. {@code image/png}), or null when it named none. */
    public String contentType() {
        String value = entity != null && entity.getContentType() != null ? entity.getContentType()
                : headerValue(HttpHeaders.CONTENT_TYPE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ContentType.parse(value).getMimeType();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The announced length in bytes, or -1 when the answer is chunked. */
    public long contentLength() {
        return entity == null ? 0 : entity.getContentLength();
    }

    /**
     * The file name of {@code Content-Disposition}: {@code filename*} (RFC 6266, UTF-8 or ISO-8859-1) before
     * {@code filename}; null when the answer names none.
     */
    public String fileName() {
        String disposition = headerValue("Content-Disposition");
        if (disposition == null) {
            return null;
        }
        String plain = null;
        for (String param : parameters(disposition)) {
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(param.substring(eq + 1).trim());
            if (name.equals("filename*")) {
                String extended = extended(value);
                if (extended != null && !extended.isBlank()) {
                    return extended;
                }
            } else if (name.equals("filename") && !value.isBlank()) {
                plain = value;
            }
        }
        return plain;
    }

    /** The bytes the body must have; Jira's attachment metadata says how many. */
    public void expectLength(long bytes) {
        this.expected = bytes;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        checkOpen();
        if (ended) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            end();
            return -1;
        }
        counted(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkOpen();
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            end();
            return -1;
        }
        counted(n);
        return n;
    }

    @Override
    public int available() throws IOException {
        return closed || ended ? 0 : in.available();
    }

    /** Gives the connection back when the body was read to its end, else closes it without reading the rest. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ended) {
            abort();
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("The content of " + what + " was closed");
        }
    }

    private void counted(int n) throws IOException {
        count += n;
        if (expected >= 0 && count > expected) {
            abort();
            throw new IOException("The content of " + what + " runs past the " + expected
                                  + " bytes Jira's metadata gives it");
        }
    }

    private void end() throws IOException {
        ended = true;
        if (expected >= 0 && count != expected) {
            abort();
            throw new IOException("The content of " + what + " ended after " + count + " bytes; Jira's metadata"
                                  + " gives it " + expected);
        }
        try {
            // read to its end: closing the response hands the connection back to the pool
            response.close();
        } catch (IOException ignored) {
            // the pool discards a connection it cannot reuse
        }
    }

    private void abort() {
        ended = true;
        if (response instanceof ModalCloseable modal) {
            modal.close(CloseMode.IMMEDIATE);
        } else {
            try {
                response.close();
            } catch (IOException ignored) {
                // nothing more can be done with it
            }
        }
    }

    private String headerValue(String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** The parameters after the disposition type, split on semicolons outside quotes. */
    private static List<String> parameters(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out.subList(1, out.size());
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    /** {@code charset'lang'percent-encoded}, as RFC 5987 writes it; null when it is not that. */
    private static String extended(String v) {
        int first = v.indexOf('\'');
        int second = first < 0 ? -1 : v.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        String charset = v.substring(0, first).trim();
        try {
            return URLDecoder.decode(v.substring(second + 1).replace("+", "%2B"),
                    charset.equalsIgnoreCase("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
