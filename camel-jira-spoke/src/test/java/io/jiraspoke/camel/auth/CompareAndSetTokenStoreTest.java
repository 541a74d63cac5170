package io.jiraspoke.camel.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token store SPI for databases and vaults: instances that share only a versioned key-value store (here a map
 * standing in for a vault's compare-and-set API) renew a rotating refresh token once between them, and a lease left
 * by a dead instance lapses.
 */
class CompareAndSetTokenStoreTest extends OAuthTestSupport {

    /** A vault's KV API: versioned values, writes that name the version they replace. */
    static final class Vault {
        private final Map<String, CompareAndSetTokenStore.Versioned> data = new HashMap<>();

        synchronized CompareAndSetTokenStore.Versioned read(String key) {
            return data.get(key);
        }

        synchronized boolean compareAndSet(String key, CompareAndSetTokenStore.Versioned expected, String value) {
            CompareAndSetTokenStore.Versioned now = data.get(key);
            if (expected == null ? now != null : now == null || now.version() != expected.version()) {
                return false;
            }
            data.put(key, new CompareAndSetTokenStore.Versioned(value, now == null ? 1 : now.version() + 1));
            return true;
        }
    }

    /** What each instance's application would write: the two methods, against the shared vault. */
    static final class VaultTokenStore extends CompareAndSetTokenStore {
        private final Vault vault;

        VaultTokenStore(Vault vault, Duration lease) {
            super(lease);
            this.vault = vault;
        }

        @Override
        protected Versioned read(String key) {
            return vault.read(key);
        }

        @Override
        protected boolean compareAndSet(String key, Versioned expected, String value) {
            return vault.compareAndSet(key, expected, value);
        }

        @Override
        public String toString() {
            return "VaultTokenStore";
        }
    }

    private final List<CamelContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(CamelContext::stop);
    }

    /** Another application instance: its own context, component, connection and store object, on the vault. */
    private ProducerTemplate instance(Vault vault, Duration lease) {
        JiraSpokeConnection c = threeLegged();
        c.setRefreshToken(null);
        c.setTokenStore(new VaultTokenStore(vault, lease));
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", c);
        CamelContext ctx = new DefaultCamelContext();
        ctx.addComponent("jiraspoke", component);
        ctx.start();
        instances.add(ctx);
        return ctx.createProducerTemplate();
    }

    private void stubRotation() {
        jira.stubFor(refreshGrant("refresh-0").inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenJson("access-1", "refresh-1", 3600)).withFixedDelay(500))
                .willSetStateTo("rotated"));
        jira.stubFor(refreshGrant("refresh-0").inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh"
                                  + " token.\"}")));
        stubMyself("access-1");
    }

    private static Vault vaultWithExpiredTokens() {
        Vault vault = new Vault();
        new VaultTokenStore(vault, Duration.ofMinutes(1)).save("jira",
                new OAuthTokens("access-0", "refresh-0", Instant.now().minusSeconds(60)));
        return vault;
    }

    @Test
    void threeInstancesRenewingAtOnceMakeOneRefreshAndAllUseTheNewPair() throws Exception {
        stubRotation();
        Vault vault = vaultWithExpiredTokens();
        List<ProducerTemplate> templates = List.of(instance(vault, Duration.ofMinutes(1)),
                instance(vault, Duration.ofMinutes(1)), instance(vault, Duration.ofMinutes(1)));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(templates.size());
        List<Exchange> done = new ArrayList<>();
        try {
            List<Future<Exchange>> calls = new ArrayList<>();
            for (ProducerTemplate t : templates) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return t.send("jiraspoke:user/myself?connection=jira", e -> e.getIn().setBody(null));
                }));
            }
            go.countDown();
            for (Future<Exchange> f : calls) {
                done.add(f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(done).extracting(Exchange::getException).containsOnlyNulls();
        assertThat(tokenRequests()).as("token requests").isEqualTo(1);
        assertThat(apiRequestsWithBearer("access-1")).isEqualTo(3);
        VaultTokenStore reader = new VaultTokenStore(vault, Duration.ofMinutes(1));
        assertThat(reader.load("jira").refreshToken()).isEqualTo("refresh-1");
        assertThat(reader.load("jira").isUsable(3000)).isTrue();
        assertThat(vault.read("jira.lease").value()).as("the lease, freed").isEmpty();
    }

    @Test
    void aLeaseLeftByADeadInstanceLapsesAndTheNextInstanceRenewsOnce() throws Exception {
        stubRotation();
        Vault vault = vaultWithExpiredTokens();
        long deadUntil = System.currentTimeMillis() + 1500;
        assertThat(vault.compareAndSet("jira.lease", null, "dead-instance " + deadUntil)).isTrue();
        ProducerTemplate survivor = instance(vault, Duration.ofSeconds(1));

        Exchange done = survivor.send("jiraspoke:user/myself?connection=jira", e -> e.getIn().setBody(null));

        assertThat(done.getException()).isNull();
        assertThat(System.currentTimeMillis()).as("the call waited for the dead lease to lapse")
                .isGreaterThanOrEqualTo(deadUntil);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void aLeaseThatDoesNotLapseInTimeIsAnErrorNamingTheConnection() {
        Vault vault = vaultWithExpiredTokens();
        VaultTokenStore holder = new VaultTokenStore(vault, Duration.ofMinutes(1));
        VaultTokenStore waiter = new VaultTokenStore(vault, Duration.ofMinutes(1));

        try (JiraSpokeTokenStore.TokenLock held = holder.lock("jira", Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> waiter.lock("jira", Duration.ofMillis(150)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'jira'")
                    .hasMessageContaining("another instance");
        }
        // closed: free for the next one at once
        try (JiraSpokeTokenStore.TokenLock next = waiter.lock("jira", Duration.ofMillis(150))) {
            assertThat(vault.read("jira.lease").value()).isNotEmpty();
        }
    }

    @Test
    void storedTokensAreJsonAndNeverInToStringOrErrors() {
        Vault vault = new Vault();
        VaultTokenStore store = new VaultTokenStore(vault, Duration.ofMinutes(1));
        Instant expires = Instant.parse("2026-11-28T10:15:30.123Z");
        store.save("jira", new OAuthTokens("access-S3CRET", "refresh-S3CRET", expires));

        assertThat(store.load("jira")).isEqualTo(new OAuthTokens("access-S3CRET", "refresh-S3CRET", expires));
        assertThat(vault.read("jira").value()).contains("\"refreshToken\":\"refresh-S3CRET\"");
        assertThat(vault.read("jira").toString()).doesNotContain("S3CRET");

        vault.compareAndSet("jira", vault.read("jira"), "{not json refresh-S3CRET");
        assertThatThrownBy(() -> store.load("jira")).hasMessageContaining("'jira'")
                .hasMessageNotContaining("S3CRET");
    }
}
