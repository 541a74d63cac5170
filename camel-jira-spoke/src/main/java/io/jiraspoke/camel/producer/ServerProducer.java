package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeEndpoint;
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
    public JiraServerInfo info() {
        return new JiraServerInfo(client().call(JiraRequest.get(client().api() + "/serverInfo")));
    }
}
