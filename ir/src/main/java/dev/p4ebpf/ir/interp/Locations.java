package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * Resolves l-value expressions to {@link Location}s. Index expressions inside them are evaluated
 * here, once, as P4 asks for {@code out} and {@code inout} arguments.
 */
final class Locations {
    private final Machine machine;

    Locations(Machine machine) {
        this.machine = machine;
    }

    Location of(Expr e, Env env) {
        return switch (e) {
            case Expr.Var v -> new Location.Variable(env.frame(v.frame()), v.name());
            case Expr.Member m -> member(m, env);
            case Expr.StackElement se -> stackElement(se, env);
            case Expr.StackProperty sp -> stackProperty(sp, env);
            case Expr.Slice s -> new Location.Slice(of(s.operand(), env), s.hi(), s.lo());
            case Expr.DynSlice d -> dynSlice(d, env);
            case Expr.DontCareArg d -> new Location.Discard(Values.initial(env.resolve(d.type())));
            case Expr.Cast c -> of(c.operand(), env);
            default -> throw new InterpreterException(e.span(), "not an l-value: " + e.getClass().getSimpleName());
        };
    }

    private Location member(Expr.Member m, Env env) {
        if (m.base() instanceof Expr.StackProperty sp && sp.property() == Expr.StackProp.NEXT) {
            Location next = stackProperty(sp, env);
            if (next.read() instanceof UnionValue u) {
                return new Location.NextUnionMember((StackValue) machine.eval.eval(sp.stack(), env),
                        u.type().fieldIndex(m.field()));
            }
        }
        Value base = machine.eval.eval(m.base(), env);
        return switch (base) {
            case FieldedValue f -> new Location.Field(f, f.type().fieldIndex(m.field()));
            case UnionValue u -> new Location.UnionMember(u, u.type().fieldIndex(m.field()));
            default -> throw new InterpreterException(m.span(), "cannot assign to member " + m.field() + " of " + base);
        };
    }

    private Location stackElement(Expr.StackElement se, Env env) {
        StackValue s = (StackValue) machine.eval.eval(se.stack(), env);
        long i = Conversions.count(machine.eval.eval(se.index(), env));
        if (i < 0 || i >= s.size()) {
            return new Location.Discard(Values.initial(env.resolve(s.type().element())));
        }
        return new Location.StackElement(s, (int) i);
    }

    private Location stackProperty(Expr.StackProperty sp, Env env) {
        StackValue s = (StackValue) machine.eval.eval(sp.stack(), env);
        return switch (sp.property()) {
            case NEXT -> {
                if (s.nextIndex() >= s.size()) {
                    throw new ParserError(ErrorValue.STACK_OUT_OF_BOUNDS);
                }
                yield new Location.StackNext(s);
            }
            case LAST -> {
                if (s.nextIndex() == 0) {
                    throw new ParserError(ErrorValue.STACK_OUT_OF_BOUNDS);
                }
                yield new Location.StackElement(s, s.nextIndex() - 1);
            }
            case LAST_INDEX -> throw new InterpreterException(sp.span(), "lastIndex is not an l-value");
        };
    }

    private Location dynSlice(Expr.DynSlice d, Env env) {
        Location base = of(d.operand(), env);
        long lo = Conversions.count(machine.eval.eval(d.lo(), env));
        int width = ((BitsValue) base.read()).width();
        if (lo < 0 || lo + d.width() > width) {
            return new Location.Discard(BitsValue.zero(d.width(), false));
        }
        return new Location.Slice(base, (int) lo + d.width() - 1, (int) lo);
    }
}
