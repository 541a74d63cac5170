package io.jiraspoke.camel.producer;

import java.time.Instant;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.IncrementalSource;
import io.jiraspoke.camel.consumer.StartFrom;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraAuditRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code audit} family: the audit log, from {@code auditing/record} on Cloud and Data Center up to 9
 * and from {@code /rest/auditing/1.0/events} on Data Center 10+, one typed record whichever answered, oldest first
 * (see {@link AuditWalk} for how, since both APIs answer newest first).
 */
public class AuditProducer extends JiraSpokeProducer {

    static final String RECORDS_VARIANT = "audit/logs[cloud,server<=9]";
    static final String EVENTS_VARIANT = "audit/logs[server>=10]";

    /** The API of each catalogue variant, for the consumer, which has one feed for both. */
    private static final Map<String, AuditApi> BY_VARIANT = Map.of(RECORDS_VARIANT, AuditApi.RECORDS,
            EVENTS_VARIANT, AuditApi.EVENTS);

    private static final String RETURNS = "List<JiraAuditRecord> oldest first, or with outputType=iterator an"
                                          + " Iterator<JiraAuditRecord> that fetches pages as it is read; limit"
                                          + " keeps the oldest records";

    public AuditProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** GET /rest/api/{3|2}/auditing/record (offset and limit paging; filter, from, to). */
    @InvokeOnHeader(RECORDS_VARIANT)
    @ActionDoc(returns = RETURNS)
    public Object records(Exchange exchange) {
        return logs(exchange, AuditApi.RECORDS);
    }

    /** GET /rest/auditing/1.0/events (limit and pageCursor paging; search, from, to). */
    @InvokeOnHeader(EVENTS_VARIANT)
    @ActionDoc(returns = RETURNS)
    public Object events(Exchange exchange) {
        return logs(exchange, AuditApi.EVENTS);
    }

    private Object logs(Exchange exchange, AuditApi api) {
        AuditOptions o = getEndpoint().getAudit();
        Long from = instant(option(exchange, JiraSpokeConstants.FROM, o.getFrom()), "from", JiraSpokeConstants.FROM);
        Long to = instant(option(exchange, JiraSpokeConstants.TO, o.getTo()), "to", JiraSpokeConstants.TO);
        if (from != null && to != null && from > to) {
            throw new JiraSpokeInputException("audit/logs: option 'from' (" + Instant.ofEpochMilli(from) + ") is after"
                                              + " option 'to' (" + Instant.ofEpochMilli(to) + "); Jira would answer"
                                              + " no records");
        }
        String filter = option(exchange, JiraSpokeConstants.FILTER, o.getFilter());
        return output(new AuditWalk(client(), api, from, to, blankToNull(filter), getEndpoint().getPageSize(),
                getEndpoint().getLimit()));
    }

    /** The audit/logs consumer: the records created since the watermark, oldest first. */
    @ConsumerFeed(value = "audit/logs", emits = "one JiraAuditRecord per new audit record, oldest first")
    public static IncrementalSource<JiraAuditRecord> logsFeed(JiraSpokeEndpoint endpoint) {
        AuditOptions o = endpoint.getAudit();
        return new IncrementalSource<>() {
            private AuditApi api;

            @Override
            public void verify() {
                if (o.getFrom() != null || o.getTo() != null) {
                    throw new JiraSpokeConfigurationException(
                            "Consumer jiraspoke:audit/logs reads the records created since its watermark: options"
                                                              + " 'from' and 'to' bound producer calls only; use"
                                                              + " startFrom (now, beginning or an instant) to say"
                                                              + " where a new consumer starts");
                }
                api = BY_VARIANT.get(endpoint.variant().key());
            }

            @Override
            public Iterable<JiraAuditRecord> since(Instant since) {
                return new AuditWalk(endpoint.getClient(), api, since == null ? null : since.toEpochMilli(), null,
                        blankToNull(o.getFilter()), endpoint.getPageSize(), 0);
            }

            @Override
            public Instant timestamp(JiraAuditRecord record) {
                return record.getCreated() == null ? null : record.getCreated().toInstant();
            }

            @Override
            public String id(JiraAuditRecord record) {
                String id = record.getId();
                // Data Center 10+ events carry no id: the same event is the same JSON
                return id != null ? id : "event:" + Digests.of(record.getRaw());
            }

            @Override
            public String describe(JiraAuditRecord record) {
                return "audit record " + id(record) + " (" + record.getSummary() + ")";
            }

            @Override
            public void headers(JiraAuditRecord record, Message message) {
                // the record is the body; it has no key worth a header
            }

            @Override
            public String stateKeyBasis() {
                return String.valueOf(o.getFilter());
            }
        };
    }

    /** An instant option as epoch millis: ISO-8601 with an offset, an instant, or a date (its start in UTC). */
    private static Long instant(String value, String option, String header) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            StartFrom parsed = StartFrom.parse(value);
            if (parsed.kind() == StartFrom.Kind.INSTANT) {
                return parsed.instant().toEpochMilli();
            }
        } catch (IllegalArgumentException e) {
            // reported below, naming this option rather than startFrom
        }
        throw new JiraSpokeInputException("audit/logs: option '" + option + "' (header " + header + ") must be an"
                                          + " ISO-8601 instant (e.g. 2026-11-01T00:00:00Z) or a date (2026-11-01),"
                                          + " was " + value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
