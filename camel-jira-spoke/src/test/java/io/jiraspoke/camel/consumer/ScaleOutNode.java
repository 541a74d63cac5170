package io.jiraspoke.camel.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.model.JiraIssue;
import io.jiraspoke.camel.support.JiraSpokeTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * One instance of an application, run in its own JVM by {@link ScaleOutFailoverTest}: a master: route around an
 * issue/search consumer, with a FileLockClusterService and a SharedFileStateRepository in a directory all instances
 * share. Each exchange takes {@link #WORK_MILLIS}, as real work downstream would, then appends
 * {@code D <key> <updated millis> <wall millis>} to {@code <dir>/<node>.log}; every save of the consumer state
 * appends {@code C}, so the lines before a {@code C} are the deliveries that state records.
 * <p>
 * Arguments: Jira's base URL, the shared directory, the node name, the poll interval in milliseconds.
 */
public final class ScaleOutNode {

    static final long WORK_MILLIS = 20;
    /** The FileLockClusterService's heartbeat; a leader that missed two is taken for dead. */
    static final long HEARTBEAT_MILLIS = 250;

    private ScaleOutNode() {
    }

    public static void main(String[] args) throws Exception {
        String jiraUrl = args[0];
        Path shared = Path.of(args[1]);
        String node = args[2];
        long delay = Long.parseLong(args[3]);
        Journal journal = new Journal(shared.resolve(node + ".log"));

        CamelContext context = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(node);
        cluster.setRoot(shared.resolve("cluster").toString());
        cluster.setAcquireLockDelay(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(2);
        context.addService(cluster);

        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("cloud", JiraSpokeConnection.basicApiToken(jiraUrl, JiraSpokeTestSupport.CLOUD_EMAIL,
                JiraSpokeTestSupport.CLOUD_API_TOKEN));
        context.addComponent("jiraspoke", component);
        context.getRegistry().bind("jiraState",
                new JournaledState(new SharedFileStateRepository(shared.resolve("jiraspoke-state.dat")), journal));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:jira-abc:jiraspoke:issue/search?connection=cloud&jql=project = ABC"
                     + "&startFrom=beginning&stateRepository=#jiraState&initialDelay=0&delay=" + delay)
                        .routeId("abc")
                        .process(e -> {
                            Thread.sleep(WORK_MILLIS);
                            JiraIssue issue = e.getMessage().getBody(JiraIssue.class);
                            journal.append("D " + e.getMessage().getHeader(JiraSpokeConstants.ISSUE_KEY) + " "
                                           + issue.getUpdated().toInstant().toEpochMilli() + " "
                                           + System.currentTimeMillis());
                        });
            }
        });
        context.start();
        System.out.println("started " + node);
        System.out.flush();
        // the test ends this JVM with a hard kill
        Thread.currentThread().join();
    }

    /** An append-only file; each line is one write, which a kill of the JVM cannot cut. */
    static final class Journal {
        private final FileChannel channel;

        Journal(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }

        synchronized void append(String line) {
            try {
                ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The shared state, journaling a {@code C} after every save has returned. */
    static final class JournaledState extends ServiceSupport implements StateRepository<String, String> {
        private final SharedFileStateRepository state;
        private final Journal journal;

        JournaledState(SharedFileStateRepository state, Journal journal) {
            this.state = state;
            this.journal = journal;
        }

        @Override
        public void setState(String key, String value) {
            state.setState(key, value);
            journal.append("C");
        }

        @Override
        public String getState(String key) {
            return state.getState(key);
        }
    }
}
