package io.jiraspoke.camel.action;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.model.JiraAuditChange;
import io.jiraspoke.camel.model.JiraAuditItem;
import io.jiraspoke.camel.model.JiraAuditRecord;
import io.jiraspoke.camel.support.FakeAuditLog;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * audit/logs as a producer: the API each deployment and Data Center version is sent to, how options and headers map
 * into the request, how both answer shapes map into one JiraAuditRecord, and the walk that delivers a range oldest
 * first although Jira answers newest first (against {@link FakeAuditLog}, a Jira audit log behind WireMock).
 */
class AuditLogsActionTest extends ActionTestSupport {

    static final String CLOUD_RECORDS = "/rest/api/3/auditing/record";
    static final String DC_RECORDS = "/rest/api/2/auditing/record";
    static final String DC_EVENTS = "/rest/auditing/1.0/events";

    private final FakeAuditLog log = new FakeAuditLog();

    /** The audit APIs of the two variants, each on a connection that reaches it. */
    enum Api {
        CLOUD_RECORDS, DC10_EVENTS
    }

    void stubVersion(String version) {
        jira.stubFor(get("/rest/api/2/serverInfo").willReturn(okJson("{\"baseUrl\":\"" + jira.baseUrl()
                                                                     + "\",\"version\":\"" + version
                                                                     + "\",\"deploymentType\":\"Server\"}")));
    }

    /** Points the tests at the fake audit log and starts a connection for the API. */
    void startFake(Api api) throws Exception {
        jira.stop();
        jira = log.server();
        if (api == Api.CLOUD_RECORDS) {
            start(Flavor.CLOUD);
        } else {
            stubVersion("10.3.1");
            start(Flavor.DC);
        }
    }

    static String connection(Api api) {
        return api == Api.CLOUD_RECORDS ? "cloud" : "dc";
    }

    @SuppressWarnings("unchecked")
    static List<JiraAuditRecord> records(Exchange ex) {
        assertThat(ex.getException()).as("exception").isNull();
        return (List<JiraAuditRecord>) ex.getMessage().getBody(List.class);
    }

    int auditRequests() {
        return jira.findAll(getRequestedFor(urlPathMatching(".*/(auditing/record|auditing/1.0/events)"))).size();
    }

    @Test
    void cloudRecordsComeOldestFirstWithEveryFieldAndTheRangeAndFilterAsJiraTakesThem() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_RECORDS)).willReturn(okJson(json("cloud-audit-records.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "audit/logs", "from=2026-11-01&to=RAW(2026-11-28T11:00:00+01:00)"
                                                             + "&filter=RAW(user group)"), null, Map.of());

        List<JiraAuditRecord> records = records(ex);
        assertThat(records).extracting(JiraAuditRecord::getId).containsExactly("100", "101", "102");
        JiraAuditRecord updated = records.get(1);
        assertThat(updated.getSummary()).isEqualTo("User updated");
        assertThat(updated.getDescription()).isEqualTo("Anzeigename geändert: 日本語のユーザー");
        assertThat(updated.getCreated()).isEqualTo(OffsetDateTime.of(2026, 11, 20, 9, 15, 30, 250_000_000,
                ZoneOffset.UTC));
        assertThat(updated.getCategory()).isEqualTo("user management");
        assertThat(updated.getEventSource()).isEqualTo("Browser");
        assertThat(updated.getAuthorKey()).isEqualTo("admin");
        assertThat(updated.getAuthorAccountId()).isEqualTo("5ab8f18d741e9c2c7e9d4538");
        assertThat(updated.getAuthor()).isEqualTo("admin");
        assertThat(updated.getRemoteAddress()).isEqualTo("192.168.1.1");
        assertThat(updated.getObjectItem().getName()).isEqualTo("Zoë Ångström");
        assertThat(updated.getObjectItem().getTypeName()).isEqualTo("USER");
        assertThat(updated.getChangedValues()).extracting(JiraAuditChange::getFieldName,
                JiraAuditChange::getChangedFrom, JiraAuditChange::getChangedTo)
                .containsExactly(tuple("displayName", "Zoe Angstrom", "Zoë Ångström"),
                        tuple("email", "zoe@example.com", "zoe.angstrom@example.com"));
        JiraAuditRecord added = records.get(2);
        assertThat(added.getObjectItem().getParentName()).isEqualTo("Jira Internal Directory");
        assertThat(added.getAssociatedItems()).extracting(JiraAuditItem::getId, JiraAuditItem::getName)
                .containsExactly(tuple("5b10a2844c20165700ede21g", "Zoë Ångström"));
        assertThat(records.get(0).getChangedValues()).as("a record without changedValues").isEmpty();
        assertThat(added.getRaw().path("eventSource").asText()).isEqualTo("Jira Connect Plugin");
        // Jira's format, in UTC; the total of 7 disagrees with the 3 records of a short page and is not trusted
        jira.verify(1, getRequestedFor(urlPathEqualTo(CLOUD_RECORDS)).withQueryParam("offset", equalTo("0"))
                .withQueryParam("limit", equalTo("100")).withQueryParam("filter", equalTo("user group"))
                .withQueryParam("from", equalTo("2026-11-01T00:00:00.000+0000"))
                .withQueryParam("to", equalTo("2026-11-28T10:00:00.000+0000")));
        assertThat(jira.getAllServeEvents()).hasSize(1);
    }

    @Test
    void dataCenterNineAsksTheV2RecordsApiAndReadsIdsSentAsText() throws Exception {
        stubVersion("9.12.2");
        jira.stubFor(get(urlPathEqualTo(DC_RECORDS)).willReturn(okJson(json("dc-audit-records.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "audit/logs", ""), null, Map.of());

        List<JiraAuditRecord> records = records(ex);
        assertThat(records).extracting(JiraAuditRecord::getId).containsExactly("20001", "20002");
        assertThat(records.get(0).getObjectItem().getName()).isEqualTo("Mes tâches");
        assertThat(records.get(0).getCreated().toInstant()).isEqualTo(Instant.parse("2026-11-20T09:15:00Z"));
        assertThat(records.get(0).getAuthorAccountId()).isNull();
        assertThat(records.get(0).getAuthor()).isEqualTo("JIRAUSER10000");
        assertThat(records.get(1).getChangedValues().get(0).getChangedFrom()).isNull();
        // no range given: none is sent, and Jira's own defaults apply
        jira.verify(1, getRequestedFor(urlEqualTo(DC_RECORDS + "?offset=0&limit=100")));
        jira.verify(0, anyRequestedFor(urlPathEqualTo(DC_EVENTS)));
    }

    @Test
    void dataCenterTenAsksTheEventsApiAndItsEventsBecomeTheSameRecords() throws Exception {
        stubVersion("10.3.1");
        jira.stubFor(get(urlPathEqualTo(DC_EVENTS)).willReturn(okJson(json("dc10-audit-events.json"))));
        start(Flavor.DC);

        Exchange ex = send(uri(Flavor.DC, "audit/logs", "filter=group&from=RAW(2026-11-20T10:00:00+01:00)"), null,
                Map.of());

        List<JiraAuditRecord> records = records(ex);
        assertThat(records).extracting(JiraAuditRecord::getSummary)
                .containsExactly("User created", "User added to group");
        JiraAuditRecord created = records.get(0);
        assertThat(created.getId()).as("Data Center 10 events have no id").isNull();
        assertThat(created.getCreated().toInstant()).isEqualTo(Instant.parse("2026-11-20T09:15:00Z"));
        assertThat(created.getCategory()).isEqualTo("user management");
        assertThat(created.getAuthor()).isEqualTo("admin");
        assertThat(created.getAuthorKey()).isEqualTo("JIRAUSER10000");
        assertThat(created.getEventSource()).isEqualTo("Browser");
        assertThat(created.getRemoteAddress()).isEqualTo("10.0.0.7");
        assertThat(created.getChangedValues()).extracting(JiraAuditChange::getFieldName, JiraAuditChange::getChangedTo)
                .containsExactly(tuple("Full name", "Zoë Ångström"),
                        tuple("Email", "zoe@example.com"));
        JiraAuditRecord added = records.get(1);
        assertThat(added.getObjectItem().getTypeName()).isEqualTo("GROUP");
        assertThat(added.getAssociatedItems()).extracting(JiraAuditItem::getName).containsExactly("Zoë Ångström");
        jira.verify(1, getRequestedFor(urlPathEqualTo(DC_EVENTS)).withQueryParam("limit", equalTo("100"))
                .withQueryParam("search", equalTo("group"))
                .withQueryParam("from", equalTo("2026-11-20T09:00:00.000Z")));
        jira.verify(0, anyRequestedFor(urlPathMatching(".*/auditing/record")));
    }

    @Test
    void headersOverrideTheRangeAndFilterOptions() throws Exception {
        jira.stubFor(get(urlPathEqualTo(CLOUD_RECORDS)).willReturn(okJson(json("cloud-audit-records.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "audit/logs", "from=2026-01-01&filter=x"), null,
                Map.of(JiraSpokeConstants.FROM, "2026-11-20T09:00:00Z", JiraSpokeConstants.TO, "2026-11-21",
                        JiraSpokeConstants.FILTER, "created"));

        assertThat(records(ex)).hasSize(3);
        jira.verify(1, getRequestedFor(urlPathEqualTo(CLOUD_RECORDS)).withQueryParam("filter", equalTo("created"))
                .withQueryParam("from", equalTo("2026-11-20T09:00:00.000+0000"))
                .withQueryParam("to", equalTo("2026-11-21T00:00:00.000+0000")));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedBeforeAnythingIsSent() throws Exception {
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "audit/logs", "from=2026-11-28&to=2026-11-01"), null, Map.of());

        assertRefusedLocally(ex, "audit/logs", "'from'", "after", "'to'");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aRangeOfManyPagesComesOldestFirstWithOnePageAtATime(Api api) throws Exception {
        List<FakeAuditLog.Entry> entries = log.addSeries(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli(),
                60_000, 250, 1000);
        startFake(api);

        Exchange ex = send("jiraspoke:audit/logs?connection=" + connection(api) + "&pageSize=100", null, Map.of());

        List<JiraAuditRecord> records = records(ex);
        assertThat(records).extracting(r -> r.getCreated().toInstant().toEpochMilli())
                .containsExactlyElementsOf(entries.stream().map(FakeAuditLog.Entry::millis).toList());
        assertThat(records).extracting(JiraAuditRecord::getSummary)
                .containsExactlyElementsOf(entries.stream().map(FakeAuditLog.Entry::summary).toList());
        assertThat(log.largestPage()).isLessThanOrEqualTo(100);
        // about two requests a page: one to find where the oldest records end, one to read them
        assertThat(auditRequests()).isBetween(3, 6);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void moreRecordsInOneMillisecondThanAPageHoldsAreAllDeliveredOnce(Api api) throws Exception {
        long t = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        List<FakeAuditLog.Entry> before = log.addSeries(t, 1_000, 30, 1);
        for (int i = 0; i < 150; i++) {
            log.add(t + 40_000, 100 + i, "Bulk change " + i);
        }
        List<FakeAuditLog.Entry> after = log.addSeries(t + 50_000, 1_000, 30, 500);
        startFake(api);

        Exchange ex = send("jiraspoke:audit/logs?connection=" + connection(api) + "&pageSize=100", null, Map.of());

        List<JiraAuditRecord> records = records(ex);
        assertThat(records).hasSize(210);
        assertThat(records).extracting(JiraAuditRecord::getSummary).doesNotHaveDuplicates();
        assertThat(records.subList(0, 30)).extracting(JiraAuditRecord::getSummary)
                .containsExactlyElementsOf(before.stream().map(FakeAuditLog.Entry::summary).toList());
        assertThat(records.subList(30, 180)).allMatch(r -> r.getCreated().toInstant().toEpochMilli() == t + 40_000);
        assertThat(records.subList(180, 210)).extracting(JiraAuditRecord::getSummary)
                .containsExactlyElementsOf(after.stream().map(FakeAuditLog.Entry::summary).toList());
        assertThat(log.largestPage()).isLessThanOrEqualTo(100);
        assertThat(auditRequests()).isLessThan(15);
    }

    @Test
    void limitKeepsTheOldestRecordsOfTheRange() throws Exception {
        List<FakeAuditLog.Entry> entries = log.addSeries(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli(),
                60_000, 250, 1000);
        startFake(Api.CLOUD_RECORDS);

        Exchange ex = send("jiraspoke:audit/logs?connection=cloud&pageSize=100&limit=10"
                           + "&from=2026-11-01T01:00:00Z", null, Map.of());

        assertThat(records(ex)).extracting(JiraAuditRecord::getId).containsExactlyElementsOf(
                entries.subList(60, 70).stream().map(e -> String.valueOf(e.id())).toList());
    }

    @Test
    void anIteratorAsksJiraOnlyAsItIsRead() throws Exception {
        List<FakeAuditLog.Entry> entries = log.addSeries(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli(),
                60_000, 120, 1);
        startFake(Api.DC10_EVENTS);
        jira.resetRequests();

        Exchange ex = send("jiraspoke:audit/logs?connection=dc&pageSize=50&outputType=iterator", null, Map.of());

        assertThat(ex.getException()).isNull();
        Iterator<?> it = ex.getMessage().getBody(Iterator.class);
        assertThat(auditRequests()).isZero();
        List<String> summaries = new ArrayList<>();
        it.forEachRemaining(r -> summaries.add(((JiraAuditRecord) r).getSummary()));
        assertThat(summaries).containsExactlyElementsOf(entries.stream().map(FakeAuditLog.Entry::summary).toList());
    }

    @Test
    void aJiraThatIgnoresTheRangeIsStoppedInsteadOfLoopedOn() throws Exception {
        // always the same full page, whatever from and to say
        jira.stubFor(get(urlPathEqualTo(CLOUD_RECORDS)).willReturn(okJson(json("cloud-audit-records.json"))));
        start(Flavor.CLOUD);

        Exchange ex = send(uri(Flavor.CLOUD, "audit/logs", "pageSize=3"), null, Map.of());

        JiraSpokeException e = failure(ex, JiraSpokeException.class);
        assertThat(e.getMessage()).contains("stopped instead of looping");
        assertThat(auditRequests()).isBetween(2, 5);
    }
}
