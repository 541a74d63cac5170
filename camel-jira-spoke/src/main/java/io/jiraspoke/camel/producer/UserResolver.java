package io.jiraspoke.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraDialect;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraUser;

/**
 * The user an option names, as the id the deployment takes in requests: an account id on Cloud, a user name on Data
 * Center. Such an id is taken as given; an e-mail address is looked up with Jira's user search (Cloud {@code
 * user/search?query=}, Data Center {@code user/search?username=}, which both match e-mail addresses), one bounded
 * request per address.
 * <p>
 * Of the users Jira answers, the one whose user name is the value itself wins (Data Center sites that use e-mail
 * addresses as user names), then the one whose address is the value. Cloud hides most addresses: a user whose address
 * Jira hides is taken only when no listed user has the address and it is the only such user; otherwise (nobody, or
 * several) the lookup fails naming the address, and the account id must be given instead.
 */
public final class UserResolver {

    /** Users looked at per address: one page of Jira's user search, far more than one address can honestly match. */
    static final int CANDIDATES = 50;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserResolver() {
    }

    /** Whether a value is an e-mail address, which {@link #resolve} looks up, rather than an id. */
    public static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value.trim()).matches();
    }

    /**
     * The request id of the user a value names.
     *
     * @param value  an account id (Cloud), a user name (Data Center) or an e-mail address; trimmed
     * @param action the action asking, for the error
     * @param source where the value came from, for the error, e.g. {@code option 'assignee' (header ...)}
     */
    public static String resolve(JiraClient client, String value, String action, String source) {
        String v = value.trim();
        if (!isEmail(v)) {
            return v;
        }
        JiraDialect d = client.dialect();
        JsonNode answer = client.call(JiraRequest.get(d.api() + "/user/search").query(d.userQueryParameter(), v)
                .query("maxResults", CANDIDATES).expect(JiraRequest.Expect.ARRAY));
        List<JiraUser> named = new ArrayList<>(1);
        List<JiraUser> addressed = new ArrayList<>(1);
        List<JiraUser> hidden = new ArrayList<>(1);
        for (JsonNode u : answer) {
            if (!u.isObject()) {
                continue;
            }
            JiraUser user = new JiraUser(u);
            if (user.getId() == null) {
                continue;
            }
            String email = user.getEmailAddress();
            if (v.equals(user.getName())) {
                named.add(user);
            } else if (email == null || email.isBlank()) {
                hidden.add(user);
            } else if (email.trim().equalsIgnoreCase(v)) {
                addressed.add(user);
            }
        }
        List<JiraUser> found = !named.isEmpty() ? named : !addressed.isEmpty() ? addressed : hidden;
        if (found.size() == 1) {
            return found.get(0).getId();
        }
        String what = action + ": the user " + v + " (" + source + ")";
        if (found.isEmpty()) {
            throw new JiraSpokeInputException(what + " is no Jira user's e-mail address that the connection may see"
                                              + " (Jira Cloud finds users by address only where their privacy"
                                              + " settings show it): give the user's id instead (an account id on"
                                              + " Cloud, a user name on Data Center)");
        }
        List<String> listed = found.stream().map(u -> u.getDisplayName() + " (" + u.getId() + ")").toList();
        throw new JiraSpokeInputException(what + " matches several Jira users: " + String.join(", ", listed)
                                          + "; give the user's id instead");
    }
}
