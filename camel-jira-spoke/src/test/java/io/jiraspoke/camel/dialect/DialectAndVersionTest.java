package io.jiraspoke.camel.dialect;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.Deployment;
import io.jiraspoke.camel.client.JiraDialect;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.client.TextFormat;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.Adf;
import io.jiraspoke.camel.model.JiraServerInfo;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What differs between Cloud and Data Center is answered by the connection's dialect; where a whole API differs by
 * Data Center version, the start-up guard picks the catalogue variant from the major version Jira reports, learnt
 * once per connection.
 */
class DialectAndVersionTest extends JiraSpokeTestSupport {

    static JiraServerInfo info(String json) throws Exception {
        return new JiraServerInfo(JiraJson.MAPPER.readTree(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{\"version\":\"10.3.1\",\"versionNumbers\":[10,3,1]}; 10",
            "{\"version\":\"9.12.2\"}; 9",
            "{\"version\":\"4.2-SNAPSHOT\"}; 4",
            "{\"versionNumbers\":[\"11\",\"0\"]}; 11",
            "{\"version\":\"10.0.0\",\"versionNumbers\":[]}; 10" })
    void theMajorVersionComesFromVersionNumbersElseFromTheVersionText(String json, int major) throws Exception {
        assertThat(info(json).getMajorVersion()).isEqualTo(major);
    }

    @Test
    void aJiraThatReportsNoVersionHasNoneAndOneWithoutADeploymentTypeIsAServer() throws Exception {
        JiraServerInfo old = info("{\"baseUrl\":\"https://jira.example.com\",\"version\":\"unknown\"}");

        assertThat(old.getMajorVersion()).isNull();
        assertThat(old.getDeployment()).isEqualTo(Deployment.SERVER);
        assertThat(info("{\"deploymentType\":\"Cloud\"}").getDeployment()).isEqualTo(Deployment.CLOUD);
        assertThat(info("{\"serverTime\":\"not a time\"}").getServerTime()).isNull();
    }

    void stubDataCenter(String version) {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(
                "{\"baseUrl\":\"" + jira.baseUrl() + "\",\"version\":\"" + version + "\",\"deploymentType\":"
                + "\"DataCenter\",\"buildNumber\":100000,\"serverTitle\":\"Jira\"}")));
    }

    String variantKey(String uri) {
        return context.getEndpoint(uri, JiraSpokeEndpoint.class).variant().key();
    }

    @Test
    void onDataCenterTenTheGuardPicksTheNewAuditApiAndAsksForTheVersionOnce() throws Exception {
        stubDataCenter("10.3.1");
        start(Map.of("dc", server()));

        assertThat(variantKey("jiraspoke:audit/logs?connection=dc")).isEqualTo("audit/logs[server>=10]");
        assertThat(variantKey("jiraspoke:audit/logs?connection=dc&pageSize=10")).isEqualTo("audit/logs[server>=10]");
        jira.verify(1, getRequestedFor(urlEqualTo("/rest/api/2/serverInfo")));
    }

    @Test
    void onDataCenterNineTheGuardPicksTheAuditingRecordApi() throws Exception {
        stubDataCenter("9.12.2");
        start(Map.of("dc", server()));

        assertThat(variantKey("jiraspoke:audit/logs?connection=dc")).isEqualTo("audit/logs[cloud,server<=9]");
    }

    @Test
    void actionsWithoutVersionedApisDoNotAskForTheVersion() throws Exception {
        start(Map.of("dc", server(), "cloud", cloud()));

        assertThat(variantKey("jiraspoke:issue/get?connection=dc")).isEqualTo("issue/get");
        assertThat(variantKey("jiraspoke:audit/logs?connection=cloud")).isEqualTo("audit/logs[cloud,server<=9]");
        assertThat(variantKey("jiraspoke:project/list?connection=cloud")).isEqualTo("project/list[cloud]");
        assertThat(variantKey("jiraspoke:project/list?connection=dc")).isEqualTo("project/list[server]");
        jira.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aJiraTooOldToSayItsVersionGetsTheOlderApi() throws Exception {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson("{\"baseUrl\":\"" + jira.baseUrl() + "\"}")));
        start(Map.of("dc", server()));

        assertThat(variantKey("jiraspoke:audit/logs?connection=dc")).isEqualTo("audit/logs[cloud,server<=9]");
    }

    @Test
    void theDialectsSpeakTheirDeploymentsLanguage() {
        assertThat(JiraDialect.CLOUD.api()).isEqualTo("/rest/api/3");
        assertThat(JiraDialect.DATA_CENTER.api()).isEqualTo("/rest/api/2");
        assertThat(JiraDialect.CLOUD.user("5b10a2844c20165700ede21g"))
                .isEqualTo(Map.of("accountId", "5b10a2844c20165700ede21g"));
        assertThat(JiraDialect.DATA_CENTER.user("jdoe")).isEqualTo(Map.of("name", "jdoe"));
        assertThat(JiraDialect.CLOUD.userParameter()).isEqualTo("accountId");
        assertThat(JiraDialect.DATA_CENTER.userParameter()).isEqualTo("username");
        assertThat(JiraDialect.of(Deployment.SERVER)).isSameAs(JiraDialect.DATA_CENTER);
    }

    @Test
    void richTextIsAdfOnCloudAndWikiTextOnDataCenterBothWays() {
        Object adf = JiraDialect.CLOUD.richText("Line one\nline two\n\nNext paragraph", TextFormat.TEXT,
                "issue/addComment", "body");
        ObjectNode doc = (ObjectNode) adf;

        assertThat(doc.path("type").asText()).isEqualTo("doc");
        assertThat(doc.path("content")).hasSize(2);
        assertThat(JiraDialect.CLOUD.text(doc)).isEqualTo("Line one\nline two\n\nNext paragraph");
        assertThat(JiraDialect.CLOUD.richText(doc, TextFormat.MARKDOWN, "issue/addComment", "body"))
                .as("ADF goes as is").isSameAs(doc);
        assertThat(JiraDialect.DATA_CENTER.richText("h1. Title", TextFormat.TEXT, "issue/addComment", "body"))
                .isEqualTo("h1. Title");
        assertThat(JiraDialect.DATA_CENTER.richText("# Title", TextFormat.MARKDOWN, "issue/addComment", "body"))
                .isEqualTo("h1. Title");
        assertThat(JiraDialect.DATA_CENTER.text(JiraJson.MAPPER.getNodeFactory().textNode("*bold* text")))
                .isEqualTo("bold text");
        assertThatThrownBy(() -> JiraDialect.DATA_CENTER.richText(Adf.fromText("x"), TextFormat.TEXT,
                "issue/addComment", "body"))
                .isInstanceOf(JiraSpokeInputException.class)
                .hasMessageContaining("issue/addComment: field 'body' must be text on Jira Data Center");
    }
}
