package io.jiraspoke.camel.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Jira wiki markup (Data Center's rich text) as plain text, in the same shape {@link Adf#toText} gives for Cloud:
 * blocks separated by a blank line, line breaks as newlines, {@code - } and {@code 1. } list items indented by two
 * spaces per level, table rows with cells separated by {@code " | "}, {@code text (url)} for links, {@code @name} for
 * mentions, {@code [attachment: name]} for embedded files and {@code ---} for a rule. Effects ({@code *strong*},
 * {@code _em_}, {@code -strike-}, {@code +under+}, {@code ^sup^}, {@code ~sub~}, {@code ??cite??}, {@code {{mono}}})
 * lose their markers, headings ({@code h1.}) and quotes ({@code bq.}, {@code {quote}}) their prefix, macros such as
 * {@code {color}} or {@code {panel}} their tags; {@code {code}} and {@code {noformat}} blocks keep their content
 * exactly. Escaped characters ({@code \*}) are kept as the character. This is a reading aid, not a wiki renderer:
 * text it cannot place stays as written.
 */
public final class WikiText {

    private static final Pattern LINE = Pattern.compile("\r\n|\r|\n");
    /** A preformatted block; an unclosed one runs to the end, as Jira shows it. */
    private static final Pattern PRE = Pattern.compile("\\{(code|noformat)(?::[^}\\n]*)?}(.*?)(?:\\{\\1}|\\z)",
            Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^\\s*(?:h[1-6]|bq)\\.\\s*(.*)$");
    private static final Pattern RULE = Pattern.compile("^\\s*-{4,}\\s*$");
    private static final Pattern LIST = Pattern.compile("^\\s*([*#-]+)\\s+(.*)$");
    private static final Pattern TABLE = Pattern.compile("^\\s*\\|.*$");
    // spans that can run past their own markers are bounded, so that lines of unclosed openers stay linear
    private static final Pattern MONOSPACE = Pattern.compile("\\{\\{(.{1,500}?)}}");
    private static final Pattern BRACED_EFFECT = Pattern.compile("\\{([*_+^~-]|\\?\\?)}(.{1,500}?)\\{\\1}");
    private static final Pattern IMAGE = Pattern.compile("!([^\\s!|][^!|\\n]*?)(?:\\|[^!\\n]*)?!");
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]\\n]*)]");
    private static final Pattern MACRO = Pattern.compile("\\{[a-zA-Z][\\w-]{0,50}(?::[^}\\n]{0,500})?}");
    /**
     * Effects, one pattern per marker: the marker after a blank, punctuation or the line's start, text that neither
     * starts nor ends with a blank and holds no such marker, and the marker again before a blank, punctuation or the
     * line's end. Since the text cannot run past the next marker, a line full of unmatched markers stays linear.
     */
    private static final List<Pattern> EFFECTS = Stream.of("*", "_", "-", "+", "^", "~", "??")
            .map(WikiText::effect).toList();
    /** Nested effects of the same kinds in another order ({@code ^*x*^}) may need another pass. */
    private static final int EFFECT_PASSES = 4;
    private static final String SPECIAL = "*_-+^~?{}[]|!#\\";
    /** Escaped characters wait in this private-use range while markup is removed, so that they are never read. */
    private static final char HELD = '\uE000';

    private WikiText() {
    }

    /** The plain text of wiki markup; null stays null. */
    public static String toText(String wiki) {
        if (wiki == null) {
            return null;
        }
        List<String> blocks = new ArrayList<>();
        Matcher pre = PRE.matcher(wiki);
        int at = 0;
        while (pre.find()) {
            blocks.add(markup(wiki.substring(at, pre.start())));
            blocks.add(preformatted(pre.group(2)));
            at = pre.end();
        }
        blocks.add(markup(wiki.substring(at)));
        StringBuilder sb = new StringBuilder();
        for (String b : blocks) {
            if (b.isBlank()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b);
        }
        return sb.toString();
    }

    private static String preformatted(String content) {
        String s = LINE.matcher(content).replaceAll("\n");
        if (s.startsWith("\n")) {
            s = s.substring(1);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Text outside preformatted blocks, line by line. */
    private static String markup(String text) {
        boolean hold = canHold(text);
        StringBuilder sb = new StringBuilder();
        List<Integer> numbers = new ArrayList<>();
        boolean blank = false;
        for (String raw : LINE.split(text, -1)) {
            String line = raw.replace("{quote}", "");
            String out;
            Matcher m;
            boolean listed = false;
            if (line.isBlank()) {
                out = "";
            } else if (RULE.matcher(line).matches()) {
                out = "---";
            } else if ((m = HEADING.matcher(line)).matches()) {
                out = inline(m.group(1), hold);
            } else if ((m = LIST.matcher(line)).matches()) {
                out = item(m.group(1), inline(m.group(2), hold), numbers);
                listed = true;
            } else if (TABLE.matcher(line).matches()) {
                out = row(line, hold);
            } else {
                out = inline(line, hold);
            }
            if (!listed) {
                numbers.clear();
            }
            if (out.isBlank()) {
                blank = sb.length() > 0;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(blank ? "\n\n" : "\n");
            }
            blank = false;
            sb.append(out);
        }
        return sb.toString().strip();
    }

    /** A list item: {@code - } or its number, indented two spaces per level below the first. */
    private static String item(String markers, String text, List<Integer> numbers) {
        int depth = markers.length();
        while (numbers.size() > depth) {
            numbers.remove(numbers.size() - 1);
        }
        while (numbers.size() < depth) {
            numbers.add(0);
        }
        String marker;
        if (markers.charAt(depth - 1) == '#') {
            numbers.set(depth - 1, numbers.get(depth - 1) + 1);
            marker = numbers.get(depth - 1) + ". ";
        } else {
            marker = "- ";
        }
        String indent = "  ".repeat(depth - 1);
        return indent + marker + text.replace("\n", "\n" + indent + " ".repeat(marker.length()));
    }

    /**
     * A table row ({@code ||head||head||} or {@code |cell|cell|}): cells split at {@code |} or {@code ||} outside
     * links and monospace. The line's leading bar opens the first cell and a trailing bar closes the last.
     */
    private static String row(String line, boolean hold) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int brackets = 0;
        boolean mono = false;
        String s = line.strip();
        int i = s.startsWith("||") ? 2 : 1;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cell.append(c).append(s.charAt(++i));
                continue;
            }
            if (s.startsWith("{{", i) || s.startsWith("}}", i)) {
                mono = s.startsWith("{{", i);
                cell.append(s, i, i + 2);
                i++;
                continue;
            }
            if (c == '[') {
                brackets++;
            } else if (c == ']' && brackets > 0) {
                brackets--;
            }
            if (c == '|' && brackets == 0 && !mono) {
                cells.add(cell.toString());
                cell.setLength(0);
                if (i + 1 < s.length() && s.charAt(i + 1) == '|') {
                    i++;
                }
                continue;
            }
            cell.append(c);
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString());
        }
        List<String> texts = new ArrayList<>(cells.size());
        for (String c : cells) {
            texts.add(inline(c, hold).strip());
        }
        return String.join(" | ", texts);
    }

    private static String inline(String text, boolean hold) {
        String s = unescape(text, hold);
        s = MONOSPACE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = BRACED_EFFECT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(link(m.group(1))));
        s = IMAGE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(image(m.group(1))));
        s = MACRO.matcher(s).replaceAll("");
        for (int pass = 0; pass < EFFECT_PASSES; pass++) {
            String before = s;
            for (Pattern effect : EFFECTS) {
                s = effect.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
            }
            if (s.equals(before)) {
                break;
            }
        }
        return hold ? release(s) : s;
    }

    private static Pattern effect(String marker) {
        String m = Pattern.quote(marker);
        String text = marker.length() == 1 ? "[^\\" + marker + "]" : "(?:(?!" + m + ").)";
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + m + "(?=\\S)(" + text + "{1,500}?)(?<=\\S)" + m
                               + "(?![\\p{L}\\p{N}])");
    }

    private static String image(String target) {
        return target.contains("://") ? "[image: " + target + "]" : "[attachment: " + target + "]";
    }

    /** {@code [~name]}, {@code [~accountid:id]}, {@code [text|url]}, {@code [url]}, {@code [^attachment]}. */
    private static String link(String inner) {
        if (inner.startsWith("~")) {
            String user = inner.substring(1);
            if (user.regionMatches(true, 0, "accountid:", 0, "accountid:".length())) {
                user = user.substring("accountid:".length());
            }
            return "@" + user;
        }
        int bar = inner.indexOf('|');
        if (bar < 0) {
            return inner.startsWith("^") ? inner.substring(1) : inner;
        }
        String text = inner.substring(0, bar).strip();
        String url = inner.substring(bar + 1);
        int tip = url.indexOf('|');
        url = (tip < 0 ? url : url.substring(0, tip)).strip();
        if (text.isEmpty() || text.equals(url)) {
            return url;
        }
        return url.isEmpty() ? text : text + " (" + url + ")";
    }

    /** {@code \\} is a line break; a backslash before a markup character holds that character as text. */
    private static String unescape(String text, boolean hold) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\\' && next == '\\') {
                sb.append('\n');
                i++;
            } else if (c == '\\' && next != 0 && SPECIAL.indexOf(next) >= 0) {
                sb.append(hold ? (char) (HELD + next) : next);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String release(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= HELD && c < HELD + 128) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, i);
                }
                sb.append((char) (c - HELD));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Escapes can be held only when the text has no characters of its own in the holding range. */
    private static boolean canHold(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= HELD && c < HELD + 128) {
                return false;
            }
        }
        return true;
    }
}
