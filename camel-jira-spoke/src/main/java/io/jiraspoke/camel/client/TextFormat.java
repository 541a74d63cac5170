package io.jiraspoke.camel.client;

import java.util.Locale;

/**
 * How a text value for a rich-text field (description, comment body, worklog comment) is written. The dialect turns
 * it into what the deployment takes: ADF on Cloud, wiki markup on Data Center. An ADF document is not a format here:
 * it is recognised by its shape and sent to Cloud as is.
 */
public enum TextFormat {

    /**
     * Plain text: on Cloud, blank lines separate paragraphs and single newlines are line breaks; on Data Center the
     * text is sent as is, so it may carry wiki markup.
     */
    TEXT("text"),

    /**
     * CommonMark with strikethrough ({@code ~~gone~~}) and mentions ({@code [~accountid:5b10ac8d82e05b22cc7d4ef5]}
     * on Cloud, {@code [~jsmith]} on Data Center, Jira's own mention syntax), converted to ADF on Cloud and to wiki
     * markup on Data Center.
     */
    MARKDOWN("markdown");

    private final String id;

    TextFormat(String id) {
        this.id = id;
    }

    /** The option value: {@code text} or {@code markdown}. */
    public String id() {
        return id;
    }

    /**
     * The format named by an option or header value, ignoring case and surrounding blanks; null or blank is
     * {@link #TEXT}, the default.
     *
     * @throws IllegalArgumentException for any other value, naming the allowed ones
     */
    public static TextFormat fromId(String value) {
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (TextFormat f : values()) {
            if (f.id.equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("must be one of text, markdown, was " + value);
    }
}
