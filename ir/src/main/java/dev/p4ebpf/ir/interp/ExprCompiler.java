package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
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
 * Compiles expressions. Evaluation is left to right, as P4 asks; a variable or member reference
 * evaluates to the stored value itself, and whoever keeps it (an assignment, copy-in) copies it.
 * Constants, including the initial values of {@code {#}} and {@code _}, are built once.
 */
final class ExprCompiler {
    private final Machine machine;

    ExprCompiler(Machine machine) {
        this.machine = machine;
    }

    ExprNode compile(Expr e, Scope s) {
        return switch (e) {
            case Expr.Var v -> variable(v, s);
            case Expr.Member m -> member(m, s);
            case Expr.IntLit i -> constant(intLiteral(i.value(), s.resolve(i.type())));
            case Call c -> machine.compiler.calls.compile(c, s);
            case Expr.Binary b -> binary(b, s);
            case Expr.Cast c -> cast(c, s);
            case Expr.BoolLit b -> constant(BoolValue.of(b.value()));
            case Expr.Unary u -> unary(u, s);
            case Expr.StackElement se -> stackElement(se, s);
            case Expr.Slice sl -> {
                ExprNode o = compile(sl.operand(), s);
                int hi = sl.hi();
                int lo = sl.lo();
                yield f -> BitsArith.slice((BitsValue) o.eval(f), hi, lo);
            }
            case Expr.Mux x -> {
                ExprNode c = compile(x.condition(), s);
                ExprNode t = compile(x.ifTrue(), s);
                ExprNode o = compile(x.ifFalse(), s);
                yield f -> ((BoolValue) c.eval(f)).value() ? t.eval(f) : o.eval(f);
            }
            case Expr.EnumLit en -> constant(enumLiteral(en, s.resolve(en.type())));
            case Expr.ErrorLit er -> constant(new ErrorValue(er.member()));
            case Expr.StrLit st -> constant(new StringValue(st.value()));
            case Expr.MatchKindLit mk -> constant(new EnumValue("match_kind", mk.member()));
            case Expr.InvalidHeader ih -> fresh(Values.initial(s.resolve(ih.type())));
            case Expr.DontCareArg d -> fresh(Values.initial(s.resolve(d.type())));
            case Expr.InstanceRef r -> constant(machine.instance(r, s.block));
            case Expr.This t -> f -> {
                throw new InterpreterException(t.span(),
                        "'this' (abstract method implementations) is not supported by the interpreter");
            };
            case Expr.DynSlice d -> dynSlice(d, s);
            case Expr.StackProperty sp -> stackProperty(sp, s);
            case Expr.TupleElement te -> {
                ExprNode t = compile(te.tuple(), s);
                int i = te.index();
                yield f -> ((TupleValue) t.eval(f)).get(i);
            }
            case Expr.StructValue sv -> structValue(sv, s);
            case Expr.TupleValue tv -> {
                ExprNode[] es = all(tv.elements(), s);
                yield f -> new TupleValue(copies(es, f));
            }
        };
    }

    ExprNode[] all(List<Expr> es, Scope s) {
        ExprNode[] out = new ExprNode[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(es.get(i), s);
        }
        return out;
    }

    static Value[] copies(ExprNode[] es, Frame f) {
        Value[] out = new Value[es.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = es[i].eval(f).copy();
        }
        return out;
    }

    static ExprNode constant(Value v) {
        return f -> v;
    }

    /** A node making a fresh copy of {@code proto} each time (for composite initial values). */
    static ExprNode fresh(Value proto) {
        return Values.isComposite(proto) ? f -> proto.copy() : f -> proto;
    }

    static Value intLiteral(BigInteger v, Type type) {
        return switch (type) {
            case Type.Bits b -> BitsValue.of(b.width(), b.signed(), v);
            case Type.SerEnum se -> BitsValue.of(se.underlying().width(), se.underlying().signed(), v);
            case Type.NewType n -> intLiteral(v, n.underlying());
            default -> new IntValue(v);
        };
    }

    private static Value enumLiteral(Expr.EnumLit en, Type type) {
        return switch (type) {
            case Type.SerEnum se -> {
                var member = se.member(en.member()).orElseThrow(() -> new InterpreterException(en.span(),
                        "serializable enum " + se.name() + " has no member " + en.member()));
                yield BitsValue.of(se.underlying().width(), se.underlying().signed(), member.value());
            }
            case Type.Enum e -> new EnumValue(e.name(), en.member());
            case Type.NewType n -> enumLiteral(en, n.underlying());
            default -> new EnumValue(type.toString(), en.member());
        };
    }

    private static ExprNode variable(Expr.Var v, Scope s) {
        int slot = s.slot(v);
        if (slot < 0) {
            return f -> {
                throw new InterpreterException(v.span(), "variable " + v.name() + " has no storage here");
            };
        }
        return s.inCallable(v) ? f -> f.call[slot] : f -> f.locals[slot];
    }

    private ExprNode member(Expr.Member m, Scope s) {
        ExprNode base = compile(m.base(), s);
        Type bt = Types.representation(s.resolve(m.base().type()));
        switch (bt) {
            case Type.Struct st -> {
                int i = index(st, m);
                return f -> ((FieldedValue) base.eval(f)).get(i);
            }
            case Type.Header h -> {
                int i = index(h, m);
                return f -> ((FieldedValue) base.eval(f)).get(i);
            }
            case Type.HeaderUnion u -> {
                int i = index(u, m);
                return f -> ((UnionValue) base.eval(f)).member(i);
            }
            case Type.TableResult r -> {
                return switch (m.field()) {
                    case "hit" -> f -> BoolValue.of(((TableResultValue) base.eval(f)).hit());
                    case "miss" -> f -> BoolValue.of(!((TableResultValue) base.eval(f)).hit());
                    case "action_run" -> f -> new EnumValue("action_run", ((TableResultValue) base.eval(f)).actionRun());
                    default -> throw new InterpreterException(m.span(), "a table result has no member " + m.field());
                };
            }
            default -> {
                return f -> dynamicMember(base.eval(f), m);
            }
        }
    }

    private static int index(Type.Fielded t, Expr.Member m) {
        int i = t.fieldIndex(m.field());
        if (i < 0) {
            throw new InterpreterException(m.span(), t.name() + " has no field " + m.field());
        }
        return i;
    }

    /** A member of a value whose type is known only at run time. */
    static Value dynamicMember(Value base, Expr.Member m) {
        return switch (base) {
            case FieldedValue fv -> fv.get(index(fv.type(), m));
            case UnionValue u -> u.member(index(u.type(), m));
            case TableResultValue r -> switch (m.field()) {
                case "hit" -> BoolValue.of(r.hit());
                case "miss" -> BoolValue.of(!r.hit());
                default -> new EnumValue("action_run", r.actionRun());
            };
            case StackValue st when m.field().equals("size") -> BitsValue.of(32, false, st.size());
            default -> throw new InterpreterException(m.span(), "member " + m.field() + " of " + base);
        };
    }

    private ExprNode unary(Expr.Unary u, Scope s) {
        ExprNode a = compile(u.operand(), s);
        return switch (u.op()) {
            case NOT -> f -> BoolValue.of(!((BoolValue) a.eval(f)).value());
            case NEG -> f -> a.eval(f) instanceof IntValue i ? new IntValue(i.value().negate())
                    : BitsArith.neg((BitsValue) a.eval(f));
            case COMPLEMENT -> f -> a.eval(f) instanceof IntValue i ? new IntValue(i.value().not())
                    : BitsArith.complement((BitsValue) a.eval(f));
        };
    }

    private ExprNode binary(Expr.Binary b, Scope s) {
        ExprNode l = compile(b.left(), s);
        ExprNode r = compile(b.right(), s);
        Expr.BinOp op = b.op();
        return switch (op) {
            case LAND -> f -> BoolValue.of(((BoolValue) l.eval(f)).value() && ((BoolValue) r.eval(f)).value());
            case LOR -> f -> BoolValue.of(((BoolValue) l.eval(f)).value() || ((BoolValue) r.eval(f)).value());
            default -> f -> {
                Value x = l.eval(f);
                return Operators.apply(op, x, r.eval(f));
            };
        };
    }

    private ExprNode cast(Expr.Cast c, Scope s) {
        ExprNode o = compile(c.operand(), s);
        Type to = s.resolve(c.type());
        if (to instanceof Type.Bits b) {
            int w = b.width();
            boolean sg = b.signed();
            return f -> Conversions.toBits(o.eval(f), w, sg);
        }
        return f -> Conversions.cast(o.eval(f), to);
    }

    private ExprNode dynSlice(Expr.DynSlice d, Scope s) {
        ExprNode base = compile(d.operand(), s);
        ExprNode lo = compile(d.lo(), s);
        int width = d.width();
        return f -> {
            BitsValue b = (BitsValue) base.eval(f);
            long l = Values.count(lo.eval(f));
            if (l < 0 || l + width > b.width()) {
                return BitsValue.zero(width, false);
            }
            return BitsArith.slice(b, (int) l + width - 1, (int) l);
        };
    }

    private ExprNode stackElement(Expr.StackElement se, Scope s) {
        ExprNode stack = compile(se.stack(), s);
        ExprNode index = compile(se.index(), s);
        Value outside = Values.initial(elementType(se.stack(), s));
        return f -> {
            StackValue st = (StackValue) stack.eval(f);
            long i = Values.count(index.eval(f));
            return i >= 0 && i < st.size() ? st.element((int) i) : outside.copy();
        };
    }

    private Type elementType(Expr stack, Scope s) {
        return s.resolve(stack.type()) instanceof Type.Stack st ? s.resolve(st.element()) : Type.BOOL;
    }

    /**
     * {@code next}, {@code last}, {@code lastIndex}. Outside the stack {@code next} and
     * {@code last} raise {@code StackOutOfBounds} in a parser; in a control, where P4 leaves
     * them undefined, they give an invalid element.
     */
    private ExprNode stackProperty(Expr.StackProperty sp, Scope s) {
        ExprNode stack = compile(sp.stack(), s);
        boolean parser = s.inParser();
        Value outside = Values.initial(elementType(sp.stack(), s));
        return switch (sp.property()) {
            case NEXT -> f -> {
                StackValue st = (StackValue) stack.eval(f);
                return st.nextIndex() < st.size() ? st.element(st.nextIndex()) : outOfBounds(parser, outside);
            };
            case LAST -> f -> {
                StackValue st = (StackValue) stack.eval(f);
                return st.nextIndex() > 0 ? st.element(st.nextIndex() - 1) : outOfBounds(parser, outside);
            };
            case LAST_INDEX -> f -> BitsValue.of(32, false, ((StackValue) stack.eval(f)).nextIndex() - 1L);
        };
    }

    private static Value outOfBounds(boolean parser, Value outside) {
        if (parser) {
            throw new ParserError(ErrorValue.STACK_OUT_OF_BOUNDS);
        }
        return outside.copy();
    }

    private ExprNode structValue(Expr.StructValue sv, Scope s) {
        ExprNode[] fields = all(sv.fields(), s);
        Type t = s.resolve(sv.type());
        return switch (t) {
            case Type.Header h -> {
                Type[] ft = fieldTypes(h.fields());
                yield f -> new HeaderValue(h, castAll(copies(fields, f), ft), true);
            }
            case Type.Struct st -> {
                Type[] ft = fieldTypes(st.fields());
                yield f -> new StructValue(st, castAll(copies(fields, f), ft));
            }
            case Type.HeaderUnion u -> f -> {
                UnionValue union = (UnionValue) Values.initial(u);
                Value[] vs = copies(fields, f);
                for (int i = 0; i < vs.length; i++) {
                    if (vs[i] instanceof HeaderValue h && h.isValid()) {
                        union.setMember(i, h);
                    }
                }
                return union;
            };
            default -> f -> new TupleValue(copies(fields, f));
        };
    }

    private static Type[] fieldTypes(List<Type.Field> fields) {
        return fields.stream().map(Type.Field::type).toArray(Type[]::new);
    }

    private static Value[] castAll(Value[] values, Type[] types) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Conversions.cast(values[i], types[i]);
        }
        return values;
    }
}
