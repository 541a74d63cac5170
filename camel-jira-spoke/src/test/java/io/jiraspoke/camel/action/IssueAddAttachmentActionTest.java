package io.jiraspoke.camel.action;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.model.JiraAttachment;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue/addAttachment: the multipart request Jira takes (one part {@code file}, its file name and MIME type,
 * {@code X-Atlassian-Token: no-check}), the file name and type from headers, options and the file itself, each body
 * type (bytes, text, stream, File, Path, a file from {@code file:}), and a stream that is never sent twice.
 */
class IssueAddAttachmentActionTest extends ActionTestSupport {

    private static final String REPORT = "Prüfbericht: 42 Tests, alle grün ✓\n";

    @TempDir
    Path dir;

    private void stubUpload(Flavor f) {
        jira.stubFor(post(urlEqualTo(f.api + "/issue/PROJ-123/attachments"))
                .willReturn(okJson(f.fixture("attachments-added"))));
    }

    private LoggedRequest upload() {
        List<LoggedRequest> sent = jira.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private static Request.Part filePart(LoggedRequest r) {
        assertThat(r.getParts()).as("multipart parts").hasSize(1);
        Request.Part part = r.getParts().iterator().next();
        assertThat(part.getName()).isEqualTo("file");
        return part;
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void bytesGoAsTheFilePartWithTheNameAndTypeOfTheOptionsAndTheTokenHeader(Flavor f) throws Exception {
        stubUpload(f);
        start(f);

        Exchange ex = send(uri(f, "issue/addAttachment", "issueKey=PROJ-123&fileName=RAW(Prüfbericht ✓.txt)"
                                                         + "&contentType=RAW(text/plain; charset=UTF-8)"),
                REPORT.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(ex.getException()).isNull();
        LoggedRequest r = upload();
        assertThat(r.getHeader("X-Atlassian-Token")).isEqualTo("no-check");
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
        // no charset parameter: Jira's multipart parsers would read the part headers in it
        assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=")
                .doesNotContain("charset");
        // bytes have a length, so the request has one and may be repeated
        assertThat(r.getHeader("Content-Length")).isNotNull();
        Request.Part part = filePart(r);
        assertThat(part.getHeader("Content-Disposition").firstValue())
                .isEqualTo("form-data; name=\"file\"; filename=\"Prüfbericht ✓.txt\"");
        assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(part.getBody().asBytes()).isEqualTo(REPORT.getBytes(StandardCharsets.UTF_8));

        @SuppressWarnings("unchecked")
        List<JiraAttachment> added = ex.getMessage().getBody(List.class);
        assertThat(added).hasSize(1);
        JiraAttachment a = added.get(0);
        assertThat(a.getFilename()).isEqualTo("Prüfbericht ✓.txt");
        assertThat(a.getSize()).isEqualTo(42L);
        assertThat(a.getMimeType()).isEqualTo("text/plain");
        assertThat(a.getThumbnail()).isNull();
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY)).isEqualTo("PROJ-123");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_COUNT)).isEqualTo(1);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID)).isEqualTo(a.getId());
        if (f == Flavor.CLOUD) {
            assertThat(a.getId()).isEqualTo("10001");
            // Cloud answers an upload's time in epoch milliseconds
            assertThat(a.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 10, 25, 30, 0, ZoneOffset.UTC));
            assertThat(a.getAuthor().getAccountId()).isEqualTo("712020:5b4f0e6a-2c1d-4e8f-9a7b-3c2d1e0f9a8b");
            assertThat(a.getContent()).isEqualTo("https://example.atlassian.net/rest/api/3/attachment/content/10001");
        } else {
            assertThat(a.getId()).isEqualTo("20001");
            assertThat(a.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 28, 11, 25, 30, 0, ZoneOffset.ofHours(1)));
            assertThat(a.getAuthor().getName()).isEqualTo("svc-camel");
            assertThat(a.getSelf()).isEqualTo("https://jira.example.com/jira/rest/api/2/attachment/20001");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aStreamIsSentChunkedAndNamedByCamelsFileNameHeaderWithoutItsDirectories(Flavor f) throws Exception {
        stubUpload(f);
        start(f);

        Exchange ex = send(uri(f, "issue/addAttachment", "issueKey=PROJ-123"),
                new ByteArrayInputStream(REPORT.getBytes(StandardCharsets.UTF_8)),
                Map.of(Exchange.FILE_NAME, "reports/2026/final report.pdf"));

        assertThat(ex.getException()).isNull();
        LoggedRequest r = upload();
        // a stream of unknown length is never buffered to learn it
        assertThat(r.getHeader("Content-Length")).isNull();
        assertThat(r.getHeader("Transfer-Encoding")).isEqualTo("chunked");
        Request.Part part = filePart(r);
        assertThat(part.getHeader("Content-Disposition").firstValue()).endsWith("filename=\"final report.pdf\"");
        // guessed from the name, as nothing else says
        assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
        assertThat(part.getBody().asString()).isEqualTo(REPORT);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aFileIsNamedAndTypedByItselfAndSentWithItsLength(Flavor f) throws Exception {
        Path png = dir.resolve("screen shot.png");
        byte[] bytes = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
        Files.write(png, bytes);
        stubUpload(f);
        start(f);

        // Camel's headers describe where the exchange came from; the file knows what it is
        Exchange ex = send(uri(f, "issue/addAttachment", "issueKey=PROJ-123"), png.toFile(),
                Map.of(Exchange.FILE_NAME, "input.csv", Exchange.CONTENT_TYPE, "text/csv"));

        assertThat(ex.getException()).isNull();
        LoggedRequest r = upload();
        assertThat(r.getHeader("Content-Length")).isNotNull();
        Request.Part part = filePart(r);
        assertThat(part.getHeader("Content-Disposition").firstValue()).endsWith("filename=\"screen shot.png\"");
        assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("image/png");
        assertThat(part.getBody().asBytes()).isEqualTo(bytes);
    }

    @Test
    void aPathTakesItsNameAndHeadersOverrideTheOptions() throws Exception {
        Path log = dir.resolve("build.log");
        Files.writeString(log, "BUILD SUCCESS\n");
        stubUpload(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "issueKey=PROJ-1&fileName=other.txt"
                                                                    + "&contentType=text/csv"),
                log, Map.of(JiraSpokeConstants.ISSUE_KEY, "PROJ-123", JiraSpokeConstants.FILE_NAME, "build-4711.log",
                        JiraSpokeConstants.CONTENT_TYPE, "text/x-log"));

        assertThat(ex.getException()).isNull();
        Request.Part part = filePart(upload());
        assertThat(part.getHeader("Content-Disposition").firstValue()).endsWith("filename=\"build-4711.log\"");
        assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("text/x-log");
        assertThat(part.getBody().asString()).isEqualTo("BUILD SUCCESS\n");
    }

    @Test
    void textGoesInTheExchangesCharsetAndCamelsContentTypeTypesIt() throws Exception {
        stubUpload(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = template.send(uri(Flavor.DC, "issue/addAttachment", "issueKey=PROJ-123&fileName=liste.csv"), e -> {
            e.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
            e.getIn().setBody("Größe;Preis\n");
            e.getIn().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=ISO-8859-1");
        });

        assertThat(ex.getException()).isNull();
        Request.Part part = filePart(upload());
        assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("text/csv; charset=ISO-8859-1");
        assertThat(part.getBody().asBytes()).isEqualTo("Größe;Preis\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aFileFromTheFileComponentIsUploadedByName() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("notes.txt"), "first line\n");
        stubUpload(Flavor.CLOUD);
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?noop=true&initialDelay=0&delay=50")
                        .to("jiraspoke:issue/addAttachment?connection=cloud&issueKey=PROJ-123").to("mock:done");
            }
        });
        NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();

        assertThat(done.matches(10, TimeUnit.SECONDS)).as("the file was routed").isTrue();
        MockEndpoint mock = context.getEndpoint("mock:done", MockEndpoint.class);
        assertThat(mock.getExchanges()).hasSize(1);
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID))
                .isEqualTo("10001");
        LoggedRequest r = upload();
        assertThat(r.getHeader("Content-Length")).isNotNull();
        Request.Part part = filePart(r);
        assertThat(part.getHeader("Content-Disposition").firstValue()).endsWith("filename=\"notes.txt\"");
        assertThat(part.getHeader("Content-Type").firstValue()).isEqualTo("text/plain");
        assertThat(part.getBody().asString()).isEqualTo("first line\n");
    }

    @Test
    void aStreamAnswered429IsNotSentAgain() throws Exception {
        jira.stubFor(post(urlEqualTo("/rest/api/3/issue/PROJ-123/attachments")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "0")
                .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}")));
        start(Flavor.CLOUD);
        CountingStream body = new CountingStream(REPORT.getBytes(StandardCharsets.UTF_8));

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "issueKey=PROJ-123&fileName=report.txt"), body,
                Map.of());

        JiraSpokeRateLimitedException e = failure(ex, JiraSpokeRateLimitedException.class);
        assertThat(e.getMessage()).contains("429", "cannot be sent again");
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(body.closed).as("the body stream is closed after the upload").isTrue();
    }

    @Test
    void aFileAnswered429IsSentAgainWhole() throws Exception {
        Path log = dir.resolve("build.log");
        Files.writeString(log, "BUILD SUCCESS\n");
        stubRateLimitedOnce(() -> post(urlEqualTo("/rest/api/3/issue/PROJ-123/attachments")),
                okJson(json("cloud-attachments-added.json")), 0);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "issueKey=PROJ-123"), log.toFile(), Map.of());

        assertThat(ex.getException()).isNull();
        List<LoggedRequest> sent = jira.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(2);
        assertThat(filePart(sent.get(1)).getBody().asString()).isEqualTo("BUILD SUCCESS\n");
        assertThat(sent.get(1).getBody()).isEqualTo(sent.get(0).getBody());
    }

    @Test
    void aStreamWithoutAnyFileNameIsRefused() throws Exception {
        stubUpload(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "issueKey=PROJ-123"),
                new ByteArrayInputStream(new byte[] { 1, 2, 3 }), Map.of());

        assertRefusedLocally(ex, "issue/addAttachment", "file name", "'fileName'", JiraSpokeConstants.FILE_NAME,
                Exchange.FILE_NAME);
    }

    @Test
    void aMalformedContentTypeIsRefused() throws Exception {
        stubUpload(Flavor.DC);
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "issue/addAttachment", "issueKey=PROJ-123&fileName=a.bin"),
                new byte[] { 1 }, Map.of(JiraSpokeConstants.CONTENT_TYPE, "pdf"));

        assertRefusedLocally(ex, "'contentType'", JiraSpokeConstants.CONTENT_TYPE, "'pdf'");
    }

    @Test
    void aMissingFileIsRefused() throws Exception {
        stubUpload(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "issueKey=PROJ-123"),
                new File(dir.toFile(), "gone.txt"), Map.of());

        assertRefusedLocally(ex, "issue/addAttachment", "gone.txt", "not a readable file");
    }

    @Test
    void aBodyThatIsNoFileIsRefusedByType() throws Exception {
        stubUpload(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "issueKey=PROJ-123&fileName=a.json"),
                Map.of("summary", "not a file"), Map.of());

        assertRefusedLocally(ex, "issue/addAttachment", "cannot upload a message body of type", "Map");
    }

    @Test
    void anIssueIsNeeded() throws Exception {
        stubUpload(Flavor.CLOUD);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "fileName=a.txt"), new byte[] { 1 }, Map.of());

        assertRefusedLocally(ex, "issue/addAttachment", "'issueKey'", JiraSpokeConstants.ISSUE_KEY);
    }

    @Test
    void jiraRefusingTheSizeIsAnErrorAfterOneRequest() throws Exception {
        // 413 as Jira answers an upload over the attachment size limit
        jira.stubFor(post(urlEqualTo("/rest/api/3/issue/PROJ-123/attachments")).willReturn(aResponse().withStatus(413)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"The file is too large.\"],\"errors\":{}}")));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/addAttachment", "issueKey=PROJ-123&fileName=big.bin"),
                new byte[1024], Map.of());

        assertThat(ex.getException()).isNotNull();
        assertThat(ex.getException().getMessage()).contains("413", "The file is too large.");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID)).isNull();
        jira.verify(1, WireMock.postRequestedFor(urlEqualTo("/rest/api/3/issue/PROJ-123/attachments")));
    }

    /** A body stream that knows whether it was closed. */
    private static final class CountingStream extends InputStream {

        private final ByteArrayInputStream in;
        boolean closed;

        CountingStream(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
