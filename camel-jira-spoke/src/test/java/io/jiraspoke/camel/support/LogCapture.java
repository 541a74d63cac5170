package io.jiraspoke.camel.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Collects every log event of the component and Camel with its exception chain, one string per event:
 * {@code logger LEVEL message} and the causes' {@code toString()}s.
 */
public final class LogCapture extends AbstractAppender {

    public final List<String> events = new CopyOnWriteArrayList<>();

    public LogCapture() {
        super("jiraspoke-test-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
        // WireMock and its Jetty are the fake Jira, not the component: what the server logs about the requests it
        // received is not the component's output.
        String logger = event.getLoggerName();
        if (logger.startsWith("wiremock.") || logger.startsWith("WireMock")
            || logger.startsWith("com.github.tomakehurst") || logger.startsWith("org.eclipse.jetty")) {
            return;
        }
        events.add(logger + " " + event.getLevel() + " " + event.getMessage().getFormattedMessage() + "\n"
                   + JiraSpokeTestSupport.causes(event.getThrown()));
    }
}
