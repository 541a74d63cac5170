package io.jiraspoke.camel.springboot;

import io.jiraspoke.camel.JiraSpokeComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Configures the {@code jiraspoke} component from {@code camel.component.jiraspoke.*}, as Camel's own starters do:
 * a {@link ComponentCustomizer} that Camel applies when it creates the component. Connections are validated when
 * the properties are bound, so a misconfigured one stops the application before Camel starts.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, JiraSpokeComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", JiraSpokeComponentConfiguration.PREFIX })
public class JiraSpokeComponentAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static TokenStoreConverter jiraSpokeTokenStoreConverter(BeanFactory beans) {
        return new TokenStoreConverter(beans);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureJiraSpokeComponent(ApplicationContext applicationContext,
                                                           JiraSpokeComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                apply(configuration, (JiraSpokeComponent) target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        JiraSpokeComponentConfiguration.PREFIX + ".customizer")
                       && target instanceof JiraSpokeComponent;
            }
        };
    }

    /** Only what the properties set: the component's own defaults stay where they are silent. */
    static void apply(JiraSpokeComponentConfiguration c, JiraSpokeComponent target) {
        c.getConnections().forEach(target::addConnection);
        if (c.getDefaultConnection() != null) {
            target.setDefaultConnection(c.getDefaultConnection());
        }
        if (c.getBridgeErrorHandler() != null) {
            target.setBridgeErrorHandler(c.getBridgeErrorHandler());
        }
        if (c.getLazyStartProducer() != null) {
            target.setLazyStartProducer(c.getLazyStartProducer());
        }
        if (c.getAutowiredEnabled() != null) {
            target.setAutowiredEnabled(c.getAutowiredEnabled());
        }
        if (c.getHealthCheckEnabled() != null) {
            target.setHealthCheckEnabled(c.getHealthCheckEnabled());
        }
        if (c.getHealthCheckInterval() != null) {
            target.setHealthCheckInterval(c.getHealthCheckInterval());
        }
    }

    /** Secrets bound from properties are masked in Actuator's /env and /configprops. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class Sanitizing {

        @Bean
        SanitizingFunction jiraSpokeSanitizingFunction(ConfigurableEnvironment environment) {
            return new JiraSpokeSanitizingFunction(environment);
        }
    }
}
