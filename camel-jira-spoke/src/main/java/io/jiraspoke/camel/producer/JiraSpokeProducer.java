package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeaderStrategy;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.HeaderSelectorProducer;

/**
 * Base of the family producers: each subclass has one {@code @InvokeOnHeader("family/verb")} method per action and
 * the build generates its dispatch. Unlike {@link HeaderSelectorProducer}, the action is the endpoint's, never a
 * message header, so a message cannot switch an endpoint to an action its start-up checks did not approve.
 */
public abstract class JiraSpokeProducer extends DefaultProducer {

    private final JiraSpokeEndpoint endpoint;
    private final String action;
    private InvokeOnHeaderStrategy dispatch;

    protected JiraSpokeProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.action = endpoint.getAction();
    }

    @Override
    public JiraSpokeEndpoint getEndpoint() {
        return endpoint;
    }

    protected JiraClient client() {
        return endpoint.getClient();
    }

    @Override
    protected void doBuild() throws Exception {
        super.doBuild();
        String key = getClass().getName();
        dispatch = getEndpoint().getCamelContext().getCamelContextExtension()
                .getBootstrapFactoryFinder(HeaderSelectorProducer.RESOURCE_PATH)
                .newInstance(key, InvokeOnHeaderStrategy.class)
                .orElseThrow(() -> new IllegalStateException("Generated dispatch for " + key + " is missing"));
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Object answer = dispatch.invoke(this, action, exchange, null);
        if (answer != null) {
            exchange.getMessage().setBody(answer);
        }
    }
}
