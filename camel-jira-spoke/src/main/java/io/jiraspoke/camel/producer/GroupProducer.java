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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code group} family. Cloud knows a group by id or name and prefers the id, which survives a
 * rename; Data Center knows it by name only. When both are given the id is used.
 */
public class GroupProducer extends JiraSpokeProducer {

    private static final Logger LOG = LoggerFactory.getLogger(GroupProducer.class);

    /**
     * The most groups Data Center's group picker is asked for: it answers one unpaged list, cut by this and by
     * Jira's own jira.ajax.autocomplete.limit.
     */
    static final int PICKER_MAX = 1000;

    public GroupProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    private GroupOptions options() {
        return getEndpoint().getGroup();
    }

    /** POST /rest/api/{3|2}/group. */
    @InvokeOnHeader("group/create")
    @ActionDoc(returns = "JiraGroup (the new group; with its id on Cloud)",
               headers = { JiraSpokeConstants.GROUP_NAME, JiraSpokeConstants.GROUP_ID })
    public JiraGroup create(Exchange exchange) {
        String name = option(exchange, JiraSpokeConstants.GROUP_NAME, options().getGroupName());
        if (name == null || name.isBlank()) {
            throw new JiraSpokeInputException("group/create needs the name of the new group: set option 'groupName'"
                                              + " or header " + JiraSpokeConstants.GROUP_NAME);
        }
        JiraGroup group = new JiraGroup(client().call(JiraRequest.post(dialect().api() + "/group")
                .body(Map.of("name", name))));
        setGroupHeaders(exchange.getMessage(), group);
        return group;
    }

    /** DELETE /rest/api/{3|2}/group?groupId=|groupname= [&amp;swapGroupId=|swapGroup=]. */
    @InvokeOnHeader("group/delete")
    @ActionDoc(returns = "the body as it was", headers = { JiraSpokeConstants.GROUP_NAME, JiraSpokeConstants.GROUP_ID })
    public void delete(Exchange exchange) {
        GroupOptions o = options();
        Group group = group(exchange, "group/delete");
        JiraRequest request = JiraRequest.delete(dialect().api() + "/group");
        group.addTo(request, "groupId", "groupname");
        String swapId = given(option(exchange, JiraSpokeConstants.SWAP_GROUP_ID, o.getSwapGroupId()));
        String swapName = given(option(exchange, JiraSpokeConstants.SWAP_GROUP_NAME, o.getSwapGroupName()));
        if (swapId != null) {
            refuseIdOnDataCenter("group/delete", "swapGroupId", "swapGroupName", JiraSpokeInputException::new);
            request.query("swapGroupId", swapId);
        } else {
            request.query("swapGroup", swapName);
        }
        client().call(request.expect(JiraRequest.Expect.NOTHING));
        group.setHeaders(exchange.getMessage());
    }

    /** POST /rest/api/{3|2}/group/user?groupId=|groupname= with the user as the dialect spells it. */
    @InvokeOnHeader("group/addUser")
    @ActionDoc(returns = "JiraGroup (the group, as Jira answers it)",
               headers = { JiraSpokeConstants.USER, JiraSpokeConstants.GROUP_NAME, JiraSpokeConstants.GROUP_ID })
    public JiraGroup addUser(Exchange exchange) {
        Group group = group(exchange, "group/addUser");
        String user = UserProducer.user(exchange, getEndpoint().getUser(), "group/addUser");
        JiraRequest request = JiraRequest.post(dialect().api() + "/group/user").body(dialect().user(user));
        group.addTo(request, "groupId", "groupname");
        JiraGroup answer = new JiraGroup(client().call(request));
        exchange.getMessage().setHeader(JiraSpokeConstants.USER, user);
        setGroupHeaders(exchange.getMessage(), answer);
        return answer;
    }

    /** DELETE /rest/api/{3|2}/group/user?groupId=|groupname= &amp;accountId=|username=. */
    @InvokeOnHeader("group/removeUser")
    @ActionDoc(returns = "the body as it was",
               headers = { JiraSpokeConstants.USER, JiraSpokeConstants.GROUP_NAME, JiraSpokeConstants.GROUP_ID })
    public void removeUser(Exchange exchange) {
        Group group = group(exchange, "group/removeUser");
        String user = UserProducer.user(exchange, getEndpoint().getUser(), "group/removeUser");
        JiraRequest request = JiraRequest.delete(dialect().api() + "/group/user");
        group.addTo(request, "groupId", "groupname");
        client().call(request.query(dialect().userParameter(), user).expect(JiraRequest.Expect.NOTHING));
        exchange.getMessage().setHeader(JiraSpokeConstants.USER, user);
        group.setHeaders(exchange.getMessage());
    }

    /** GET /rest/api/3/group/bulk (startAt paging, {@code values}): every group of the site. */
    @InvokeOnHeader("group/list[cloud]")
    @ActionDoc(returns = "List<JiraGroup> (name and id), or with outputType=iterator an Iterator<JiraGroup> that"
                         + " fetches pages as it is read")
    public Object listCloud() {
        return output(groupsCloud(client(), getEndpoint().getPageSize(), getEndpoint().getLimit()));
    }

    static JiraPager<JiraGroup> groupsCloud(JiraClient client, int pageSize, long limit) {
        return JiraPager.of(PagingStyle.START_AT, page -> client.call(JiraRequest.get("/rest/api/3/group/bulk")
                .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults"))),
                "values", pageSize, limit, JiraGroup::new);
    }

    /**
     * GET /rest/api/2/groups/picker: the extension of group/list to Data Center. The picker is not paged: it answers
     * one list with the number of groups that match, and a list cut short is logged at WARN.
     */
    @InvokeOnHeader("group/list[server]")
    @ActionDoc(returns = "List<JiraGroup> (names only; at most 1000, or limit, and what Jira's"
                         + " jira.ajax.autocomplete.limit allows), or with outputType=iterator an Iterator over it")
    public Object listDataCenter() {
        List<JiraGroup> groups = groupsDataCenter(client(), getEndpoint().getLimit());
        return "iterator".equals(getEndpoint().getOutputType()) ? groups.iterator() : groups;
    }

    static List<JiraGroup> groupsDataCenter(JiraClient client, long limit) {
        int max = limit > 0 ? (int) Math.min(limit, PICKER_MAX) : PICKER_MAX;
        JiraRequest request = JiraRequest.get("/rest/api/2/groups/picker").query("maxResults", max);
        JsonNode answer = client.call(request);
        JsonNode items = answer.path("groups");
        List<JiraGroup> groups = new ArrayList<>(items.size());
        items.forEach(g -> {
            if (groups.size() < max) {
                groups.add(new JiraGroup(g));
            }
        });
        long total = answer.path("total").asLong(groups.size());
        if (total > groups.size() && (limit <= 0 || groups.size() < limit)) {
            LOG.warn("Jira's group picker answered {} of the {} groups on connection '{}' (GET {}): it is not paged,"
                     + " and Jira's jira.ajax.autocomplete.limit cuts it further", groups.size(), total,
                    client.name(), request.pathAndQuery());
        }
        return groups;
    }

    /** The group/list consumer, on either API: every group each poll, or only new and changed ones. */
    @ConsumerFeed(value = "group/list", emits = "one JiraGroup per group (emit=all) or per new or changed group"
                                                + " (emit=changed)",
                  headers = { JiraSpokeConstants.GROUP_NAME, JiraSpokeConstants.GROUP_ID })
    public static ListSource<JiraGroup> listFeed(JiraSpokeEndpoint endpoint) {
        return new ListSource<>() {
            private boolean dataCenter;

            @Override
            public void verify() {
                // the variant the start-up guard chose names the API, as it names the producer method
                dataCenter = endpoint.variant().isExtension();
            }

            @Override
            public Iterable<JiraGroup> all() {
                return dataCenter ? groupsDataCenter(endpoint.getClient(), 0)
                        : groupsCloud(endpoint.getClient(), endpoint.getPageSize(), 0);
            }

            @Override
            public String id(JiraGroup group) {
                return ItemIds.of(group.getRaw(), "groupId", "name");
            }

            @Override
            public String version(JiraGroup group) {
                return Digests.of(group.getRaw());
            }

            @Override
            public String describe(JiraGroup group) {
                return "group " + id(group) + " (" + group.getName() + ")";
            }

            @Override
            public void headers(JiraGroup group, Message message) {
                setGroupHeaders(message, group);
            }

            @Override
            public String stateKeyBasis() {
                return "";
            }
        };
    }

    /** GET /rest/api/{3|2}/group/member (startAt paging, {@code values}; Cloud answers at most 50 a page). */
    @InvokeOnHeader("group/members")
    @ActionDoc(returns = "List<JiraUser>, or with outputType=iterator an Iterator<JiraUser> that fetches pages as it"
                         + " is read")
    public Object members(Exchange exchange) {
        Group group = group(exchange, "group/members");
        Boolean inactive = option(exchange, JiraSpokeConstants.INCLUDE_INACTIVE,
                getEndpoint().getUser().getIncludeInactive());
        return output(members(client(), group, inactive, getEndpoint().getPageSize(), getEndpoint().getLimit()));
    }

    static JiraPager<JiraUser> members(JiraClient client, Group group, Boolean inactive, int pageSize, long limit) {
        String path = client.dialect().api() + "/group/member";
        return JiraPager.of(PagingStyle.START_AT, page -> {
            JiraRequest request = JiraRequest.get(path);
            group.addTo(request, "groupId", "groupname");
            return client.call(request.query("includeInactiveUsers", inactive)
                    .query("startAt", page.get("startAt")).query("maxResults", page.get("maxResults")));
        }, "values", pageSize, limit, JiraUser::new);
    }

    /** The group/members consumer: every member each poll, or only new and changed ones (a join, say). */
    @ConsumerFeed(value = "group/members", emits = "one JiraUser per member (emit=all) or per new or changed member"
                                                   + " (emit=changed)",
                  headers = { JiraSpokeConstants.USER, JiraSpokeConstants.GROUP_NAME, JiraSpokeConstants.GROUP_ID })
    public static ListSource<JiraUser> membersFeed(JiraSpokeEndpoint endpoint) {
        GroupOptions o = endpoint.getGroup();
        Boolean inactive = endpoint.getUser().getIncludeInactive();
        return new UserProducer.UserSource(o.getGroupId() + "|" + o.getGroupName() + "|" + inactive) {
            private Group group;

            @Override
            public void verify() {
                group = Group.of(given(o.getGroupId()), given(o.getGroupName()), "Consumer jiraspoke:group/members",
                        JiraSpokeConfigurationException::new);
                if (group.id() != null && !endpoint.getClient().dialect().groupsHaveIds()) {
                    throw new JiraSpokeConfigurationException(idOnDataCenter("Consumer jiraspoke:group/members",
                            "groupId", "groupName"));
                }
            }

            @Override
            public Iterable<JiraUser> all() {
                return members(endpoint.getClient(), group, inactive, endpoint.getPageSize(), 0);
            }

            @Override
            public void headers(JiraUser user, Message message) {
                super.headers(user, message);
                group.setHeaders(message);
            }
        };
    }

    static void setGroupHeaders(Message message, JiraGroup group) {
        message.setHeader(JiraSpokeConstants.GROUP_NAME, group.getName());
        if (group.getGroupId() != null) {
            message.setHeader(JiraSpokeConstants.GROUP_ID, group.getGroupId());
        }
    }

    /** The group an action acts on, by id or name. */
    record Group(String id, String name) {

        static Group of(String id, String name, String action, Function<String, RuntimeException> refusal) {
            if (id == null && name == null) {
                throw refusal.apply(action + " needs a group: set option 'groupName' (or on Cloud 'groupId'), or"
                                    + " header " + JiraSpokeConstants.GROUP_NAME + " or "
                                    + JiraSpokeConstants.GROUP_ID);
            }
            // an id survives a rename; the name goes only where there is no id
            return id != null ? new Group(id, null) : new Group(null, name);
        }

        void addTo(JiraRequest request, String idParameter, String nameParameter) {
            request.query(idParameter, id).query(nameParameter, name);
        }

        void setHeaders(Message message) {
            if (id != null) {
                message.setHeader(JiraSpokeConstants.GROUP_ID, id);
            }
            if (name != null) {
                message.setHeader(JiraSpokeConstants.GROUP_NAME, name);
            }
        }
    }

    private Group group(Exchange exchange, String action) {
        GroupOptions o = options();
        Group group = Group.of(given(option(exchange, JiraSpokeConstants.GROUP_ID, o.getGroupId())),
                given(option(exchange, JiraSpokeConstants.GROUP_NAME, o.getGroupName())), action,
                JiraSpokeInputException::new);
        if (group.id() != null) {
            refuseIdOnDataCenter(action, "groupId", "groupName", JiraSpokeInputException::new);
        }
        return group;
    }

    private void refuseIdOnDataCenter(String action, String idOption, String nameOption,
                                      Function<String, RuntimeException> refusal) {
        if (!dialect().groupsHaveIds()) {
            throw refusal.apply(idOnDataCenter(action, idOption, nameOption));
        }
    }

    private static String idOnDataCenter(String action, String idOption, String nameOption) {
        return action + ": Jira Data Center knows groups by name only; set option '" + nameOption + "' (header "
               + header(nameOption) + ") instead of '" + idOption + "' (header " + header(idOption) + ")";
    }

    private static String header(String option) {
        return "CamelJiraSpoke" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
