package io.jiraspoke.camel.endpoint;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.ConnectionOption;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.catalog.JiraSpokeAction;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An option set on an endpoint whose action (or whose use, producer or consumer) does not read it refuses to start,
 * naming the option and who reads it; options the action reads start. Nothing here calls Jira.
 */
class EndpointOptionsTest extends JiraSpokeTestSupport {

    String producerFailure(String uri) {
        return startFailure(Map.of("cloud", cloud()), sendingTo(uri));
    }

    String consumerFailure(String uri) {
        return startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:out");
            }
        });
    }

    @Test
    void jqlOnIssueGetIsRefusedNamingTheActionsThatReadIt() {
        String message = producerFailure("jiraspoke:issue/get?connection=cloud&issueKey=ABC-1&jql=project = ABC");

        assertThat(message).contains("Endpoint jiraspoke:issue/get (producer) sets options its action does not read")
                .contains("option 'jql' is not read by issue/get (it reads: issueKey, fields, expand)")
                .contains("it is read by: issue/search");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    @Test
    void projectKeyOnTheIssueSearchConsumerIsRefused() {
        String message = consumerFailure("jiraspoke:issue/search?connection=cloud&jql=project = ABC&projectKey=ABC");

        assertThat(message).contains("(consumer)").contains("option 'projectKey' is not read by issue/search")
                .contains("issue/create");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        String message = producerFailure("jiraspoke:server/info?connection=cloud&summary=x&pageSize=10&overlap=1m");

        assertThat(message).contains("option 'summary' is not read by server/info (it reads no action options)")
                .contains("option 'pageSize' is read only by stream actions, and server/info is a single action")
                .contains("option 'overlap' is a consumer option (from), and this endpoint is a producer (to)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "limit=10; option 'limit' is read only by stream actions used as producers",
            "outputType=iterator; option 'outputType' is read only by stream actions used as producers",
            "emit=changed; option 'emit' is read only by consumers of list streams (" })
    void producerOnlyAndListOnlyOptionsAreRefusedOnTheIssueSearchConsumer(String option, String expected) {
        String message = consumerFailure("jiraspoke:issue/search?connection=cloud&jql=project = ABC&" + option);

        assertThat(message).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "delay=5000; option 'delay' is a consumer option",
            "startFrom=beginning; option 'startFrom' is a consumer option",
            "maxMessagesPerPoll=5; option 'maxMessagesPerPoll' is a consumer option" })
    void consumerOptionsAreRefusedOnAProducer(String option, String expected) {
        assertThat(producerFailure("jiraspoke:issue/search?connection=cloud&jql=project = ABC&" + option))
                .contains(expected);
    }

    @Test
    void theOverlapOfIncrementalStreamsIsRefusedOnAListStream() {
        String message = consumerFailure("jiraspoke:board/list?connection=cloud&overlap=10m");

        assertThat(message).contains("option 'overlap' is read only by consumers of incremental streams (")
                .contains("issue/search");
    }

    @Test
    void optionsTheActionReadsStartInAnyCase() throws Exception {
        start(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("jiraspoke:issue/get?connection=cloud&issuekey=ABC-1&Fields=summary&expand=names");
                from("direct:search").to("jiraspoke:issue/search?connection=cloud&jql=project = ABC&fields=summary"
                                         + "&pageSize=50&limit=10&outputType=iterator&lazyStartProducer=false");
                from("jiraspoke:issue/search?connection=cloud&jql=project = ABC&fields=summary&pageSize=50"
                     + "&overlap=10m&startFrom=beginning&maxMessagesPerPoll=10&delay=5m&initialDelay=1000"
                     + "&maxDeliveryAttempts=3&bridgeErrorHandler=true&startScheduler=false").to("mock:issues");
                from("jiraspoke:board/list?connection=cloud&emit=changed&projectKey=ABC&boardType=scrum"
                     + "&startScheduler=false").to("mock:boards");
            }
        });

        assertThat(context.getRoutes()).hasSize(4);
        assertThat(jira.getAllServeEvents()).isEmpty();
    }

    @Test
    void theCatalogueListsOnlyOptionsThatExistAndEveryActionOptionIsReadBySomeAction() throws Exception {
        Set<String> familyOptions = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = componentJson().path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            if (p.getValue().has("configurationField")) {
                familyOptions.add(p.getKey());
            }
        }
        Set<String> listed = Arrays.stream(JiraSpokeAction.values()).flatMap(a -> a.options().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(familyOptions).as("family options in the component metadata").isNotEmpty();
        assertThat(listed).as("options the catalogue lists").isSubsetOf(familyOptions);
        assertThat(familyOptions).as("family options no action reads").isSubsetOf(listed);
    }

    @Test
    void everyActionOptionHasItsOverridingHeaderDeclared() throws Exception {
        Set<String> declared = new TreeSet<>();
        for (Field f : JiraSpokeConstants.class.getFields()) {
            if (f.isAnnotationPresent(Metadata.class)) {
                declared.add((String) f.get(null));
            }
        }
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            if (a.kind() == JiraSpokeAction.Kind.EVENTS) {
                // a consumer of pushed events reads its options once, at start: no message could carry a header
                continue;
            }
            for (String option : a.options()) {
                assertThat(declared).as("header of option %s", option)
                        .contains("CamelJiraSpoke" + Character.toUpperCase(option.charAt(0)) + option.substring(1));
            }
        }
    }

    @Test
    void noEndpointOptionSharesItsNameWithAConnectionSetting() throws Exception {
        Set<String> endpointOptions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        componentJson().path("properties").fieldNames().forEachRemaining(endpointOptions::add);

        assertThat(endpointOptions).as("endpoint options").contains("issueKey", "connection");
        for (String setting : ConnectionOption.ids()) {
            assertThat(endpointOptions).as("connection setting %s", setting).doesNotContain(setting);
        }
    }

    static JsonNode componentJson() throws Exception {
        try (var in = EndpointOptionsTest.class.getResourceAsStream("/META-INF/io/jiraspoke/camel/jiraspoke.json")) {
            return JiraJson.MAPPER.readTree(in);
        }
    }
}
