package io.jiraspoke.camel;

/**
 * How a validation message names a connection setting: as an option of the connection ({@code option 'email'},
 * what camel-main and Java users set) or as the property path an application file holds (the Spring Boot starter's
 * {@code camel.component.jiraspoke.connections.jira.email}).
 */
public interface SettingNames {

    /** The connection's own option names, as endpoints and camel-main properties spell them. */
    SettingNames OPTIONS = new SettingNames() {
        @Override
        public String of(String id) {
            return "'" + id + "'";
        }

        @Override
        public String subject(String id) {
            return "option '" + id + "'";
        }
    };

    /** A setting named in passing, e.g. {@code 'trustStore'}. */
    String of(String id);

    /** A setting a sentence is about, e.g. {@code option 'email'}. */
    default String subject(String id) {
        return of(id);
    }
}
