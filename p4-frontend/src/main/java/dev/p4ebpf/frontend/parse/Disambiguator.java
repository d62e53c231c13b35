package dev.p4ebpf.frontend.parse;

import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Settles, on the tokens and before parsing, the two places where P4's grammar depends on which names
 * are types, the way p4c's lexer does with its symbol table (here: the names the program declares as
 * types anywhere, from {@link TypeNameScan}).
 * <ul>
 *   <li>A {@code <} opens type arguments ({@code L_ANGLE_ARGS}) when it follows {@code bit},
 *       {@code int}, {@code varbit}, {@code tuple}, {@code list} or {@code value_set}, or follows a
 *       name and is itself followed by something that starts a type (a keyword type, a type name,
 *       {@code _}, {@code void}, {@code >}); otherwise it is less-than.</li>
 *   <li>A {@code (} opens a cast ({@code L_PAREN_CAST}) when what it encloses is a type starting
 *       with a keyword type or a type name, and an operand follows the {@code )}:
 *       {@code (T) -x} casts when T is a type and subtracts when it is not.</li>
 * </ul>
 */
final class Disambiguator {
    private Disambiguator() {}

    static void mark(List<Token> tokens, Set<String> typeNames) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() == P4Lexer.LT && i > 0 && typeArguments(tokens, i, typeNames)) {
                retype(t, P4Parser.L_ANGLE_ARGS);
            } else if (t.getType() == P4Lexer.L_PAREN && cast(tokens, i, typeNames)) {
                retype(t, P4Parser.L_PAREN_CAST);
            }
        }
    }

    private static void retype(Token t, int type) {
        if (t instanceof CommonToken c) {
            c.setType(type);
        }
    }

    private static boolean typeArguments(List<Token> tokens, int i, Set<String> typeNames) {
        return switch (tokens.get(i - 1).getType()) {
            case P4Lexer.BIT, P4Lexer.INT, P4Lexer.VARBIT, P4Lexer.TUPLE, P4Lexer.LIST, P4Lexer.VALUESET -> true;
            case P4Lexer.IDENTIFIER, P4Lexer.APPLY, P4Lexer.KEY, P4Lexer.ACTIONS, P4Lexer.STATE, P4Lexer.ENTRIES,
                 P4Lexer.TYPE, P4Lexer.PRIORITY -> startsType(tokens.get(i + 1), typeNames)
                    || tokens.get(i + 1).getType() == P4Lexer.GT;
            default -> false;
        };
    }

    private static boolean startsType(Token t, Set<String> typeNames) {
        return switch (t.getType()) {
            case P4Lexer.BIT, P4Lexer.INT, P4Lexer.VARBIT, P4Lexer.BOOL, P4Lexer.STRING, P4Lexer.ERROR,
                 P4Lexer.MATCH_KIND, P4Lexer.TUPLE, P4Lexer.LIST, P4Lexer.VOID, P4Lexer.DONTCARE -> true;
            case P4Lexer.IDENTIFIER -> typeNames.contains(t.getText());
            default -> false;
        };
    }

    /** {@code ( type ) operand}, where the type starts with a keyword type or a type name. */
    private static boolean cast(List<Token> tokens, int open, Set<String> typeNames) {
        int first = open + 1;
        if (first < tokens.size() && tokens.get(first).getType() == P4Lexer.DOT) {
            first++;
        }
        if (first >= tokens.size() || !startsType(tokens.get(first), typeNames)) {
            return false;
        }
        int close = type(tokens, first);
        return close > 0 && close + 1 < tokens.size() && tokens.get(close).getType() == P4Lexer.R_PAREN
                && startsOperand(tokens.get(close + 1).getType());
    }

    /**
     * The index just after a type starting at {@code i} — a name or keyword type, optional type
     * arguments, optional array sizes — or -1 when the tokens there cannot be one.
     */
    private static int type(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return -1;
        }
        int t = tokens.get(i).getType();
        boolean name = t == P4Lexer.IDENTIFIER || t == P4Lexer.BIT || t == P4Lexer.INT || t == P4Lexer.VARBIT
                || t == P4Lexer.BOOL || t == P4Lexer.STRING || t == P4Lexer.ERROR || t == P4Lexer.MATCH_KIND
                || t == P4Lexer.TUPLE || t == P4Lexer.LIST || t == P4Lexer.VOID || t == P4Lexer.DONTCARE;
        if (!name) {
            return -1;
        }
        int j = i + 1;
        if (j < tokens.size() && (tokens.get(j).getType() == P4Lexer.LT || tokens.get(j).getType() == P4Parser.L_ANGLE_ARGS)) {
            j = typeArguments(tokens, j + 1, t == P4Lexer.BIT || t == P4Lexer.INT || t == P4Lexer.VARBIT);
            if (j < 0) {
                return -1;
            }
        }
        while (j + 2 < tokens.size() && tokens.get(j).getType() == P4Lexer.L_BRACKET
                && (tokens.get(j + 1).getType() == P4Lexer.INTEGER || tokens.get(j + 1).getType() == P4Lexer.IDENTIFIER)
                && tokens.get(j + 2).getType() == P4Lexer.R_BRACKET) {
            j += 3;
        }
        return j;
    }

    /** After a {@code <}: types (or, for a width, an integer or a name) separated by commas, then {@code >}. */
    private static int typeArguments(List<Token> tokens, int j, boolean width) {
        if (width) {
            int t = j < tokens.size() ? tokens.get(j).getType() : -1;
            return (t == P4Lexer.INTEGER || t == P4Lexer.IDENTIFIER) && j + 1 < tokens.size()
                    && tokens.get(j + 1).getType() == P4Lexer.GT ? j + 2 : -1;
        }
        while (j < tokens.size()) {
            if (tokens.get(j).getType() == P4Lexer.GT) {
                return j + 1;
            }
            j = type(tokens, j);
            if (j < 0 || j >= tokens.size()) {
                return -1;
            }
            if (tokens.get(j).getType() == P4Lexer.COMMA) {
                j++;
            } else if (tokens.get(j).getType() != P4Lexer.GT) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean startsOperand(int type) {
        return switch (type) {
            case P4Lexer.IDENTIFIER, P4Lexer.INTEGER, P4Lexer.STRING_LITERAL, P4Lexer.TRUE, P4Lexer.FALSE, P4Lexer.THIS,
                 P4Lexer.ERROR, P4Lexer.L_PAREN, P4Lexer.L_BRACE, P4Lexer.INVALID, P4Lexer.MINUS, P4Lexer.PLUS,
                 P4Lexer.NOT, P4Lexer.COMPLEMENT, P4Lexer.DOT, P4Lexer.APPLY, P4Lexer.KEY, P4Lexer.ACTIONS,
                 P4Lexer.STATE, P4Lexer.ENTRIES, P4Lexer.TYPE, P4Lexer.PRIORITY -> true;
            default -> false;
        };
    }
}
