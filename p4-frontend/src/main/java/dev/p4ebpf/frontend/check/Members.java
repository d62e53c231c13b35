package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.fold.IntOps;
import java.math.BigInteger;
import java.util.Optional;

/** Fields, stack and table-result members, indexing and slicing of values. */
final class Members {
    private static final Type.Bits INDEX = Type.Bits.unsigned(32);

    private final Checker ck;

    Members(Checker ck) {
        this.ck = ck;
    }

    Expr member(Expr base, String name, Span nameSpan, Span span) {
        Type t = base.type();
        return switch (t) {
            case Type.DontCare d -> Conversions.poisoned(base);
            case Type.Fielded f -> f.field(name).<Expr>map(fd -> base instanceof Expr.StructValue sv
                            ? Relocate.to(sv.fields().get(f.fieldIndex(name)), span)
                            : new Expr.Member(base, name, fd.type(), span))
                    .orElseGet(() -> noMember(t, name, nameSpan, base));
            case Type.Stack s -> stackMember(base, s, name, nameSpan, span);
            case Type.TableResult r -> switch (name) {
                case "hit", "miss" -> new Expr.Member(base, name, Type.BOOL, span);
                case "action_run" -> new Expr.Member(base, name, ck.tables.actionEnum(r.table()), span);
                default -> noMember(t, name, nameSpan, base);
            };
            default -> noMember(t, name, nameSpan, base);
        };
    }

    private Expr stackMember(Expr base, Type.Stack s, String name, Span nameSpan, Span span) {
        return switch (name) {
            case "next" -> new Expr.StackProperty(base, Expr.StackProp.NEXT, s.element(), span);
            case "last" -> new Expr.StackProperty(base, Expr.StackProp.LAST, s.element(), span);
            case "lastIndex" -> new Expr.StackProperty(base, Expr.StackProp.LAST_INDEX, INDEX, span);
            case "size" -> new Expr.IntLit(BigInteger.valueOf(s.size()), Type.INF_INT, span);
            default -> noMember(s, name, nameSpan, base);
        };
    }

    private Expr noMember(Type t, String name, Span at, Expr base) {
        ck.diags.report(Code.NO_MEMBER, at, ExprText.type(t), name);
        return Conversions.poisoned(base);
    }

    Expr index(Expr base, Expr index, Span indexSpan, Span span) {
        return switch (base.type()) {
            case Type.DontCare d -> Conversions.poisoned(base);
            case Type.Stack s -> {
                if (index instanceof Expr.IntLit lit && (lit.value().signum() < 0
                        || lit.value().compareTo(BigInteger.valueOf(s.size())) >= 0)) {
                    ck.diags.report(Code.OUT_OF_BOUNDS, indexSpan, "index " + lit.value(),
                            "the array has " + s.size() + " element(s)");
                    yield Conversions.poisoned(base);
                }
                yield new Expr.StackElement(base, indexValue(index, indexSpan), s.element(), span);
            }
            case Type.Tuple t -> {
                if (!(index instanceof Expr.IntLit lit)) {
                    ck.diags.report(Code.NOT_CONSTANT, indexSpan, "a tuple index");
                    yield Conversions.poisoned(base);
                }
                if (lit.value().signum() < 0 || lit.value().compareTo(BigInteger.valueOf(t.elements().size())) >= 0) {
                    ck.diags.report(Code.OUT_OF_BOUNDS, indexSpan, "index " + lit.value(),
                            "the tuple has " + t.elements().size() + " element(s)");
                    yield Conversions.poisoned(base);
                }
                int i = lit.value().intValueExact();
                yield base instanceof Expr.TupleValue tv ? tv.elements().get(i)
                        : new Expr.TupleElement(base, i, t.elements().get(i), span);
            }
            default -> {
                ck.diags.report(Code.BAD_OPERAND, span, "'[ ]'", ExprText.type(base.type()));
                yield Conversions.poisoned(base);
            }
        };
    }

    private Expr indexValue(Expr index, Span at) {
        Type t = index.type();
        if (t instanceof Type.InfInt) {
            return ck.conv.coerce(index, INDEX, at, "the index");
        }
        if (t instanceof Type.Bits || t instanceof Type.DontCare) {
            return index;
        }
        if (t instanceof Type.SerEnum se) {
            return ck.fold(new Expr.Cast(se.underlying(), index, at));
        }
        if (t instanceof Type.NewType n && dev.p4ebpf.ir.Types.representation(n) instanceof Type.Bits b) {
            return ck.fold(new Expr.Cast(b, index, at));
        }
        ck.diags.report(Code.TYPE_MISMATCH, at, "the index", "an integer", ExprText.type(t));
        return Conversions.poisoned(index);
    }

    Expr slice(Expr base, BigInteger hi, BigInteger lo, Span span) {
        Optional<Integer> width = sliceable(base, span);
        if (width.isEmpty()) {
            return Conversions.poisoned(base);
        }
        int w = width.get();
        if (lo.signum() < 0 || hi.compareTo(lo) < 0 || w >= 0 && hi.compareTo(BigInteger.valueOf(w)) >= 0
                || hi.bitLength() > 20) {
            ck.diags.report(Code.OUT_OF_BOUNDS, span, "slice [" + hi + ":" + lo + "]",
                    w >= 0 ? "the value has " + w + " bit(s)" : "bounds must satisfy 0 <= lo <= hi");
            return Conversions.poisoned(base);
        }
        int h = hi.intValueExact();
        int l = lo.intValueExact();
        Expr operand = base.type() instanceof Type.SerEnum se ? ck.fold(new Expr.Cast(se.underlying(), base, base.span()))
                : base;
        return ck.fold(new Expr.Slice(operand, h, l, Type.Bits.unsigned(h - l + 1), span));
    }

    Expr dynSlice(Expr base, Expr lo, BigInteger width, Span span) {
        Optional<Integer> w = sliceable(base, span);
        if (w.isEmpty()) {
            return Conversions.poisoned(base);
        }
        if (width.signum() <= 0 || w.get() >= 0 && width.compareTo(BigInteger.valueOf(w.get())) > 0) {
            ck.diags.report(Code.OUT_OF_BOUNDS, span, "a slice of " + width + " bit(s)",
                    "the value has " + w.get() + " bit(s)");
            return Conversions.poisoned(base);
        }
        Expr offset = lo.type() instanceof Type.InfInt ? ck.conv.coerce(lo, INDEX, lo.span(), "the slice offset") : lo;
        if (offset instanceof Expr.IntLit lit) {
            BigInteger hi = lit.value().add(width).subtract(BigInteger.ONE);
            return slice(base, hi, IntOps.unsigned(lit.value(), 32), span);
        }
        return new Expr.DynSlice(base, offset, width.intValueExact(), Type.Bits.unsigned(width.intValueExact()), span);
    }

    /** The width of a value that can be sliced ({@code -1} for {@code int}), or empty after reporting why not. */
    private Optional<Integer> sliceable(Expr base, Span span) {
        return switch (base.type()) {
            case Type.Bits b -> Optional.of(b.width());
            case Type.SerEnum se -> Optional.of(se.underlying().width());
            case Type.InfInt i -> Optional.of(-1);
            case Type.DontCare d -> Optional.empty();
            default -> {
                ck.diags.report(Code.BAD_OPERAND, span, "'[:]'", ExprText.type(base.type()));
                yield Optional.empty();
            }
        };
    }

    /** {@code minSizeInBits()} and its relatives of a type, as compile-time integers. */
    Optional<BigInteger> size(Type t, String method) {
        boolean max = method.startsWith("max");
        Optional<Integer> bits = bits(t, max);
        return bits.map(b -> method.endsWith("Bytes") ? BigInteger.valueOf((b + 7) / 8) : BigInteger.valueOf(b));
    }

    private Optional<Integer> bits(Type t, boolean max) {
        return switch (t) {
            case Type.Bits b -> Optional.of(b.width());
            case Type.Bool b -> Optional.of(1);
            case Type.Varbit v -> Optional.of(max ? v.maxWidth() : 0);
            case Type.SerEnum e -> Optional.of(e.underlying().width());
            case Type.NewType n -> bits(n.underlying(), max);
            case Type.Struct s -> sum(s, max);
            case Type.Header h -> sum(h, max);
            case Type.HeaderUnion u -> u.fields().stream().map(f -> bits(f.type(), max))
                    .reduce(Optional.of(0), (a, b) -> a.flatMap(x -> b.map(y -> max ? Math.max(x, y)
                            : (x == 0 ? y : Math.min(x, y)))));
            case Type.Stack s -> bits(s.element(), max).map(b -> b * s.size());
            default -> Optional.empty();
        };
    }

    private Optional<Integer> sum(Type.Fielded f, boolean max) {
        int total = 0;
        for (Type.Field fd : f.fields()) {
            Optional<Integer> b = bits(fd.type(), max);
            if (b.isEmpty()) {
                return Optional.empty();
            }
            total += b.get();
        }
        return Optional.of(total);
    }
}
