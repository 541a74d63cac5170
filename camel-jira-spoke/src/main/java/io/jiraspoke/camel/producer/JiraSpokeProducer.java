package io.jiraspoke.camel.producer;

import java.util.ArrayList;
import java.util.List;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraClient;
import io.jiraspoke.camel.client.JiraDialect;
import io.jiraspoke.camel.client.TextFormat;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.metrics.ActionCounters;
import io.jiraspoke.camel.metrics.JiraSpokeMetrics;
import io.jiraspoke.camel.paging.JiraPager;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeaderStrategy;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.HeaderSelectorProducer;

/**
 * Base of the family producers: each subclass has one {@code @InvokeOnHeader("family/verb")} method per action (one
 * per catalogue variant where an action has several, keyed like {@code audit/logs[server>=10]}) and the build
 * generates its dispatch. Unlike {@link HeaderSelectorProducer}, the key is the endpoint's checked variant, never a
 * message header, so a message cannot switch an endpoint to an action its start-up checks did not approve.
 */
public abstract class JiraSpokeProducer extends DefaultProducer {

    private final JiraSpokeEndpoint endpoint;
    private InvokeOnHeaderStrategy dispatch;
    private String key;
    private ActionCounters counters;

    protected JiraSpokeProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public JiraSpokeEndpoint getEndpoint() {
        return endpoint;
    }

    protected JiraClient client() {
        return endpoint.getClient();
    }

    /** How the connection's deployment spells this request: API prefix, rich text, users, search. */
    protected JiraDialect dialect() {
        return endpoint.getClient().dialect();
    }

    /**
     * The text format of this message's rich text: header {@code CamelJiraSpokeTextFormat}, else the endpoint's
     * {@code textFormat} option. Pass it to {@code dialect().richText(..)}.
     *
     * @throws JiraSpokeInputException naming the option and header when the value is neither text nor markdown
     */
    protected TextFormat textFormat(Exchange exchange, String action) {
        String value = JiraSpokeEndpoint.option(exchange, JiraSpokeConstants.TEXT_FORMAT,
                endpoint.getIssue().getTextFormat());
        try {
            return TextFormat.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new JiraSpokeInputException(action + ": option 'textFormat' (header " + JiraSpokeConstants.TEXT_FORMAT
                                              + ") " + e.getMessage());
        }
    }

    /**
     * A stream's result as the endpoint's outputType asks: a list, or a lazy iterator over the pages (of a
     * {@link JiraPager}, or of another lazy walk such as the audit log's).
     */
    protected Object output(Iterable<?> pages) {
        if ("iterator".equals(endpoint.getOutputType())) {
            // a lazy iterator fetches its later pages after process() returned: they count against this action too
            return JiraSpokeMetrics.scoped(pages.iterator(), counters);
        }
        List<Object> all = new ArrayList<>();
        pages.forEach(all::add);
        return all;
    }

    @Override
    protected void doBuild() throws Exception {
        super.doBuild();
        String type = getClass().getName();
        dispatch = getEndpoint().getCamelContext().getCamelContextExtension()
                .getBootstrapFactoryFinder(HeaderSelectorProducer.RESOURCE_PATH)
                .newInstance(type, InvokeOnHeaderStrategy.class)
                .orElseThrow(() -> new IllegalStateException("Generated dispatch for " + type + " is missing"));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        key = endpoint.variant().key();
        counters = client().http().metrics().forAction(endpoint.getCatalogAction());
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ActionCounters previous = JiraSpokeMetrics.enter(counters);
        try {
            Object answer = dispatch.invoke(this, key, exchange, null);
            if (answer != null) {
                exchange.getMessage().setBody(answer);
            }
        } finally {
            JiraSpokeMetrics.exit(previous);
        }
    }
}
