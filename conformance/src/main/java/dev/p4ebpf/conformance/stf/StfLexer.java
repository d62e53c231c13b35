package dev.p4ebpf.conformance.stf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the part of an STF line after its command word into {@link StfToken}s. A {@code #}
 * outside a quoted name starts a comment that runs to the end of the line. Names are p4c's STF
 * identifiers ({@code [A-Za-z_$][A-Za-z0-9_$]*}) or quoted text; numbers are decimal,
 * {@code 0x} hex or {@code 0b} binary, the latter two with optional {@code *} wildcard digits.
 */
final class StfLexer {
    private final String line;
    private int pos;

    private StfLexer(String line, int start) {
        this.line = line;
        this.pos = start;
    }

    /** The tokens of {@code line} from index {@code start}, ending with an END token. */
    static List<StfToken> tokens(String line, int start) {
        StfLexer lexer = new StfLexer(line, start);
        List<StfToken> out = new ArrayList<>();
        StfToken t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != StfToken.Kind.END);
        return out;
    }

    static boolean isNameStart(char c) {
        return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }

    /** A readable form of a character for messages: the character, or its code point. */
    static String show(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private StfToken next() {
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
        if (pos >= line.length() || line.charAt(pos) == '#') {
            return new StfToken(StfToken.Kind.END, "", pos + 1, pos + 1);
        }
        char c = line.charAt(pos);
        if (isNameStart(c)) {
            return name();
        }
        if (c >= '0' && c <= '9') {
            return number();
        }
        if (c == '"') {
            return quotedName();
        }
        return punctuation(c);
    }

    private StfToken name() {
        int start = pos;
        while (pos < line.length() && isNamePart(line.charAt(pos))) {
            pos++;
        }
        return token(StfToken.Kind.NAME, start, line.substring(start, pos));
    }

    private StfToken quotedName() {
        int start = pos;
        int close = line.indexOf('"', pos + 1);
        if (close < 0) {
            throw new StfLineError(StfErrorKind.UNTERMINATED_NAME, start + 1, line.length(),
                    "the quoted name has no closing '\"'");
        }
        if (close == start + 1) {
            throw new StfLineError(StfErrorKind.SYNTAX, start + 1, start + 2, "a quoted name cannot be empty");
        }
        pos = close + 1;
        return new StfToken(StfToken.Kind.NAME, line.substring(start + 1, close), start + 1, pos);
    }

    private StfToken number() {
        int start = pos;
        String digitsOk;
        if (line.startsWith("0x", pos) || line.startsWith("0X", pos)) {
            pos += 2;
            digitsOk = "0123456789abcdefABCDEF*";
        } else if (line.startsWith("0b", pos) || line.startsWith("0B", pos)) {
            pos += 2;
            digitsOk = "01*";
        } else {
            digitsOk = "0123456789";
        }
        int digitsStart = pos;
        while (pos < line.length() && digitsOk.indexOf(line.charAt(pos)) >= 0) {
            pos++;
        }
        int end = pos;
        while (end < line.length() && (isNamePart(line.charAt(end)) || line.charAt(end) == '*')) {
            end++;
        }
        if (end > pos || digitsStart == pos) {
            throw badNumber(start, end, digitsStart);
        }
        return token(StfToken.Kind.NUMBER, start, line.substring(start, pos));
    }

    private StfLineError badNumber(int start, int end, int digitsStart) {
        String text = line.substring(start, Math.max(end, digitsStart));
        String why;
        if (digitsStart == pos) {
            why = "'" + text + "' has no digits after its prefix";
        } else if (digitsStart == start && line.charAt(pos) == '*') {
            why = "'" + text + "' is not a number: '*' wildcards need a hex (0x) or binary (0b) number";
        } else if (digitsStart == start) {
            why = "'" + text + "' is not a number: hex numbers start with 0x, binary ones with 0b";
        } else {
            why = "'" + text + "' is not a number: " + show(line.charAt(pos)) + " is not a digit of "
                    + (line.charAt(start + 1) == 'b' || line.charAt(start + 1) == 'B' ? "a binary" : "a hex")
                    + " number";
        }
        return new StfLineError(StfErrorKind.BAD_NUMBER, start + 1, Math.max(end, digitsStart), why);
    }

    private StfToken punctuation(char c) {
        int start = pos;
        return switch (c) {
            case ':' -> single(StfToken.Kind.COLON);
            case ',' -> single(StfToken.Kind.COMMA);
            case '(' -> single(StfToken.Kind.LPAREN);
            case ')' -> single(StfToken.Kind.RPAREN);
            case '[' -> single(StfToken.Kind.LBRACKET);
            case ']' -> single(StfToken.Kind.RBRACKET);
            case '/' -> single(StfToken.Kind.SLASH);
            case '.' -> twoOrOne('.', StfToken.Kind.DOTDOT, StfToken.Kind.DOT);
            case '=' -> twoOrOne('=', StfToken.Kind.EQ, StfToken.Kind.ASSIGN);
            case '<' -> twoOrOne('=', StfToken.Kind.LE, StfToken.Kind.LT);
            case '>' -> twoOrOne('=', StfToken.Kind.GE, StfToken.Kind.GT);
            case '!' -> {
                if (!line.startsWith("!=", pos)) {
                    throw badCharacter(start, "'!' is only the first half of '!='");
                }
                pos += 2;
                yield token(StfToken.Kind.NE, start, "!=");
            }
            case '&' -> {
                if (!line.startsWith("&&&", pos)) {
                    throw badCharacter(start, "a mask is written VALUE&&&MASK, with three '&'");
                }
                pos += 3;
                yield token(StfToken.Kind.MASK, start, "&&&");
            }
            default -> throw badCharacter(start, "unexpected character " + show(c));
        };
    }

    private StfLineError badCharacter(int at, String message) {
        return new StfLineError(StfErrorKind.BAD_CHARACTER, at + 1, at + 1, message);
    }

    private StfToken single(StfToken.Kind kind) {
        int start = pos++;
        return token(kind, start, line.substring(start, pos));
    }

    private StfToken twoOrOne(char second, StfToken.Kind two, StfToken.Kind one) {
        int start = pos;
        if (pos + 1 < line.length() && line.charAt(pos + 1) == second) {
            pos += 2;
            return token(two, start, line.substring(start, pos));
        }
        return single(one);
    }

    private StfToken token(StfToken.Kind kind, int start, String text) {
        return new StfToken(kind, text, start + 1, pos);
    }
}
