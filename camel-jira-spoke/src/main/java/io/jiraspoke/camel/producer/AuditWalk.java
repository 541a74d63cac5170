package io.jiraspoke.camel.producer;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.error.JiraSpokeException;
import io.jiraspoke.camel.model.JiraAuditRecord;
import io.jiraspoke.camel.paging.JiraPager;

/**
 * The audit records created between two instants, <em>oldest first</em>, read lazily with one page in memory.
 * <p>
 * Both audit APIs answer newest first and cannot be asked otherwise, and a walk of their pages from the start
 * reaches the oldest records last. So the walk splits the time range instead: it asks for the newest page of the
 * range, and when that page is full, the records newer than the page's oldest timestamp are all in it, so that part
 * of the range is set aside (as two instants, not as records) and the rest is asked for again, until a page holds
 * all that remains of the range. That page is the oldest part: it is reversed and delivered, and then each part set
 * aside is asked for again, newest part last. A range of N records costs about 2N/pageSize requests and holds one
 * page plus two instants per part set aside; a range that fits one page costs one request. Records created at one
 * same millisecond beyond a page are paged through as Jira pages them, since their order does not matter.
 * <p>
 * Jira's bounds are inclusive; records outside the asked part (a clock edge, a coarser Jira) are dropped and come
 * with their own part. The walk fails instead of looping when it needs more than {@code maxRequests} requests.
 */
final class AuditWalk implements Iterable<JiraAuditRecord> {

    private final JiraClient client;
    private final AuditApi api;
    private final Long from;
    private final Long to;
    private final String filter;
    private final int pageSize;
    private final long limit;
    private final int maxRequests;

    /**
     * @param from  the oldest creation time wanted (epoch millis, inclusive); null for no bound
     * @param to    the newest creation time wanted (inclusive); null for no bound
     * @param limit stop after this many records; 0 or less for all
     */
    AuditWalk(JiraClient client, AuditApi api, Long from, Long to, String filter, int pageSize, long limit,
              int maxRequests) {
        this.client = client;
        this.api = api;
        this.from = from;
        this.to = to;
        this.filter = filter;
        this.pageSize = pageSize;
        this.limit = limit;
        this.maxRequests = maxRequests;
    }

    AuditWalk(JiraClient client, AuditApi api, Long from, Long to, String filter, int pageSize, long limit) {
        this(client, api, from, to, filter, pageSize, limit, JiraPager.DEFAULT_MAX_PAGES);
    }

    @Override
    public Iterator<JiraAuditRecord> iterator() {
        return new Walk();
    }

    /** A part of the range still to deliver; {@code sameInstant} when it is one millisecond that overflowed a page. */
    private record Part(Long from, Long to, boolean sameInstant) {
    }

    private final class Walk implements Iterator<JiraAuditRecord> {
        /** Parts set aside, the oldest on top. */
        private final Deque<Part> pending = new ArrayDeque<>();
        private Iterator<JiraAuditRecord> chunk = Collections.emptyIterator();
        private int requests;
        private long delivered;

        Walk() {
            pending.push(new Part(from, to, false));
        }

        @Override
        public boolean hasNext() {
            if (limit > 0 && delivered >= limit) {
                return false;
            }
            while (!chunk.hasNext()) {
                Part part = pending.poll();
                if (part == null) {
                    return false;
                }
                chunk = part.sameInstant() ? sameInstant(part.from()) : oldestOf(part);
            }
            return true;
        }

        @Override
        public JiraAuditRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            delivered++;
            return chunk.next();
        }

        /** Sets aside the newer parts of a part until one page holds the rest; answers that rest, oldest first. */
        private Iterator<JiraAuditRecord> oldestOf(Part part) {
            Long hi = part.to();
            while (part.from() == null || hi == null || hi >= part.from()) {
                count();
                JsonNode body = api.fetch(client, part.from(), hi, filter, api.firstPage(pageSize));
                List<JiraAuditRecord> page = within(body, part.from(), hi);
                if (!api.full(body, pageSize)) {
                    Collections.reverse(page);
                    return page.iterator();
                }
                Long oldest = oldest(page);
                if (oldest == null) {
                    throw new JiraSpokeException("Jira's audit log answered a full page without a record created"
                                                 + " in the asked range" + range(part.from(), hi)
                                                 + ", so the range cannot be narrowed; stopped instead of looping");
                }
                if (hi != null && oldest >= hi) {
                    pending.push(new Part(hi, hi, true));
                    hi = hi - 1;
                } else {
                    pending.push(new Part(oldest + 1, hi, false));
                    hi = oldest;
                }
            }
            return Collections.emptyIterator();
        }

        /** The records of one millisecond, in Jira's paging: one page at a time, bounded by the pager. */
        private Iterator<JiraAuditRecord> sameInstant(long at) {
            count();
            JiraPager<JiraAuditRecord> pager = JiraPager.of(api.style,
                    page -> api.fetch(client, at, at, filter, page), api.itemsField, pageSize, 0, api.mapper);
            Iterator<JiraAuditRecord> all = pager.iterator();
            return new Iterator<>() {
                private JiraAuditRecord next;

                @Override
                public boolean hasNext() {
                    while (next == null && all.hasNext()) {
                        JiraAuditRecord r = all.next();
                        Long created = millis(r);
                        if (created == null || created == at) {
                            next = r;
                        }
                    }
                    return next != null;
                }

                @Override
                public JiraAuditRecord next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    JiraAuditRecord r = next;
                    next = null;
                    return r;
                }
            };
        }

        private void count() {
            if (++requests > maxRequests) {
                throw new JiraSpokeException("Jira's audit log did not come to an end within " + maxRequests
                                             + " requests; stopped instead of looping");
            }
        }
    }

    /** The page's records created within the bounds (and those without a readable time), newest first. */
    private List<JiraAuditRecord> within(JsonNode body, Long lo, Long hi) {
        JsonNode items = body == null ? null : body.get(api.itemsField);
        List<JiraAuditRecord> out = new ArrayList<>(items == null ? 0 : items.size());
        if (items == null || !items.isArray()) {
            if (items != null && !items.isNull()) {
                throw new JiraSpokeException("Jira's audit log answered '" + api.itemsField + "' that is not an"
                                             + " array");
            }
            return out;
        }
        for (JsonNode item : items) {
            JiraAuditRecord r = api.mapper.apply(item);
            Long created = millis(r);
            if (created == null || (lo == null || created >= lo) && (hi == null || created <= hi)) {
                out.add(r);
            }
        }
        return out;
    }

    private static Long oldest(List<JiraAuditRecord> page) {
        Long min = null;
        for (JiraAuditRecord r : page) {
            Long created = millis(r);
            if (created != null && (min == null || created < min)) {
                min = created;
            }
        }
        return min;
    }

    static Long millis(JiraAuditRecord r) {
        OffsetDateTime created = r.getCreated();
        return created == null ? null : created.toInstant().toEpochMilli();
    }

    private String range(Long lo, Long hi) {
        return " (" + (lo == null ? "the beginning" : api.format(lo)) + " to " + (hi == null ? "now" : api.format(hi))
               + ")";
    }
}
