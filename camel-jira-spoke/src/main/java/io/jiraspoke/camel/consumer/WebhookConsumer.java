package io.jiraspoke.camel.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.metrics.ActionCounters;
import io.jiraspoke.camel.metrics.JiraSpokeMetrics;
import io.jiraspoke.camel.producer.WebhookOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer of events Jira pushes (webhook/events): it receives Jira's webhook deliveries on Camel's
 * platform-http, whichever engine the application runs (Vert.x, Spring Boot's web server, ...), and turns each one
 * into one exchange.
 * <p>
 * A delivery is answered only once its exchange completed, so that Jira retries what the route failed: 204 when
 * the route succeeded (or handled its failure), 500 when it failed. A delivery the route must never see is answered
 * without an exchange: 401 for a missing or wrong signature, 413 when it is too large, 400 when it is not a JSON
 * object, 204 for events the route did not ask for and for duplicates. Duplicates are told by Jira's
 * {@code X-Atlassian-Webhook-Identifier}, which stays the same across Jira's retries, else (Data Center) by the
 * digest of the payload, kept in an {@link IdempotentRepository}: added before the exchange, confirmed after it,
 * removed when it failed so that Jira's retry is delivered. A retry that arrives while the first attempt is still
 * being processed here is answered 409, which Jira retries later.
 */
final class WebhookConsumer<T> extends DefaultConsumer {

    static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";
    static final String RETRY = "X-Atlassian-Webhook-Retry";
    /** How many deliveries the default repository remembers. */
    static final int REMEMBERED = 10_000;
    /** How long a stop waits for a reconciling poll to finish the exchange in hand. */
    static final long STOP_WAIT_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookConsumer.class);

    private final JiraSpokeEndpoint endpoint;
    private final EventSource<T> source;
    private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(WebhookConsumer::sha256);
    private String path;
    private long maxBodySize;
    private WebhookSignatures signatures;
    private IdempotentRepository repository;
    private ActionCounters counters;
    private Consumer http;
    private ScheduledExecutorService scheduler;
    private WebhookReconciler<T> reconciler;

    WebhookConsumer(JiraSpokeEndpoint endpoint, Processor processor, EventSource<T> source) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.source = source;
    }

    @Override
    protected void doStart() throws Exception {
        WebhookOptions options = endpoint.getWebhook();
        path = path(options);
        maxBodySize = options.getWebhookMaxBodySize();
        signatures = signatures(options);
        if (repository == null) {
            repository = options.getIdempotentRepository() != null ? options.getIdempotentRepository()
                    : MemoryIdempotentRepository.memoryIdempotentRepository(REMEMBERED);
        }
        // a repository bound in the registry is not started by Camel, and some read their store only when started
        ServiceHelper.startService(repository);
        counters = endpoint.getClient().http().metrics().forAction(endpoint.getCatalogAction());
        Reconciliation<T> reconciliation = source.reconciliation();
        if (reconciliation != null) {
            reconciliation.verify();
            reconciler = new WebhookReconciler<>(endpoint, reconciliation, repository, inFlight, prefix(),
                    event -> deliver(event, null, 0, true, "reconciled"), getExceptionHandler());
        }
        http = httpEndpoint().createConsumer(this::receive);
        ServiceHelper.startService(http);
        try {
            source.start();
            if (reconciler != null) {
                reconciler.start();
            }
        } catch (RuntimeException e) {
            ServiceHelper.stopAndShutdownService(http);
            http = null;
            throw e;
        }
        Duration every = source.renewInterval();
        if (every != null || reconciler != null) {
            scheduler = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "JiraSpokeWebhookEvents");
        }
        if (every != null) {
            scheduler.scheduleWithFixedDelay(this::renew, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (reconciler != null) {
            long interval = reconciliation.interval().toMillis();
            scheduler.scheduleWithFixedDelay(this::reconcile, interval, interval, TimeUnit.MILLISECONDS);
        }
        LOG.info("{} receives Jira's deliveries at {} (platform-http); signatures checked: {}", endpoint, path,
                signatures.describe());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        try {
            if (reconciler != null) {
                reconciler.stop();
            }
            if (scheduler != null) {
                getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(scheduler,
                        STOP_WAIT_MILLIS);
                scheduler = null;
            }
            if (http != null) {
                ServiceHelper.stopAndShutdownService(http);
                http = null;
            }
        } finally {
            source.stop();
            super.doStop();
        }
    }

    /** One reconciling poll, its requests counted against the consumer's action. */
    private void reconcile() {
        ActionCounters previous = JiraSpokeMetrics.enter(counters);
        try {
            reconciler.poll();
        } finally {
            JiraSpokeMetrics.exit(previous);
        }
    }

    /** The reconciling poll, or null when the endpoint asks for none. */
    WebhookReconciler<T> reconciler() {
        return reconciler;
    }

    private void renew() {
        try {
            source.renew();
        } catch (RuntimeException e) {
            LOG.warn("{} could not extend the life of its webhook; it tries again in {}: {}", endpoint,
                    source.renewInterval(), e.toString());
        }
    }

    /** The path deliveries arrive at: webhookPath, else the path of webhookUrl. */
    private String path(WebhookOptions options) {
        String p = options.getWebhookPath();
        if ((p == null || p.isBlank()) && options.getWebhookUrl() != null) {
            try {
                p = new URI(options.getWebhookUrl().strip()).getRawPath();
            } catch (URISyntaxException e) {
                throw new JiraSpokeConfigurationException(
                        "Consumer jiraspoke:webhook/events: option 'webhookUrl' is not a URL; it must be the absolute"
                                                          + " http(s) URL Jira sends the events to");
            }
        }
        if (p == null || p.isBlank() || p.equals("/")) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:webhook/events needs the path deliveries arrive at on this application's"
                                                      + " HTTP server: set option 'webhookPath' (e.g. /jira/events),"
                                                      + " or 'webhookUrl' with a path");
        }
        p = p.strip();
        return p.startsWith("/") ? p : "/" + p;
    }

    private WebhookSignatures signatures(WebhookOptions options) {
        String secret = options.getWebhookSecret();
        if (secret != null && !secret.isBlank()) {
            return WebhookSignatures.hmac(secret);
        }
        if (endpoint.getClient().appWebhookKey() != null) {
            return WebhookSignatures.jwt(endpoint.getClient().appWebhookKey(), Instant::now);
        }
        if (options.isWebhookAllowUnsigned()) {
            return WebhookSignatures.none();
        }
        throw new JiraSpokeConfigurationException(
                "Consumer jiraspoke:webhook/events on connection '" + endpoint.getClient().name() + "' would accept"
                                                  + " deliveries nobody signed: set option 'webhookSecret' to the"
                                                  + " secret of the admin webhook (Jira then signs each delivery),"
                                                  + " use an OAuth connection (app webhooks carry a JWT), or set"
                                                  + " webhookAllowUnsigned=true to accept unsigned deliveries");
    }

    private Endpoint httpEndpoint() {
        CamelContext context = getEndpoint().getCamelContext();
        if (context.getComponent("platform-http", true, false) == null) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:webhook/events receives deliveries over Camel's platform-http, which this"
                                                      + " application does not have: add camel-platform-http-vertx"
                                                      + " (or camel-platform-http-starter on Spring Boot)");
        }
        return context.getEndpoint("platform-http:" + path + "?httpMethodRestrict=POST");
    }

    /** One HTTP request from Jira; the exchange is platform-http's, and gets only the answer. */
    private void receive(Exchange request) {
        Message in = request.getIn();
        String identifier = trimmed(in.getHeader(IDENTIFIER, String.class));
        String key = null;
        List<String> versions = null;
        boolean pending = false;
        try {
            Long length = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
            if (length != null && length > maxBodySize) {
                answer(request, 413, "The delivery is larger than webhookMaxBodySize (" + maxBodySize + " bytes)");
                return;
            }
            byte[] raw = body(in);
            if (raw == null) {
                answer(request, 413, "The delivery is larger than webhookMaxBodySize (" + maxBodySize + " bytes)");
                return;
            }
            String refusal = signatures.reject(raw, in);
            if (refusal != null) {
                LOG.warn("{} refused a delivery at {} (401): {}", endpoint, path, refusal);
                answer(request, 401, "Not signed as this webhook's deliveries are: " + refusal);
                return;
            }
            T event;
            try {
                event = source.read(read(raw));
            } catch (JiraSpokeInputException e) {
                answer(request, 400, e.getMessage());
                return;
            }
            if (!source.wanted(event)) {
                LOG.debug("{} drops {}: not among the events it asked for", endpoint, source.describe(event));
                answer(request, 204, null);
                return;
            }
            String id = identifier != null ? identifier : "sha256:" + HexFormat.of().formatHex(digests.get().digest(raw));
            key = prefix() + id;
            if (inFlight.putIfAbsent(key, Boolean.TRUE) != null) {
                key = null;
                answer(request, 409, "This delivery is being processed; retry later");
                return;
            }
            if (!repository.add(key)) {
                LOG.debug("{} drops {} ({}): delivered before", endpoint, source.describe(event), id);
                answer(request, 204, null);
                return;
            }
            pending = true;
            versions = claimVersions(event);
            if (versions != null && versions.isEmpty()) {
                LOG.debug("{} drops {} ({}): the reconciling poll delivered it", endpoint, source.describe(event), id);
                repository.confirm(key);
                pending = false;
                answer(request, 204, null);
                return;
            }
            boolean ok = deliver(event, identifier, retries(in), false, id);
            for (String k : versions == null ? List.of(key) : concat(key, versions)) {
                if (ok) {
                    repository.confirm(k);
                } else {
                    repository.remove(k);
                }
            }
            pending = false;
            if (ok) {
                answer(request, 204, null);
            } else {
                answer(request, 500, "The route failed on this delivery; Jira retries it");
            }
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Receiving a Jira webhook delivery at " + path + " failed", e);
            if (pending) {
                // not delivered: Jira's retry must not be taken for a duplicate
                forget(versions == null ? List.of(key) : concat(key, versions));
            }
            answer(request, 503, "The delivery could not be received; Jira retries it");
        } finally {
            if (key != null) {
                inFlight.remove(key);
            }
            if (versions != null) {
                versions.forEach(inFlight::remove);
            }
        }
    }

    /**
     * With a reconciling poll, the version keys of the event that this delivery adds to the repository (claimed in
     * flight too, so that the poll waits for its outcome); empty when the poll delivered (or is delivering) every
     * one of them; null without a poll or when the event carries no version the poll could find.
     */
    private List<String> claimVersions(T event) {
        if (reconciler == null) {
            return null;
        }
        List<String> versions = source.reconciliation().versions(event);
        if (versions.isEmpty()) {
            return null;
        }
        List<String> added = new ArrayList<>(versions.size());
        try {
            for (String v : versions) {
                String k = prefix() + v;
                if (inFlight.putIfAbsent(k, Boolean.TRUE) == null) {
                    boolean fresh = false;
                    try {
                        fresh = repository.add(k);
                    } finally {
                        if (fresh) {
                            added.add(k);
                        } else {
                            inFlight.remove(k);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            forget(added);
            added.forEach(inFlight::remove);
            throw e;
        }
        return added;
    }

    /** Removes keys of a delivery that was not delivered, as far as the repository lets; never throws. */
    private void forget(List<String> keys) {
        for (String k : keys) {
            try {
                repository.remove(k);
            } catch (RuntimeException e) {
                LOG.warn("{} could not remove {} from its idempotent repository: {}", endpoint, k, e.toString());
            }
        }
    }

    private static List<String> concat(String key, List<String> more) {
        List<String> all = new ArrayList<>(more.size() + 1);
        all.add(key);
        all.addAll(more);
        return all;
    }

    /** What every key of this consumer in the repository starts with, so that consumers may share one. */
    private String prefix() {
        return "jiraspoke:" + path + ":";
    }

    /**
     * One exchange for the event, a delivery's or one the reconciling poll made; answers whether it succeeded (or
     * the route handled its failure).
     */
    private boolean deliver(T event, String identifier, int retries, boolean reconciled, String id) {
        Exchange exchange = createExchange(false);
        try {
            Message m = exchange.getMessage();
            m.setBody(event);
            source.headers(event, m);
            m.setHeader(JiraSpokeConstants.WEBHOOK_IDENTIFIER, identifier);
            m.setHeader(JiraSpokeConstants.WEBHOOK_RETRY, retries);
            m.setHeader(JiraSpokeConstants.WEBHOOK_RECONCILED, reconciled);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure == null && !exchange.isRollbackOnly()) {
                counters.delivered();
                return true;
            }
            getExceptionHandler().handleException("Processing " + source.describe(event) + " (" + id + ") failed;"
                                                  + (reconciled ? " the next reconciling poll tries again"
                                                          : " Jira is answered 500 and retries it"),
                                                  exchange, failure);
            return false;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The raw bytes, as signed; null when there are more than webhookMaxBodySize. */
    private byte[] body(Message in) {
        Object body = in.getBody();
        byte[] raw;
        if (body == null) {
            raw = new byte[0];
        } else if (body instanceof byte[] bytes) {
            raw = bytes;
        } else if (body instanceof InputStream stream) {
            try {
                raw = stream.readNBytes((int) maxBodySize + 1);
            } catch (IOException e) {
                throw new JiraSpokeInputException("The delivery's body could not be read: " + e.getMessage());
            }
        } else {
            raw = in.getBody(byte[].class);
        }
        return raw != null && raw.length > maxBodySize ? null : raw == null ? new byte[0] : raw;
    }

    private static JsonNode read(byte[] raw) {
        JsonNode payload;
        try {
            payload = raw.length == 0 ? null : JiraJson.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new JiraSpokeInputException("The delivery is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new JiraSpokeInputException("The delivery could not be read: " + e.getMessage());
        }
        if (payload == null || !payload.isObject()) {
            throw new JiraSpokeInputException("The delivery is not a JSON object, as Jira's webhook payloads are");
        }
        return payload;
    }

    private static int retries(Message request) {
        String retry = trimmed(request.getHeader(RETRY, String.class));
        if (retry == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(retry));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Sets the answer on platform-http's exchange; none of the request's headers go back to Jira. */
    private static void answer(Exchange request, int status, String text) {
        Message reply = request.getMessage();
        reply.getHeaders().clear();
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (text != null) {
            reply.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        }
        reply.setBody(text);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
