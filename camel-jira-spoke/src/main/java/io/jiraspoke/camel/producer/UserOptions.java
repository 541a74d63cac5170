package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The endpoint options of the {@code user} family, and the user that group actions act on. Cloud identifies users by
 * account id, Data Center by user name: {@code user} takes what the connection's deployment uses.
 */
@UriParams
public class UserOptions {

    @UriParam(label = "producer", description = "The user to act on: an account id on Cloud, a user name on Data"
                                                + " Center. user/create on Data Center: the new user's name.")
    private String user;
    @UriParam(label = "producer", description = "The e-mail address of a new user.")
    private String emailAddress;
    @UriParam(label = "producer", description = "The display name of a new user (Data Center; Cloud takes it from"
                                                + " the account the user sets up).")
    private String displayName;
    @UriParam(label = "security", secret = true,
              description = "The password of a new user (Data Center; Jira generates one when it is not given, and"
                            + " Cloud invites the user to set one up instead).")
    private String userPassword;
    @UriParam(label = "producer", description = "The products a new user gets access to, comma separated"
                                                + " (jira-software, jira-core, jira-servicedesk, ...): products on"
                                                + " Cloud, application keys on Data Center.")
    private String products;
    @UriParam(label = "common", description = "The text to search users by: matched against user name, display"
                                              + " name and e-mail address (Cloud has no user names).")
    private String query;
    @UriParam(label = "common", description = "Whether inactive users are included (group/members, and user/search"
                                              + " on Data Center; Cloud's user search finds active users only). When"
                                              + " not set Jira's default applies, which leaves them out.")
    private Boolean includeInactive;

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getUserPassword() {
        return userPassword;
    }

    public void setUserPassword(String userPassword) {
        this.userPassword = userPassword;
    }

    public String getProducts() {
        return products;
    }

    public void setProducts(String products) {
        this.products = products;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Boolean getIncludeInactive() {
        return includeInactive;
    }

    public void setIncludeInactive(Boolean includeInactive) {
        this.includeInactive = includeInactive;
    }
}
