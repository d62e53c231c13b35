package dev.p4ebpf.ir.diag;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog of diagnostics. Every message the compiler gives a user comes from here, under a
 * stable key that tools and tests may rely on. Templates use {@link String#format} placeholders.
 *
 * <p>Every code has an example program under the frontend's test resources
 * ({@code diagnostics/<key>.p4}) whose expected output is a golden file; a test checks that each
 * code here has one.
 */
public enum Code {
    // ---- input and preprocessing ----
    FILE_UNREADABLE("input.unreadable", Severity.ERROR, "cannot read %s: %s"),
    FILE_NOT_TEXT("input.not-text", Severity.ERROR, "%s is not a P4 source file: %s"),
    FILE_TOO_LARGE("input.too-large", Severity.ERROR, "%s is too large (%s); the limit is %s"),
    PREPROCESSOR("preprocessor.error", Severity.ERROR, "%s"),
    PREPROCESSOR_WARNING("preprocessor.warning", Severity.WARNING, "%s"),
    INCLUDE_NOT_FOUND("preprocessor.include-not-found", Severity.ERROR,
            "cannot find include file %s (searched: %s); add its directory with -I DIR"),
    INCLUDE_CYCLE("preprocessor.include-cycle", Severity.ERROR, "#include cycle: %s"),

    // ---- lexing and parsing ----
    SYNTAX("syntax.error", Severity.ERROR, "%s"),
    UNTERMINATED_COMMENT("syntax.unterminated-comment", Severity.ERROR, "unterminated comment"),
    UNTERMINATED_STRING("syntax.unterminated-string", Severity.ERROR, "unterminated string literal"),
    BAD_CHARACTER("syntax.bad-character", Severity.ERROR, "unexpected character %s"),
    BAD_LITERAL("syntax.bad-literal", Severity.ERROR, "invalid literal %s: %s"),
    NESTING_TOO_DEEP("syntax.nesting-too-deep", Severity.ERROR,
            "nesting is too deep (more than %s levels); split the expression or block"),

    // ---- constant evaluation ----
    DIVISION_BY_ZERO("const.division-by-zero", Severity.ERROR, "division by zero"),
    NEGATIVE_DIVISION("const.negative-division", Severity.ERROR,
            "'%s' is defined only on non-negative values; compute on unsigned values instead"),
    NEGATIVE_SHIFT("const.negative-shift", Severity.ERROR, "shift amount %s is negative"),
    SHIFT_TOO_LARGE("const.shift-too-large", Severity.ERROR,
            "shift of an arbitrary-precision integer by %s is too large to compute"),

    // ---- attached to another diagnostic ----
    NOTE("note", Severity.NOTE, "%s");

    private final String key;
    private final Severity severity;
    private final String template;

    Code(String key, Severity severity, String template) {
        this.key = key;
        this.severity = severity;
        this.template = template;
    }

    private static final Map<String, Code> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Code::key, Function.identity()));

    /** The stable key, e.g. {@code syntax.error}. */
    public String key() {
        return key;
    }

    public Severity severity() {
        return severity;
    }

    public String template() {
        return template;
    }

    public String format(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }

    public static Code byKey(String key) {
        Code c = BY_KEY.get(key);
        if (c == null) {
            throw new IllegalArgumentException("no diagnostic code " + key);
        }
        return c;
    }
}
