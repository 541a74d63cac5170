package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of {@code issue/addLink}. Which action reads which option is recorded in the catalogue; each
 * can be overridden per message by the header {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class LinkOptions {

    @UriParam(label = "producer",
              description = "issue/addLink: the link type, by name (Blocks, Relates, Duplicate, Cloners: the"
                            + " names GET issueLinkType lists) or by id (all digits). Not looked up"
                            + " beforehand: Jira answers 404 for a type it does not have.")
    private String linkType;
    @UriParam(label = "producer",
              description = "issue/addLink: the issue (key or id) Jira's request puts under inwardIssue: the link"
                            + " reads from it with the type's outward description (for Blocks: inwardIssue blocks"
                            + " outwardIssue). camel-jira's ParentIssueKey.")
    private String inwardIssue;
    @UriParam(label = "producer",
              description = "issue/addLink: the issue (key or id) Jira's request puts under outwardIssue: it shows"
                            + " the link with the type's inward description (for Blocks: is blocked by"
                            + " inwardIssue). camel-jira's ChildIssueKey.")
    private String outwardIssue;

    public String getLinkType() {
        return linkType;
    }

    public void setLinkType(String linkType) {
        this.linkType = linkType;
    }

    public String getInwardIssue() {
        return inwardIssue;
    }

    public void setInwardIssue(String inwardIssue) {
        this.inwardIssue = inwardIssue;
    }

    public String getOutwardIssue() {
        return outwardIssue;
    }

    public void setOutwardIssue(String outwardIssue) {
        this.outwardIssue = outwardIssue;
    }
}
