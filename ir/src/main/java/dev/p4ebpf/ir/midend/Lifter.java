package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.FreshNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes the side effects out of expressions, in the order the spec evaluates them: each call that
 * an expression contains becomes a statement before it that saves the result in a temporary, and
 * whatever the expression read before the call is saved first, so the call cannot change it.
 * {@code &&}, {@code ||} and {@code ?:} keep their laziness through {@code if} statements. A call's
 * arguments are evaluated left to right into temporaries when any of them has an effect, and
 * {@code out}/{@code inout} results copied back afterwards (the spec's calling convention, step by step).
 *
 * <p>One lifter serves one statement: {@link #before} holds what must run first.
 */
final class Lifter {
    private final FreshNames names;
    private final Expr.Frame frame;
    final List<Stmt> before = new ArrayList<>();
    /** The temporaries this lifter made: nothing else can write them, so they need no copy of their own. */
    private final Set<String> temps = new HashSet<>();

    Lifter(FreshNames names, Expr.Frame frame) {
        this.names = names;
        this.frame = frame;
    }

    /** A call with its arguments evaluated, and the copies back of its {@code out}/{@code inout} temporaries. */
    record LiftedCall(Call call, List<Stmt> after) {}

    /** {@code e} without side effects, what it needed put in {@link #before}. */
    Expr pure(Expr e) {
        if (!Exprs.hasEffects(e)) {
            return e;
        }
        if (e instanceof Call c) {
            return save(call(c));
        }
        if (e instanceof Expr.Member m && m.base() instanceof Call.TableApply) {
            return temp(m);
        }
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinOp.LAND || b.op() == Expr.BinOp.LOR)
                && Exprs.hasEffects(b.right())) {
            return shortCircuit(b);
        }
        if (e instanceof Expr.Mux m && (Exprs.hasEffects(m.ifTrue()) || Exprs.hasEffects(m.ifFalse()))) {
            return mux(m);
        }
        return Exprs.withChildren(e, inOrder(Exprs.children(e)));
    }

    /** Evaluates the operands of a node left to right: one read before an operand with effects is saved. */
    List<Expr> inOrder(List<Expr> operands) {
        int lastEffect = -1;
        for (int i = 0; i < operands.size(); i++) {
            if (Exprs.hasEffects(operands.get(i))) {
                lastEffect = i;
            }
        }
        var out = new ArrayList<Expr>();
        for (int i = 0; i < operands.size(); i++) {
            Expr p = pure(operands.get(i));
            boolean save = i < lastEffect && !Exprs.isLiteral(p) && !(p.type() instanceof Type.Extern)
                    && laterMayChange(operands.subList(i + 1, lastEffect + 1), p);
            out.add(save ? temp(p) : p);
        }
        return out;
    }

    /**
     * Whether evaluating {@code later} may change what {@code read} reads: a call may write its
     * {@code out}/{@code inout} arguments, and a table application may run actions that write any
     * variable of the control.
     */
    private static boolean laterMayChange(List<Expr> later, Expr read) {
        var written = new ArrayList<Expr>();
        for (Expr e : later) {
            if (Writes.inExpr(e, written)) {
                return true;
            }
        }
        return Writes.affects(written, read);
    }

    /** Saves {@code e} in a new temporary and returns the temporary. */
    Expr.Var temp(Expr e) {
        String name = names.fresh("tmp");
        temps.add(name);
        before.add(new Stmt.VarDecl(name, e.type(), Optional.of(e), List.of(), e.span()));
        return new Expr.Var(name, e.type(), frame, e.span());
    }

    private Expr save(LiftedCall c) {
        if (c.call().type() instanceof Type.Void) {
            throw new IllegalStateException("a void call inside an expression: " + c.call());
        }
        Expr.Var t = temp(c.call());
        before.addAll(c.after());
        return t;
    }

    private Expr shortCircuit(Expr.Binary b) {
        Expr.Var t = temp(pure(b.left()));
        var right = new Lifter(names, frame);
        Expr r = right.pure(b.right());
        right.before.add(new Stmt.Assign(t, r, b.span()));
        Expr cond = b.op() == Expr.BinOp.LAND ? t : Exprs.not(t);
        before.add(new Stmt.If(cond, Stmt.Block.of(right.before, b.span()), Optional.empty(), b.span()));
        return t;
    }

    private Expr mux(Expr.Mux m) {
        Expr c = pure(m.condition());
        String name = names.fresh("tmp");
        var t = new Expr.Var(name, m.type(), frame, m.span());
        before.add(new Stmt.VarDecl(name, m.type(), Optional.empty(), List.of(), m.span()));
        before.add(new Stmt.If(c, branch(t, m.ifTrue()), Optional.of(branch(t, m.ifFalse())), m.span()));
        return t;
    }

    private Stmt branch(Expr.Var t, Expr value) {
        var l = new Lifter(names, frame);
        Expr v = l.pure(value);
        l.before.add(new Stmt.Assign(t, v, value.span()));
        return Stmt.Block.of(l.before, value.span());
    }

    /**
     * The call with its arguments evaluated. When no argument has an effect they stay as they are;
     * otherwise each goes through a temporary, in order, and the copies back come in {@code after}.
     */
    LiftedCall call(Call c) {
        Call withTarget = c;
        if (c instanceof Call.MethodCall m && Exprs.hasEffects(m.target())) {
            withTarget = new Call.MethodCall(pure(m.target()), m.method(), m.typeArgs(), m.args(), m.type(), m.span());
        } else if (c instanceof Call.BuiltinCall b && Exprs.hasEffects(b.target())) {
            Expr target = b.builtin() == Call.Builtin.IS_VALID ? pure(b.target()) : lvalue(b.target());
            withTarget = new Call.BuiltinCall(target, b.builtin(), b.args(), b.type(), b.span());
        }
        if (withTarget.args().stream().noneMatch(a -> a.value().isPresent() && Exprs.hasEffects(a.value().get()))) {
            return new LiftedCall(withTarget, List.of());
        }
        var args = new ArrayList<Arg>();
        var after = new ArrayList<Stmt>();
        for (Arg a : withTarget.args()) {
            args.add(argument(a, after));
        }
        return new LiftedCall(Calls.withArgs(withTarget, args), after);
    }

    private Arg argument(Arg a, List<Stmt> after) {
        if (a.value().isEmpty() || a.value().get() instanceof Expr.DontCareArg) {
            return a;
        }
        Expr v = a.value().get();
        Direction d = a.param().direction();
        if (d == Direction.NONE || v.type() instanceof Type.Extern) {
            return Arg.of(a.param(), pure(v));
        }
        if (!d.copiesOut()) {
            Expr p = pure(v);
            boolean own = p instanceof Expr.Var x && temps.contains(x.name());
            return Arg.of(a.param(), Exprs.isLiteral(p) || own ? p : temp(p));
        }
        Expr lv = lvalue(v);
        String name = names.fresh("tmp");
        before.add(new Stmt.VarDecl(name, v.type(), d.copiesIn() ? Optional.of(lv) : Optional.empty(), List.of(),
                v.span()));
        var t = new Expr.Var(name, v.type(), frame, v.span());
        after.add(new Stmt.Assign(lv, t, v.span()));
        return Arg.of(a.param(), t);
    }

    /** An l-value whose run-time indices are evaluated now and saved, so later effects cannot move it. */
    Expr lvalue(Expr e) {
        if (e instanceof Expr.Member m) {
            return new Expr.Member(lvalue(m.base()), m.field(), m.type(), m.span());
        }
        if (e instanceof Expr.StackElement s) {
            Expr base = lvalue(s.stack());
            Expr i = pure(s.index());
            return new Expr.StackElement(base, Exprs.isLiteral(i) ? i : temp(i), s.type(), s.span());
        }
        if (e instanceof Expr.Slice s) {
            return new Expr.Slice(lvalue(s.operand()), s.hi(), s.lo(), s.type(), s.span());
        }
        if (e instanceof Expr.DynSlice s) {
            Expr base = lvalue(s.operand());
            Expr lo = pure(s.lo());
            return new Expr.DynSlice(base, Exprs.isLiteral(lo) ? lo : temp(lo), s.width(), s.type(), s.span());
        }
        return e;
    }

    /** Whether an l-value has indices that are computed at run time. */
    static boolean hasRuntimeIndex(Expr e) {
        if (e instanceof Expr.StackElement s) {
            return !(s.index() instanceof Expr.IntLit) || hasRuntimeIndex(s.stack());
        }
        if (e instanceof Expr.DynSlice s) {
            return !(s.lo() instanceof Expr.IntLit) || hasRuntimeIndex(s.operand());
        }
        return Exprs.lvalueBase(e).map(Lifter::hasRuntimeIndex).orElse(false);
    }
}
