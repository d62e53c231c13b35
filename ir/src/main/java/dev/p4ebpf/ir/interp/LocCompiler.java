package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
import dev.p4ebpf.ir.interp.Nodes.LocNode;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * Compiles l-value expressions to nodes that resolve {@link Location}s. Index expressions inside
 * them are evaluated when the location is resolved, once, as P4 asks for {@code out} and
 * {@code inout} arguments.
 */
final class LocCompiler {
    private final Machine machine;

    LocCompiler(Machine machine) {
        this.machine = machine;
    }

    private ExprNode expr(Expr e, Scope s) {
        return machine.compiler.exprs.compile(e, s);
    }

    LocNode compile(Expr e, Scope s) {
        return switch (e) {
            case Expr.Var v -> variable(v, s);
            case Expr.Member m -> member(m, s);
            case Expr.StackElement se -> stackElement(se, s);
            case Expr.StackProperty sp -> stackProperty(sp, s);
            case Expr.Slice sl -> {
                LocNode base = compile(sl.operand(), s);
                int hi = sl.hi();
                int lo = sl.lo();
                yield f -> new Location.Slice(base.locate(f), hi, lo);
            }
            case Expr.DynSlice d -> dynSlice(d, s);
            case Expr.DontCareArg d -> {
                Value proto = Values.initial(s.resolve(d.type()));
                yield f -> new Location.Discard(proto.copy());
            }
            case Expr.Cast c -> compile(c.operand(), s);
            default -> throw new InterpreterException(e.span(), "not an l-value: " + e.getClass().getSimpleName());
        };
    }

    private static LocNode variable(Expr.Var v, Scope s) {
        int slot = s.slot(v);
        if (slot < 0) {
            throw new InterpreterException(v.span(), "variable " + v.name() + " has no storage here");
        }
        return s.inCallable(v) ? f -> new Location.Slot(f.call, slot) : f -> new Location.Slot(f.locals, slot);
    }

    private LocNode member(Expr.Member m, Scope s) {
        if (m.base() instanceof Expr.StackProperty sp && sp.property() == Expr.StackProp.NEXT
                && elementType(sp.stack(), s) instanceof Type.HeaderUnion u) {
            ExprNode stack = expr(sp.stack(), s);
            int i = u.fieldIndex(m.field());
            return f -> {
                StackValue st = (StackValue) stack.eval(f);
                if (st.nextIndex() >= st.size()) {
                    throw new ParserError(ErrorValue.STACK_OUT_OF_BOUNDS);
                }
                return new Location.NextUnionMember(st, i);
            };
        }
        ExprNode base = expr(m.base(), s);
        Type bt = Types.representation(s.resolve(m.base().type()));
        if (bt instanceof Type.HeaderUnion u) {
            int i = u.fieldIndex(m.field());
            return f -> new Location.UnionMember((UnionValue) base.eval(f), i);
        }
        if (bt instanceof Type.Struct || bt instanceof Type.Header) {
            int i = ((Type.Fielded) bt).fieldIndex(m.field());
            return f -> new Location.Field((FieldedValue) base.eval(f), i);
        }
        return f -> switch (base.eval(f)) {
            case FieldedValue fv -> new Location.Field(fv, fv.type().fieldIndex(m.field()));
            case UnionValue u -> new Location.UnionMember(u, u.type().fieldIndex(m.field()));
            case Value v -> throw new InterpreterException(m.span(), "cannot assign to member " + m.field() + " of " + v);
        };
    }

    private Type elementType(Expr stack, Scope s) {
        return s.resolve(stack.type()) instanceof Type.Stack st ? s.resolve(st.element()) : Type.BOOL;
    }

    private LocNode stackElement(Expr.StackElement se, Scope s) {
        ExprNode stack = expr(se.stack(), s);
        ExprNode index = expr(se.index(), s);
        Value outside = Values.initial(elementType(se.stack(), s));
        return f -> {
            StackValue st = (StackValue) stack.eval(f);
            long i = Values.count(index.eval(f));
            if (i < 0 || i >= st.size()) {
                return new Location.Discard(outside.copy());
            }
            return new Location.StackElement(st, (int) i);
        };
    }

    private LocNode stackProperty(Expr.StackProperty sp, Scope s) {
        ExprNode stack = expr(sp.stack(), s);
        return switch (sp.property()) {
            case NEXT -> f -> {
                StackValue st = (StackValue) stack.eval(f);
                if (st.nextIndex() >= st.size()) {
                    throw new ParserError(ErrorValue.STACK_OUT_OF_BOUNDS);
                }
                return new Location.StackNext(st);
            };
            case LAST -> f -> {
                StackValue st = (StackValue) stack.eval(f);
                if (st.nextIndex() == 0) {
                    throw new ParserError(ErrorValue.STACK_OUT_OF_BOUNDS);
                }
                return new Location.StackElement(st, st.nextIndex() - 1);
            };
            case LAST_INDEX -> throw new InterpreterException(sp.span(), "lastIndex is not an l-value");
        };
    }

    private LocNode dynSlice(Expr.DynSlice d, Scope s) {
        LocNode base = compile(d.operand(), s);
        ExprNode lo = expr(d.lo(), s);
        int width = d.width();
        return f -> {
            Location b = base.locate(f);
            long l = Values.count(lo.eval(f));
            int w = ((BitsValue) b.read()).width();
            if (l < 0 || l + width > w) {
                return new Location.Discard(BitsValue.zero(width, false));
            }
            return new Location.Slice(b, (int) l + width - 1, (int) l);
        };
    }
}
