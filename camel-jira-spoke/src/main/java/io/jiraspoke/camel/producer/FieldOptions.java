package io.jiraspoke.camel.producer;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The endpoint options of the {@code field} family. */
@UriParams
public class FieldOptions {

    @UriParam(label = "producer",
              description = "The field to look up: its display name (e.g. Story Points; case and surrounding spaces"
                            + " do not matter when only one field matches) or its id (summary, customfield_10016)."
                            + " Without it, field/lookup lists every field.")
    private String fieldName;

    public String getFieldName() {
        return fieldName;
    }

    public void setFieldName(String fieldName) {
        this.fieldName = fieldName;
    }
}
