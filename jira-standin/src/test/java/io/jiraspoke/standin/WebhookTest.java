package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhooks the emulator fires at a receiver when issues and comments change, registered by API or by a test. */
class WebhookTest {

    @RegisterExtension
    final JiraEmulator jira = JiraEmulator.cloud().webhookRetryDelay(Duration.ofMillis(20));


    @RegisterExtension
    final HookReceiver hooks = new HookReceiver("/hook");

    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jira.webhookDeliveries().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jira.webhookDeliveries()).hasSize(count);
    }

    @Test
    void signedDeliveriesOfIssueAndCommentEventsThatTheJqlSelects() throws Exception {
        jira.registerWebhook(hooks.url(), "s3cret", "project = DEMO AND labels = hook", "jira:issue_created", "jira:issue_updated",
                "comment_created");
        Rest rest = new Rest(jira);
        rest.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Hooked\",\"labels\":[\"hook\"]}}");
        rest.post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Not\"}}");
        rest.post("/rest/api/2/issue/DEMO-1/comment", "{\"body\":\"Look\"}");
        rest.post("/rest/api/3/issue/DEMO-1/transitions", "{\"transition\":{\"id\":\"21\"}}");
        rest.delete("/rest/api/3/issue/DEMO-2");
        awaitDeliveries(3);

        assertThat(hooks.received).extracting(r -> r.json().path("webhookEvent").asText())
                .containsExactly("jira:issue_created", "comment_created", "jira:issue_updated");
        for (HookReceiver.Delivery r : hooks.received) {
            assertThat(r.header("X-Hub-Signature")).isEqualTo("sha256=" + Webhooks.hmac("s3cret", r.body()));
            assertThat(r.header("X-Atlassian-Webhook-Identifier")).isNotBlank();
            assertThat(r.header("Content-Type")).startsWith("application/json");
        }
        JsonNode created = hooks.received.get(0).json();
        assertThat(created.path("issue").path("key").asText()).isEqualTo("DEMO-1");
        assertThat(created.path("issue_event_type_name").asText()).isEqualTo("issue_created");
        assertThat(created.path("user").path("accountId").asText()).isEqualTo(jira.users().get(0));
        assertThat(created.path("timestamp").isNumber()).isTrue();
        JsonNode comment = hooks.received.get(1).json();
        assertThat(comment.path("comment").path("body").asText()).as("payloads speak REST v2: text").isEqualTo("Look");
        assertThat(comment.path("issue").path("fields").path("summary").asText()).isEqualTo("Hooked");
        JsonNode transitioned = hooks.received.get(2).json();
        assertThat(transitioned.path("changelog").path("items").path(0).path("toString").asText()).isEqualTo("In Progress");
        assertThat(jira.webhookDeliveries()).allMatch(d -> d.status() == 204 && d.attempts() == 1);
    }

    @Test
    void failedDeliveriesAreRetriedWithTheSameIdentifier() throws Exception {
        hooks.failuresToAnswer.set(2);
        jira.registerWebhook(hooks.url(), null, null, "jira:issue_created");
        jira.createIssue("DEMO", "Task", "Quietly created");
        new Rest(jira).post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Loudly created\"}}");
        awaitDeliveries(1);
        assertThat(hooks.received).hasSize(3);
        assertThat(hooks.received).extracting(r -> r.header("X-Atlassian-Webhook-Identifier")).containsOnly(hooks.received.get(0).header(
                "X-Atlassian-Webhook-Identifier"));
        assertThat(hooks.received).extracting(r -> r.header("X-Atlassian-Webhook-Retry")).containsExactly(null, "1", "2");
        assertThat(hooks.received.get(0).header("X-Hub-Signature")).as("no secret, no signature").isNull();
        assertThat(jira.webhookDeliveries()).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.status()).isEqualTo(204);
        });
    }

    @Test
    void registeredThroughTheAdminApiWhichNeverAnswersTheSecret() throws Exception {
        Rest rest = new Rest(jira);
        Rest.Response created = rest.post("/rest/webhooks/1.0/webhook", "{\"name\":\"Camel bridge\",\"url\":\"" + hooks.url() + "\","
                + "\"events\":[\"comment_created\"],\"filters\":{\"issue-related-events-section\":\"project = DEMO\"},\"secret\":\"abc\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("secret")).isFalse();
        assertThat(created.json().path("filters").path("issue-related-events-section").asText()).isEqualTo("project = DEMO");
        String self = created.json().path("self").asText();
        assertThat(rest.get("/rest/webhooks/1.0/webhook").json()).hasSize(1);
        String key = jira.createIssue("DEMO", "Task", "Talk");
        rest.post("/rest/api/3/issue/" + key + "/comment", "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[]}}");
        awaitDeliveries(1);
        assertThat(hooks.received.get(0).header("X-Hub-Signature")).isEqualTo("sha256=" + Webhooks.hmac("abc", hooks.received.get(0).body()));
        assertThat(rest.delete(self.substring(jira.baseUrl().length())).status()).isEqualTo(204);
        assertThat(rest.get("/rest/webhooks/1.0/webhook").json()).isEmpty();
        assertThat(rest.post("/rest/webhooks/1.0/webhook", "{\"name\":\"x\",\"url\":\"ftp://x\",\"events\":[]}").json()
                .path("errors").properties()).extracting(Map.Entry::getKey).containsExactly("url", "events");
    }

    @Test
    void dataCenterTenRegistersAtItsOwnApiAndSendsCommentsWithoutTheIssue() throws Exception {
        try (JiraEmulator dc = JiraEmulator.dataCenter().start()) {
            Rest rest = new Rest(dc);
            assertThat(rest.get("/rest/webhooks/1.0/webhook").status()).as("moved in Data Center 10").isEqualTo(404);
            Rest.Response created = rest.post("/rest/jira-webhook/1.0/webhooks", "{\"name\":\"Camel\",\"url\":\"" + hooks.url() + "\","
                    + "\"events\":[\"comment_created\"],\"active\":true,\"configuration\":{\"FILTERS\":\"project = DEMO\","
                    + "\"EXCLUDE_BODY\":\"false\",\"SECRET\":\"dc-secret\"}}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("id").isNumber()).isTrue();
            assertThat(created.json().path("configuration").has("SECRET")).isFalse();
            String key = dc.createIssue("DEMO", "Task", "Talk");
            rest.post("/rest/api/2/issue/" + key + "/comment", "{\"body\":\"Hello\"}");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (dc.webhookDeliveries().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            JsonNode payload = hooks.received.get(0).json();
            assertThat(payload.has("issue")).isFalse();
            assertThat(payload.path("comment").path("self").asText()).matches(".*/rest/api/2/issue/\\d+/comment/\\d+");
            assertThat(hooks.received.get(0).header("X-Hub-Signature")).isEqualTo("sha256=" + Webhooks.hmac("dc-secret", hooks.received.get(0).body()));
        }
    }
}
