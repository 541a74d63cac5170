package io.jiraspoke.camel.catalog;

import java.util.Locale;

/** Where Jira runs: Atlassian's Cloud or a self-managed Server/Data Center. */
public enum Deployment {
    CLOUD("cloud"),
    SERVER("server");

    private final String id;

    Deployment(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Deployment fromId(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("datacenter") || v.equals("data-center")) {
            return SERVER;
        }
        for (Deployment d : values()) {
            if (d.id.equals(v)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown deployment '" + value + "'; valid values: cloud, server, auto");
    }

    @Override
    public String toString() {
        return id;
    }
}
