package io.jiraspoke.camel.springboot;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.jiraspoke.camel.ConnectionOption;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Masks the secret connection settings in Actuator's {@code /env} and {@code /configprops}, by name as Spring Boot
 * does: any key of the component that ends in a secret setting of {@code ConnectionOption}, in any of Spring's
 * spellings ({@code apiToken}, {@code api-token}, the environment's {@code ..._APITOKEN}). A secret given through a
 * placeholder ({@code api-token=${JIRA_TOKEN}}) would still show under the placeholder's own name, so the
 * properties those settings refer to are masked too.
 */
final class JiraSpokeSanitizingFunction implements SanitizingFunction {

    private static final String PREFIX = uniform(JiraSpokeComponentConfiguration.PREFIX);
    private static final Set<String> SECRETS = ConnectionOption.secretIds().stream()
            .map(JiraSpokeSanitizingFunction::uniform).collect(Collectors.toUnmodifiableSet());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    private final ConfigurableEnvironment environment;
    private volatile Set<String> referenced;

    JiraSpokeSanitizingFunction(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey();
        if (key == null || data.getValue() == null) {
            return data;
        }
        String k = uniform(key);
        return isSecretSetting(k) || referenced().contains(k) ? data.withValue(SanitizableData.SANITIZED_VALUE)
                : data;
    }

    private static boolean isSecretSetting(String uniformKey) {
        return uniformKey.startsWith(PREFIX) && SECRETS.stream().anyMatch(uniformKey::endsWith);
    }

    /** The properties that secret settings take their values from, read once the environment is complete. */
    private Set<String> referenced() {
        Set<String> r = referenced;
        if (r == null) {
            r = new HashSet<>();
            for (PropertySource<?> source : environment.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String name : enumerable.getPropertyNames()) {
                        if (isSecretSetting(uniform(name)) && enumerable.getProperty(name) instanceof CharSequence v) {
                            Matcher m = PLACEHOLDER.matcher(v);
                            while (m.find()) {
                                r.add(uniform(m.group(1).trim()));
                            }
                        }
                    }
                }
            }
            referenced = r;
        }
        return r;
    }

    /** A name without case, dashes, dots, brackets or underscores: how Spring's relaxed binding compares names. */
    private static String uniform(String name) {
        return name.replaceAll("[-._\\[\\]]", "").toLowerCase(Locale.ROOT);
    }
}
