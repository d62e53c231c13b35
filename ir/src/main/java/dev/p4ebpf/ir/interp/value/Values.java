package dev.p4ebpf.ir.interp.value;

import dev.p4ebpf.ir.Type;
import java.math.BigInteger;
import java.util.List;

/**
 * Values every type starts with, and P4's {@code ==} on every type.
 *
 * <p>Uninitialized storage (locals without an initializer, {@code out} parameters on entry, the
 * headers a parser has not extracted) is unspecified in P4; the interpreter defines it as
 * {@link #initial}: zero bits, {@code false}, {@code error.NoError}, the first member of an enum,
 * invalid headers with zero fields, empty varbits, stacks with nextIndex 0. BMv2 and the eBPF
 * targets start from zeroed memory too, so the definition is the one those targets observe.
 */
public final class Values {
    private Values() {}

    /** The initial value of {@code type}, which must not mention type variables. */
    public static Value initial(Type type) {
        return switch (type) {
            case Type.Bits b -> BitsValue.zero(b.width(), b.signed());
            case Type.Bool b -> BoolValue.FALSE;
            case Type.InfInt i -> IntValue.of(0);
            case Type.Varbit v -> VarbitValue.empty(v.maxWidth());
            case Type.Error e -> ErrorValue.NO_ERROR;
            case Type.Str s -> new StringValue("");
            case Type.Enum e -> new EnumValue(e.name(), e.members().isEmpty() ? "" : e.members().getFirst());
            case Type.SerEnum e -> BitsValue.zero(e.underlying().width(), e.underlying().signed());
            case Type.NewType n -> initial(n.underlying());
            case Type.Header h -> new HeaderValue(h, initialFields(h.fields()), false);
            case Type.Struct s -> new StructValue(s, initialFields(s.fields()));
            case Type.HeaderUnion u -> {
                HeaderValue[] members = new HeaderValue[u.fields().size()];
                for (int i = 0; i < members.length; i++) {
                    members[i] = (HeaderValue) initial(u.fields().get(i).type());
                }
                yield new UnionValue(u, members);
            }
            case Type.Stack s -> {
                Value[] elements = new Value[s.size()];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = initial(s.element());
                }
                yield new StackValue(s, elements, 0);
            }
            case Type.Tuple t -> new TupleValue(t.elements().stream().map(Values::initial).toArray(Value[]::new));
            case Type.ListLiteral t -> new TupleValue(t.elements().stream().map(Values::initial).toArray(Value[]::new));
            case Type.StructLiteral t -> new TupleValue(
                    t.fields().stream().map(f -> initial(f.type())).toArray(Value[]::new));
            case Type.TableResult r -> new TableResultValue(false, "");
            case Type.ActionEnum a -> new EnumValue("action_run", "");
            case Type.MatchKind m -> new EnumValue("match_kind", "");
            case Type.TypeVar v -> throw new IllegalArgumentException("initial value of unbound type variable " + v.name());
            case Type.Void v -> throw new IllegalArgumentException("no value of type void");
            case Type.DontCare d -> throw new IllegalArgumentException("no value of type _");
            case Type.P4List l -> new TupleValue(new Value[0]);
            case Type.KeySet k -> throw new IllegalArgumentException("no initial value of a keyset type");
            case Type.Extern e -> throw new IllegalArgumentException("no initial value of extern " + e.name());
            case Type.Block b -> throw new IllegalArgumentException("no initial value of " + b.name());
            case Type.Table t -> throw new IllegalArgumentException("no initial value of table " + t.name());
            case Type.Function f -> throw new IllegalArgumentException("no initial value of a function type");
            case Type.ValueSet v -> throw new IllegalArgumentException("no initial value of a value set type");
        };
    }

    private static Value[] initialFields(List<Type.Field> fields) {
        Value[] v = new Value[fields.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = initial(fields.get(i).type());
        }
        return v;
    }

    /**
     * P4's {@code a == b} for two values of the same type. Headers are equal when both are
     * invalid, or both valid with equal fields; unions, stacks, structs and tuples compare their
     * parts.
     */
    public static boolean equal(Value a, Value b) {
        return switch (a) {
            case BitsValue x -> b instanceof BitsValue y && BitsArith.equal(x, y);
            case HeaderValue x -> b instanceof HeaderValue y && headersEqual(x, y);
            case StructValue x -> b instanceof StructValue y && partsEqual(x, y);
            case UnionValue x -> b instanceof UnionValue y && unionsEqual(x, y);
            case StackValue x -> b instanceof StackValue y && stacksEqual(x, y);
            case TupleValue x -> b instanceof TupleValue y && tuplesEqual(x, y);
            case IntValue x -> b instanceof IntValue y ? x.equals(y)
                    : b instanceof BitsValue z && x.value().equals(z.toBigInteger());
            case BoolValue x -> x.equals(b);
            case ErrorValue x -> x.equals(b);
            case EnumValue x -> x.equals(b);
            case StringValue x -> x.equals(b);
            case VarbitValue x -> b instanceof VarbitValue y && x.width() == y.width() && x.bits().equals(y.bits());
            case ObjectValue x -> x.equals(b);
            case TableResultValue x -> x.equals(b);
        };
    }

    private static boolean headersEqual(HeaderValue x, HeaderValue y) {
        if (!x.isValid() || !y.isValid()) {
            return x.isValid() == y.isValid();
        }
        return partsEqual(x, y);
    }

    private static boolean partsEqual(FieldedValue x, FieldedValue y) {
        return allEqual(x.size(), y.size(), i -> equal(x.get(i), y.get(i)));
    }

    private static boolean unionsEqual(UnionValue x, UnionValue y) {
        return allEqual(x.size(), x.size(), i -> headersEqual(x.member(i), y.member(i)));
    }

    private static boolean stacksEqual(StackValue x, StackValue y) {
        return allEqual(x.size(), y.size(), i -> equal(x.element(i), y.element(i)));
    }

    private static boolean tuplesEqual(TupleValue x, TupleValue y) {
        return allEqual(x.size(), y.size(), i -> equal(x.get(i), y.get(i)));
    }

    /** Whether two sequences of {@code n} and {@code m} elements are as long and equal at every index. */
    private static boolean allEqual(int n, int m, java.util.function.IntPredicate equalAt) {
        if (n != m) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!equalAt.test(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes the composite {@code target} a copy of {@code source} (a value of the same type),
     * keeping the target's storage: headers, structs, unions and stacks are assigned field by
     * field, so that locations inside them stay valid.
     */
    public static void assignInPlace(Value target, Value source) {
        switch (target) {
            case HeaderValue h -> h.assign((HeaderValue) source);
            case StructValue s -> {
                StructValue from = (StructValue) source;
                for (int i = 0; i < s.size(); i++) {
                    Value old = s.get(i);
                    if (isComposite(old)) {
                        assignInPlace(old, from.get(i));
                    } else {
                        s.set(i, from.get(i).copy());
                    }
                }
            }
            case UnionValue u -> u.assign((UnionValue) source);
            case StackValue st -> st.assign((StackValue) source);
            case TupleValue t -> {
                TupleValue from = (TupleValue) source;
                for (int i = 0; i < t.size(); i++) {
                    t.set(i, from.get(i).copy());
                }
            }
            default -> throw new IllegalArgumentException("not a composite: " + target);
        }
    }

    /** Whether {@code v} is a mutable composite (assigned in place rather than replaced). */
    public static boolean isComposite(Value v) {
        return v instanceof HeaderValue || v instanceof StructValue || v instanceof UnionValue
                || v instanceof StackValue || v instanceof TupleValue;
    }

    /** An integer-like value (bits, int, a serializable enum's bits) as a number. */
    public static BigInteger number(Value v) {
        return switch (v) {
            case BitsValue b -> b.toBigInteger();
            case IntValue i -> i.value();
            case BoolValue b -> b.value() ? BigInteger.ONE : BigInteger.ZERO;
            default -> throw new IllegalArgumentException("not a number: " + v);
        };
    }

    /** An integer-like value as a non-negative count (indices, sizes, shift amounts). */
    public static long count(Value v) {
        BigInteger n = switch (v) {
            case BitsValue b -> BitsArith.asCount(b);
            default -> number(v);
        };
        if (n.signum() < 0) {
            return -1;
        }
        return n.bitLength() > 62 ? Long.MAX_VALUE : n.longValue();
    }
}
