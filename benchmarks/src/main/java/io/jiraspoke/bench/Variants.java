package io.jiraspoke.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The clients under test, built once, each doing what its user would per call. The three variants get the same
 * inputs per call (an issue key; a summary; a JQL query) and hand back parsed results: the plain client a Jackson
 * tree, the camel-http route a Jackson tree, jiraspoke its JiraIssue (which wraps the tree).
 */
final class Variants implements AutoCloseable {

    static final String KEY = "BENCH-1";
    static final String JQL = "project = BENCH ORDER BY key";
    static final String EMAIL = "bench@example.com";
    static final String TOKEN = "bench-api-token";

    final String base;
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    private final ObjectMapper mapper = new ObjectMapper();
    private final CloseableHttpClient http;
    private final CamelContext camel;
    private final ProducerTemplate template;
    // Resolved once: a template given a URI string normalises it on every call, which no route does.
    private final Endpoint ep_http_get, ep_spoke_get, ep_http_create, ep_spoke_create, ep_spoke_stream,
            ep_http_stream;
    private final byte[] sink = new byte[64 * 1024];
    static volatile Object blackhole;

    /** All variants ({@code withCamel}), or only the plain client. */
    Variants(int port, boolean withCamel) throws Exception {
        this(port, true, withCamel, withCamel);
    }

    /**
     * Only what an application with a jiraspoke route has (a Camel context, the component, its routes): no plain
     * client, no camel-http or camel-jackson routes, so that a fresh JVM's live set (the {@code -Xmx} probes, the
     * attachment runs) is jiraspoke's alone, as the plain variant's is the plain client's alone.
     */
    static Variants spokeOnly(int port) throws Exception {
        return new Variants(port, false, true, false);
    }

    /** Nothing built: for the consumer, whose runs build their own context. */
    static Variants none(int port) throws Exception {
        return new Variants(port, false, false, false);
    }

    private Variants(int port, boolean withPlain, boolean withCamel, boolean withCamelHttp) throws Exception {
        base = "http://127.0.0.1:" + port;
        http = !withPlain ? null : HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(20).setMaxConnPerRoute(20).build())
                .disableAutomaticRetries()
                .build();
        if (!withCamel) {
            camel = null;
            template = null;
            ep_http_get = ep_spoke_get = ep_http_create = ep_spoke_create = ep_spoke_stream = ep_http_stream = null;
            return;
        }
        camel = benchContext(base);
        String authHeader = auth;
        String httpBase = base;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:spoke-get").to("jiraspoke:issue/get?connection=bench");
                from("direct:spoke-create")
                        .to("jiraspoke:issue/create?connection=bench&projectKey=BENCH&issueType=Task");
                from("direct:spoke-stream")
                        .to("jiraspoke:issue/search?connection=bench&outputType=iterator&pageSize=100")
                        .split(body()).streaming()
                            .process(e -> count(e, e.getIn().getBody(JiraIssue.class).getKey()))
                        .end();

                // Large files: stream caching off, so that neither step copies the stream (see the reference)
                from("direct:spoke-attach").noStreamCaching()
                        .to("jiraspoke:issue/addAttachment?connection=bench&fileName=big.bin"
                            + "&contentType=application/octet-stream");
                from("direct:spoke-download").noStreamCaching()
                        .to("jiraspoke:attachment/download?connection=bench")
                        .process(e -> e.getMessage().setBody(readAll(e.getMessage().getBody(InputStream.class))));

                if (!withCamelHttp) {
                    return;
                }
                // As a careful user writes it: the method as the enum (a String costs a conversion per call), the
                // path as a header on one static endpoint (no toD endpoint per key), one shared data format.
                from("direct:http-get")
                        .setHeader(HttpHeaders.AUTHORIZATION, constant(authHeader))
                        .setHeader(HttpHeaders.ACCEPT, constant("application/json"))
                        .to(httpBase + "/rest/api/3/issue")
                        .unmarshal().json(JsonLibrary.Jackson, JsonNode.class);
                // The stream as a careful user pages it by hand: one page's tree at a time, nextPageToken carried
                // in an exchange property, each page's issues split as they are, until the last page (bounded).
                from("direct:http-stream")
                        .setProperty("more", constant(true))
                        .loopDoWhile(exchangeProperty("more").isEqualTo(true))
                            // the previous answer's headers would otherwise go out with the next request
                            .removeHeaders("*")
                            .process(e -> e.getMessage().setBody(pageRequest(e.getProperty("next", String.class))))
                            .marshal().json(JsonLibrary.Jackson)
                            .setHeader(Exchange.HTTP_METHOD, constant(HttpMethods.POST))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader(HttpHeaders.AUTHORIZATION, constant(authHeader))
                            .setHeader(HttpHeaders.ACCEPT, constant("application/json"))
                            .to(httpBase + "/rest/api/3/search/jql")
                            .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                            .process(Variants::nextPage)
                            .split(body()).streaming()
                                .process(e -> count(e, e.getIn().getBody(JsonNode.class).path("key").asText(null)))
                            .end()
                        .end();
                from("direct:http-create")
                        .marshal().json(JsonLibrary.Jackson)
                        .setHeader(Exchange.HTTP_METHOD, constant(HttpMethods.POST))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(HttpHeaders.AUTHORIZATION, constant(authHeader))
                        .setHeader(HttpHeaders.ACCEPT, constant("application/json"))
                        .to(httpBase + "/rest/api/3/issue")
                        .unmarshal().json(JsonLibrary.Jackson, JsonNode.class);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        ep_http_get = withCamelHttp ? camel.getEndpoint("direct:http-get") : null;
        ep_spoke_get = camel.getEndpoint("direct:spoke-get");
        ep_http_create = withCamelHttp ? camel.getEndpoint("direct:http-create") : null;
        ep_spoke_create = camel.getEndpoint("direct:spoke-create");
        ep_spoke_stream = camel.getEndpoint("direct:spoke-stream");
        ep_http_stream = withCamelHttp ? camel.getEndpoint("direct:http-stream") : null;
    }

    /** A context with the component and its connection "bench" (basic API token, Cloud) to the stub. */
    static CamelContext benchContext(String base) {
        CamelContext c = new DefaultCamelContext();
        JiraSpokeComponent jira = new JiraSpokeComponent();
        JiraSpokeConnection connection = JiraSpokeConnection.basicApiToken(base, EMAIL, TOKEN);
        connection.setDeployment("cloud");
        jira.addConnection("bench", connection);
        c.addComponent("jiraspoke", jira);
        return c;
    }

    private static void count(Exchange e, String key) {
        if (key == null) {
            throw new IllegalStateException("issue without key");
        }
        Counter.add();
    }

    /** Issues seen by the streaming split of the current call (one caller at a time streams). */
    static final class Counter {
        static long n;

        static void add() {
            n++;
        }
    }

    // --- issue/get ------------------------------------------------------------------------------------------

    long plainGet() throws Exception {
        HttpGet get = new HttpGet(base + "/rest/api/3/issue/" + KEY);
        get.setHeader(HttpHeaders.AUTHORIZATION, auth);
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        JsonNode issue = http.execute(get, r -> tree(r, 200));
        return check(issue.path("key").asText());
    }

    long ceilingGet() throws Exception {
        HttpGet get = new HttpGet(base + "/rest/api/3/issue/" + KEY);
        get.setHeader(HttpHeaders.AUTHORIZATION, auth);
        return http.execute(get, this::drain);
    }

    long camelHttpGet() {
        JsonNode issue = template.requestBodyAndHeader(ep_http_get, null, Exchange.HTTP_PATH, KEY, JsonNode.class);
        return check(issue.path("key").asText());
    }

    long spokeGet() {
        JiraIssue issue = template.requestBodyAndHeader(ep_spoke_get, null, "CamelJiraSpokeIssueKey", KEY,
                JiraIssue.class);
        return check(issue.getKey());
    }

    // --- issue/create ---------------------------------------------------------------------------------------

    static final String SUMMARY = "Checkout fails when the saved card has expired";

    private static Map<String, Object> createBody(String summary) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("project", Map.of("key", "BENCH"));
        fields.put("issuetype", Map.of("name", "Task"));
        fields.put("summary", summary);
        return Map.of("fields", fields);
    }

    long plainCreate() throws Exception {
        HttpPost post = new HttpPost(base + "/rest/api/3/issue");
        post.setHeader(HttpHeaders.AUTHORIZATION, auth);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(createBody(SUMMARY)), ContentType.APPLICATION_JSON));
        JsonNode created = http.execute(post, r -> tree(r, 201));
        return check(created.path("key").asText());
    }

    long ceilingCreate() throws Exception {
        HttpPost post = new HttpPost(base + "/rest/api/3/issue");
        post.setHeader(HttpHeaders.AUTHORIZATION, auth);
        post.setEntity(new ByteArrayEntity(CEILING_CREATE, ContentType.APPLICATION_JSON));
        return http.execute(post, this::drain);
    }

    private static final byte[] CEILING_CREATE = ("{\"fields\":{\"project\":{\"key\":\"BENCH\"},\"issuetype\":{\"name\":"
                                                  + "\"Task\"},\"summary\":\"" + SUMMARY + "\"}}")
            .getBytes(StandardCharsets.UTF_8);

    long camelHttpCreate() {
        JsonNode created = template.requestBody(ep_http_create, createBody(SUMMARY), JsonNode.class);
        return check(created.path("key").asText());
    }

    long spokeCreate() {
        JiraIssue created = template.requestBodyAndHeader(ep_spoke_create, null, "CamelJiraSpokeSummary", SUMMARY,
                JiraIssue.class);
        return check(created.getKey());
    }

    // --- streaming issue/search -----------------------------------------------------------------------------

    /** Pages of 100 through search/jql, one page's tree held at a time, as a careful plain client reads them. */
    long plainStream() throws Exception {
        long n = 0;
        String token = null;
        for (int pages = 0; pages < 100_000; pages++) {
            ObjectNode body = mapper.createObjectNode();
            body.put("jql", JQL);
            body.put("maxResults", 100);
            body.putArray("fields").add("*navigable");
            if (token != null) {
                body.put("nextPageToken", token);
            }
            HttpPost post = new HttpPost(base + "/rest/api/3/search/jql");
            post.setHeader(HttpHeaders.AUTHORIZATION, auth);
            post.setHeader(HttpHeaders.ACCEPT, "application/json");
            post.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            JsonNode page = http.execute(post, r -> tree(r, 200));
            for (JsonNode issue : page.path("issues")) {
                check(issue.path("key").asText());
                n++;
            }
            String next = page.path("nextPageToken").asText(null);
            if (next == null || page.path("isLast").asBoolean(false) || next.equals(token)) {
                return n;
            }
            token = next;
        }
        throw new IllegalStateException("more pages than the bound");
    }

    /** The stub's pages read and dropped: the stub knows its own tokens, so the ceiling needs no parsing. */
    long ceilingStream(int total) throws Exception {
        for (int start = 0; start < total; start += 100) {
            String token = start == 0 ? "" : ",\"nextPageToken\":\"p" + start + "\"";
            HttpPost post = new HttpPost(base + "/rest/api/3/search/jql");
            post.setHeader(HttpHeaders.AUTHORIZATION, auth);
            post.setEntity(new ByteArrayEntity(("{\"jql\":\"x\",\"maxResults\":100" + token + "}")
                    .getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
            http.execute(post, this::drain);
        }
        return total;
    }

    long camelHttpStream() {
        Counter.n = 0;
        template.sendBody(ep_http_stream, null);
        return Counter.n;
    }

    /** The body of a search/jql page request: the query, the page size, and the token of the page, if any. */
    private static Map<String, Object> pageRequest(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jql", JQL);
        body.put("maxResults", 100);
        body.put("fields", java.util.List.of("*navigable"));
        if (token != null) {
            body.put("nextPageToken", token);
        }
        return body;
    }

    /** Keeps the next token (and whether there is a next page) in properties; the page's issues become the body. */
    private static void nextPage(Exchange e) {
        JsonNode page = e.getMessage().getBody(JsonNode.class);
        String next = page.path("nextPageToken").asText(null);
        int pages = e.getProperty("pages", 0, Integer.class) + 1;
        boolean more = next != null && !page.path("isLast").asBoolean(false)
                       && !next.equals(e.getProperty("next", String.class)) && pages < 100_000;
        e.setProperty("next", next);
        e.setProperty("more", more);
        e.setProperty("pages", pages);
        e.getMessage().setBody(page.path("issues"));
    }

    long spokeStream() {
        Counter.n = 0;
        template.requestBodyAndHeader(ep_spoke_stream, null, "CamelJiraSpokeJql", JQL);
        return Counter.n;
    }

    /**
     * The incremental consumer's first poll ({@code startFrom=beginning}) over {@code total} issues, in a context of
     * its own per run, as a fresh consumer has no state. The context is built and started before the measured
     * window (its route not yet started), so that a poll is compared with the producer's stream, not a poll plus a
     * context start; the window ends when the poll has returned, its final checkpoint saved.
     */
    ConsumerRun spokeConsumer(int total) {
        ConsumerRun run = new ConsumerRun(total);
        consumers.add(run);
        return run;
    }

    private final java.util.List<ConsumerRun> consumers = new java.util.ArrayList<>();

    final class ConsumerRun implements Measure.Prepared, AutoCloseable {
        private final int total;
        private CamelContext c;
        private java.util.concurrent.CountDownLatch polled;
        private final long[] seen = new long[1];
        private final long[] allocated = new long[1];

        ConsumerRun(int total) {
            this.total = total;
        }

        @Override
        public void prepare() throws Exception {
            close();
            c = benchContext(base);
            polled = new java.util.concurrent.CountDownLatch(1);
            seen[0] = 0;
            // Camel's hook after each poll: the poll has returned, its state saved
            c.getRegistry().bind("afterPoll", new org.apache.camel.support.DefaultPollingConsumerPollStrategy() {
                @Override
                public void commit(org.apache.camel.Consumer consumer, Endpoint endpoint, int polledMessages) {
                    // The consumer's thread was created by this context: all it allocated is this run's.
                    allocated[0] = Measure.allocatedByCurrentThread();
                    polled.countDown();
                }
            });
            c.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("jiraspoke:issue/search?connection=bench&jql=project = BENCH&startFrom=beginning"
                         + "&delay=3600000&initialDelay=0&pollStrategy=#afterPoll")
                            .routeId("consumer").autoStartup(false)
                            .process(e -> {
                                check(e.getIn().getBody(JiraIssue.class).getKey());
                                seen[0]++;
                            });
                }
            });
            c.start();
        }

        @Override
        public long call() throws Exception {
            c.getRouteController().startRoute("consumer");
            if (!polled.await(5, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("the consumer delivered " + seen[0] + " of " + total + " in 5 minutes");
            }
            if (seen[0] != total) {
                throw new IllegalStateException("the consumer delivered " + seen[0] + " of " + total);
            }
            Measure.OFF_THREAD_ALLOC.addAndGet(allocated[0]);
            return seen[0];
        }

        @Override
        public void close() {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing the consumer's context failed", e);
                } finally {
                    c = null;
                }
            }
        }
    }

    /**
     * {@code calls} issue/get calls on an OAuth client-credentials connection through the stub's token endpoint and
     * gateway path; answers the failed calls. The token requests are counted by the stub.
     */
    static long oauthCalls(String base, int calls) throws Exception {
        try (CamelContext c = new DefaultCamelContext()) {
            JiraSpokeComponent jira = new JiraSpokeComponent();
            JiraSpokeConnection connection = new JiraSpokeConnection();
            connection.setAuthType("oauth2-client-credentials");
            connection.setClientId("bench-client");
            connection.setClientSecret("bench-secret");
            connection.setCloudId("11111111-2222-3333-4444-555555555555");
            connection.setScopes("read:jira-work write:jira-work");
            connection.setTokenUrl(base + "/oauth/token");
            connection.setApiGatewayUrl(base);
            jira.addConnection("oauth", connection);
            c.addComponent("jiraspoke", jira);
            c.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:oauth-get").to("jiraspoke:issue/get?connection=oauth");
                }
            });
            c.start();
            ProducerTemplate t = c.createProducerTemplate();
            long failed = 0;
            for (int i = 0; i < calls; i++) {
                try {
                    check(t.requestBodyAndHeader("direct:oauth-get", null, "CamelJiraSpokeIssueKey", KEY,
                            JiraIssue.class).getKey());
                } catch (RuntimeException e) {
                    failed++;
                }
            }
            return failed;
        }
    }

    /**
     * issue/get from {@code threads} callers for {@code seconds} against a stub that admits {@code rate} requests
     * a second and answers 429 with Retry-After: 1 beyond it; answers {succeeded, failed}.
     */
    static long[] rateLimited(String base, int threads, double seconds, double maxRequestsPerSecond)
            throws Exception {
        try (CamelContext c = new DefaultCamelContext()) {
            JiraSpokeComponent jira = new JiraSpokeComponent();
            JiraSpokeConnection connection = JiraSpokeConnection.basicApiToken(base, EMAIL, TOKEN);
            connection.setDeployment("cloud");
            if (maxRequestsPerSecond > 0) {
                connection.setMaxRequestsPerSecond(maxRequestsPerSecond);
            }
            jira.addConnection("limited", connection);
            c.addComponent("jiraspoke", jira);
            c.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:limited-get").to("jiraspoke:issue/get?connection=limited");
                }
            });
            c.start();
            ProducerTemplate t = c.createProducerTemplate();
            java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            java.util.List<Thread> callers = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread th = new Thread(() -> {
                    while (System.nanoTime() - deadline < 0) {
                        try {
                            check(t.requestBodyAndHeader("direct:limited-get", null, "CamelJiraSpokeIssueKey", KEY,
                                    JiraIssue.class).getKey());
                            ok.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                });
                callers.add(th);
                th.start();
            }
            for (Thread th : callers) {
                th.join();
            }
            return new long[] {ok.get(), failed.get()};
        }
    }

    // --------------------------------------------------------------------------------------------------------

    private JsonNode tree(ClassicHttpResponse r, int expected) throws java.io.IOException {
        if (r.getCode() != expected) {
            throw new IllegalStateException("HTTP " + r.getCode());
        }
        try (InputStream in = r.getEntity().getContent()) {
            return mapper.readTree(in);
        }
    }

    // --- a large attachment up and down ---------------------------------------------------------------------

    /** Uploads {@code bytes} generated on the fly as a multipart file, as a careful plain client streams it. */
    long plainUpload(long bytes) throws Exception {
        HttpPost post = new HttpPost(base + "/rest/api/3/issue/" + KEY + "/attachments");
        post.setHeader(HttpHeaders.AUTHORIZATION, auth);
        post.setHeader("X-Atlassian-Token", "no-check");
        post.setEntity(org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder.create()
                .addBinaryBody("file", new Generated(bytes), ContentType.APPLICATION_OCTET_STREAM, "big.bin")
                .build());
        JsonNode answer = http.execute(post, r -> tree(r, 200));
        return answer.path(0).path("size").asLong();
    }

    long plainDownload() throws Exception {
        HttpGet get = new HttpGet(base + JiraStub.ATTACHMENT_CONTENT + "10000");
        get.setHeader(HttpHeaders.AUTHORIZATION, auth);
        return http.execute(get, r -> {
            if (r.getCode() != 200) {
                throw new IllegalStateException("HTTP " + r.getCode());
            }
            return readAll(r.getEntity().getContent());
        });
    }

    /** The size Jira (the stub) says it received, multipart framing included. */
    long spokeUpload(long bytes) {
        java.util.List<?> attachments = template.requestBodyAndHeader("direct:spoke-attach", new Generated(bytes),
                "CamelJiraSpokeIssueKey", KEY, java.util.List.class);
        return ((io.jiraspoke.camel.model.JiraAttachment) attachments.get(0)).getSize();
    }

    long spokeDownload() {
        return template.requestBodyAndHeader("direct:spoke-download", null, "CamelJiraSpokeAttachmentId", "10000",
                Long.class);
    }

    private long readAll(InputStream in) throws java.io.IOException {
        long n = 0;
        try (in) {
            for (int r; (r = in.read(sink)) >= 0; ) {
                n += r;
            }
        }
        return n;
    }

    /** {@code size} bytes made as they are read, so that no variant holds the file. */
    static final class Generated extends InputStream {
        private long left;

        Generated(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return (int) (left & 0x7f);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((left - i) & 0x7f);
            }
            left -= n;
            return n;
        }
    }

    private long drain(ClassicHttpResponse r) throws java.io.IOException {
        if (r.getCode() >= 300) {
            throw new IllegalStateException("HTTP " + r.getCode());
        }
        try (InputStream in = r.getEntity().getContent()) {
            while (in.read(sink) >= 0) {
                // dropped unread
            }
        }
        return 1;
    }

    private static long check(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalStateException("no key in the answer");
        }
        blackhole = key;
        return 1;
    }

    @Override
    public void close() throws Exception {
        for (ConsumerRun run : consumers) {
            run.close();
        }
        if (camel != null) {
            camel.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
