package io.jiraspoke.camel.catalog;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One row of the action catalogue: an action as it exists on some deployments. Most actions have one variant;
 * {@code audit/logs} and {@code project/list} have a Cloud and a Server variant with different rules, and
 * {@code user/search} and {@code group/list} an {@link #isExtension() extension} to the deployment the spoke leaves
 * out.
 */
public final class ActionVariant {

    /** Scope column value meaning any scope at all satisfies the action. */
    public static final String ANY_SCOPE = "*";

    private final String seedName;
    private final String deploymentsText;
    private final boolean cloud;
    private final boolean server;
    private final int serverMinMajor;
    private final int serverMaxMajor;
    private final Set<AuthType> excludedAuth;
    private final Set<String> classicScopes;
    private final Set<String> granularScopes;
    private final boolean anyScope;
    private final String description;
    private final boolean extension;
    private JiraSpokeAction action;
    private String key;

    ActionVariant(String seedName, String deployments, String notWithAuth, String classic, String granular,
                  String description, boolean extension) {
        this.seedName = seedName;
        this.deploymentsText = deployments;
        boolean c = false;
        boolean s = false;
        int min = 0;
        int max = Integer.MAX_VALUE;
        for (String d : deployments.split(",")) {
            String t = d.trim();
            if (t.equals("cloud")) {
                c = true;
            } else if (t.startsWith("server")) {
                s = true;
                if (t.startsWith("server<=")) {
                    max = Integer.parseInt(t.substring("server<=".length()));
                } else if (t.startsWith("server>=")) {
                    min = Integer.parseInt(t.substring("server>=".length()));
                } else if (!t.equals("server")) {
                    throw new IllegalArgumentException("Bad deployment " + t);
                }
            } else {
                throw new IllegalArgumentException("Bad deployment " + t);
            }
        }
        this.cloud = c;
        this.server = s;
        this.serverMinMajor = min;
        this.serverMaxMajor = max;
        EnumSet<AuthType> ex = EnumSet.noneOf(AuthType.class);
        for (String a : notWithAuth.split(",")) {
            if (!a.isBlank()) {
                ex.add(AuthType.fromId(a));
            }
        }
        this.excludedAuth = Collections.unmodifiableSet(ex);
        this.anyScope = ANY_SCOPE.equals(classic.trim()) || ANY_SCOPE.equals(granular.trim());
        this.classicScopes = scopes(classic);
        this.granularScopes = scopes(granular);
        this.description = description;
        this.extension = extension;
    }

    private static Set<String> scopes(String column) {
        String t = column.trim();
        if (t.isEmpty() || t.equals("-") || t.equals(ANY_SCOPE)) {
            return Set.of();
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(t.split("\\s+"))));
    }

    /** Called once by the catalogue entry the variant belongs to. */
    void bind(JiraSpokeAction owner, boolean oneOfSeveral) {
        this.action = owner;
        this.key = oneOfSeveral ? owner.id() + "[" + deploymentsText + "]" : owner.id();
    }

    public JiraSpokeAction action() {
        return action;
    }

    /**
     * What the producer dispatches on: the action id, or for an action with several variants the id with the
     * variant's deployments, e.g. {@code audit/logs[server>=10]}, so each variant has its own producer method.
     */
    public String key() {
        return key;
    }

    /** Whether this variant exists only on some Data Center major versions. */
    public boolean isServerVersionBounded() {
        return server && (serverMinMajor > 0 || serverMaxMajor < Integer.MAX_VALUE);
    }

    /**
     * Whether this variant goes beyond {@code spec/actions.tsv}: a deployment the spoke does not offer the action on,
     * served through another API (e.g. {@code user/search} on Cloud). Such a variant has no row in the file.
     */
    public boolean isExtension() {
        return extension;
    }

    public String seedName() {
        return seedName;
    }

    /** The deployments column as written in the catalogue, e.g. {@code cloud,server<=9}. */
    public String deploymentsText() {
        return deploymentsText;
    }

    /**
     * Whether this variant exists on a deployment. A null server major version (not known yet) matches any
     * server variant.
     */
    public boolean supports(Deployment deployment, Integer serverMajor) {
        if (deployment == Deployment.CLOUD) {
            return cloud;
        }
        if (!server) {
            return false;
        }
        return serverMajor == null || (serverMajor >= serverMinMajor && serverMajor <= serverMaxMajor);
    }

    public Set<AuthType> excludedAuth() {
        return excludedAuth;
    }

    public Set<String> classicScopes() {
        return classicScopes;
    }

    public Set<String> granularScopes() {
        return granularScopes;
    }

    /** True when the action accepts a token with any scope ({@code *} in the catalogue). */
    public boolean acceptsAnyScope() {
        return anyScope;
    }

    public String description() {
        return description;
    }

    /**
     * Whether a credential with the {@code granted} scopes (lower case) may run this variant: it accepts any scope,
     * needs none, or all of its classic or all of its granular scopes are granted (Jira accepts either set).
     */
    public boolean isAllowedWith(Set<String> granted) {
        if (anyScope || (classicScopes.isEmpty() && granularScopes.isEmpty())) {
            return true;
        }
        return (!classicScopes.isEmpty() && granted.containsAll(classicScopes))
               || (!granularScopes.isEmpty() && granted.containsAll(granularScopes));
    }
}
