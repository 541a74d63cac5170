package io.jiraspoke.camel.client;

import java.time.Duration;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport options of a connection are checked at start, each message naming the option and the value. */
class TransportOptionsTest {

    private static JiraSpokeConnection connection() {
        return JiraSpokeConnection.basicApiToken("https://acme.atlassian.net", "bot@example.com", "api-token-S3CRET");
    }

    private static String failure(JiraSpokeConnection c) {
        try {
            c.validate("acme");
        } catch (JiraSpokeConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("validate accepted " + c);
    }

    @Test
    void theDefaultsAreValid() {
        JiraSpokeConnection c = connection();

        assertThat(c.validate("acme")).isEqualTo(AuthType.BASIC_API_TOKEN);
        assertThat(c.getCallTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.getMaxRequestsPerSecond()).isZero();
        assertThat(c.getMaxConcurrentRequests()).isZero();
    }

    @Test
    void callTimeoutMustBePositive() {
        JiraSpokeConnection c = connection();
        c.setCallTimeout(Duration.ZERO);

        assertThat(failure(c)).contains("Jira connection 'acme'").contains("option 'callTimeout'").contains("PT0S");
    }

    @Test
    void limitsMustNotBeNegative() {
        JiraSpokeConnection c = connection();
        c.setMaxRequestsPerSecond(-1);
        c.setMaxConcurrentRequests(-2);

        assertThat(failure(c)).contains("option 'maxRequestsPerSecond'").contains("-1.0")
                .contains("option 'maxConcurrentRequests'").contains("-2");
    }

    @Test
    void aRateMustBeANumber() {
        JiraSpokeConnection c = connection();
        c.setMaxRequestsPerSecond(Double.NaN);

        assertThat(failure(c)).contains("option 'maxRequestsPerSecond'").contains("NaN");
    }

    @Test
    void aProxyMustBeHostAndPort() {
        for (String bad : new String[] {"proxy.example.com", "proxy.example.com:0", "proxy:http", "socks5://p:1080",
                "http://proxy.example.com:8080/path"}) {
            JiraSpokeConnection c = connection();
            c.setProxy(bad);
            assertThat(failure(c)).as(bad).contains("option 'proxy' must be host:port or http://host:port, was " + bad);
        }
        for (String good : new String[] {"proxy.example.com:3128", "http://proxy.example.com:3128", "[::1]:8080"}) {
            JiraSpokeConnection c = connection();
            c.setProxy(good);
            assertThat(c.validate("acme")).as(good).isEqualTo(AuthType.BASIC_API_TOKEN);
        }
    }

    @Test
    void proxyCredentialsInTheUrlAreRefusedWithoutRepeatingThem() {
        JiraSpokeConnection c = connection();
        c.setProxy("http://user:proxy-S3CRET@proxy.example.com:3128");

        assertThat(failure(c)).contains("option 'proxy' must not hold credentials").doesNotContain("proxy-S3CRET");
    }

    @Test
    void proxyCredentialsNeedAProxyAndAUser() {
        JiraSpokeConnection noProxy = connection();
        noProxy.setProxyUsername("u");
        assertThat(failure(noProxy)).contains("'proxyUsername' and 'proxyPassword' need 'proxy'");

        JiraSpokeConnection noUser = connection();
        noUser.setProxy("proxy.example.com:3128");
        noUser.setProxyPassword("proxy-S3CRET");
        assertThat(failure(noUser)).contains("option 'proxyPassword' needs 'proxyUsername'")
                .doesNotContain("proxy-S3CRET");
    }

    @Test
    void trustStoreSettingsAreChecked() {
        JiraSpokeConnection missing = connection();
        missing.setTrustStore("/no/such/dir/truststore.p12");
        assertThat(failure(missing)).contains("option 'trustStore': no readable file at /no/such/dir/truststore.p12");

        JiraSpokeConnection orphan = connection();
        orphan.setTrustStorePassword("store-S3CRET");
        assertThat(failure(orphan)).contains("need 'trustStore'").doesNotContain("store-S3CRET");

        JiraSpokeConnection unknownType = connection();
        unknownType.setTrustStore("/no/such/dir/truststore.p12");
        unknownType.setTrustStoreType("NOPE");
        assertThat(failure(unknownType)).contains("option 'trustStoreType'").contains("NOPE");
    }

    @Test
    void toStringMasksTheNewSecrets() {
        JiraSpokeConnection c = connection();
        c.setTrustStore("/etc/jira/truststore.p12");
        c.setTrustStorePassword("store-S3CRET");
        c.setProxy("proxy.example.com:3128");
        c.setProxyUsername("proxy-user");
        c.setProxyPassword("proxy-S3CRET");

        assertThat(c.toString()).contains("trustStore=/etc/jira/truststore.p12").contains("trustStorePassword=xxxxxx")
                .contains("proxy=proxy.example.com:3128").contains("proxyPassword=xxxxxx")
                .doesNotContain("store-S3CRET").doesNotContain("proxy-S3CRET");
    }
}
