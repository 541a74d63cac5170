package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import org.apache.camel.Exchange;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/** The issue an action acts on, from option issueKey or its header, refused when missing or blank. */
final class IssueKeys {

    private IssueKeys() {
    }

    static String required(Exchange exchange, JiraSpokeEndpoint endpoint, String action) {
        String key = option(exchange, JiraSpokeConstants.ISSUE_KEY, endpoint.getIssue().getIssueKey());
        if (key == null || key.isBlank()) {
            throw new JiraSpokeInputException(action + " needs an issue: set option 'issueKey' or header "
                                              + JiraSpokeConstants.ISSUE_KEY);
        }
        return key.trim();
    }

    /** The REST path of the issue, e.g. {@code /rest/api/3/issue/PROJ-1}. */
    static String path(String api, String key) {
        return api + "/issue/" + JiraRequest.segment(key);
    }
}
