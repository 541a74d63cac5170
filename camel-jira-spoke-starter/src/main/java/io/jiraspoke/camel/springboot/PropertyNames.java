package io.jiraspoke.camel.springboot;

import io.jiraspoke.camel.SettingNames;

/**
 * Names a connection setting by its Spring property path, in Spring's canonical (kebab-case) form:
 * {@code camel.component.jiraspoke.connections.jira.api-token}. A connection name that is not a plain
 * lower-case word is written in brackets, as Spring binds it.
 */
final class PropertyNames implements SettingNames {

    private final String prefix;

    private PropertyNames(String prefix) {
        this.prefix = prefix;
    }

    static PropertyNames forConnection(String connection) {
        String key = connection.matches("[a-z0-9-]+") ? "." + connection : "[" + connection + "]";
        return new PropertyNames(JiraSpokeComponentConfiguration.PREFIX + ".connections" + key + ".");
    }

    @Override
    public String of(String id) {
        return prefix + kebab(id);
    }

    /** {@code apiToken} as Spring spells it canonically: {@code api-token}. */
    static String kebab(String id) {
        StringBuilder sb = new StringBuilder(id.length() + 4);
        for (char c : id.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
