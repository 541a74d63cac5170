package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.model.JiraServerInfo;
import org.apache.camel.spi.InvokeOnHeader;

/** Actions of the {@code server} family. */
public class ServerProducer extends JiraSpokeProducer {

    public ServerProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** GET /rest/api/{3|2}/serverInfo. */
    @InvokeOnHeader("server/info")
    @ActionDoc(returns = "JiraServerInfo (version, major version, deployment type, base URL, server time)")
    public JiraServerInfo info() {
        return new JiraServerInfo(client().call(JiraRequest.get(dialect().api() + "/serverInfo")));
    }
}
