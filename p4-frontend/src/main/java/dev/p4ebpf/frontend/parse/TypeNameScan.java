package dev.p4ebpf.frontend.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Collects, from the token stream, every name the program declares as a type anywhere: headers,
 * structs, unions, enums, typedefs, new types, extern types, parser/control/package types, and type
 * parameters. The parser needs this set in the two places where P4's grammar is ambiguous without it
 * (see P4.g4). It is deliberately unscoped and syntactic: the checker decides what each name really is.
 */
final class TypeNameScan {
    private TypeNameScan() {}

    static Set<String> scan(List<Token> tokens) {
        var names = new HashSet<String>();
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            switch (tokens.get(i).getType()) {
                case P4Lexer.HEADER, P4Lexer.HEADER_UNION, P4Lexer.STRUCT, P4Lexer.PARSER, P4Lexer.CONTROL,
                     P4Lexer.PACKAGE -> addName(tokens, i + 1, names);
                case P4Lexer.EXTERN -> externName(tokens, i + 1, names);
                case P4Lexer.ENUM -> enumName(tokens, i + 1, names);
                case P4Lexer.TYPEDEF, P4Lexer.TYPE -> typedefName(tokens, i + 1, names);
                case P4Lexer.IDENTIFIER -> {
                    if (i > 0 && declares(tokens.get(i - 1).getType())) {
                        typeParameters(tokens, i + 1, names);
                    }
                }
                default -> { }
            }
        }
        return names;
    }

    private static void addName(List<Token> tokens, int i, Set<String> names) {
        if (i < tokens.size() && isName(tokens.get(i))) {
            names.add(tokens.get(i).getText());
        }
    }

    /** {@code extern Name {…}}, {@code extern Name<T> {…}}, {@code extern Name;} — not {@code extern R f(…);}. */
    private static void externName(List<Token> tokens, int i, Set<String> names) {
        if (i + 1 >= tokens.size() || !isName(tokens.get(i))) {
            return;
        }
        int next = tokens.get(i + 1).getType();
        if (next == P4Lexer.L_BRACE || next == P4Lexer.SEMICOLON || next == P4Lexer.LT && closesBefore(tokens, i + 1, P4Lexer.L_BRACE)) {
            names.add(tokens.get(i).getText());
        }
    }

    /** {@code enum Name {…}} or {@code enum bit<8> Name {…}}: the name just before the brace. */
    private static void enumName(List<Token> tokens, int i, Set<String> names) {
        for (int j = i; j < tokens.size(); j++) {
            if (tokens.get(j).getType() == P4Lexer.L_BRACE) {
                addName(tokens, j - 1, names);
                return;
            }
            if (tokens.get(j).getType() == P4Lexer.SEMICOLON) {
                return;
            }
        }
    }

    /** {@code typedef … Name;}: the name just before the semicolon at brace depth 0. */
    private static void typedefName(List<Token> tokens, int i, Set<String> names) {
        int depth = 0;
        for (int j = i; j < tokens.size(); j++) {
            int t = tokens.get(j).getType();
            if (t == P4Lexer.L_BRACE) {
                depth++;
            } else if (t == P4Lexer.R_BRACE) {
                depth--;
            } else if (t == P4Lexer.SEMICOLON && depth <= 0) {
                addName(tokens, j - 1, names);
                return;
            }
        }
    }

    /**
     * Whether a name after this token is being declared: after a return type ({@code T f<…>(…)}) or
     * a declaration keyword — not after {@code (}, {@code =}, {@code .} or an operator, where a
     * {@code <} is a comparison or opens type arguments of a call.
     */
    private static boolean declares(int before) {
        return switch (before) {
            case P4Lexer.IDENTIFIER, P4Lexer.GT, P4Lexer.VOID, P4Lexer.BIT, P4Lexer.INT, P4Lexer.VARBIT, P4Lexer.BOOL,
                 P4Lexer.STRING, P4Lexer.ERROR, P4Lexer.MATCH_KIND, P4Lexer.PARSER, P4Lexer.CONTROL, P4Lexer.PACKAGE,
                 P4Lexer.EXTERN, P4Lexer.HEADER, P4Lexer.STRUCT, P4Lexer.HEADER_UNION, P4Lexer.ABSTRACT -> true;
            default -> false;
        };
    }

    /** {@code Name<A, B>} followed by {@code (} or {@code {}: the declaration of type parameters A and B. */
    private static void typeParameters(List<Token> tokens, int i, Set<String> names) {
        if (i >= tokens.size() || tokens.get(i).getType() != P4Lexer.LT) {
            return;
        }
        var params = new HashSet<String>();
        int j = i + 1;
        while (j + 1 < tokens.size() && isName(tokens.get(j))) {
            params.add(tokens.get(j).getText());
            int sep = tokens.get(j + 1).getType();
            if (sep == P4Lexer.GT) {
                if (j + 2 < tokens.size()) {
                    int after = tokens.get(j + 2).getType();
                    if (after == P4Lexer.L_PAREN || after == P4Lexer.L_BRACE) {
                        names.addAll(params);
                    }
                }
                return;
            }
            if (sep != P4Lexer.COMMA) {
                return;
            }
            j += 2;
        }
    }

    private static boolean closesBefore(List<Token> tokens, int lt, int stop) {
        for (int j = lt; j < tokens.size(); j++) {
            int t = tokens.get(j).getType();
            if (t == stop) {
                return true;
            }
            if (t == P4Lexer.SEMICOLON || t == P4Lexer.L_PAREN) {
                return false;
            }
        }
        return false;
    }

    private static boolean isName(Token t) {
        return switch (t.getType()) {
            case P4Lexer.IDENTIFIER, P4Lexer.APPLY, P4Lexer.KEY, P4Lexer.ACTIONS, P4Lexer.STATE, P4Lexer.ENTRIES,
                 P4Lexer.TYPE, P4Lexer.PRIORITY, P4Lexer.LIST -> true;
            default -> false;
        };
    }
}
