package io.jiraspoke.camel.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeTransportException;
import io.jiraspoke.camel.error.JiraSpokeUnauthorizedException;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS trusts the JVM's trust store unless the connection names its own; an HTTP proxy carries every request, and
 * its credentials go to the proxy alone.
 */
class TlsAndProxyTest extends JiraSpokeTestSupport {

    /** A host that does not resolve: reaching "Jira" at all proves the proxy carried the request. */
    private static final String UNRESOLVABLE_JIRA = "http://jira.example.invalid:8080";
    private static final String INFO = "/rest/api/3/serverInfo";
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-Pa55-S3CRET";
    private static final String PROXY_BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    Path dir;

    private WireMockServer extra;

    @AfterEach
    void stopExtra() {
        if (extra != null) {
            extra.stop();
        }
    }

    private WireMockServer startExtra(WireMockConfiguration options) {
        extra = new WireMockServer(options);
        extra.start();
        return extra;
    }

    private JiraSpokeConnection throughProxy(WireMockServer proxy) {
        JiraSpokeConnection c = JiraSpokeConnection.basicApiToken(UNRESOLVABLE_JIRA, CLOUD_EMAIL, CLOUD_API_TOKEN);
        // plain http to a host that is not this machine must be allowed explicitly, proxy or not
        c.setAllowInsecureHttp(true);
        c.setProxy("localhost:" + proxy.port());
        c.setMaxAttempts(1);
        return c;
    }

    @Test
    void requestsGoThroughTheProxy() throws Exception {
        WireMockServer proxy = startExtra(WireMockConfiguration.options().dynamicPort());
        proxy.stubFor(get(urlEqualTo(INFO)).willReturn(okJson(json("cloud-serverInfo.json"))));
        start(Map.of("jira", throughProxy(proxy)));

        Exchange ex = send("jiraspoke:server/info?connection=jira", null, Map.of());

        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getBody(JiraServerInfo.class).getDeploymentType()).isEqualTo("Cloud");
        List<LoggedRequest> seen = proxy.findAll(anyRequestedFor(anyUrl()));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getHeader("Host")).isEqualTo("jira.example.invalid:8080");
    }

    @Test
    void proxyCredentialsAnswerTheProxysChallengeAndNeverJiras() throws Exception {
        WireMockServer proxy = startExtra(WireMockConfiguration.options().dynamicPort());
        proxy.stubFor(get(anyUrl()).withHeader("Proxy-Authorization", absent()).willReturn(aResponse()
                .withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
        // behind the proxy, "Jira" refuses the API token and asks for Basic credentials of its own
        proxy.stubFor(get(urlEqualTo("/rest/api/3/myself")).withHeader("Proxy-Authorization", equalTo(PROXY_BASIC))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"jira\"")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"token expired\"]}")));
        JiraSpokeConnection c = throughProxy(proxy);
        c.setProxyUsername(PROXY_USER);
        c.setProxyPassword(PROXY_PASSWORD);
        start(Map.of("jira", c));

        Exchange ex = send("jiraspoke:user/myself?connection=jira", null, Map.of());

        assertThat(ex.getException()).isInstanceOf(JiraSpokeUnauthorizedException.class)
                .hasMessageContaining("token expired");
        List<LoggedRequest> seen = proxy.findAll(anyRequestedFor(anyUrl()));
        assertThat(seen).as("the challenge, then the request with proxy credentials").hasSize(2);
        assertThat(seen.get(1).getHeader("Proxy-Authorization")).isEqualTo(PROXY_BASIC);
        assertThat(seen).as("proxy credentials sent as Jira's Authorization")
                .noneMatch(r -> PROXY_BASIC.equals(r.getHeader("Authorization")));
    }

    /** A PKCS12 key store with a self-signed certificate for localhost, as a private CA would issue. */
    private Path selfSignedKeyStore() throws Exception {
        Path store = dir.resolve("jira.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "jira", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return store;
    }

    private WireMockServer startHttpsJira(Path keyStore) {
        WireMockServer https = startExtra(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystorePassword(STORE_PASSWORD)
                .keyManagerPassword(STORE_PASSWORD).keystoreType("PKCS12"));
        https.stubFor(get(urlEqualTo(INFO)).willReturn(okJson(json("cloud-serverInfo.json"))));
        return https;
    }

    private JiraSpokeConnection https(WireMockServer server) {
        JiraSpokeConnection c = JiraSpokeConnection.basicApiToken("https://localhost:" + server.httpsPort(),
                CLOUD_EMAIL, CLOUD_API_TOKEN);
        c.setMaxAttempts(1);
        return c;
    }

    @Test
    void aTrustStoreTrustsWhatTheJvmDoesNot() throws Exception {
        Path store = selfSignedKeyStore();
        WireMockServer server = startHttpsJira(store);
        JiraSpokeConnection trusting = https(server);
        trusting.setTrustStore(store.toString());
        trusting.setTrustStorePassword(STORE_PASSWORD);
        start(Map.of("jvm", https(server), "own", trusting));

        Exchange byJvm = send("jiraspoke:server/info?connection=jvm", null, Map.of());
        Exchange byOwn = send("jiraspoke:server/info?connection=own", null, Map.of());

        assertThat(byJvm.getException()).as("the JVM's trust store does not know the certificate")
                .isInstanceOf(JiraSpokeTransportException.class);
        assertThat(byOwn.getException()).isNull();
        assertThat(byOwn.getMessage().getBody(JiraServerInfo.class).getDeploymentType()).isEqualTo("Cloud");
    }

    @Test
    void aMissingTrustStoreFailsAtStartNamingTheOption() {
        JiraSpokeConnection c = cloud();
        String missing = dir.resolve("missing.p12").toString();
        c.setTrustStore(missing);

        String failure = startFailure(Map.of("jira", c), sendingTo("jiraspoke:server/info?connection=jira"));

        assertThat(failure).contains("'trustStore'").contains(missing);
    }

    @Test
    void aWrongTrustStorePasswordFailsAtStartNamingTheOption() throws Exception {
        JiraSpokeConnection c = cloud();
        c.setTrustStore(selfSignedKeyStore().toString());
        c.setTrustStorePassword("wrong-S3CRET");

        String failure = startFailure(Map.of("jira", c), sendingTo("jiraspoke:server/info?connection=jira"));

        assertThat(failure).contains("'trustStore'").contains("trustStorePassword").doesNotContain("wrong-S3CRET");
    }
}
