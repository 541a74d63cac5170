package io.jiraspoke.camel.consumer;

/**
 * Escapes ids inside consumer state, which is one line of text (a FileStateRepository refuses line breaks, and the
 * consumers separate fields with {@code ; , @ : =}).
 */
final class StateText {

    private static final String SPECIAL = "%;,@:=\n\r";
    private static final boolean[] IS_SPECIAL = new boolean['@' + 1];

    static {
        for (char c : SPECIAL.toCharArray()) {
            IS_SPECIAL[c] = true;
        }
    }

    private StateText() {
    }

    static String escape(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (special(id.charAt(i))) {
                StringBuilder sb = new StringBuilder(id.length() + 8);
                for (int j = 0; j < id.length(); j++) {
                    char c = id.charAt(j);
                    if (special(c)) {
                        sb.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
                return sb.toString();
            }
        }
        return id;
    }

    /** A table rather than a search of SPECIAL: a checkpoint escapes every id of the overlap window. */
    private static boolean special(char c) {
        return c <= '@' && IS_SPECIAL[c];
    }

    static String unescape(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
