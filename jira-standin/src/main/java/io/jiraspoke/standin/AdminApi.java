package io.jiraspoke.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiraspoke.standin.JiraEmulator.Flavour;
import io.jiraspoke.standin.Model.AuditChange;
import io.jiraspoke.standin.Model.AuditItem;
import io.jiraspoke.standin.Model.AuditRecord;
import io.jiraspoke.standin.Model.Group;
import io.jiraspoke.standin.Model.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User and group administration and the audit log: {@code user} (create, delete), {@code user/groups},
 * {@code group} (create, delete), {@code group/user}, {@code group/member}, {@code group/bulk} (Cloud),
 * {@code groups/picker}, and the audit API of the flavour: {@code auditing/record} on Cloud, Data Center 10's
 * {@code /rest/auditing/1.0/events} (which replaced it there, so the emulator's Data Center 10.3 serves only that).
 * Every change made here is audited as Jira audits it, newest record last in the store.
 */
final class AdminApi {

    private static final Set<String> CLOUD_PRODUCTS = Set.of("jira-core", "jira-servicedesk", "jira-product-discovery", "jira-software");
    private static final String SOFTWARE_USERS = "jira-software-users";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int MEMBERS_MAX = 50;
    private static final int BULK_MAX = 50;
    /** Jira's jira.ajax.autocomplete.limit, which caps the group picker whatever maxResults asks. */
    private static final int PICKER_MAX = 20;
    private static final int AUDIT_MAX = 1000;
    private static final int EVENTS_DEFAULT = 200;
    private static final int EVENTS_MAX = 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,15}),(\\d{1,15})");
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Store store;
    private final JiraJson json;

    AdminApi(Store store, JiraJson json) {
        this.store = store;
        this.json = json;
    }

    void routes(Router router) {
        String api = "/rest/api/{v}";
        router.add("POST", api + "/user", this::createUser)
                .add("DELETE", api + "/user", this::deleteUser)
                .add("GET", api + "/user/groups", this::userGroups)
                .add("POST", api + "/group", this::createGroup)
                .add("DELETE", api + "/group", this::deleteGroup)
                .add("POST", api + "/group/user", this::addMember)
                .add("DELETE", api + "/group/user", this::removeMember)
                .add("GET", api + "/group/member", this::members)
                .add("GET", api + "/groups/picker", this::picker);
        if (cloud()) {
            router.add("GET", api + "/group/bulk", this::bulk)
                    .add("GET", api + "/auditing/record", this::records);
        } else {
            router.add("GET", "/rest/auditing/1.0/events", this::events);
        }
    }

    private boolean cloud() {
        return store.flavour == Flavour.CLOUD;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // users

    private Reply createUser(Call c) {
        ObjectNode body = c.object();
        return cloud() ? inviteCloudUser(body, c) : createDataCenterUser(body, c);
    }

    /**
     * Cloud invites by e-mail address with the products given; name, password and display name are no longer taken
     * (and ignored). A user who exists already and has access is answered 201 as if new, as Cloud does.
     */
    private Reply inviteCloudUser(ObjectNode body, Call c) {
        String email = body.path("emailAddress").asText("").strip();
        if (email.isEmpty()) {
            throw JiraError.fields(Map.of("emailAddress", "You must specify an email address."));
        }
        if (!EMAIL.matcher(email).matches()) {
            throw JiraError.fields(Map.of("emailAddress", "You must specify a valid email address."));
        }
        JsonNode products = body.get("products");
        if (products == null || !products.isArray()) {
            throw JiraError.fields(Map.of("products", "You must specify the products the user gets access to"
                    + " (an empty array for none)."));
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode p : products) {
            if (!CLOUD_PRODUCTS.contains(p.asText())) {
                throw JiraError.fields(Map.of("products", "Invalid product '" + p.asText() + "'. Valid products are: jira-core,"
                        + " jira-servicedesk, jira-product-discovery, jira-software."));
            }
            wanted.add(p.asText());
        }
        User existing = store.users.stream().filter(u -> email.equalsIgnoreCase(u.email())).findFirst().orElse(null);
        if (existing != null) {
            if (!hasSoftware(existing)) {
                throw JiraError.badRequest("The user with email address " + email + " exists but does not have access to Jira.");
            }
            return Reply.created(newUserAnswer(existing, c));
        }
        String accountId = "712020:" + UUID.randomUUID();
        User user = store.addUser(accountId, email.substring(0, email.indexOf('@')), email);
        if (wanted.contains("jira-software")) {
            grantSoftware(user);
        }
        store.audit("User created", "user management", userItem(user), List.of(),
                List.of(new AuditChange("email", "", email)));
        return Reply.created(newUserAnswer(user, c));
    }

    /** Data Center creates the account: user name, full name and e-mail address are required, the password optional. */
    private Reply createDataCenterUser(ObjectNode body, Call c) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = body.path("name").asText("").strip();
        String email = body.path("emailAddress").asText("").strip();
        String displayName = body.path("displayName").asText("").strip();
        if (name.isEmpty()) {
            errors.put("username", "You must specify a username.");
        } else if (store.user(name).isPresent() || store.users.stream().anyMatch(u -> name.equalsIgnoreCase(u.name()))) {
            errors.put("username", "A user with that username already exists.");
        }
        if (displayName.isEmpty()) {
            errors.put("fullname", "You must specify a full name.");
        }
        if (email.isEmpty()) {
            errors.put("email", "You must specify an email address.");
        } else if (!EMAIL.matcher(email).matches()) {
            errors.put("email", "You must specify a valid email address.");
        }
        JsonNode keys = body.get("applicationKeys");
        if (keys != null && !keys.isNull() && !keys.isArray()) {
            errors.put("applicationKeys", "applicationKeys must be an array of application keys.");
        }
        if (!errors.isEmpty()) {
            throw JiraError.fields(errors);
        }
        User user = store.addUser(name, displayName, email);
        // without application keys Jira gives the default application, Jira Software here
        boolean software = keys == null || keys.isNull() || keys.isEmpty()
                || java.util.stream.StreamSupport.stream(keys.spliterator(), false).anyMatch(k -> k.asText().equals("jira-software"));
        if (software) {
            grantSoftware(user);
        }
        store.audit("User created", "user management", userItem(user), List.of(),
                List.of(new AuditChange("Username", "", name), new AuditChange("Full name", "", displayName),
                        new AuditChange("Email", "", email)));
        return new Reply(201, newUserAnswer(user, c), null, null, Map.of("Location", c.ctx.apiUrl() + "/user?username=" + enc(name)));
    }

    private ObjectNode newUserAnswer(User user, Call c) {
        ObjectNode answer = json.user(user, c.ctx);
        if (!cloud()) {
            answer.put("deleted", false);
        }
        answer.put("locale", "en_US");
        answer.putObject("groups").put("size", groupsOf(user).size()).putArray("items");
        answer.putObject("applicationRoles").put("size", hasSoftware(user) ? 1 : 0).putArray("items");
        return answer.put("expand", "groups,applicationRoles");
    }

    private Reply deleteUser(Call c) {
        User user = userParam(c);
        if (user.equals(store.me())) {
            throw JiraError.badRequest("You cannot delete the currently logged in user.");
        }
        store.removeUser(user);
        store.audit("User deleted", "user management", userItem(user), List.of(), List.of());
        return Reply.noContent();
    }

    /** The user of {@code accountId} (Cloud) or {@code username} / {@code key} (Data Center). */
    private User userParam(Call c) {
        String ref = cloud() ? c.param("accountId") : c.param("username") != null ? c.param("username") : c.param("key");
        if (ref == null || ref.isBlank()) {
            throw JiraError.badRequest(cloud() ? "The accountId query parameter needs to be provided."
                    : "Either the username or the key query parameter needs to be provided.");
        }
        return store.user(ref).orElseThrow(() -> JiraError.message(404, "The user with " + (cloud() ? "account ID" : "name")
                + " '" + ref + "' does not exist."));
    }

    private Reply userGroups(Call c) {
        if (!cloud()) {
            // Data Center answers a user's groups only inside the user (GET user?expand=groups)
            throw JiraError.message(404, "null for uri: " + c.path);
        }
        User user = userParam(c);
        ArrayNode answer = JiraJson.MAPPER.createArrayNode();
        groupsOf(user).forEach(g -> answer.add(groupName(g, c)));
        return Reply.ok(answer);
    }

    /** {@code groups} of a user expanded ({@code GET user?expand=groups}): all of them, as a list of names. */
    ObjectNode expandedGroups(User user, JiraJson.Ctx ctx) {
        List<Group> groups = groupsOf(user);
        ObjectNode expanded = JiraJson.MAPPER.createObjectNode().put("size", groups.size());
        ArrayNode items = expanded.putArray("items");
        groups.forEach(g -> items.add(groupName(g, ctx)));
        return expanded.put("max-results", 1000);
    }

    private List<Group> groupsOf(User user) {
        return store.groups.values().stream().filter(g -> g.members.contains(user))
                .sorted(Comparator.comparing(g -> g.name.toLowerCase(Locale.ROOT))).toList();
    }

    /** Jira Software access is membership of its default group (while it exists). */
    private boolean hasSoftware(User user) {
        return store.groupByName(SOFTWARE_USERS).map(g -> g.members.contains(user)).orElse(false);
    }

    private void grantSoftware(User user) {
        store.groupByName(SOFTWARE_USERS).ifPresent(g -> g.members.add(user));
    }

    // groups

    private ObjectNode groupName(Group g, Call c) {
        return groupName(g, c.ctx);
    }

    private ObjectNode groupName(Group g, JiraJson.Ctx ctx) {
        ObjectNode node = JiraJson.MAPPER.createObjectNode().put("name", g.name);
        if (g.id != null) {
            node.put("groupId", g.id);
        }
        return node.put("self", self(g, ctx));
    }

    private static String self(Group g, JiraJson.Ctx ctx) {
        return ctx.apiUrl() + "/group?" + (g.id != null ? "groupId=" + g.id : "groupname=" + enc(g.name));
    }

    /** A group as {@code POST group} and {@code POST group/user} answer it: with its first 50 members. */
    private ObjectNode group(Group g, Call c) {
        ObjectNode node = JiraJson.MAPPER.createObjectNode().put("name", g.name);
        if (g.id != null) {
            node.put("groupId", g.id);
        }
        node.put("self", self(g, c.ctx));
        List<User> members = sortedMembers(g);
        int shown = Math.min(members.size(), MEMBERS_MAX);
        ObjectNode users = node.putObject("users").put("size", members.size());
        ArrayNode items = users.putArray("items");
        members.subList(0, shown).forEach(u -> items.add(json.user(u, c.ctx)));
        users.put("max-results", MEMBERS_MAX).put("start-index", 0).put("end-index", Math.max(shown - 1, 0));
        return node.put("expand", "users");
    }

    /**
     * The group the call names by {@code groupId} (Cloud) or {@code groupname}; Jira takes one of them, never
     * both. The swap group of a delete comes by other parameter names, and may be absent.
     */
    private Group groupParam(Call c, String idParam, String nameParam, boolean required) {
        String id = cloud() ? blankToNull(c.param(idParam)) : null;
        String name = blankToNull(c.param(nameParam));
        if (id != null && name != null) {
            throw JiraError.badRequest("You must provide either the " + nameParam + " or the " + idParam + " parameter, not both.");
        }
        if (id == null && name == null) {
            if (!required) {
                return null;
            }
            throw JiraError.badRequest(cloud() ? "You must specify a group name or a group ID." : "You must specify a group name.");
        }
        return (id != null ? store.groupById(id) : store.groupByName(name)).orElseThrow(() -> JiraError.message(404,
                "Specified group does not exist."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Reply createGroup(Call c) {
        String name = c.object().path("name").asText("").strip();
        if (name.isEmpty()) {
            throw JiraError.badRequest("You must specify a group name.");
        }
        if (store.groupByName(name).isPresent()) {
            throw JiraError.badRequest("A group with this name already exists.");
        }
        Group g = store.addGroup(name);
        store.audit("Group created", "group management", groupItem(g), List.of(), List.of());
        return Reply.created(group(g, c));
    }

    /** Deletes a group; a swap group takes over the comments restricted to it, as Jira moves them. */
    private Reply deleteGroup(Call c) {
        Group g = groupParam(c, "groupId", "groupname", true);
        Group swap = groupParam(c, "swapGroupId", "swapGroup", false);
        if (swap == g) {
            throw JiraError.badRequest("You cannot swap comments and worklogs to the group being deleted.");
        }
        store.groups.values().remove(g);
        for (Model.Issue issue : store.issues()) {
            for (Model.Comment comment : issue.comments) {
                ObjectNode v = comment.visibility;
                if (swap != null && v != null && v.path("type").asText().equals("group")
                    && (g.name.equalsIgnoreCase(v.path("value").asText()) || g.id != null && g.id.equals(v.path("identifier").asText()))) {
                    v.put("value", swap.name);
                    if (swap.id != null) {
                        v.put("identifier", swap.id);
                    }
                }
            }
        }
        store.audit("Group deleted", "group management", groupItem(g), List.of(), List.of());
        return new Reply(200, null, null, null, Map.of());
    }

    private Reply addMember(Call c) {
        Group g = groupParam(c, "groupId", "groupname", true);
        ObjectNode body = c.object();
        String ref = cloud() ? body.path("accountId").asText("") : body.path("name").asText("");
        if (ref.isBlank()) {
            throw JiraError.badRequest(cloud() ? "accountId is required." : "You must specify the user name (name).");
        }
        User user = store.user(ref).orElseThrow(() -> JiraError.message(404, "The user with " + (cloud() ? "account ID" : "name")
                + " '" + ref + "' does not exist."));
        if (!g.members.add(user)) {
            throw JiraError.badRequest("Cannot add user. '" + user.displayName() + "' is already a member of '" + g.name + "'");
        }
        store.audit("User added to group", "group management", groupItem(g), List.of(userItem(user)), List.of());
        return Reply.created(group(g, c));
    }

    private Reply removeMember(Call c) {
        Group g = groupParam(c, "groupId", "groupname", true);
        User user = userParam(c);
        if (!g.members.remove(user)) {
            throw JiraError.badRequest("Cannot remove user '" + user.displayName() + "' from group '" + g.name
                    + "' as they are not a member of it.");
        }
        store.audit("User removed from group", "group management", groupItem(g), List.of(userItem(user)), List.of());
        return new Reply(200, null, null, null, Map.of());
    }

    /** Cloud orders members as Jira orders user names, which it does not show; by display name here. */
    private List<User> sortedMembers(Group g) {
        return g.members.stream()
                .sorted(Comparator.comparing((User u) -> (cloud() ? u.displayName() : u.name()).toLowerCase(Locale.ROOT)))
                .toList();
    }

    private Reply members(Call c) {
        Group g = groupParam(c, "groupId", "groupname", true);
        // every user of the emulator is active: includeInactiveUsers changes nothing but the links
        boolean inactive = "true".equals(c.param("includeInactiveUsers"));
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", MEMBERS_MAX), 1), MEMBERS_MAX);
        List<User> all = sortedMembers(g);
        int end = (int) Math.min((long) startAt + maxResults, all.size());
        String base = c.ctx.apiUrl() + "/group/member?" + (g.id != null ? "groupId=" + g.id : "groupname=" + enc(g.name))
                + "&includeInactiveUsers=" + inactive;
        ObjectNode page = JiraJson.MAPPER.createObjectNode()
                .put("self", base + "&startAt=" + startAt + "&maxResults=" + maxResults);
        if (end < all.size()) {
            page.put("nextPage", base + "&startAt=" + end + "&maxResults=" + maxResults);
        }
        page.put("maxResults", maxResults).put("startAt", startAt).put("total", all.size()).put("isLast", end >= all.size());
        ArrayNode values = page.putArray("values");
        all.subList(Math.min(startAt, all.size()), end).forEach(u -> values.add(json.user(u, c.ctx)));
        return Reply.ok(page);
    }

    /** Cloud's paged list of groups, optionally only those named by id or name. */
    private Reply bulk(Call c) {
        List<String> ids = c.params.getOrDefault("groupId", List.of());
        List<String> names = c.params.getOrDefault("groupName", List.of());
        Predicate<Group> wanted = g -> (ids.isEmpty() && names.isEmpty()) || g.id != null && ids.contains(g.id)
                || names.stream().anyMatch(n -> n.equalsIgnoreCase(g.name));
        List<Group> all = store.groups.values().stream().filter(wanted)
                .sorted(Comparator.comparing(g -> g.name.toLowerCase(Locale.ROOT))).toList();
        int startAt = Math.max(c.intParam("startAt", 0), 0);
        int maxResults = Math.min(Math.max(c.intParam("maxResults", BULK_MAX), 1), BULK_MAX);
        int end = (int) Math.min((long) startAt + maxResults, all.size());
        ObjectNode page = JiraJson.MAPPER.createObjectNode()
                .put("isLast", end >= all.size()).put("maxResults", maxResults).put("startAt", startAt).put("total", all.size());
        if (end < all.size()) {
            page.put("nextPage", c.ctx.apiUrl() + "/group/bulk?startAt=" + end + "&maxResults=" + maxResults);
        }
        ArrayNode values = page.putArray("values");
        all.subList(Math.min(startAt, all.size()), end).forEach(g -> {
            ObjectNode v = values.addObject().put("name", g.name);
            v.put("groupId", g.id);
        });
        return Reply.ok(page);
    }

    /** The group picker: names containing the query, sorted, not paged, capped by Jira's autocomplete limit. */
    private Reply picker(Call c) {
        String query = c.param("query") == null ? "" : c.param("query");
        String q = query.toLowerCase(Locale.ROOT);
        List<String> exclude = c.params.getOrDefault("exclude", List.of());
        List<String> excludeIds = c.params.getOrDefault("excludeId", List.of());
        List<Group> matching = store.groups.values().stream()
                .filter(g -> g.name.toLowerCase(Locale.ROOT).contains(q))
                .filter(g -> exclude.stream().noneMatch(e -> e.equalsIgnoreCase(g.name)) && (g.id == null || !excludeIds.contains(g.id)))
                .sorted(Comparator.comparing(g -> g.name.toLowerCase(Locale.ROOT))).toList();
        int max = Math.min(Math.max(c.intParam("maxResults", PICKER_MAX), 0), PICKER_MAX);
        List<Group> shown = matching.subList(0, Math.min(max, matching.size()));
        ObjectNode answer = JiraJson.MAPPER.createObjectNode()
                .put("header", "Showing " + shown.size() + " of " + matching.size() + " matching groups")
                .put("total", matching.size());
        ArrayNode groups = answer.putArray("groups");
        for (Group g : shown) {
            ObjectNode node = groups.addObject().put("name", g.name).put("html", highlight(g.name, query));
            node.putArray("labels");
            if (g.id != null) {
                node.put("groupId", g.id);
            }
        }
        return Reply.ok(answer);
    }

    private static String highlight(String name, String query) {
        String escaped = escape(name);
        if (query.isEmpty()) {
            return escaped;
        }
        int at = name.toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
        return escape(name.substring(0, at)) + "<b>" + escape(name.substring(at, at + query.length())) + "</b>"
                + escape(name.substring(at + query.length()));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // audit

    private AuditItem userItem(User user) {
        return cloud() ? new AuditItem(user.accountId(), user.displayName(), "USER")
                : new AuditItem(user.key(), user.name(), "USER");
    }

    private static AuditItem groupItem(Group g) {
        return new AuditItem(g.id != null ? g.id : g.name, g.name, "GROUP");
    }

    /** The records created between from and to (both inclusive, either open), newest first. */
    private List<AuditRecord> window(Instant from, Instant to, String filter) {
        List<String> words = filter == null ? List.of() : List.of(filter.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        return store.audit.stream()
                .filter(r -> (from == null || !r.created().isBefore(from)) && (to == null || !r.created().isAfter(to)))
                .filter(r -> words.isEmpty() || words.get(0).isEmpty() || words.stream().allMatch(w -> text(r).contains(w)))
                .sorted(Comparator.comparing(AuditRecord::created).thenComparingLong(AuditRecord::id).reversed())
                .toList();
    }

    /** What a filter word may match: summary, category, source, objects, changed values, address. */
    private static String text(AuditRecord r) {
        StringBuilder s = new StringBuilder().append(r.summary()).append(' ').append(r.category()).append(" 127.0.0.1");
        List<AuditItem> items = new ArrayList<>(r.associated());
        items.add(r.object());
        items.forEach(i -> s.append(' ').append(i.id()).append(' ').append(i.name()).append(' ').append(i.typeName()));
        r.changes().forEach(ch -> s.append(' ').append(ch.from()).append(' ').append(ch.to()));
        return s.toString().toLowerCase(Locale.ROOT);
    }

    /** Cloud's {@code auditing/record}: offset and limit, {@code records[]}, Jira's timestamps. */
    private Reply records(Call c) {
        Instant from = instant(c, "from");
        Instant to = instant(c, "to");
        int offset = Math.max(c.intParam("offset", 0), 0);
        int limit = Math.min(Math.max(c.intParam("limit", AUDIT_MAX), 0), AUDIT_MAX);
        // "from must be before to": equal bounds still give that millisecond, which clients ask for when it overflows a page
        List<AuditRecord> all = from != null && to != null && from.isAfter(to) ? List.of() : window(from, to, c.param("filter"));
        ObjectNode answer = JiraJson.MAPPER.createObjectNode().put("offset", offset).put("limit", limit).put("total", all.size());
        ArrayNode records = answer.putArray("records");
        all.stream().skip(offset).limit(limit).forEach(r -> records.add(record(r)));
        return Reply.ok(answer);
    }

    private ObjectNode record(AuditRecord r) {
        ObjectNode n = JiraJson.MAPPER.createObjectNode().put("id", r.id()).put("summary", r.summary())
                .put("remoteAddress", "127.0.0.1")
                .put("authorAccountId", r.author().accountId())
                .put("created", JiraJson.timestamp(r.created()))
                .put("category", r.category());
        n.set("objectItem", item(r.object()));
        ArrayNode changes = n.putArray("changedValues");
        r.changes().forEach(ch -> changes.addObject().put("fieldName", ch.field()).put("changedFrom", ch.from()).put("changedTo", ch.to()));
        ArrayNode associated = n.putArray("associatedItems");
        r.associated().forEach(i -> associated.add(item(i)));
        return n;
    }

    private static ObjectNode item(AuditItem i) {
        return JiraJson.MAPPER.createObjectNode().put("id", i.id()).put("name", i.name()).put("typeName", i.typeName())
                .put("parentId", "10000").put("parentName", "com.atlassian.crowd.directory.IdentityPlatformRemoteDirectory");
    }

    /**
     * Data Center 10's audit events: newest first, {@code entities[]} without ids, ISO instants, paged by
     * {@code offset} or by an opaque {@code pageCursor} (the last event's time and id, so that pages stay put while
     * new events arrive).
     */
    private Reply events(Call c) {
        Instant from = instant(c, "from");
        Instant to = instant(c, "to");
        int limit = Math.min(Math.max(c.intParam("limit", EVENTS_DEFAULT), 1), EVENTS_MAX);
        List<AuditRecord> all = window(from, to, c.param("search"));
        int start = Math.max(c.intParam("offset", 0), 0);
        String cursor = c.param("pageCursor");
        if (cursor != null && !cursor.isEmpty()) {
            Matcher m = CURSOR.matcher(cursor);
            if (!m.matches()) {
                throw JiraError.badRequest("Invalid page cursor: " + cursor);
            }
            long millis = Long.parseLong(m.group(1));
            long id = Long.parseLong(m.group(2));
            start = 0;
            while (start < all.size() && (all.get(start).created().toEpochMilli() > millis
                    || all.get(start).created().toEpochMilli() == millis && all.get(start).id() >= id)) {
                start++;
            }
        }
        List<AuditRecord> page = all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size()));
        ObjectNode answer = JiraJson.MAPPER.createObjectNode();
        ArrayNode entities = answer.putArray("entities");
        page.forEach(r -> entities.add(event(r)));
        boolean last = start + page.size() >= all.size();
        ObjectNode info = answer.putObject("pagingInfo").put("limit", limit).put("size", page.size()).put("lastPage", last);
        if (last) {
            info.putNull("nextPageCursor");
        } else {
            AuditRecord tail = page.get(page.size() - 1);
            String next = tail.created().toEpochMilli() + "," + tail.id();
            info.put("nextPageCursor", next).put("nextPageOffset", start + page.size())
                    .put("nextPageLink", c.ctx.root() + "/rest/auditing/1.0/events?limit=" + limit + "&pageCursor=" + enc(next));
        }
        return Reply.ok(answer);
    }

    private ObjectNode event(AuditRecord r) {
        ObjectNode n = JiraJson.MAPPER.createObjectNode().put("timestamp", EVENT_TIME.format(r.created()));
        User author = r.author();
        n.putObject("author").put("name", author.name()).put("type", "user").put("id", author.key())
                .put("uri", json.baseUrl() + "/secure/ViewProfile.jspa?name=" + enc(author.name())).put("avatarUri", "");
        boolean group = r.category().equals("group management");
        n.putObject("type").put("categoryI18nKey", "jira.auditing.category." + r.category().replace(" ", ""))
                .put("category", r.category())
                .put("actionI18nKey", "jira.auditing." + r.summary().toLowerCase(Locale.ROOT).replace(' ', '.'))
                .put("action", r.summary())
                .put("level", "BASE")
                .put("area", group || r.category().equals("user management") ? "USER_MANAGEMENT" : "GLOBAL_CONFIG_AND_ADMINISTRATION");
        ArrayNode affected = n.putArray("affectedObjects");
        List<AuditItem> items = new ArrayList<>();
        items.add(r.object());
        items.addAll(r.associated());
        items.forEach(i -> affected.addObject().put("name", i.name()).put("type", i.typeName()).put("uri", "").put("id", i.id()));
        ArrayNode changes = n.putArray("changedValues");
        r.changes().forEach(ch -> changes.addObject().put("key", ch.field()).put("from", ch.from()).put("to", ch.to()));
        n.put("source", "127.0.0.1").put("system", json.baseUrl()).putNull("node").put("method", "Browser");
        n.putArray("extraAttributes");
        return n;
    }

    /**
     * An instant parameter as Jira reads it: its own timestamp format ({@code 2026-11-20T09:15:00.000+0000}), an
     * ISO-8601 instant or offset date-time, epoch milliseconds, or a date (its start, UTC).
     */
    private static Instant instant(Call c, String name) {
        String v = c.param(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String value = v.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(value, JIRA_TIME).toInstant();
            } catch (DateTimeParseException notJiras) {
                return OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw JiraError.badRequest("The value '" + value + "' of '" + name + "' is not a valid date or date-time.");
        }
    }
}
