package io.jiraspoke.camel.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiraspoke.camel.JiraSpokeComponent;
import io.jiraspoke.camel.JiraSpokeEndpoint;
import io.jiraspoke.camel.client.JiraJson;
import io.jiraspoke.camel.producer.JiraSpokeProducers;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue in code, spec/actions.tsv, the URI enum and the component JSON say the same. */
class ActionCatalogueTest {

    /** One catalogue row, comparable whether it comes from the file or from the enum. */
    record Row(String id, String category, String seedName, String kind, String deployments,
               Set<String> notWithAuth, List<String> classicScopes, List<String> granularScopes,
               boolean anyScope, String description) {
    }

    static String tsv() throws IOException {
        try (InputStream in = ActionCatalogueTest.class.getResourceAsStream("/spec/actions.tsv")) {
            assertThat(in).as("test resource spec/actions.tsv").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Row> rowsOfFile() throws IOException {
        List<String> lines = tsv().lines().toList();
        assertThat(lines.get(0)).isEqualTo("uri\tcategory\taction\tkind\tdeployments\tnot_with_auth\tclassic_scopes"
                                           + "\tgranular_scopes\twhat_it_does");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            assertThat(c).as("columns of %s", line).hasSize(9);
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], commaSet(c[5]), scopes(c[6]), scopes(c[7]),
                    c[6].equals("*") || c[7].equals("*"), c[8]));
        }
        return rows;
    }

    static List<Row> rowsOfEnum() {
        List<Row> rows = new ArrayList<>();
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            for (ActionVariant v : catalogueVariants(a)) {
                rows.add(new Row(a.id(), a.category(), v.seedName(), a.kind().name().toLowerCase(),
                        v.deploymentsText(),
                        v.excludedAuth().stream().map(AuthType::id).collect(Collectors.toCollection(TreeSet::new)),
                        List.copyOf(v.classicScopes()), List.copyOf(v.granularScopes()), v.acceptsAnyScope(),
                        v.description()));
            }
        }
        return rows;
    }

    /** The variants the file has a row for: all but the extensions beyond it. */
    static List<ActionVariant> catalogueVariants(JiraSpokeAction a) {
        return a.variants().stream().filter(v -> !v.isExtension()).toList();
    }

    static Set<String> commaSet(String column) {
        return Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> scopes(String column) {
        String t = column.trim();
        return t.isEmpty() || t.equals("-") || t.equals("*") ? List.of() : List.of(t.split("\\s+"));
    }

    @Test
    void theEnumEqualsTheFileRowByRow() throws IOException {
        List<Row> file = rowsOfFile();
        List<Row> code = rowsOfEnum();

        assertThat(file).hasSize(68);
        assertThat(code).containsExactlyElementsOf(file);
    }

    @Test
    void theSpokesFiftySevenRowsUnderFiftyFiveIdsAndElevenBeyondWithTwoDoubleRows() throws IOException {
        List<Row> rows = rowsOfFile();
        List<String> fileIds = rows.stream().map(Row::id).toList();

        assertThat(rows.stream().filter(r -> !r.category().equals("Beyond the spoke"))).hasSize(57);
        assertThat(rows.stream().filter(r -> r.category().equals("Beyond the spoke"))).hasSize(11);
        assertThat(new LinkedHashSet<>(fileIds)).hasSize(66).containsExactlyElementsOf(JiraSpokeAction.ids());
        assertThat(JiraSpokeAction.values()).hasSize(66);
        assertThat(JiraSpokeAction.AUDIT_LOGS.variants()).hasSize(2);
        assertThat(JiraSpokeAction.PROJECT_LIST.variants()).hasSize(2);
        assertThat(Arrays.stream(JiraSpokeAction.values()).filter(a -> catalogueVariants(a).size() > 1))
                .containsExactly(JiraSpokeAction.AUDIT_LOGS, JiraSpokeAction.PROJECT_LIST);
    }

    @Test
    void theExtensionsBeyondTheFileAddOnlyDeploymentsTheFileLeavesOut() {
        List<ActionVariant> extensions = Arrays.stream(JiraSpokeAction.values()).flatMap(a -> a.variants().stream())
                .filter(ActionVariant::isExtension).toList();

        assertThat(extensions).extracting(v -> v.action().id() + " " + v.deploymentsText())
                .containsExactly("group/list server", "user/search cloud");
        for (ActionVariant extension : extensions) {
            JiraSpokeAction a = extension.action();
            for (Deployment d : Deployment.values()) {
                boolean inFile = catalogueVariants(a).stream().anyMatch(v -> v.supports(d, null));
                assertThat(inFile && extension.supports(d, null)).as("%s extends %s to a deployment of its own row",
                        a, d).isFalse();
            }
            // the producer dispatch needs one key per variant
            assertThat(extension.key()).isEqualTo(a.id() + "[" + extension.deploymentsText() + "]");
            assertThat(extension.description()).startsWith("extension beyond the spoke: ");
        }
        assertThat(JiraSpokeAction.USER_SEARCH.variantFor(Deployment.CLOUD, null).granularScopes())
                .contains("read:user:jira");
    }

    @Test
    void theFamilyIsTheIdBeforeTheSlashAndFindLooksUpById() {
        for (JiraSpokeAction a : JiraSpokeAction.values()) {
            assertThat(a.id()).startsWith(a.family() + "/");
            assertThat(JiraSpokeAction.find(a.id())).isSameAs(a);
        }
        assertThat(JiraSpokeAction.find("issue/creat")).isNull();
    }

    @Test
    void variantsAreChosenByDeploymentAndServerVersion() {
        ActionVariant audit9 = JiraSpokeAction.AUDIT_LOGS.variantFor(Deployment.SERVER, 9);
        ActionVariant audit10 = JiraSpokeAction.AUDIT_LOGS.variantFor(Deployment.SERVER, 10);
        assertThat(audit9.seedName()).isEqualTo("Look up Audit Logs Stream");
        assertThat(audit10.seedName()).isEqualTo("Look up Audit Logs Stream (Server 10+)");
        assertThat(JiraSpokeAction.AUDIT_LOGS.variantFor(Deployment.CLOUD, null)).isSameAs(audit9);
        assertThat(JiraSpokeAction.PROJECT_LIST.variantFor(Deployment.CLOUD, null).seedName())
                .isEqualTo("Look up Projects Stream");
        assertThat(JiraSpokeAction.PROJECT_LIST.variantFor(Deployment.SERVER, 10).seedName())
                .isEqualTo("Look up Projects");
        assertThat(JiraSpokeAction.USER_LIST.variantFor(Deployment.SERVER, null)).isNull();
        assertThat(JiraSpokeAction.USER_SEARCH.variantFor(Deployment.SERVER, 10).isExtension()).isFalse();
        assertThat(JiraSpokeAction.USER_SEARCH.variantFor(Deployment.CLOUD, null).isExtension()).isTrue();
        assertThat(JiraSpokeAction.GROUP_LIST.variantFor(Deployment.CLOUD, null).isExtension()).isFalse();
        assertThat(JiraSpokeAction.GROUP_LIST.variantFor(Deployment.SERVER, 9).isExtension()).isTrue();
    }

    @Test
    void theTestCopyOfTheSpecEqualsTheSharedOne() throws IOException {
        Path shared = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && shared == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/spec/actions.tsv");
            if (Files.isRegularFile(candidate)) {
                shared = candidate;
            }
        }
        Assumptions.assumeTrue(shared != null, "no shared/spec/actions.tsv above " + Path.of("").toAbsolutePath());

        assertThat(tsv()).isEqualTo(Files.readString(shared, StandardCharsets.UTF_8));
    }

    @Test
    void theUriPathEnumListsTheCatalogueIds() throws Exception {
        UriPath path = JiraSpokeEndpoint.class.getDeclaredField("action").getAnnotation(UriPath.class);

        assertThat(path).isNotNull();
        assertThat(path.enums().split(",")).containsExactlyElementsOf(JiraSpokeAction.ids());
    }

    @Test
    void theGeneratedComponentJsonListsTheSameEnum() throws IOException {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/jiraspoke/camel/jiraspoke.json")) {
            assertThat(in).as("generated component JSON on the classpath").isNotNull();
            json = JiraJson.MAPPER.readTree(in);
        }
        JsonNode action = json.path("properties").path("action");
        List<String> listed = new ArrayList<>();
        action.path("enum").forEach(n -> listed.add(n.asText()));

        assertThat(json.path("component").path("scheme").asText()).isEqualTo("jiraspoke");
        assertThat(action.path("kind").asText()).isEqualTo("path");
        assertThat(listed).containsExactlyElementsOf(JiraSpokeAction.ids());
    }

    @ParameterizedTest
    @CsvSource({ "issue/creat,issue/create", "Issue/Get,issue/get", "isue/search,issue/search",
            "server/infos,server/info" })
    void anUnknownIdFailsAtEndpointCreationNamingTheNearestAndListingAll(String typo, String nearest)
            throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("jiraspoke", new JiraSpokeComponent());

            assertThatThrownBy(() -> context.getEndpoint("jiraspoke:" + typo + "?connection=cloud"))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .rootCause()
                    .hasMessageStartingWith("Unknown jiraspoke action '" + typo + "'. Did you mean '" + nearest + "'?")
                    .hasMessageContaining("Valid actions: " + String.join(", ", JiraSpokeAction.ids()));
        }
    }

    @Test
    void everyActionOfTheCatalogueIsImplemented() {
        // webhook/events is consumer only: Jira pushes its deliveries, there is nothing to send
        List<String> missing = Arrays.stream(JiraSpokeAction.values())
                .filter(a -> a.kind() != JiraSpokeAction.Kind.EVENTS && !JiraSpokeProducers.isImplemented(a))
                .map(JiraSpokeAction::id).toList();
        assertThat(missing).isEmpty();
    }
}
