package io.jiraspoke.camel.error;

/**
 * The message or the endpoint options cannot make a valid request (a required option missing, a body of the wrong
 * shape). Nothing was sent to Jira; the message names the option or field to fix.
 */
public class JiraSpokeInputException extends JiraSpokeException {

    public JiraSpokeInputException(String message) {
        super(message);
    }
}
