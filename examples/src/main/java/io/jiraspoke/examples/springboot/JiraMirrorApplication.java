package io.jiraspoke.examples.springboot;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The Spring Boot example: two Jira connections from properties, {@code cloud} and {@code datacenter}
 * (jira-mirror.properties), and {@link MirrorRoutes}, which mirrors the Cloud issues labelled {@code mirror} into a
 * Data Center project, as during a migration or for a partner's own Jira. Run it against real sites with the
 * environment variables jira-mirror.properties names:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.jiraspoke.examples.springboot.JiraMirrorApplication
 * </pre>
 */
@SpringBootApplication
public class JiraMirrorApplication {

    /** Its own configuration file: application.properties belongs to the camel-main examples. */
    public static final String CONFIG_NAME = "spring.config.name=jira-mirror";

    public static void main(String[] args) {
        new SpringApplicationBuilder(JiraMirrorApplication.class).properties(CONFIG_NAME).run(args);
    }
}
