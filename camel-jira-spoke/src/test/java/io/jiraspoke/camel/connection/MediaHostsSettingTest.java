package io.jiraspoke.camel.connection;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection setting mediaHosts (where a Cloud attachment download may be redirected): host names or origins,
 * plain http only to this machine or with allowInsecureHttp, nothing that is not an origin.
 */
class MediaHostsSettingTest {

    private static JiraSpokeConnection cloud(String mediaHosts) {
        JiraSpokeConnection c = JiraSpokeConnection.basicApiToken("https://example.atlassian.net", "bot@example.com",
                "T0ken-S3cret");
        c.setMediaHosts(mediaHosts);
        return c;
    }

    @Test
    void theDefaultIsAtlassiansMediaHost() {
        JiraSpokeConnection c = new JiraSpokeConnection();

        assertThat(c.getMediaHosts()).isEqualTo("api.media.atlassian.com");
        assertThat(c.mediaHostList()).containsExactly("api.media.atlassian.com");
    }

    @ParameterizedTest
    @ValueSource(strings = { "api.media.atlassian.com", "api.media.atlassian.com, https://media.example.com:8443",
                             "http://127.0.0.1:8089", "http://localhost:8089/", " " })
    void hostsAndOriginsAreAccepted(String value) {
        cloud(value).validate("jira");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://media.example.com                  | plain http to media.example.com",
            "https://media.example.com/file            | without path or user info",
            "https://user@media.example.com            | without path or user info",
            "ftp://media.example.com                   | absolute http(s) URL",
            "https://media.example.com?token=x         | must not have a query" })
    void anythingElseIsRefusedNamingTheSetting(String value, String reason) {
        assertThatThrownBy(() -> cloud(value).validate("jira")).isInstanceOf(JiraSpokeConfigurationException.class)
                .hasMessageContaining("'mediaHosts'").hasMessageContaining(reason);
    }

    @Test
    void plainHttpElsewhereNeedsAllowInsecureHttp() {
        JiraSpokeConnection c = cloud("http://media.example.com");
        c.setAllowInsecureHttp(true);

        c.validate("jira");
    }

    @Test
    void blankFollowsNoRedirect() {
        assertThat(cloud("").mediaHostList()).isEmpty();
        assertThat(cloud(" , ").mediaHostList()).isEmpty();
    }
}
