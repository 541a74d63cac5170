package io.jiraspoke.examples;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's resumable consumer: after a restart with the same state file, only what changed arrives. */
class ResumableWatchRoutesTest {

    @TempDir
    Path dir;

    private static CamelContext start(JiraEmulator jira, String stateFile) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira",
                JiraSpokeConnection.basicApiToken(jira.baseUrl(), jira.email(), jira.apiToken()));
        camel.addComponent("jiraspoke", component);
        camel.addRoutes(new ResumableWatchRoutes(stateFile));
        return camel;
    }

    @Test
    void restartDeliversOnlyWhatChanged() throws Exception {
        String state = dir.resolve("jira-consumer.state").toString();
        try (JiraEmulator jira = JiraEmulator.cloud().seedIssues("DEMO", 4).start()) {
            try (CamelContext first = start(jira, state)) {
                NotifyBuilder all = new NotifyBuilder(first).fromRoute("resumable-watch").whenCompleted(4).create();
                first.start();
                assertThat(all.matches(10, TimeUnit.SECONDS)).as("first run delivers the 4 issues").isTrue();
            }

            jira.touch("DEMO-2");
            try (CamelContext second = start(jira, state)) {
                NotifyBuilder one = new NotifyBuilder(second).fromRoute("resumable-watch").whenCompleted(1).create();
                NotifyBuilder more = new NotifyBuilder(second).fromRoute("resumable-watch").whenCompleted(2).create();
                second.start();
                assertThat(one.matches(10, TimeUnit.SECONDS)).as("the edited issue arrives").isTrue();
                assertThat(more.matches(2, TimeUnit.SECONDS)).as("nothing already delivered arrives again").isFalse();
            }
        }
    }
}
