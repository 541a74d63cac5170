package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the actions on the people of an issue (issue/assign, the watcher actions, issue/notify).
 * A user is given as Jira's deployment identifies users (an account id on Cloud, a user name on Data Center) or by
 * e-mail address, which is looked up. Which action reads which option is recorded in the catalogue; each can be
 * overridden per message by the header {@code CamelJiraSpoke<Option>}.
 */
@UriParams
public class PeopleOptions {

    @UriParam(label = "producer",
              description = "issue/assign: who to assign the issue to: an account id on Cloud, a user name on Data"
                            + " Center, or an e-mail address (looked up; Cloud finds only users whose privacy settings"
                            + " show it). none unassigns the issue, default assigns it to the project's default"
                            + " assignee (Jira's -1, which is taken too).")
    private String assignee;
    @UriParam(label = "producer",
              description = "issue/addWatcher, issue/removeWatcher: the user: an account id on Cloud, a user name on"
                            + " Data Center, or an e-mail address (looked up).")
    private String watcher;
    @UriParam(label = "producer",
              description = "issue/notify: the e-mail's subject; Jira uses the issue key and summary when not set.")
    private String subject;
    @UriParam(label = "producer",
              description = "issue/notify: which people of the issue receive the e-mail, comma separated: reporter,"
                            + " assignee, watchers, voters.")
    private String notifyTo;
    @UriParam(label = "producer",
              description = "issue/notify: further users who receive the e-mail, comma separated: account ids on"
                            + " Cloud, user names on Data Center, or e-mail addresses (looked up).")
    private String notifyToUsers;
    @UriParam(label = "producer",
              description = "issue/notify: groups whose members receive the e-mail, by name, comma separated (group"
                            + " ids on Cloud go in the body's to.groupIds).")
    private String notifyToGroups;

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getWatcher() {
        return watcher;
    }

    public void setWatcher(String watcher) {
        this.watcher = watcher;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getNotifyTo() {
        return notifyTo;
    }

    public void setNotifyTo(String notifyTo) {
        this.notifyTo = notifyTo;
    }

    public String getNotifyToUsers() {
        return notifyToUsers;
    }

    public void setNotifyToUsers(String notifyToUsers) {
        this.notifyToUsers = notifyToUsers;
    }

    public String getNotifyToGroups() {
        return notifyToGroups;
    }

    public void setNotifyToGroups(String notifyToGroups) {
        this.notifyToGroups = notifyToGroups;
    }
}
