package io.jiraspoke.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Jira Cloud shaped issues: the project's test fixture for issue/get, a navigable-fields issue for search pages. */
final class Fixtures {

    private Fixtures() {
    }

    static String issue(String id, String key, boolean full) {
        if (full) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/cloud-issue.json")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("\"10125\"", "\"" + id + "\"").replace("PROJ-125", key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // What /search/jql answers with fields=*navigable, trimmed to the fields most issues carry (about 1.4 KB).
        String base = "https://bench.atlassian.net/rest/api/3";
        return "{\"expand\":\"operations,versionedRepresentations,editmeta,changelog,renderedFields\",\"id\":\"" + id
               + "\",\"self\":\"" + base + "/issue/" + id + "\",\"key\":\"" + key + "\",\"fields\":{"
               + "\"summary\":\"Checkout fails when the saved card has expired — été ✓\","
               + "\"issuetype\":{\"self\":\"" + base + "/issuetype/10001\",\"id\":\"10001\",\"name\":\"Task\",\"subtask\":false,\"hierarchyLevel\":0},"
               + "\"project\":{\"self\":\"" + base + "/project/10000\",\"id\":\"10000\",\"key\":\"BENCH\",\"name\":\"Bench\",\"projectTypeKey\":\"software\",\"simplified\":false},"
               + "\"status\":{\"self\":\"" + base + "/status/3\",\"name\":\"In Progress\",\"id\":\"3\",\"statusCategory\":{\"self\":\"" + base
               + "/statuscategory/4\",\"id\":4,\"key\":\"indeterminate\",\"colorName\":\"yellow\",\"name\":\"In Progress\"}},"
               + "\"priority\":{\"self\":\"" + base + "/priority/3\",\"name\":\"Medium\",\"id\":\"3\"},"
               + "\"assignee\":{\"self\":\"" + base + "/user?accountId=5b10ac8d82e05b22cc7d4ef5\",\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"displayName\":\"Mia Krystof\",\"active\":true,\"timeZone\":\"Europe/Berlin\",\"accountType\":\"atlassian\"},"
               + "\"reporter\":{\"self\":\"" + base + "/user?accountId=5b10a2844c20165700ede21g\",\"accountId\":\"5b10a2844c20165700ede21g\",\"displayName\":\"Emma Richards\",\"active\":true,\"timeZone\":\"Europe/London\",\"accountType\":\"atlassian\"},"
               + "\"labels\":[\"payments\",\"checkout\"],\"resolution\":null,\"resolutiondate\":null,"
               + "\"created\":\"2026-01-10T08:30:00.000+0000\",\"updated\":\"" + JiraStub.UPDATED + "\","
               + "\"duedate\":null,\"customfield_10016\":5.0,\"customfield_10020\":null,\"fixVersions\":[],\"components\":[]}}";
    }
}
