package io.jiraspoke.camel.auth;

import java.nio.file.Files;
import java.nio.file.Path;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One instance of an application, run in its own JVM by {@link TokenRefreshRaceTest}: a 3LO connection whose token
 * store is a file all instances share. Prints {@code ready} once started, waits for a start file, calls
 * user/myself once and prints {@code ok <accountId>} (exit 0) or {@code failed <exception>} (exit 1). Arguments:
 * the base URL of the token endpoint and the API gateway, the token file, the start file.
 */
public final class TokenRaceNode {

    private TokenRaceNode() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path go = Path.of(args[2]);
        JiraSpokeConnection c = new JiraSpokeConnection();
        c.setAuthType("oauth2-authorization-code");
        c.setCloudId(OAuthTestSupport.CLOUD_ID);
        c.setClientId(OAuthTestSupport.CLIENT_ID);
        c.setClientSecret(OAuthTestSupport.CLIENT_SECRET);
        c.setScopes(OAuthTestSupport.SCOPES);
        c.setApiGatewayUrl(base);
        c.setTokenUrl(base + "/oauth/token");
        c.setTokenStoreFile(args[1]);
        JiraSpokeComponent component = new JiraSpokeComponent();
        component.addConnection("jira", c);
        int status = 1;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("jiraspoke", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:me").to("jiraspoke:user/myself?connection=jira");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            System.out.println("ready");
            System.out.flush();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(go) && System.currentTimeMillis() < deadline) {
                Thread.sleep(1);
            }
            Exchange done = template.send("direct:me", e -> e.getIn().setBody(null));
            if (done.getException() == null) {
                System.out.println("ok " + done.getMessage().getBody(JiraUser.class).getAccountId());
                status = 0;
            } else {
                System.out.println("failed " + done.getException());
            }
        }
        System.out.flush();
        System.exit(status);
    }
}
