package io.jiraspoke.camel.error;

/** A connection or endpoint is configured so that it cannot work; the message names the option and what to do. */
public class JiraSpokeConfigurationException extends JiraSpokeException {

    public JiraSpokeConfigurationException(String message) {
        super(message);
    }
}
