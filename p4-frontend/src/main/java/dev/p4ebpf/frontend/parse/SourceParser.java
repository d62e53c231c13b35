package dev.p4ebpf.frontend.parse;

import dev.p4ebpf.frontend.ast.CompilationUnit;
import dev.p4ebpf.frontend.source.LineMap;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses preprocessed P4 text into an AST. Unterminated strings and comments and nesting deeper
 * than {@value #MAX_NESTING} are reported before parsing; a syntax error reports the first
 * unexpected token (a stray character, unless it stands in an annotation body, where anything may),
 * as p4c does, and yields no AST.
 */
public final class SourceParser {
    /** Brackets nested deeper than this are refused before parsing (no real program comes close). */
    public static final int MAX_NESTING = 400;

    private SourceParser() {}

    public static Optional<CompilationUnit> parse(String text, LineMap lines, Diagnostics diags) {
        var spans = new Spans(lines);
        var lexer = new P4Lexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        tokens.fill();
        List<Token> visible = new ArrayList<>();
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                visible.add(t);
            }
        }
        if (!lexicallyValid(visible, spans, diags) || !nestingValid(visible, spans, diags)) {
            return Optional.empty();
        }
        var typeNames = TypeNameScan.scan(visible);
        Disambiguator.mark(visible, typeNames);
        var parser = new P4Parser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        P4Parser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            var listener = new FirstError(spans);
            parser.addErrorListener(listener);
            tree = parser.program();
            if (listener.span != null) {
                if (listener.token.getType() == P4Lexer.UNEXPECTED) {
                    diags.report(Code.BAD_CHARACTER, listener.span, describe(listener.token.getText()));
                } else {
                    diags.report(Code.SYNTAX, listener.span, listener.message);
                }
                return Optional.empty();
            }
        }
        int before = diags.errorCount();
        CompilationUnit unit = new AstBuilder(spans, diags).program(tree);
        return diags.errorCount() > before ? Optional.empty() : Optional.of(unit);
    }

    private static boolean lexicallyValid(List<Token> tokens, Spans spans, Diagnostics diags) {
        for (Token t : tokens) {
            switch (t.getType()) {
                case P4Lexer.UNTERMINATED_STRING -> {
                    diags.report(Code.UNTERMINATED_STRING, spans.of(t).startOnly());
                    return false;
                }
                case P4Lexer.UNTERMINATED_COMMENT -> {
                    diags.report(Code.UNTERMINATED_COMMENT, spans.of(t).startOnly());
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    private static String describe(String ch) {
        int c = ch.codePointAt(0);
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", c) : "'" + ch + "'";
    }

    private static boolean nestingValid(List<Token> tokens, Spans spans, Diagnostics diags) {
        int depth = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case P4Lexer.L_PAREN, P4Lexer.L_BRACKET, P4Lexer.L_BRACE -> {
                    if (++depth > MAX_NESTING) {
                        diags.report(Code.NESTING_TOO_DEEP, spans.of(t), MAX_NESTING);
                        return false;
                    }
                }
                case P4Lexer.R_PAREN, P4Lexer.R_BRACKET, P4Lexer.R_BRACE -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return true;
    }

    /** Keeps the first syntax error, phrased for people rather than in terms of grammar rules. */
    private static final class FirstError extends BaseErrorListener {
        private final Spans spans;
        Span span;
        String message;
        Token token;

        FirstError(Spans spans) {
            this.spans = spans;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                                RecognitionException e) {
            if (span != null) {
                return;
            }
            Token t = (Token) offending;
            token = t;
            span = spans.of(t);
            String found = t.getType() == Token.EOF ? "end of file" : "'" + t.getText() + "'";
            message = "syntax error: unexpected " + found + expecting(recognizer, e);
        }

        private static String expecting(Recognizer<?, ?> recognizer, RecognitionException e) {
            if (!(recognizer instanceof P4Parser p)) {
                return "";
            }
            IntervalSet expected = e != null ? e.getExpectedTokens() : p.getExpectedTokens();
            if (expected == null || expected.size() == 0 || expected.size() > 4) {
                return "";
            }
            var names = new ArrayList<String>();
            for (int type : expected.toList()) {
                names.add(type == Token.EOF ? "end of file" : p.getVocabulary().getDisplayName(type));
            }
            return ", expecting " + String.join(" or ", names);
        }
    }
}
