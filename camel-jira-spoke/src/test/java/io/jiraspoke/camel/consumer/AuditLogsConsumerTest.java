package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraAuditRecord;
import io.jiraspoke.camel.support.FakeAuditLog;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit/logs polling consumer against a Jira audit log ({@link FakeAuditLog}) that answers newest first, on
 * both audit APIs: each record is delivered once, oldest first, across polls and across a restart with a
 * FileStateRepository, also on Data Center 10, whose events carry no id.
 */
class AuditLogsConsumerTest extends JiraSpokeTestSupport {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final FakeAuditLog log = new FakeAuditLog();

    enum Api {
        CLOUD_RECORDS, DC9_RECORDS, DC10_EVENTS
    }

    @BeforeEach
    void useTheFakeAuditLog() {
        jira.stop();
        jira = log.server();
    }

    JiraSpokeConnection connection(Api api) {
        if (api == Api.CLOUD_RECORDS) {
            return cloud();
        }
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson(
                "{\"baseUrl\":\"" + jira.baseUrl() + "\",\"version\":\"" + (api == Api.DC9_RECORDS ? "9.12.2"
                        : "10.3.1") + "\",\"deploymentType\":\"DataCenter\"}")));
        return server();
    }

    void startPolling(Api api, String options, StateRepository<String, String> state) throws Exception {
        context = null;
        start(Map.of("jira", connection(api)), new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("auditState", state);
                from("jiraspoke:audit/logs?connection=jira&startFrom=beginning&startScheduler=false&pageSize=100"
                     + "&stateRepository=#auditState" + options).routeId("poller").to("mock:audit");
            }
        });
    }

    void poll() {
        ((IncrementalConsumer<?>) context.getRoute("poller").getConsumer()).run();
    }

    List<String> received() {
        return context.getEndpoint("mock:audit", MockEndpoint.class).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(JiraAuditRecord.class).getSummary()).toList();
    }

    static List<String> summaries(List<FakeAuditLog.Entry> entries) {
        return entries.stream().map(FakeAuditLog.Entry::summary).toList();
    }

    /** Records stamped from {@code minutesAgo} minutes ago, one a second. */
    List<FakeAuditLog.Entry> recent(int minutesAgo, int count, long firstId) {
        return log.addSeries(Instant.now().minusSeconds(minutesAgo * 60L).toEpochMilli(), 1_000, count, firstId);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void eachRecordIsDeliveredOnceOldestFirstAcrossPolls(Api api) throws Exception {
        List<FakeAuditLog.Entry> first = recent(60, 250, 1000);
        startPolling(api, "", new MemoryStateRepository());

        poll();
        assertThat(received()).containsExactlyElementsOf(summaries(first));
        assertThat(log.largestPage()).isLessThanOrEqualTo(100);

        // two more, then polls that find nothing new: the overlap window is read again and delivers nothing twice
        List<FakeAuditLog.Entry> later = log.addSeries(Instant.now().minusSeconds(30).toEpochMilli(), 1_000, 2, 5000);
        poll();
        poll();

        assertThat(received()).hasSize(252).doesNotHaveDuplicates().endsWith(summaries(later).toArray(String[]::new));
    }

    @Test
    void laterPollsAskForTheRecordsCreatedSinceTheWatermarkLessTheOverlap() throws Exception {
        List<FakeAuditLog.Entry> entries = recent(30, 10, 1);
        startPolling(Api.CLOUD_RECORDS, "&overlap=2m&filter=user", new MemoryStateRepository());

        poll();
        poll();

        List<LoggedRequest> asked = jira.findAll(getRequestedFor(urlPathMatching("/rest/api/3/auditing/record")));
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).queryParameter("from").isPresent()).as("startFrom=beginning").isFalse();
        long newest = entries.get(9).millis();
        assertThat(asked.get(1).queryParameter("from").firstValue())
                .isEqualTo(JIRA_TIME.format(Instant.ofEpochMilli(newest - 120_000)));
        assertThat(asked).allMatch(r -> "user".equals(r.queryParameter("filter").firstValue()));
        assertThat(asked).allMatch(r -> !r.queryParameter("to").isPresent());
        assertThat(received()).hasSize(10);
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = { "CLOUD_RECORDS", "DC10_EVENTS" })
    void afterARestartWithAFileStateRepositoryNothingDeliveredComesAgain(Api api, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("jiraspoke-audit.dat");
        List<FakeAuditLog.Entry> before = recent(20, 120, 1);
        startPolling(api, "", FileStateRepository.fileStateRepository(file.toFile()));
        poll();
        assertThat(received()).containsExactlyElementsOf(summaries(before));
        context.stop();
        assertThat(file).exists();

        // a new JVM: a new context and a new repository on the same file, and records created meanwhile
        List<FakeAuditLog.Entry> meanwhile = log.addSeries(Instant.now().minusSeconds(20).toEpochMilli(), 1_000, 3,
                9000);
        startPolling(api, "", FileStateRepository.fileStateRepository(file.toFile()));
        poll();
        poll();

        assertThat(received()).containsExactlyElementsOf(summaries(meanwhile));
    }

    @Test
    void fromAndToAreRefusedOnTheConsumerInFavourOfStartFrom() {
        String message = startFailure(Map.of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() {
                from("jiraspoke:audit/logs?connection=cloud&from=2026-11-01").to("mock:audit");
            }
        });

        assertThat(message).contains("audit/logs", "'from' and 'to'", "startFrom");
        assertThat(jira.getAllServeEvents()).isEmpty();
    }
}
