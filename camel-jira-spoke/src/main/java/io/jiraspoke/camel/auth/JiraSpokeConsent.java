package io.jiraspoke.camel.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jiraspoke.camel.ConnectionOption;
import io.jiraspoke.camel.Durations;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.error.JiraSpokeException;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * The OAuth consent without Spring Boot: reads an {@code oauth2-authorization-code} connection from a properties
 * file (the camel-main form, {@code camel.component.jiraspoke.connections[<name>].<option>}, with Camel's
 * placeholders such as {@code {{env:JIRA_CLIENT_SECRET}}}), prints Atlassian's consent URL, listens on this machine
 * for the callback at the connection's {@code redirectUri} (which must be {@code http://localhost:<port>/...}),
 * exchanges the code and writes the tokens to the connection's token store. Exit status 0 when the tokens were
 * saved, 1 when the consent failed, 2 on wrong usage.
 *
 * <pre>
 * java -cp ... io.jiraspoke.camel.auth.JiraSpokeConsent application.properties app [--timeout=10m]
 * </pre>
 */
public final class JiraSpokeConsent {

    private static final String PREFIX = "camel.component.jiraspoke.connections";

    private JiraSpokeConsent() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** Runs the consent; answers the exit status. */
    public static int run(List<String> args, PrintStream out) {
        List<String> positional = args.stream().filter(a -> !a.startsWith("--")).toList();
        Duration timeout = Duration.ofMinutes(10);
        for (String a : args) {
            if (a.startsWith("--timeout=")) {
                timeout = Durations.parse("timeout", a.substring("--timeout=".length()));
            } else if (a.startsWith("--")) {
                positional = List.of();
            }
        }
        if (positional.size() != 2) {
            out.println("Usage: JiraSpokeConsent <properties file> <connection name> [--timeout=10m]");
            return 2;
        }
        try {
            JiraSpokeConnection settings = load(positional.get(0), positional.get(1));
            return consent(positional.get(1), settings, timeout, out);
        } catch (JiraSpokeException | IllegalArgumentException | IOException e) {
            out.println("Consent failed: " + e.getMessage());
            return 1;
        }
    }

    /** The connection's settings from the file, placeholders resolved by Camel as camel-main resolves them. */
    static JiraSpokeConnection load(String file, String name) {
        CamelContext context = new DefaultCamelContext();
        try {
            context.getPropertiesComponent().setLocation("file:" + file);
            context.start();
            JiraSpokeConnection c = new JiraSpokeConnection();
            boolean any = false;
            for (Map.Entry<String, Object> e : context.getPropertiesComponent().loadPropertiesAsMap().entrySet()) {
                String option = optionOf(e.getKey(), name);
                if (option == null) {
                    continue;
                }
                if (ConnectionOption.find(option) == null) {
                    throw new IllegalArgumentException("Unknown connection setting " + e.getKey() + "; valid settings: "
                                                       + String.join(", ", ConnectionOption.ids()));
                }
                Object value = context.resolvePropertyPlaceholders(String.valueOf(e.getValue()));
                PropertyBindingSupport.build().withIgnoreCase(true).withMandatory(true).bind(context, c, option,
                        value);
                any = true;
            }
            if (!any) {
                throw new IllegalArgumentException("No settings of connection '" + name + "' in " + file + " (keys "
                                                   + PREFIX + "[" + name + "].<option>)");
            }
            return c;
        } finally {
            context.stop();
        }
    }

    /** The option a key sets for the connection ({@code connections[app].clientId}, {@code connections.app.x}). */
    private static String optionOf(String key, String name) {
        for (String start : List.of(PREFIX + "[" + name + "].", PREFIX + "." + name + ".")) {
            if (key.regionMatches(true, 0, start, 0, start.length())) {
                return key.substring(start.length());
            }
        }
        return null;
    }

    private static int consent(String name, JiraSpokeConnection settings, Duration timeout, PrintStream out)
            throws IOException {
        OAuthConsent consent = OAuthConsent.standalone(name, settings);
        URI redirect = URI.create(consent.configuredRedirectUri());
        String host = redirect.getHost() == null ? "" : redirect.getHost().toLowerCase(Locale.ROOT);
        if (!"http".equals(redirect.getScheme()) || redirect.getPort() < 1
            || !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("redirectUri must be http://localhost:<port>/<path> (registered with"
                                               + " the OAuth app) for the command to receive the callback, was "
                                               + redirect);
        }
        String state = OAuthConsent.newState();
        CompletableFuture<OAuthConsent.Result> done = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                redirect.getPort()), 0);
        String path = redirect.getPath() == null || redirect.getPath().isEmpty() ? "/" : redirect.getPath();
        server.createContext(path, exchange -> callback(exchange, consent, state, redirect.toString(), done));
        server.start();
        try {
            out.println("Open this URL in a browser, sign in to Atlassian and accept:");
            out.println(consent.authorizeUrl(state, redirect.toString()));
            out.println("Waiting " + timeout.toMinutes() + " min for the callback on " + redirect + " ...");
            out.flush();
            OAuthConsent.Result result = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            out.println("Connection '" + name + "' is authorized for " + OAuthConsent.describe(result.sites()) + ".");
            if (result.site() == null) {
                out.println("Set cloudId to the cloud id of the site the connection is for.");
            } else if (settings.getCloudId() == null) {
                out.println("Set " + PREFIX + "[" + name + "].cloudId = " + result.site().id());
            }
            out.println("The tokens are saved in " + (settings.getTokenStore() != null ? settings.getTokenStore()
                    : settings.getTokenStoreFile()) + ".");
            return 0;
        } catch (TimeoutException e) {
            out.println("Consent failed: no callback came within " + timeout);
            return 1;
        } catch (ExecutionException e) {
            out.println("Consent failed: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            server.stop(0);
        }
    }

    private static void callback(HttpExchange exchange, OAuthConsent consent, String state, String redirect,
                                 CompletableFuture<OAuthConsent.Result> done) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!OAuthConsent.stateMatches(state, query.get("state"))) {
            // not ours (a stale tab, a forged link): refuse, and keep waiting for the real one
            respond(exchange, 400, "This callback does not belong to the consent the command started (state"
                                   + " mismatch). Nothing was saved.");
            return;
        }
        if (done.isDone()) {
            respond(exchange, 409, "This consent was completed already.");
            return;
        }
        if (query.containsKey("error")) {
            String why = query.get("error") + (query.containsKey("error_description")
                    ? ": " + query.get("error_description") : "");
            respond(exchange, 400, "Atlassian did not grant access (" + why + "). Nothing was saved.");
            done.completeExceptionally(new IllegalStateException("Atlassian did not grant access (" + why + ")"));
            return;
        }
        try {
            OAuthConsent.Result result = consent.complete(query.get("code"), redirect);
            respond(exchange, 200, "Jira connection '" + consent.connectionName() + "' is authorized for "
                                   + OAuthConsent.describe(result.sites()) + ". You may close this window.");
            done.complete(result);
        } catch (RuntimeException e) {
            respond(exchange, 502, "The consent could not be completed: " + e.getMessage());
            done.completeExceptionally(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Jira consent</title></head><body><p>"
                       + escape(text) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
