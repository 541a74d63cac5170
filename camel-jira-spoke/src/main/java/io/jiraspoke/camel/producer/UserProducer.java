package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.client.JiraRequest;
import io.jiraspoke.camel.model.JiraUser;
import org.apache.camel.spi.InvokeOnHeader;

/** Actions of the {@code user} family. */
public class UserProducer extends JiraSpokeProducer {

    public UserProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** GET /rest/api/{3|2}/myself: the user the connection authenticates as. */
    @InvokeOnHeader("user/myself")
    @ActionDoc(returns = "JiraUser (account id on Cloud, name and key on Data Center, display name, e-mail, time"
                         + " zone)")
    public JiraUser myself() {
        return new JiraUser(client().call(JiraRequest.get(dialect().api() + "/myself")));
    }
}
