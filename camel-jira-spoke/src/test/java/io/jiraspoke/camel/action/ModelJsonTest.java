package io.jiraspoke.camel.action;

import java.io.File;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiraspoke.camel.model.JiraIssue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a route gets when it writes a result as JSON (marshal().json(), a REST reply, a Kafka record): Jira's JSON as
 * received, not a bean dump of the getters, some of which would otherwise ask Jira for its field list.
 */
class ModelJsonTest extends ActionTestSupport {

    @Test
    void marshallingAnIssueGivesJirasJsonAndCallsNothing() throws Exception {
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PROJ-123"))
                .willReturn(okJson(json("cloud-issue-PROJ-123.json"))));
        start(Map.of(Flavor.CLOUD.connection, cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:json")
                        .to(uri(Flavor.CLOUD, "issue/get", "issueKey=PROJ-123"))
                        .marshal().json(JsonLibrary.Jackson);
            }
        });

        Exchange ex = send("direct:json", null, Map.of());

        assertThat(ex.getException()).isNull();
        JsonNode written = new ObjectMapper().readTree(ex.getMessage().getBody(String.class));
        assertThat(written).isEqualTo(new ObjectMapper().readTree(json("cloud-issue-PROJ-123.json")));
        jira.verify(0, anyRequestedFor(urlPathMatching("/rest/api/3/field.*")));
    }

    @Test
    void everyResultTypeWritesTheJsonItWasReadFrom() throws Exception {
        JsonNode raw = new ObjectMapper().readTree("{\"id\":\"10001\",\"name\":\"Ünïcode ✓\",\"self\":\"x\",\"extra\":[1,{\"a\":null}]}");
        List<String> checked = new ArrayList<>();
        for (Class<?> type : modelTypes()) {
            Constructor<?> c;
            try {
                c = type.getConstructor(JsonNode.class);
            } catch (NoSuchMethodException notARawResult) {
                continue;
            }
            Object result = c.newInstance(raw);
            assertThat(new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(result)))
                    .as(type.getSimpleName()).isEqualTo(raw);
            checked.add(type.getSimpleName());
        }
        assertThat(checked).contains("JiraIssue", "JiraComment", "JiraUser", "JiraSprint", "JiraProject");
    }

    private static List<Class<?>> modelTypes() throws Exception {
        String pkg = JiraIssue.class.getPackageName();
        // the component's own classes directory (the test classes have a model package too)
        URL classes = JiraIssue.class.getProtectionDomain().getCodeSource().getLocation();
        List<Class<?>> out = new ArrayList<>();
        for (File f : new File(new File(classes.toURI()), pkg.replace('.', '/')).listFiles()) {
            String n = f.getName();
            if (n.endsWith(".class") && !n.contains("$")) {
                out.add(Class.forName(pkg + "." + n.substring(0, n.length() - 6)));
            }
        }
        return out;
    }
}
