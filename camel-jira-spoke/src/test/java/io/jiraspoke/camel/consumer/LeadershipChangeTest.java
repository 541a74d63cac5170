package io.jiraspoke.camel.consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.consumer.Issues.Issue;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A master: route whose instance gains, loses and regains the leadership (a cluster service the test steers, as a
 * Kubernetes lease that lapses would): camel-master starts and stops the consumer through Camel's lifecycle. Without
 * the leadership nothing is polled; a leadership lost in the middle of a poll stops it after the exchange in hand
 * (which the stop interrupts) and the stop returns only once the state records every delivered issue; the
 * leadership regained resumes right after the last delivered issue.
 */
class LeadershipChangeTest extends ConsumerTestSupport {

    /** Leadership as the test says. */
    static final class SteeredView extends AbstractCamelClusterView {
        private volatile boolean leader;
        private final CamelClusterMember local = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return "this-instance";
            }
        };

        SteeredView(CamelClusterService cluster, String namespace) {
            super(cluster, namespace);
        }

        void lead(boolean lead) {
            leader = lead;
            fireLeadershipChangedEvent(lead ? local : null);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
        }

        @Override
        protected void doStop() {
        }
    }

    static final class SteeredClusterService extends AbstractCamelClusterService<SteeredView> {
        volatile SteeredView view;

        @Override
        protected SteeredView createView(String namespace) {
            view = new SteeredView(this, namespace);
            return view;
        }
    }

    @TempDir
    Path dir;

    @Test
    void aLeadershipLostMidPollStopsCleanlyWithItsStateSavedAndRegainingItResumesThere() throws Exception {
        List<Issue> issues = Issues.project(120, 30);
        serve(issues);
        SharedFileStateRepository state = new SharedFileStateRepository(dir.resolve("state.dat"));
        SteeredClusterService cluster = new SteeredClusterService();
        CountDownLatch reached = new CountDownLatch(1);
        AtomicBoolean block = new AtomicBoolean(true);
        context = null;
        start(Map.<String, JiraSpokeConnection>of("cloud", cloud()), new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                getContext().addService(cluster);
                getContext().getRegistry().bind("jiraState", state);
                from("master:jira-abc:jiraspoke:issue/search?connection=cloud&jql=project = ABC&startFrom=beginning"
                     + "&stateRepository=#jiraState&stateKey=abc&initialDelay=0&delay=60000").routeId("poller")
                        .process(e -> {
                            if ("ABC-60".equals(e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY))
                                && block.get()) {
                                reached.countDown();
                                workUntilInterrupted();
                            }
                        })
                        .to("mock:issues");
            }
        });

        Thread.sleep(1500);
        assertThat(jira.findAll(postRequestedFor(urlEqualTo(SEARCH)))).as("searches without the leadership").isEmpty();

        cluster.view.lead(true);
        assertThat(reached.await(30, TimeUnit.SECONDS)).as("the poll reached ABC-60").isTrue();
        cluster.view.lead(false);

        // 59 delivered; ABC-60 failed when the stop interrupted it, after the 300 ms its work still took
        assertThat(received()).containsExactlyElementsOf(keys(issues.subList(0, 59)));
        Watermark saved = Watermark.parse(state.getState("abc"));
        assertThat(saved.millis()).as("the watermark saved when the leadership change returned")
                .isEqualTo(issues.get(58).millis());
        assertThat(saved.delivered(issues.get(59).id(), issues.get(59).millis())).isFalse();

        block.set(false);
        cluster.view.lead(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received().size() < 120 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(received()).containsExactlyElementsOf(keys(issues));
    }

    /** What an exchange blocked in a call does when the stop interrupts it: it takes 300 ms more, then fails. */
    private static void workUntilInterrupted() throws InterruptedException {
        try {
            new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            throw stopped;
        }
    }
}
