package io.jiraspoke.camel.catalog;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files Camel's tooling reads to discover a third-party component: {@code component.properties} (which
 * components a jar holds, and its coordinates) and the component JSON, found and used by Camel's runtime catalog
 * to describe the component and to validate endpoint URIs as tools do before anything runs.
 */
class RuntimeCatalogTest {

    @Test
    void componentPropertiesNamesTheComponentAndItsArtifact() throws Exception {
        List<Properties> found = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/org/apache/camel/component.properties"))) {
            Properties p = new Properties();
            try (InputStream in = url.openStream()) {
                p.load(in);
            }
            if (p.getProperty("components", "").contains("jiraspoke")) {
                found.add(p);
            }
        }
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).containsEntry("components", "jiraspoke").containsEntry("groupId", "io.jiraspoke")
                .containsEntry("artifactId", "camel-jira-spoke");
    }

    @Test
    void theRuntimeCatalogFindsTheComponentAndValidatesItsUris() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            RuntimeCamelCatalog catalog = context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class);
            assertThat(catalog).isNotNull();
            String json = catalog.componentJSonSchema("jiraspoke");
            assertThat(json).isNotNull();
            ComponentModel model = JsonMapper.generateComponentModel(json);
            assertThat(model.getScheme()).isEqualTo("jiraspoke");
            assertThat(model.getGroupId()).isEqualTo("io.jiraspoke");
            assertThat(model.getComponentOptions()).extracting(ComponentModel.ComponentOptionModel::getName)
                    .contains("connections", "defaultConnection", "healthCheckInterval");

            EndpointValidationResult ok = catalog.validateProperties("jiraspoke",
                    catalog.endpointProperties("jiraspoke:issue/get?connection=jira&issueKey=ABC-1"));
            assertThat(ok.isSuccess()).as(ok.summaryErrorMessage(false)).isTrue();

            EndpointValidationResult bad = catalog.validateProperties("jiraspoke",
                    catalog.endpointProperties("jiraspoke:issue/fly?connection=jira&pageSize=many&colour=red"));
            assertThat(bad.isSuccess()).isFalse();
            assertThat(bad.getInvalidEnum()).containsKey("action");
            assertThat(bad.getInvalidInteger()).containsKey("pageSize");
            assertThat(bad.getUnknown()).contains("colour");
        }
    }
}
