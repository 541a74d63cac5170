package io.jiraspoke.examples;

import java.util.Properties;

import io.jiraspoke.camel.model.JiraUser;
import io.jiraspoke.standin.JiraEmulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A Data Center connection declared as a bean in YAML and in XML, used by name, against the emulator. */
class BeanConnectionRoutesTest {

    // an instance field: a fresh Data Center emulator for each test, which takes only this token
    @RegisterExtension
    final JiraEmulator jira = JiraEmulator.dataCenter().personalAccessToken("dc-pat");

    private Main main;

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
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
