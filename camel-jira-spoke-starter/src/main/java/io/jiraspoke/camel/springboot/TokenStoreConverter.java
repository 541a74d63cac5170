package io.jiraspoke.camel.springboot;

import io.jiraspoke.camel.auth.JiraSpokeTokenStore;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.converter.Converter;

/**
 * Lets {@code camel.component.jiraspoke.connections.<name>.token-store} name a {@link JiraSpokeTokenStore} bean
 * ({@code myStore}, or Camel's {@code #bean:myStore} and {@code #myStore}). The bean is looked up when the
 * property is bound.
 */
final class TokenStoreConverter implements Converter<String, JiraSpokeTokenStore> {

    private final BeanFactory beans;

    TokenStoreConverter(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public JiraSpokeTokenStore convert(String source) {
        String name = source.trim();
        if (name.startsWith("#bean:")) {
            name = name.substring("#bean:".length());
        } else if (name.startsWith("#")) {
            name = name.substring(1);
        }
        return beans.getBean(name, JiraSpokeTokenStore.class);
    }
}
