package io.jiraspoke.camel.consumer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.consumer.Issues.Issue;
import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reconciling poll of webhook/events: an issue search with the endpoint's JQL that delivers the changes no
 * webhook delivery brought, sharing the idempotent repository with the deliveries so that a change reaches the
 * route once, whichever way comes first. The tests run the poll by hand (the interval is a day), except one that
 * shows the schedule.
 */
class WebhookReconcileTest extends WebhookEventsTestSupport {

    static final String PATH = "/jira/events";
    static final String OPTIONS = "webhookPath=" + PATH + "&webhookSecret=" + SECRET
                                  + "&webhookEvents=jira:issue_updated,comment_created&jql=project = ABC"
                                  + "&webhookReconcileInterval=1d&webhookReconcileDelay=0s";

    private Instant now;
    /** Edited a minute ago and 30 seconds ago; created long before. */
    private Issue edited;
    private Issue missed;

    /** After the support's set-up, whose first run in a JVM takes seconds, so that "30 seconds ago" holds. */
    @BeforeEach
    void issues() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        edited = new Issue("10001", "ABC-1", now.minusSeconds(60));
        missed = new Issue("10002", "ABC-2", now.minusSeconds(30));
    }
    private final MemoryStateRepository state = new MemoryStateRepository();

    /** The search answers these issues, oldest first, on every poll. */
    private void searchAnswers(ObjectNode... issues) {
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        body.putArray("issues").addAll(List.of(issues));
        body.put("isLast", true);
        jira.stubFor(post(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson(body.toString())));
    }

    private static ObjectNode json(Issue issue) {
        return Issues.json(issue, true);
    }

    /** A new issue, created and last updated at the same instant. */
    private static ObjectNode created(Issue issue) {
        ObjectNode n = Issues.json(issue, true);
        ((ObjectNode) n.get("fields")).put("created", issue.jiraUpdated());
        return n;
    }

    /** The delivery of an issue event, as Jira sends it, carrying the issue as it is. */
    private HttpResponse<String> deliverEvent(String event, ObjectNode issue, String identifier) throws Exception {
        ObjectNode payload = JiraJson.MAPPER.createObjectNode();
        payload.put("timestamp", Instant.now().toEpochMilli());
        payload.put("webhookEvent", event);
        payload.put("issue_event_type_name", "issue_generic");
        payload.set("issue", issue);
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return deliver(PATH, body, signed(body, identifier));
    }

    /**
     * Starts the route with its poll's watermark ten minutes back and no overlap, so that where the watermark stands
     * after a poll tells exactly what the poll settled.
     */
    private CamelContext receiveFromTenMinutesAgo(String options) throws Exception {
        state.setState("reconcile", now.minus(10, ChronoUnit.MINUTES).toString());
        return receive(cloud(), options + "&stateRepository=#state&stateKey=reconcile&overlap=0s",
                Map.of("state", state));
    }

    /**
     * Starts the route as a consumer that ran before: its saved watermark ten minutes back (the default overlap
     * applies), so that the changes of the last minute are its to reconcile.
     */
    private CamelContext receiveResuming(JiraSpokeConnection connection, String options, Map<String, Object> beans)
            throws Exception {
        state.setState("reconcile", now.minus(10, ChronoUnit.MINUTES).toString());
        Map<String, Object> all = new java.util.HashMap<>(beans);
        all.put("state", state);
        return receive(connection, options + "&stateRepository=#state&stateKey=reconcile", all);
    }

    private CamelContext receiveResuming(String options) throws Exception {
        return receiveResuming(cloud(), options, Map.of());
    }

    private Instant saved() {
        return Instant.parse(state.getState("reconcile"));
    }

    @SuppressWarnings("unchecked")
    private WebhookReconciler<Object> reconciler(CamelContext camel) {
        return ((WebhookConsumer<Object>) camel.getRoute("events").getConsumer()).reconciler();
    }

    private List<Received> about(String key) {
        return received.stream().filter(r -> key.equals(r.headers().get(JiraSpokeConstants.ISSUE_KEY))).toList();
    }

    @Test
    void aChangeNoDeliveryBroughtIsDeliveredOnceByThePollAndOneThatCameIsNot() throws Exception {
        CamelContext camel = receiveResuming(OPTIONS);
        assertThat(deliverEvent("jira:issue_updated", json(edited), "delivery-1").statusCode()).isEqualTo(204);
        searchAnswers(json(edited), json(missed));

        assertThat(reconciler(camel).poll()).isEqualTo(1);

        assertThat(received).hasSize(2);
        assertThat(about("ABC-1")).singleElement().satisfies(r -> assertThat(r.headers())
                .containsEntry(JiraSpokeConstants.WEBHOOK_RECONCILED, false)
                .containsEntry(JiraSpokeConstants.WEBHOOK_IDENTIFIER, "delivery-1"));
        Received filled = about("ABC-2").get(0);
        assertThat(filled.headers()).containsEntry(JiraSpokeConstants.WEBHOOK_RECONCILED, true)
                .containsEntry(JiraSpokeConstants.WEBHOOK_EVENT, "jira:issue_updated")
                .containsEntry(JiraSpokeConstants.ISSUE_ID, "10002")
                .containsEntry(JiraSpokeConstants.WEBHOOK_TIMESTAMP, missed.millis())
                .doesNotContainKey(JiraSpokeConstants.WEBHOOK_IDENTIFIER);
        assertThat(filled.event().getWebhookEvent()).isEqualTo("jira:issue_updated");
        assertThat(filled.event().getIssue().getSummary()).isEqualTo("Summary of ABC-2");
        assertThat(filled.event().getChangelog()).as("the search cannot tell what changed").isNull();
        // the poll searched the endpoint's JQL, narrowed to what changed since its watermark, oldest first
        jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
                .withRequestBody(matchingJsonPath("$.jql", com.github.tomakehurst.wiremock.client.WireMock
                        .matching("\\(project = ABC\\) AND updated >= \"-\\d+m\" ORDER BY updated ASC, key ASC"))));

        // the next poll finds the same issues and delivers nothing; Jira's late delivery of ABC-2 is a duplicate
        assertThat(reconciler(camel).poll()).isZero();
        assertThat(deliverEvent("jira:issue_updated", json(missed), "delivery-2").statusCode()).isEqualTo(204);
        assertThat(received).hasSize(2);

        // a later edit of ABC-1 that no delivery brought is a new version: delivered once
        Issue again = edited.touched(now.minusSeconds(10));
        searchAnswers(json(missed), json(again));
        assertThat(reconciler(camel).poll()).isEqualTo(1);
        assertThat(about("ABC-1")).hasSize(2).last().satisfies(r -> assertThat(r.headers())
                .containsEntry(JiraSpokeConstants.WEBHOOK_RECONCILED, true));
    }

    @Test
    void aFailedExchangeLeavesTheWatermarkAtItAndTheNextPollDeliversItAgain() throws Exception {
        CamelContext camel = receiveFromTenMinutesAgo(OPTIONS);
        Issue later = new Issue("10003", "ABC-3", now.minusSeconds(5));
        searchAnswers(json(edited), json(missed), json(later));
        behaviour = e -> {
            if ("ABC-2".equals(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY))) {
                throw new IllegalStateException("downstream is down");
            }
        };

        assertThat(reconciler(camel).poll()).isEqualTo(1);
        assertThat(received).extracting(r -> r.headers().get(JiraSpokeConstants.ISSUE_KEY))
                .containsExactly("ABC-1", "ABC-2");
        assertThat(saved()).as("at the failed change, not past it").isEqualTo(missed.updated());

        behaviour = e -> {
        };
        assertThat(reconciler(camel).poll()).isEqualTo(2);
        assertThat(received).extracting(r -> r.headers().get(JiraSpokeConstants.ISSUE_KEY))
                .containsExactly("ABC-1", "ABC-2", "ABC-2", "ABC-3");
        assertThat(saved()).as("everything up to Jira's now is settled").isAfter(later.updated());
        assertThat(reconciler(camel).poll()).isZero();
    }

    @Test
    void aChangeYoungerThanTheDelayIsLeftToItsDelivery() throws Exception {
        CamelContext camel = receiveFromTenMinutesAgo(OPTIONS.replace("webhookReconcileDelay=0s",
                "webhookReconcileDelay=45s"));
        searchAnswers(json(edited), json(missed));

        assertThat(reconciler(camel).poll()).as("ABC-1 is a minute old, ABC-2 only 30 seconds").isEqualTo(1);
        assertThat(saved()).as("short of ABC-2, which the next poll looks at again").isBefore(missed.updated())
                .isAfter(edited.updated());
        assertThat(deliverEvent("jira:issue_updated", json(missed), "delivery-2").statusCode()).isEqualTo(204);

        assertThat(received).extracting(r -> r.headers().get(JiraSpokeConstants.ISSUE_KEY) + " "
                                             + r.headers().get(JiraSpokeConstants.WEBHOOK_RECONCILED))
                .containsExactly("ABC-1 true", "ABC-2 false");
    }

    @Test
    void aDeliveryBeingProcessedMakesThePollWaitForItsOutcome() throws Exception {
        CamelContext camel = receiveFromTenMinutesAgo(OPTIONS);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inRoute = new CountDownLatch(1);
        behaviour = e -> {
            if (!e.getMessage().getHeader(JiraSpokeConstants.WEBHOOK_RECONCILED, Boolean.class)) {
                inRoute.countDown();
                assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            }
        };
        searchAnswers(json(edited), json(missed));
        CompletableFuture<HttpResponse<String>> delivery = CompletableFuture.supplyAsync(() -> {
            try {
                return deliverEvent("jira:issue_updated", json(edited), "delivery-1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inRoute.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(reconciler(camel).poll()).as("stops at ABC-1, whose delivery has no outcome yet").isZero();
        assertThat(saved()).isEqualTo(edited.updated());
        release.countDown();
        assertThat(delivery.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(204);

        assertThat(reconciler(camel).poll()).isEqualTo(1);
        assertThat(about("ABC-1")).hasSize(1);
        assertThat(about("ABC-2")).hasSize(1);
    }

    @Test
    void creationsAreReconciledAsCreatedEventsAndUpdatesOnlyWhenAskedFor() throws Exception {
        Issue fresh = new Issue("10005", "ABC-5", now.minusSeconds(20));
        CamelContext camel = receiveResuming(OPTIONS.replace("jira:issue_updated,comment_created",
                "jira:issue_created"));
        searchAnswers(json(edited), created(fresh));

        assertThat(reconciler(camel).poll()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.headers()).containsEntry(JiraSpokeConstants.ISSUE_KEY, "ABC-5")
                    .containsEntry(JiraSpokeConstants.WEBHOOK_EVENT, "jira:issue_created")
                    .containsEntry(JiraSpokeConstants.WEBHOOK_RECONCILED, true);
            assertThat(r.event().getIssueEventType()).isEqualTo("issue_created");
        });
        // Jira's delivery of the same creation, late: a duplicate
        assertThat(deliverEvent("jira:issue_created", created(fresh), "delivery-5").statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
    }

    @Test
    void aNewIssueIsNotAnUpdateAndACreationThatCameIsNotReportedAgain() throws Exception {
        Issue fresh = new Issue("10005", "ABC-5", now.minusSeconds(20));
        Issue other = new Issue("10006", "ABC-6", now.minusSeconds(10));
        CamelContext camel = receiveResuming(OPTIONS.replace("jira:issue_updated,comment_created",
                "jira:issue_created,jira:issue_updated"));
        assertThat(deliverEvent("jira:issue_created", created(fresh), "delivery-5").statusCode()).isEqualTo(204);
        searchAnswers(created(fresh), created(other));

        assertThat(reconciler(camel).poll()).isEqualTo(1);
        assertThat(received).extracting(r -> r.headers().get(JiraSpokeConstants.ISSUE_KEY) + " "
                                             + r.headers().get(JiraSpokeConstants.WEBHOOK_EVENT))
                .containsExactly("ABC-5 jira:issue_created", "ABC-6 jira:issue_created");
    }

    @Test
    void onDataCenterDeliveriesWithoutAnIdentifierAndTheSearchShareTheVersions() throws Exception {
        CamelContext camel = receiveResuming(dataCenter("10.3.1"), OPTIONS, Map.of());
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        body.put("startAt", 0).put("maxResults", 100).put("total", 2);
        body.putArray("issues").add(Issues.json(edited, false)).add(Issues.json(missed, false));
        jira.stubFor(post(urlPathEqualTo("/rest/api/2/search")).willReturn(okJson(body.toString())));
        ObjectNode payload = JiraJson.MAPPER.createObjectNode();
        payload.put("timestamp", Instant.now().toEpochMilli());
        payload.put("webhookEvent", "jira:issue_updated");
        payload.set("issue", Issues.json(edited, false));
        byte[] raw = payload.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(PATH, raw, Map.of("X-Hub-Signature", hubSignature(SECRET, raw))).statusCode())
                .isEqualTo(204);

        assertThat(reconciler(camel).poll()).isEqualTo(1);

        assertThat(received).extracting(r -> r.headers().get(JiraSpokeConstants.ISSUE_KEY) + " "
                                             + r.headers().get(JiraSpokeConstants.WEBHOOK_RECONCILED))
                .containsExactly("ABC-1 false", "ABC-2 true");
        jira.verify(postRequestedFor(urlPathEqualTo("/rest/api/2/search"))
                .withRequestBody(matchingJsonPath("$.jql", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("(project = ABC) AND updated >= "))));
    }

    @Test
    void aRepositoryThatFailsMidwayLeavesNothingThatWouldDropJirasRetry() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        MemoryIdempotentRepository seen = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                if (key.contains("@") && broken.get()) {
                    throw new IllegalStateException("the repository's database is down");
                }
                return super.add(key);
            }
        };
        receive(cloud(), OPTIONS + "&idempotentRepository=#seen", Map.of("seen", seen));

        assertThat(deliverEvent("jira:issue_updated", json(edited), "delivery-1").statusCode()).isEqualTo(503);
        assertThat(received).isEmpty();
        broken.set(false);
        assertThat(deliverEvent("jira:issue_updated", json(edited), "delivery-1").statusCode())
                .as("Jira's retry of the same delivery").isEqualTo(204);
        assertThat(about("ABC-1")).hasSize(1);
    }

    @Test
    void theScheduleRunsThePollAtTheInterval() throws Exception {
        receiveResuming(OPTIONS.replace("webhookReconcileInterval=1d", "webhookReconcileInterval=1s"));
        searchAnswers(json(missed));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(about("ABC-2")).singleElement().satisfies(r -> assertThat(r.headers())
                .containsEntry(JiraSpokeConstants.WEBHOOK_RECONCILED, true));
    }

    @Test
    void aRepositoryAndStateSharedAcrossARestartDeliverNothingTwice() throws Exception {
        MemoryIdempotentRepository seen = (MemoryIdempotentRepository) MemoryIdempotentRepository
                .memoryIdempotentRepository(1000);
        String options = OPTIONS + "&idempotentRepository=#seen";
        CamelContext first = receiveResuming(cloud(), options, Map.of("seen", seen));
        searchAnswers(json(edited), json(missed));
        assertThat(reconciler(first).poll()).isEqualTo(2);
        first.stop();

        CamelContext second = receive(cloud(), options + "&stateRepository=#state&stateKey=reconcile",
                Map.of("state", state, "seen", seen));
        assertThat(reconciler(second).poll()).isZero();
        assertThat(received).hasSize(2);
    }

    @Test
    void aConsumerWithoutStateDoesNotReportWhatChangedBeforeItStarted() throws Exception {
        CamelContext camel = receive(cloud(), OPTIONS);
        // a second after the start, and polled more than a second later: clear of the host's reading of Jira's
        // clock (a Date header has whole seconds) on either side
        Issue after = new Issue("10007", "ABC-7", Instant.now().plusSeconds(1));
        Thread.sleep(1_600);
        searchAnswers(json(edited), json(missed), json(after));

        assertThat(reconciler(camel).poll()).as("ABC-1 and ABC-2 changed before the start").isEqualTo(1);
        assertThat(about("ABC-7")).singleElement().satisfies(r -> assertThat(r.headers())
                .containsEntry(JiraSpokeConstants.WEBHOOK_RECONCILED, true));
        assertThat(received).hasSize(1);
    }

    @Test
    void optionsThatCannotWorkRefuseToStartNamingThem() {
        assertThatThrownBy(() -> receive(cloud(), OPTIONS.replace("&jql=project = ABC", "")))
                .hasStackTraceContaining("webhookReconcileInterval needs option 'jql'");
        assertThatThrownBy(() -> receive(cloud(), OPTIONS.replace("jira:issue_updated,comment_created",
                "comment_created"))).hasStackTraceContaining("webhookEvents asks for neither");
        assertThatThrownBy(() -> receive(cloud(), "webhookPath=" + PATH + "&webhookSecret=" + SECRET + "&overlap=1m"))
                .hasStackTraceContaining("option 'overlap' is read by webhook/events only with"
                                         + " webhookReconcileInterval");
        assertThatThrownBy(() -> receive(cloud(), "webhookPath=" + PATH + "&webhookSecret=" + SECRET
                                                  + "&stateRepository=#state", Map.of("state",
                new MemoryStateRepository()))).hasStackTraceContaining("option 'stateRepository' is read by"
                                                                       + " webhook/events only with");
        assertThatThrownBy(() -> receive(cloud(), OPTIONS.replace("=1d", "=500ms")))
                .hasStackTraceContaining("'webhookReconcileInterval' must be at least 1s");
        assertThatThrownBy(() -> receive(cloud(), OPTIONS.replace("webhookReconcileDelay=0s",
                "webhookReconcileDelay=2d"))).hasStackTraceContaining("'webhookReconcileDelay' must be between");
    }

    @Test
    void aSavedStateThatIsNotAnInstantRefusesToStartNamingIt() {
        state.setState("reconcile", "yesterday");
        assertThatThrownBy(() -> receive(cloud(), OPTIONS + "&stateRepository=#state&stateKey=reconcile",
                Map.of("state", state))).hasStackTraceContaining("state 'reconcile' in the state repository is not an instant");
    }
}
