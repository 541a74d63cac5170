package io.jiraspoke.camel.connection;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.jiraspoke.camel.ConnectionOption;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.auth.InMemoryTokenStore;
import io.jiraspoke.camel.catalog.AuthType;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connection settings are declared once ({@link ConnectionOption}) and that one table drives validation,
 * {@code toString()}, the sharing of clients and the docs; inline settings take the prefix {@code connection.}; a
 * connection that cannot work refuses to start.
 */
class ConnectionSettingsTest extends JiraSpokeTestSupport {

    @Test
    void theTableCoversEveryPropertyOfAConnectionAndNothingElse() throws Exception {
        Set<String> properties = new TreeSet<>();
        for (PropertyDescriptor p : Introspector.getBeanInfo(JiraSpokeConnection.class, Object.class)
                .getPropertyDescriptors()) {
            if (p.getWriteMethod() != null) {
                properties.add(p.getName());
            }
        }

        assertThat(new TreeSet<>(ConnectionOption.ids())).isEqualTo(properties);
        for (ConnectionOption o : ConnectionOption.values()) {
            assertThat(o.valueOf(new JiraSpokeConnection())).as("default of %s", o.id()).isEqualTo(o.defaultValue());
            assertThat(o.description()).as("description of %s", o.id()).isNotBlank();
            for (AuthType t : AuthType.values()) {
                assertThat(!o.isRequiredFor(t) || o.isAllowedFor(t)).as("%s required but not allowed for %s", o.id(), t)
                        .isTrue();
            }
        }
    }

    @Test
    void toStringShowsTheSettingsThatAreSetWithSecretsMasked() {
        JiraSpokeConnection c = JiraSpokeConnection.basicApiToken("https://example.atlassian.net", "bot@example.com",
                "T0ken-S3cret");
        c.setReadOnly(true);

        assertThat(c.toString()).isEqualTo("JiraSpokeConnection[authType=basic-api-token,"
                                           + " baseUrl=https://example.atlassian.net, email=bot@example.com,"
                                           + " apiToken=xxxxxx, readOnly=true]");
    }

    @Test
    void everySettingTellsInlineConnectionsApart() throws Exception {
        start(Map.of());
        String base = "jiraspoke:server/info?connection.baseUrl=" + jira.baseUrl()
                      + "&connection.authType=basic-api-token&connection.email=a@example.com"
                      + "&connection.apiToken=RAW(one)";
        var shared = context.getEndpoint(base, io.jiraspoke.camel.JiraSpokeEndpoint.class).getClient();

        assertThat(context.getEndpoint(base + "&lazyStartProducer=true", io.jiraspoke.camel.JiraSpokeEndpoint.class)
                .getClient()).as("same settings").isSameAs(shared);
        for (String other : new String[] { "&connection.maxAttempts=2", "&connection.readOnly=true",
                "&connection.connectTimeout=3s", "&connection.cloudId=abc" }) {
            assertThat(context.getEndpoint(base + other, io.jiraspoke.camel.JiraSpokeEndpoint.class).getClient())
                    .as(other).isNotSameAs(shared);
        }
    }

    @Test
    void anUnprefixedConnectionSettingOnAnEndpointNamesTheNewFormAndNeverItsValue() {
        String message = startFailure(Map.of(), sendingTo("jiraspoke:user/myself?baseUrl=" + jira.baseUrl()
                                                           + "&authType=basic-api-token&email=a@example.com"
                                                           + "&apiToken=RAW(Unpr3fixed-S3cret)"));

        assertThat(message).contains("are connection settings, not endpoint options")
                .contains("[apiToken, authType, baseUrl, email]").contains("prefix connection. (e.g. connection.apiToken=...)")
                .doesNotContain("Unpr3fixed-S3cret");
    }

    @Test
    void anUnknownInlineSettingIsRefusedListingTheValidOnes() {
        String message = startFailure(Map.of(), sendingTo("jiraspoke:user/myself?connection.baseUrl=" + jira.baseUrl()
                                                           + "&connection.apiTokn=x"));

        assertThat(message).contains("unknown connection setting 'connection.apiTokn'")
                .contains("valid settings: authType, deployment, baseUrl");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "jira.example.com; option 'baseUrl' must be an absolute http(s) URL with a host",
            "ftp://jira.example.com; option 'baseUrl' must be an absolute http(s) URL with a host",
            "https://; option 'baseUrl' is not a URL",
            "https://jira.example.com/?os_authType=basic; option 'baseUrl' must not have a query",
            "http://jira.example.com; uses plain http to jira.example.com" })
    void aBaseUrlThatCannotWorkRefusesToStart(String url, String expected) {
        JiraSpokeConnection c = JiraSpokeConnection.personalAccessToken(url, DC_PAT);

        assertThat(startFailure(Map.of("dc", c), sendingTo("jiraspoke:server/info?connection=dc")))
                .contains("Jira connection 'dc'").contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080", "http://127.0.0.1:8080/jira", "http://[::1]:8080" })
    void plainHttpToThisMachineIsAllowed(String url) {
        assertThat(JiraSpokeConnection.personalAccessToken(url, DC_PAT).validate("dc"))
                .isEqualTo(AuthType.PERSONAL_ACCESS_TOKEN);
    }

    @Test
    void plainHttpElsewhereNeedsAllowInsecureHttp() {
        JiraSpokeConnection c = JiraSpokeConnection.personalAccessToken("http://jira.internal:8080", DC_PAT);
        c.setAllowInsecureHttp(true);

        assertThat(c.validate("dc")).isEqualTo(AuthType.PERSONAL_ACCESS_TOKEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "connectTimeout; abc",
            "responseTimeout; -5s",
            "maxRetryWait; 1x",
            "maxRetryWait; 5 minutes" })
    void aDurationCamelWouldReadAsZeroIsRefusedNamingTheSettingAndTheValue(String setting, String value) {
        String message = startFailure(Map.of(), sendingTo("jiraspoke:server/info?connection.baseUrl=" + jira.baseUrl()
                                                           + "&connection.personalAccessToken=p&connection." + setting
                                                           + "=" + value));

        assertThat(message).contains("Option '" + setting + "' must be a duration").contains("was '" + value + "'");
    }

    @Test
    void durationsFromTextAreReadStrictlyOnNamedConnectionsToo() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setConnectTimeout("1h30m");
        c.setResponseTimeout("PT2S");
        c.setMaxRetryWait("2500");

        assertThat(c.getConnectTimeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.getResponseTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.getMaxRetryWait()).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> c.setMaxRetryWait("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Option 'maxRetryWait'").hasMessageContaining("was 'soon'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "maxAttempts; 0; option 'maxAttempts' must be at least 1, was 0",
            "maxConnections; -1; option 'maxConnections' must be at least 1, was -1",
            "connectTimeout; 0s; option 'connectTimeout' must be a positive duration, was PT0S" })
    void numbersOutOfRangeAreRefusedNamingTheSettingAndTheValue(String setting, String value, String expected) {
        String message = startFailure(Map.of(), sendingTo("jiraspoke:server/info?connection.baseUrl=" + jira.baseUrl()
                                                           + "&connection.personalAccessToken=p&connection." + setting
                                                           + "=" + value));

        assertThat(message).contains(expected);
    }

    @Test
    void aReadOnlyConnectionRefusesActionsThatWriteAndStartsTheOthers() throws Exception {
        JiraSpokeConnection c = cloud();
        c.setReadOnly(true);

        String message = startFailure(Map.of("prod", c), sendingTo("jiraspoke:issue/create?connection=prod"
                                                                   + "&projectKey=ABC&issueType=Task"));
        assertThat(message).contains("cannot start on connection 'prod'").contains("read-only (readOnly=true)")
                .contains("issue/create changes data in Jira");

        context = null;
        start(Map.of("prod", c), sendingTo("jiraspoke:issue/get?connection=prod&issueKey=ABC-1"));
        assertThat(context.getRoutes()).hasSize(1);
    }

    @Test
    void autoDetectionThatContradictsTheAuthTypeRefusesToStart() {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(json("cloud-serverInfo.json"))));
        JiraSpokeConnection pat = server();
        pat.setDeployment("auto");

        String message = startFailure(Map.of("dc", pat), sendingTo("jiraspoke:server/info?connection=dc"));

        assertThat(message).contains("Jira connection 'dc' has deployment=auto and Jira says it is cloud")
                .contains("authType personal-access-token works only on Jira server");
    }

    @Test
    void autoDetectionOfDataCenterForACloudTokenRefusesToStart() {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(json("dc-serverInfo.json"))));
        JiraSpokeConnection token = cloud();
        token.setDeployment("auto");

        assertThat(startFailure(Map.of("c", token), sendingTo("jiraspoke:user/myself?connection=c")))
                .contains("Jira says it is server").contains("authType basic-api-token works only on Jira cloud");
    }

    @Test
    void aTokenStoreCountsAsSetForTheFingerprintByIdentity() {
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setTokenStore(new InMemoryTokenStore());

        assertThat(ConnectionOption.TOKEN_STORE.isSetOn(c)).isTrue();
        assertThatThrownBy(() -> c.validate("x")).isInstanceOf(JiraSpokeConfigurationException.class)
                .hasMessageContaining("has no credentials");
    }
}
