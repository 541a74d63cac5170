package io.jiraspoke.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes by path template ({@code /rest/api/{v}/issue/{issue}/comment/{id}}), then by method: a path that exists
 * with another method is Jira's 405, an unknown path its 404. {@code {v}} is the REST version, which the caller
 * limits to what the flavour serves.
 */
final class Router {

    private record Route(String method, Pattern pattern, List<String> names, Function<Call, Reply> handler) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Function<Call, Reply> handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            names.add(m.group(1));
            regex.append(m.group(1).equals("v") ? "([23])" : "([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /** The handler's answer; the path variables are decoded and put into the call. */
    Reply route(Call call, Function<Map<String, String>, JiraJson.Ctx> ctxForVars) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(call.path);
            if (!m.matches()) {
                continue;
            }
            if (!route.method().equals(call.method)) {
                allowed.add(route.method());
                continue;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                vars.put(route.names().get(i), Http.decodePath(m.group(i + 1)));
            }
            return route.handler().apply(call.withVars(vars, ctxForVars.apply(vars)));
        }
        if (!allowed.isEmpty()) {
            throw JiraError.message(405, "Method " + call.method + " is not allowed for " + call.path + "; allowed: " + String.join(", ", allowed));
        }
        throw JiraError.message(404, "null for uri: " + call.path);
    }
}
