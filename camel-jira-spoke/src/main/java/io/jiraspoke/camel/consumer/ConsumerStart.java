package io.jiraspoke.camel.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.error.JiraSpokeException;
import org.slf4j.Logger;

/** What every consumer with state needs when it has none yet: a key to keep it under, and where "now" is. */
final class ConsumerStart {

    private ConsumerStart() {
    }

    /**
     * The default key of a consumer's state: its action and connection, and a digest of what selects its items (the
     * JQL, the list's filters), so that two consumers of different queries do not share state.
     */
    static String defaultStateKey(JiraSpokeEndpoint endpoint, String basis) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(basis).getBytes(StandardCharsets.UTF_8));
            return "jiraspoke." + endpoint.getAction().replace('/', '-') + "."
                   + endpoint.getClient().name().replaceAll("[^A-Za-z0-9_.-]", "_") + "."
                   + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The instant {@code startedAt} (host clock) in Jira's clock, read at the consumer's first poll: Jira's time
     * from serverInfo less the time since the start, else the host clock corrected by Jira's Date header.
     */
    static Instant inJiraClock(JiraSpokeEndpoint endpoint, Instant startedAt, Logger log) {
        JiraClient client = endpoint.getClient();
        Instant jiraNow;
        try {
            jiraNow = client.measureJiraClock();
        } catch (JiraSpokeException e) {
            log.warn("{} could not read Jira's clock from serverInfo ({}); starting from the host clock", endpoint,
                    e.getMessage());
            jiraNow = client.jiraNow();
        }
        return jiraNow.minus(Duration.between(startedAt, Instant.now()));
    }
}
