package io.jiraspoke.examples;

import java.util.Properties;

import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.standin.JiraStandIn;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A Data Center connection declared as a bean in YAML and in XML, used by name, against the stand-in. */
class BeanConnectionRoutesTest {

    private JiraStandIn jira;
    private Main main;

    @BeforeEach
    void startJira() {
        jira = JiraStandIn.start(JiraStandIn.Flavour.SERVER).requireAuthorization("Bearer dc-pat");
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        jira.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "xml" })
    void beanDeclaredConnectionIsUsedByName(String dsl) throws Exception {
        Properties p = new Properties();
        p.setProperty("jira.dc.url", jira.baseUrl());
        p.setProperty("jira.dc.pat", "dc-pat");
        p.setProperty("camel.main.routes-include-pattern", "classpath:routes/whoami-bean-connection." + dsl);
        main = new Main();
        // without the examples' application.properties: these routes bring their connection as a bean
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setOverrideProperties(p);
        main.start();

        JiraUser me = main.getCamelContext().createProducerTemplate()
                .requestBody("direct:whoami", null, JiraUser.class);

        assertThat(me.getName()).isEqualTo("demo");
        assertThat(jira.requestLog()).contains("GET /rest/api/2/myself");
    }
}
