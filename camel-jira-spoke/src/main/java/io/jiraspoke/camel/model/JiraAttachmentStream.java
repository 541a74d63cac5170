package io.jiraspoke.camel.model;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * The content of an attachment as attachment/download puts it in the message body: a stream read straight from
 * Jira (or its media host), never held in memory, with the attachment's id, file name, size and MIME type. Reading
 * it to its end, or closing it, frees the HTTP connection; so does the end of the exchange, if the route never read
 * it. It can be read once: Camel's stream caching, when on, copies it before the next step (into memory unless
 * spooling is on), which a route handling large files avoids by turning caching off for the route or by listing
 * this class in the stream caching strategy's {@code denyClasses}.
 */
public final class JiraAttachmentStream extends FilterInputStream {

    private final String attachmentId;
    private final String fileName;
    private final Long size;
    private final String mimeType;

    public JiraAttachmentStream(InputStream content, String attachmentId, String fileName, Long size,
                                String mimeType) {
        super(content);
        this.attachmentId = attachmentId;
        this.fileName = fileName;
        this.size = size;
        this.mimeType = mimeType;
    }

    /** The attachment id; null when the download went by URL. */
    public String getAttachmentId() {
        return attachmentId;
    }

    /** The file name, from Jira's metadata or the answer's {@code Content-Disposition}; null when neither said. */
    public String getFileName() {
        return fileName;
    }

    /** The size in bytes, from Jira's metadata or the answer's length; null when neither said. */
    public Long getSize() {
        return size;
    }

    /** The MIME type, from Jira's metadata or the answer's {@code Content-Type}; null when neither said. */
    public String getMimeType() {
        return mimeType;
    }

    @Override
    public String toString() {
        return "JiraAttachmentStream[" + attachmentId + ", " + fileName + ", " + size + " bytes]";
    }
}
