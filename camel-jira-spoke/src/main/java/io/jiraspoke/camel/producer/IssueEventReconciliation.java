package io.jiraspoke.camel.producer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.consumer.Reconciliation;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.model.JiraWebhookEvent;

/**
 * The reconciling poll of webhook/events over Jira's issue search: the issues of the endpoint's JQL updated since
 * an instant become {@code jira:issue_created} or {@code jira:issue_updated} events when no delivery carried them.
 * <p>
 * A version of an issue is its id with its {@code updated} ({@code issue:10001@1764583200000}); its creation is
 * {@code issue:10001@created}. Deliveries of issue events add the versions they carry to the consumer's repository,
 * so the poll finds them there. An issue never changed since it was created (its {@code updated} within a second of
 * its {@code created}) is a creation, not an update: a route that asked only for updates is not told of it.
 * Deletions cannot be reconciled: a deleted issue is no longer found.
 */
final class IssueEventReconciliation implements Reconciliation<JiraWebhookEvent> {

    static final String CREATED = "jira:issue_created";
    static final String UPDATED = "jira:issue_updated";
    /** Jira stamps a new issue's created and updated alike; allow for a server that stamps them apart. */
    private static final long CREATION_MILLIS = 1_000;

    private final JiraSpokeEndpoint endpoint;
    private final boolean created;
    private final boolean updated;
    private final JqlIssueFeed issues;

    IssueEventReconciliation(JiraSpokeEndpoint endpoint, Set<String> events) {
        this.endpoint = endpoint;
        this.created = events.isEmpty() || events.contains(CREATED);
        this.updated = events.isEmpty() || events.contains(UPDATED);
        this.issues = new JqlIssueFeed(endpoint, WebhookEventFeed.ACTION, endpoint.getIssue().getJql(), null, null);
    }

    @Override
    public Duration interval() {
        return endpoint.getWebhook().getWebhookReconcileInterval();
    }

    @Override
    public Duration delay() {
        return endpoint.getWebhook().getWebhookReconcileDelay();
    }

    @Override
    public void verify() {
        String jql = endpoint.getIssue().getJql();
        if (jql == null || JqlIssueFeed.withoutOrderBy(jql).isEmpty()) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:" + WebhookEventFeed.ACTION + " with webhookReconcileInterval needs option"
                                                      + " 'jql' (e.g. jql=project = OPS): the reconciling poll"
                                                      + " searches the issues it selects");
        }
        if (!created && !updated) {
            throw new JiraSpokeConfigurationException(
                    "Consumer jiraspoke:" + WebhookEventFeed.ACTION + " with webhookReconcileInterval: the"
                                                      + " reconciling poll finds created and updated issues, and"
                                                      + " webhookEvents asks for neither; add " + CREATED + " or "
                                                      + UPDATED + " to webhookEvents, or leave"
                                                      + " webhookReconcileInterval unset");
        }
        issues.verify();
    }

    @Override
    public String stateKeyBasis() {
        return issues.stateKeyBasis();
    }

    @Override
    public List<String> versions(JiraWebhookEvent event) {
        String type = event.getWebhookEvent();
        boolean isCreated = CREATED.equals(type);
        if (!isCreated && !UPDATED.equals(type)) {
            return List.of();
        }
        JiraIssue issue = event.getIssue();
        String id = issue == null ? null : id(issue);
        if (id == null) {
            return List.of();
        }
        String version = version(id, issue.getUpdated());
        if (isCreated) {
            return version == null ? List.of(creation(id)) : List.of(creation(id), version);
        }
        return version == null ? List.of() : List.of(version);
    }

    @Override
    public Iterable<Change<JiraWebhookEvent>> since(Instant since) {
        return () -> {
            Iterator<JiraIssue> found = issues.since(since).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return found.hasNext();
                }

                @Override
                public Change<JiraWebhookEvent> next() {
                    return new IssueChange(found.next());
                }
            };
        };
    }

    private final class IssueChange implements Change<JiraWebhookEvent> {

        private final JiraIssue issue;
        private final String id;
        private final OffsetDateTime updatedAt;

        IssueChange(JiraIssue issue) {
            this.issue = issue;
            this.id = id(issue);
            this.updatedAt = issue.getUpdated();
        }

        @Override
        public Instant time() {
            return id == null || updatedAt == null ? null : updatedAt.toInstant();
        }

        @Override
        public List<String> versions() {
            String version = version(id, updatedAt);
            return id == null || version == null ? List.of() : List.of(creation(id), version);
        }

        @Override
        public Missed<JiraWebhookEvent> missed(Predicate<String> delivered, Instant since) {
            String version = version(id, updatedAt);
            OffsetDateTime createdAt = issue.getCreated();
            boolean isNew = createdAt != null && !createdAt.toInstant().isBefore(since);
            if (isNew && created && !delivered.test(creation(id))) {
                return new Missed<>(event(CREATED), List.of(creation(id), version));
            }
            boolean unchangedSinceCreation = createdAt != null
                                             && Math.abs(updatedAt.toInstant().toEpochMilli()
                                                         - createdAt.toInstant().toEpochMilli()) < CREATION_MILLIS;
            if (updated && !unchangedSinceCreation && !delivered.test(version)) {
                return new Missed<>(event(UPDATED), List.of(version));
            }
            return null;
        }

        /** The event as Jira would have delivered it, with what the search tells. */
        private JiraWebhookEvent event(String type) {
            ObjectNode payload = JiraJson.MAPPER.createObjectNode();
            payload.put("timestamp", updatedAt.toInstant().toEpochMilli());
            payload.put("webhookEvent", type);
            payload.put("issue_event_type_name", CREATED.equals(type) ? "issue_created" : "issue_updated");
            payload.set("issue", issue.getRaw());
            return new JiraWebhookEvent(payload);
        }

        @Override
        public String describe() {
            return "issue " + issue.getKey();
        }
    }

    private static String id(JiraIssue issue) {
        String id = issue.getId();
        return id != null ? id : issue.getKey();
    }

    private static String creation(String id) {
        return "issue:" + id + "@created";
    }

    private static String version(String id, OffsetDateTime updated) {
        return updated == null ? null : "issue:" + id + "@" + updated.toInstant().toEpochMilli();
    }
}
