package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.IntValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.StringValue;
import dev.p4ebpf.ir.interp.value.StructValue;
import dev.p4ebpf.ir.interp.value.TableResultValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.math.BigInteger;
import java.util.List;

/**
 * Evaluates expressions to values, left to right as P4 asks. The result of a variable or member
 * reference is the stored value itself, not a copy: callers that keep it (assignments, copy-in)
 * copy it.
 */
final class Evaluator {
    private final Machine machine;

    Evaluator(Machine machine) {
        this.machine = machine;
    }

    Value eval(Expr e, Env env) {
        return switch (e) {
            case Expr.IntLit i -> intLiteral(i.value(), env.resolve(i.type()));
            case Expr.BoolLit b -> BoolValue.of(b.value());
            case Expr.StrLit s -> new StringValue(s.value());
            case Expr.ErrorLit er -> new ErrorValue(er.member());
            case Expr.EnumLit en -> enumLiteral(en, env.resolve(en.type()));
            case Expr.MatchKindLit mk -> new EnumValue("match_kind", mk.member());
            case Expr.InvalidHeader ih -> Values.initial(env.resolve(ih.type()));
            case Expr.DontCareArg d -> Values.initial(env.resolve(d.type()));
            case Expr.Var v -> variable(v, env);
            case Expr.InstanceRef r -> machine.instance(r, env);
            case Expr.This t -> throw new InterpreterException(t.span(),
                    "'this' (abstract method implementations) is not supported by the interpreter");
            case Expr.Unary u -> unary(u, env);
            case Expr.Binary b -> binary(b, env);
            case Expr.Mux x -> truth(eval(x.condition(), env)) ? eval(x.ifTrue(), env) : eval(x.ifFalse(), env);
            case Expr.Cast c -> Conversions.cast(eval(c.operand(), env), env.resolve(c.type()));
            case Expr.Slice s -> BitsArith.slice(bits(eval(s.operand(), env)), s.hi(), s.lo());
            case Expr.DynSlice d -> dynSlice(d, env);
            case Expr.Member m -> member(eval(m.base(), env), m);
            case Expr.StackElement se -> stackElement(se, env);
            case Expr.StackProperty sp -> stackProperty(sp, env);
            case Expr.TupleElement te -> ((TupleValue) eval(te.tuple(), env)).get(te.index());
            case Expr.StructValue sv -> structValue(sv, env);
            case Expr.TupleValue tv -> new TupleValue(copies(tv.elements(), env));
            case Call c -> machine.calls.call(c, env);
        };
    }

    boolean truth(Value v) {
        return ((BoolValue) v).value();
    }

    static BitsValue bits(Value v) {
        return (BitsValue) v;
    }

    private Value[] copies(List<Expr> es, Env env) {
        Value[] out = new Value[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = eval(es.get(i), env).copy();
        }
        return out;
    }

    static Value intLiteral(BigInteger v, Type type) {
        return switch (type) {
            case Type.Bits b -> BitsValue.of(b.width(), b.signed(), v);
            case Type.SerEnum s -> BitsValue.of(s.underlying().width(), s.underlying().signed(), v);
            case Type.NewType n -> intLiteral(v, n.underlying());
            default -> new IntValue(v);
        };
    }

    private static Value enumLiteral(Expr.EnumLit en, Type type) {
        return switch (type) {
            case Type.SerEnum s -> {
                var member = s.member(en.member()).orElseThrow(() -> new InterpreterException(en.span(),
                        "serializable enum " + s.name() + " has no member " + en.member()));
                yield BitsValue.of(s.underlying().width(), s.underlying().signed(), member.value());
            }
            case Type.Enum e -> new EnumValue(e.name(), en.member());
            case Type.NewType n -> enumLiteral(en, n.underlying());
            default -> new EnumValue(type.toString(), en.member());
        };
    }

    private static Value variable(Expr.Var v, Env env) {
        Value x = env.frame(v.frame()).get(v.name());
        if (x == null) {
            throw new InterpreterException(v.span(), "variable " + v.name() + " has no value here (interpreter bug "
                    + "or a declaration the interpreter does not know)");
        }
        return x;
    }

    private Value unary(Expr.Unary u, Env env) {
        Value a = eval(u.operand(), env);
        return switch (u.op()) {
            case NOT -> BoolValue.of(!truth(a));
            case NEG -> a instanceof IntValue i ? new IntValue(i.value().negate()) : BitsArith.neg(bits(a));
            case COMPLEMENT -> a instanceof IntValue i ? new IntValue(i.value().not()) : BitsArith.complement(bits(a));
        };
    }

    private Value binary(Expr.Binary b, Env env) {
        switch (b.op()) {
            case LAND -> {
                return BoolValue.of(truth(eval(b.left(), env)) && truth(eval(b.right(), env)));
            }
            case LOR -> {
                return BoolValue.of(truth(eval(b.left(), env)) || truth(eval(b.right(), env)));
            }
            default -> {
                Value l = eval(b.left(), env);
                Value r = eval(b.right(), env);
                return Operators.apply(b.op(), l, r);
            }
        }
    }

    private Value dynSlice(Expr.DynSlice d, Env env) {
        BitsValue base = bits(eval(d.operand(), env));
        long lo = Conversions.count(eval(d.lo(), env));
        if (lo < 0 || lo + d.width() > base.width()) {
            return BitsValue.zero(d.width(), false);
        }
        return BitsArith.slice(base, (int) lo + d.width() - 1, (int) lo);
    }

    static Value member(Value base, Expr.Member m) {
        return switch (base) {
            case FieldedValue f -> {
                int i = f.type().fieldIndex(m.field());
                if (i < 0) {
                    throw new InterpreterException(m.span(), f.type().name() + " has no field " + m.field());
                }
                yield f.get(i);
            }
            case UnionValue u -> u.member(u.type().fieldIndex(m.field()));
            case TableResultValue r -> switch (m.field()) {
                case "hit" -> BoolValue.of(r.hit());
                case "miss" -> BoolValue.of(!r.hit());
                case "action_run" -> new EnumValue("action_run", r.actionRun());
                default -> throw new InterpreterException(m.span(), "a table result has no member " + m.field());
            };
            case StackValue s when m.field().equals("size") -> BitsValue.of(32, false, s.size());
            default -> throw new InterpreterException(m.span(), "member " + m.field() + " of " + base);
        };
    }

    private Value stackElement(Expr.StackElement se, Env env) {
        StackValue s = (StackValue) eval(se.stack(), env);
        long i = Conversions.count(eval(se.index(), env));
        if (i < 0 || i >= s.size()) {
            return Values.initial(env.resolve(s.type().element()));
        }
        return s.element((int) i);
    }

    private Value stackProperty(Expr.StackProperty sp, Env env) {
        StackValue s = (StackValue) eval(sp.stack(), env);
        return switch (sp.property()) {
            case NEXT -> {
                if (s.nextIndex() >= s.size()) {
                    yield outOfBounds(s, env);
                }
                yield s.element(s.nextIndex());
            }
            case LAST -> {
                if (s.nextIndex() == 0) {
                    yield outOfBounds(s, env);
                }
                yield s.element(s.nextIndex() - 1);
            }
            case LAST_INDEX -> BitsValue.of(32, false, s.nextIndex() - 1L);
        };
    }

    /**
     * {@code next} or {@code last} outside the stack: {@code StackOutOfBounds} in a parser; in a
     * control, where P4 leaves it undefined, an invalid element.
     */
    private static Value outOfBounds(StackValue s, Env env) {
        if (env.block != null && env.block.isParser()) {
            throw new ParserError(ErrorValue.STACK_OUT_OF_BOUNDS);
        }
        return Values.initial(env.resolve(s.type().element()));
    }

    private Value structValue(Expr.StructValue sv, Env env) {
        Value[] fields = copies(sv.fields(), env);
        return switch (env.resolve(sv.type())) {
            case Type.Header h -> new HeaderValue(h, castFields(fields, h.fields()), true);
            case Type.Struct s -> new StructValue(s, castFields(fields, s.fields()));
            case Type.HeaderUnion u -> {
                UnionValue union = (UnionValue) Values.initial(u);
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i] instanceof HeaderValue h && h.isValid()) {
                        union.setMember(i, h);
                    }
                }
                yield union;
            }
            default -> new TupleValue(fields);
        };
    }

    private static Value[] castFields(Value[] values, List<Type.Field> fields) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Conversions.cast(values[i], fields.get(i).type());
        }
        return values;
    }
}
