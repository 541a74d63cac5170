package io.jiraspoke.examples;

import java.io.File;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;

/** The README's consumer that resumes after a restart: its watermark lives in a file. */
public class ResumableWatchRoutes extends RouteBuilder {

    private final String stateFile;

    public ResumableWatchRoutes(String stateFile) {
        this.stateFile = stateFile;
    }

    @Override
    public void configure() {
        getCamelContext().getRegistry().bind("jiraState",
                FileStateRepository.fileStateRepository(new File(stateFile)));
        from("jiraspoke:issue/search?connection=jira&stateRepository=#jiraState&startFrom=beginning"
             + "&jql=RAW(project = DEMO AND created >= \"-365d\")")
                .routeId("resumable-watch")
                .to("log:issues");
    }
}
