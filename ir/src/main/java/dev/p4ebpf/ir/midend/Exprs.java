package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Facts about expressions that the midend's passes share. */
final class Exprs {
    private Exprs() {}

    /** The direct sub-expressions, in evaluation order. */
    static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> List.of();
            case Expr.BoolLit b -> List.of();
            case Expr.StrLit s -> List.of();
            case Expr.ErrorLit er -> List.of();
            case Expr.EnumLit en -> List.of();
            case Expr.MatchKindLit m -> List.of();
            case Expr.InvalidHeader h -> List.of();
            case Expr.DontCareArg d -> List.of();
            case Expr.Var v -> List.of();
            case Expr.InstanceRef r -> List.of();
            case Expr.This t -> List.of();
            case Expr.Unary u -> List.of(u.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Mux m -> List.of(m.condition(), m.ifTrue(), m.ifFalse());
            case Expr.Cast c -> List.of(c.operand());
            case Expr.Slice s -> List.of(s.operand());
            case Expr.DynSlice s -> List.of(s.operand(), s.lo());
            case Expr.Member m -> List.of(m.base());
            case Expr.StackElement s -> List.of(s.stack(), s.index());
            case Expr.StackProperty s -> List.of(s.stack());
            case Expr.TupleElement t -> List.of(t.tuple());
            case Expr.StructValue s -> s.fields();
            case Expr.TupleValue t -> t.elements();
            case Call c -> callChildren(c);
        };
    }

    /** {@code e} with its direct sub-expressions replaced by {@code cs} (as {@link #children} lists them). */
    static Expr withChildren(Expr e, List<Expr> cs) {
        return switch (e) {
            case Expr.IntLit i -> i;
            case Expr.BoolLit b -> b;
            case Expr.StrLit s -> s;
            case Expr.ErrorLit er -> er;
            case Expr.EnumLit en -> en;
            case Expr.MatchKindLit m -> m;
            case Expr.InvalidHeader h -> h;
            case Expr.DontCareArg d -> d;
            case Expr.Var v -> v;
            case Expr.InstanceRef r -> r;
            case Expr.This t -> t;
            case Expr.Unary u -> new Expr.Unary(u.op(), cs.get(0), u.type(), u.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), cs.get(0), cs.get(1), b.type(), b.span());
            case Expr.Mux m -> new Expr.Mux(cs.get(0), cs.get(1), cs.get(2), m.type(), m.span());
            case Expr.Cast c -> new Expr.Cast(c.type(), cs.get(0), c.span());
            case Expr.Slice s -> new Expr.Slice(cs.get(0), s.hi(), s.lo(), s.type(), s.span());
            case Expr.DynSlice s -> new Expr.DynSlice(cs.get(0), cs.get(1), s.width(), s.type(), s.span());
            case Expr.Member m -> new Expr.Member(cs.get(0), m.field(), m.type(), m.span());
            case Expr.StackElement s -> new Expr.StackElement(cs.get(0), cs.get(1), s.type(), s.span());
            case Expr.StackProperty s -> new Expr.StackProperty(cs.get(0), s.property(), s.type(), s.span());
            case Expr.TupleElement t -> new Expr.TupleElement(cs.get(0), t.index(), t.type(), t.span());
            case Expr.StructValue s -> new Expr.StructValue(s.type(), cs, s.span());
            case Expr.TupleValue t -> new Expr.TupleValue(t.type(), cs, t.span());
            case Call c -> Calls.withChildren(c, cs);
        };
    }

    private static List<Expr> callChildren(Call c) {
        var out = new ArrayList<Expr>();
        switch (c) {
            case Call.MethodCall m -> out.add(m.target());
            case Call.BuiltinCall b -> out.add(b.target());
            case Call.ApplyCall a -> out.add(a.instance());
            case Call.ActionCall a -> { }
            case Call.FunctionCall f -> { }
            case Call.ExternFunctionCall f -> { }
            case Call.TableApply t -> { }
            case Call.ConstructorCall k -> { }
        }
        for (Arg a : c.args()) {
            a.value().ifPresent(out::add);
        }
        return out;
    }

    /** Whether evaluating {@code e} may do more than read: it calls something other than {@code isValid()}. */
    static boolean hasEffects(Expr e) {
        if (e instanceof Call c && !(c instanceof Call.BuiltinCall b && b.builtin() == Call.Builtin.IS_VALID)) {
            return true;
        }
        for (Expr child : children(e)) {
            if (hasEffects(child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} mentions a call anywhere (including {@code isValid()}). */
    static boolean hasCalls(Expr e) {
        if (e instanceof Call) {
            return true;
        }
        for (Expr child : children(e)) {
            if (hasCalls(child)) {
                return true;
            }
        }
        return false;
    }

    /** A compile-time literal: an integer, boolean, string, error, enum or match-kind constant. */
    static boolean isLiteral(Expr e) {
        return e instanceof Expr.IntLit || e instanceof Expr.BoolLit || e instanceof Expr.StrLit
                || e instanceof Expr.ErrorLit || e instanceof Expr.EnumLit || e instanceof Expr.MatchKindLit;
    }

    /**
     * A fixed storage location: a variable, or fields, constant-index stack elements and constant
     * slices of one. Reading it has no effect and it names the same place wherever it is evaluated.
     */
    static boolean isPath(Expr e) {
        if (e instanceof Expr.Var) {
            return true;
        }
        if (e instanceof Expr.Member m) {
            return !(m.base().type() instanceof Type.TableResult) && isPath(m.base());
        }
        if (e instanceof Expr.StackElement s) {
            return s.index() instanceof Expr.IntLit && isPath(s.stack());
        }
        return e instanceof Expr.Slice s && isPath(s.operand());
    }

    /** The variable at the root of an l-value ({@code h} of {@code h.ip[2].ttl}), if any. */
    static Optional<Expr.Var> root(Expr e) {
        if (e instanceof Expr.Var v) {
            return Optional.of(v);
        }
        Optional<Expr> base = lvalueBase(e);
        return base.isPresent() ? root(base.get()) : Optional.empty();
    }

    /** The l-value one step up: the base of a member, the stack of an element, the operand of a slice. */
    static Optional<Expr> lvalueBase(Expr e) {
        if (e instanceof Expr.Member m) {
            return Optional.of(m.base());
        }
        if (e instanceof Expr.StackElement s) {
            return Optional.of(s.stack());
        }
        if (e instanceof Expr.StackProperty s) {
            return Optional.of(s.stack());
        }
        if (e instanceof Expr.Slice s) {
            return Optional.of(s.operand());
        }
        if (e instanceof Expr.DynSlice s) {
            return Optional.of(s.operand());
        }
        return Optional.empty();
    }

    /** A table application result's member ({@code t.apply().hit}, {@code .miss}, {@code .action_run}). */
    static Optional<Call.TableApply> appliedTable(Expr e) {
        if (e instanceof Expr.Member m && m.base() instanceof Call.TableApply t) {
            return Optional.of(t);
        }
        return Optional.empty();
    }

    static Expr.BoolLit bool(boolean v) {
        return new Expr.BoolLit(v, dev.p4ebpf.ir.diag.Span.NONE);
    }

    static Expr not(Expr e) {
        return new Expr.Unary(Expr.UnOp.NOT, e, Type.BOOL, e.span());
    }
}
