package io.jiraspoke.camel.springboot;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.auth.OAuthConsent;
import io.jiraspoke.camel.error.JiraSpokeConfigurationException;
import io.jiraspoke.camel.error.JiraSpokeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.apache.camel.CamelContext;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The OAuth consent of {@code oauth2-authorization-code} connections, ServiceNow's "Get OAuth Token":
 * {@code GET {path}/{connection}/authorize} sends the admin to Atlassian's consent page with a fresh {@code state}
 * kept in the browser's session, and {@code GET {path}/{connection}/callback} accepts only that state (against
 * CSRF: a forged callback cannot plant someone else's grant), exchanges the code, checks the connection's cloud id
 * against the sites the grant reaches, and stores the tokens in the connection's token store.
 */
@Controller
class JiraSpokeConsentController {

    private static final String SESSION_KEY = "io.jiraspoke.consent.";

    private final CamelContext camelContext;
    private final String path;

    JiraSpokeConsentController(CamelContext camelContext, String path) {
        this.camelContext = camelContext;
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @GetMapping("${camel.component.jiraspoke.consent.path:/jiraspoke/oauth}/{connection}/authorize")
    ResponseEntity<String> authorize(@PathVariable String connection, HttpServletRequest request) {
        OAuthConsent consent;
        try {
            consent = consent(connection);
        } catch (JiraSpokeException e) {
            return page(HttpStatus.NOT_FOUND, e.getMessage());
        }
        String redirectUri = consent.configuredRedirectUri() != null ? consent.configuredRedirectUri()
                : ServletUriComponentsBuilder.fromContextPath(request).path(path + "/" + connection + "/callback")
                        .build().toUriString();
        String state = OAuthConsent.newState();
        // state and redirect URI together: the token request must repeat the redirect URI the consent used
        request.getSession(true).setAttribute(SESSION_KEY + connection, state + " " + redirectUri);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(consent.authorizeUrl(state, redirectUri)))
                .cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("${camel.component.jiraspoke.consent.path:/jiraspoke/oauth}/{connection}/callback")
    ResponseEntity<String> callback(@PathVariable String connection, @RequestParam Map<String, String> query,
                                    HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object started = session == null ? null : session.getAttribute(SESSION_KEY + connection);
        String[] parts = started == null ? new String[0] : started.toString().split(" ", 2);
        if (parts.length != 2 || !OAuthConsent.stateMatches(parts[0], query.get("state"))) {
            return page(HttpStatus.BAD_REQUEST, "This callback does not belong to a consent started in this browser"
                                                + " session (state mismatch). Nothing was saved. Start again at "
                                                + path + "/" + connection + "/authorize.");
        }
        // a state is good for one callback only
        session.removeAttribute(SESSION_KEY + connection);
        if (query.containsKey("error")) {
            return page(HttpStatus.BAD_REQUEST, "Atlassian did not grant access (" + query.get("error")
                                                + (query.containsKey("error_description")
                                                        ? ": " + query.get("error_description") : "")
                                                + "). Nothing was saved.");
        }
        try {
            OAuthConsent.Result result = consent(connection).complete(query.get("code"), parts[1]);
            return page(HttpStatus.OK, "Jira connection '" + connection + "' is authorized for "
                                       + OAuthConsent.describe(result.site() != null ? List.of(result.site())
                                               : result.sites())
                                       + ". The tokens are saved in its token store.");
        } catch (JiraSpokeConfigurationException e) {
            return page(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (JiraSpokeException e) {
            return page(HttpStatus.BAD_GATEWAY, "The consent could not be completed: " + e.getMessage());
        }
    }

    private OAuthConsent consent(String connection) {
        JiraSpokeComponent component = camelContext.getComponent("jiraspoke", JiraSpokeComponent.class);
        if (!component.connectionNames().contains(connection)) {
            throw new JiraSpokeConfigurationException("No Jira connection '" + connection + "'");
        }
        return component.consent(connection);
    }

    private static ResponseEntity<String> page(HttpStatus status, String text) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Jira consent</title></head>"
                      + "<body><p id=\"result\">" + HtmlUtils.htmlEscape(text) + "</p></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .body(html);
    }
}
