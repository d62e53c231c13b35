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

    // ---- names ----
    UNDECLARED("name.undeclared", Severity.ERROR, "%s is not declared"),
    DUPLICATE("name.duplicate", Severity.ERROR, "%s is already declared in this scope"),
    NOT_A_TYPE("name.not-a-type", Severity.ERROR, "%s is not a type: it is %s"),
    NOT_A_VALUE("name.not-a-value", Severity.ERROR, "%s is %s, not a value"),
    SHADOWS("name.shadows", Severity.WARNING, "%s shadows %s"),
    SHADOWS_PARAMETER("name.shadows-parameter", Severity.ERROR, "%s shadows %s; rename it"),

    // ---- types ----
    TYPE_MISMATCH("type.mismatch", Severity.ERROR, "%s: expected %s, found %s"),
    BAD_WIDTH("type.bad-width", Severity.ERROR, "%s: the width must be a compile-time integer of at least %s, not %s"),
    TYPE_ARGUMENTS("type.arguments", Severity.ERROR, "%s takes %s type argument(s), %s given"),
    TYPE_NOT_ALLOWED("type.not-allowed", Severity.ERROR, "%s cannot have type %s: %s"),
    CANNOT_INFER("type.cannot-infer", Severity.ERROR, "cannot infer %s: %s"),
    BAD_CAST("type.bad-cast", Severity.ERROR, "cannot cast %s to %s"),
    BAD_OPERAND("type.bad-operand", Severity.ERROR, "operator %s cannot be applied to %s"),
    NEEDS_WIDTH("type.needs-width", Severity.ERROR,
            "%s: the width of this integer cannot be inferred; give it one (e.g. 8w5) or cast it"),
    NO_MEMBER("type.no-member", Severity.ERROR, "%s has no member %s"),

    // ---- expressions ----
    NOT_CONSTANT("expr.not-constant", Severity.ERROR, "%s must be a compile-time constant"),
    VALUE_TRUNCATED("expr.value-truncated", Severity.WARNING, "%s does not fit in %s; its value is %s"),
    OUT_OF_BOUNDS("expr.out-of-bounds", Severity.ERROR, "%s is out of bounds: %s"),
    NOT_LVALUE("expr.not-lvalue", Severity.ERROR, "%s cannot be written: %s"),
    NOT_ALLOWED_HERE("expr.not-allowed-here", Severity.ERROR, "%s is not allowed here: %s"),

    // ---- calls ----
    ARGUMENT_COUNT("call.argument-count", Severity.ERROR, "%s takes %s argument(s), %s given"),
    BAD_ARGUMENT("call.bad-argument", Severity.ERROR, "%s: %s"),
    NOT_CALLABLE("call.not-callable", Severity.ERROR, "%s cannot be called"),
    CALL_NOT_ALLOWED("call.not-allowed", Severity.ERROR, "%s cannot be called here: %s"),

    // ---- statements and declarations ----
    STATEMENT_NOT_ALLOWED("stmt.not-allowed", Severity.ERROR, "%s is not allowed here: %s"),
    MISSING_RETURN("stmt.missing-return", Severity.ERROR, "function %s can end without returning a value"),
    DECLARATION_NOT_ALLOWED("decl.not-allowed", Severity.ERROR, "%s cannot be declared here: %s"),
    STATIC_ASSERT("decl.static-assert", Severity.ERROR, "static assertion failed%s"),

    // ---- parsers ----
    NO_START_STATE("parser.no-start", Severity.ERROR, "parser %s has no state 'start'"),
    UNKNOWN_STATE("parser.unknown-state", Severity.ERROR, "state %s is not declared in parser %s"),
    UNREACHABLE_STATE("parser.unreachable-state", Severity.WARNING, "state %s is unreachable"),
    RESERVED_STATE("parser.reserved-state", Severity.ERROR, "%s is a reserved state name"),

    // ---- tables and switches ----
    TABLE_PROPERTY("table.property", Severity.ERROR, "table %s: %s"),
    TABLE_ACTION("table.action", Severity.ERROR, "table %s: %s"),
    SWITCH_LABEL("switch.label", Severity.ERROR, "%s"),

    // ---- architecture and targets ----
    UNSUPPORTED("unsupported", Severity.ERROR, "%s is not supported: %s"),

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
