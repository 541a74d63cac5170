package io.jiraspoke.examples.bootincident;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The incident bridge on Spring Boot: the routes of routes/incident.xml (incidents as JSON files, fields by name,
 * comments both ways, the resolution as a transition, changes streamed out), loaded by the Camel Spring Boot starter,
 * with the connection {@code jira} from incident-bridge.properties. Run it against a real Jira with the environment
 * variables that file names:
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.jiraspoke.examples.bootincident.IncidentBridgeApplication
 * </pre>
 */
@SpringBootApplication
public class IncidentBridgeApplication {

    /** Its own configuration file: application.properties belongs to the camel-main examples. */
    public static final String CONFIG_NAME = "spring.config.name=incident-bridge";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IncidentBridgeApplication.class).properties(CONFIG_NAME).run(args);
    }
}
