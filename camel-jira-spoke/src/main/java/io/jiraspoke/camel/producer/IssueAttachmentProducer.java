package io.jiraspoke.camel.producer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.FileNameMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraContent;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import io.jiraspoke.camel.model.JiraAttachment;
import io.jiraspoke.camel.model.JiraAttachmentStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.spi.InvokeOnHeader;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FormBodyPartBuilder;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * The attachment actions: upload to an issue, delete, the newest attachment of an issue, and the download of an
 * attachment's content. The download is the {@code attachment} family's only action and is served here with the
 * rest of the topic (metadata, content, file headers). Neither direction holds a file in memory: uploads stream the
 * body into the multipart request, downloads hand Jira's answer to the route as a stream.
 */
public class IssueAttachmentProducer extends JiraSpokeProducer {

    private static final String OCTET_STREAM = "application/octet-stream";
    /** Browsers send no charset on the multipart type; Jira's parsers would read the part headers in it. */
    private static final ContentType MULTIPART = ContentType.create("multipart/form-data", (Charset) null);
    private static final FileNameMap MIME_BY_NAME = URLConnection.getFileNameMap();
    private static final Pattern MIME_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    private static final String UPLOAD_BODY = "the file: byte[], String (in the exchange's charset), InputStream"
                                              + " (streamed once, never buffered; in a route, Camel's stream caching"
                                              + " copies a stream body before this step unless it is off for the"
                                              + " route), File or Path, or a file from file: (GenericFile). File name: header CamelJiraSpokeFileName,"
                                              + " option fileName, the file's own name, Camel's CamelFileName"
                                              + " header. MIME type: header CamelJiraSpokeContentType, option"
                                              + " contentType, probed from a file, Camel's Content-Type header,"
                                              + " guessed from the name, application/octet-stream.";

    public IssueAttachmentProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private AttachmentOptions options() {
        return getEndpoint().getAttachment();
    }

    /**
     * POST /rest/api/{3|2}/issue/{issueIdOrKey}/attachments: multipart/form-data with one part {@code file}, and
     * {@code X-Atlassian-Token: no-check}, without which Jira refuses the upload as a cross-site request.
     */
    @InvokeOnHeader("issue/addAttachment")
    @ActionDoc(body = UPLOAD_BODY,
               returns = "List<JiraAttachment>, as Jira answers (one attachment per uploaded file)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ATTACHMENT_ID,
                           JiraSpokeConstants.ATTACHMENT_COUNT })
    public List<JiraAttachment> addAttachment(Exchange exchange) {
        String key = issueKey(exchange, "issue/addAttachment");
        Upload upload = upload(exchange);
        JsonNode answer;
        try {
            answer = client().call(JiraRequest.post(dialect().api() + "/issue/" + JiraRequest.segment(key)
                                                    + "/attachments")
                    .header("X-Atlassian-Token", "no-check")
                    .entity(upload.entity())
                    .expect(JiraRequest.Expect.ARRAY));
        } finally {
            upload.close();
        }
        List<JiraAttachment> added = new ArrayList<>(answer.size());
        answer.forEach(a -> added.add(new JiraAttachment(a)));
        Message m = exchange.getMessage();
        m.setHeader(JiraSpokeConstants.ISSUE_KEY, key);
        m.setHeader(JiraSpokeConstants.ATTACHMENT_COUNT, added.size());
        if (added.isEmpty()) {
            m.removeHeader(JiraSpokeConstants.ATTACHMENT_ID);
        } else {
            m.setHeader(JiraSpokeConstants.ATTACHMENT_ID, added.get(0).getId());
        }
        return added;
    }

    /** DELETE /rest/api/{3|2}/attachment/{id}. */
    @InvokeOnHeader("issue/deleteAttachment")
    @ActionDoc(body = "a JiraAttachment, whose id is used when attachmentId is not set",
               returns = "the body as it was (Jira answers 204 No Content)",
               headers = { JiraSpokeConstants.ATTACHMENT_ID })
    public void deleteAttachment(Exchange exchange) {
        String id = attachmentId(exchange, "issue/deleteAttachment");
        if (id == null) {
            id = bodyAttachment(exchange, "issue/deleteAttachment").getId();
        }
        client().call(JiraRequest.delete(dialect().api() + "/attachment/" + JiraRequest.segment(id))
                .expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.ATTACHMENT_ID, id);
    }

    /**
     * GET /rest/api/{3|2}/issue/{issueIdOrKey}?fields=attachment, and the newest attachment of the answer: latest
     * {@code created}, the highest id among equal (or unreadable) times. An issue without attachments is a result,
     * not an error: the body is null and the count header 0.
     */
    @InvokeOnHeader("issue/latestAttachment")
    @ActionDoc(returns = "JiraAttachment, the newest; null when the issue has none (then CamelJiraSpokeAttachmentCount"
                         + " is 0 and CamelJiraSpokeAttachmentId is removed)",
               headers = { JiraSpokeConstants.ISSUE_KEY, JiraSpokeConstants.ATTACHMENT_ID,
                           JiraSpokeConstants.ATTACHMENT_COUNT })
    public void latestAttachment(Exchange exchange) {
        String key = issueKey(exchange, "issue/latestAttachment");
        JsonNode issue = client().call(JiraRequest.get(dialect().api() + "/issue/" + JiraRequest.segment(key))
                .query("fields", "attachment"));
        JsonNode list = issue.path("fields").path("attachment");
        JiraAttachment newest = null;
        int count = 0;
        if (list.isArray()) {
            for (JsonNode a : list) {
                if (a.isObject()) {
                    count++;
                    JiraAttachment candidate = new JiraAttachment(a);
                    if (newest == null || isNewer(candidate, newest)) {
                        newest = candidate;
                    }
                }
            }
        }
        Message m = exchange.getMessage();
        String issueKey = issue.path("key").asText("");
        m.setHeader(JiraSpokeConstants.ISSUE_KEY, issueKey.isEmpty() ? key : issueKey);
        m.setHeader(JiraSpokeConstants.ATTACHMENT_COUNT, count);
        if (newest == null) {
            m.removeHeader(JiraSpokeConstants.ATTACHMENT_ID);
        } else {
            m.setHeader(JiraSpokeConstants.ATTACHMENT_ID, newest.getId());
        }
        m.setBody(newest);
    }

    /**
     * The content of an attachment, streamed. By id: GET /rest/api/{3|2}/attachment/{id} for its metadata, then the
     * content as the dialect asks for it (Cloud: /rest/api/3/attachment/content/{id}, following its one redirect to
     * the media host without credentials; Data Center: /secure/attachment/{id}/{file name} below the base URL). By
     * URL: the URL itself, which must lie below the connection's base URL. A JiraAttachment body needs no metadata
     * call. A content whose length differs from the metadata's size fails.
     */
    @InvokeOnHeader("attachment/download")
    @ActionDoc(body = "a JiraAttachment (e.g. from issue/latestAttachment), used when neither attachmentId nor"
                      + " attachmentUrl is set",
               returns = "JiraAttachmentStream, an InputStream read from Jira as the route reads it. Read it within"
                         + " the exchange: it is closed when the exchange completes. With Camel's stream caching on"
                         + " (Camel's default) the next step copies it, into memory unless spooling is on: for large"
                         + " files turn stream caching off for the route, or list"
                         + " io.jiraspoke.camel.model.JiraAttachmentStream in its denyClasses",
               headers = { JiraSpokeConstants.ATTACHMENT_ID, JiraSpokeConstants.FILE_NAME,
                           JiraSpokeConstants.FILE_SIZE, JiraSpokeConstants.CONTENT_TYPE })
    public JiraAttachmentStream download(Exchange exchange) {
        String id = attachmentId(exchange, "attachment/download");
        String url = blankToNull(option(exchange, JiraSpokeConstants.ATTACHMENT_URL, options().getAttachmentUrl()));
        if (id != null && url != null) {
            throw new JiraSpokeInputException("attachment/download takes an attachment by id or by URL, not both:"
                                              + " option 'attachmentId' (header " + JiraSpokeConstants.ATTACHMENT_ID
                                              + ") and option 'attachmentUrl' (header "
                                              + JiraSpokeConstants.ATTACHMENT_URL + ") are both set");
        }
        JiraAttachment meta = null;
        String contentId = null;
        JiraRequest request;
        if (url != null) {
            request = dialect().attachmentContentAt(pathBelowBase(url));
        } else {
            if (id == null) {
                meta = bodyAttachment(exchange, "attachment/download");
            } else {
                meta = new JiraAttachment(client().call(JiraRequest.get(dialect().api() + "/attachment/"
                                                                        + JiraRequest.segment(id))));
            }
            contentId = meta.getId() != null ? meta.getId() : id;
            request = dialect().attachmentContent(contentId, meta);
        }
        JiraContent content = client().open(request);
        try {
            return stream(exchange, content, meta, contentId, request);
        } catch (RuntimeException e) {
            content.close();
            throw e;
        }
    }

    private JiraAttachmentStream stream(Exchange exchange, JiraContent content, JiraAttachment meta,
                                        String attachmentId, JiraRequest request) {
        Long size = meta != null ? meta.getSize() : null;
        long announced = content.contentLength();
        if (size != null && announced >= 0 && announced != size) {
            throw new JiraSpokeUnexpectedAnswerException(
                    "The content of attachment " + attachmentId + " (" + request.method() + " "
                                                         + request.pathAndQuery() + " on connection '"
                                                         + client().name() + "') has " + announced
                                                         + " bytes; Jira's metadata gives it " + size,
                    200, request.method(), request.pathAndQuery(), null);
        }
        if (size != null) {
            content.expectLength(size);
        }
        String fileName = meta != null && meta.getFilename() != null ? meta.getFilename() : content.fileName();
        String mimeType = meta != null && meta.getMimeType() != null ? meta.getMimeType() : content.contentType();
        Long bytes = size != null ? size : announced >= 0 ? Long.valueOf(announced) : null;
        JiraAttachmentStream body = new JiraAttachmentStream(content, attachmentId, fileName, bytes, mimeType);
        // a route that never reads the body must not keep the connection from the pool
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                content.close();
            }
        });
        Message m = exchange.getMessage();
        setOrRemove(m, JiraSpokeConstants.ATTACHMENT_ID, attachmentId);
        setOrRemove(m, JiraSpokeConstants.FILE_NAME, fileName);
        setOrRemove(m, JiraSpokeConstants.FILE_SIZE, bytes);
        setOrRemove(m, JiraSpokeConstants.CONTENT_TYPE, mimeType);
        return body;
    }

    private static void setOrRemove(Message m, String header, Object value) {
        if (value == null) {
            m.removeHeader(header);
        } else {
            m.setHeader(header, value);
        }
    }

    /** The path of a content URL relative to the base URL; any URL elsewhere is refused before anything is sent. */
    private String pathBelowBase(String url) {
        String path = client().pathUnderBase(url);
        if (path == null) {
            throw new JiraSpokeInputException("attachment/download refuses option 'attachmentUrl' (header "
                                              + JiraSpokeConstants.ATTACHMENT_URL + "): " + originOf(url)
                                              + " is not below the base URL of connection '" + client().name()
                                              + "' (" + client().http().baseUrl() + "), and the connection's"
                                              + " credentials go nowhere else. Give the attachment's id (option"
                                              + " 'attachmentId') instead");
        }
        return path;
    }

    /** Scheme, host, port and path of a URL for a message, never its user info or query. */
    private static String originOf(String url) {
        try {
            URI u = new URI(url.trim());
            return "the URL " + (u.getScheme() == null ? "" : u.getScheme() + "://") + (u.getHost() == null ? ""
                    : u.getHost()) + (u.getPort() >= 0 ? ":" + u.getPort() : "")
                   + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (URISyntaxException e) {
            return "a text that is no URL";
        }
    }

    private String attachmentId(Exchange exchange, String action) {
        String id = blankToNull(option(exchange, JiraSpokeConstants.ATTACHMENT_ID, options().getAttachmentId()));
        if (id != null && !id.chars().allMatch(Character::isDigit)) {
            throw new JiraSpokeInputException(action + ": option 'attachmentId' (header "
                                              + JiraSpokeConstants.ATTACHMENT_ID + ") must be the numeric id of an"
                                              + " attachment, such as 10001, was '" + id + "'");
        }
        return id;
    }

    private static JiraAttachment bodyAttachment(Exchange exchange, String action) {
        Object body = exchange.getIn().getBody();
        if (body instanceof JiraAttachment a && a.getId() != null) {
            return a;
        }
        String more = action.equals("attachment/download") ? ", option 'attachmentUrl' (header "
                                                             + JiraSpokeConstants.ATTACHMENT_URL + ")" : "";
        throw new JiraSpokeInputException(action + " needs an attachment: set option 'attachmentId' (header "
                                          + JiraSpokeConstants.ATTACHMENT_ID + ")" + more
                                          + ", or send a JiraAttachment with an id in the body");
    }

    private String issueKey(Exchange exchange, String action) {
        String key = option(exchange, JiraSpokeConstants.ISSUE_KEY, getEndpoint().getIssue().getIssueKey());
        if (key == null || key.isBlank()) {
            throw new JiraSpokeInputException(action + " needs an issue: set option 'issueKey' or header "
                                              + JiraSpokeConstants.ISSUE_KEY);
        }
        return key;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // newest

    private static boolean isNewer(JiraAttachment a, JiraAttachment than) {
        Instant x = a.getCreated() == null ? null : a.getCreated().toInstant();
        Instant y = than.getCreated() == null ? null : than.getCreated().toInstant();
        if (x != null && y != null && !x.equals(y)) {
            return x.isAfter(y);
        }
        if (x == null != (y == null)) {
            return x != null;
        }
        return compareIds(a.getId(), than.getId()) > 0;
    }

    /** Numeric ids by value (longer is larger), anything else as text after them. */
    private static int compareIds(String a, String b) {
        boolean na = a != null && !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean nb = b != null && !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            String x = withoutLeadingZeros(a);
            String y = withoutLeadingZeros(b);
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        if (na != nb) {
            return na ? 1 : -1;
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    // upload

    /** The multipart request of an upload, and the stream to close after it (a body stream Camel does not own). */
    private record Upload(HttpEntity entity, InputStream owned) {

        void close() {
            if (owned != null) {
                try {
                    owned.close();
                } catch (IOException ignored) {
                    // it was read to its end or abandoned; either way nothing more goes through it
                }
            }
        }
    }

    private Upload upload(Exchange exchange) {
        Message in = exchange.getIn();
        Object body = in.getBody();
        if (body instanceof WrappedFile<?> wrapped) {
            body = wrapped.getFile() instanceof File f ? f : wrapped.getBody();
        }
        if (body instanceof File f) {
            body = f.toPath();
        }
        if (body == null) {
            throw new JiraSpokeInputException("issue/addAttachment needs the file to upload in the message body"
                                              + " (bytes, text, an InputStream, a File or Path, or a file from"
                                              + " file:), and the body is empty");
        }
        Path path = body instanceof Path p ? p : null;
        if (path != null && !(Files.isRegularFile(path) && Files.isReadable(path))) {
            throw new JiraSpokeInputException("issue/addAttachment cannot read the file of the message body: " + path
                                              + " is not a readable file");
        }
        String name = fileName(exchange, path);
        ContentType type = contentType(exchange, path, name);
        ContentBody part;
        InputStream owned = null;
        if (path != null) {
            try {
                part = new PathBody(path, type, name, Files.size(path));
            } catch (IOException e) {
                throw new JiraSpokeInputException("issue/addAttachment cannot read the size of " + path + ": "
                                                  + e.getMessage());
            }
        } else if (body instanceof byte[] bytes) {
            part = new ByteArrayBody(bytes, type, name);
        } else if (body instanceof CharSequence text) {
            part = new ByteArrayBody(text.toString().getBytes(charset(exchange)), type, name);
        } else {
            InputStream stream = body instanceof InputStream s ? s
                    : exchange.getContext().getTypeConverter().convertTo(InputStream.class, exchange, body);
            if (stream == null) {
                throw new JiraSpokeInputException("issue/addAttachment cannot upload a message body of type "
                                                  + body.getClass().getName() + ": send bytes, text, an"
                                                  + " InputStream, a File or Path, or a file from file:");
            }
            // no length: a part of known length would make the request pass for repeatable
            part = new InputStreamBody(stream, type, name);
            owned = stream instanceof StreamCache ? null : stream;
        }
        HttpEntity entity = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setCharset(StandardCharsets.UTF_8)
                .setContentType(MULTIPART)
                .addPart(FormBodyPartBuilder.create("file", part)
                        .setField("Content-Disposition", "form-data; name=\"file\"; filename=\"" + quoted(name) + "\"")
                        .build())
                .build();
        return new Upload(entity, owned);
    }

    private String fileName(Exchange exchange, Path path) {
        String name = blankToNull(option(exchange, JiraSpokeConstants.FILE_NAME, options().getFileName()));
        if (name == null && path != null && path.getFileName() != null) {
            name = path.getFileName().toString();
        }
        if (name == null) {
            String camel = blankToNull(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class));
            if (camel != null) {
                // Camel's file name is relative to the consumer's directory: Jira takes a name, not a path
                String last = camel.substring(Math.max(camel.lastIndexOf('/'), camel.lastIndexOf('\\')) + 1);
                name = blankToNull(last);
            }
        }
        if (name == null) {
            throw new JiraSpokeInputException("issue/addAttachment needs a file name for a body of type "
                                              + exchange.getIn().getBody().getClass().getName()
                                              + ": set option 'fileName' or header "
                                              + JiraSpokeConstants.FILE_NAME + " (or Camel's " + Exchange.FILE_NAME
                                              + ")");
        }
        return name;
    }

    private ContentType contentType(Exchange exchange, Path path, String name) {
        String explicit = blankToNull(option(exchange, JiraSpokeConstants.CONTENT_TYPE, options().getContentType()));
        if (explicit != null) {
            ContentType t = parse(explicit);
            if (t == null) {
                throw new JiraSpokeInputException("issue/addAttachment: option 'contentType' (header "
                                                  + JiraSpokeConstants.CONTENT_TYPE + ") must be a MIME type such"
                                                  + " as application/pdf, was '" + explicit + "'");
            }
            return t;
        }
        String found = null;
        if (path != null) {
            try {
                found = Files.probeContentType(path);
            } catch (IOException | SecurityException unprobed) {
                found = null;
            }
        }
        ContentType t = found == null ? null : parse(found);
        if (t == null) {
            t = parse(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
        }
        if (t == null) {
            t = parse(MIME_BY_NAME.getContentTypeFor(name));
        }
        return t != null ? t : ContentType.create(OCTET_STREAM);
    }

    /** A MIME type with its parameters; null for anything that is not type/subtype. */
    private static ContentType parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            ContentType t = ContentType.parse(value.trim());
            String mime = t == null ? null : t.getMimeType();
            return mime != null && MIME_TYPE.matcher(mime).matches() ? t : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Charset charset(Exchange exchange) {
        String name = exchange.getProperty(Exchange.CHARSET_NAME, String.class);
        return name != null ? Charset.forName(name) : StandardCharsets.UTF_8;
    }

    /** The file name as browsers put it in a quoted parameter: UTF-8 as is, quote and line breaks escaped. */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A file part that opens its path at each write, so that the request can be repeated; any file system. */
    private static final class PathBody extends AbstractContentBody {

        private final Path path;
        private final String filename;
        private final long length;

        PathBody(Path path, ContentType type, String filename, long length) {
            super(type);
            this.path = path;
            this.filename = filename;
            this.length = length;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Files.copy(path, out);
        }
    }
}
