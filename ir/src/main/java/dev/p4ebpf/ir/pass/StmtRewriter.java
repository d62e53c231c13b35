package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import java.util.List;
import java.util.Optional;

/**
 * The statement half of the IR rewriter. {@link #stmt} may turn one statement into several (or
 * none): lists of statements are flattened, and where the language wants exactly one statement
 * (the branches of an {@code if}, a loop body) several are wrapped in a block. As in
 * {@link ExprRewriter}, unchanged nodes come back as the same objects.
 */
public class StmtRewriter extends ExprRewriter {

    /** Rewrites a statement into the statements that replace it; by default the statement with its children rewritten. */
    public List<Stmt> stmt(Stmt s) {
        return List.of(stmtChildren(s));
    }

    /** Rewrites a block (an apply block, a body, a nested block); by default its statements one by one. */
    public Stmt.Block block(Stmt.Block b) {
        List<Stmt> ss = stmts(b.statements());
        return ss == b.statements() ? b : new Stmt.Block(ss, b.annotations(), b.span());
    }

    public final List<Stmt> stmts(List<Stmt> ss) {
        return flatMap(ss, this::stmt);
    }

    /** One statement from a rewritten list: itself when there is one, a block otherwise. */
    public static Stmt single(List<Stmt> ss, Stmt original) {
        if (ss.size() == 1) {
            return ss.getFirst();
        }
        return Stmt.Block.of(ss, original.span());
    }

    /** A nested statement (a branch, a loop body) rewritten, and kept one statement. */
    protected final Stmt nested(Stmt s) {
        if (s instanceof Stmt.Block b) {
            return block(b);
        }
        List<Stmt> ss = stmt(s);
        return ss.size() == 1 && ss.getFirst() == s ? s : single(ss, s);
    }

    /** The default of {@link #stmt}: the statement rebuilt from its rewritten children. */
    protected final Stmt stmtChildren(Stmt s) {
        return switch (s) {
            case Stmt.Assign a -> {
                Expr t = expr(a.target());
                Expr v = expr(a.value());
                yield t == a.target() && v == a.value() ? a : new Stmt.Assign(t, v, a.span());
            }
            case Stmt.VarDecl v -> varDecl(v);
            case Stmt.CallStmt c -> {
                Expr e = call(c.call());
                yield e == c.call() ? c : callStmt(e, c);
            }
            case Stmt.If i -> {
                Expr c = expr(i.condition());
                Stmt t = nested(i.then());
                Optional<Stmt> o = i.otherwise().map(this::nested);
                boolean same = o.isPresent() == i.otherwise().isPresent()
                        && (o.isEmpty() || o.get() == i.otherwise().get());
                yield c == i.condition() && t == i.then() && same ? i
                        : new Stmt.If(c, t, same ? i.otherwise() : o, i.span());
            }
            case Stmt.Block b -> block(b);
            case Stmt.Switch sw -> {
                Expr subject = expr(sw.subject());
                List<Stmt.Case> cases = map(sw.cases(), this::switchCase);
                yield subject == sw.subject() && cases == sw.cases() ? sw : new Stmt.Switch(subject, cases, sw.span());
            }
            case Stmt.Exit e -> e;
            case Stmt.Return r -> {
                Optional<Expr> v = optional(r.value());
                yield v == r.value() ? r : new Stmt.Return(v, r.span());
            }
            case Stmt.Empty e -> e;
            case Stmt.For f -> {
                List<Stmt> init = stmts(f.init());
                Optional<Expr> c = optional(f.condition());
                List<Stmt> update = stmts(f.update());
                Stmt body = nested(f.body());
                yield init == f.init() && c == f.condition() && update == f.update() && body == f.body() ? f
                        : new Stmt.For(init, c, update, body, f.span());
            }
            case Stmt.ForIn f -> {
                Stmt.VarDecl v = varDecl(f.variable());
                Expr coll = expr(f.collection());
                Stmt body = nested(f.body());
                yield v == f.variable() && coll == f.collection() && body == f.body() ? f
                        : new Stmt.ForIn(v, coll, body, f.span());
            }
            case Stmt.ForRange f -> {
                Stmt.VarDecl v = varDecl(f.variable());
                Expr lo = expr(f.lo());
                Expr hi = expr(f.hi());
                Stmt body = nested(f.body());
                yield v == f.variable() && lo == f.lo() && hi == f.hi() && body == f.body() ? f
                        : new Stmt.ForRange(v, lo, hi, body, f.span());
            }
            case Stmt.Break b -> b;
            case Stmt.Continue c -> c;
        };
    }

    private static Stmt callStmt(Expr e, Stmt.CallStmt original) {
        if (e instanceof Call c) {
            return new Stmt.CallStmt(c, original.span());
        }
        throw new IllegalStateException("a call statement's call was rewritten into " + e);
    }

    protected final Stmt.VarDecl varDecl(Stmt.VarDecl v) {
        Type t = type(v.type());
        Optional<Expr> init = optional(v.init());
        return t == v.type() && init == v.init() ? v : new Stmt.VarDecl(v.name(), t, init, v.annotations(), v.span());
    }

    /** Rewrites a switch case; by default its label's value and its body. */
    public Stmt.Case switchCase(Stmt.Case c) {
        Stmt.Label label = switch (c.label()) {
            case Stmt.ValueLabel v -> {
                Expr e = expr(v.value());
                yield e == v.value() ? v : new Stmt.ValueLabel(e, v.span());
            }
            case Stmt.ActionLabel a -> a;
            case Stmt.DefaultLabel d -> d;
        };
        Optional<Stmt.Block> body = c.body().map(this::block);
        boolean same = body.isEmpty() || body.get() == c.body().get();
        return label == c.label() && same ? c : new Stmt.Case(label, same ? c.body() : body, c.span());
    }
}
