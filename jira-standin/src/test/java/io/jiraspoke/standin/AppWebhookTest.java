package io.jiraspoke.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cloud's app webhooks ({@code /rest/api/3/webhook}) of OAuth apps: registration, expiry, refresh, JWT-signed deliveries. */
class AppWebhookTest {

    /** Jira's clock, which a test moves on by days. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final MovableClock clock = new MovableClock();

    @RegisterExtension
    final JiraEmulator jira = JiraEmulator.cloud().clock(clock).webhookRetryDelay(Duration.ofMillis(10))
            .oauthClient("app-id", "app-secret").oauthClient("other-app", "other-secret");


    @RegisterExtension
    final HookReceiver hooks = new HookReceiver("/app");

    private Rest app(String clientId, String secret) {
        Rest.Response token = new Rest(jira.baseUrl(), null).post("/oauth/token", "{\"grant_type\":\"client_credentials\","
                + "\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\"}");
        return new Rest(jira.baseUrl(), "Bearer " + token.json().path("access_token").asText());
    }

    private String webhooks() {
        return "/ex/jira/" + jira.cloudId() + "/rest/api/3/webhook";
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jira.webhookDeliveries().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jira.webhookDeliveries()).hasSize(count);
    }

    private static String hs256(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anAppRegistersWebhooksAndGetsDeliveriesSignedWithItsClientSecret() throws Exception {
        Rest app = app("app-id", "app-secret");
        assertThat(new Rest(jira).post("/rest/api/3/webhook", "{\"url\":\"" + hooks.url() + "\",\"webhooks\":[]}").status())
                .as("a user's API token is not an app").isEqualTo(403);
        Rest.Response registered = app.post(webhooks(), "{\"url\":\"" + hooks.url() + "\",\"webhooks\":["
                + "{\"events\":[\"jira:issue_created\",\"comment_created\"],\"jqlFilter\":\"project = DEMO\"},"
                + "{\"events\":[\"jira:issue_created\"],\"jqlFilter\":\"watchCount > 1\"},"
                + "{\"events\":[\"jira:issue_created\"],\"jqlFilter\":\"project = DEMO\",\"fieldIdsFilter\":[\"summary\"]},"
                + "{\"events\":[\"sprint_started\"],\"jqlFilter\":\"project = DEMO\"},"
                + "{\"events\":[\"jira:issue_created\"],\"jqlFilter\":\"issuetype in (Task, Bug) AND status != Done\"}]}");
        assertThat(registered.status()).isEqualTo(200);
        JsonNode results = registered.json().path("webhookRegistrationResult");
        assertThat(results).hasSize(5);
        long first = results.path(0).path("createdWebhookId").asLong();
        long second = results.path(4).path("createdWebhookId").asLong();
        assertThat(first).isPositive();
        assertThat(results.path(1).path("errors")).extracting(JsonNode::asText).containsExactly("The clause watchCount is unsupported");
        assertThat(results.path(2).path("errors").path(0).asText()).contains("fieldIdsFilter");
        assertThat(results.path(3).path("errors").path(0).asText()).contains("sprint_started");
        assertThat(second).isGreaterThan(first);

        JsonNode page = app.get(webhooks()).json();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("isLast").asBoolean()).isTrue();
        JsonNode listed = page.path("values").path(0);
        assertThat(listed.path("id").asLong()).isEqualTo(first);
        assertThat(listed.path("url").asText()).isEqualTo(hooks.url());
        assertThat(listed.path("jqlFilter").asText()).isEqualTo("project = DEMO");
        assertThat(listed.path("expirationDate").asLong()).isEqualTo(clock.instant().plus(Duration.ofDays(30)).toEpochMilli());
        assertThat(app.get(webhooks() + "?startAt=1&maxResults=1").json().path("values")).singleElement()
                .satisfies(w -> assertThat(w.path("id").asLong()).isEqualTo(second));
        assertThat(app("other-app", "other-secret").get(webhooks()).json().path("total").asInt()).as("apps see their own").isZero();

        new Rest(jira).post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Hooked\"}}");
        new Rest(jira).post("/rest/api/2/issue/DEMO-1/comment", "{\"body\":\"Look\"}");
        awaitDeliveries(2);
        assertThat(hooks.received).hasSize(2);
        JsonNode created = Rest.MAPPER.readTree(hooks.received.get(0).body());
        assertThat(created.path("webhookEvent").asText()).isEqualTo("jira:issue_created");
        assertThat(created.path("matchedWebhookIds")).as("one delivery to the URL for both matching webhooks")
                .extracting(JsonNode::asLong).containsExactly(first, second);
        assertThat(Rest.MAPPER.readTree(hooks.received.get(1).body()).path("matchedWebhookIds")).extracting(JsonNode::asLong).containsExactly(first);
        for (HookReceiver.Delivery r : hooks.received) {
            assertThat(r.header("X-Hub-Signature")).as("app webhooks are not HMAC-signed").isNull();
            String jwt = r.header("Authorization").substring("Bearer ".length());
            String[] parts = jwt.split("\\.");
            assertThat(parts).hasSize(3);
            assertThat(Rest.json(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).path("alg").asText())
                    .isEqualTo("HS256");
            assertThat(parts[2]).isEqualTo(hs256("app-secret", parts[0] + "." + parts[1]));
            JsonNode claims = Rest.json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            long now = Instant.now().getEpochSecond();
            assertThat(claims.path("exp").asLong()).isGreaterThan(now).isLessThanOrEqualTo(now + 300);
        }

        assertThat(app("other-app", "other-secret").delete(webhooks(), "{\"webhookIds\":[" + first + "]}").status()).isEqualTo(202);
        assertThat(app.get(webhooks()).json().path("total").asInt()).as("another app's ids are ignored").isEqualTo(2);
        assertThat(app.delete(webhooks(), "{\"webhookIds\":[]}").status()).isEqualTo(400);
        assertThat(app.delete(webhooks(), "{\"webhookIds\":[" + first + "," + second + "]}").status()).isEqualTo(202);
        assertThat(app.get(webhooks()).json().path("total").asInt()).isZero();
    }

    @Test
    void appWebhooksExpireAfterThirtyDaysUnlessRefreshed() throws Exception {
        Rest app = app("app-id", "app-secret");
        long kept = app.post(webhooks(), "{\"url\":\"" + hooks.url() + "\",\"webhooks\":[{\"events\":[\"jira:issue_created\"],"
                + "\"jqlFilter\":\"project = DEMO\"}]}").json().path("webhookRegistrationResult").path(0).path("createdWebhookId").asLong();
        app.post(webhooks(), "{\"url\":\"" + hooks.url() + "\",\"webhooks\":[{\"events\":[\"jira:issue_created\"],"
                + "\"jqlFilter\":\"project = DEMO\"}]}");
        clock.advance(Duration.ofDays(20));
        Rest.Response refreshed = app.put(webhooks() + "/refresh", "{\"webhookIds\":[" + kept + "]}");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("expirationDate").asLong()).isEqualTo(clock.instant().plus(Duration.ofDays(30)).toEpochMilli());
        clock.advance(Duration.ofDays(15));
        JsonNode page = app.get(webhooks()).json();
        assertThat(page.path("values")).as("the other one expired").singleElement()
                .satisfies(w -> assertThat(w.path("id").asLong()).isEqualTo(kept));

        new Rest(jira).post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Day 35\"}}");
        awaitDeliveries(1);
        assertThat(Rest.MAPPER.readTree(hooks.received.get(0).body()).path("matchedWebhookIds")).extracting(JsonNode::asLong).containsExactly(kept);

        clock.advance(Duration.ofDays(16));
        assertThat(app.get(webhooks()).json().path("total").asInt()).isZero();
        new Rest(jira).post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Day 51\"}}");
        Thread.sleep(300);
        assertThat(hooks.received).as("an expired webhook is not sent").hasSize(1);
    }

    @Test
    void deliveriesGivenUpOnAreListedToTheirApp() throws Exception {
        Rest app = app("app-id", "app-secret");
        app.post(webhooks(), "{\"url\":\"" + hooks.url() + "\",\"webhooks\":[{\"events\":[\"jira:issue_created\"],\"jqlFilter\":\"project = DEMO\"}]}");
        hooks.failuresToAnswer.set(3);
        new Rest(jira).post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},\"issuetype\":{\"name\":\"Task\"},"
                + "\"summary\":\"Lost\"}}");
        awaitDeliveries(1);
        assertThat(jira.webhookDeliveries().get(0).status()).isEqualTo(500);

        JsonNode failed = app.get(webhooks() + "/failed").json();
        assertThat(failed.path("values")).singleElement().satisfies(f -> {
            assertThat(f.path("id").asText()).isEqualTo(jira.webhookDeliveries().get(0).identifier());
            assertThat(f.path("url").asText()).isEqualTo(hooks.url());
            assertThat(Rest.json(f.path("body").asText()).path("issue").path("fields").path("summary").asText()).isEqualTo("Lost");
        });
        String next = failed.path("next").asText();
        assertThat(next).contains("/webhook/failed?failedAfter=" + failed.path("values").path(0).path("failureTime").asLong());
        assertThat(app.get(next.substring(jira.baseUrl().length())).json().path("values")).as("nothing failed since").isEmpty();
        assertThat(app("other-app", "other-secret").get(webhooks() + "/failed").json().path("values")).isEmpty();
    }
}
