package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.Statement;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks statements and produces their IR. */
final class StmtChecker {
    private final Checker ck;

    StmtChecker(Checker ck) {
        this.ck = ck;
    }

    /** A block: its statements in a scope of their own. */
    Stmt.Block block(Statement.Block b, Ctx ctx) {
        return new Stmt.Block(statements(b.statements(), ctx.nested()), b.annotations(), b.span());
    }

    /** Statements in the scope of {@code ctx} (declarations among them are visible to the ones after). */
    List<Stmt> statements(List<Statement> statements, Ctx ctx) {
        var out = new ArrayList<Stmt>();
        for (Statement s : statements) {
            out.add(statement(s, ctx));
        }
        return out;
    }

    Stmt statement(Statement s, Ctx ctx) {
        return switch (s) {
            case Statement.Assign a -> assign(a, ctx);
            case Statement.ExprStatement e -> expressionStatement(e, ctx);
            case Statement.Local l -> local(l.declaration(), ctx);
            case Statement.If i -> new Stmt.If(ck.exprs.condition(i.condition(), ctx), branch(i.then(), ctx),
                    i.otherwise().map(o -> o instanceof Statement.If ? statement(o, ctx.nested()) : branch(o, ctx)), i.span());
            case Statement.Block b -> block(b, ctx);
            case Statement.Return r -> ret(r, ctx);
            case Statement.Exit e -> {
                if (ctx.body() != Ctx.Body.ACTION && ctx.body() != Ctx.Body.CONTROL_APPLY) {
                    notAllowed("'exit'", "it ends a control; use it in control apply blocks and actions", e.span());
                }
                yield new Stmt.Exit(e.span());
            }
            case Statement.Break b -> loopJump("'break'", new Stmt.Break(b.span()), ctx);
            case Statement.Continue c -> loopJump("'continue'", new Stmt.Continue(c.span()), ctx);
            case Statement.Empty e -> new Stmt.Empty(e.span());
            case Statement.Switch sw -> new Switches(ck).check(sw, ctx);
            case Statement.For f -> forLoop(f, ctx);
            case Statement.ForIn f -> forIn(f, ctx);
        };
    }

    /**
     * The branch of an if or the body of a loop: a statement in its own scope, always a block in the IR
     * (except an {@code else if}, which stays an if).
     */
    private Stmt branch(Statement s, Ctx ctx) {
        Stmt st = statement(s, ctx.nested());
        return st instanceof Stmt.Block ? st : Stmt.Block.of(List.of(st), st.span());
    }

    private Stmt assign(Statement.Assign a, Ctx ctx) {
        Expr target = ck.exprs.lvalue(a.target(), ctx, "the assignment target");
        Expr value;
        if (a.compound().isPresent()) {
            Expr rhs = ck.exprs.check(a.value(), ctx);
            Expr combined = new Operators(ck).binary(a.compound().get(), target, rhs, a.span(), a.span());
            value = ck.conv.coerce(combined, target.type(), a.value().span(), "the assigned value");
        } else {
            value = ck.exprs.checkAs(a.value(), target.type(), ctx, "the assigned value");
        }
        if (target.type() instanceof Type.Extern || target.type() instanceof Type.Block) {
            notAllowed("assignment of " + ExprText.type(target.type()), "objects cannot be copied", a.span());
        }
        return new Stmt.Assign(target, value, a.span());
    }

    private Stmt expressionStatement(Statement.ExprStatement e, Ctx ctx) {
        Expr v = ck.exprs.check(e.expression(), ctx);
        if (v instanceof Call c) {
            return new Stmt.CallStmt(c, e.span());
        }
        if (v instanceof Expr.BoolLit && e.expression() instanceof Expression.Call c
                && c.callee() instanceof Expression.Name n && n.name().equals("static_assert")) {
            return new Stmt.Empty(e.span());
        }
        if (!(v.type() instanceof Type.DontCare)) {
            notAllowed("an expression statement", "only calls can stand as statements", e.span());
        }
        return new Stmt.Empty(e.span());
    }

    private Stmt local(Declaration d, Ctx ctx) {
        return switch (d) {
            case Declaration.Variable v -> variable(v, ctx);
            case Declaration.Constant c -> {
                ck.decls.constant(c, ctx);
                yield new Stmt.Empty(c.span());
            }
            default -> {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, d.span(), d.name(),
                        "only variables and constants are declared among statements");
                yield new Stmt.Empty(d.span());
            }
        };
    }

    /** A local variable: declared in the current scope, with a name unique in its frame. */
    Stmt.VarDecl variable(Declaration.Variable v, Ctx ctx) {
        Type t = ck.types.resolve(v.type(), ctx);
        if (!ck.types.isValueType(t) || t instanceof Type.InfInt || t instanceof Type.Str) {
            ck.diags.report(Code.TYPE_NOT_ALLOWED, v.type().span(), "variable " + v.name(), ExprText.type(t),
                    t instanceof Type.InfInt || t instanceof Type.Str ? "run-time values need a fixed width"
                            : "variables hold values");
            t = Type.DONT_CARE;
        }
        final Type type = t;
        var shadowed = ctx.scope().lookupOne(v.name());
        if (shadowed.isPresent() && shadowed.get() instanceof Symbol.VarSym p && p.isParam()) {
            var d = dev.p4ebpf.ir.diag.Diagnostic.of(ctx.body().executable() ? Code.SHADOWS_PARAMETER : Code.SHADOWS,
                    v.nameSpan(), "variable " + v.name(), "parameter " + v.name())
                    .withNote(p.declared(), "the parameter is declared here");
            ck.diags.report(d);
        }
        Optional<Expr> init = v.init().map(e -> ck.exprs.checkAs(e, type, ctx, "the initial value of " + v.name()));
        var sym = ck.declareVar(ctx, v.name(), type, dev.p4ebpf.ir.Direction.NONE, false, false, v.nameSpan());
        return new Stmt.VarDecl(sym.irName(), type, init, v.annotations(), v.span());
    }

    private Stmt ret(Statement.Return r, Ctx ctx) {
        Optional<Expr> value = Optional.empty();
        switch (ctx.body()) {
            case FUNCTION, METHOD_IMPLEMENTATION -> {
                Type rt = ctx.returnType().orElse(Type.VOID);
                if (rt instanceof Type.Void) {
                    r.value().ifPresent(v -> notAllowed("a return value", "the function returns void", v.span()));
                } else if (r.value().isEmpty()) {
                    ck.diags.report(Code.TYPE_MISMATCH, r.span(), "the return value", ExprText.type(rt), "nothing");
                } else {
                    value = Optional.of(ck.exprs.checkAs(r.value().get(), rt, ctx, "the return value"));
                }
            }
            case ACTION, CONTROL_APPLY -> r.value().ifPresent(v -> notAllowed("a return value",
                    "actions and controls do not return values", v.span()));
            case PARSER_STATE, DECLARATIONS -> notAllowed("'return'", "parser states end with a transition", r.span());
        }
        return new Stmt.Return(value, r.span());
    }

    private Stmt loopJump(String what, Stmt s, Ctx ctx) {
        if (ctx.loops() == 0) {
            notAllowed(what, "it is not inside a loop", s.span());
        }
        return s;
    }

    private Stmt forLoop(Statement.For f, Ctx ctx) {
        Ctx loop = ctx.inLoop();
        List<Stmt> init = statements(f.init(), loop);
        Expr cond = ck.exprs.condition(f.condition(), loop);
        List<Stmt> update = statements(f.update(), loop);
        Stmt body = branch(f.body(), loop);
        return new Stmt.For(init, Optional.of(cond), update, body, f.span());
    }

    private Stmt forIn(Statement.ForIn f, Ctx ctx) {
        Ctx loop = ctx.inLoop();
        Type t = ck.types.resolve(f.variable().type(), loop);
        if (f.rangeEnd().isPresent()) {
            Expr lo = ck.exprs.checkAs(f.collection(), t, loop, "the start of the range");
            Expr hi = ck.exprs.checkAs(f.rangeEnd().get(), t, loop, "the end of the range");
            var variable = loopVariable(f, t, loop);
            return new Stmt.ForRange(variable, lo, hi, branch(f.body(), loop), f.span());
        }
        Expr collection = ck.exprs.check(f.collection(), loop);
        Type element = switch (collection.type()) {
            case Type.Stack s -> s.element();
            case Type.P4List l -> l.element();
            case Type.DontCare d -> t;
            default -> {
                ck.diags.report(Code.TYPE_MISMATCH, f.collection().span(), "the collection of a for loop",
                        "an array or a list", ExprText.type(collection.type()));
                yield t;
            }
        };
        if (!element.equals(t) && !(t instanceof Type.DontCare) && !(element instanceof Type.DontCare)) {
            ck.diags.report(Code.TYPE_MISMATCH, f.variable().span(), "the loop variable", ExprText.type(element),
                    ExprText.type(t));
        }
        var variable = loopVariable(f, t, loop);
        return new Stmt.ForIn(variable, collection, branch(f.body(), loop), f.span());
    }

    private Stmt.VarDecl loopVariable(Statement.ForIn f, Type t, Ctx loop) {
        var sym = ck.declareVar(loop, f.variable().name(), t, dev.p4ebpf.ir.Direction.NONE, false, false,
                f.variable().nameSpan());
        return new Stmt.VarDecl(sym.irName(), t, Optional.empty(), f.variable().annotations(), f.variable().span());
    }

    private void notAllowed(String what, String why, Span at) {
        ck.diags.report(Code.STATEMENT_NOT_ALLOWED, at, what, why);
    }

    /** Whether control can reach the end of {@code s} (for "missing return" checks). */
    static boolean completes(Stmt s) {
        return switch (s) {
            case Stmt.Return r -> false;
            case Stmt.Exit e -> false;
            case Stmt.Block b -> b.statements().stream().allMatch(StmtChecker::completes);
            case Stmt.If i -> i.otherwise().isEmpty() || completes(i.then()) || completes(i.otherwise().get());
            case Stmt.Switch sw -> sw.cases().stream().noneMatch(c -> c.label() instanceof Stmt.DefaultLabel)
                    || sw.cases().stream().anyMatch(c -> c.body().map(StmtChecker::completes).orElse(false));
            default -> true;
        };
    }

    static boolean isDontCare(Expression e) {
        return e instanceof Expression.DontCare;
    }
}
