package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.Statement;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;

/**
 * Switch statements: on {@code t.apply().action_run}, with action names as labels, or on a value of
 * an integer, enum or error type, with constants as labels.
 */
final class Switches {
    private final Checker ck;

    Switches(Checker ck) {
        this.ck = ck;
    }

    Stmt check(Statement.Switch sw, Ctx ctx) {
        if (ctx.body() == Ctx.Body.PARSER_STATE) {
            ck.diags.report(Code.STATEMENT_NOT_ALLOWED, sw.span(), "'switch'", "parsers choose with select");
        }
        Expr subject = ck.exprs.check(sw.subject(), ctx);
        Type t = subject.type();
        boolean onActions = t instanceof Type.ActionEnum;
        if (!onActions && !switchable(t)) {
            if (t instanceof Type.InfInt) {
                ck.diags.report(Code.NEEDS_WIDTH, sw.subject().span(), ExprText.of(subject));
            } else if (!(t instanceof Type.DontCare)) {
                ck.diags.report(Code.TYPE_MISMATCH, sw.subject().span(), "the switch subject",
                        "an integer, enum or error value, or a table's action_run", ExprText.type(t));
            }
            t = Type.DONT_CARE;
        }
        var cases = new ArrayList<Stmt.Case>();
        var seen = new HashSet<Object>();
        boolean sawDefault = false;
        for (Statement.SwitchCase c : sw.cases()) {
            if (sawDefault) {
                ck.diags.report(Code.SWITCH_LABEL, c.labelSpan(), "the default label must be the last one");
            }
            Stmt.Label label;
            if (c.label().isEmpty()) {
                sawDefault = true;
                label = new Stmt.DefaultLabel(c.labelSpan());
            } else if (onActions) {
                label = actionLabel(c.label().get(), (Type.ActionEnum) t, seen);
            } else {
                label = valueLabel(c.label().get(), t, seen, ctx);
            }
            Optional<Stmt.Block> body = c.body().map(b -> ck.stmts.block(b, ctx));
            cases.add(new Stmt.Case(label, body, c.span()));
        }
        return new Stmt.Switch(subject, cases, sw.span());
    }

    private static boolean switchable(Type t) {
        return t instanceof Type.Bits || t instanceof Type.SerEnum || t instanceof Type.Enum || t instanceof Type.Error;
    }

    private Stmt.Label actionLabel(Expression e, Type.ActionEnum actions, HashSet<Object> seen) {
        if (!(e instanceof Expression.Name n)) {
            ck.diags.report(Code.SWITCH_LABEL, e.span(), "a label of a switch on action_run must be an action name");
            return new Stmt.DefaultLabel(e.span());
        }
        if (!actions.actions().contains(n.name())) {
            ck.diags.report(Code.SWITCH_LABEL, e.span(), "action " + n.name() + " is not an action of table "
                    + actions.table());
        } else if (!seen.add(n.name())) {
            ck.diags.report(Code.SWITCH_LABEL, e.span(), "action " + n.name() + " is already a label of this switch");
        }
        return new Stmt.ActionLabel(n.name(), e.span());
    }

    private Stmt.Label valueLabel(Expression e, Type t, HashSet<Object> seen, Ctx ctx) {
        Expr v = ck.exprs.checkAs(e, t, ctx, "the switch label");
        if (!Constants.isCompileTime(v, ctx) && !(v.type() instanceof Type.DontCare)) {
            ck.diags.report(Code.NOT_CONSTANT, e.span(), "a switch label");
        } else if (!seen.add(LabelKey.of(v))) {
            ck.diags.report(Code.SWITCH_LABEL, e.span(), ExprText.of(v) + " is already a label of this switch");
        }
        return new Stmt.ValueLabel(v, e.span());
    }

    /** Labels compared by value, ignoring where they were written. */
    private record LabelKey(String printed) {
        static LabelKey of(Expr v) {
            return new LabelKey(dev.p4ebpf.ir.print.ExprPrinter.expr(v));
        }
    }
}
