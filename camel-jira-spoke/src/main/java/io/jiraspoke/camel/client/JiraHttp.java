package io.jiraspoke.camel.client;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.jiraspoke.camel.client.JiraRequest.Expect;
import io.jiraspoke.camel.auth.JiraAuthenticator;
import io.jiraspoke.camel.error.JiraSpokeBadRequestException;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeConflictException;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.error.JiraSpokeForbiddenException;
import io.jiraspoke.camel.error.JiraSpokeNotFoundException;
import io.jiraspoke.camel.error.JiraSpokeRateLimitedException;
import io.jiraspoke.camel.error.JiraSpokeRedirectException;
import io.jiraspoke.camel.error.JiraSpokeServerErrorException;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.error.JiraSpokeUnexpectedAnswerException;
import io.jiraspoke.camel.metrics.ActionCounters;
import io.jiraspoke.camel.metrics.FailureKind;
import io.jiraspoke.camel.metrics.JiraSpokeMetrics;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.Configurable;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport of one connection: a pooled HttpClient 5 shared by all its endpoints, with Jira's rate-limit and
 * retry rules. 429 and 503 wait for what Jira asked ({@code Retry-After}, {@code Beta-Retry-After},
 * {@code X-RateLimit-Reset}, {@code X-Beta-RateLimit-Reset}), at least 250 ms, else back off
 * exponentially with jitter, within {@code maxAttempts}, {@code maxRetryWait} and the call's {@code callTimeout},
 * which bounds attempts and waits together. A POST is sent again only when Jira certainly did not process it (429,
 * 503 with Retry-After, connection refused); 502, 503 and 504 are retried for requests that may be repeated. A 401
 * lets the authenticator renew its token once. Redirects are never followed (design decision 13): a 3xx is a
 * {@link JiraSpokeRedirectException}, so neither credentials nor a write reach another host; a GET that opts in
 * ({@link JiraRequest#followMediaRedirect()}, an attachment download) follows one redirect from the connection's
 * host to one of its media origins, without credentials. A request body that cannot be repeated (a stream) is
 * never sent twice. The connection's own limits and the hold after {@code X-RateLimit-NearLimit} are in
 * {@link ConnectionLimiter}; a request handed over open ({@link #open}) leaves them when its answer arrives.
 * Failures become the {@link JiraSpokeException} hierarchy, their text scrubbed of the credentials sent
 * ({@link Redactor}).
 */
public final class JiraHttp implements Closeable {

    /** Reads a successful response; the response is closed afterwards. */
    @FunctionalInterface
    public interface ResponseReader<T> {
        T read(int status, HttpEntity entity) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JiraHttp.class);
    private static final long BACKOFF_BASE_MS = 500;
    private static final long BACKOFF_CAP_MS = 30_000;
    /** The least wait before another attempt, whatever Retry-After says (0 made other clients spin). */
    private static final long MIN_WAIT_MS = 250;
    /** Longer than any retry budget: what a Retry-After too large to represent is taken as. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(100 * 365);
    private static final int LONGEST_WAIT_DIGITS = 10;
    private static final int MAX_REASON_CHARS = 64;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_ERROR_TEXT = 500;
    // enough to hold a long token echoed at the start of a body, so that it is scrubbed whole before quoting
    private static final int BODY_HEAD = 4096;
    private static final long STEADY_SLACK_MS = 1000;
    private static final int QUOTE_CHARS = 200;
    private static final List<String> NEGOTIATION = List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_ENCODING);
    private static final String NOT_AGAIN = "the request body was a stream, already sent, and cannot be sent again";
    // a second JSON document after the first is as broken as a truncated one
    private static final ObjectReader STRICT_JSON = JiraJson.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The transport settings of one connection.
     *
     * @param connectTimeout  how long to wait for a TCP (and TLS) connection
     * @param responseTimeout how long to wait for each read of Jira's answer
     * @param callTimeout     the longest one call may take, all attempts and waits included
     * @param maxConnections  pooled connections, shared by every endpoint of the connection
     * @param maxAttempts     how many times one request is sent at most
     * @param maxRetryWait    the longest total wait between the attempts of one call
     * @param maxRequestsPerSecond  the connection's own request rate limit, 0 for none
     * @param maxConcurrentRequests the connection's own limit of requests in flight, 0 for none
     * @param trustStore      a key store file of certificates to trust instead of the JVM's, or null
     * @param trustStorePassword its password, or null
     * @param trustStoreType  its type, or null for the JVM's default
     * @param proxy           an HTTP proxy, {@code host:port} or {@code http://host:port}, or null
     * @param proxyUsername   the proxy's user, or null
     * @param proxyPassword   the proxy's password, or null
     * @param mediaHosts      the origins (or https host names) an opted-in GET may be redirected to
     */
    public record Settings(Duration connectTimeout, Duration responseTimeout, Duration callTimeout,
                           int maxConnections, int maxAttempts, Duration maxRetryWait, double maxRequestsPerSecond,
                           int maxConcurrentRequests, String trustStore, String trustStorePassword,
                           String trustStoreType, String proxy, String proxyUsername, String proxyPassword,
                           List<String> mediaHosts) {

        @Override
        public String toString() {
            return "JiraHttp.Settings[callTimeout=" + callTimeout + ", maxAttempts=" + maxAttempts + ", trustStore="
                   + trustStore + ", proxy=" + proxy + ", proxyUsername=" + proxyUsername + ", mediaHosts="
                   + mediaHosts + "]";
        }
    }

    private final String connectionName;
    private final String baseUrl;
    /**
     * The base URL split once into host and path, so that a request to Jira needs no {@link URI} of its own (parsing
     * one per call was 4% of an issue/get's CPU); null when the base URL has parts a host and path do not carry.
     */
    private final HttpHost baseHost;
    private final String basePath;
    private final CloseableHttpClient client;
    private final long connectTimeoutMs;
    private final long responseTimeoutMs;
    private final long callTimeoutMs;
    private final int maxAttempts;
    private final long maxRetryWaitMs;
    private final JiraSpokeMetrics metrics;
    private final ConnectionLimiter limiter;
    private final Set<String> mediaOrigins;
    /**
     * The config of an attempt that starts within {@link #STEADY_SLACK_MS} of a whole callTimeout (the first attempt
     * of nearly every call): connect and response timeouts are then the connection's own, and the pool wait is at
     * most a second shorter than the budget would allow. Null when the timeouts do not fit that far within the
     * budget; other attempts get a config of what is left.
     */
    private final RequestConfig steadyConfig;
    /** Buffers for the head of an answer, reused: one per answer cost every call 4 KB. */
    private final AtomicReferenceArray<byte[]> heads = new AtomicReferenceArray<>(16);
    private volatile ServerDate lastServerDate;
    private volatile ServerDate parsedServerDate;
    private volatile Duration serverClockOffset = Duration.ZERO;

    /** Jira's {@code Date} header and when it arrived by the host clock; parsed only when someone asks. */
    private record ServerDate(String value, long receivedAtMillis) {
    }

    public JiraHttp(String connectionName, String baseUrl, Settings settings) {
        this.connectionName = connectionName;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI base = baseUri(this.baseUrl);
        boolean plain = base != null && base.getScheme() != null && base.getHost() != null
                        && base.getRawUserInfo() == null && base.getRawQuery() == null && base.getRawFragment() == null;
        this.baseHost = plain ? HttpHost.create(base) : null;
        this.basePath = plain && base.getRawPath() != null ? base.getRawPath() : "";
        this.connectTimeoutMs = settings.connectTimeout().toMillis();
        this.responseTimeoutMs = settings.responseTimeout().toMillis();
        this.callTimeoutMs = settings.callTimeout().toMillis();
        long steadyMs = callTimeoutMs - STEADY_SLACK_MS;
        this.steadyConfig = steadyMs >= Math.max(connectTimeoutMs, responseTimeoutMs)
                ? attemptConfig(steadyMs, false) : null;
        this.maxAttempts = settings.maxAttempts();
        this.maxRetryWaitMs = settings.maxRetryWait().toMillis();
        this.limiter = new ConnectionLimiter(connectionName, settings.maxRequestsPerSecond(),
                settings.maxConcurrentRequests());
        this.metrics = new JiraSpokeMetrics(connectionName,
                () -> System.currentTimeMillis() + serverClockOffset().toMillis());
        this.mediaOrigins = mediaOrigins(settings.mediaHosts());
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(QuietConnectionFactory.INSTANCE)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMs))
                        .setSocketTimeout(Timeout.ofMilliseconds(responseTimeoutMs))
                        .build());
        if (settings.trustStore() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(trusting(connectionName, settings)));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-jira-spoke");
        if (settings.proxy() != null) {
            HttpHost proxy = proxyHost(connectionName, settings.proxy());
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                // scoped to the proxy, so that a challenge from Jira itself (401 with WWW-Authenticate) never gets
                // them; the proxy receives them only when it asks (407)
                credentials.setCredentials(new AuthScope(proxy), new UsernamePasswordCredentials(
                        settings.proxyUsername(), settings.proxyPassword() == null ? new char[0]
                                : settings.proxyPassword().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.client = builder.build();
    }

    /** TLS that trusts the certificates of the connection's trust store instead of the JVM's. */
    private static SSLContext trusting(String connectionName, Settings settings) {
        String type = settings.trustStoreType() != null ? settings.trustStoreType() : KeyStore.getDefaultType();
        char[] password = settings.trustStorePassword() != null ? settings.trustStorePassword().toCharArray() : null;
        try (InputStream in = Files.newInputStream(Path.of(settings.trustStore()))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            if (store.size() == 0) {
                throw new KeyStoreException("it holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new JiraSpokeConfigurationException(
                    "Jira connection '" + connectionName + "' is misconfigured: option 'trustStore': cannot use "
                                                      + settings.trustStore() + " as a " + type + " trust store"
                                                      + " (check trustStorePassword and trustStoreType): "
                                                      + e.getMessage());
        }
    }

    private static HttpHost proxyHost(String connectionName, String proxy) {
        try {
            return HttpHost.create(proxy.contains("://") ? proxy : "http://" + proxy);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new JiraSpokeConfigurationException("Jira connection '" + connectionName + "' is misconfigured:"
                                                      + " option 'proxy' must be host:port or http://host:port,"
                                                      + " was " + proxy);
        }
    }

    /** A bare host name means https on its default port. */
    private static Set<String> mediaOrigins(List<String> hosts) {
        Set<String> origins = new LinkedHashSet<>();
        if (hosts != null) {
            for (String h : hosts) {
                String origin = canonicalOrigin(URI.create(h.contains("://") ? h : "https://" + h));
                if (origin != null) {
                    origins.add(origin);
                }
            }
        }
        return Set.copyOf(origins);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The longest one call may take, all attempts and waits included. */
    public Duration callTimeout() {
        return Duration.ofMillis(callTimeoutMs);
    }

    /**
     * Sends a request and reads Jira's JSON answer as {@link JiraRequest#expected()} demands: the object or array, or
     * null for {@link Expect#NOTHING} and for no content under {@link Expect#ANY}.
     */
    public JsonNode json(JiraRequest request, JiraAuthenticator auth) {
        return send(request, auth, (status, response, authorization) -> readJson(request, status,
                response.getEntity(), authorization), false);
    }

    /**
     * Sends a request, with retries, within the connection's {@code callTimeout}, and hands a 2xx answer to the
     * reader; every other answer becomes a {@link JiraSpokeException}.
     */
    public <T> T execute(JiraRequest request, JiraAuthenticator auth, ResponseReader<T> reader) {
        return send(request, auth, (status, response, authorization) -> reader.read(status, response.getEntity()),
                false);
    }

    /**
     * Sends a request whose 2xx answer is content (an attachment) and hands that answer over unread: the caller
     * reads the stream, or closes it, which frees the connection. Retries, waits and errors are those of
     * {@link #execute}; a request that {@link JiraRequest#followMediaRedirect() follows the media redirect} may be
     * answered by a media host.
     */
    public JiraContent open(JiraRequest request, JiraAuthenticator auth) {
        String what = request.method() + " " + request.pathAndQuery() + " on connection '" + connectionName + "'";
        return send(request, auth, (status, response, authorization) -> new JiraContent(response, what), true);
    }

    /** A reader that also knows the Authorization value sent, to scrub it from what it quotes. */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(int status, ClassicHttpResponse response, String authorization) throws IOException;
    }

    /**
     * One call: attempts within the budget, and at most one hop from the connection's host to a media host. The
     * hop goes without the Authorization header, outside the connection's pace, and its answer does not set Jira's
     * clock. With {@code handOver}, a 2xx answer stays open for the reader's result to close.
     */
    private <T> T send(JiraRequest request, JiraAuthenticator auth, AnswerReader<T> reader, boolean handOver) {
        // counts the call, and its failure by kind, against the action the thread serves; requests to other
        // services (the token endpoint) against none, so that a refused token counts once there and once for the
        // call it stopped
        ActionCounters counters = request.absoluteUrl() == null ? metrics.current() : metrics.outsideActions();
        try {
            return send(request, auth, reader, handOver, counters);
        } catch (JiraSpokeException e) {
            counters.failed(FailureKind.of(e));
            throw e;
        }
    }

    private <T> T send(JiraRequest request, JiraAuthenticator auth, AnswerReader<T> reader, boolean handOver,
                       ActionCounters counters) {
        HttpEntity entity = entity(request);
        OnceEntity once = entity instanceof OnceEntity o ? o : null;
        String display = request.pathAndQuery();
        // the URI of the request only where it is needed: another service's URL, an odd base URL, or a redirect
        URI target = request.absoluteUrl() != null ? URI.create(request.absoluteUrl())
                : baseHost == null || !isRequestTarget(display) ? URI.create(baseUrl + display) : null;
        boolean probe = request.probeMillis() > 0;
        long budgetMs = probe ? Math.min(callTimeoutMs, request.probeMillis()) : callTimeoutMs;
        int maxAttempts = probe ? 1 : this.maxAttempts;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMs);
        // the connection's limits are about Jira; the token endpoint and the media host are other services
        boolean paced = request.absoluteUrl() == null;
        String media = null;
        List<String> secrets = request.secrets();
        long waited = 0;
        boolean renewed = false;
        int attempt = 0;
        while (true) {
            attempt++;
            String who = media == null ? "Jira" : "the media host " + media;
            String authorization = auth != null && media == null ? auth.authorization() : null;
            boolean permit = paced && media == null && enter(request, display, deadline, counters);
            long remaining = remainingMillis(deadline);
            if (remaining <= 0) {
                limiter.exit(permit);
                throw new JiraSpokeTransportException(
                        "No answer from " + who + " to " + request.method() + " " + display + " on connection '"
                                                      + connectionName + "' within callTimeout " + budgetMs
                                                      + " ms (" + (attempt - 1) + " attempt(s))",
                        request.method(), display, null);
            }
            ConfigurableRequest http = target != null
                    ? new ConfigurableRequest(media == null ? request.method() : "GET", target)
                    : new ConfigurableRequest(request.method(), baseHost, basePath + display);
            http.setHeader(HttpHeaders.ACCEPT, "application/json");
            if (media == null) {
                request.headers().forEach(http::setHeader);
                if (entity != null) {
                    http.setEntity(entity);
                }
            } else {
                // what to send back travels on; nothing else of the request does
                for (String negotiation : NEGOTIATION) {
                    String value = request.headers().get(negotiation);
                    if (value != null) {
                        http.setHeader(negotiation, value);
                    }
                }
            }
            if (authorization != null) {
                http.setHeader(HttpHeaders.AUTHORIZATION, authorization);
            }
            // a stream can be sent once: 100-continue lets Jira refuse it (401, 429) before it is spent
            boolean expectContinue = once != null && media == null;
            http.setConfig(steadyConfig != null && !expectContinue && remaining >= callTimeoutMs - STEADY_SLACK_MS
                    ? steadyConfig : attemptConfig(remaining, expectContinue));
            counters.requested();
            ClassicHttpResponse response;
            try {
                response = client.executeOpen(null, http, null);
            } catch (IOException e) {
                limiter.exit(permit);
                boolean notSent = e instanceof ConnectException || e instanceof ConnectTimeoutException;
                boolean again = (notSent || request.isIdempotent()) && !spent(once)
                                && !(e instanceof UnknownHostException) && attempt < maxAttempts;
                long wait = backoff(attempt);
                boolean fits = fits(waited, wait, deadline);
                if (again && fits) {
                    LOG.debug("{} {} on connection '{}' failed ({}); attempt {} of {} in {} ms", request.method(),
                            display, connectionName, e.getClass().getSimpleName(), attempt + 1, maxAttempts, wait);
                    waited += pause(wait, request, display, counters);
                    continue;
                }
                throw new JiraSpokeTransportException(
                        "No answer from " + who + " to " + request.method() + " " + display + " on connection '"
                                                      + connectionName + "' after " + attempt + " attempt(s)"
                                                      + (again ? "; " + budgetNote() : "")
                                                      + (spent(once) ? "; " + NOT_AGAIN : "") + ": "
                                                      + e.getClass().getSimpleName() + ": "
                                                      + new Redactor(authorization, secrets).apply(e.getMessage()),
                        request.method(), display, e);
            }
            Header date = response.getFirstHeader(HttpHeaders.DATE);
            if (date != null && media == null) {
                lastServerDate = new ServerDate(date.getValue(), System.currentTimeMillis());
            }
            JiraSpokeException failure = null;
            long retryIn = -1;
            boolean renew = false;
            URI hop = null;
            boolean handedOver = false;
            try {
                int status = response.getCode();
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} on connection '{}' -> {}{}", request.method(), display, connectionName, status,
                            media == null ? "" : " from " + media);
                }
                if (paced && media == null && (isTrue(response, "X-RateLimit-NearLimit")
                                               || isTrue(response, "X-Beta-RateLimit-NearLimit"))) {
                    limiter.nearLimit();
                }
                if (status >= 200 && status < 300) {
                    T answer = reader.read(status, response, authorization);
                    handedOver = handOver;
                    return answer;
                }
                boolean mayRenew = status == 401 && auth != null && media == null && !renewed;
                if (status >= 300 && status < 400) {
                    URI requested = target != null ? target : URI.create(baseUrl + display);
                    hop = media == null && request.followsMediaRedirect() ? mediaHop(requested, response) : null;
                    if (hop == null) {
                        throw redirect(status, request, who, requested, response);
                    }
                } else if (mayRenew && !spent(once)) {
                    // the token request that may follow needs the connection this answer holds: read it now
                    failure = error(status, request, response, null, null, null, authorization, secrets, who);
                    renew = true;
                } else {
                    Duration retryAfter = retryAfter(response);
                    String reason = reason(response);
                    if (status == 429) {
                        counters.rateLimited(reason);
                    }
                    String gaveUp = null;
                    boolean retryable = isRetryable(status, request, retryAfter);
                    if ((retryable || mayRenew) && spent(once)) {
                        gaveUp = NOT_AGAIN;
                    } else if (retryable) {
                        long wait = retryAfter != null ? Math.max(MIN_WAIT_MS, millis(retryAfter)) : backoff(attempt);
                        boolean fits = fits(waited, wait, deadline);
                        if (attempt >= maxAttempts || !fits) {
                            gaveUp = "gave up after " + attempt + " attempt(s)"
                                     + (retryAfter != null ? "; Retry-After " + retryAfter.toSeconds() + " s" : "")
                                     + (reason != null ? "; RateLimit-Reason " + reason : "")
                                     + (attempt < maxAttempts ? "; " + budgetNote() : "");
                        } else {
                            retryIn = wait;
                            LOG.debug("{} answered {} to {} {} on connection '{}'; attempt {} of {} in {} ms", who,
                                    status, request.method(), display, connectionName, attempt + 1, maxAttempts,
                                    wait);
                        }
                    }
                    if (retryIn < 0) {
                        failure = error(status, request, response, retryAfter, reason, gaveUp, authorization,
                                secrets, who);
                    }
                }
            } catch (IOException e) {
                throw new JiraSpokeTransportException(
                        "Reading the answer of " + who + " to " + request.method() + " " + display
                                                      + " on connection '" + connectionName + "' failed: "
                                                      + new Redactor(authorization, secrets).apply(e.getMessage()),
                        request.method(), display, e);
            } finally {
                if (!handedOver) {
                    EntityUtils.consumeQuietly(response.getEntity());
                    closeQuietly(response);
                }
                limiter.exit(permit);
            }
            if (hop != null) {
                media = origin(hop, hop.toString());
                target = hop;
                secrets = withQueryValues(request.secrets(), hop);
                // the hop is part of the same attempt: a redirect is not a retry
                attempt--;
                continue;
            }
            if (renew) {
                if (auth.renewAfterUnauthorized(authorization)) {
                    renewed = true;
                    attempt--;
                    continue;
                }
                throw failure;
            }
            if (retryIn >= 0) {
                waited += pause(retryIn, request, display, counters);
                continue;
            }
            throw failure;
        }
    }

    /** The base URL as a URI; null when it is not one (each request then fails on it as it did before). */
    private static URI baseUri(String baseUrl) {
        try {
            return URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What a URI's path and query may hold: unreserved characters, sub-delimiters, ':', '@', '/', '?', '%'. */
    private static final boolean[] TARGET_CHARS = new boolean[128];

    static {
        for (char c : ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%")
                .toCharArray()) {
            TARGET_CHARS[c] = true;
        }
    }

    /**
     * Whether a path and query are a valid request target as they are (every escape two hex digits): the requests
     * build theirs encoded, so this holds; one that does not goes through {@link URI#create}, which refuses it.
     */
    static boolean isRequestTarget(String pathAndQuery) {
        int length = pathAndQuery.length();
        if (length == 0 || pathAndQuery.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = pathAndQuery.charAt(i);
            if (c >= 128 || !TARGET_CHARS[c]) {
                return false;
            }
            if (c == '%' && (i + 2 >= length || Character.digit(pathAndQuery.charAt(i + 1), 16) < 0
                             || Character.digit(pathAndQuery.charAt(i + 2), 16) < 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A request with its own {@link RequestConfig} (the client reads it from a {@link Configurable} request), made
     * from a URI or, without parsing one, from the connection's host and a path.
     */
    private static final class ConfigurableRequest extends BasicClassicHttpRequest implements Configurable {
        private RequestConfig config;

        ConfigurableRequest(String method, URI uri) {
            super(method, uri);
        }

        ConfigurableRequest(String method, HttpHost host, String path) {
            super(method, host, path);
        }

        void setConfig(RequestConfig config) {
            this.config = config;
        }

        @Override
        public RequestConfig getConfig() {
            return config;
        }
    }

    /** The body of the request: its own entity (tracked when it cannot be repeated), or its JSON, written once. */
    private static HttpEntity entity(JiraRequest request) {
        HttpEntity own = request.entity();
        if (own != null) {
            return own.isRepeatable() ? own : new OnceEntity(own);
        }
        byte[] body = serialize(request);
        return body == null ? null : new ByteArrayEntity(body, ContentType.APPLICATION_JSON);
    }

    private static boolean spent(OnceEntity once) {
        return once != null && once.read;
    }

    /** Passes a body through to the parser, keeping a copy of its first bytes for an error message. */
    private static final class HeadRecorder extends FilterInputStream {
        private final AtomicReferenceArray<byte[]> spares;
        private final int slot;
        private final byte[] head;
        private int recorded;
        private boolean released;

        /** Records into a spare buffer of the connection when one is free (a new one per answer cost 4 KB each). */
        HeadRecorder(InputStream in, AtomicReferenceArray<byte[]> spares) {
            super(in);
            this.spares = spares;
            // threads mostly find a slot of their own, so that concurrent calls do not take each other's buffer
            this.slot = (int) (Thread.currentThread().getId() % spares.length());
            byte[] spare = spares.getAndSet(slot, null);
            head = spare != null ? spare : new byte[BODY_HEAD];
        }

        /**
         * Gives the buffer back, once, when the answer is done with: not in close(), which the parser calls too,
         * before {@link #head()} may still need it. head() hands out copies only.
         */
        void release() {
            if (!released) {
                released = true;
                spares.lazySet(slot, head);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && recorded < head.length) {
                head[recorded++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && recorded < head.length) {
                int keep = Math.min(n, head.length - recorded);
                System.arraycopy(b, off, head, recorded, keep);
                recorded += keep;
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /**
         * The first bytes of the body, read on up to the recorder's size when the parser stopped short of it (a body
         * dribbled in small chunks, refused at its first bytes): a credential the body echoes near its start is then
         * there whole for the redactor, never cut at a chunk's end. Called only when the answer has failed anyway.
         */
        byte[] head() {
            try {
                while (recorded < head.length) {
                    int n = in.read(head, recorded, head.length - recorded);
                    if (n < 0) {
                        break;
                    }
                    recorded += n;
                }
            } catch (IOException cutOff) {
                // what was read is what can be quoted
            }
            return Arrays.copyOf(head, recorded);
        }
    }

    /** A body that can be sent once, which knows whether it was. */
    private static final class OnceEntity extends HttpEntityWrapper {

        private volatile boolean read;

        OnceEntity(HttpEntity entity) {
            super(entity);
        }

        @Override
        public InputStream getContent() throws IOException {
            read = true;
            return super.getContent();
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            read = true;
            super.writeTo(out);
        }
    }

    /**
     * Where a redirect of Jira's leads when this connection follows it: an absolute http(s) URL, without user
     * info, on one of the connection's media origins. Null for every other Location.
     */
    private URI mediaHop(URI requested, ClassicHttpResponse response) {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (location == null || location.getValue() == null || location.getValue().isBlank()) {
            return null;
        }
        try {
            URI next = requested.resolve(location.getValue().trim());
            return next.getRawUserInfo() == null && mediaOrigins.contains(canonicalOrigin(next)) ? next : null;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** {@code scheme://host:port} in lower case with the default port filled in; null for a URI without them. */
    static String canonicalOrigin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The media URL's query values (its token) join what an error text must not show. */
    private static List<String> withQueryValues(List<String> secrets, URI url) {
        String query = url.getRawQuery();
        if (query == null || query.isEmpty()) {
            return secrets;
        }
        List<String> out = new ArrayList<>(secrets);
        out.add(query);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String value = eq < 0 ? pair : pair.substring(eq + 1);
            out.add(value);
            out.add(URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * 429 always (Jira did not process it); 503 when the request may be repeated or Jira named a wait (it was not
     * processed then); 502 and 504 only when the request may be repeated, as Jira may have processed it behind the
     * gateway.
     */
    private static boolean isRetryable(int status, JiraRequest request, Duration retryAfter) {
        return switch (status) {
            case 429 -> true;
            case 503 -> request.isIdempotent() || retryAfter != null;
            case 502, 504 -> request.isIdempotent();
            default -> false;
        };
    }

    /**
     * Each phase of an attempt (waiting for a pooled connection, connecting, each read) gets at most what is left
     * of the call's budget.
     */
    @SuppressWarnings("deprecation") // the request-level connect timeout is the one that overrides the pool's
    private RequestConfig attemptConfig(long remainingMs, boolean expectContinue) {
        return RequestConfig.custom()
                .setExpectContinueEnabled(expectContinue)
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(remainingMs))
                .setConnectTimeout(Timeout.ofMilliseconds(Math.min(connectTimeoutMs, remainingMs)))
                .setResponseTimeout(Timeout.ofMilliseconds(Math.min(responseTimeoutMs, remainingMs)))
                .build();
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** A wait fits when it stays within maxRetryWait and leaves time for the attempt after it. */
    private boolean fits(long waited, long wait, long deadline) {
        return waited + wait <= maxRetryWaitMs && wait + MIN_WAIT_MS <= remainingMillis(deadline);
    }

    private String budgetNote() {
        return "the rest of the call's time budget (callTimeout " + callTimeoutMs + " ms, maxRetryWait "
               + maxRetryWaitMs + " ms) does not allow another";
    }

    private static long millis(Duration d) {
        return d.compareTo(LONGEST_WAIT) >= 0 ? LONGEST_WAIT.toMillis() : d.toMillis();
    }

    private JsonNode readJson(JiraRequest request, int status, HttpEntity entity, String authorization)
            throws IOException {
        Expect expect = request.expected();
        InputStream raw = status == 204 || entity == null ? null : entity.getContent();
        if (raw == null) {
            return noContent(request, status, "status " + status + " (no content)");
        }
        // Jackson reads the stream itself; the recorder keeps a copy of the first bytes only for the message about
        // a body that is not JSON (a peek ahead of the parser cost a buffer and a copy of every answer's head).
        HeadRecorder in = new HeadRecorder(raw, heads);
        try (in) {
            JsonNode node;
            try {
                node = STRICT_JSON.readTree(in);
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? ""
                        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
                String contentType = entity.getContentType() != null ? "content type " + entity.getContentType()
                        : "no content type";
                throw unexpected(request, status, "status " + status + " with a body that is not valid JSON ("
                                                  + contentType + "; "
                                                  + (e instanceof JsonEOFException ? "it ends too early" : "invalid")
                                                  + where + "): "
                                                  + quote(new Redactor(authorization, request.secrets())
                                                          .apply(new String(in.head(), StandardCharsets.UTF_8)),
                                                          QUOTE_CHARS));
            }
            if (node == null || node.isMissingNode()) {
                return noContent(request, status, "status " + status + " with an empty body");
            }
            boolean fits = switch (expect) {
                case OBJECT -> node.isObject();
                case ARRAY -> node.isArray();
                case NOTHING, ANY -> true;
            };
            if (!fits) {
                throw unexpected(request, status, "status " + status + " with " + describe(node));
            }
            return expect == Expect.NOTHING ? null : node;
        } finally {
            in.release();
        }
    }

    private JsonNode noContent(JiraRequest request, int status, String what) {
        Expect expect = request.expected();
        if (expect == Expect.NOTHING || expect == Expect.ANY) {
            return null;
        }
        throw unexpected(request, status, what);
    }

    private JiraSpokeUnexpectedAnswerException unexpected(JiraRequest request, int status, String what) {
        String wanted = request.expected() == Expect.ARRAY ? "a JSON array" : "a JSON object";
        return new JiraSpokeUnexpectedAnswerException(
                "Expected " + wanted + " from " + request.method() + " " + request.pathAndQuery() + " on connection '"
                                                      + connectionName + "', but Jira answered " + what,
                status, request.method(), request.pathAndQuery(), null);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case OBJECT, POJO -> "a JSON object";
            case STRING -> "a JSON string";
            case NUMBER -> "a JSON number";
            case BOOLEAN -> "a JSON boolean";
            case NULL -> "JSON null";
            default -> "JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The start of a text fit for a message: one line, control characters removed, at most {@code max} chars. */
    private static String quote(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 1);
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = sb.length() > 0;
            } else if (Character.getType(c) != Character.FORMAT) {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return text.length() > sb.length() ? sb.append('\u2026').toString() : sb.toString();
    }

    private JiraSpokeRedirectException redirect(int status, JiraRequest request, String who, URI requested,
                                                ClassicHttpResponse response) {
        String method = request.method();
        String path = request.pathAndQuery();
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        String origin = null;
        String target;
        if (location == null || location.getValue() == null || location.getValue().isBlank()) {
            target = "no Location header";
        } else {
            origin = origin(requested, location.getValue().trim());
            target = origin != null ? "a redirect to " + origin : "an unreadable Location header";
        }
        String rule = !request.followsMediaRedirect() ? "redirects are not followed (check the URL of the connection)"
                : "only one redirect, from the connection's host to one of its media hosts (setting mediaHosts: "
                  + String.join(", ", mediaOrigins) + "), is followed";
        return new JiraSpokeRedirectException(
                capital(who) + " answered " + status + " to " + method + " " + path + " on connection '"
                                              + connectionName + "' with " + target + "; " + rule,
                status, method, path, origin, null);
    }

    /** Scheme, host and port of a Location (relative ones resolved against the request), never path or query. */
    private static String origin(URI requested, String location) {
        try {
            URI target = requested.resolve(location);
            if (target.getScheme() == null || target.getHost() == null) {
                return null;
            }
            String port = target.getPort() >= 0 ? ":" + target.getPort() : "";
            return target.getScheme() + "://" + target.getHost() + port;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static byte[] serialize(JiraRequest request) {
        Object body = request.body();
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        try {
            return JiraJson.MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new JiraSpokeException("Cannot write the request body of " + request.method() + " "
                                         + request.pathAndQuery() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Waits for the connection's own limits; the wait counts against the action. */
    private boolean enter(JiraRequest request, String display, long deadline, ActionCounters counters) {
        long start = System.nanoTime();
        try {
            return limiter.enter(request.method(), display, deadline);
        } finally {
            counters.throttled(System.nanoTime() - start);
        }
    }

    private long pause(long millis, JiraRequest request, String display, ActionCounters counters) {
        counters.retried(millis);
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraSpokeTransportException("Interrupted while waiting to retry " + request.method() + " "
                                                  + display, request.method(), display, e);
        }
        return millis;
    }

    /**
     * Exponential backoff with jitter above a floor: {@code MIN_WAIT_MS} plus a random wait in
     * [0, min(cap, base * 2^(attempt-1))], so that no answer can make attempts follow each other at once.
     */
    static long backoff(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS << Math.min(attempt - 1, 16));
        return MIN_WAIT_MS + ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /**
     * The wait Jira asked for, from the first of {@code Retry-After} (seconds or HTTP date), {@code Beta-Retry-After}
     * (seconds), {@code X-RateLimit-Reset} and {@code X-Beta-RateLimit-Reset} (ISO instants, Jira sends
     * {@code yyyy-MM-ddTHH:mmZ}) that can be read; null when none can. Any number of seconds is accepted: beyond
     * {@code LONGEST_WAIT} it is that, which no budget allows. What is obeyed is bounded by the call's budget: a
     * wait that does not fit fails the call at once instead.
     */
    static Duration retryAfter(ClassicHttpResponse response) {
        Duration d = seconds(response, "Retry-After", true);
        if (d == null) {
            d = seconds(response, "Beta-Retry-After", false);
        }
        if (d == null) {
            d = instant(response, "X-RateLimit-Reset");
        }
        return d != null ? d : instant(response, "X-Beta-RateLimit-Reset");
    }

    private static Duration seconds(ClassicHttpResponse response, String name, boolean orHttpDate) {
        String v = value(response, name);
        if (v == null) {
            return null;
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return v.length() > LONGEST_WAIT_DIGITS ? LONGEST_WAIT
                    : Duration.ofSeconds(Math.min(Long.parseLong(v), LONGEST_WAIT.toSeconds()));
        }
        Instant when = orHttpDate ? DateUtils.parseStandardDate(v) : null;
        return when != null ? positive(Duration.between(Instant.now(), when)) : null;
    }

    private static Duration instant(ClassicHttpResponse response, String name) {
        String v = value(response, name);
        if (v == null) {
            return null;
        }
        try {
            return positive(Duration.between(Instant.now(), OffsetDateTime.parse(v).toInstant()));
        } catch (DateTimeParseException | ArithmeticException unreadable) {
            return null;
        }
    }

    private static String value(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        String v = h != null && h.getValue() != null ? h.getValue().trim() : "";
        return v.isEmpty() ? null : v;
    }

    private static boolean isTrue(ClassicHttpResponse response, String name) {
        return "true".equalsIgnoreCase(value(response, name));
    }

    /**
     * {@code RateLimit-Reason} or {@code X-Beta-RateLimit-Reason}, cut to a short token: it is a key of the
     * per-reason counts and goes into messages, whatever a proxy puts there.
     */
    static String reason(ClassicHttpResponse response) {
        String v = value(response, "RateLimit-Reason");
        if (v == null) {
            v = value(response, "X-Beta-RateLimit-Reason");
        }
        if (v == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(v.length(), MAX_REASON_CHARS));
        for (int i = 0; i < v.length() && sb.length() < MAX_REASON_CHARS; i++) {
            char c = v.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':');
            sb.append(plain ? c : '_');
        }
        return sb.toString();
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The exception for a non-2xx answer; {@code gaveUp} says why a retryable answer was not retried. */
    private JiraSpokeException error(int status, JiraRequest request, ClassicHttpResponse response,
                                     Duration retryAfter, String reason, String gaveUp, String authorization,
                                     List<String> secrets, String who)
            throws IOException {
        String method = request.method();
        String path = request.pathAndQuery();
        List<String> messages = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        readErrorBody(response.getEntity(), messages, errors, new Redactor(authorization, secrets));
        StringBuilder text = new StringBuilder(capital(who)).append(" answered ").append(status).append(" to ").append(method)
                .append(' ').append(path).append(" on connection '").append(connectionName).append('\'');
        if (!messages.isEmpty()) {
            text.append(": ").append(String.join("; ", messages));
        }
        if (!errors.isEmpty()) {
            text.append(messages.isEmpty() ? ": " : "; ").append(errors);
        }
        if (gaveUp != null) {
            text.append(" (").append(gaveUp).append(')');
        }
        String message = text.toString();
        return switch (status) {
            case 400 -> new JiraSpokeBadRequestException(message, status, method, path, messages, errors);
            case 401 -> new JiraSpokeUnauthorizedException(message, status, method, path, messages, errors);
            case 403 -> new JiraSpokeForbiddenException(message, status, method, path, messages, errors);
            case 404 -> new JiraSpokeNotFoundException(message, status, method, path, messages, errors);
            case 409 -> new JiraSpokeConflictException(message, status, method, path, messages, errors);
            case 429 -> new JiraSpokeRateLimitedException(message, status, method, path, messages, errors,
                    retryAfter, reason, null);
            default -> status >= 500
                    ? (status == 503 && retryAfter != null
                            ? new JiraSpokeRateLimitedException(message, status, method, path, messages, errors,
                                    retryAfter, reason, null)
                            : new JiraSpokeServerErrorException(message, status, method, path, messages, errors))
                    : new JiraSpokeBadRequestException(message, status, method, path, messages, errors);
        };
    }

    private static void readErrorBody(HttpEntity entity, List<String> messages, Map<String, String> errors,
                                      Redactor redactor) throws IOException {
        if (entity == null) {
            return;
        }
        byte[] bytes;
        try (InputStream in = entity.getContent()) {
            bytes = in == null ? new byte[0] : in.readNBytes(MAX_ERROR_BODY);
        }
        if (bytes.length == 0) {
            return;
        }
        JsonNode node;
        try {
            node = JiraJson.MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            // scrubbed whole before it is cut short, so that no part of an echoed secret survives the cut
            messages.add(quote(redactor.apply(new String(bytes, StandardCharsets.UTF_8)), MAX_ERROR_TEXT));
            return;
        }
        node.path("errorMessages").forEach(m -> messages.add(redactor.apply(m.asText())));
        node.path("errors").fields().forEachRemaining(e -> errors.put(redactor.apply(e.getKey()),
                redactor.apply(e.getValue().asText())));
        if (node.hasNonNull("message")) {
            messages.add(redactor.apply(node.get("message").asText()));
        }
        if (node.hasNonNull("error")) {
            String description = node.path("error_description").asText("");
            messages.add(redactor.apply(node.get("error").asText()
                                        + (description.isEmpty() ? "" : ": " + description)));
        }
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded by the pool
        }
    }

    /**
     * How far Jira's clock is ahead of the host's (negative: behind), from the {@code Date} header of the latest
     * answer; zero until Jira answered with one. The header has whole seconds, which is enough for minute-grained
     * queries.
     */
    public Duration serverClockOffset() {
        ServerDate d = lastServerDate;
        if (d != null && d != parsedServerDate) {
            Instant server = DateUtils.parseStandardDate(d.value());
            if (server != null) {
                serverClockOffset = Duration.ofMillis(server.toEpochMilli() + 500 - d.receivedAtMillis());
            }
            parsedServerDate = d;
        }
        return serverClockOffset;
    }

    /** 429 answers by {@code RateLimit-Reason} ({@code unspecified} when Jira named none): a snapshot. */
    public Map<String, Long> rateLimitedByReason() {
        return metrics.rateLimitedByReason();
    }

    /** The connection's counters, by action. */
    public JiraSpokeMetrics metrics() {
        return metrics;
    }

    /**
     * Milliseconds requests waited before they were sent: for the connection's own limits and after a near-limit
     * answer.
     */
    public long throttledMillis() {
        return metrics.throttleWaitMillis();
    }

    /** Requests sent, attempts included. */
    public long requestCount() {
        return metrics.requests();
    }

    /** Attempts made again after a 429, 503 or a failed connection. */
    public long retryCount() {
        return metrics.retries();
    }

    /** Answers with status 429. */
    public long rateLimitedCount() {
        return metrics.rateLimited();
    }

    /** Milliseconds spent waiting between attempts. */
    public long waitedMillis() {
        return metrics.retryWaitMillis();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
