package dev.p4ebpf.frontend.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the C preprocessor library we use cannot take as it is, and how it gets through.
 * <ul>
 *   <li>{@code #line N "file"} and GNU-style {@code # N "file"} directives: the library ignores the
 *       first and rejects the second, so before preprocessing each such line is rewritten into a
 *       marker that passes through untouched (and disappears with the rest of an inactive {@code #if}
 *       branch, as a directive would); after preprocessing the markers become line-map entries. The
 *       preprocessor's own markers, {@code #line N "file" …}, are read the same way.</li>
 *   <li>P4's invalid-header literal {@code {#}}: a {@code #} inside a line crashes the library, so
 *       it travels as an identifier and is put back afterwards.</li>
 * </ul>
 */
final class CppEscapes {
    /** Spelled so that no P4 program can contain it by accident: P4 identifiers cannot start with a digit. */
    static final String MARKER = "__p4ebpf_line__";

    private static final Pattern DIRECTIVE =
            Pattern.compile("(?m)^[ \\t]*#[ \\t]*(?:line[ \\t]+)?([0-9]+)(?:[ \\t]+(\"(?:[^\"\\\\\\n]|\\\\.)*\"))?[^\\n]*$");
    private static final Pattern OUTPUT_MARKER =
            Pattern.compile("^[ \\t]*(?:#line|" + MARKER + ")[ \\t]+([0-9]+)(?:[ \\t]+\"((?:[^\"\\\\]|\\\\.)*)\")?.*$");

    private static final String INVALID = "{#}";
    private static final String INVALID_STANDIN = "__p4ebpf_invalid__";

    private CppEscapes() {}

    /** A marker read back from preprocessed text: the next line is {@code line} of {@code file} (empty: same file). */
    record Marker(int line, Optional<String> file) {}

    /** The text to give the preprocessor. */
    static String protect(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        text = text.replace(INVALID, INVALID_STANDIN);
        Matcher m = DIRECTIVE.matcher(text);
        var out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = MARKER + " " + m.group(1) + (m.group(2) == null ? "" : " " + m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Undoes {@link #protect} on one line of preprocessed text (markers excepted). */
    static String restore(String line) {
        return line.contains(INVALID_STANDIN) ? line.replace(INVALID_STANDIN, INVALID) : line;
    }

    static Optional<Marker> parse(String line) {
        if (line.indexOf('#') < 0 && !line.contains(MARKER)) {
            return Optional.empty();
        }
        Matcher m = OUTPUT_MARKER.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(m.group(1));
            return Optional.of(new Marker(n, Optional.ofNullable(m.group(2)).map(CppEscapes::unescape)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
