package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.fold.IntOps;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conversions the language performs without being asked (spec 8.11.2) and the explicit casts it
 * allows (8.11.1). Implicit conversions become explicit in the IR: a literal gets its final type, any
 * other conversion becomes a {@link Expr.Cast}.
 */
final class Conversions {
    private final Checker ck;

    Conversions(Checker ck) {
        this.ck = ck;
    }

    /** {@code e} converted to {@code target}, or an error reported at {@code at} (then {@code e} as it is). */
    Expr coerce(Expr e, Type target, Span at, String what) {
        return tryCoerce(e, target).orElseGet(() -> {
            ck.diags.report(Code.TYPE_MISMATCH, at, what, ExprText.type(target), ExprText.type(e.type()));
            return poisoned(e);
        });
    }

    /** {@code e} converted to {@code target} if the language does that implicitly. */
    Optional<Expr> tryCoerce(Expr e, Type target) {
        Type from = e.type();
        if (from.equals(target) || from instanceof Type.DontCare || target instanceof Type.DontCare) {
            return Optional.of(e);
        }
        if (from instanceof Type.InfInt && target instanceof Type.Bits b) {
            return Optional.of(literalTo(e, b));
        }
        if (from instanceof Type.Bits && target instanceof Type.InfInt) {
            return Optional.of(ck.fold(new Expr.Cast(target, e, e.span())));
        }
        if (from instanceof Type.InfInt && target instanceof Type.NewType n && n.underlying() instanceof Type.Bits b) {
            return Optional.of(new Expr.Cast(target, literalTo(e, b), e.span()));
        }
        if (from instanceof Type.Block && target instanceof Type.Block
                || from instanceof Type.Extern && target instanceof Type.Extern) {
            // a parser, control or extern instance fits a parameter of a matching type
            return new Unifier(java.util.List.of(), new java.util.HashMap<>()).unify(target, from)
                    ? Optional.of(e) : Optional.empty();
        }
        if (from instanceof Type.SerEnum se && se.underlying().equals(target)) {
            return Optional.of(ck.fold(new Expr.Cast(target, e, e.span())));
        }
        return retype(e, target);
    }

    /** An integer-literal expression given a width; values that do not fit are wrapped, with a warning. */
    private Expr literalTo(Expr e, Type.Bits b) {
        if (e instanceof Expr.IntLit lit) {
            BigInteger wrapped = IntOps.wrap(lit.value(), b);
            if (!wrapped.equals(lit.value())) {
                ck.diags.report(Code.VALUE_TRUNCATED, e.span(), lit.value(), ExprText.type(b), wrapped);
            }
            return new Expr.IntLit(wrapped, b, e.span());
        }
        return new Expr.Cast(b, e, e.span());
    }

    /**
     * A list or structure value typed by its context: {@code {1, 2}} as a tuple, struct or header; the
     * elements converted to the field types.
     */
    private Optional<Expr> retype(Expr e, Type target) {
        List<Expr> elements;
        if (e instanceof Expr.TupleValue t && t.type() instanceof Type.Tuple) {
            elements = t.elements();
        } else if (e instanceof Expr.StructValue s && s.type() instanceof Type.StructLiteral lit) {
            return retypeStruct(s, lit, target);
        } else {
            return Optional.empty();
        }
        List<Type> targets = switch (target) {
            case Type.Tuple tu -> tu.elements();
            case Type.Struct s -> fieldTypes(s);
            case Type.Header h -> fieldTypes(h);
            case Type.Stack s -> java.util.Collections.nCopies(s.size(), s.element());
            case Type.P4List l -> java.util.Collections.nCopies(elements.size(), l.element());
            default -> null;
        };
        if (targets == null || targets.size() != elements.size()) {
            return Optional.empty();
        }
        var converted = new ArrayList<Expr>();
        for (int i = 0; i < elements.size(); i++) {
            Optional<Expr> c = tryCoerce(elements.get(i), targets.get(i));
            if (c.isEmpty()) {
                return Optional.empty();
            }
            converted.add(c.get());
        }
        return Optional.of(switch (target) {
            case Type.Tuple tu -> new Expr.TupleValue(target, converted, e.span());
            case Type.P4List l -> new Expr.TupleValue(target, converted, e.span());
            case Type.Stack s -> new Expr.TupleValue(target, converted, e.span());
            default -> new Expr.StructValue(target, converted, e.span());
        });
    }

    private Optional<Expr> retypeStruct(Expr.StructValue s, Type.StructLiteral lit, Type target) {
        if (!(target instanceof Type.Struct || target instanceof Type.Header)) {
            return Optional.empty();
        }
        var fields = ((Type.Fielded) target).fields();
        if (fields.size() != lit.fields().size()) {
            return Optional.empty();
        }
        var converted = new ArrayList<Expr>();
        for (Type.Field f : fields) {
            int i = indexOf(lit.fields(), f.name());
            if (i < 0) {
                return Optional.empty();
            }
            Optional<Expr> c = tryCoerce(s.fields().get(i), f.type());
            if (c.isEmpty()) {
                return Optional.empty();
            }
            converted.add(c.get());
        }
        return Optional.of(new Expr.StructValue(target, converted, s.span()));
    }

    private static int indexOf(List<Type.Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Type> fieldTypes(Type.Fielded f) {
        return f.fields().stream().map(Type.Field::type).toList();
    }

    /** Whether {@code (to) e} is an allowed explicit cast from {@code from}. */
    boolean castAllowed(Type from, Type to) {
        if (from.equals(to) || from instanceof Type.DontCare || to instanceof Type.DontCare) {
            return true;
        }
        Type f = dev.p4ebpf.ir.Types.representation(from);
        Type t = dev.p4ebpf.ir.Types.representation(to);
        if (f.equals(t)) {
            return true;
        }
        return switch (t) {
            case Type.Bits tb -> switch (f) {
                case Type.Bits fb -> fb.signed() == tb.signed() || fb.width() == tb.width();
                case Type.InfInt i -> true;
                case Type.Bool b -> !tb.signed() && tb.width() == 1;
                case Type.SerEnum e -> true;
                default -> false;
            };
            case Type.Bool b -> f instanceof Type.Bits fb && !fb.signed() && fb.width() == 1 || f instanceof Type.InfInt;
            case Type.SerEnum e -> f instanceof Type.Bits || f instanceof Type.InfInt || f instanceof Type.SerEnum;
            case Type.InfInt i -> f instanceof Type.Bits;
            default -> false;
        };
    }

    /** The value a variable of this type holds when initialized with {@code ...} or a default initializer. */
    Optional<Expr> defaultValue(Type t, Span at) {
        return switch (t) {
            case Type.Bits b -> Optional.of(new Expr.IntLit(BigInteger.ZERO, b, at));
            case Type.InfInt i -> Optional.of(new Expr.IntLit(BigInteger.ZERO, i, at));
            case Type.Bool b -> Optional.of(new Expr.BoolLit(false, at));
            case Type.Str s -> Optional.of(new Expr.StrLit("", at));
            case Type.Error e -> Optional.of(new Expr.ErrorLit("NoError", at));
            case Type.Enum e -> Optional.of(new Expr.EnumLit(e, e.members().getFirst(), at));
            case Type.SerEnum e -> Optional.of(new Expr.Cast(e, new Expr.IntLit(BigInteger.ZERO, e.underlying(), at), at));
            case Type.Header h -> Optional.of(new Expr.InvalidHeader(h, at));
            case Type.HeaderUnion u -> Optional.of(new Expr.InvalidHeader(u, at));
            case Type.Struct s -> all(s.fields().stream().map(Type.Field::type).toList(), at)
                    .map(vs -> new Expr.StructValue(s, vs, at));
            case Type.Tuple tu -> all(tu.elements(), at).map(vs -> new Expr.TupleValue(tu, vs, at));
            case Type.Stack s -> all(java.util.Collections.nCopies(s.size(), s.element()), at)
                    .map(vs -> new Expr.TupleValue(s, vs, at));
            case Type.NewType n -> defaultValue(n.underlying(), at).map(v -> new Expr.Cast(n, v, at));
            default -> Optional.empty();
        };
    }

    private Optional<List<Expr>> all(List<Type> types, Span at) {
        var values = new ArrayList<Expr>();
        for (Type t : types) {
            Optional<Expr> v = defaultValue(t, at);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            values.add(v.get());
        }
        return Optional.of(values);
    }

    /** An expression whose type is poisoned, so that nothing more is reported about it. */
    static Expr poisoned(Expr e) {
        return new Expr.Cast(Type.DONT_CARE, e, e.span());
    }

    /** Whether the type is an integer type of fixed width, possibly through a new type or enum. */
    static boolean isBits(Type t) {
        return Types.representation(t) instanceof Type.Bits;
    }
}
