package io.jiraspoke.camel.springboot;

import java.time.Duration;
import java.util.Map;

import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeConnection;
import io.jiraspoke.camel.auth.InMemoryTokenStore;
import io.jiraspoke.camel.auth.JiraSpokeTokenStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration without starting an application: how {@code camel.component.jiraspoke.*} binds (relaxed
 * names, the {@code [name]} form, environment variables, placeholders, durations through the overloaded setters,
 * token store beans), what stops the start and how it says so, and which beans exist under which conditions.
 */
class JiraSpokeAutoConfigurationTest {

    static final String C = "camel.component.jiraspoke.";
    static final String SITE = "https://acme.atlassian.net";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    JiraSpokeComponentAutoConfiguration.class, JiraSpokeConsentAutoConfiguration.class));

    private static JiraSpokeConnection connection(org.springframework.context.ApplicationContext ctx, String name) {
        JiraSpokeComponent component = ctx.getBean(CamelContext.class).getComponent("jiraspoke",
                JiraSpokeComponent.class);
        return component.getConnections().get(name);
    }

    @Test
    void bindsEverySpellingOntoTheComponentsConnections() {
        runner.withPropertyValues(
                C + "connections.jira.auth-type=basic-api-token",
                C + "connections.jira.base-url=" + SITE,
                C + "connections.jira.email=${jira.user}",
                "jira.user=bot@example.com",
                C + "connections[dc].authType=personal-access-token",
                C + "connections[dc].baseUrl=https://jira.example.com",
                C + "connections[dc].personalAccessToken=pat-S3CRET",
                C + "connections[dc].connectTimeout=3s",
                C + "connections[dc].response-timeout=PT45S",
                C + "connections[dc].call-timeout=1500",
                C + "connections[dc].max-attempts=2",
                C + "connections[dc].read-only=true",
                C + "default-connection=dc",
                C + "health-check-interval=5s")
                .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "CAMEL_COMPONENT_JIRASPOKE_CONNECTIONS_JIRA_APITOKEN", "env-token-S3CRET")))).run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    JiraSpokeConnection jira = connection(ctx, "jira");
                    assertThat(jira.getEmail()).isEqualTo("bot@example.com");
                    assertThat(jira.getApiToken()).isEqualTo("env-token-S3CRET");
                    assertThat(jira.getBaseUrl()).isEqualTo(SITE);
                    assertThat(jira.getTokenUrl()).as("defaults stay").isEqualTo("https://auth.atlassian.com/oauth/token");
                    JiraSpokeConnection dc = connection(ctx, "dc");
                    assertThat(dc.getPersonalAccessToken()).isEqualTo("pat-S3CRET");
                    assertThat(dc.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(dc.getResponseTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(dc.getCallTimeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(dc.getMaxAttempts()).isEqualTo(2);
                    assertThat(dc.isReadOnly()).isTrue();
                    JiraSpokeComponent component = ctx.getBean(CamelContext.class).getComponent("jiraspoke",
                            JiraSpokeComponent.class);
                    assertThat(component.getDefaultConnection()).isEqualTo("dc");
                    assertThat(component.getHealthCheckInterval()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void aTokenStoreIsABeanName() {
        runner.withBean("vault", JiraSpokeTokenStore.class, InMemoryTokenStore::new)
                .withPropertyValues(oauth("app", C + "connections.app.token-store=vault")).run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(connection(ctx, "app").getTokenStore()).isSameAs(ctx.getBean("vault"));
                });
        runner.withBean("vault", JiraSpokeTokenStore.class, InMemoryTokenStore::new)
                .withPropertyValues(oauth("app", C + "connections.app.token-store=#bean:vault"))
                .run(ctx -> assertThat(connection(ctx, "app").getTokenStore()).isSameAs(ctx.getBean("vault")));
    }

    private static String[] oauth(String name, String store) {
        String p = C + "connections." + name + ".";
        return new String[] { p + "auth-type=oauth2-authorization-code", p + "cloud-id=1324a887-45db-1bf4-1e99-ef0ff456d421",
                p + "client-id=app-client", p + "client-secret=app-S3CRET", p + "scopes=read:jira-work offline_access",
                store };
    }

    @Test
    void aMissingSettingStopsTheStartNamingItsPropertyPath() {
        runner.withPropertyValues(C + "connections.jira.auth-type=basic-api-token",
                C + "connections.jira.base-url=" + SITE, C + "connections.jira.api-token=tok-S3CRET").run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(rootMessage(ctx.getStartupFailure()))
                            .contains("Jira connection 'jira' (authType basic-api-token) is misconfigured")
                            .contains("camel.component.jiraspoke.connections.jira.email is required")
                            .doesNotContain("tok-S3CRET");
                });
        runner.withPropertyValues(C + "connections[Prod.Site].auth-type=personal-access-token",
                C + "connections[Prod.Site].base-url=https://jira.example.com").run(ctx -> assertThat(
                        rootMessage(ctx.getStartupFailure()))
                .contains("camel.component.jiraspoke.connections[Prod.Site].personal-access-token is required"));
    }

    @Test
    void unknownAuthTypesDeploymentsAndSettingsAreRefusedWithTheValidOnes() {
        runner.withPropertyValues(C + "connections.jira.auth-type=api-key", C + "connections.jira.base-url=" + SITE)
                .run(ctx -> assertThat(rootMessage(ctx.getStartupFailure()))
                        .contains("camel.component.jiraspoke.connections.jira.auth-type")
                        .contains("Unknown authType 'api-key'; valid values: basic-api-token, scoped-api-token,"
                                  + " oauth2-authorization-code, oauth2-client-credentials, personal-access-token,"
                                  + " basic"));
        runner.withPropertyValues(C + "connections.jira.auth-type=personal-access-token",
                C + "connections.jira.base-url=https://jira.example.com", C + "connections.jira.personal-access-token=x",
                C + "connections.jira.deployment=on-prem")
                .run(ctx -> assertThat(rootMessage(ctx.getStartupFailure()))
                        .contains("camel.component.jiraspoke.connections.jira.deployment")
                        .contains("on-prem").contains("cloud").contains("server"));
        runner.withPropertyValues(C + "connections.jira.auth-type=personal-access-token",
                C + "connections.jira.base-url=https://jira.example.com", C + "connections.jira.personal-acess-token=x")
                .run(ctx -> assertThat(causes(ctx.getStartupFailure()))
                        .contains("camel.component.jiraspoke.connections.jira.personal-acess-token"));
        runner.withPropertyValues(C + "connections.jira.auth-type=personal-access-token",
                C + "connections.jira.base-url=https://jira.example.com", C + "connections.jira.personal-access-token=x",
                C + "connections.jira.connect-timeout=soon")
                .run(ctx -> assertThat(causes(ctx.getStartupFailure()))
                        .contains("camel.component.jiraspoke.connections.jira.connect-timeout").contains("soon"));
    }

    @Test
    void theCustomizerAppliesOnlyWhenEnabledAndSecretsAreMaskedByName() {
        runner.withPropertyValues(C + "connections.jira.auth-type=basic-api-token", C + "connections.jira.base-url="
                + SITE, C + "connections.jira.email=bot@example.com", C + "connections.jira.api-token=${vault.jira}",
                "vault.jira=from-the-vault").run(ctx -> {
            assertThat(ctx).hasSingleBean(ComponentCustomizer.class).hasSingleBean(SanitizingFunction.class)
                    .doesNotHaveBean(JiraSpokeConsentController.class);
            SanitizingFunction masking = ctx.getBean(SanitizingFunction.class);
            for (String key : new String[] { C + "connections.jira.api-token", C + "connections[jira].apiToken",
                    "CAMEL_COMPONENT_JIRASPOKE_CONNECTIONS_JIRA_APITOKEN", C + "connections.app.client-secret",
                    C + "connections.dc.trust-store-password" }) {
                assertThat(masking.apply(new SanitizableData(null, key, "v")).getValue()).as(key).isEqualTo("******");
            }
            assertThat(masking.apply(new SanitizableData(null, "vault.jira", "v")).getValue()).as("a placeholder's"
                                                                                                + " source")
                    .isEqualTo("******");
            assertThat(masking.apply(new SanitizableData(null, C + "connections.jira.email", "bot")).getValue())
                    .isEqualTo("bot");
            assertThat(masking.apply(new SanitizableData(null, "spring.application.name", "x")).getValue())
                    .isEqualTo("x");
        });
        runner.withPropertyValues(C + "enabled=false").run(ctx -> assertThat(ctx)
                .doesNotHaveBean(ComponentCustomizer.class));
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SanitizingFunction.class));
    }

    @Test
    void theConsentEndpointsExistOnlyInAServletApplicationThatAsksForThem() {
        WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                CamelAutoConfiguration.class, JiraSpokeComponentAutoConfiguration.class,
                JiraSpokeConsentAutoConfiguration.class));
        web.run(ctx -> assertThat(ctx).doesNotHaveBean(JiraSpokeConsentController.class));
        web.withPropertyValues(C + "consent.enabled=true")
                .run(ctx -> assertThat(ctx).hasSingleBean(JiraSpokeConsentController.class));
        runner.withPropertyValues(C + "consent.enabled=true")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(JiraSpokeConsentController.class));
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return r.getMessage();
    }

    static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable r = t; r != null; r = r.getCause()) {
            sb.append(r.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
