package io.jiraspoke.camel.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.jiraspoke.camel.ConnectionOption;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.support.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application configured the camel-main way ({@code application.properties} with
 * {@code camel.component.jiraspoke.connections[<name>].<option>}) for every auth type: camel-main prints these
 * properties when it starts (its auto-configuration summary and property-placeholder summary at INFO, each bound
 * property at DEBUG), and no secret value may be among them, while the other settings still are.
 * <p>
 * At DEBUG Camel itself also prints property values in four statements that never ask whether a key is sensitive
 * ({@link #CAMEL_UNMASKED_AT_DEBUG}); no keyword can mask those, for this or any component, so README tells users to
 * keep those loggers above DEBUG. Every other log event is held to the same rule as at INFO.
 */
class CamelMainPropertyMaskingTest {

    static final String EMAIL = "bot@example.com";
    static final String CLOUD_ID = "1324a887-45db-1bf4-1e99-ef0ff456d421";
    static final String SITE = "https://masking-site.atlassian.net";
    static final String DC = "https://jira.masking.example.com";

    /** One setting of one connection. */
    record Setting(String connection, String option, String value, boolean secret) {
        String key() {
            return "camel.component.jiraspoke.connections[" + connection + "]." + option;
        }
    }

    /** The settings of README "Connections": the six auth types, 3LO once with a refresh token, once with a code. */
    static final List<Setting> SETTINGS = List.of(
            new Setting("cloud", "authType", "basic-api-token", false),
            new Setting("cloud", "baseUrl", SITE, false),
            new Setting("cloud", "email", EMAIL, false),
            new Setting("cloud", "apiToken", "ApiT0ken-Cloud-S3cret-AAA", true),

            new Setting("scoped", "authType", "scoped-api-token", false),
            new Setting("scoped", "cloudId", CLOUD_ID, false),
            new Setting("scoped", "email", EMAIL, false),
            new Setting("scoped", "scopes", "read:jira-work write:jira-work", false),

            new Setting("app", "authType", "oauth2-authorization-code", false),
            new Setting("app", "cloudId", CLOUD_ID, false),
            new Setting("app", "clientId", "app-client-id", false),
            new Setting("app", "clientSecret", "ClientS3cret-App-BBB", true),
            new Setting("app", "refreshToken", "RefreshT0ken-App-CCC", true),
            new Setting("app", "scopes", "read:jira-work offline_access", false),

            new Setting("consent", "authType", "oauth2-authorization-code", false),
            new Setting("consent", "cloudId", CLOUD_ID, false),
            new Setting("consent", "clientId", "consent-client-id", false),
            new Setting("consent", "clientSecret", "ClientS3cret-Consent-DDD", true),
            new Setting("consent", "authorizationCode", "AuthC0de-Consent-EEE", true),
            new Setting("consent", "redirectUri", "https://app.example.com/callback", false),

            new Setting("svc", "authType", "oauth2-client-credentials", false),
            new Setting("svc", "cloudId", CLOUD_ID, false),
            new Setting("svc", "clientId", "svc-client-id", false),
            new Setting("svc", "clientSecret", "ClientS3cret-Svc-FFF", true),
            new Setting("svc", "scopes", "read:jira-work", false),

            new Setting("dc", "authType", "personal-access-token", false),
            new Setting("dc", "baseUrl", DC, false),
            new Setting("dc", "personalAccessToken", "PatS3cret-Dc-GGG", true),

            new Setting("dcbasic", "authType", "basic", false),
            new Setting("dcbasic", "baseUrl", DC, false),
            new Setting("dcbasic", "username", "integration", false),
            new Setting("dcbasic", "password", "Pa55w0rd-DcBasic-HHH", true));

    /**
     * Secrets given through a placeholder, as README's examples do with {@code {{env:...}}}: camel-main then lists
     * the placeholder's own key and value in its property-placeholder summary.
     */
    static final String SCOPED_TOKEN_PLACEHOLDER = "jira.scoped.apiToken";
    static final String SCOPED_TOKEN = "ApiT0ken-Scoped-S3cret-III";

    /**
     * Camel 4.18's own DEBUG statements that print a property's value as is: camel-main listing the loaded
     * properties ({@code "    key=value"}) and each bound one, and the properties component resolving a placeholder.
     */
    static final List<Pattern> CAMEL_UNMASKED_AT_DEBUG = List.of(
            debugStatement("org.apache.camel.main.BaseMainSupport", " {4}[^\\s\\[][^\\s=]*="),
            debugStatement("org.apache.camel.main.MainHelper", "Configured property: "),
            debugStatement("org.apache.camel.component.properties.DefaultPropertiesParser", "Found property: "),
            debugStatement("org.apache.camel.impl.engine.DefaultCamelContextExtension", "Resolved text: "));

    /** A DEBUG event of {@code logger} whose message starts with {@code messageRegex}, as {@link #capture} has it. */
    private static Pattern debugStatement(String logger, String messageRegex) {
        return Pattern.compile(Pattern.quote(logger + " DEBUG ") + messageRegex);
    }

    static List<String> secrets() {
        List<String> all = new ArrayList<>(SETTINGS.stream().filter(Setting::secret).map(Setting::value).toList());
        all.add(SCOPED_TOKEN);
        return all;
    }

    @TempDir
    Path dir;

    private final LogCapture capture = new LogCapture();

    @AfterEach
    void restoreLogging() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        cfg.getRootLogger().removeAppender(capture.getName());
        cfg.getAppenders().remove(capture.getName());
        capture.stop();
        // back to log4j2-test.properties: the test set every logger's level
        ctx.reconfigure();
    }

    @Test
    void atInfoTheSummariesMaskEverySecretAndStillShowTheOtherSettings() throws Exception {
        List<String> logged = startAndStop(Level.INFO, List.of());

        assertSummariesMaskSecretsAndShowTheRest(logged);
        assertNoSecretIn(logged);
    }

    @Test
    void atDebugNoSecretIsLoggedBeyondCamelsOwnUnmaskedStatements() throws Exception {
        List<String> logged = startAndStop(Level.DEBUG, List.of());

        assertThat(logged).as("camel-main logged at DEBUG")
                .anyMatch(e -> e.startsWith("org.apache.camel.main.") && e.contains(" DEBUG "));
        assertSummariesMaskSecretsAndShowTheRest(logged);
        List<String> leaking = logged.stream().filter(e -> secrets().stream().anyMatch(e::contains)).toList();
        assertThat(leaking).as("events carrying a secret that are not Camel's own unmasked DEBUG statements")
                .allMatch(CamelMainPropertyMaskingTest::camelUnmaskedAtDebug);
        for (Pattern statement : CAMEL_UNMASKED_AT_DEBUG) {
            assertThat(leaking).as("Camel still prints values unmasked in %s; once it no longer does, drop it from"
                                   + " CAMEL_UNMASKED_AT_DEBUG and from README", statement)
                    .anyMatch(e -> statement.matcher(e).lookingAt());
        }
    }

    private static boolean camelUnmaskedAtDebug(String event) {
        return CAMEL_UNMASKED_AT_DEBUG.stream().anyMatch(p -> p.matcher(event).lookingAt());
    }

    private static void assertSummariesMaskSecretsAndShowTheRest(List<String> logged) {
        assertThat(logged).as("camel-main printed its auto-configuration summary")
                .anyMatch(e -> e.contains("Auto-configuration summary"));
        assertThat(logged).as("camel-main printed its property-placeholder summary")
                .anyMatch(e -> e.contains("Property-placeholders summary"));
        assertThat(logged).as("the summary shows the e-mail")
                .anyMatch(e -> e.contains("connections[cloud].email") && e.contains(EMAIL));
        assertThat(logged).as("the summary shows the cloud id")
                .anyMatch(e -> e.contains("connections[scoped].cloudId") && e.contains(CLOUD_ID));
        assertThat(logged).as("the summary shows the base URL")
                .anyMatch(e -> e.contains("connections[dc].baseUrl") && e.contains(DC));
        for (Setting s : SETTINGS) {
            if (s.secret()) {
                assertThat(logged).as("the summary lists %s, masked", s.key())
                        .anyMatch(e -> e.contains(s.key() + " = xxxxxx"));
            }
        }
        assertThat(logged).as("the placeholder summary lists %s, masked", SCOPED_TOKEN_PLACEHOLDER)
                .anyMatch(e -> e.contains(SCOPED_TOKEN_PLACEHOLDER + " = xxxxxx"));
        List<String> summaries = logged.stream().filter(e -> e.startsWith("org.apache.camel.main.BaseMainSupport INFO"))
                .toList();
        for (String secret : secrets()) {
            assertThat(summaries).as("camel-main's summaries").noneMatch(e -> e.contains(secret));
        }
    }

    @Test
    void keywordsTheApplicationSetAreKeptAlongsideTheComponentsOwn() throws Exception {
        List<String> logged = startAndStop(Level.INFO,
                List.of("camel.main.additionalSensitiveKeywords = scopes,redirecturi"));

        assertThat(logged).as("the application's keyword still masks").anyMatch(
                e -> e.contains("connections[svc].scopes = xxxxxx"));
        assertThat(logged).noneMatch(e -> e.contains("read:jira-work"));
        assertThat(logged).noneMatch(e -> e.contains("https://app.example.com/callback"));
        assertThat(logged).as("the component's keywords mask too").anyMatch(
                e -> e.contains("connections[cloud].apiToken = xxxxxx"));
        assertNoSecretIn(logged);
    }

    @Test
    void theSecretOptionsAreTheSecretConnectionSettings() {
        assertThat(ConnectionOption.secretIds()).containsExactlyInAnyOrder("apiToken", "password",
                "personalAccessToken", "clientSecret", "refreshToken", "authorizationCode", "trustStorePassword",
                "proxyPassword");
    }

    @Test
    void endpointUrisMaskEverySecretOptionWhateverKeywordsTheApplicationAdded() throws Exception {
        // Camel masks only the first query option per URI that matches an added keyword: the application's
        // "scopes" comes before authorizationCode here
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension().setAdditionalSensitiveKeywords("scopes");
            camel.addComponent("jiraspoke", new JiraSpokeComponent());
            StringBuilder uri = new StringBuilder("jiraspoke:user/myself?connection.email=" + EMAIL
                                                  + "&connection.scopes=read:jira-work");
            List<String> values = new ArrayList<>();
            for (String option : ConnectionOption.secretIds()) {
                String value = "UriS3cret-" + option + "-JJJ";
                values.add(value);
                uri.append("&connection.").append(option).append('=').append(value);
            }

            Endpoint endpoint = camel.getEndpoint(uri.toString());

            assertThat(endpoint.getEndpointUri()).contains("email=bot%40example.com").contains("scopes=xxxxxx");
            for (String value : values) {
                assertThat(endpoint.getEndpointUri()).doesNotContain(value);
                assertThat(endpoint.toString()).doesNotContain(value);
            }
        }
    }

    @Test
    void camelsOwnUriSanitizingMasksAnAuthorizationCodeOnceTheComponentHasAContext() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("jiraspoke", new JiraSpokeComponent());

            String sanitized = URISupport.sanitizeUri("jiraspoke:user/myself?connection.authType=oauth2-authorization-code"
                                                      + "&connection.cloudId=" + CLOUD_ID
                                                      + "&connection.clientSecret=UriS3cret-KKK"
                                                      + "&connection.authorizationCode=UriC0de-LLL");

            assertThat(sanitized).contains(CLOUD_ID).doesNotContain("UriS3cret-KKK").doesNotContain("UriC0de-LLL");
        }
    }

    private void assertNoSecretIn(List<String> logged) {
        for (String secret : secrets()) {
            assertThat(logged).as("log events").noneMatch(e -> e.contains(secret));
        }
    }

    /** Runs a camel-main application with the connections above and every logger at {@code level}. */
    private List<String> startAndStop(Level level, List<String> extraLines) throws Exception {
        Path properties = writeApplicationProperties(extraLines);
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration cfg = ctx.getConfiguration();
        capture.start();
        cfg.addAppender(capture);
        cfg.getRootLogger().addAppender(capture, Level.ALL, null);
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, level);
        ctx.updateLoggers();

        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + properties.toAbsolutePath());
        assertThat(main.configure().isAutoConfigurationLogSummary()).as("camel-main's default").isTrue();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:noop").routeId("noop").log("noop");
            }
        });
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            assertThat(camel.isStarted()).isTrue();
            assertThat(camel.getComponent("jiraspoke", JiraSpokeComponent.class).getConnections())
                    .as("every connection was bound").containsOnlyKeys("cloud", "scoped", "app", "consent", "svc",
                            "dc", "dcbasic");
        } finally {
            main.stop();
        }
        return List.copyOf(capture.events);
    }

    private Path writeApplicationProperties(List<String> extraLines) throws IOException {
        List<String> lines = new ArrayList<>(extraLines);
        for (Setting s : SETTINGS) {
            lines.add(s.key() + " = " + s.value());
        }
        lines.add(SCOPED_TOKEN_PLACEHOLDER + " = " + SCOPED_TOKEN);
        lines.add("camel.component.jiraspoke.connections[scoped].apiToken = {{" + SCOPED_TOKEN_PLACEHOLDER + "}}");
        Path file = dir.resolve("application.properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
