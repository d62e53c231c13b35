package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns early terminations ({@code return}, {@code exit}) into structured control flow: a
 * terminator becomes an assignment to a flag (plus whatever the terminator did, such as storing a
 * return value), every statement after one that may have terminated runs under
 * {@code if (!flag)}, and inside loops a terminator ends the loop with {@code break} and the loop is
 * followed by {@code if (flag) break;} when it is itself in a loop. When every terminator is the
 * last thing to run, no flag is needed at all.
 */
final class Terminations {

    /** What counts as a termination and what it turns into. */
    interface Spec {
        /** Whether {@code s} is itself a terminator ({@code return} or {@code exit}). */
        boolean isTerminator(Stmt s);

        /** The statements a terminator becomes, besides setting the flag. */
        List<Stmt> replacement(Stmt terminator);

        /**
         * Whether the table application in {@code s} (a call statement, an {@code if} condition or a
         * {@code switch} subject) may terminate; its {@code if} branches and {@code switch} cases then
         * run only when it did not.
         */
        boolean tableMayTerminate(Stmt s);
    }

    private final Spec spec;
    private final Expr.Var flag;

    private Terminations(Spec spec, Expr.Var flag) {
        this.spec = spec;
        this.flag = flag;
    }

    /** Whether {@code body} terminates early anywhere (and so needs rewriting). */
    static boolean needed(List<Stmt> body, Spec spec) {
        return body.stream().anyMatch(s -> may(s, spec));
    }

    /**
     * Whether {@code body} can be rewritten without a flag: every terminator is in tail position and
     * no table application may terminate.
     */
    static boolean tailOnly(List<Stmt> body, Spec spec) {
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            boolean last = i == body.size() - 1;
            if (!may(s, spec)) {
                continue;
            }
            if (!last || !tail(s, spec)) {
                return false;
            }
        }
        return true;
    }

    private static boolean tail(Stmt s, Spec spec) {
        if (spec.isTerminator(s)) {
            return true;
        }
        if (spec.tableMayTerminate(s)) {
            return false;
        }
        return switch (s) {
            case Stmt.If i -> tailOnly(List.of(i.then()), spec) && i.otherwise().map(o -> tailOnly(List.of(o), spec))
                    .orElse(true);
            case Stmt.Block b -> tailOnly(b.statements(), spec);
            case Stmt.Switch sw -> sw.cases().stream().allMatch(c -> c.body().map(b -> tailOnly(b.statements(), spec))
                    .orElse(true));
            case Stmt.For f -> false;
            case Stmt.ForIn f -> false;
            case Stmt.ForRange f -> false;
            case Stmt.Assign a -> false;
            case Stmt.VarDecl v -> false;
            case Stmt.CallStmt c -> false;
            case Stmt.Exit e -> false;
            case Stmt.Return r -> false;
            case Stmt.Empty e -> false;
            case Stmt.Break b -> false;
            case Stmt.Continue c -> false;
        };
    }

    /** {@code body} with every terminator replaced and no flag, for bodies that are {@link #tailOnly}. */
    static List<Stmt> replaceInTail(List<Stmt> body, Spec spec) {
        var out = new ArrayList<Stmt>();
        for (Stmt s : body) {
            if (spec.isTerminator(s)) {
                out.addAll(spec.replacement(s));
                continue;
            }
            out.add(s instanceof Stmt.If || s instanceof Stmt.Block || s instanceof Stmt.Switch ? tailRewrite(s, spec) : s);
        }
        return out;
    }

    private static Stmt tailRewrite(Stmt s, Spec spec) {
        if (s instanceof Stmt.If i) {
            return new Stmt.If(i.condition(), blockOf(replaceInTail(List.of(i.then()), spec), i.then()),
                    i.otherwise().map(o -> blockOf(replaceInTail(List.of(o), spec), o)), i.span());
        }
        if (s instanceof Stmt.Block b) {
            return new Stmt.Block(replaceInTail(b.statements(), spec), b.annotations(), b.span());
        }
        Stmt.Switch sw = (Stmt.Switch) s;
        return new Stmt.Switch(sw.subject(), sw.cases().stream().map(c -> new Stmt.Case(c.label(),
                c.body().map(b -> new Stmt.Block(replaceInTail(b.statements(), spec), b.annotations(), b.span())),
                c.span())).toList(), sw.span());
    }

    /** {@code body} with every terminator setting {@code flag} and the code after it guarded. */
    static List<Stmt> eliminate(List<Stmt> body, Spec spec, Expr.Var flag) {
        return new Terminations(spec, flag).list(body, false);
    }

    private static boolean may(Stmt s, Spec spec) {
        if (spec.isTerminator(s) || spec.tableMayTerminate(s)) {
            return true;
        }
        return switch (s) {
            case Stmt.If i -> may(i.then(), spec) || i.otherwise().map(o -> may(o, spec)).orElse(false);
            case Stmt.Block b -> needed(b.statements(), spec);
            case Stmt.Switch sw -> sw.cases().stream().anyMatch(c -> c.body().map(b -> needed(b.statements(), spec))
                    .orElse(false));
            case Stmt.For f -> may(f.body(), spec);
            case Stmt.ForIn f -> may(f.body(), spec);
            case Stmt.ForRange f -> may(f.body(), spec);
            case Stmt.Assign a -> false;
            case Stmt.VarDecl v -> false;
            case Stmt.CallStmt c -> false;
            case Stmt.Exit e -> false;
            case Stmt.Return r -> false;
            case Stmt.Empty e -> false;
            case Stmt.Break b -> false;
            case Stmt.Continue c -> false;
        };
    }

    private List<Stmt> list(List<Stmt> stmts, boolean inLoop) {
        var out = new ArrayList<Stmt>();
        for (int i = 0; i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            if (spec.isTerminator(s)) {
                out.addAll(spec.replacement(s));
                out.add(setFlag(s.span()));
                if (inLoop) {
                    out.add(new Stmt.Break(s.span()));
                }
                return out;
            }
            if (!may(s, spec)) {
                out.add(s);
                continue;
            }
            out.add(rewrite(s, inLoop));
            List<Stmt> rest = stmts.subList(i + 1, stmts.size());
            if (rest.isEmpty()) {
                return out;
            }
            if (inLoop) {
                out.add(new Stmt.If(flag, Stmt.Block.of(List.of(new Stmt.Break(s.span())), s.span()), Optional.empty(),
                        s.span()));
                continue;
            }
            out.add(new Stmt.If(Exprs.not(flag), Stmt.Block.of(list(rest, false), s.span()), Optional.empty(), s.span()));
            return out;
        }
        return out;
    }

    private Stmt rewrite(Stmt s, boolean inLoop) {
        boolean table = spec.tableMayTerminate(s);
        return switch (s) {
            case Stmt.If i -> new Stmt.If(i.condition(), branch(i.then(), inLoop, table),
                    i.otherwise().map(o -> branch(o, inLoop, table)), i.span());
            case Stmt.Block b -> new Stmt.Block(list(b.statements(), inLoop), b.annotations(), b.span());
            case Stmt.Switch sw -> new Stmt.Switch(sw.subject(), sw.cases().stream().map(c -> new Stmt.Case(c.label(),
                    c.body().map(b -> guardedCase(b, inLoop, table)), c.span())).toList(), sw.span());
            case Stmt.For f -> new Stmt.For(f.init(), f.condition(), f.update(), loopBody(f.body()), f.span());
            case Stmt.ForIn f -> new Stmt.ForIn(f.variable(), f.collection(), loopBody(f.body()), f.span());
            case Stmt.ForRange f -> new Stmt.ForRange(f.variable(), f.lo(), f.hi(), loopBody(f.body()), f.span());
            case Stmt.Assign a -> a;
            case Stmt.VarDecl v -> v;
            case Stmt.CallStmt c -> c;
            case Stmt.Exit e -> e;
            case Stmt.Return r -> r;
            case Stmt.Empty e -> e;
            case Stmt.Break b -> b;
            case Stmt.Continue c -> c;
        };
    }

    private Stmt branch(Stmt b, boolean inLoop, boolean guarded) {
        List<Stmt> inner = list(b instanceof Stmt.Block blk && blk.annotations().isEmpty() ? blk.statements()
                : List.of(b), inLoop);
        return Stmt.Block.of(guarded ? List.of(guard(inner, b.span())) : inner, b.span());
    }

    private Stmt.Block guardedCase(Stmt.Block b, boolean inLoop, boolean guarded) {
        List<Stmt> inner = list(b.statements(), inLoop);
        return guarded ? new Stmt.Block(List.of(guard(inner, b.span())), b.annotations(), b.span())
                : new Stmt.Block(inner, b.annotations(), b.span());
    }

    private Stmt guard(List<Stmt> inner, Span at) {
        return new Stmt.If(Exprs.not(flag), Stmt.Block.of(inner, at), Optional.empty(), at);
    }

    private Stmt loopBody(Stmt body) {
        List<Stmt> inner = list(body instanceof Stmt.Block b && b.annotations().isEmpty() ? b.statements()
                : List.of(body), true);
        return Stmt.Block.of(inner, body.span());
    }

    private Stmt setFlag(Span at) {
        return new Stmt.Assign(flag, Exprs.bool(true), at);
    }

    private static Stmt blockOf(List<Stmt> ss, Stmt original) {
        boolean keep = ss.size() == 1 && (!(original instanceof Stmt.Block) || ss.getFirst() instanceof Stmt.Block);
        return keep ? ss.getFirst() : Stmt.Block.of(ss, original.span());
    }
}
