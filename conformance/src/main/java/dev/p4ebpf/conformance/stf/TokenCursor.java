package dev.p4ebpf.conformance.stf;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * Reads the tokens of one STF line, building names and numbers with their spans and throwing
 * {@link StfLineError} with a message that says what was expected where something else stands.
 */
final class TokenCursor {
    private final String file;
    private final int line;
    private final List<StfToken> tokens;
    private int index;

    TokenCursor(String file, int line, List<StfToken> tokens) {
        this.file = file;
        this.line = line;
        this.tokens = tokens;
    }

    StfToken peek() {
        return tokens.get(index);
    }

    boolean at(StfToken.Kind kind) {
        return peek().kind() == kind;
    }

    StfToken advance() {
        StfToken t = tokens.get(index);
        if (t.kind() != StfToken.Kind.END) {
            index++;
        }
        return t;
    }

    /** Consumes a token of {@code kind} or fails with "expected WHAT, found ...". */
    StfToken expect(StfToken.Kind kind, String what) {
        if (!at(kind)) {
            throw unexpected(what);
        }
        return advance();
    }

    /** Consumes the token if it is of {@code kind}. */
    boolean accept(StfToken.Kind kind) {
        if (at(kind)) {
            advance();
            return true;
        }
        return false;
    }

    /** Fails unless the line has no tokens left. */
    void expectEnd(String command) {
        if (!at(StfToken.Kind.END)) {
            throw unexpected("the end of the " + command + " command");
        }
    }

    StfLineError unexpected(String what) {
        StfToken t = peek();
        return new StfLineError(StfErrorKind.SYNTAX, t.column(), t.endColumn(),
                "expected " + what + ", found " + t.describe());
    }

    /** A span on this line from column {@code from} to {@code to}. */
    Span span(int from, int to) {
        return new Span(file, line, from, line, to);
    }

    Span span(StfToken t) {
        return span(t.column(), t.endColumn());
    }

    /** The end column of the last token consumed, 0 before the first. */
    int lastEnd() {
        return index == 0 ? 0 : tokens.get(index - 1).endColumn();
    }

    /**
     * A dotted name, each part a name optionally indexed: {@code a.b}, {@code stack[2].f},
     * {@code "quoted.part"}.
     */
    StfName name(String what) {
        StfToken first = expect(StfToken.Kind.NAME, what);
        StringBuilder text = new StringBuilder(first.text());
        index(text);
        while (at(StfToken.Kind.DOT)) {
            advance();
            text.append('.').append(expect(StfToken.Kind.NAME, "a name after '.'").text());
            index(text);
        }
        return new StfName(text.toString(), span(first.column(), lastEnd()));
    }

    private void index(StringBuilder text) {
        if (accept(StfToken.Kind.LBRACKET)) {
            StfToken n = expect(StfToken.Kind.NUMBER, "an index");
            if (!n.text().chars().allMatch(Character::isDigit)) {
                throw new StfLineError(StfErrorKind.BAD_NUMBER, n.column(), n.endColumn(),
                        "an index is a decimal number, found '" + n.text() + "'");
            }
            expect(StfToken.Kind.RBRACKET, "']'");
            text.append('[').append(n.text()).append(']');
        }
    }

    /** A number, wildcards allowed. */
    StfNumber pattern(String what) {
        StfToken t = expect(StfToken.Kind.NUMBER, what);
        String s = t.text();
        Span where = span(t);
        if (s.length() > 1 && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            return new StfNumber(StfNumber.Radix.HEX, s.substring(2), where);
        }
        if (s.length() > 1 && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
            return new StfNumber(StfNumber.Radix.BINARY, s.substring(2), where);
        }
        return new StfNumber(StfNumber.Radix.DECIMAL, s, where);
    }

    /** A number without wildcards; {@code role} says what it is for in the message if it has some. */
    StfNumber number(String role) {
        StfNumber n = pattern(role);
        if (n.hasWildcards()) {
            Span s = n.span();
            throw new StfLineError(StfErrorKind.MISPLACED_WILDCARD, s.column(), s.endColumn(),
                    role + " cannot have '*' wildcards: '" + n.text() + "'");
        }
        return n;
    }

    /** A decimal number that fits a long, e.g. a priority. */
    long decimal(String role) {
        StfNumber n = number(role);
        Span s = n.span();
        if (n.radix() != StfNumber.Radix.DECIMAL) {
            throw new StfLineError(StfErrorKind.BAD_NUMBER, s.column(), s.endColumn(),
                    role + " is a decimal number, found '" + n.text() + "'");
        }
        if (n.value().bitLength() > 63) {
            throw new StfLineError(StfErrorKind.BAD_NUMBER, s.column(), s.endColumn(),
                    role + " " + n.text() + " is too large (the largest is " + Long.MAX_VALUE + ")");
        }
        return n.value().longValueExact();
    }
}
