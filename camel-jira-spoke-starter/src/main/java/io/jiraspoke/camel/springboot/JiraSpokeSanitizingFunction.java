package io.jiraspoke.camel.springboot;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.jiraspoke.camel.ConnectionOption;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the secret connection settings in Actuator's {@code /env} and {@code /configprops}, by name as Spring Boot
 * does: any key of the component that ends in a secret setting of {@code ConnectionOption}, in any of Spring's
 * spellings ({@code apiToken}, {@code api-token}, the environment's {@code ..._APITOKEN}).
 */
final class JiraSpokeSanitizingFunction implements SanitizingFunction {

    private static final String PREFIX = uniform(JiraSpokeComponentConfiguration.PREFIX);
    private static final Set<String> SECRETS = ConnectionOption.secretIds().stream()
            .map(JiraSpokeSanitizingFunction::uniform).collect(Collectors.toUnmodifiableSet());

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey();
        if (key == null || data.getValue() == null) {
            return data;
        }
        String k = uniform(key);
        return k.startsWith(PREFIX) && SECRETS.stream().anyMatch(k::endsWith)
                ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }

    /** A name without case, dashes, dots, brackets or underscores: how Spring's relaxed binding compares names. */
    private static String uniform(String name) {
        return name.replaceAll("[-._\\[\\]]", "").toLowerCase(Locale.ROOT);
    }
}
