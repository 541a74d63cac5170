package io.jiraspoke.camel.action;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.error.JiraSpokeRedirectException;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import io.jiraspoke.camel.model.JiraAttachment;
import io.jiraspoke.camel.model.JiraAttachmentStream;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * attachment/download. Cloud: metadata, then the content endpoint's 303 to the media host, followed once and without
 * the Authorization header; every other redirect (to a third host, back to Jira, from the media host on) is an error
 * and reaches no one. Data Center: the content servlet below the base URL (context path included) with the
 * connection's credentials, never a redirect. A URL that is not below the base URL is refused with nothing sent.
 * The content is a stream the route reads; the connection is freed when the exchange ends unread; a size other than
 * the metadata's fails; Camel's stream caching copies the stream unless told not to.
 *
 * <p>WireMock plays both Jira ({@code localhost}) and the media host ({@code 127.0.0.1}) on one port.
 */
class AttachmentDownloadActionTest extends ActionTestSupport {

    private static final String BUILD_LOG = "Build 4711 passed: 318 tests, 0 failures.\n";
    private static final String MEDIA_TOKEN = "MEDIA-S3CRET-TOKEN";
    private static final String MEDIA_PATH = "/file/3f5a7c1e-9b2d-4e8f-a1c3-5d7e9f0b2a4c/binary";
    private static final String MEDIA_QUERY = "?token=" + MEDIA_TOKEN + "&client=a2f4c6e8&collection=contentId-10123"
                                              + "&dl=true&max-age=2592000";
    private static final String CONTENT = "/rest/api/3/attachment/content/10001";
    private static final String DC_CONTENT = "/jira/secure/attachment/20001/Pr%C3%BCfbericht+%E2%9C%93.txt";

    private WireMockServer other;
    private volatile Object readType;
    private volatile byte[] read;

    @BeforeEach
    void startOtherHost() {
        other = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        other.start();
        other.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("not Jira's")));
    }

    @AfterEach
    void stopOtherHost() {
        other.stop();
    }

    private String media() {
        return "http://127.0.0.1:" + jira.port();
    }

    /** Cloud, with the media host this test plays. */
    private JiraSpokeConnection cloudWithMedia() {
        JiraSpokeConnection c = cloud();
        c.setMediaHosts(media());
        return c;
    }

    /** Data Center installed under /jira. */
    private JiraSpokeConnection dataCenter() {
        return JiraSpokeConnection.personalAccessToken(jira.baseUrl() + "/jira", DC_PAT);
    }

    /** direct:in to the endpoint, then a step that reads the body to its end. */
    private void startReading(JiraSpokeConnection connection, String uri, boolean streamCaching) throws Exception {
        start(Map.of("jira", connection), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").streamCache(String.valueOf(streamCaching)).to(uri).process(e -> {
                    Object body = e.getIn().getBody();
                    readType = body.getClass();
                    try (InputStream in = (InputStream) body) {
                        read = in.readAllBytes();
                    }
                });
            }
        });
    }

    private Exchange download(Object body, Map<String, Object> headers) {
        return template.send("direct:in", e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new HashMap<>(headers));
        });
    }

    private void stubCloudMetadataAndRedirect() {
        jira.stubFor(get(urlEqualTo("/rest/api/3/attachment/10001")).willReturn(okJson(json("cloud-attachment-10001.json"))));
        jira.stubFor(get(urlEqualTo(CONTENT)).willReturn(aResponse().withStatus(303)
                .withHeader("Location", media() + MEDIA_PATH + MEDIA_QUERY)));
    }

    /** As the media host answers: with a length (WireMock would send it chunked otherwise). */
    private static ResponseDefinitionBuilder mediaContent(String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withHeader("Content-Length", String.valueOf(text.getBytes(StandardCharsets.UTF_8).length))
                .withHeader("Content-Disposition", "attachment; filename=\"build.log\"; filename*=UTF-8''build.log")
                .withBody(text);
    }

    private int requestsTo(String host) {
        return (int) jira.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> r.getHeader("Host").startsWith(host + ":")).count();
    }

    @Test
    void cloudFollowsTheContentRedirectToTheMediaHostWithoutCredentials() throws Exception {
        stubCloudMetadataAndRedirect();
        jira.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(mediaContent(BUILD_LOG)));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(readType).isEqualTo(JiraAttachmentStream.class);
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(BUILD_LOG);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID)).isEqualTo("10001");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FILE_NAME)).isEqualTo("build.log");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FILE_SIZE)).isEqualTo(42L);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.CONTENT_TYPE)).isEqualTo("text/plain");
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLOUD_EMAIL + ":" + CLOUD_API_TOKEN).getBytes(StandardCharsets.UTF_8));
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/3/attachment/10001"))
                .withHeader("Authorization", equalTo(basic)));
        jira.verify(1, getRequestedFor(urlEqualTo(CONTENT)).withHeader("Authorization", equalTo(basic))
                .withHeader("Host", equalTo("localhost:" + jira.port())));
        // the redirect URL carries its own token; the connection's credentials stay with Jira
        jira.verify(1, getRequestedFor(urlEqualTo(MEDIA_PATH + MEDIA_QUERY))
                .withHeader("Host", equalTo("127.0.0.1:" + jira.port()))
                .withHeader("Authorization", absent())
                .withHeader("Accept", equalTo("*/*"))
                .withHeader("Accept-Encoding", equalTo("identity")));
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    }

    @Test
    void aRedirectToAThirdHostIsAnErrorAndReachesNoOne() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/3/attachment/10001")).willReturn(okJson(json("cloud-attachment-10001.json"))));
        jira.stubFor(get(urlEqualTo(CONTENT)).willReturn(aResponse().withStatus(303)
                .withHeader("Location", other.baseUrl() + MEDIA_PATH + MEDIA_QUERY)));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        JiraSpokeRedirectException e = failure(ex, JiraSpokeRedirectException.class);
        assertThat(e.getStatus()).isEqualTo(303);
        assertThat(e.getPath()).isEqualTo(CONTENT);
        assertThat(e.getTargetOrigin()).isEqualTo(other.baseUrl());
        assertThat(e.getMessage()).contains("303", "GET " + CONTENT, other.baseUrl(), "mediaHosts")
                .doesNotContain(MEDIA_TOKEN);
        assertThat(other.getAllServeEvents()).isEmpty();
        assertThat(ex.getMessage().getHeaders()).doesNotContainKey(JiraSpokeConstants.FILE_NAME);
    }

    @Test
    void aRedirectBackToJiraIsNotFollowed() throws Exception {
        jira.stubFor(get(urlEqualTo("/rest/api/3/attachment/10001")).willReturn(okJson(json("cloud-attachment-10001.json"))));
        jira.stubFor(get(urlEqualTo(CONTENT)).willReturn(aResponse().withStatus(303)
                .withHeader("Location", jira.baseUrl() + CONTENT)));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        JiraSpokeRedirectException e = failure(ex, JiraSpokeRedirectException.class);
        assertThat(e.getTargetOrigin()).isEqualTo(jira.baseUrl());
        jira.verify(1, getRequestedFor(urlEqualTo(CONTENT)));
    }

    @Test
    void theMediaHostRedirectingAgainIsAnError() throws Exception {
        stubCloudMetadataAndRedirect();
        jira.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(aResponse().withStatus(303)
                .withHeader("Location", media() + MEDIA_PATH + MEDIA_QUERY)));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        JiraSpokeRedirectException e = failure(ex, JiraSpokeRedirectException.class);
        assertThat(e.getMessage()).contains("media host", "303").doesNotContain(MEDIA_TOKEN);
        assertThat(e.getPath()).isEqualTo(CONTENT);
        assertThat(requestsTo("127.0.0.1")).as("requests to the media host").isEqualTo(1);
    }

    @Test
    void withTheDefaultMediaHostsNoOtherHostIsFollowed() throws Exception {
        stubCloudMetadataAndRedirect();
        jira.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(mediaContent(BUILD_LOG)));
        startReading(cloud(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        JiraSpokeRedirectException e = failure(ex, JiraSpokeRedirectException.class);
        assertThat(e.getMessage()).contains("api.media.atlassian.com");
        assertThat(requestsTo("127.0.0.1")).isZero();
    }

    @Test
    void theMediaHostsErrorNamesItAndNotItsToken() throws Exception {
        stubCloudMetadataAndRedirect();
        jira.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"file not found for token " + MEDIA_TOKEN + "\"}")));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        JiraSpokeNotFoundException e = failure(ex, JiraSpokeNotFoundException.class);
        assertThat(e.getMessage()).startsWith("The media host http://127.0.0.1:" + jira.port() + " answered 404")
                .contains("GET " + CONTENT).doesNotContain(MEDIA_TOKEN);
    }

    @Test
    void aSizeOtherThanTheMetadatasFailsBeforeTheRouteReads() throws Exception {
        stubCloudMetadataAndRedirect();
        jira.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(mediaContent(BUILD_LOG + "and then some")));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        JiraSpokeUnexpectedAnswerException e = failure(ex, JiraSpokeUnexpectedAnswerException.class);
        assertThat(e.getMessage()).contains("attachment 10001", "55 bytes", "metadata gives it 42");
        assertThat(read).as("the route got nothing to read").isNull();
    }

    @Test
    void aChunkedContentEndingShortFailsTheRead() throws Exception {
        stubCloudMetadataAndRedirect();
        // WireMock sends it chunked: no length to check up front
        jira.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(aResponse().withStatus(200)
                .withBody(BUILD_LOG.substring(0, 30))));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of());

        assertThat(ex.getException()).isNotNull();
        assertThat(causes(ex.getException())).contains("ended after 30 bytes", "metadata gives it 42");
    }

    @Test
    void cloudByUrlTakesNameAndTypeFromTheAnswer() throws Exception {
        jira.stubFor(get(urlEqualTo(CONTENT)).willReturn(aResponse().withStatus(303)
                .withHeader("Location", media() + MEDIA_PATH + MEDIA_QUERY)));
        jira.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=UTF-8")
                .withHeader("Content-Disposition", "attachment; filename=\"Pr?fbericht ?.txt\"; "
                                                   + "filename*=UTF-8''Pr%C3%BCfbericht%20%E2%9C%93.txt")
                .withHeader("Content-Length", "42")
                .withBody(BUILD_LOG)));
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira", false);

        Exchange ex = download(null, Map.of(JiraSpokeConstants.ATTACHMENT_URL, jira.baseUrl() + CONTENT));

        assertThat(ex.getException()).isNull();
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(BUILD_LOG);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FILE_NAME)).isEqualTo("Prüfbericht ✓.txt");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FILE_SIZE)).isEqualTo(42L);
        // by URL there is no metadata to name the attachment
        assertThat(ex.getMessage().getHeaders()).doesNotContainKey(JiraSpokeConstants.ATTACHMENT_ID);
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/rest/api/3/attachment/content/10001?token=STOLEN",
            "http://localhost:1/rest/api/3/attachment/content/10001",
            "http://user:pw@localhost:{port}/rest/api/3/attachment/content/10001",
            "http://localhost:{port}/rest/api/3/../3/attachment/content/10001",
            "/rest/api/3/attachment/content/10001",
            "not a url at all" })
    void aUrlThatIsNotBelowTheBaseUrlIsRefusedWithNothingSent(String url) throws Exception {
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira", false);

        Exchange ex = download(null, Map.of(JiraSpokeConstants.ATTACHMENT_URL,
                url.replace("{port}", String.valueOf(jira.port()))));

        assertRefusedLocally(ex, "attachment/download", "'attachmentUrl'", "not below the base URL",
                "'attachmentId'");
        assertThat(ex.getException().getMessage()).doesNotContain("STOLEN").doesNotContain("pw@");
    }

    @Test
    void dataCenterReadsTheContentServletBelowTheContextPathWithTheCredentials() throws Exception {
        jira.stubFor(get(urlEqualTo("/jira/rest/api/2/attachment/20001")).willReturn(okJson(json("dc-attachment-20001.json"))));
        jira.stubFor(get(urlEqualTo(DC_CONTENT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain;charset=UTF-8").withBody(BUILD_LOG)));
        startReading(dataCenter(), "jiraspoke:attachment/download?connection=jira&attachmentId=20001", false);

        Exchange ex = download(null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(BUILD_LOG);
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.FILE_NAME)).isEqualTo("Prüfbericht ✓.txt");
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.ATTACHMENT_ID)).isEqualTo("20001");
        // the metadata names jira.example.com, Jira's own base URL setting: the request stays on the connection's host
        jira.verify(1, getRequestedFor(urlEqualTo(DC_CONTENT)).withHeader("Authorization", equalTo("Bearer " + DC_PAT))
                .withHeader("Accept", equalTo("*/*")));
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void dataCenterFollowsNoRedirect() throws Exception {
        JiraAttachment latest = new JiraAttachment(tree(json("dc-attachment-20001.json")));
        jira.stubFor(get(urlEqualTo(DC_CONTENT)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", media() + "/login.jsp?os_destination=x")));
        startReading(dataCenter(), "jiraspoke:attachment/download?connection=jira", false);

        Exchange ex = download(latest, Map.of());

        JiraSpokeRedirectException e = failure(ex, JiraSpokeRedirectException.class);
        assertThat(e.getMessage()).contains("redirects are not followed");
        assertThat(requestsTo("127.0.0.1")).isZero();
    }

    @Test
    void aJiraAttachmentBodyNeedsNoMetadataCall() throws Exception {
        JiraAttachment latest = new JiraAttachment(tree(json("dc-attachment-20001.json")));
        jira.stubFor(get(urlEqualTo(DC_CONTENT)).willReturn(aResponse().withStatus(200).withBody(BUILD_LOG)));
        startReading(dataCenter(), "jiraspoke:attachment/download?connection=jira", false);

        Exchange ex = download(latest, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(BUILD_LOG);
        // the metadata's type, not the answer's (which named none)
        assertThat(ex.getMessage().getHeader(JiraSpokeConstants.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void dataCenterByUrlMustStayBelowTheContextPath() throws Exception {
        jira.stubFor(get(urlEqualTo(DC_CONTENT)).willReturn(aResponse().withStatus(200).withBody(BUILD_LOG)));
        startReading(dataCenter(), "jiraspoke:attachment/download?connection=jira", false);

        Exchange outside = download(null, Map.of(JiraSpokeConstants.ATTACHMENT_URL,
                jira.baseUrl() + "/other/secure/attachment/20001/x.txt"));
        assertRefusedLocally(outside, "not below the base URL");

        Exchange inside = download(null, Map.of(JiraSpokeConstants.ATTACHMENT_URL, jira.baseUrl() + DC_CONTENT));
        assertThat(inside.getException()).isNull();
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(BUILD_LOG);
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void anUnreadDownloadGivesItsConnectionBackWhenTheExchangeEnds() throws Exception {
        JiraSpokeConnection one = dataCenter();
        one.setMaxConnections(1);
        one.setCallTimeout(Duration.ofSeconds(5));
        JiraAttachment latest = new JiraAttachment(tree(json("dc-attachment-20001.json")));
        jira.stubFor(get(urlEqualTo(DC_CONTENT)).willReturn(aResponse().withStatus(200).withBody(BUILD_LOG)));
        start(Map.of("jira", one));

        // nobody reads these bodies: were the connection kept, the second call would wait for it until callTimeout
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            Exchange ex = send("jiraspoke:attachment/download?connection=jira", latest, Map.of());
            assertThat(ex.getException()).as("download " + i).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            InputStream body = ex.getMessage().getBody(InputStream.class);
            assertThatThrownBy(body::read).as("closed with the exchange").hasMessageContaining("was closed");
        }
        assertThat(jira.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    }

    @Test
    void withStreamCachingOnTheNextStepGetsACopy() throws Exception {
        JiraAttachment latest = new JiraAttachment(tree(json("dc-attachment-20001.json")));
        jira.stubFor(get(urlEqualTo(DC_CONTENT)).willReturn(aResponse().withStatus(200).withBody(BUILD_LOG)));
        startReading(dataCenter(), "jiraspoke:attachment/download?connection=jira", true);

        Exchange ex = download(latest, Map.of());

        assertThat(ex.getException()).isNull();
        // what the documentation warns of: the copy is in memory unless spooling is on
        assertThat(StreamCache.class.isAssignableFrom((Class<?>) readType)).as(readType.toString()).isTrue();
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(BUILD_LOG);
    }

    @Test
    void deniedToStreamCachingTheStreamReachesTheNextStepAsItIs() throws Exception {
        JiraAttachment latest = new JiraAttachment(tree(json("dc-attachment-20001.json")));
        jira.stubFor(get(urlEqualTo(DC_CONTENT)).willReturn(aResponse().withStatus(200).withBody(BUILD_LOG)));
        context = new DefaultCamelContext();
        context.getStreamCachingStrategy().setDenyClasses(JiraAttachmentStream.class);
        component = new JiraSpokeComponent();
        component.addConnection("jira", dataCenter());
        context.addComponent("jiraspoke", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").streamCache("true").to("jiraspoke:attachment/download?connection=jira").process(e -> {
                    readType = e.getIn().getBody().getClass();
                    read = e.getIn().getBody(InputStream.class).readAllBytes();
                });
            }
        });
        context.start();
        template = context.createProducerTemplate();

        Exchange ex = download(latest, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(readType).isEqualTo(JiraAttachmentStream.class);
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo(BUILD_LOG);
    }

    @Test
    void idAndUrlTogetherAreRefused() throws Exception {
        startReading(cloudWithMedia(), "jiraspoke:attachment/download?connection=jira&attachmentId=10001", false);

        Exchange ex = download(null, Map.of(JiraSpokeConstants.ATTACHMENT_URL, jira.baseUrl() + CONTENT));

        assertRefusedLocally(ex, "attachment/download", "not both", "'attachmentId'", "'attachmentUrl'");
    }
}
