package io.jiraspoke.camel.consumer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.model.JiraFieldChange;
import io.jiraspoke.camel.model.JiraWebhookEvent;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * webhook/events receiving deliveries over platform-http (Vert.x here): one typed exchange per delivery, verified,
 * de-duplicated, answered after the exchange completed; and no exchange for what the route must not see.
 */
class WebhookEventsConsumerTest extends WebhookEventsTestSupport {

    static final String PATH = "/jira/events";
    static final String SIGNED = "webhookPath=" + PATH + "&webhookSecret=" + SECRET
                                 + "&webhookEvents=jira:issue_updated,comment_created";

    @Test
    void aRightlySignedDeliveryIsOneExchangeWithTheTypedEventAndItsHeaders() throws Exception {
        receive(cloud(), SIGNED);
        byte[] body = bytes("cloud-webhook-jira_issue_updated.json");
        Map<String, String> headers = new HashMap<>(signed(body, "d7f2b8c0-7a11-4e7e-9b5a-0f6c1a2b3c4d"));
        headers.put("X-Atlassian-Webhook-Retry", "2");

        HttpResponse<String> answer = deliver(PATH, body, headers);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.headers().firstValue("X-Hub-Signature")).isEmpty();
        assertThat(received).hasSize(1);
        JiraWebhookEvent event = received.get(0).event();
        assertThat(event.getWebhookEvent()).isEqualTo("jira:issue_updated");
        assertThat(event.getIssueEventType()).isEqualTo("issue_generic");
        assertThat(event.getTimestamp().toInstant()).isEqualTo(Instant.ofEpochMilli(1795861500000L));
        assertThat(event.getIssue().getKey()).isEqualTo("OPS-12");
        assertThat(event.getIssue().getSummary()).isEqualTo("Zahlung schlägt fehl – 決済エラー");
        assertThat(event.getIssue().getStatus()).isEqualTo("In Progress");
        assertThat(event.getUser().getAccountId()).isEqualTo("5b10a2844c20165700ede21g");
        assertThat(event.getUser().getDisplayName()).isEqualTo("Mia Krystof");
        assertThat(event.getComment()).isNull();
        assertThat(event.getChangelog().getId()).isEqualTo("10551");
        JiraFieldChange status = event.getChangelog().item("status");
        assertThat(status.getFromText()).isEqualTo("To Do");
        assertThat(status.getToText()).isEqualTo("In Progress");
        assertThat(status.getTo()).isEqualTo("3");
        assertThat(event.getRaw()).isEqualTo(JiraJson.MAPPER.readTree(body));

        Map<String, Object> h = received.get(0).headers();
        assertThat(h).containsEntry(JiraSpokeConstants.WEBHOOK_EVENT, "jira:issue_updated")
                .containsEntry(JiraSpokeConstants.ISSUE_KEY, "OPS-12")
                .containsEntry(JiraSpokeConstants.ISSUE_ID, "10230")
                .containsEntry(JiraSpokeConstants.WEBHOOK_IDENTIFIER, "d7f2b8c0-7a11-4e7e-9b5a-0f6c1a2b3c4d")
                .containsEntry(JiraSpokeConstants.WEBHOOK_RETRY, 2)
                .containsEntry(JiraSpokeConstants.WEBHOOK_TIMESTAMP, 1795861500000L);
        // nothing of the HTTP request reaches the route: no signature, no Authorization, no Jira headers
        assertThat(h.keySet()).allMatch(k -> k.startsWith("CamelJiraSpoke"), "only the consumer's headers");
    }

    @Test
    void aWrongOrMissingSignatureIsAnswered401AndNeverReachesTheRoute() throws Exception {
        receive(cloud(), SIGNED);
        byte[] body = bytes("cloud-webhook-jira_issue_updated.json");
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("OPS-12", "OPS-13")
                .getBytes(StandardCharsets.UTF_8);
        String right = hubSignature(SECRET, body);

        assertThat(deliver(PATH, body, Map.of()).statusCode()).as("no signature").isEqualTo(401);
        assertThat(deliver(PATH, body, Map.of("X-Hub-Signature", hubSignature("another-secret", body)))
                .statusCode()).as("another secret").isEqualTo(401);
        assertThat(deliver(PATH, altered, Map.of("X-Hub-Signature", right)).statusCode())
                .as("a changed body").isEqualTo(401);
        assertThat(deliver(PATH, body, Map.of("X-Hub-Signature", "sha1=" + right.substring(7))).statusCode())
                .as("another algorithm").isEqualTo(401);
        assertThat(deliver(PATH, body, Map.of("X-Hub-Signature", "sha256=not-hex")).statusCode())
                .as("not hexadecimal").isEqualTo(401);
        assertThat(deliver(PATH, body, Map.of("X-Hub-Signature", right.substring(0, right.length() - 2)))
                .statusCode()).as("a truncated signature").isEqualTo(401);
        assertThat(received).isEmpty();

        HttpResponse<String> ok = deliver(PATH, body, Map.of("X-Hub-Signature", right.toUpperCase()
                .replace("SHA256=", "sha256=")));
        assertThat(ok.statusCode()).as("the right signature, in upper case hex").isEqualTo(204);
        assertThat(received).hasSize(1);
    }

    @Test
    void whatIsNotAJiraPayloadIsAnswered400WithoutAnExchange() throws Exception {
        receive(cloud(), SIGNED);
        for (String body : List.of("{\"webhookEvent\": \"jira:issue_updated\", \"issue\": {", "[1, 2]", "\"text\"",
                "{}", "{\"webhookEvent\": 42}", "")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = deliver(PATH, bytes, signed(bytes, "id-" + body.hashCode()));
            assertThat(answer.statusCode()).as("answer to %s", body).isEqualTo(400);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aDeliveryLargerThanTheLimitIsAnswered413() throws Exception {
        receive(cloud(), SIGNED + "&webhookMaxBodySize=4000");
        ObjectNode payload = (ObjectNode) JiraJson.MAPPER.readTree(bytes("cloud-webhook-jira_issue_updated.json"));
        byte[] small = payload.toString().getBytes(StandardCharsets.UTF_8);
        payload.put("padding", "x".repeat(5000));
        byte[] large = payload.toString().getBytes(StandardCharsets.UTF_8);

        assertThat(deliver(PATH, large, signed(large, "big")).statusCode()).isEqualTo(413);
        assertThat(received).isEmpty();
        assertThat(small.length).isLessThan(4000);
        assertThat(deliver(PATH, small, signed(small, "small")).statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
    }

    @Test
    void jirasRetriesAndDuplicateDeliveriesReachTheRouteOnce() throws Exception {
        receive(cloud(), SIGNED);
        byte[] body = bytes("cloud-webhook-comment_created.json");
        Map<String, String> first = signed(body, "a1b2c3d4-0000-4000-8000-000000000001");
        Map<String, String> retry = new HashMap<>(first);
        retry.put("X-Atlassian-Webhook-Retry", "1");

        assertThat(deliver(PATH, body, first).statusCode()).isEqualTo(204);
        assertThat(deliver(PATH, body, retry).statusCode()).isEqualTo(204);
        assertThat(deliver(PATH, body, first).statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).event().getComment().getBody()).isEqualTo("Looks good: deployed to staging.");
        assertThat(received.get(0).headers()).containsEntry(JiraSpokeConstants.COMMENT_ID, "10042")
                .containsEntry(JiraSpokeConstants.ISSUE_KEY, "PROJ-123")
                .containsEntry(JiraSpokeConstants.WEBHOOK_RETRY, 0);

        // on Cloud the identifier is the delivery's identity: another delivery of the same payload is new
        assertThat(deliver(PATH, body, signed(body, "a1b2c3d4-0000-4000-8000-000000000002")).statusCode())
                .isEqualTo(204);
        assertThat(received).hasSize(2);
    }

    @Test
    void aFailedRouteIsAnswered500AndJirasRetryIsDelivered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        behaviour = e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("downstream unavailable");
            }
        };
        receive(cloud(), SIGNED);
        byte[] body = bytes("cloud-webhook-jira_issue_updated.json");
        Map<String, String> headers = signed(body, "f0000000-0000-4000-8000-00000000000f");

        HttpResponse<String> failed = deliver(PATH, body, headers);
        assertThat(failed.statusCode()).as("Jira retries 5xx").isEqualTo(500);
        assertThat(failed.body()).doesNotContain("downstream unavailable");
        assertThat(calls).hasValue(1);

        Map<String, String> retry = new HashMap<>(headers);
        retry.put("X-Atlassian-Webhook-Retry", "1");
        assertThat(deliver(PATH, body, retry).statusCode()).isEqualTo(204);
        assertThat(calls).hasValue(2);
        assertThat(received.get(1).headers()).containsEntry(JiraSpokeConstants.WEBHOOK_RETRY, 1);

        assertThat(deliver(PATH, body, retry).statusCode()).as("delivered: a further retry is a duplicate")
                .isEqualTo(204);
        assertThat(calls).hasValue(2);
    }

    @Test
    void eventsTheRouteDidNotAskForAreAcknowledgedWithoutAnExchange() throws Exception {
        receive(cloud(), SIGNED);
        ObjectNode payload = (ObjectNode) JiraJson.MAPPER.readTree(bytes("cloud-webhook-comment_created.json"));
        payload.put("webhookEvent", "comment_deleted");
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);

        assertThat(deliver(PATH, body, signed(body, "deleted-1")).statusCode()).isEqualTo(204);
        assertThat(received).isEmpty();
    }

    @Test
    void dataCenterDeliveriesWithoutAnIdentifierAreToldApartByTheirPayload() throws Exception {
        receive(dataCenter("9.12.2"), "webhookPath=/dc/events&webhookSecret=" + SECRET);
        byte[] body = bytes("dc-webhook-comment_created.json");
        Map<String, String> headers = Map.of("X-Hub-Signature", hubSignature(SECRET, body));

        assertThat(deliver("/dc/events", body, headers).statusCode()).isEqualTo(204);
        assertThat(deliver("/dc/events", body, headers).statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
        JiraWebhookEvent event = received.get(0).event();
        assertThat(event.getIssue()).as("Data Center comment events carry no issue").isNull();
        assertThat(event.getIssueId()).isEqualTo("20123");
        assertThat(event.getComment().getIssueId()).isEqualTo("20123");
        assertThat(event.getComment().getAuthor().getName()).isEqualTo("svc-camel");
        assertThat(received.get(0).headers()).containsEntry(JiraSpokeConstants.ISSUE_ID, "20123")
                .doesNotContainKey(JiraSpokeConstants.ISSUE_KEY)
                .doesNotContainKey(JiraSpokeConstants.WEBHOOK_IDENTIFIER);

        ObjectNode next = (ObjectNode) JiraJson.MAPPER.readTree(body);
        next.put("timestamp", 1795861260000L);
        byte[] later = next.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(deliver("/dc/events", later, Map.of("X-Hub-Signature", hubSignature(SECRET, later)))
                .statusCode()).isEqualTo(204);
        assertThat(received).as("another event, though of the same comment").hasSize(2);
    }

    @Test
    void aBurstOf1000DeliveriesFrom8ThreadsEachSentTwiceLosesNoneAndDoublesNone() throws Exception {
        receive(cloud(), SIGNED);
        String template = json("cloud-webhook-jira_issue_updated.json");
        List<Integer> sends = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sends.add(i);
            sends.add(i);
        }
        Collections.shuffle(sends, new Random(42));
        Map<Integer, Integer> finalStatus = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n : sends) {
                done.add(pool.submit(() -> {
                    byte[] body = template.replace("OPS-12", "OPS-" + (1000 + n)).getBytes(StandardCharsets.UTF_8);
                    Map<String, String> headers = signed(body, "burst-" + n);
                    int status = 0;
                    // Jira retries 409 (the same delivery still in flight); bounded here as there
                    for (int attempt = 0; attempt < 100; attempt++) {
                        status = deliver(PATH, body, headers).statusCode();
                        if (status != 409) {
                            break;
                        }
                        Thread.sleep(5);
                    }
                    finalStatus.merge(n, status, Math::max);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(finalStatus).hasSize(1000);
        assertThat(finalStatus.values()).containsOnly(204);
        assertThat(received).hasSize(1000);
        Set<Object> identifiers = ConcurrentHashMap.newKeySet();
        received.forEach(r -> identifiers.add(r.headers().get(JiraSpokeConstants.WEBHOOK_IDENTIFIER)));
        assertThat(identifiers).hasSize(1000);
        Set<String> keys = ConcurrentHashMap.newKeySet();
        received.forEach(r -> keys.add(r.event().getIssueKey()));
        assertThat(keys).hasSize(1000).contains("OPS-1000", "OPS-1999");
    }

    @Test
    void unsignedDeliveriesRefuseToStartUnlessAllowed() throws Exception {
        Throwable refused = null;
        try {
            receive(cloud(), "webhookPath=" + PATH);
        } catch (Exception e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(causes(refused)).contains("webhookSecret", "webhookAllowUnsigned=true", "'jira'");

        receive(cloud(), "webhookPath=" + PATH + "&webhookAllowUnsigned=true");
        byte[] body = bytes("cloud-webhook-comment_created.json");
        assertThat(deliver(PATH, body, Map.of()).statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
    }

    @Test
    void appWebhookDeliveriesAreVerifiedByTheirJwt() throws Exception {
        receive(oauth(), "webhookPath=/jira/app");
        byte[] body = bytes("cloud-webhook-comment_created.json");
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"client-id-123\",\"iat\":" + now + ",\"exp\":" + (now + 180) + "}";

        assertThat(deliver("/jira/app", body, Map.of()).statusCode()).as("no JWT").isEqualTo(401);
        assertThat(deliver("/jira/app", body, Map.of("Authorization", "Bearer " + jwt("HS256", "another-app", claims)))
                .statusCode()).as("another app's secret").isEqualTo(401);
        String unsigned = jwt("none", CLIENT_SECRET, claims);
        assertThat(deliver("/jira/app", body, Map.of("Authorization", "Bearer "
                                                                    + unsigned.substring(0, unsigned.lastIndexOf('.') + 1)))
                .statusCode()).as("alg none").isEqualTo(401);
        assertThat(deliver("/jira/app", body, Map.of("Authorization", "Bearer " + jwt("HS512", CLIENT_SECRET, claims)))
                .statusCode()).as("another algorithm").isEqualTo(401);
        String expired = "{\"iss\":\"client-id-123\",\"exp\":" + (now - 600) + "}";
        assertThat(deliver("/jira/app", body, Map.of("Authorization", "Bearer " + jwt("HS256", CLIENT_SECRET, expired)))
                .statusCode()).as("expired").isEqualTo(401);
        assertThat(deliver("/jira/app", body, Map.of("X-Hub-Signature", hubSignature(CLIENT_SECRET, body)))
                .statusCode()).as("an HMAC instead of the JWT").isEqualTo(401);
        assertThat(received).isEmpty();

        HttpResponse<String> ok = deliver("/jira/app", body, Map.of("Authorization", "Bearer "
                                                                                  + jwt("HS256", CLIENT_SECRET, claims)));
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(received).hasSize(1);
    }

    @Test
    void aRepositoryBeanKeepsDuplicatesOutAcrossARestart() throws Exception {
        MemoryIdempotentRepository seen = new MemoryIdempotentRepository();
        byte[] body = bytes("cloud-webhook-jira_issue_updated.json");
        Map<String, String> headers = signed(body, "c0ffee00-0000-4000-8000-000000000001");

        receive(cloud(), SIGNED + "&idempotentRepository=#seen", Map.of("seen", seen));
        assertThat(deliver(PATH, body, headers).statusCode()).isEqualTo(204);
        context.stop();
        receive(cloud(), SIGNED + "&idempotentRepository=#seen", Map.of("seen", seen));
        assertThat(deliver(PATH, body, headers).statusCode()).isEqualTo(204);

        assertThat(received).hasSize(1);
        assertThat(seen.getCache()).containsKey("jiraspoke:" + PATH + ":c0ffee00-0000-4000-8000-000000000001");
    }
}
