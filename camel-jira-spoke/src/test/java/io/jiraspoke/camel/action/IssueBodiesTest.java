package io.jiraspoke.camel.action;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies go through Camel's type converters as Camel users expect: a file from {@code file:}, a path, a reader, and
 * bytes in the exchange's charset are read like the JSON text or the description they hold.
 */
class IssueBodiesTest extends ActionTestSupport {

    static final String CREATED = "{\"id\":\"10000\",\"key\":\"PROJ-1\",\"self\":\"https://example.atlassian.net/rest/api/3/issue/10000\"}";
    static final String FIELDS = "{\"project\":{\"key\":\"PROJ\"},\"issuetype\":{\"name\":\"Bug\"},"
                                 + "\"summary\":\"Zahlung schl\u00e4gt fehl\",\"labels\":[\"checkout\"]}";

    @TempDir
    Path dir;

    void stubCreate() {
        jira.stubFor(post(urlEqualTo("/rest/api/3/issue")).willReturn(created(CREATED)));
    }

    void assertFieldsSent() {
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue"))
                .withRequestBody(equalToJson("{\"fields\":" + FIELDS + "}")));
    }

    @Test
    void aJsonFileFromAFileConsumerIsTheFields() throws Exception {
        stubCreate();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=10&delete=true").routeId("files")
                        .to("jiraspoke:issue/create?connection=cloud").to("mock:created");
            }
        });
        MockEndpoint created = context.getEndpoint("mock:created", MockEndpoint.class);
        created.expectedMessageCount(1);

        Files.writeString(inbox.resolve("bug.json"), FIELDS, StandardCharsets.UTF_8);

        created.assertIsSatisfied(10_000);
        assertFieldsSent();
        assertThat(created.getReceivedExchanges().get(0).getMessage().getBody(JiraIssue.class).getKey())
                .isEqualTo("PROJ-1");
    }

    @Test
    void aPathBodyIsReadLikeTheFileItNames() throws Exception {
        stubCreate();
        Path file = Files.writeString(dir.resolve("bug.json"), FIELDS, StandardCharsets.UTF_8);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", ""), file, Map.of());

        assertThat(ex.getException()).isNull();
        assertFieldsSent();
    }

    @Test
    void aReaderBodyIsRead() throws Exception {
        stubCreate();
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", ""), new StringReader(FIELDS), Map.of());

        assertThat(ex.getException()).isNull();
        assertFieldsSent();
    }

    @Test
    void bytesAreReadInTheCharsetTheExchangeNames() throws Exception {
        stubCreate();
        start(Flavor.CLOUD);

        Exchange ex = template.send(uri(Flavor.CLOUD, "issue/create", ""), e -> {
            e.getIn().setBody(FIELDS.getBytes(StandardCharsets.ISO_8859_1));
            e.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
        });

        assertThat(ex.getException()).isNull();
        assertFieldsSent();
    }

    @Test
    void bytesWithoutACharsetAreUtf8() throws Exception {
        stubCreate();
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", ""), FIELDS.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(ex.getException()).isNull();
        assertFieldsSent();
    }

    @Test
    void aPlainTextFileIsTheDescription() throws Exception {
        stubCreate();
        Path file = Files.writeString(dir.resolve("steps.txt"), "Open the basket.\nPay.", StandardCharsets.UTF_8);
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "issue/create", "projectKey=PROJ&issueType=Bug&summary=Fails"),
                file.toFile(), Map.of());

        assertThat(ex.getException()).isNull();
        jira.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue"))
                .withRequestBody(equalToJson("{\"fields\":{\"project\":{\"key\":\"PROJ\"},\"issuetype\":{\"name\":"
                                             + "\"Bug\"},\"summary\":\"Fails\",\"description\":{\"type\":\"doc\","
                                             + "\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":["
                                             + "{\"type\":\"text\",\"text\":\"Open the basket.\"},{\"type\":"
                                             + "\"hardBreak\"},{\"type\":\"text\",\"text\":\"Pay.\"}]}]}}}")));
    }
}
