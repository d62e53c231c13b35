package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves code from one frame into another: the variables of frame {@code from} are renamed to fresh
 * names in frame {@code to}, or replaced by the expressions given for them (bound parameters).
 * Variables of other frames are left alone.
 */
class Renamer extends IrRewriter {
    private final Expr.Frame from;
    private final Expr.Frame to;
    private final FreshNames names;
    private final Map<String, Expr> bound;
    private final Map<String, String> renamed = new HashMap<>();
    private final Expr.Frame codeFrame;

    Renamer(Expr.Frame from, Expr.Frame to, FreshNames names, Map<String, Expr> bound) {
        this.from = from;
        this.to = to;
        this.names = names;
        this.bound = Map.copyOf(bound);
        this.codeFrame = from;
    }

    /** The frame of the statements being rewritten: that of the moved code, or an action's or function's in it. */
    private Expr.Frame currentFrame() {
        return callable().isPresent() ? Expr.Frame.CALLABLE : codeFrame;
    }

    /** The new name of a variable of the moved frame (given one the first time it is asked for). */
    String rename(String name) {
        return renamed.computeIfAbsent(name, names::fresh);
    }

    @Override
    public Expr expr(Expr e) {
        if (e instanceof Expr.Var v && v.frame() == from) {
            Expr b = bound.get(v.name());
            if (b != null) {
                return b;
            }
            return new Expr.Var(rename(v.name()), type(v.type()), to, v.span());
        }
        return super.expr(e);
    }

    @Override
    public List<Stmt> stmt(Stmt s) {
        List<Stmt> out = super.stmt(s);
        return currentFrame() == from ? map(out, this::renameDeclared) : out;
    }

    private Stmt renameDeclared(Stmt s) {
        return switch (s) {
            case Stmt.VarDecl v -> new Stmt.VarDecl(rename(v.name()), v.type(), v.init(), v.annotations(), v.span());
            case Stmt.ForIn f -> new Stmt.ForIn(declared(f.variable()), f.collection(), f.body(), f.span());
            case Stmt.ForRange f -> new Stmt.ForRange(declared(f.variable()), f.lo(), f.hi(), f.body(), f.span());
            case Stmt.For f -> f;
            case Stmt.Assign a -> a;
            case Stmt.CallStmt c -> c;
            case Stmt.If i -> i;
            case Stmt.Block b -> b;
            case Stmt.Switch sw -> sw;
            case Stmt.Exit e -> e;
            case Stmt.Return r -> r;
            case Stmt.Empty e -> e;
            case Stmt.Break b -> b;
            case Stmt.Continue c -> c;
        };
    }

    private Stmt.VarDecl declared(Stmt.VarDecl v) {
        return new Stmt.VarDecl(rename(v.name()), v.type(), v.init(), v.annotations(), v.span());
    }
}
