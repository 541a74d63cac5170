package io.jiraspoke.camel.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Links between issues: {@code issue/addLink}. The link type is sent as given, by name or id, without looking it up
 * first: Jira answers 404 for a type it does not have, which costs no more than the lookup would and names the type.
 */
public class IssueLinkProducer extends JiraSpokeProducer {

    private static final String ADD = "issue/addLink";
    private static final String LINK_BODY = "Optional: a comment Jira adds with the link, as text (on Cloud plain"
                                            + " text or Markdown as textFormat says, turned into ADF; on Data Center"
                                            + " wiki markup), an ADF document (Cloud), or a JSON object"
                                            + " {\"body\": .., \"visibility\": ..} as Jira takes a comment; as a"
                                            + " String, bytes, a stream or a file.";
    private static final Pattern ID = Pattern.compile("\\d{1,19}");

    public IssueLinkProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private LinkOptions options() {
        return getEndpoint().getLink();
    }

    /** POST /rest/api/{3|2}/issueLink. */
    @InvokeOnHeader(ADD)
    @ActionDoc(body = LINK_BODY, returns = "the body as it was (Jira answers 201 with no content, and no link id:"
                                           + " read the issue's issuelinks field for it)")
    public void addLink(Exchange exchange) {
        LinkOptions o = options();
        String type = required(option(exchange, JiraSpokeConstants.LINK_TYPE, o.getLinkType()), "linkType",
                JiraSpokeConstants.LINK_TYPE, "the link type, by name (Blocks, Relates, Duplicate, ...) or id");
        String inward = required(option(exchange, JiraSpokeConstants.INWARD_ISSUE, o.getInwardIssue()), "inwardIssue",
                JiraSpokeConstants.INWARD_ISSUE, "the issue on the link's inward side, by key or id");
        String outward = required(option(exchange, JiraSpokeConstants.OUTWARD_ISSUE, o.getOutwardIssue()),
                "outwardIssue", JiraSpokeConstants.OUTWARD_ISSUE, "the issue on the link's outward side, by key or id");
        if (inward.equalsIgnoreCase(outward)) {
            throw new JiraSpokeInputException(ADD + " links two issues, and options 'inwardIssue' and 'outwardIssue'"
                                              + " both name " + IssueCommentProducer.shown(inward)
                                              + ": Jira does not link an issue to itself");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", Map.of(ID.matcher(type).matches() ? "id" : "name", type));
        request.put("inwardIssue", issue(inward));
        request.put("outwardIssue", issue(outward));
        Map<String, Object> comment = comment(exchange);
        if (comment != null) {
            request.put("comment", comment);
        }
        client().call(JiraRequest.post(dialect().api() + "/issueLink").body(request)
                .expect(JiraRequest.Expect.NOTHING));
    }

    private static Map<String, Object> issue(String keyOrId) {
        return Map.of(ID.matcher(keyOrId).matches() ? "id" : "key", keyOrId);
    }

    /** The comment the body holds, shaped by the dialect; null when the body is empty. */
    private Map<String, Object> comment(Exchange exchange) {
        Object body = Bodies.objectOrText(exchange, ADD);
        Map<String, Object> comment;
        if (body instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            if ("doc".equals(map.get("type"))) {
                comment = new LinkedHashMap<>();
                comment.put("body", map);
            } else if (map.get("body") != null) {
                comment = map;
            } else {
                throw new JiraSpokeInputException(ADD + " reads the message body as the link's comment: text, an ADF"
                                                  + " document or {\"body\": ..} as Jira takes a comment; the JSON"
                                                  + " object has no 'body' and is no ADF document (\"type\":"
                                                  + " \"doc\")");
            }
        } else if (body instanceof String s && !s.isBlank()) {
            comment = new LinkedHashMap<>();
            comment.put("body", s);
        } else {
            return null;
        }
        Object text = comment.get("body");
        if (text instanceof String s && s.isBlank()) {
            throw new JiraSpokeInputException(ADD + ": field 'body' of the link's comment in the message body is"
                                              + " empty");
        }
        comment.put("body", dialect().richText(text, textFormat(exchange, ADD), ADD, "comment.body"));
        return comment;
    }

    private static String required(String value, String option, String header, String what) {
        if (value == null || value.isBlank()) {
            throw new JiraSpokeInputException(ADD + " needs " + what + ": set option '" + option + "' or header "
                                              + header);
        }
        return value.strip();
    }
}
