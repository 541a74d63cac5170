package io.jiraspoke.camel.producer;

import io.jiraspoke.camel.JiraSpokeConstants;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.catalog.ActionDoc;
import io.jiraspoke.camel.error.JiraSpokeInputException;
import io.jiraspoke.camel.model.JiraField;
import org.apache.camel.Exchange;
import org.apache.camel.spi.InvokeOnHeader;

import static io.jiraspoke.camel.JiraSpokeEndpoint.option;

/**
 * Actions of the {@code field} family. One field is looked up in the connection's kept field list, the one that
 * resolves display names for create and update, with the same errors; the whole list is asked of Jira on every call
 * (and replaces the kept one).
 */
public class FieldProducer extends JiraSpokeProducer {

    public FieldProducer(JiraSpokeEndpoint endpoint) {
        super(endpoint);
    }

    /** GET /rest/api/{3|2}/field (a bare array, not paged). */
    @InvokeOnHeader("field/lookup")
    @ActionDoc(returns = "JiraField (id, name, schema type, items, custom type, clause names) of the field named by"
                         + " fieldName; without fieldName, List<JiraField> of every field visible to the"
                         + " connection's user",
               headers = { JiraSpokeConstants.FIELD_ID })
    public Object lookup(Exchange exchange) {
        String name = option(exchange, JiraSpokeConstants.FIELD_NAME, getEndpoint().getField().getFieldName());
        if (name == null) {
            return client().fields().fetchAll();
        }
        if (name.isBlank()) {
            throw new JiraSpokeInputException("field/lookup got a blank field name: set option 'fieldName' or header "
                                              + JiraSpokeConstants.FIELD_NAME + " to a display name or id, or"
                                              + " leave both unset to list every field");
        }
        JiraField field = client().fields().field(name, "field/lookup");
        exchange.getMessage().setHeader(JiraSpokeConstants.FIELD_ID, field.getId());
        return field;
    }
}
