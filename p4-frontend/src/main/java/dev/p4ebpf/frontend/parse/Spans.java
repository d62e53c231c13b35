package dev.p4ebpf.frontend.parse;

import dev.p4ebpf.frontend.source.LineMap;
import dev.p4ebpf.ir.diag.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Source spans of tokens and parse-tree nodes, mapped back through the preprocessor's line map. */
final class Spans {
    private final LineMap lines;

    Spans(LineMap lines) {
        this.lines = lines;
    }

    Span of(Token t) {
        return between(t, t);
    }

    Span of(TerminalNode n) {
        return of(n.getSymbol());
    }

    Span of(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
                ? ctx.getStart() : ctx.getStop();
        return between(ctx.getStart(), stop);
    }

    Span between(Token first, Token last) {
        String text = last.getText() == null ? "" : last.getText();
        int endLine = last.getLine();
        int endColumn = last.getCharPositionInLine() + Math.max(text.length(), 1);
        int nl = text.lastIndexOf('\n');
        if (nl >= 0) {
            endLine += (int) text.chars().filter(c -> c == '\n').count();
            endColumn = text.length() - nl - 1;
        }
        return lines.span(first.getLine(), first.getCharPositionInLine() + 1, endLine, endColumn);
    }
}
