package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the attachment actions (issue/addAttachment, issue/deleteAttachment,
 * attachment/download; issue/latestAttachment reads only issueKey). Each can be overridden per message by the header
 * {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class AttachmentOptions {

    @UriParam(label = "producer", description = "The attachment to delete or download, by id (e.g. 10001).")
    private String attachmentId;
    @UriParam(label = "producer", description = "The attachment to download, by its content URL as Jira gives it"
                                                + " (e.g. https://jira.example.com/secure/attachment/10001/build.log)."
                                                + " It must lie below the connection's base URL: no request goes"
                                                + " elsewhere with the connection's credentials.")
    private String attachmentUrl;
    @UriParam(label = "producer", description = "The file name of an upload. Default: the name of a file body, else"
                                                + " Camel's CamelFileName header (without directories).")
    private String fileName;
    @UriParam(label = "producer", description = "The MIME type of an upload (e.g. application/pdf). Default: probed"
                                                + " from a file body, else Camel's Content-Type header, else guessed"
                                                + " from the file name, else application/octet-stream.")
    private String contentType;

    public String getAttachmentId() {
        return attachmentId;
    }

    public void setAttachmentId(String attachmentId) {
        this.attachmentId = attachmentId;
    }

    public String getAttachmentUrl() {
        return attachmentUrl;
    }

    public void setAttachmentUrl(String attachmentUrl) {
        this.attachmentUrl = attachmentUrl;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }
}
