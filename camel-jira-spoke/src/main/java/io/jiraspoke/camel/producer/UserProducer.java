package io.jiraspoke.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraDialect;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.consumer.ConsumerFeed;
import io.jiraspoke.camel.consumer.ListSource;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraGroup;
import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.camel.paging.JiraPager;
import io.jiraspoke.camel.paging.PagingStyle;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.commaList;
import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code user} family. Cloud identifies users by account id and Data Center by user name; the
 * option {@code user} takes whichever the connection's deployment uses, and the dialect says how Jira spells it.
 */
public class UserProducer extends JiraSpokeProducer {

    private static final String NEW_USER_BODY = "optional: a Map or JSON object of the new user's fields as Jira takes"
                                                + " them (Cloud: emailAddress, products; Data Center: name, password,"
                                                + " emailAddress, displayName, applicationKeys); options fill in what"
                                                + " the body does not set. A result of an earlier step (JiraUser, ...)"
                                                + " is not read.";

    public UserProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private UserOptions options() {
        return getEndpoint().getUser();
    }

    /** GET /rest/api/{3|2}/myself: the user the connection authenticates as. */
    @InvokeOnHeader("user/myself")
    @ActionDoc(returns = "JiraUser (account id on Cloud, name and key on Data Center, display name, e-mail, time"
                         + " zone)")
    public JiraUser myself() {
        return new JiraUser(client().call(JiraRequest.get(dialect().api() + "/myself")));
    }

    /**
     * POST /rest/api/{3|2}/user. Cloud invites the user by e-mail with the products given; Data Center creates the
     * account with name, password and application keys.
     */
    @InvokeOnHeader("user/create")
    @ActionDoc(body = NEW_USER_BODY, returns = "JiraUser (the new user, as Jira answers it)",
               headers = { JiraSpokeConstants.USER })
    public JiraUser create(Exchange exchange) {
        UserOptions o = options();
        String products = option(exchange, JiraSpokeConstants.PRODUCTS, o.getProducts());
        JiraDialect.NewUser given = new JiraDialect.NewUser(
                given(option(exchange, JiraSpokeConstants.USER, o.getUser())),
                given(option(exchange, JiraSpokeConstants.EMAIL_ADDRESS, o.getEmailAddress())),
                given(option(exchange, JiraSpokeConstants.DISPLAY_NAME, o.getDisplayName())),
                given(option(exchange, JiraSpokeConstants.USER_PASSWORD, o.getUserPassword())),
                products == null || products.isBlank() ? null : commaList(products));
        Map<String, Object> user = dialect().newUser(fields(exchange), given);
        JiraRequest request = JiraRequest.post(dialect().api() + "/user").body(user);
        if (user.get("password") instanceof String password) {
            // should Jira echo the request in an error, the password must not travel on in the exception
            request.secret(password);
        }
        JiraUser created = new JiraUser(client().call(request));
        exchange.getMessage().setHeader(JiraSpokeConstants.USER, created.getId());
        return created;
    }

    /** DELETE /rest/api/{3|2}/user?accountId= (Cloud) or ?username= (Data Center). */
    @InvokeOnHeader("user/delete")
    @ActionDoc(returns = "the body as it was (Jira answers 204 No Content)", headers = { JiraSpokeConstants.USER })
    public void delete(Exchange exchange) {
        String user = user(exchange, "user/delete");
        client().call(JiraRequest.delete(dialect().api() + "/user").query(dialect().userParameter(), user)
                .expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.USER, user);
    }

    /**
     * The groups of a user: Cloud GET /rest/api/3/user/groups?accountId=, Data Center GET
     * /rest/api/2/user?username=&expand=groups, as the dialect says.
     */
    @InvokeOnHeader("user/groups")
    @ActionDoc(returns = "List<JiraGroup> (name and self; the group id too on Cloud)",
               headers = { JiraSpokeConstants.USER })
    public List<JiraGroup> groups(Exchange exchange) {
        String user = user(exchange, "user/groups");
        JsonNode items = dialect().userGroups(client(), user);
        List<JiraGroup> groups = new ArrayList<>(items.size());
        items.forEach(g -> groups.add(new JiraGroup(g)));
        exchange.getMessage().setHeader(JiraSpokeConstants.USER, user);
        return groups;
    }

    /** GET /rest/api/3/users/search: every user of the site, app and customer accounts included (bare arrays). */
    @InvokeOnHeader("user/list")
    @ActionDoc(returns = "List<JiraUser>, or with outputType=iterator an Iterator<JiraUser> that fetches pages as it"
                         + " is read")
    public Object list() {
        return output(users(client(), getEndpoint().getPageSize(), getEndpoint().getLimit()));
    }

    static JiraPager<JiraUser> users(JiraClient client, int pageSize, long limit) {
        // a page may hold fewer users than asked for (Jira filters it afterwards): only an empty page ends the list
        return JiraPager.of(PagingStyle.BARE_ARRAY, page -> client.call(JiraRequest.get("/rest/api/3/users/search")
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .expect(JiraRequest.Expect.ARRAY)), null, pageSize, limit, JiraUser::new);
    }

    /** The user/list consumer: every user each poll, or only new and changed ones. */
    @ConsumerFeed(value = "user/list", emits = "one JiraUser per user (emit=all) or per new or changed user"
                                               + " (emit=changed)",
                  headers = { JiraSpokeConstants.USER })
    public static ListSource<JiraUser> listFeed(JiraSpokeEndpoint endpoint) {
        return new UserSource("") {
            @Override
            public Iterable<JiraUser> all() {
                return users(endpoint.getClient(), endpoint.getPageSize(), 0);
            }
        };
    }

    /** GET /rest/api/2/user/search?username= (bare arrays): users whose name, display name or e-mail matches. */
    @InvokeOnHeader("user/search[server]")
    @ActionDoc(returns = "List<JiraUser>, or with outputType=iterator an Iterator<JiraUser> that fetches pages as it"
                         + " is read")
    public Object searchDataCenter(Exchange exchange) {
        return output(searchDataCenter(client(), query(exchange), inactive(exchange), getEndpoint().getPageSize(),
                getEndpoint().getLimit()));
    }

    /**
     * GET /rest/api/3/user/search?query= (bare arrays): the extension of user/search to Cloud, which matches display
     * name and e-mail address and finds active users only.
     */
    @InvokeOnHeader("user/search[cloud]")
    @ActionDoc(returns = "List<JiraUser>, or with outputType=iterator an Iterator<JiraUser> that fetches pages as it"
                         + " is read")
    public Object searchCloud(Exchange exchange) {
        String query = query(exchange);
        refuseInactiveOnCloud(inactive(exchange), JiraSpokeInputException::new);
        return output(searchCloud(client(), query, getEndpoint().getPageSize(), getEndpoint().getLimit()));
    }

    static JiraPager<JiraUser> searchDataCenter(JiraClient client, String query, Boolean inactive, int pageSize,
                                                long limit) {
        return JiraPager.of(PagingStyle.BARE_ARRAY, page -> client.call(JiraRequest.get("/rest/api/2/user/search")
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .query("username", query).query("includeInactive", inactive)
                .expect(JiraRequest.Expect.ARRAY)), null, pageSize, limit, JiraUser::new);
    }

    static JiraPager<JiraUser> searchCloud(JiraClient client, String query, int pageSize, long limit) {
        // Cloud drops users the caller may not see from a page after cutting it: only an empty page is the end
        return JiraPager.of(PagingStyle.BARE_ARRAY, page -> client.call(JiraRequest.get("/rest/api/3/user/search")
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))
                .query("query", query)
                .expect(JiraRequest.Expect.ARRAY)), null, pageSize, limit, JiraUser::new);
    }

    /** The user/search consumer, on either API: every matching user each poll, or only new and changed ones. */
    @ConsumerFeed(value = "user/search", emits = "one JiraUser per matching user (emit=all) or per new or changed one"
                                                 + " (emit=changed)",
                  headers = { JiraSpokeConstants.USER })
    public static ListSource<JiraUser> searchFeed(JiraSpokeEndpoint endpoint) {
        UserOptions o = endpoint.getUser();
        return new UserSource(o.getQuery() + "|" + o.getIncludeInactive()) {
            private boolean cloud;

            @Override
            public void verify() {
                if (o.getQuery() == null || o.getQuery().isBlank()) {
                    throw new JiraSpokeConfigurationException("Consumer jiraspoke:user/search needs option 'query'"
                                                              + " (the text users are searched by)");
                }
                // the variant the start-up guard chose names the API, as it names the producer method
                cloud = endpoint.variant().isExtension();
                if (cloud) {
                    refuseInactiveOnCloud(o.getIncludeInactive(), JiraSpokeConfigurationException::new);
                }
            }

            @Override
            public Iterable<JiraUser> all() {
                return cloud ? searchCloud(endpoint.getClient(), o.getQuery(), endpoint.getPageSize(), 0)
                        : searchDataCenter(endpoint.getClient(), o.getQuery(), o.getIncludeInactive(),
                                endpoint.getPageSize(), 0);
            }
        };
    }

    /** What the user consumers share: identity, version, naming and headers of a user. */
    abstract static class UserSource implements ListSource<JiraUser> {
        private final String basis;

        UserSource(String basis) {
            this.basis = basis;
        }

        @Override
        public String id(JiraUser user) {
            // Data Center user names can be renamed; the key cannot
            return ItemIds.of(user.getRaw(), "accountId", "key", "name");
        }

        @Override
        public String version(JiraUser user) {
            return Digests.of(user.getRaw());
        }

        @Override
        public String describe(JiraUser user) {
            return "user " + id(user) + " (" + user.getDisplayName() + ")";
        }

        @Override
        public void headers(JiraUser user, Message message) {
            message.setHeader(JiraSpokeConstants.USER, user.getId());
        }

        @Override
        public String stateKeyBasis() {
            return basis;
        }
    }

    private static void refuseInactiveOnCloud(Boolean inactive, Function<String, RuntimeException> refusal) {
        if (Boolean.TRUE.equals(inactive)) {
            throw refusal.apply("user/search on Jira Cloud finds active users only: leave option 'includeInactive'"
                                + " (header " + JiraSpokeConstants.INCLUDE_INACTIVE + ") unset or false");
        }
    }

    private String query(Exchange exchange) {
        String q = option(exchange, JiraSpokeConstants.QUERY, options().getQuery());
        if (q == null || q.isBlank()) {
            throw new JiraSpokeInputException("user/search needs the text to search users by: set option 'query' or"
                                              + " header " + JiraSpokeConstants.QUERY);
        }
        return q;
    }

    private Boolean inactive(Exchange exchange) {
        return option(exchange, JiraSpokeConstants.INCLUDE_INACTIVE, options().getIncludeInactive());
    }

    private String user(Exchange exchange, String action) {
        return user(exchange, options(), action);
    }

    /** The user an action acts on; group actions read it too. */
    static String user(Exchange exchange, UserOptions options, String action) {
        String user = option(exchange, JiraSpokeConstants.USER, options.getUser());
        if (user == null || user.isBlank()) {
            throw new JiraSpokeInputException(action + " needs a user: set option 'user' (an account id on Cloud, a"
                                              + " user name on Data Center) or header " + JiraSpokeConstants.USER);
        }
        return user.strip();
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The new user's fields from the body: a map, JSON object text, or nothing. */
    private static Map<String, Object> fields(Exchange exchange) {
        Object in = exchange.getIn().getBody();
        if (in == null || in.getClass().getPackage() == JiraUser.class.getPackage()) {
            return Map.of();
        }
        Object body = Bodies.objectOrText(exchange, "user/create");
        if (body instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) body;
            return map;
        }
        if (body instanceof String text && !text.isBlank()) {
            throw new JiraSpokeInputException("user/create reads the new user's fields from a JSON object in the"
                                              + " body (or from options); the body is text that is not one");
        }
        return Map.of();
    }
}
