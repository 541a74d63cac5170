package io.jiraspoke.camel.springboot;

import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/** The OAuth consent endpoints, when a servlet web application opts in with consent.enabled=true. */
@AutoConfiguration(after = JiraSpokeComponentAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = JiraSpokeComponentConfiguration.PREFIX + ".consent", name = "enabled",
                       havingValue = "true")
public class JiraSpokeConsentAutoConfiguration {

    @Bean
    JiraSpokeConsentController jiraSpokeConsentController(CamelContext camelContext,
                                                          JiraSpokeComponentConfiguration configuration) {
        return new JiraSpokeConsentController(camelContext, configuration.getConsent().getPath());
    }
}
